import { Alert, Button, Card, InputNumber, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { EventItem, EventList } from '../../../../src/modules/disaster/contract.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { NewEvent } from './NewEvent.tsx';

/** 灾害救助: the disaster events the user sees, and recording one (county approvers). */
export default function EventsPage() {
  const t = useT();
  const me = useCurrentUser();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [adding, setAdding] = useState(false);
  const list = useApiData(() => api<EventList>(`/disaster/events?limit=200${year ? `&year=${year}` : ''}`), [year]);
  return (
    <Card title={t('disaster.events.title')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          {can(me, 'disaster.events') && me.areaLevel === 'county' && <Button type="primary" onClick={() => setAdding(true)} data-testid="event-new">{t('disaster.events.new')}</Button>}
          <Link to="/disaster/batches" data-testid="to-batches">{t('batch.toBatches')}</Link>
          <InputNumber placeholder={t('disaster.events.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => setYear(v ?? undefined)} />
        </Space>
        {list.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: list.error.message })} />}
        <Table<EventItem> size="small" rowKey="eventNo" loading={list.loading} dataSource={list.data?.items ?? []} data-testid="events-table" locale={{ emptyText: t('common.noData') }} columns={[
          { key: 'eventNo', title: t('disaster.col.eventNo'), render: (_, e) => <Link to={`/disaster/${e.eventNo}`}>{e.eventNo}</Link> },
          { key: 'name', title: t('disaster.col.name'), dataIndex: 'name' },
          { key: 'kind', title: t('disaster.col.kind'), render: (_, e) => t(`disaster.kind.${e.kind}`) },
          { key: 'dates', title: t('disaster.col.dates'), render: (_, e) => `${e.startedOn} ~ ${e.endedOn ?? t('disaster.ongoing')}` },
          { key: 'level', title: t('disaster.col.level'), render: (_, e) => (e.responseLevel ? t(`disaster.level.${e.responseLevel}`) : '—') },
          { key: 'areas', title: t('disaster.col.areas'), render: (_, e) => e.areaNames.join('、') },
        ]} />
      </Space>
      {adding && <NewEvent onClose={() => setAdding(false)} />}
    </Card>
  );
}
