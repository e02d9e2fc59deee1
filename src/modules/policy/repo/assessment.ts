// The dibao assessment twin: per registry household, what `assessDibao` and `nearDibao` decide on the
// household's facts (registry/facts.ts), in one set-based statement over the selected households:
// counted members, per-capita monthly income, the household's standard (mean of the members' own
// standards), property within limits, eligible, the near-dibao income limit and near-dibao. The
// pieces are the simulator's (twin-parameters.ts, twin-facts.ts, twin-dibao.ts).
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import {
  eligibleSql, householdStandardSql, nearDibaoSql, nearIncomeLimitSql, perCapitaIncomeSql, propertyWithinLimitsSql, type TwinScenario,
} from './twin-dibao.ts';
import { householdFactsCtes, type FactsSelection } from './twin-facts.ts';
import { ELIGIBILITY_COLUMNS, kindSplit, NEAR_COLUMNS, parameterTable, type AreaParams } from './twin-parameters.ts';

/** `null` = every household; else the village codes whose households are assessed (the roll-up's areas). */
export type AreaFilter = readonly string[] | null;

/** One household's assessment. Money in fen per person and month. */
export type DibaoAssessmentRow = {
  county_code: string;
  household_id: number;
  village_code: string;
  /** Counted members (every registered member). */
  members: number;
  per_capita_income: number;
  /** The household's monthly standard: the mean of its members' standards by their own hukou. */
  standard: number;
  property_within_limits: boolean;
  eligible: boolean;
  /** round(standard × near_dibao.income_factor). */
  near_income_limit: number;
  near_dibao: boolean;
};

const COLUMNS = [...ELIGIBILITY_COLUMNS, ...NEAR_COLUMNS];

/** An area code as an element of a text[] literal (digits only, so nothing to quote). */
function villageCode(code: string): string {
  if (!/^\d{6,12}$/.test(code)) throw new Error(`Not an area code: "${code}"`);
  return code;
}

/**
 * `h.village_code` in the filter, and the extra condition on `h` (households) when given. Everything:
 * members, incomes and assets are aggregated by plain scans; a selection: only the selected households'.
 */
export function householdSelection(areas: AreaFilter, where: Expression<SqlBool> | undefined): Pick<FactsSelection, 'households' | 'rows'> {
  if (areas === null && where === undefined) return { households: sql<SqlBool>`true`, rows: { counties: () => sql<SqlBool>`true` } };
  const inAreas = areas === null ? sql<SqlBool>`true`
    : sql<SqlBool>`h.village_code = any(cast(${`{${areas.map(villageCode).join(',')}}`} as text[]))`;
  return { households: where === undefined ? inAreas : sql<SqlBool>`(${inAreas} and ${where})`, rows: 'selected' };
}

export function assessmentQuery(selection: Pick<FactsSelection, 'households' | 'rows'>, params: readonly AreaParams[], overrides: readonly string[]): RawBuilder<DibaoAssessmentRow> {
  const { always, varying } = kindSplit(params);
  const s: TwinScenario = { alias: 'p', k: 0, varying };
  return sql<DibaoAssessmentRow>`
    with p as materialized (${parameterTable(params, [0], COLUMNS)}),
    ${householdFactsCtes({ ...selection, overrides, always, varying })}
    select f.county_code, f.id as household_id, f.village_code, f.n::int as members,
      ${perCapitaIncomeSql(s)}::bigint as per_capita_income,
      ${householdStandardSql(s)}::bigint as standard,
      ${propertyWithinLimitsSql(s)} as property_within_limits,
      ${eligibleSql(s)} as eligible,
      ${nearIncomeLimitSql(s)}::bigint as near_income_limit,
      ${nearDibaoSql(s)} as near_dibao
    from f join p on p.v = f.v`;
}
