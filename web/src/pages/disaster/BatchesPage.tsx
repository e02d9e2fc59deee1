import { Alert, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { BATCH_KINDS, BATCH_STATUSES, type BatchItem, type BatchKind, type BatchList, type BatchStatus } from '../../../../src/modules/disaster/contract.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { formatYuan } from '../registry/money.ts';
import { NewBatch } from './NewBatch.tsx';

export const BATCH_STATUS_COLORS: Record<BatchStatus, string> = { draft: 'default', notice: 'gold', approved: 'blue', decided: 'green', void: 'red' };

/** 救助批次: the batches the user sees, by kind and status; a county approver drafts one. */
export default function BatchesPage() {
  const t = useT();
  const me = useCurrentUser();
  const [kind, setKind] = useState<BatchKind | undefined>();
  const [status, setStatus] = useState<BatchStatus | undefined>();
  const [adding, setAdding] = useState(false);
  const q = new URLSearchParams({ limit: '200', ...(kind ? { kind } : {}), ...(status ? { status } : {}) });
  const list = useApiData(() => api<BatchList>(`/disaster/batches?${q.toString()}`), [kind, status]);
  return (
    <Card title={t('batch.title')} extra={<Link to="/disaster">{t('disaster.events.title')}</Link>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {can(me, 'disaster.batch') && me.areaLevel === 'county' && <Button type="primary" onClick={() => setAdding(true)} data-testid="batch-new">{t('batch.new')}</Button>}
          <Select aria-label={t('batch.col.kind')} allowClear placeholder={t('batch.col.kind')} style={{ width: 180 }} value={kind} onChange={setKind} options={BATCH_KINDS.map((k) => ({ value: k, label: t(`batch.kind.${k}`) }))} />
          <Select aria-label={t('batch.col.status')} allowClear placeholder={t('batch.col.status')} style={{ width: 160 }} value={status} onChange={setStatus} options={BATCH_STATUSES.map((s) => ({ value: s, label: t(`batch.status.${s}`) }))} />
        </Space>
        {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
        <Table<BatchItem> size="small" rowKey="batchNo" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="batches-table" locale={{ emptyText: t('common.noData') }} columns={[
          { key: 'batchNo', title: t('batch.col.batchNo'), render: (_, b) => <Link to={`/disaster/batches/${b.batchNo}`}>{b.batchNo}</Link> },
          { key: 'kind', title: t('batch.col.kind'), render: (_, b) => t(`batch.kind.${b.kind}`) },
          { key: 'source', title: t('batch.col.source'), render: (_, b) => b.eventName ?? b.season },
          { key: 'county', title: t('batch.col.county'), dataIndex: 'countyName' },
          { key: 'households', title: t('batch.col.households'), dataIndex: 'households', align: 'right' },
          { key: 'persons', title: t('batch.col.persons'), dataIndex: 'persons', align: 'right' },
          { key: 'amount', title: t('batch.col.amount'), align: 'right', render: (_, b) => formatYuan(b.amountFen) },
          { key: 'createdOn', title: t('batch.col.createdOn'), dataIndex: 'createdOn' },
          { key: 'status', title: t('batch.col.status'), render: (_, b) => <Tag color={BATCH_STATUS_COLORS[b.status]}>{t(`batch.status.${b.status}`)}</Tag> },
        ]} />
      </Space>
      {adding && <NewBatch onClose={() => setAdding(false)} />}
    </Card>
  );
}
