// The simulator's SQL: dibao over the whole registry of a scope in one set-based statement, for two
// parameter scenarios at once (0 = current values, 1 = draft), side by side in the same rows. The
// shared twin pieces do the work: twin-parameters.ts (the parameter table, one row per area key),
// twin-facts.ts (registry → facts per household), twin-dibao.ts (eligibility and member shares exactly
// as src/policy/formulas/dibao-benefit.ts). Here: eligibility per household and scenario, shares per
// member of the households eligible in either scenario, totals per county.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inScope, widened, type Scope } from '../../../kernel/scope.ts';
import { eligibleSql, memberShareSql, perCapitaIncomeSql, type TwinScenario } from './twin-dibao.ts';
import { householdFactsCtes, type FactsSelection } from './twin-facts.ts';
import { BENEFIT_COLUMNS, ELIGIBILITY_COLUMNS, kindSplit, parameterColumns, parameterTable, type AreaParams } from './twin-parameters.ts';

export type CountyFigures = {
  county: string;
  s: number;
  households: number;
  persons: number;
  ruralPersons: number;
  monthly: number;
};

const COLUMNS = [...ELIGIBILITY_COLUMNS, ...BENEFIT_COLUMNS];
const SCENARIOS = [0, 1] as const;

/** The statement: eligible households, persons, rural persons and monthly budget per county and scenario. */
export function simulateQuery(selection: Pick<FactsSelection, 'households' | 'rows'>, params: readonly AreaParams[], overrides: readonly string[]) {
  const { always, varying } = kindSplit(params);
  const on = (alias: string, k: number): TwinScenario => ({ alias, k, varying });
  const q = sql<{ county: string; h0: number; p0: number; r0: number; m0: number; h1: number; p1: number; r1: number; m1: number }>`
    with p as materialized (${parameterTable(params, SCENARIOS, COLUMNS)}),
    ${householdFactsCtes({ ...selection, overrides, always, varying })},
    hs as (
      select f.county_code, f.id, f.v, f.categories, f.n,
        ${perCapitaIncomeSql(on('p', 0))} as pci_0, ${eligibleSql(on('p', 0))} as eligible_0,
        ${perCapitaIncomeSql(on('p', 1))} as pci_1, ${eligibleSql(on('p', 1))} as eligible_1
      from f join p on p.v = f.v
    ), e as materialized (
      select hs.*, ${parameterColumns('p', SCENARIOS, COLUMNS)}
      from hs join p on p.v = hs.v
      where hs.eligible_0 or hs.eligible_1
    ), eligible as (
      select county_code,
        count(*) filter (where eligible_0) as h0, coalesce(sum(n) filter (where eligible_0), 0) as p0,
        count(*) filter (where eligible_1) as h1, coalesce(sum(n) filter (where eligible_1), 0) as p1
      from e group by county_code
    ), shares as (
      select e.county_code, e.eligible_0, e.eligible_1, m.hukou,
        case when e.eligible_0 then ${memberShareSql(on('e', 0))} end as share_0,
        case when e.eligible_1 then ${memberShareSql(on('e', 1))} end as share_1
      from e join members m on m.county_code = e.county_code and m.household_id = e.id
    ), money as (
      select county_code,
        count(*) filter (where eligible_0 and hukou = 'rural') as r0, coalesce(sum(share_0), 0) as m0,
        count(*) filter (where eligible_1 and hukou = 'rural') as r1, coalesce(sum(share_1), 0) as m1
      from shares group by county_code
    )
    select eligible.county_code as county, h0, p0, r0, m0, h1, p1, r1, m1
    from eligible join money on money.county_code = eligible.county_code
    order by county`;
  return q;
}

/** Rows of a household table in the scope's county (or all counties of a prefecture scope): a cheap superset. */
function inCounties(scope: Scope, column: string) {
  return inScope(widened(scope, 'policy_simulation'), column);
}

/** Eligible households, persons and monthly budget per county and scenario; agricultural population per county. */
export async function simulateDibao(db: Kysely<DB>, scope: Scope, params: readonly AreaParams[], overrides: readonly string[]): Promise<{ figures: CountyFigures[]; agricultural: Map<string, number> }> {
  const q = simulateQuery({ households: inScope(scope, 'h.village_code'), rows: { counties: (c) => inCounties(scope, c) } }, params, overrides);
  const agri = sql<{ county: string; persons: number }>`
    select h.county_code as county, count(*) as persons
    from households h join members m on m.county_code = h.county_code and m.household_id = h.id
    where h.agricultural and ${inScope(scope, 'h.village_code')}
    group by h.county_code`;
  const [rows, agriRows] = await Promise.all([q.execute(db), agri.execute(db)]);
  return {
    figures: rows.rows.flatMap((r) => [
      { county: r.county, s: 0, households: Number(r.h0), persons: Number(r.p0), ruralPersons: Number(r.r0), monthly: Number(r.m0) },
      { county: r.county, s: 1, households: Number(r.h1), persons: Number(r.p1), ruralPersons: Number(r.r1), monthly: Number(r.m1) },
    ]),
    agricultural: new Map(agriRows.rows.map((r) => [r.county, Number(r.persons)])),
  };
}

export async function countyNames(db: Kysely<DB>, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', [...codes]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
