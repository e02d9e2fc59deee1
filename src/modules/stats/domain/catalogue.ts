// The programmes as the statistics see them: every registered programme that pays entitlements (or
// declares figures), with its declarations completed by the defaults — figures, charts, table, report
// part, monitoring, payment label. The service computes this catalogue; it names no programme itself.
import { allProgrammes } from '../../../programmes/registry.ts';
import {
  BASE_METRICS, defaultFigures, MONITORING_KINDS,
  type ChartDeclaration, type FigureDeclaration, type Labels, type Monitor, type MonitoringKind, type ProgrammeReport, type TableDeclaration,
} from '../../../programmes/stats.ts';
import type { ProgrammeModule, Schedule } from '../../../programmes/types.ts';
import { causeMetric } from '../../../programmes/stats.ts';
import { POVERTY_CAUSES } from '../../registry/index.ts';

export interface StatsProgramme {
  code: string;
  name: Labels;
  short: Labels;
  schedule: Schedule;
  summaryKeys: readonly string[];
  moduleMetrics: readonly string[];
  figures: readonly FigureDeclaration[];
  charts: readonly ChartDeclaration[];
  table: TableDeclaration;
  report: ProgrammeReport;
  monitoring: Partial<Record<MonitoringKind, Monitor>>;
  paymentLabels: Labels;
}

/** What the statistics read of a programme module. */
export type StatsSource = Pick<ProgrammeModule, 'code' | 'labels' | 'stats'> & { benefit?: { schedule: Schedule } };

const both = (f: (locale: 'zh-CN' | 'en') => string): Labels => ({ 'zh-CN': f('zh-CN'), en: f('en') });

export function statsProgramme(p: StatsSource): StatsProgramme {
  const schedule = p.benefit?.schedule ?? 'monthly';
  const short = both((l) => p.labels[l].short);
  const figures = p.stats.figures ?? defaultFigures(schedule, short);
  return {
    code: p.code,
    name: both((l) => p.labels[l].name),
    short,
    schedule,
    summaryKeys: p.stats.summaryKeys,
    moduleMetrics: p.stats.moduleMetrics ?? [],
    figures,
    charts: p.stats.charts ?? [],
    table: p.stats.table ?? { name: short, title: { 'zh-CN': `${short['zh-CN']}情况`, en: short.en }, columns: figures.map((f) => ({ figure: f.key })) },
    report: p.stats.report ?? {},
    monitoring: p.stats.monitoring ?? {},
    paymentLabels: p.stats.paymentLabels ?? both((l) => p.labels[l].benefit),
  };
}

let cached: readonly StatsProgramme[] | undefined;

/** The catalogue of the registry (programmes without entitlements and without figures of their own count nothing). */
export function statsProgrammes(): readonly StatsProgramme[] {
  cached ??= allProgrammes().filter((p) => p.benefit !== undefined || p.stats.figures !== undefined).map(statsProgramme);
  return cached;
}

/** The summary keys the roll-up keeps, as (programme, key) pairs. */
export function summaryKeys(programmes: readonly StatsProgramme[]): { programme: string; key: string }[] {
  return programmes.flatMap((p) => p.summaryKeys.map((key) => ({ programme: p.code, key })));
}

const KEY = /^[a-z][A-Za-z0-9]*$/;
const SHEET_NAME = /^[^[\]:*?/\\]{1,31}$/;
const RESERVED = ['households', 'times', 'persons', 'amount'];

/** What is wrong with a programme's declarations (empty when nothing): the stats module computes them blindly. */
export function catalogueProblems(p: StatsProgramme): string[] {
  const problems: string[] = [];
  const causes = p.schedule === 'monthly' ? POVERTY_CAUSES.map(causeMetric) : [];
  const metrics = new Set<string>([...BASE_METRICS[p.schedule], ...causes, ...p.summaryKeys, ...p.moduleMetrics]);
  for (const k of p.summaryKeys) {
    if (!/^[a-z][A-Za-z0-9_]*$/.test(k)) problems.push(`summary key ${k}: letters, digits and _ only`);
    if (RESERVED.includes(k)) problems.push(`summary key ${k}: every entitlement counts it already`);
  }
  if (new Set(p.summaryKeys).size !== p.summaryKeys.length) problems.push('summary keys repeat');
  const seen = new Map<string, FigureDeclaration>();
  for (const f of p.figures) {
    const at = `figure ${f.key}`;
    if (!KEY.test(f.key)) problems.push(`${at}: a key is a camelCase word`);
    if (seen.has(f.key)) problems.push(`${at}: declared twice`);
    const r = f.rule;
    if (r.kind === 'stock' || r.kind === 'total' || r.kind === 'perPersonMonth') {
      if (!metrics.has(r.metric)) problems.push(`${at}: no metric ${r.metric} (base metrics and summary keys: ${[...metrics].join(', ')})`);
      if (r.kind === 'stock' && p.schedule === 'one_off') problems.push(`${at}: one-off payments have no stock; use total`);
    }
    if (r.kind === 'ratio' || r.kind === 'difference' || r.kind === 'sum') {
      for (const ref of r.kind === 'ratio' ? [r.of, r.to] : r.kind === 'sum' ? r.of : [r.of, r.minus]) if (!seen.has(ref)) problems.push(`${at}: ${ref} is not a figure declared before it`);
    }
    seen.set(f.key, f);
  }
  const known = (key: string, where: string) => {
    if (!seen.has(key)) problems.push(`${where}: no figure ${key}`);
  };
  for (const c of p.charts) for (const s of c.series) known(s.figure, `chart ${c.key}`);
  for (const c of p.table.columns) {
    known(c.figure, 'table');
    if (c.show !== undefined && c.show !== 'value' && seen.get(c.figure)?.compare !== true) problems.push(`table: ${c.figure} has no comparison with last year`);
  }
  if (!SHEET_NAME.test(p.table.name['zh-CN'])) problems.push('table: a sheet name has 1–31 characters, none of []:*?/\\');
  for (const kind of MONITORING_KINDS) {
    const m = p.monitoring[kind];
    if (!m) continue;
    known(m.figure, `monitoring ${kind}`);
    if (kind === 'reduction_quota' && seen.get(m.figure)?.compare !== true) problems.push(`monitoring ${kind}: ${m.figure} needs its comparison with last year`);
  }
  for (const [, key] of (p.report.sentence ?? '').matchAll(/\{(\w+)\}/g)) if (key !== 'place' && key !== 'year') known(key ?? '', 'report sentence');
  return problems;
}
