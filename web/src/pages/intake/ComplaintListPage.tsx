import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useSelectedArea } from '../../area/context.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { fetchComplaints, type ComplaintItem, type ComplaintStatus } from './api.ts';
import { codeLabel, COMPLAINT_STATUSES } from './format.ts';
import { IntakeNav } from './IntakeNav.tsx';
import { useKeysetList } from './useKeysetList.ts';

const STATUS_COLOR: Record<ComplaintStatus, string> = { received: 'gold', assigned: 'blue', concluded: 'purple', closed: 'green' };

/** 举报登记簿: complaints in the working area with their status; register a new one. */
export default function ComplaintListPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { area } = useSelectedArea();
  const [status, setStatus] = useState<ComplaintStatus | undefined>(undefined);
  const fetcher = useCallback((after?: number) => fetchComplaints({ area: area.code, status, after }), [area.code, status]);
  const list = useKeysetList<ComplaintItem>(fetcher);

  return (
    <>
      <IntakeNav />
      <Card
        title={t('complaint.list.title')}
        extra={
          can(me, 'complaints.write') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="complaint-new" onClick={() => navigate('/intake/complaints/new')}>
              {t('complaint.list.new')}
            </Button>
          )
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select<ComplaintStatus | 'all'>
            aria-label={t('intake.col.status')}
            data-testid="complaint-status-filter"
            style={{ width: 160 }}
            value={status ?? 'all'}
            onChange={(v) => setStatus(v === 'all' ? undefined : v)}
            options={[{ value: 'all', label: t('intake.filter.all') }, ...COMPLAINT_STATUSES.map((s) => ({ value: s, label: codeLabel(t, 'complaint.status', s) }))]}
          />
          {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error })} />}
          <Table<ComplaintItem>
            data-testid="complaint-list"
            rowKey="complaintNo"
            size="small"
            loading={list.loading}
            dataSource={list.items}
            pagination={false}
            locale={{ emptyText: t('common.noData') }}
            columns={[
              { key: 'no', title: t('complaint.col.no'), render: (_, c) => <Link to={`/intake/complaints/${c.complaintNo}`}>{c.complaintNo}</Link> },
              { key: 'receivedOn', title: t('complaint.col.receivedOn'), dataIndex: 'receivedOn' },
              { key: 'channel', title: t('complaint.col.channel'), render: (_, c) => (c.viaPortal ? t('complaint.channel.portal') : codeLabel(t, 'complaint.channel', c.channel)) },
              { key: 'complainant', title: t('complaint.col.complainant'), render: (_, c) => (c.anonymous ? t('complaint.anonymous') : (c.complainantName ?? t('intake.dash'))) },
              { key: 'subject', title: t('complaint.col.subject'), render: (_, c) => `${codeLabel(t, 'complaint.subject', c.subjectKind)} ${c.caseNo ?? c.subjectName}` },
              { key: 'category', title: t('complaint.col.category'), render: (_, c) => codeLabel(t, 'complaint.category', c.category) },
              {
                key: 'status',
                title: t('complaint.col.status'),
                render: (_, c) => (
                  <Space size={4}>
                    <Tag color={STATUS_COLOR[c.status as ComplaintStatus] ?? 'default'}>{codeLabel(t, 'complaint.status', c.status, c.statusLabel)}</Tag>
                    {c.caseFlagged && <Tag color="red">{t('complaint.caseFlagged')}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
          {list.next && <Button onClick={list.loadMore} loading={list.loading}>{t('intake.loadMore')}</Button>}
        </Space>
      </Card>
    </>
  );
}
