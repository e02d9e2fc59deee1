// 统计 on /institutions: the year's institution figures by county and in total — institutions, nursing homes
// and their 法人登记 rate, posts and staff, beds, the placements' bed-use rate and residents, 集中供养率 and
// its change in percentage points, ratings by stars and new institutions by funding source.
import { Alert, Card, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { InstitutionFigures } from '../../../../src/modules/institutions/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { institutionFigures } from './api.ts';

type Row = InstitutionFigures['total'] & { countyCode: string; countyName: string };

/** 0.744 → 74.4%; null or missing → —. */
export const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`);

export function FiguresCard() {
  const t = useT();
  const [year, setYear] = useState(2015);
  const { data, error, loading } = useApiData(() => institutionFigures(year), [year]);
  const points = (d: number | null | undefined) => (d === null || d === undefined ? '—' : t('inst.fig.points', { sign: d > 0 ? '+' : d < 0 ? '−' : '±', n: Math.abs(d).toFixed(1) }));
  const rows: Row[] = data ? [...data.rows, { countyCode: 'total', countyName: t('inst.fig.total'), ...data.total }] : [];
  const ranked = (data?.rows ?? []).filter((r) => typeof r.extra.bedUseRate === 'number').sort((a, b) => a.extra.bedUseRate! - b.extra.bedUseRate!);
  const lowest = (data?.rows.length ?? 0) > 1 ? ranked[0] : undefined;
  return (
    <Card title={t('inst.fig.title')} data-testid="institution-figures"
      extra={<Space><span>{t('inst.fig.year')}</span><InputNumber aria-label={t('inst.fig.year')} min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} /></Space>}>
      {error && <Alert type="error" showIcon message={t('common.loadFailed', { message: error.message })} />}
      {data && <Typography.Text type="secondary">{data.areaName} {data.year}{lowest && `　${t('inst.fig.lowest', { county: lowest.countyName, rate: pct(lowest.extra.bedUseRate) })}`}</Typography.Text>}
      <Table<Row> size="small" rowKey="countyCode" loading={loading} dataSource={rows} pagination={false} scroll={{ x: true }} locale={{ emptyText: t('common.noData') }} columns={[
        { key: 'c', title: t('inst.fig.county'), dataIndex: 'countyName' },
        { key: 'i', title: t('inst.fig.institutions'), dataIndex: 'institutions', align: 'right' },
        { key: 'n', title: t('inst.fig.nursingHomes'), dataIndex: 'nursingHomes', align: 'right' },
        { key: 'r', title: t('inst.fig.registered'), dataIndex: 'registered', align: 'right' },
        { key: 'rr', title: t('inst.fig.registrationRate'), align: 'right', render: (_, r) => pct(r.registrationRate) },
        { key: 'p', title: t('inst.fig.posts'), dataIndex: 'posts', align: 'right' },
        { key: 's', title: t('inst.fig.staff'), align: 'right', render: (_, r) => r.staff.total },
        { key: 'b', title: t('inst.fig.beds'), dataIndex: 'beds', align: 'right' },
        { key: 'res', title: t('inst.fig.residents'), align: 'right', render: (_, r) => r.extra.residents ?? '—' },
        { key: 'u', title: t('inst.fig.bedUseRate'), align: 'right', render: (_, r) => pct(r.extra.bedUseRate) },
        { key: 'ir', title: t('inst.fig.institutionalRate'), align: 'right', render: (_, r) => pct(r.extra.institutionalRate) },
        { key: 'ic', title: t('inst.fig.institutionalRateChange'), align: 'right', render: (_, r) => points(r.extra.institutionalRateChangePoints) },
        { key: 'st', title: t('inst.fig.stars'), align: 'right', render: (_, r) => `${r.stars['5'] ?? 0}/${r.stars['4'] ?? 0}/${r.stars['3'] ?? 0}` },
        { key: 'np', title: t('inst.fig.completed'), align: 'right', render: (_, r) => `${r.completedProjects.central_lottery}/${r.completedProjects.provincial}/${r.completedProjects.local}` },
      ]} />
    </Card>
  );
}
