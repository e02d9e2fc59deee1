import { Alert, Breadcrumb, Button, Card, Col, List, Row, Select, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { EChart } from '../../charts/EChart.tsx';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { fetchFigures, fetchWarnings, reportUrl, tablesUrl, type Unit, type Warning } from './api.ts';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(2)}%`);
const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2));
const yuanInt = (fen: number | null) => (fen === null ? '—' : String(Math.round(fen / 100)));
const YEARS = Array.from({ length: 12 }, (_, i) => 2026 - i);

function bars(title: string, units: Unit[], series: { name: string; values: number[] }[]) {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 40, bottom: 72 },
    xAxis: { type: 'category', data: units.map((u) => u.name), axisLabel: { interval: 0, rotate: units.length > 6 ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', stack: 'all', name: s.name, data: s.values })),
  };
}

export default function StatsDashboardPage() {
  const t = useT();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? undefined;
  const year = Number(params.get('year') ?? '2015');
  const figures = useApiData(() => fetchFigures(area, year), [area, year]);
  const warned = useApiData(() => fetchWarnings(area, year), [area, year]);
  const r = figures.data;
  const go = (next: { area?: string; year?: number }) => {
    const p = new URLSearchParams();
    const a = next.area ?? area;
    if (a) p.set('area', a);
    p.set('year', String(next.year ?? year));
    setParams(p);
  };
  const dibao = useMemo(() => r && bars(t('stats.chart.dibao'), r.units, [
    { name: t('stats.series.urban'), values: r.units.map((u) => u.dibaoUrbanPersons ?? 0) },
    { name: t('stats.series.rural'), values: r.units.map((u) => u.dibaoRuralPersons ?? 0) },
  ]), [r, t]);
  const hardship = useMemo(() => r && bars(t('stats.chart.hardship'), r.units, [
    { name: t('stats.series.institutional'), values: r.units.map((u) => u.hardshipInstitutional ?? 0) },
    { name: t('stats.series.homeBased'), values: r.units.map((u) => (u.hardshipPersons ?? 0) - (u.hardshipInstitutional ?? 0)) },
  ]), [r, t]);
  const groups = useMemo(() => {
    const by = new Map<string, Warning[]>();
    for (const w of warned.data?.items ?? []) by.set(w.kind, [...(by.get(w.kind) ?? []), w]);
    return [...by.entries()];
  }, [warned.data]);
  const yoy = (v: number | null) => (v === null ? t('stats.yoyNone') : t('stats.yoy', { value: `${v >= 0 ? '+' : ''}${pct(v)}` }));
  // Up one level only within the user's own area (a county user stops at the county).
  const own = /^\d{4}00$/.test(user.areaCode) ? user.areaCode.slice(0, 4) : user.areaCode;
  const above = r && r.area.level !== 'prefecture' ? (r.area.level === 'county' ? `${r.area.code.slice(0, 4)}00` : r.area.code.slice(0, 6)) : null;
  const parent = above !== null && (above.endsWith('00') ? above.slice(0, 4) : above).startsWith(own) ? above : null;
  const canDrill = r ? r.area.level !== 'township' : false;
  const warningText = (w: Warning) => t(`stats.warning.${w.kind}` as MessageKey, {
    area: w.areaName,
    value: w.kind === 'rural_coverage' ? pct(w.value) : w.value,
    threshold: w.threshold === null ? '' : w.kind === 'rural_coverage' ? pct(w.threshold) : w.threshold,
  });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="stats-dashboard">
      <Card>
        <Space wrap>
          <Breadcrumb items={[{ title: <span data-testid="stats-area">{r?.area.name ?? '…'}</span> }]} />
          {parent && <Button data-testid="stats-up" onClick={() => go({ area: parent })}>{t('stats.up')}</Button>}
          <span>{t('stats.year')}</span>
          <Select value={year} style={{ width: 100 }} options={YEARS.map((y) => ({ value: y, label: String(y) }))} onChange={(y) => go({ year: y })} />
          {r && <Button href={reportUrl(r.area.code, year)} data-testid="stats-report">{t('stats.downloadReport')}</Button>}
          {r && <Button href={tablesUrl(r.area.code, year)}>{t('stats.downloadTables')}</Button>}
        </Space>
      </Card>
      {figures.error && <Alert type="error" message={t('common.loadFailed', { message: figures.error.message })} />}
      {figures.loading && <Skeleton active />}
      {r && (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} xl={6}><Card><Statistic title={t('stats.kpi.dibaoPersons')} value={r.total.dibaoPersons ?? 0} /><span>{yoy(r.total.dibaoPersonsChange)}</span></Card></Col>
            <Col xs={12} xl={6}><Card><Statistic title={t('stats.kpi.urbanGap')} value={yuan(r.total.urbanGapPerPerson)} /><span>{yoy(r.total.urbanGapGrowth)}</span></Card></Col>
            <Col xs={12} xl={6}><Card><Statistic title={t('stats.kpi.ruralGap')} value={yuan(r.total.ruralGapPerPerson)} /><span>{yoy(r.total.ruralGapGrowth)}</span></Card></Col>
            <Col xs={12} xl={6}><Card><Statistic title={t('stats.kpi.standards')} value={`${yuanInt(r.standards.urbanMonthly)} / ${yuanInt(r.standards.ruralYearly)}`} /></Card></Col>
            <Col xs={12} xl={6}><Card><Statistic title={t('stats.kpi.hardship')} value={r.total.hardshipPersons ?? 0} /><span>{t('stats.kpi.institutionalRate')} {pct(r.total.institutionalRate)}</span></Card></Col>
            <Col xs={12} xl={6}><Card><Statistic title={t('stats.kpi.ruralCoverage')} value={pct(r.total.ruralCoverage)} /></Card></Col>
            <Col xs={12} xl={6}><Card><Statistic title={t('stats.kpi.intake')} value={r.total.intakeReceived ?? 0} suffix={`(${pct(r.total.intakeCompletionRate)})`} /></Card></Col>
            <Col xs={12} xl={6}><Card><Statistic title={t('stats.kpi.payroll')} value={((r.total.payrollNetFen ?? 0) / 1_000_000).toFixed(2)} /><span>{t('stats.kpi.dibaoHouseholds')} {r.total.dibaoHouseholds}</span></Card></Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}><Card>{dibao && <EChart option={dibao} testId="stats-chart-dibao" height={320} />}</Card></Col>
            <Col xs={24} xl={12}><Card>{hardship && <EChart option={hardship} testId="stats-chart-hardship" height={320} />}</Card></Col>
          </Row>
          <Card title={t('stats.warnings')} data-testid="stats-warnings">
            <List
              dataSource={groups}
              locale={{ emptyText: t('stats.warnings.none') }}
              renderItem={([kind, items]) => (
                <List.Item data-testid={`warning-${kind}`}>
                  <List.Item.Meta
                    title={<>{t(`stats.kind.${kind}` as MessageKey)} <Tag color="red">{t('stats.kind.total', { count: items.length })}</Tag></>}
                    description={<Space wrap size={[4, 4]}>{items.map((w) => (
                      <Link key={w.areaCode} to={`/stats/warnings/${w.kind}?area=${w.areaCode}&year=${year}`}><Tag title={warningText(w)}>{w.areaName} {w.kind === 'rural_coverage' ? pct(w.value) : w.value}</Tag></Link>
                    ))}</Space>}
                  />
                </List.Item>
              )}
            />
          </Card>
          <Card title={t('stats.units')}>
            <Table<Unit>
              rowKey="code" size="small" pagination={false} dataSource={r.units} data-testid="stats-units"
              columns={[
                { key: 'name', title: t('stats.col.area'), render: (_, u) => (canDrill ? <a data-testid={`drill-${u.code}`} onClick={() => go({ area: u.code })}>{u.name}</a> : u.name) },
                { key: 'urban', title: t('stats.col.dibaoUrban'), render: (_, u) => `${u.dibaoUrbanHouseholds} / ${u.dibaoUrbanPersons}` },
                { key: 'rural', title: t('stats.col.dibaoRural'), render: (_, u) => `${u.dibaoRuralHouseholds} / ${u.dibaoRuralPersons}` },
                { key: 'change', title: t('stats.col.change'), render: (_, u) => pct(u.dibaoPersonsChange) },
                { key: 'hardship', title: t('stats.col.hardship'), render: (_, u) => `${u.hardshipInstitutional} / ${u.hardshipPersons}` },
                { key: 'coverage', title: t('stats.col.coverage'), render: (_, u) => pct(u.ruralCoverage) },
                { key: 'intake', title: t('stats.col.intake'), render: (_, u) => `${u.intakeReceived} / ${u.intakeCompleted}` },
                { key: 'complaints', title: t('stats.col.complaints'), render: (_, u) => `${u.complaintsReceived} / ${u.complaintsSubstantiated}` },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
