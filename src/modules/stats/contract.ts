// The stats part of the API contract, shared with the web: the response of every stats route as zod
// (the routes declare them; /api/openapi.json documents them). The figures of an area and period: the
// module's own (flat, `UnitFigures`), payroll per programme, and a generic section per programme with
// the figures it declares (src/programmes/stats.ts), labelled in both locales. Definitions: README.md.
import { z } from 'zod';

/** The module's own figures: intake, complaints and recoveries, overdue items, registry and 应保尽保, payroll totals, verification. */
export const FIGURE_KEYS = [
  'intakeReceived', 'intakeCompleted', 'intakeCompletionRate',
  'complaintsReceived', 'complaintsConcluded', 'complaintsSubstantiated', 'complaintsFavouritism', 'recoveredFen', 'fineFen',
  'overdueCases', 'overdueReferrals',
  'registryHouseholds', 'registryPersons', 'agriculturalPersons',
  'povertyFile', 'povertyUncovered', 'eligibleUncovered', 'nearDibao',
  'payrollNetFen', 'payrollLines',
  'verificationRequests', 'rescreenRequests', 'verificationFindings', 'verificationBreaking', 'verificationFavouritism',
  'rescreenHits', 'favouritismFlags',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

const num = z.number().nullable();
/** Every key, each a number or null, and no other: an object (not a record over the keys) so that an answer is written from its JSON Schema. */
export const unitFigures = z.strictObject(Object.fromEntries(FIGURE_KEYS.map((k) => [k, num])) as Record<FigureKey, typeof num>);
export type UnitFigures = z.infer<typeof unitFigures>;

export const labels = z.object({ 'zh-CN': z.string(), en: z.string() });
export type Labels = z.infer<typeof labels>;

/** Units of programme figures (the same list as src/programmes/stats.ts; the service's assignments keep them equal). */
export const FIGURE_UNITS = ['households', 'persons', 'person_times', 'times', 'fen', 'fen_per_person_month', 'fen_per_person_year', 'ratio'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

/** A programme figure: value for the period, a year earlier and the change (now ÷ then − 1; of a ratio now − then, in percentage points as a fraction) when it is compared; money in fen, ratios as fractions. */
export const figure = z.object({
  key: z.string(), label: labels, unit: z.enum(FIGURE_UNITS), compare: z.boolean(),
  /** `decisions`: an amount granted by the decisions (核定, the entitlements they wrote), not paid by a payroll; null for other figures. */
  basis: z.enum(['decisions']).nullable(),
  value: num, prev: num, change: num,
});
export type Figure = z.infer<typeof figure>;

export const programmeSection = z.object({
  code: z.string(),
  name: labels,
  short: labels,
  schedule: z.enum(['monthly', 'one_off']),
  /** Keys of the figures shown on its dashboard card. */
  kpis: z.array(z.string()),
  charts: z.array(z.object({ key: z.string(), title: labels, series: z.array(z.object({ figure: z.string(), label: labels })) })),
  /** Its statistical table (the sheet's columns): the dashboard shows it by unit. `label` is the figure's unless the column names its own. */
  table: z.object({ title: labels, columns: z.array(z.object({ figure: z.string(), show: z.enum(['value', 'prev', 'change']), label: labels })) }),
  total: z.array(figure),
  units: z.array(z.object({ code: z.string(), name: z.string(), figures: z.array(figure) })),
});
export type ProgrammeSection = z.infer<typeof programmeSection>;

const paid = z.object({ netFen: z.number(), lines: z.number() });
/** Net payroll of approved or exported payrolls per programme (payroll_totals), named as its payments are (低保金). */
export const payrollSection = z.object({ programme: z.string(), name: labels, total: paid, units: z.array(paid.extend({ code: z.string() })) });
export type PayrollSection = z.infer<typeof payrollSection>;

export const period = z.object({
  from: z.string(), to: z.string(), prevFrom: z.string(), prevTo: z.string(),
  /** Day the parameters (standards) are read on: the last day of `to`. */
  date: z.string(), prevDate: z.string(),
  /** Day the overdue items are counted on: today (open items are counted as they stand now). */
  asOf: z.string(),
  months: z.number(),
});
export type Period = z.infer<typeof period>;

/**
 * How current the figures are: `asOf`, every change committed before it is counted (where a background refresher
 * keeps the roll-up, the start of its last complete refresh — one every JIUZHU_STATS_REFRESH_SECONDS; elsewhere
 * the start of the last refresh while changes wait for the next, else now); `refreshing`, the chunks done of a
 * refresh under way.
 */
export const rollupStatus = z.object({
  asOf: z.string(),
  refreshing: z.object({ done: z.number(), total: z.number() }).nullable(),
});
export type RollupStatus = z.infer<typeof rollupStatus>;

const area = z.object({ code: z.string(), name: z.string(), level: z.string() });
export const figuresResult = z.object({
  area,
  /** The area's names from the prefecture down (州 › 县 › 乡镇): the dashboard's breadcrumb. */
  areaPath: z.array(z.string()),
  period,
  total: unitFigures,
  units: z.array(unitFigures.extend(area.shape)),
  programmes: z.array(programmeSection),
  payroll: z.array(payrollSection),
  /** The same as `rollup.asOf`. */
  refreshedAt: z.string(),
  rollup: rollupStatus,
});
export type FiguresResult = z.infer<typeof figuresResult>;

export const WARNING_KINDS = ['rural_coverage', 'reduction_quota', 'poverty_uncovered', 'eligible_uncovered', 'near_dibao', 'overdue_cases', 'overdue_referrals', 'rescreen_hits', 'favouritism_flags'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const warning = z.object({
  kind: z.enum(WARNING_KINDS),
  areaCode: z.string(),
  areaName: z.string(),
  /** The area's names from the prefecture down (州 › 县): the breadcrumb shown with the warning at every level. */
  areaPath: z.array(z.string()),
  /** The figure warned about: a ratio (coverage), persons (reduction) or a count of items. */
  value: z.number(),
  threshold: num,
  /** The programme whose monitoring warned, and the figure's label (coverage, reduction); null for the module's own. */
  programme: z.string().nullable(),
  label: labels.nullable(),
  /** reduction_quota: the 减量 plan whose year's target is the threshold (null: the quota parameter). */
  plan: z.object({ document: z.string(), startYear: z.number(), years: z.number(), total: z.number() }).nullable().optional(),
});
export type Warning = z.infer<typeof warning>;

export const warningsResult = z.object({ area: z.string(), items: z.array(warning) });
export type WarningsResult = z.infer<typeof warningsResult>;

/** An item's area from the prefecture down (州 › 县 › 乡镇 › 村). */
const areaPath = z.array(z.string());
const caseItem = z.object({ caseNo: z.string(), programme: z.string(), state: z.string(), areaCode: z.string(), areaPath, villageName: z.string(), applicantName: z.string(), due: z.string() });
export const warningItemsResult = z.object({
  kind: z.enum(WARNING_KINDS),
  area: z.string(),
  counties: z.array(warning),
  households: z.array(z.object({
    householdNo: z.string(), villageCode: z.string(), areaPath, villageName: z.string(), hukou: z.string(), headName: z.string().nullable(), persons: z.number(), perCapitaIncome: num, povertyFile: z.boolean(),
  })),
  cases: z.array(caseItem),
  referrals: z.array(z.object({ id: z.number(), requestNo: z.string(), areaCode: z.string(), areaPath, personName: z.string(), department: z.string().nullable(), need: z.string(), status: z.string(), due: z.string() })),
  next: num,
});
export type WarningItems = z.infer<typeof warningItemsResult>;
