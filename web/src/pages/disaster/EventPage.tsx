import { Alert, Button, Card, Descriptions, Modal, Skeleton, Space, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { EventDetail, ReportList, ReportView } from '../../../../src/modules/disaster/contract.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { DamageTab } from './DamageTab.tsx';
import { FIGURES } from './figures.ts';
import { GoodsTab } from './GoodsTab.tsx';
import { ReportForm } from './ReportForm.tsx';
import { DateInput } from '../../components/DateInput.tsx';

// 救助统计 with its chart: its own chunk, loaded when the tab opens.
const FiguresTab = lazy(() => import('./FiguresTab.tsx'));

function EndEvent({ eventNo, onClose, onDone }: { eventNo: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [endedOn, setEndedOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await api(`/disaster/events/${eventNo}/end`, { method: 'POST', body: { endedOn } });
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Modal open title={t('disaster.event.end')} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ disabled: endedOn === '', 'data-testid': 'end-submit' }}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Space>{t('disaster.event.endedOn')}<DateInput value={endedOn} onChange={(v) => setEndedOn(v)} data-testid="end-date" /></Space>
    </Modal>
  );
}

/** One disaster event: its areas, the latest report of each area with totals, reporting and corrections, every version. */
export default function EventPage() {
  const t = useT();
  const { eventNo = '' } = useParams();
  const [reporting, setReporting] = useState(false);
  const [ending, setEnding] = useState(false);
  const detail = useApiData(() => api<EventDetail>(`/disaster/events/${eventNo}`), [eventNo]);
  const history = useApiData(() => api<ReportList>(`/disaster/events/${eventNo}/reports`), [eventNo]);
  const reload = () => { detail.reload(); history.reload(); };
  const e = detail.data;
  const figureColumns: ColumnsType<ReportView> = FIGURES.map((f) => ({ key: f.key, title: t(f.label), align: 'right', render: (_: unknown, r: ReportView) => f.show(r[f.key]) }));
  const head: ColumnsType<ReportView> = [
    { key: 'area', title: t('disaster.report.area'), dataIndex: 'areaName' },
    { key: 'asOf', title: t('disaster.report.asOf'), dataIndex: 'asOf' },
    { key: 'version', title: t('disaster.report.version'), dataIndex: 'version' },
  ];
  const tail: ColumnsType<ReportView> = [
    { key: 'by', title: t('disaster.report.reportedBy'), dataIndex: 'reportedBy' },
    { key: 'note', title: t('disaster.report.note'), dataIndex: 'note' },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/disaster">{t('disaster.event.back')}</Link>
      {detail.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: detail.error.message })} />}
      {e && (
        <>
          <Card title={`${e.name}（${e.eventNo}）`} extra={<Space>
            {e.mayRecord && <Button type="primary" onClick={() => setReporting(true)} data-testid="report-new">{t('disaster.report.new')}</Button>}
            {e.mayEnd && <Button onClick={() => setEnding(true)} data-testid="event-end">{t('disaster.event.end')}</Button>}
          </Space>}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('disaster.col.kind')}>{t(`disaster.kind.${e.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('disaster.col.level')}>{e.responseLevel ? t(`disaster.level.${e.responseLevel}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('disaster.col.dates')}>{`${e.startedOn} ~ ${e.endedOn ?? t('disaster.ongoing')}`}</Descriptions.Item>
              <Descriptions.Item label={t('disaster.event.county')}>{e.countyName}</Descriptions.Item>
              <Descriptions.Item label={t('disaster.col.areas')} span={2}>{e.areas.map((a) => a.areaName).join('、')}</Descriptions.Item>
              {e.note && <Descriptions.Item label={t('disaster.form.note')} span={2}>{e.note}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title={t('disaster.event.latest')} size="small">
            <Table<ReportView> size="small" rowKey="areaCode" pagination={false} scroll={{ x: true }} dataSource={e.latest} data-testid="latest-table" locale={{ emptyText: t('common.noData') }}
              columns={[...head, ...figureColumns, ...tail]}
              summary={() => (
                <Table.Summary.Row data-testid="totals-row">
                  <Table.Summary.Cell index={0} colSpan={head.length}>{t('disaster.event.totals')}</Table.Summary.Cell>
                  {FIGURES.map((f, i) => <Table.Summary.Cell key={f.key} index={head.length + i} align="right">{f.show(e.totals[f.key])}</Table.Summary.Cell>)}
                  <Table.Summary.Cell index={head.length + FIGURES.length} colSpan={tail.length} />
                </Table.Summary.Row>
              )} />
          </Card>
          <Card title={t('disaster.event.history')} size="small">
            <Table<ReportView> size="small" rowKey={(r) => `${r.areaCode}-${r.asOf}-${r.version}`} scroll={{ x: true }} loading={history.loading} dataSource={history.data?.items ?? []} data-testid="history-table"
              locale={{ emptyText: t('common.noData') }} columns={[...head, ...figureColumns, ...tail, { key: 'at', title: t('disaster.report.reportedAt'), render: (_, r) => new Date(r.reportedAt).toLocaleString('zh-CN') }]} />
          </Card>
          <Card size="small">
            <Tabs destroyInactiveTabPane items={[
              { key: 'damage', label: t('disaster.tabs.damage'), children: <DamageTab event={e} /> },
              { key: 'goods', label: t('disaster.tabs.goods'), children: <GoodsTab event={e} /> },
              { key: 'figures', label: t('disaster.tabs.figures'), children: <Suspense fallback={<Skeleton active />}><FiguresTab event={e} /></Suspense> },
            ]} data-testid="event-tabs" />
          </Card>
          {reporting && <ReportForm event={e} onClose={() => setReporting(false)} onDone={() => { setReporting(false); reload(); }} />}
          {ending && <EndEvent eventNo={e.eventNo} onClose={() => setEnding(false)} onDone={() => { setEnding(false); reload(); }} />}
        </>
      )}
    </Space>
  );
}
