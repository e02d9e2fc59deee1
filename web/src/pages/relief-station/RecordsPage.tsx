import { Alert, Button, Card, Checkbox, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { STATUSES, type RecordItem, type ReliefFigures } from '../../../../src/modules/relief-station/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { figures, listRecords, listStations, type RecordFilter } from './api.ts';
import { NewRecord } from './NewRecord.tsx';
import { DateInput } from '../../components/DateInput.tsx';

/** 救助管理站: the county's records with filters, 新建记录 (screening), and the year's figures. */
export default function RecordsPage() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<RecordFilter>({});
  const [adding, setAdding] = useState(false);
  const [year, setYear] = useState(() => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4)));
  const stations = useApiData(() => listStations(), []);
  // Records are kept at relief stations; the list also holds the institutions a record may be referred to.
  const stationItems = (stations.data?.items ?? []).filter((s) => s.kind === 'relief_station');
  const records = useApiData(() => listRecords(filter), [filter]);
  const figs = useApiData(() => figures(year), [year]);
  const manages = can(me, 'relief_station.manage') && me.areaLevel === 'county';
  const set = (patch: Partial<RecordFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('relief.title')} extra={manages && <Button type="primary" onClick={() => setAdding(true)} data-testid="relief-new">{t('relief.new')}</Button>}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t('relief.filter.station')} allowClear style={{ width: 220 }} placeholder={t('relief.filter.station')} value={filter.station} onChange={(v?: number) => set({ station: v })}
            options={stationItems.map((s) => ({ value: s.id, label: s.name }))} />
          <Select aria-label={t('relief.filter.status')} allowClear style={{ width: 140 }} placeholder={t('relief.filter.status')} value={filter.status} onChange={(v?: string) => set({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`relief.status.${s}`) }))} />
          <Checkbox checked={filter.minor === true} onChange={(e) => set({ minor: e.target.checked })}>{t('relief.filter.minor')}</Checkbox>
          <Checkbox checked={filter.overdue === true} onChange={(e) => set({ overdue: e.target.checked })} data-testid="relief-overdue">{t('relief.filter.overdue')}</Checkbox>
          <span>{t('relief.filter.met')}</span>
          <DateInput style={{ width: 150 }} value={filter.from ?? ''} onChange={(v) => set({ from: v || undefined })} />
          <span>~</span>
          <DateInput style={{ width: 150 }} value={filter.to ?? ''} onChange={(v) => set({ to: v || undefined })} />
        </Space>
        {records.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: records.error.message })} />}
        <Table<RecordItem> size="small" rowKey="recordNo" loading={records.loading} dataSource={records.data?.items ?? []} locale={{ emptyText: t('common.noData') }} scroll={{ x: true }}
          onRow={(r) => ({ onClick: () => navigate(`/relief-station/${r.recordNo}`), style: { cursor: 'pointer' } })} columns={[
            { key: 'no', title: t('relief.col.recordNo'), render: (_, r) => <Link to={`/relief-station/${r.recordNo}`}>{r.recordNo}</Link> },
            { key: 'n', title: t('relief.col.name'), render: (_, r) => (
              <Space size={4}>{r.displayName || t('relief.refusedName')}{r.minor && <Tag color="orange">{t('relief.minorTag')}</Tag>}{r.overdue && <Tag color="red">{t('relief.overdueTag')}</Tag>}</Space>
            ) },
            { key: 'id', title: t('relief.col.idNumber'), render: (_, r) => r.idNumber ?? '—' },
            { key: 'sa', title: t('relief.col.sexAge'), render: (_, r) => `${t(`relief.sex.${r.sex}`)} / ${r.age === null ? '—' : t('relief.age', { age: r.age })}` },
            { key: 'm', title: t('relief.col.metOn'), dataIndex: 'metOn' },
            { key: 'src', title: t('relief.col.source'), render: (_, r) => t(`relief.source.${r.source}`) },
            { key: 'st', title: t('relief.col.station'), dataIndex: 'stationName' },
            { key: 'd', title: t('relief.col.decision'), render: (_, r) => t(`relief.decision.${r.decision}`) },
            { key: 's', title: t('relief.col.status'), render: (_, r) => <Tag>{r.exitKind ? t(`relief.exit.${r.exitKind}`) : t(`relief.status.${r.status}`)}</Tag> },
            { key: 'stay', title: t('relief.col.stay'), render: (_, r) => (r.stayDays === null ? '—' : t('relief.stayOf', { days: r.stayDays, limit: r.stayLimitDays ?? '—' })) },
          ]} />
      </Card>
      <Card title={t('relief.figures')} extra={<Space><span>{t('relief.figures.year')}</span><InputNumber aria-label={t('relief.figures.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} /></Space>}>
        {figs.data && <FiguresTable f={figs.data} />}
      </Card>
      {adding && <NewRecord stations={stationItems} onClose={() => setAdding(false)} onSaved={(no) => navigate(`/relief-station/${no}`)} />}
    </Space>
  );
}

function FiguresTable({ f }: { f: ReliefFigures }) {
  const t = useT();
  const rows = [...f.items, { countyCode: 'total', countyName: t('relief.figures.total'), ...f.total }];
  return (
    <>
      <Typography.Text type="secondary">{f.areaName} {f.year}</Typography.Text>
      <Table size="small" rowKey="countyCode" dataSource={rows} pagination={false} columns={[
        { key: 'c', title: t('relief.figures.county'), dataIndex: 'countyName' },
        { key: 's', title: t('relief.figures.screenings'), dataIndex: 'screenings', align: 'right' },
        { key: 'a', title: t('relief.figures.assisted'), dataIndex: 'assisted', align: 'right' },
        { key: 'ac', title: t('relief.figures.accepted'), dataIndex: 'accepted', align: 'right' },
        { key: 'r', title: t('relief.figures.refused'), dataIndex: 'refused', align: 'right' },
        { key: 'm', title: t('relief.figures.minors'), dataIndex: 'minors', align: 'right' },
        { key: 'h', title: t('relief.figures.returnedHome'), dataIndex: 'returnedHome', align: 'right' },
        { key: 'f', title: t('relief.figures.referred'), dataIndex: 'referred', align: 'right' },
        { key: 'd', title: t('relief.figures.averageStay'), align: 'right', render: (_, r) => r.averageStayDays ?? '—' },
      ]} />
    </>
  );
}
