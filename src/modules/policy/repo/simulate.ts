// The simulator's SQL: dibao over the whole registry of a scope in one set-based statement, for two
// parameter scenarios at once (0 = current values, 1 = draft), side by side in the same rows. Parameters
// come resolved per area (fallback done by the ParameterSet) as a JSON table of one row per area; incomes, assets and members are
// aggregated per household, eligibility decided per household and scenario, and shares computed per
// member of the eligible households exactly as src/policy/formulas/dibao-benefit.ts does:
//   per-capita income = round½((Σ counted kinds − Σ deducted kinds, ≥ 0) / (12 × members))
//   household standard = round½(Σ member standards / members); eligible: income < standard and property within limits
//   share = round-to-unit(gap + round(standard × highest category rate)); gap = standard (three-nos, full-standard rule) or max(0, standard − income)
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import { BASIC_PENSION_SOURCE, INCOME_KIND_MAP, VEHICLE_NOTE_PATTERNS } from '../../registry/index.ts';

/** Policy income kinds the registry can hold (see facts-from-registry.ts). */
export const REGISTRY_POLICY_KINDS = [...new Set([...Object.values(INCOME_KIND_MAP), 'pension_basic' as const])].sort();
export const TOPUP_CATEGORIES = ['three_nos', 'elderly', 'serious_illness_disability', 'student', 'family_planning', 'single_parent'] as const;

/**
 * Resolved parameters of one village under one scenario (money in fen, monthly): urban, rural, unit,
 * full3, elderly_born_by (members born on or before it are elderly), severe_max, u_<category> / r_<category> rates, c_<kind> (kind counts as income),
 * deposit_months, vehicle_allowed, business_allowed, max_houses.
 */
export type VillageParams = { s: 0 | 1; v: string } & Record<string, string | number | boolean>;

export type CountyFigures = {
  county: string;
  s: number;
  households: number;
  persons: number;
  ruralPersons: number;
  monthly: number;
};

const lit = (s: string) => sql.lit(s);
const ident = (s: string) => sql.raw(s.replace(/[^a-z0-9_]/g, ''));

