import { Alert, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { useSelectedArea } from '../../area/context.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { fetchReferrals, type ReferralItem } from './api.ts';
import { codeLabel, deptLabel, needLabel } from './format.ts';
import { IntakeNav } from './IntakeNav.tsx';
import { useKeysetList } from './useKeysetList.ts';

type Status = 'open' | 'closed' | 'all';

/** 转办事项: referrals in the working area (a partner sees its own department's only — the server decides). */
export default function ReferralBoardPage() {
  const t = useT();
  const programmes = useProgrammes();
  const me = useCurrentUser();
  const { area } = useSelectedArea();
  const [status, setStatus] = useState<Status>('open');
  const fetcher = useCallback((after?: number) => fetchReferrals({ area: area.code, status: status === 'all' ? undefined : status, after }), [area.code, status]);
  const list = useKeysetList<ReferralItem>(fetcher);

  return (
    <>
      <IntakeNav />
      <Card
        title={me.department ? t('intake.referrals.titleDept', { dept: deptLabel(t, me.department) }) : t('intake.referrals.title')}
        extra={
          <Segmented<Status>
            data-testid="referral-status"
            value={status}
            onChange={setStatus}
            options={[
              { value: 'open', label: t('intake.filter.open') },
              { value: 'closed', label: t('intake.filter.closed') },
              { value: 'all', label: t('intake.filter.all') },
            ]}
          />
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error })} />}
          <Table<ReferralItem>
            data-testid="referral-board"
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={list.items}
            pagination={false}
            locale={{ emptyText: t('common.noData') }}
            onRow={(r) => (r.overdue ? { style: { background: '#fff1f0' } } : {})}
            columns={[
              { key: 'id', title: t('intake.col.referral'), render: (_, r) => <Link to={`/intake/referrals/${r.id}`}>{t('intake.referral.open', { id: r.id })}</Link> },
              { key: 'requestNo', title: t('intake.col.requestNo'), dataIndex: 'requestNo' },
              { key: 'dept', title: t('intake.col.department'), render: (_, r) => deptLabel(t, r.department) },
              { key: 'need', title: t('intake.col.need'), render: (_, r) => needLabel(t, programmes, r.need, r.needLabel) },
              { key: 'person', title: t('intake.col.person'), render: (_, r) => `${r.personName} ${r.personIdNumber}` },
              { key: 'referredOn', title: t('intake.col.referredOn'), dataIndex: 'referredOn' },
              {
                key: 'due',
                title: t('intake.col.dueDate'),
                render: (_, r) => (
                  <Typography.Text type={r.overdue ? 'danger' : undefined} data-overdue={r.overdue ? 'true' : 'false'}>
                    {r.dueDate ?? t('intake.dash')}
                    {r.overdue && ` · ${t('intake.overdueDays', { days: r.workingDaysOverdue })}`}
                  </Typography.Text>
                ),
              },
              { key: 'status', title: t('intake.col.status'), render: (_, r) => <Tag color={r.closed ? 'green' : r.status === 'accepted' ? 'blue' : 'gold'}>{codeLabel(t, 'intake.partStatus', r.status)}</Tag> },
              { key: 'outcome', title: t('intake.col.outcome'), render: (_, r) => (r.outcome ? codeLabel(t, 'intake.outcome', r.outcome, r.outcomeLabel) : t('intake.dash')) },
            ]}
          />
          {list.next && <Button onClick={list.loadMore} loading={list.loading}>{t('intake.loadMore')}</Button>}
        </Space>
      </Card>
    </>
  );
}
