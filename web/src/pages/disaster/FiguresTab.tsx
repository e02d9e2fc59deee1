import { Alert, Card, Col, Descriptions, Row, Skeleton, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { EventDetail, EventFigures } from '../../../../src/modules/disaster/contract.ts';
import type { EventInsuranceFigures } from '../../../../src/modules/housing-insurance/contract.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { EChart } from '../../charts/EChart.tsx';
import { useT } from '../../i18n/context.ts';

type Relief = EventFigures['relief'][number];
const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * 救助统计 of one event: relief decided by kind (households, persons, amount in 元) with a bar chart,
 * houses rebuilt and repaired, the damage register by grade and status, goods per item, and the event's
 * 政策性农房保险 claims (read from the housing-insurance module, shown to staff who may read it).
 */
export default function FiguresTab({ event }: { event: EventDetail }) {
  const t = useT();
  const user = useCurrentUser();
  const mayInsurance = can(user, 'insurance.read');
  const figures = useApiData(() => api<EventFigures>(`/disaster/events/${event.eventNo}/figures`), [event.eventNo]);
  const insurance = useApiData(
    () => (mayInsurance ? api<EventInsuranceFigures>(`/housing-insurance/events/${event.eventNo}/figures`) : Promise.resolve(undefined)),
    [event.eventNo, mayInsurance],
  );
  const f = figures.data;
  const kindLabel = (r: Relief) => t(`batch.kind.${r.kind}`);
  const option = useMemo(() => (f ? {
    title: { text: t('disaster.figures.chart'), left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 64, right: 72, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: f.relief.map((r) => t(`batch.kind.${r.kind}`)) },
    yAxis: [
      { type: 'value', name: t('disaster.figures.chartPersons'), minInterval: 1 },
      { type: 'value', name: t('disaster.figures.chartAmount') },
    ],
    series: [
      { type: 'bar', name: t('disaster.figures.chartPersons'), data: f.relief.map((r) => r.persons) },
      { type: 'bar', name: t('disaster.figures.chartAmount'), yAxisIndex: 1, data: f.relief.map((r) => r.amountFen / 100) },
    ],
  } : null), [f, t]);

  if (figures.error) return <Alert type="error" showIcon message={t('common.loadFailed', { message: figures.error.message })} />;
  if (!f || !option) return <Skeleton active />;
  const ins = insurance.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="event-figures">
      <Typography.Text type="secondary">{t('disaster.figures.scope')}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('disaster.figures.relief')}>
            <Table<Relief> size="small" rowKey="kind" pagination={false} dataSource={f.relief} data-testid="figures-relief"
              columns={[
                { key: 'kind', title: t('disaster.figures.kind'), render: (_, r) => kindLabel(r) },
                { key: 'batches', title: t('disaster.figures.batches'), dataIndex: 'batches', align: 'right' },
                { key: 'households', title: t('disaster.figures.households'), dataIndex: 'households', align: 'right' },
                { key: 'persons', title: t('disaster.figures.persons'), dataIndex: 'persons', align: 'right' },
                { key: 'amount', title: t('disaster.figures.amount'), align: 'right', render: (_, r) => yuan(r.amountFen) },
              ]}
              summary={() => (
                <Table.Summary.Row data-testid="figures-relief-total">
                  <Table.Summary.Cell index={0} colSpan={2}>{t('disaster.figures.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">{f.total.households}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">{f.total.persons}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">{yuan(f.total.amountFen)}</Table.Summary.Cell>
                </Table.Summary.Row>
              )} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <EChart option={option} height={300} testId="figures-chart" />
        </Col>
      </Row>
      <Card size="small" title={t('disaster.figures.houses')}>
        <Descriptions size="small" column={{ xs: 1, md: 4 }} data-testid="figures-houses">
          <Descriptions.Item label={t('disaster.figures.rebuilt')}>{f.houses.rebuilt}</Descriptions.Item>
          <Descriptions.Item label={t('disaster.figures.rebuiltAmount')}>{yuan(f.houses.rebuiltFen)}</Descriptions.Item>
          <Descriptions.Item label={t('disaster.figures.repaired')}>{f.houses.repaired}</Descriptions.Item>
          <Descriptions.Item label={t('disaster.figures.repairedAmount')}>{yuan(f.houses.repairedFen)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('disaster.figures.damage')}>
            <Table size="small" rowKey="grade" pagination={false} dataSource={f.damage.byGrade} data-testid="figures-damage"
              columns={[
                { key: 'grade', title: t('disaster.figures.grade'), render: (_, r) => t(`disaster.grade.${r.grade}`) },
                { key: 'households', title: t('disaster.figures.households'), dataIndex: 'households', align: 'right' },
                { key: 'persons', title: t('disaster.figures.persons'), dataIndex: 'persons', align: 'right' },
              ]} />
            <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 8 }}>
              {f.damage.byStatus.map((s) => <Descriptions.Item key={s.status} label={t(`disaster.status.${s.status}`)}>{s.households}</Descriptions.Item>)}
              <Descriptions.Item label={t('disaster.figures.directLoss')}>{yuan(f.damage.directLossFen)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('disaster.figures.goods')}>
            <Table size="small" rowKey="item" pagination={false} dataSource={f.goods} data-testid="figures-goods" locale={{ emptyText: t('disaster.figures.noGoods') }}
              columns={[
                { key: 'item', title: t('disaster.goods.item'), render: (_, r) => t(`disaster.item.${r.item}`) },
                { key: 'quantity', title: t('disaster.goods.quantity'), align: 'right', render: (_, r) => `${r.quantity} ${t(`disaster.unit.${r.item}`)}` },
                { key: 'households', title: t('disaster.goods.households'), dataIndex: 'households', align: 'right' },
              ]} />
          </Card>
        </Col>
      </Row>
      {mayInsurance && (
        <Card size="small" title={t('disaster.figures.insurance')}>
          {insurance.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: insurance.error.message })} />}
          {ins && (
            <Descriptions size="small" column={{ xs: 1, md: 4 }} data-testid="figures-insurance">
              <Descriptions.Item label={t('disaster.figures.claims')}>{ins.claims}</Descriptions.Item>
              <Descriptions.Item label={t('disaster.figures.reported')}>{ins.reportedClaims}</Descriptions.Item>
              <Descriptions.Item label={t('disaster.figures.assessed')}>{ins.assessedClaims}</Descriptions.Item>
              <Descriptions.Item label={t('disaster.figures.paidClaims')}>{ins.paidClaims}</Descriptions.Item>
              <Descriptions.Item label={t('disaster.figures.refused')}>{ins.refusedClaims}</Descriptions.Item>
              <Descriptions.Item label={t('disaster.figures.payable')}>{yuan(ins.payableFen)}</Descriptions.Item>
              <Descriptions.Item label={t('disaster.figures.paid')}>{yuan(ins.paidFen)}</Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      )}
    </Space>
  );
}
