// What a programme contributes to the statistics, as a catalogue the stats module computes without
// knowing which programme it is: the numbers of its entitlements' summaries the roll-up keeps, the
// figures made of them (labels, unit, rule, year-on-year comparison, dashboard KPI), its charts and
// statistical table, the warnings it is monitored by, and its part of the annual report.
//
// Every entitlement gives the roll-up `${programme}.${hukou}.${metric}` per area and month: a monthly
// one `households` (1), `persons` and `amount` (fen a month) as stock changes from its first month to
// the month after its last; a one-off one `times` (1), `persons` and `amount` as flows of its month;
// each with the programme's summary keys. A figure names one of those metrics (or another figure).
import type { Locale } from './types.ts';

export type Labels = Record<Locale, string>;

export const HUKOU = ['urban', 'rural'] as const;
export type Hukou = (typeof HUKOU)[number];

export const FIGURE_UNITS = ['households', 'persons', 'person_times', 'times', 'fen', 'fen_per_person_month', 'fen_per_person_year', 'ratio'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

/** The metrics every entitlement gives, by schedule. */
export const BASE_METRICS = { monthly: ['households', 'persons', 'amount'], one_off: ['times', 'persons', 'amount'] } as const;

/**
 * A monthly entitlement also counts its household under the household's main cause of poverty
 * (致贫原因, the registry's codes): `cause_illness`, `cause_disaster`, … — 1 per entitlement, so a
 * programme paying households (低保) has its households by main cause. The registry's current cause is
 * read (a change of cause recounts the household's months).
 */
export const causeMetric = (cause: string) => `cause_${cause}`;

/** Figures of the registry a programme's figures may use (e.g. the denominator of a coverage ratio). */
export const REGISTRY_FIGURES = ['registryHouseholds', 'registryPersons', 'agriculturalPersons'] as const;
export type RegistryFigure = (typeof REGISTRY_FIGURES)[number];

/** How a figure is computed from the roll-up's sums; `hukou` omitted = urban and rural together. */
export type FigureRule =
  /** The level in the period's last month (monthly entitlements only). */
  | { kind: 'stock'; metric: string; hukou?: Hukou }
  /** Over the period: Σ of a monthly metric over the months (fen-months), or the flows of one-off entitlements. */
  | { kind: 'total'; metric: string; hukou?: Hukou }
  /** Σ over the months of the metric ÷ Σ of persons (person-months; person-times for one-off), rounded. */
  | { kind: 'perPersonMonth'; metric: string; hukou?: Hukou }
  /** Two figures of the programme: `of` ÷ `to` (null when `to` is 0), or `of` − `minus`. */
  | { kind: 'ratio'; of: string; to: string }
  | { kind: 'difference'; of: string; minus: string }
  /** Figures of the programme declared before it, added (null only when all are null). */
  | { kind: 'sum'; of: readonly string[] }
  | { kind: 'registry'; figure: RegistryFigure }
  /** A dated parameter (e.g. a standard): its plain mean over the county-level units, on the period's last day. */
  | { kind: 'parameterMean'; parameter: string };

export interface FigureDeclaration {
  key: string;
  labels: Labels;
  unit: FigureUnit;
  rule: FigureRule;
  /** The same figure a year earlier and the change (now ÷ then − 1). */
  compare?: boolean;
  /** Shown on the programme's dashboard card. */
  kpi?: boolean;
}

export interface ChartDeclaration {
  key: string;
  title: Labels;
  /** Stacked bars per unit; the series label defaults to the figure's. */
  series: readonly { figure: string; labels?: Labels }[];
}

export interface TableColumn {
  figure: string;
  /** The figure's value (default), its value a year earlier, or the change. */
  show?: 'value' | 'prev' | 'change';
  labels?: Labels;
}

export interface TableDeclaration {
  /** The sheet's name (at most 31 characters). */
  name: Labels;
  title: Labels;
  columns: readonly TableColumn[];
}

export interface FigureValue {
  value: number | null;
  prev: number | null;
  change: number | null;
}

/** What a programme's report part reads: the area, the year and its figures in total. */
export interface ReportInput {
  year: number;
  /** 全州, 全县, 全乡（镇）. */
  place: string;
  /** The level of the report's area. */
  level: 'prefecture' | 'county' | 'township' | 'village';
  /** The number of units (counties of a prefecture, townships of a county, villages of a township) and what they are called. */
  units: { count: number; word: string };
  /** What the approved payrolls of the period paid for the programme; null where no payroll paid it. */
  paid: { netFen: number; lines: number } | null;
  /** A figure of the programme by key; throws for a key it does not declare. */
  figure(key: string): FigureValue;
}

/** A warning of the programme's monitoring, for the report's problems. */
export interface ReportWarning {
  kind: MonitoringKind;
  areaName: string;
  value: number;
  threshold: number | null;
  /** reduction_quota: the 减量 plan whose year's target is the threshold (years and persons over all of them). */
  plan?: { years: number; total: number } | null | undefined;
}

export type ReportBlock =
  | { type: 'paragraph'; text: string }
  /** The programme's statistical table, a row per unit. */
  | { type: 'table' }
  | { type: 'chart'; chart: string };

export interface ProgrammeReport {
  /** The section's heading, without its number (default: the programme's name + 工作). */
  heading?: string;
  /** Paragraphs, the table and charts of the section. */
  section?(input: ReportInput): ReportBlock[];
  /**
   * Or only a sentence: `{key}` is the figure's value, `{place}` and `{year}` the report's. A value is
   * written in the unit the text after it names: fen before 万元 in 10,000 yuan, before 元 in yuan;
   * counts before 万 in 10,000s; ratios as percentages. E.g. "全年实施临时救助{persons}人次，支出{amount}万元".
   */
  sentence?: string;
  /** Sentences for the report's part on problems (二、不足和问题), from the programme's warnings. */
  problems?(input: ReportInput, warnings: readonly ReportWarning[]): string[];
}

/** Warnings by county: a figure below a parameter (coverage floor), or a fall over a year beyond a quota. */
export const MONITORING_KINDS = ['rural_coverage', 'reduction_quota'] as const;
export type MonitoringKind = (typeof MONITORING_KINDS)[number];
export interface Monitor {
  figure: string;
  /** rural_coverage: the floor; reduction_quota: the quota (the county's own value, else its share by last year's figure of the value above it). */
  parameter: string;
}

export interface ProgrammeStats {
  /** Numeric keys of `entitlements.summary` kept per area and month (e.g. 低保's gap and top-up persons). */
  summaryKeys: readonly string[];
  /**
   * Flows the programme's own module adds to the roll-up per area, hukou and month
   * (`${programme}.${hukou}.${key}`) from records that are not entitlements — 医疗救助's hospital
   * settlements and premium subsidies. Figures read them like summary keys (`total`).
   */
  moduleMetrics?: readonly string[];
  /** Its figures; default: households or times, persons and amount (`defaultFigures`). */
  figures?: readonly FigureDeclaration[];
  charts?: readonly ChartDeclaration[];
  /** Its sheet of the statistical tables; default: a column per figure. */
  table?: TableDeclaration;
  report?: ProgrammeReport;
  monitoring?: Partial<Record<MonitoringKind, Monitor>>;
  /** What its payments are called in the payroll figures (低保金); default the programme's benefit label. */
  paymentLabels?: Labels;
}

/** The figures of a programme that declares none: what its entitlements count, labelled with its short name. */
export function defaultFigures(schedule: 'monthly' | 'one_off', short: Labels): FigureDeclaration[] {
  const l = (zh: string, en: string): Labels => ({ 'zh-CN': `${short['zh-CN']}${zh}`, en: `${short.en} ${en}` });
  const amount: FigureDeclaration = { key: 'amount', labels: l('支出（元）', 'expenditure (yuan)'), unit: 'fen', rule: { kind: 'total', metric: 'amount' }, compare: true, kpi: true };
  if (schedule === 'one_off') {
    return [
      { key: 'times', labels: l('次数', 'payments'), unit: 'times', rule: { kind: 'total', metric: 'times' }, compare: true, kpi: true },
      { key: 'persons', labels: l('人次', 'person-times'), unit: 'person_times', rule: { kind: 'total', metric: 'persons' }, compare: true, kpi: true },
      amount,
    ];
  }
  return [
    { key: 'households', labels: l('户数', 'households'), unit: 'households', rule: { kind: 'stock', metric: 'households' }, compare: true, kpi: true },
    { key: 'persons', labels: l('人数', 'persons'), unit: 'persons', rule: { kind: 'stock', metric: 'persons' }, compare: true, kpi: true },
    amount,
  ];
}

/** Numbers in the report's Chinese prose (money in fen, ratios as fractions; — for no figure). */
export const say = {
  /** 65000 → 650.00 (yuan) */
  yuan: (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2)),
  /** 45269 → 453 (whole yuan) */
  yuanWhole: (fen: number | null) => (fen === null ? '—' : String(Math.round(fen / 100))),
  /** 8123400000 → 812.34 (10,000 yuan) */
  wanYuan: (fen: number | null) => (fen === null ? '—' : (fen / 1_000_000).toFixed(2)),
  /** 0.125 → 12.50% (the sign is in the words around it) */
  pct: (r: number | null) => (r === null ? '—' : `${(Math.abs(r) * 100).toFixed(2)}%`),
  /** 93400 → 9.34万; below 10,000 as is */
  wan: (n: number | null) => (n === null ? '—' : n >= 10000 ? `${(n / 10000).toFixed(2)}万` : String(n)),
  /** ，比上年增长 25.00% — or a note when last year has no figure */
  change: (r: number | null) => (r === null ? '（上年无可比数据）' : `，比上年${r < 0 ? '减少' : '增长'}${say.pct(r)}`),
  /** 增长 12.50% / 下降 12.50% */
  grew: (r: number | null) => (r === null ? '上年无可比数据' : `${r < 0 ? '下降' : '增长'}${say.pct(r)}`),
  /** A rate's change as percentage points (0.39 − 0.35 → 提高4.00个百分点), not as a relative change. */
  points: (now: number | null, then: number | null) => {
    if (now === null || then === null) return '上年无可比数据';
    const d = Math.round((now - then) * 10000) / 100;
    return d === 0 ? '与上年持平' : `${d > 0 ? '提高' : '降低'}${Math.abs(d).toFixed(2)}个百分点`;
  },
  /**
   * The year's benefit in one figure, labelled with where it comes from: what the approved payrolls paid
   * (全年实际发放低保金…元（按已审批的发放名册）), else what the decisions grant (全年按审批决定核定低保金…元（本期尚无已审批的发放名册）).
   */
  spent: (benefit: string, paid: { netFen: number; lines: number } | null, grantedFen: number | null) =>
    paid !== null && paid.lines > 0
      ? `全年实际发放${benefit}${say.yuan(paid.netFen)}元（按已审批的发放名册）`
      : `全年按审批决定核定${benefit}${say.yuan(grantedFen)}元（本期尚无已审批的发放名册）`,
  /** ，分别增长 a 和 b — or one note when last year has neither */
  bothGrew: (a: number | null, b: number | null, and = '和') => (a === null && b === null ? '（上年无可比数据）' : `，分别${say.grew(a)}${and}${say.grew(b)}`),
};
