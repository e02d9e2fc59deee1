import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useSelectedArea } from '../../area/context.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { fetchOverdue, fetchRequests, type RequestSummary } from './api.ts';
import { codeLabel, needLabel } from './format.ts';
import { IntakeNav } from './IntakeNav.tsx';
import { useKeysetList } from './useKeysetList.ts';

type Status = 'open' | 'completed';

/** 受理件: the requests of the area with their parts closed / total, 办结 and overdue warnings. */
export default function RequestListPage() {
  const me = useCurrentUser();
  // Partners do not read whole requests: their page is the referral board.
  if (!can(me, 'intake.read')) return <Navigate to="/intake/referrals" replace />;
  return <RequestList />;
}

function RequestList() {
  const t = useT();
  const programmes = useProgrammes();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { area: selected } = useSelectedArea();
  const [area, setArea] = useState<string>(selected.code);
  // The header's working area resets the filter.
  useEffect(() => setArea(selected.code), [selected.code]);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const fetcher = useCallback((after?: number) => fetchRequests({ area, status, after }), [area, status]);
  const list = useKeysetList<RequestSummary>(fetcher);
  const overdue = useApiData(() => fetchOverdue(area), [area]);
  const overdueByRequest = useMemo(() => {
    const m = new Map<string, number>();
    for (const p of overdue.data?.items ?? []) m.set(p.requestNo, Math.max(m.get(p.requestNo) ?? 0, p.workingDaysOverdue));
    return m;
  }, [overdue.data]);

  return (
    <>
      <IntakeNav />
      <Card
        title={t('intake.requests.title')}
        extra={
          can(me, 'intake.write') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="intake-new" onClick={() => navigate('/intake/new')}>
              {t('intake.requests.new')}
            </Button>
          )
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <AreaTreeSelect
              testId="intake-area"
              root={{ code: me.areaCode, name: me.areaName, level: me.areaLevel }}
              value={area}
              valueLabel={area === selected.code ? selected.name : undefined}
              placeholder={t('intake.filter.area')}
              style={{ minWidth: 220 }}
              onChange={(code) => setArea(code)}
            />
            <Select<Status | 'all'>
              aria-label={t('intake.col.status')}
              data-testid="intake-status"
              style={{ width: 140 }}
              value={status ?? 'all'}
              onChange={(v) => setStatus(v === 'all' ? undefined : v)}
              options={[
                { value: 'all', label: t('intake.filter.all') },
                { value: 'open', label: t('intake.filter.open') },
                { value: 'completed', label: t('intake.filter.completed') },
              ]}
            />
          </Space>
          {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error })} />}
          <Table<RequestSummary>
            data-testid="intake-requests"
            rowKey="requestNo"
            size="small"
            loading={list.loading}
            dataSource={list.items}
            pagination={false}
            locale={{ emptyText: t('common.noData') }}
            columns={[
              { key: 'no', title: t('intake.col.requestNo'), render: (_, r) => <Link to={`/intake/${r.requestNo}`}>{r.requestNo}</Link> },
              { key: 'receivedOn', title: t('intake.col.receivedOn'), dataIndex: 'receivedOn' },
              { key: 'person', title: t('intake.col.person'), dataIndex: 'personName' },
              { key: 'channel', title: t('intake.col.channel'), render: (_, r) => codeLabel(t, 'intake.channel', r.channel) },
              { key: 'needs', title: t('intake.col.needs'), render: (_, r) => r.needs.map((n) => <Tag key={n}>{needLabel(t, programmes, n)}</Tag>) },
              { key: 'parts', title: t('intake.col.parts'), render: (_, r) => t('intake.partsClosed', { closed: r.closedParts, total: r.parts }) },
              {
                key: 'status',
                title: t('intake.col.status'),
                render: (_, r) => {
                  const late = overdueByRequest.get(r.requestNo);
                  return (
                    <Space size={4}>
                      {r.completed ? <Tag color="green" data-testid="completed-tag">{t('intake.completed')}</Tag> : <Tag color="blue">{t('intake.inProgress')}</Tag>}
                      {r.completedOn && <Typography.Text type="secondary">{r.completedOn}</Typography.Text>}
                      {late !== undefined && <Tag color="red" data-testid="overdue-tag">{t('intake.overdueDays', { days: late })}</Tag>}
                    </Space>
                  );
                },
              },
            ]}
          />
          {list.next && <Button onClick={list.loadMore} loading={list.loading}>{t('intake.loadMore')}</Button>}
        </Space>
      </Card>
    </>
  );
}
