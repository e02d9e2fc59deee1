import { Alert, Button, Card, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { EChart } from '../../charts/EChart.tsx';
import { useT } from '../../i18n/context.ts';
import { fetchParameters, runSimulation, type DraftValue, type Figures, type Parameter, type Simulation } from './api.ts';
import { PolicyNav } from './PolicyNav.tsx';
import { ruleSetLabel, yuanFromFen } from './format.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
type Standards = { urban: number | null; rural: number | null };

/** The value in force on the month's first day for exactly this area (the county's own standard). */
function inForce(parameter: Parameter | undefined, area: string, month: string): number | null {
  const date = `${month}-01`;
  const own = (parameter?.values ?? []).filter((v) => v.area === area && v.ruleSet === null && v.effective <= date && typeof v.value === 'number');
  own.sort((a, b) => b.effective.localeCompare(a.effective));
  return (own[0]?.value as number | undefined) ?? null;
}

const scopePrefix = (code: string) => (code.length === 6 && code.endsWith('00') ? code.slice(0, 4) : code);

function pair(current: number | string, draft: number | string) {
  return current === draft ? String(current) : <span>{current} → <Typography.Text strong>{draft}</Typography.Text></span>;
}

/** Draft dibao standards per county against the current ones: recipients, budget and coverage. */
export default function SimulatorPage() {
  const t = useT();
  const me = useCurrentUser();
  const [month, setMonth] = useState('2015-10');
  const [draft, setDraft] = useState<Record<string, Standards>>({});
  const [result, setResult] = useState<Simulation | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const params = useApiData(() => fetchParameters('dibao.standard'), []);
  const urban = params.data?.find((p) => p.name === 'dibao.standard.urban');
  const rural = params.data?.find((p) => p.name === 'dibao.standard.rural');
  const valid = MONTH.test(month);
  const prefix = scopePrefix(me.areaCode);

  const run = async (values: Record<string, Standards>) => {
    if (!valid) return;
    setRunning(true);
    setError(null);
    try {
      const items: DraftValue[] = [];
      for (const [county, s] of Object.entries(values)) {
        if (s.urban !== null && s.urban !== inForce(urban, county, month)) items.push({ name: 'dibao.standard.urban', area: county, value: s.urban });
        if (s.rural !== null && s.rural !== inForce(rural, county, month)) items.push({ name: 'dibao.standard.rural', area: county, value: s.rural });
      }
      setResult(await runSimulation(month, items));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };

  // First run: current values only, which also lists the counties of the caller's scope.
  useEffect(() => {
    if (params.data) void run({});
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params.data]);

  const counties = result?.counties ?? [];
  const standardOf = (county: string): Standards => draft[county] ?? { urban: inForce(urban, county, month), rural: inForce(rural, county, month) };
  const setStandard = (county: string, key: keyof Standards, value: number | null) => setDraft((d) => ({ ...d, [county]: { ...standardOf(county), [key]: value } }));

  const option = useMemo(() => result && {
    tooltip: { trigger: 'axis' },
    grid: { left: 80, right: 16, top: 16, bottom: 64 },
    xAxis: { type: 'category', data: result.counties.map((c) => c.name), axisLabel: { interval: 0, rotate: result.counties.length > 6 ? 40 : 0 } },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: t('policy.sim.current'), data: result.counties.map((c) => c.current.monthly / 100), itemStyle: { color: '#8c8c8c' } },
      { type: 'bar', name: t('policy.sim.draft'), data: result.counties.map((c) => c.draft.monthly / 100), itemStyle: { color: '#1677ff' } },
    ],
  }, [result, t]);

  const figureColumns = (get: (r: { current: Figures; draft: Figures }) => [number | string, number | string]) => (_: unknown, r: { current: Figures; draft: Figures }) => pair(...get(r));
  const coverage = (f: Figures) => (f.ruralCoverage === null ? '—' : `${(f.ruralCoverage * 100).toFixed(2)}%`);
  // A negative standard is an error at its field, not clamped to 0 (antd's min would do that silently on blur).
  const negative = counties.some((c) => (['urban', 'rural'] as const).some((k) => (standardOf(c.county)[k] ?? 0) < 0));
  const rows = result ? [...result.counties, { county: 'total', name: t('policy.sim.total'), ...result.total }] : [];

  return (
    <Card title={t('policy.sim.title')} extra={<PolicyNav />}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary">{t('policy.sim.intro')}</Typography.Paragraph>
        <Space wrap>
          <span>{t('policy.sim.month')}</span>
          <Input aria-label={t('policy.sim.month')} data-testid="sim-month" style={{ width: 120 }} value={month} status={valid ? '' : 'error'} onChange={(e) => setMonth(e.target.value.trim())} />
          <Button type="primary" data-testid="sim-run" loading={running} disabled={!valid || negative} onClick={() => void run(Object.fromEntries(counties.map((c) => [c.county, standardOf(c.county)])))}>{t('policy.sim.run')}</Button>
          <Button onClick={() => setDraft({})}>{t('policy.sim.reset')}</Button>
        </Space>
        {(error ?? params.error) && <Alert type="error" showIcon message={t('common.loadFailed', { message: error ?? params.error?.message ?? '' })} />}
        {negative && <Alert type="error" showIcon message={t('policy.sim.negative')} data-testid="sim-negative" />}
        {result && counties.length === 0 && <Alert type="info" showIcon message={t('policy.sim.noCounties')} />}
        <Table
          data-testid="sim-draft"
          size="small"
          rowKey="county"
          pagination={false}
          dataSource={counties}
          columns={[
            { title: t('policy.sim.county'), dataIndex: 'name' },
            ...(['urban', 'rural'] as const).map((key) => ({
              title: t(key === 'urban' ? 'policy.sim.urbanStandard' : 'policy.sim.ruralStandard'),
              key,
              render: (_: unknown, c: { county: string; name: string }) => {
                const current = inForce(key === 'urban' ? urban : rural, c.county, month);
                return (
                  <Space>
                    <InputNumber aria-label={`${c.name} ${t(key === 'urban' ? 'policy.sim.urbanStandard' : 'policy.sim.ruralStandard')}`} data-testid={`sim-${key}-${c.county}`} status={(standardOf(c.county)[key] ?? 0) < 0 ? 'error' : ''} value={standardOf(c.county)[key]} disabled={!c.county.startsWith(prefix)} onChange={(v) => setStandard(c.county, key, v)} />
                    <Typography.Text type="secondary">{t('policy.sim.currentValue', { value: current ?? '—' })}</Typography.Text>
                  </Space>
                );
              },
            })),
          ]}
        />
        {result && (
          <>
            <Typography.Title level={5}>{t('policy.sim.results')}</Typography.Title>
            <Typography.Text type="secondary">{t('policy.sim.ruleSet', { current: ruleSetLabel(t, result.ruleSet.current), draft: ruleSetLabel(t, result.ruleSet.draft) })}</Typography.Text>
            <Table
              data-testid="sim-results"
              size="small"
              rowKey="county"
              pagination={false}
              dataSource={rows}
              columns={[
                { title: t('policy.sim.county'), dataIndex: 'name' },
                { title: t('policy.sim.households'), key: 'h', render: figureColumns((r) => [r.current.households, r.draft.households]) },
                { title: t('policy.sim.persons'), key: 'p', render: figureColumns((r) => [r.current.persons, r.draft.persons]) },
                { title: t('policy.sim.monthly'), key: 'm', render: figureColumns((r) => [yuanFromFen(r.current.monthly), yuanFromFen(r.draft.monthly)]) },
                { title: t('policy.sim.yearly'), key: 'y', render: figureColumns((r) => [yuanFromFen(r.current.yearly), yuanFromFen(r.draft.yearly)]) },
                { title: t('policy.sim.average'), key: 'a', render: figureColumns((r) => [yuanFromFen(r.current.averagePerPerson), yuanFromFen(r.draft.averagePerPerson)]) },
                { title: t('policy.sim.coverage'), key: 'c', render: figureColumns((r) => [coverage(r.current), coverage(r.draft)]) },
              ]}
            />
            <Typography.Title level={5}>{t('policy.sim.chart')}</Typography.Title>
            {option && <EChart option={option} height={320} testId="sim-chart" />}
          </>
        )}
      </Space>
    </Card>
  );
}
