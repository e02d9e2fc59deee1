// Registry → facts in SQL: the common table expressions that aggregate, per household, what
// `householdFactsFromRegistry` (registry/facts.ts) gives the formulas, with the same maps (income
// kinds, the basic-pension source, vehicle notes). Every member counts (the registry records no
// exclusion); all income items of the household count, whoever they belong to; deposits and
// securities are deposits; a vehicle counts unless its note makes it a disability mobility vehicle or
// a farm machine; any business asset is a business registration; houses are counted. A household
// without members has no row (the formula has nothing to assess).
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { BASIC_PENSION_SOURCE, INCOME_KIND_MAP, VEHICLE_NOTE_PATTERNS } from '../../registry/index.ts';
import { areaKeySql } from './twin-parameters.ts';

const lit = (s: string) => sql.lit(s);
const ident = (s: string) => sql.raw(s.replace(/[^a-z0-9_]/g, ''));

/** The policy kind of a registry income row (alias i), as `policyIncomeKind` decides it. */
export function policyKindSql(): RawBuilder<string> {
  const cases = Object.entries(INCOME_KIND_MAP).map(([registry, policy]) => sql`when i.kind = ${lit(registry)} then ${lit(policy)}`);
  return sql<string>`case when i.kind = 'pension' and position(${lit(BASIC_PENSION_SOURCE)} in i.source) > 0 then 'pension_basic'
    ${sql.join(cases, sql` `)} else 'other' end`;
}

/** Whether a registry asset row (alias a) is a counted vehicle: its kind as `vehicleKind` reads the note. */
export function countedVehicleSql(): RawBuilder<boolean> {
  const cases = VEHICLE_NOTE_PATTERNS.map(([pattern, kind]) => sql`when position(${lit(pattern)} in a.note) > 0 then ${lit(kind)}`);
  return sql<boolean>`(case ${sql.join(cases, sql` `)} else 'car' end) not in ('disability_mobility', 'farm_machine')`;
}

const kindIn = (kinds: readonly string[]) => (kinds.length === 0 ? sql<boolean>`false` : sql<boolean>`i.pk in (${sql.join(kinds.map(lit))})`);

export type FactsSelection = {
  /** Which households (alias h of `households`). */
  households: Expression<SqlBool>;
  /**
   * How the member, income and asset rows are narrowed before they are aggregated: by a cheap
   * predicate on their county code that holds for every selected household (many households: the
   * aggregation is a plain scan), or by a join with the selected households (few of them: index lookups).
   */
  rows: { counties: (column: string) => Expression<SqlBool> } | 'selected';
  /** Areas below county level with their own twin parameters (the area key, see twin-parameters.ts). */
  overrides: readonly string[];
  /** Policy income kinds counted everywhere (summed as `k_always`) and those that vary (`k_<kind>` each). */
  always: readonly string[];
  varying: readonly string[];
};

/**
 * `hh, mc, inc, ast, f` (to follow `with`): `f` has one row per household with members —
 * county_code, id, village_code, v (area key), categories, n, n_urban, k_always, k_<varying kind>
 * (12 × monthly fen), deposits, vehicles (counted), businesses, houses.
 */
export function householdFactsCtes(selection: FactsSelection): RawBuilder<unknown> {
  const incomeSums = [
    sql`coalesce(sum(i.a12) filter (where ${kindIn(selection.always)}), 0)::bigint as k_always`,
    ...selection.varying.map((k) => sql`coalesce(sum(i.a12) filter (where ${kindIn([k])}), 0)::bigint as ${ident(`k_${k}`)}`),
  ];
  const rows = selection.rows;
  const from = (table: 'members' | 'income_items' | 'assets', alias: 'm' | 'i' | 'a') => (rows === 'selected'
    ? sql`${sql.table(table)} ${sql.raw(alias)} join hh on hh.county_code = ${sql.ref(`${alias}.county_code`)} and hh.id = ${sql.ref(`${alias}.household_id`)}`
    : sql`${sql.table(table)} ${sql.raw(alias)} where ${rows.counties(`${alias}.county_code`)}`);
  const incomeColumns = sql.raw(['always', ...selection.varying].map((k) => `coalesce(inc.k_${k}, 0) as k_${k}`).join(', '));
  return sql`
    hh as not materialized (
      select h.county_code, h.id, h.village_code, h.categories, ${areaKeySql(sql`h.village_code`, selection.overrides)} as v
      from households h where ${selection.households}
    ), mc as (
      select m.county_code, m.household_id, count(*) as n, count(*) filter (where m.hukou = 'urban') as n_urban
      from ${from('members', 'm')}
      group by m.county_code, m.household_id
    ), inc as (
      select i.county_code, i.household_id, ${sql.join(incomeSums, sql`, `)}
      from (
        select i.county_code, i.household_id, ${policyKindSql()} as pk,
          case when i.period = 'month' then i.amount_fen * 12 else i.amount_fen end as a12
        from ${from('income_items', 'i')}
      ) i
      group by i.county_code, i.household_id
    ), ast as (
      select a.county_code, a.household_id,
        coalesce(sum(a.value_fen) filter (where a.kind in ('deposit', 'securities')), 0)::bigint as deposits,
        count(*) filter (where a.kind = 'vehicle' and ${countedVehicleSql()}) as vehicles,
        count(*) filter (where a.kind = 'business') as businesses,
        count(*) filter (where a.kind = 'house') as houses
      from ${from('assets', 'a')}
      group by a.county_code, a.household_id
    ), f as (
      select hh.county_code, hh.id, hh.village_code, hh.v, hh.categories, mc.n, mc.n_urban, ${incomeColumns},
        coalesce(ast.deposits, 0) as deposits, coalesce(ast.vehicles, 0) as vehicles,
        coalesce(ast.businesses, 0) as businesses, coalesce(ast.houses, 0) as houses
      from hh
      join mc on mc.county_code = hh.county_code and mc.household_id = hh.id
      left join inc on inc.county_code = hh.county_code and inc.household_id = hh.id
      left join ast on ast.county_code = hh.county_code and ast.household_id = hh.id
    )`;
}