/** Registry income rows whose policy kind is in `set` (pensions split by source only when needed). */
function kindsPredicate(set: ReadonlySet<string>): RawBuilder<boolean> {
  const whole: string[] = [];
  const parts: RawBuilder<boolean>[] = [];
  for (const [registry, policy] of Object.entries(INCOME_KIND_MAP)) {
    if (registry === 'pension') {
      const basic = set.has('pension_basic');
      const other = set.has(policy);
      if (basic && other) whole.push(registry);
      else if (basic) parts.push(sql<boolean>`(i.kind = 'pension' and position(${lit(BASIC_PENSION_SOURCE)} in i.source) > 0)`);
      else if (other) parts.push(sql<boolean>`(i.kind = 'pension' and position(${lit(BASIC_PENSION_SOURCE)} in i.source) = 0)`);
    } else if (set.has(policy)) whole.push(registry);
  }
  if (set.has('other')) parts.push(sql<boolean>`i.kind not in (${sql.join(Object.keys(INCOME_KIND_MAP).map(lit))})`);
  if (whole.length > 0) parts.unshift(sql<boolean>`i.kind in (${sql.join(whole.map(lit))})`);
  return parts.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/** A vehicle counts unless its note says it is a disability mobility vehicle or farm machine. */
function countedVehicleSql(): RawBuilder<boolean> {
  const first = VEHICLE_NOTE_PATTERNS.findIndex(([, k]) => k !== 'disability_mobility' && k !== 'farm_machine');
  const uncounted = VEHICLE_NOTE_PATTERNS.slice(0, first < 0 ? undefined : first).map(([p]) => sql`position(${lit(p)} in a.note) > 0`);
  return sql<boolean>`not (${sql.join(uncounted, sql` or `)})`;
}

const PARAM_COLUMNS = [
  'urban bigint', 'rural bigint', 'unit bigint', 'full3 boolean', 'elderly_born_by date', 'severe_max int',
  ...TOPUP_CATEGORIES.flatMap((c) => [`u_${c} numeric`, `r_${c} numeric`]),
  ...REGISTRY_POLICY_KINDS.map((k) => `c_${k} boolean`),
  'deposit_months numeric', 'vehicle_allowed boolean', 'business_allowed boolean', 'max_houses int',
];

/** One record per area with every parameter twice: `<name>_0` (current) and `<name>_1` (draft). */
function recordColumns(): RawBuilder<unknown> {
  return sql.raw(['v text', ...[0, 1].flatMap((k) => PARAM_COLUMNS.map((c) => c.replace(' ', `_${k} `)))].join(', '));
}

function pivot(params: readonly VillageParams[]): Record<string, unknown>[] {
  const byArea = new Map<string, Record<string, unknown>>();
  for (const p of params) {
    const row = byArea.get(p.v) ?? { v: p.v };
    for (const [k, value] of Object.entries(p)) if (k !== 's' && k !== 'v') row[`${k}_${p.s}`] = value;
    byArea.set(p.v, row);
  }
  return [...byArea.values()];
}

/** The highest applicable category rate of member m (hukou prefix u/r). */
function rateSql(prefix: 'u' | 'r', k: 0 | 1): RawBuilder<number> {
  const p = (c: string) => sql.raw(`e.${c}_${k}`);
  const r = (c: string) => p(`${prefix}_${c}`);
  return sql<number>`greatest(0,
    case when 'three_nos' = any(m.categories) then ${r('three_nos')} else 0 end,
    case when 'elderly' = any(m.categories) or m.birth_date <= ${p('elderly_born_by')} then ${r('elderly')} else 0 end,
    case when 'serious_illness_disability' = any(m.categories) or m.serious_illness or m.disability_grade <= ${p('severe_max')} then ${r('serious_illness_disability')} else 0 end,
    case when 'student' = any(m.categories) or m.student then ${r('student')} else 0 end,
    case when 'family_planning' = any(e.categories) or 'family_planning' = any(m.categories) then ${r('family_planning')} else 0 end,
    case when 'single_parent' = any(e.categories) or 'single_parent' = any(m.categories) then ${r('single_parent')} else 0 end)`;
}

/** Scenario k of one household: per-capita income and whether it is eligible. */
function householdSql(k: 0 | 1, varying: readonly string[]) {
  const p = (c: string) => sql.raw(`p.${c}_${k}`);
  const counted = sql.join([sql`f.k_always`, ...varying.map((kind) => sql`case when ${p(`c_${kind}`)} then ${sql.raw(`f.k_${kind}`)} else 0 end`)], sql` + `);
  const stdSum = sql`(f.n_urban * ${p('urban')} + (f.n - f.n_urban) * ${p('rural')})`;
  const pci = sql`((2 * greatest(0, ${counted}) + 12 * f.n) / (24 * f.n))`;
  return {
    pci: sql`${pci} as ${sql.raw(`pci_${k}`)}`,
    eligible: sql`(${pci} < (2 * ${stdSum} + f.n) / (2 * f.n)
      and f.deposits <= ${p('deposit_months')} * ${stdSum}
      and (f.vehicles = 0 or ${p('vehicle_allowed')})
      and (f.businesses = 0 or ${p('business_allowed')})
      and f.houses <= ${p('max_houses')}) as ${sql.raw(`eligible_${k}`)}`,
  };
}

/** Scenario k of one member of an eligible household: the monthly share, rounded to the unit. */
function shareSql(k: 0 | 1) {
  const p = (c: string) => sql.raw(`e.${c}_${k}`);
  const std = sql`(case when m.hukou = 'urban' then ${p('urban')} else ${p('rural')} end)`;
  const pci = sql.raw(`e.pci_${k}`);
  const gap = sql`(case when ${p('full3')} and 'three_nos' = any(m.categories) then ${std} else greatest(0, ${std} - ${pci}) end)`;
  const rate = sql`(case when m.hukou = 'urban' then ${rateSql('u', k)} else ${rateSql('r', k)} end)`;
  return sql`case when ${sql.raw(`e.eligible_${k}`)} then (2 * (${gap} + round(${std} * ${rate})::bigint) + ${p('unit')}) / (2 * ${p('unit')}) * ${p('unit')} end as ${sql.raw(`share_${k}`)}`;
}

/** Rows of a household table in the scope's county (or all counties of a prefecture scope): a cheap superset. */
function inCounties(scope: Scope, column: string) {
  return scope.prefix.length <= 6 ? inScope(scope, column) : inArea(scope.prefix.slice(0, 6), column);
}

const rateColumns = TOPUP_CATEGORIES.flatMap((c) => [`u_${c}`, `r_${c}`]);

/** The statement: eligible households, persons, rural persons and monthly budget per county and scenario. */
export function simulateQuery(scope: Scope, params: readonly VillageParams[], keyLength: number) {
  // Kinds counted under every area and scenario are summed once; only kinds whose status varies get a column.
  const counts = (k: string) => params.map((p) => p[`c_${k}`] === true);
  const always = new Set(REGISTRY_POLICY_KINDS.filter((k) => counts(k).every(Boolean)));
  const varying = REGISTRY_POLICY_KINDS.filter((k) => !always.has(k) && counts(k).some(Boolean));
  const incomeSums = [
    sql`coalesce(sum(a12) filter (where ${kindsPredicate(always)}), 0)::bigint as k_always`,
    ...varying.map((k) => sql`coalesce(sum(a12) filter (where ${kindsPredicate(new Set([k]))}), 0)::bigint as ${ident(`k_${k}`)}`),
  ];
  const incomeCols = sql.raw(['always', ...varying].map((k) => `coalesce(inc.k_${k}, 0) as k_${k}`).join(', '));
  const key = sql.raw(`left(h.village_code, ${Math.trunc(keyLength)})`);
  const [h0, h1] = [householdSql(0, varying), householdSql(1, varying)];
  const q = sql<{ county: string; h0: number; p0: number; r0: number; m0: number; h1: number; p1: number; r1: number; m1: number }>`
    with p as materialized (
      select * from jsonb_to_recordset(cast(${JSON.stringify(pivot(params))} as jsonb)) as x(${recordColumns()})
    ), mc as (
      select county_code, household_id, count(*) as n, count(*) filter (where hukou = 'urban') as n_urban
      from members where ${inCounties(scope, 'county_code')}
      group by county_code, household_id
    ), inc as (
      select county_code, household_id, ${sql.join(incomeSums, sql`, `)}
      from (
        select i.county_code, i.household_id, i.kind, i.source,
          case when i.period = 'month' then i.amount_fen * 12 else i.amount_fen end as a12
        from income_items i where ${inCounties(scope, 'i.county_code')}
      ) i
      group by county_code, household_id
    ), ast as (
      select a.county_code, a.household_id,
        coalesce(sum(a.value_fen) filter (where a.kind in ('deposit', 'securities')), 0)::bigint as deposits,
        count(*) filter (where a.kind = 'vehicle' and ${countedVehicleSql()}) as vehicles,
        count(*) filter (where a.kind = 'business') as businesses,
        count(*) filter (where a.kind = 'house') as houses
      from assets a where ${inCounties(scope, 'a.county_code')}
      group by a.county_code, a.household_id
    ), f as (
      select h.county_code, h.id, ${key} as v, h.categories, mc.n, mc.n_urban, ${incomeCols},
        coalesce(ast.deposits, 0) as deposits, coalesce(ast.vehicles, 0) as vehicles,
        coalesce(ast.businesses, 0) as businesses, coalesce(ast.houses, 0) as houses
      from households h
      join mc on mc.county_code = h.county_code and mc.household_id = h.id
      left join inc on inc.county_code = h.county_code and inc.household_id = h.id
      left join ast on ast.county_code = h.county_code and ast.household_id = h.id
      where ${inScope(scope, 'h.village_code')}
    ), hs as (
      select f.county_code, f.id, f.v, f.categories, f.n, ${h0.pci}, ${h0.eligible}, ${h1.pci}, ${h1.eligible}
      from f join p on p.v = f.v
    ), e as materialized (
      select hs.*, ${sql.raw(PARAM_COLUMNS.flatMap((c) => [0, 1].map((k) => `p.${c.split(' ')[0]}_${k}`)).join(', '))}
      from hs join p on p.v = hs.v
      where hs.eligible_0 or hs.eligible_1
    ), eligible as (
      select county_code,
        count(*) filter (where eligible_0) as h0, coalesce(sum(n) filter (where eligible_0), 0) as p0,
        count(*) filter (where eligible_1) as h1, coalesce(sum(n) filter (where eligible_1), 0) as p1
      from e group by county_code
    ), shares as (
      select e.county_code, e.eligible_0, e.eligible_1, m.hukou, ${shareSql(0)}, ${shareSql(1)}
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

/** Eligible households, persons and monthly budget per county and scenario; agricultural population per county. */
export async function simulateDibao(db: Kysely<DB>, scope: Scope, params: readonly VillageParams[], keyLength: number): Promise<{ figures: CountyFigures[]; agricultural: Map<string, number> }> {
  const q = simulateQuery(scope, params, keyLength);
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

/**
 * The areas whose parameters must be resolved: the households' village codes cut to `keyLength`
 * (6 when no parameter is set below county level, so one resolution per county).
 */
export async function areasInScope(db: Kysely<DB>, scope: Scope, keyLength: number): Promise<string[]> {
  const rows = await db.selectFrom('households').select(sql<string>`left(village_code, ${sql.lit(Math.trunc(keyLength))})`.as('v')).distinct().where(inScope(scope, 'village_code')).orderBy('v').execute();
  return rows.map((r) => r.v);
}

export async function countyNames(db: Kysely<DB>, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', [...codes]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
