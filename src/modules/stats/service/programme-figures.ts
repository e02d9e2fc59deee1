// The generic sections of the figures: per programme of the catalogue its declared figures for the
// area and each unit, with labels, units, KPIs and charts; per programme its payroll. No programme is
// named here: whatever the registry holds is computed the same way.
import type { Figure, PayrollSection, ProgrammeSection } from '../contract.ts';
import type { StatsProgramme } from '../domain/catalogue.ts';
import { evaluate, type FigureContext } from '../domain/evaluate.ts';
import { payrollMetric, REGISTRY_METRICS } from '../domain/metrics.ts';
import type { ParameterMeans } from './parameters.ts';
import type { Sums } from './unit-figures.ts';

/** The area in total, or one of its units, with its metric sums. */
export interface SummedArea {
  code: string;
  name: string;
  sums: Sums;
}

export function figureContext(area: { code: string; sums: Sums }, means: ParameterMeans): FigureContext {
  return {
    sum: area.sums,
    registry: (f) => area.sums(REGISTRY_METRICS[f], 'snapshot'),
    parameter: (name) => means(name, area.code),
  };
}

export function programmeFigures(p: StatsProgramme, area: { code: string; sums: Sums }, means: ParameterMeans): Figure[] {
  const values = evaluate(p, figureContext(area, means));
  return p.figures.map((f) => ({
    key: f.key, label: f.labels, unit: f.unit, compare: f.compare === true,
    // Money summed from the entitlements the decisions wrote: granted (核定), not what the payrolls paid.
    basis: f.unit === 'fen' && f.rule.kind === 'total' && f.rule.metric === 'amount' ? 'decisions' as const : null,
    value: null, prev: null, change: null, ...values.get(f.key),
  }));
}

export function programmeSection(p: StatsProgramme, total: SummedArea, units: readonly SummedArea[], means: ParameterMeans): ProgrammeSection {
  const labelOf = (key: string) => p.figures.find((f) => f.key === key)?.labels ?? { 'zh-CN': key, en: key };
  return {
    code: p.code,
    name: p.name,
    short: p.short,
    schedule: p.schedule,
    kpis: p.figures.filter((f) => f.kpi === true).map((f) => f.key),
    charts: p.charts.map((c) => ({ key: c.key, title: c.title, series: c.series.map((s) => ({ figure: s.figure, label: s.labels ?? labelOf(s.figure) })) })),
    table: { title: p.table.title, columns: p.table.columns.map((c) => ({ figure: c.figure, show: c.show ?? 'value', label: c.labels ?? columnLabel(labelOf(c.figure), c.show ?? 'value') })) },
    total: programmeFigures(p, total, means),
    units: units.map((u) => ({ code: u.code, name: u.name, figures: programmeFigures(p, u, means) })),
  };
}

/** A column's label as the statistical tables write it: 上年同期… for last year's value, …比上年增减 for the change. */
function columnLabel(base: { 'zh-CN': string; en: string }, show: 'value' | 'prev' | 'change') {
  if (show === 'prev') return { 'zh-CN': `上年同期${base['zh-CN']}`, en: `${base.en}, a year earlier` };
  if (show === 'change') return { 'zh-CN': `${base['zh-CN']}比上年增减`, en: `${base.en}, change on last year` };
  return base;
}

export function payrollSection(p: StatsProgramme, total: SummedArea, units: readonly SummedArea[]): PayrollSection {
  const paid = (a: SummedArea) => ({ netFen: a.sums(payrollMetric(p.code, 'net_fen'), 'flow'), lines: a.sums(payrollMetric(p.code, 'lines'), 'flow') });
  return { programme: p.code, name: p.paymentLabels, total: paid(total), units: units.map((u) => ({ code: u.code, ...paid(u) })) };
}
