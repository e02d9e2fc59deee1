import { Alert, Input, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Occupancy } from '../../../../src/modules/placements/contract.ts';
import { api } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { EChart } from '../../charts/EChart.tsx';
import { useT } from '../../i18n/context.ts';
import { percent, today } from './format.ts';
import { MonthInput } from '../../components/DateInput.tsx';

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** Residents per day of one month against the beds (ECharts), with the month's person-days ÷ bed-days. */
export function OccupancyChart({ institutionId, reloadKey }: { institutionId: number; reloadKey: number }) {
  const t = useT();
  const [month, setMonth] = useState(today().slice(0, 7));
  const data = useApiData(() => api<Occupancy>(`/placements/occupancy?institution=${institutionId}&from=${month}-01&to=${lastDay(month)}`), [institutionId, month, reloadKey]);
  const o = data.data;
  const option = useMemo(() => (o ? {
    title: { text: t('placements.chart.title', { month }), left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 24, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: o.days.map((d) => d.day.slice(8)) },
    yAxis: { type: 'value', minInterval: 1, max: Math.max(o.institution.beds, ...o.days.map((d) => d.residents)) },
    series: [
      { type: 'bar', name: t('placements.chart.residents'), data: o.days.map((d) => d.residents) },
      { type: 'bar', name: t('placements.chart.beds'), data: o.days.map((d) => d.beds), barGap: '-100%', z: -1, itemStyle: { color: '#e6f4ff' } },
    ],
  } : null), [o, t, month]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <span>{t('placements.chart.month')}</span>
        <MonthInput aria-label={t('placements.chart.month')} value={month} onChange={(m) => m && setMonth(m)} style={{ width: 160 }} data-testid="occupancy-month" />
      </Space>
      {data.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />}
      {!o || !option ? <Skeleton active /> : (
        <>
          <EChart option={option} height={260} testId="occupancy-chart" />
          <Typography.Text type="secondary" data-testid="occupancy-summary">{t('placements.chart.summary', { personDays: o.personDays, bedDays: o.bedDays, rate: percent(o.rate) })}</Typography.Text>
        </>
      )}
    </Space>
  );
}
