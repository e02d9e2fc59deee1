// The parameter table of the SQL twins: one row per area key, parameters resolved in TypeScript by the
// same ParameterSet the formulas read (service/twin-parameters.ts), one column per parameter and
// scenario (`urban_0`, `urban_1`, …), passed to the statement as one JSON value. The area key of a
// household is its county, or the township or village itself when some twin parameter is set there
// (`areaKeySql`): the fallback chain village → township → county gives every village of one key the
// same values, so one resolution per key is exact.
import { sql, type RawBuilder } from 'kysely';
import { INCOME_KIND_MAP } from '../../registry/index.ts';

/** Policy income kinds the registry can hold (see registry/facts.ts). */
export const REGISTRY_POLICY_KINDS = [...new Set([...Object.values(INCOME_KIND_MAP), 'pension_basic' as const])].sort();
export const TOPUP_CATEGORIES = ['three_nos', 'elderly', 'serious_illness_disability', 'student', 'family_planning', 'single_parent'] as const;

/** What `dibaoEligibility` reads: monthly standards (fen), the income kinds that count, property limits. */
export const ELIGIBILITY_COLUMNS = [
  'urban bigint', 'rural bigint',
  ...REGISTRY_POLICY_KINDS.map((k) => `c_${k} boolean`),
  'deposit_months numeric', 'vehicle_allowed boolean', 'business_allowed boolean', 'max_houses int',
] as const;
/** What `dibaoBenefit` reads besides: rounding unit, three-nos full standard, top-up categories and rates. */
export const BENEFIT_COLUMNS = [
  'unit bigint', 'full3 boolean', 'elderly_born_by date', 'severe_max int',
  ...TOPUP_CATEGORIES.flatMap((c) => [`u_${c} numeric`, `r_${c} numeric`]),
] as const;
/** What `nearDibao` reads besides. */
export const NEAR_COLUMNS = ['near_factor numeric'] as const;

export type ParameterCell = string | number | boolean;
/**
 * Resolved parameters of one area key under scenario `s` (0 = current, 1 = draft): money in fen per
 * month; `c_<kind>`: the kind counts as income; `elderly_born_by`: members born on or before it are
 * elderly; `u_<category>` / `r_<category>`: top-up rates by hukou.
 */
export type AreaParams = { s: number; v: string; values: Record<string, ParameterCell> };

const columnName = (column: string) => column.split(' ')[0] ?? column;

/** `select … from jsonb_to_recordset(…)`: one row per area key `v`, each column suffixed by scenario. */
export function parameterTable(params: readonly AreaParams[], scenarios: readonly number[], columns: readonly string[]): RawBuilder<unknown> {
  const byArea = new Map<string, Record<string, ParameterCell>>();
  for (const p of params) {
    const row = byArea.get(p.v) ?? { v: p.v };
    for (const c of columns) {
      const value = p.values[columnName(c)];
      if (value !== undefined) row[`${columnName(c)}_${p.s}`] = value;
    }
    byArea.set(p.v, row);
  }
  const declared = ['v text', ...scenarios.flatMap((s) => columns.map((c) => c.replace(' ', `_${s} `)))].join(', ');
  return sql`select * from jsonb_to_recordset(cast(${JSON.stringify([...byArea.values()])} as jsonb)) as x(${sql.raw(declared)})`;
}

/** `alias.col_s, …` of every column of every scenario (to carry the parameters along a join). */
export function parameterColumns(alias: string, scenarios: readonly number[], columns: readonly string[]): RawBuilder<unknown> {
  return sql.raw(columns.flatMap((c) => scenarios.map((s) => `${alias}.${columnName(c)}_${s}`)).join(', '));
}

const textSet = (codes: readonly string[]) => sql`(select jsonb_array_elements_text(cast(${JSON.stringify(codes)} as jsonb)))`;

/** The area key of a village code: the village or township when listed in `overrides`, else the county. */
export function areaKeySql(column: RawBuilder<string>, overrides: readonly string[]): RawBuilder<string> {
  const villages = overrides.filter((a) => a.length === 12);
  const townships = overrides.filter((a) => a.length === 9);
  const county = sql<string>`left(${column}, 6)`;
  if (villages.length === 0 && townships.length === 0) return county;
  return sql<string>`case
    when ${column} in ${textSet(villages)} then ${column}
    when left(${column}, 9) in ${textSet(townships)} then left(${column}, 9)
    else ${county} end`;
}

/** Kinds counted under every key and scenario (summed once) and kinds whose status varies (one sum each). */
export function kindSplit(params: readonly AreaParams[]): { always: string[]; varying: string[] } {
  const counts = (k: string) => params.map((p) => p.values[`c_${k}`] === true);
  const always = REGISTRY_POLICY_KINDS.filter((k) => counts(k).every(Boolean));
  const varying = REGISTRY_POLICY_KINDS.filter((k) => !always.includes(k) && counts(k).some(Boolean));
  return { always, varying };
}
