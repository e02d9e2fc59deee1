import { Card, Col, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { useLocale, useT } from '../../i18n/context.ts';
import type { Figure, ProgrammeSection } from './api.ts';
import { bars, figureText, pct } from './format.ts';

/** A programme's card, built from what it declares: its KPIs with the change on last year, its charts by unit. */
export function ProgrammeCard({ section }: { section: ProgrammeSection }) {
  const t = useT();
  const [locale] = useLocale();
  const kpis = section.kpis.flatMap((k) => section.total.filter((f) => f.key === k));
  const charts = useMemo(() => section.charts.map((c) => ({
    key: c.key,
    option: bars(c.title[locale], section.units.map((u) => u.name), c.series.map((s) => ({
      name: s.label[locale],
      values: section.units.map((u) => u.figures.find((f) => f.key === s.figure)?.value ?? 0),
    }))),
  })), [section, locale]);
  const yoy = (f: Figure) => (f.change === null ? t('stats.yoyNone') : t('stats.yoy', { value: `${f.change >= 0 ? '+' : ''}${pct(f.change)}` }));
  return (
    <Card title={section.name[locale]} data-testid={`stats-programme-${section.code}`}>
      <Row gutter={[16, 16]}>
        {kpis.map((f) => (
          <Col xs={12} xl={8} key={f.key} data-testid={`stats-kpi-${section.code}-${f.key}`}>
            <Statistic title={f.label[locale]} value={figureText(f.unit, f.value)} />
            {f.compare && <span>{yoy(f)}</span>}
          </Col>
        ))}
      </Row>
      {charts.map((c) => <EChart key={c.key} option={c.option} testId={`stats-chart-${section.code}-${c.key}`} height={320} />)}
    </Card>
  );
}
