// The simulator's SQL: dibao over the whole registry of a scope in one set-based statement, for two
// parameter scenarios at once (0 = current values, 1 = draft). Parameters come resolved per village
// (area fallback done by the ParameterSet) as a JSON table; incomes, assets and members are
// aggregated per household, eligibility decided per household and scenario, and shares computed per
// member of the eligible households exactly as src/policy/formulas/dibao-benefit.ts does:
//   per-capita income = round½((Σ counted kinds − Σ deducted kinds, ≥ 0) / (12 × members))
//   household standard = round½(Σ member standards / members); eligible: income < standard and property within limits
//   share = round-to-unit(gap + round(standard × highest category rate)); gap = standard (three-nos, full-standard rule) or max(0, standard − income)
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inScope, type Scope } from '../../../db/scope.ts';
import { BASIC_PENSION_SOURCE, INCOME_KIND_MAP, VEHICLE_NOTE_PATTERNS } from '../facts-from-registry.ts';

/** Policy income kinds the registry can hold (see facts-from-registry.ts). */
export const REGISTRY_POLICY_KINDS = [...new Set([...Object.values(INCOME_KIND_MAP), 'pension_basic' as const])].sort();
export const TOPUP_CATEGORIES = ['three_nos', 'elderly', 'serious_illness_disability', 'student', 'family_planning', 'single_parent'] as const;

/**
 * Resolved parameters of one village under one scenario (money in fen, monthly): urban, rural, unit,
 * full3, elderly_age, severe_max, u_<category> / r_<category> rates, c_<kind> (kind counts as income),
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

/** Registry income kind → policy kind, as SQL (same map as householdFactsFromRegistry). */
function policyKindSql(): RawBuilder<string> {
  const cases = Object.entries(INCOME_KIND_MAP).map(([k, v]) =>
    k === 'pension'
      ? sql`when ${lit(k)} then case when position(${lit(BASIC_PENSION_SOURCE)} in i.source) > 0 then 'pension_basic' else ${lit(v)} end`
      : sql`when ${lit(k)} then ${lit(v)}`);
  return sql<string>`case i.kind ${sql.join(cases, sql` `)} else 'other' end`;
}

/** A vehicle counts unless its note says it is a disability mobility vehicle or farm machine. */
function countedVehicleSql(): RawBuilder<boolean> {
  const first = VEHICLE_NOTE_PATTERNS.findIndex(([, k]) => k !== 'disability_mobility' && k !== 'farm_machine');
  const uncounted = VEHICLE_NOTE_PATTERNS.slice(0, first < 0 ? undefined : first).map(([p]) => sql`position(${lit(p)} in a.note) > 0`);
  return sql<boolean>`not (${sql.join(uncounted, sql` or `)})`;
}

function recordColumns(): RawBuilder<unknown> {
  const cols = [
    's int', 'v text', 'urban bigint', 'rural bigint', 'unit bigint', 'full3 boolean', 'elderly_age int', 'severe_max int',
    ...TOPUP_CATEGORIES.flatMap((c) => [`u_${c} numeric`, `r_${c} numeric`]),
    ...REGISTRY_POLICY_KINDS.map((k) => `c_${k} boolean`),
    'deposit_months numeric', 'vehicle_allowed boolean', 'business_allowed boolean', 'max_houses int',
  ];
  return sql.raw(cols.join(', '));
}

/** The highest applicable category rate of member m (hukou prefix u/r). */
function rateSql(prefix: 'u' | 'r', date: string): RawBuilder<number> {
  const r = (c: string) => sql.raw(`e.${prefix}_${c}`);
  return sql<number>`greatest(0,
    case when 'three_nos' = any(m.categories) then ${r('three_nos')} else 0 end,
    case when 'elderly' = any(m.categories) or m.birth_date <= (cast(${date} as date) - make_interval(years => e.elderly_age)) then ${r('elderly')} else 0 end,
    case when 'serious_illness_disability' = any(m.categories) or m.serious_illness or m.disability_grade <= e.severe_max then ${r('serious_illness_disability')} else 0 end,
    case when 'student' = any(m.categories) or m.student then ${r('student')} else 0 end,
    case when 'family_planning' = any(e.hcat) or 'family_planning' = any(m.categories) then ${r('family_planning')} else 0 end,
    case when 'single_parent' = any(e.hcat) or 'single_parent' = any(m.categories) then ${r('single_parent')} else 0 end)`;
}

/** Eligible households, persons and monthly budget per county and scenario; agricultural population per county. */
export async function simulateDibao(db: Kysely<DB>, scope: Scope, date: string, params: readonly VillageParams[]): Promise<{ figures: CountyFigures[]; agricultural: Map<string, number> }> {
  const kinds = REGISTRY_POLICY_KINDS;
  const incomeSums = kinds.map((k) => sql`coalesce(sum(case when i.period = 'month' then i.amount_fen * 12 else i.amount_fen end) filter (where ${policyKindSql()} = ${lit(k)}), 0) as ${ident(`k_${k}`)}`);
  const counted = sql.join(kinds.map((k) => sql`case when ${sql.raw(`p.c_${k}`)} then coalesce(${sql.raw(`inc.k_${k}`)}, 0) else 0 end`), sql` + `);
  const standard = sql`case when m.hukou = 'urban' then e.urban else e.rural end`;
  const q = sql<{ county: string; s: number; households: number; persons: number; rural_persons: number; monthly: number }>`
    with p as (
      select * from jsonb_to_recordset(cast(${JSON.stringify(params)} as jsonb)) as x(${recordColumns()})
    ), hh as (
      select h.county_code, h.id, h.village_code, h.categories from households h where ${inScope(scope, 'h.village_code')}
    ), mc as (
      select m.county_code, m.household_id, count(*) as n, count(*) filter (where m.hukou = 'urban') as n_urban
      from members m join hh on hh.county_code = m.county_code and hh.id = m.household_id
      group by m.county_code, m.household_id
    ), inc as (
      select i.county_code, i.household_id, ${sql.join(incomeSums, sql`, `)}
      from income_items i join hh on hh.county_code = i.county_code and hh.id = i.household_id
      group by i.county_code, i.household_id
    ), ast as (
      select a.county_code, a.household_id,
        coalesce(sum(a.value_fen) filter (where a.kind in ('deposit', 'securities')), 0) as deposits,
        count(*) filter (where a.kind = 'vehicle' and ${countedVehicleSql()}) as vehicles,
        count(*) filter (where a.kind = 'business') as businesses,
        count(*) filter (where a.kind = 'house') as houses
      from assets a join hh on hh.county_code = a.county_code and hh.id = a.household_id
      group by a.county_code, a.household_id
    ), hs as (
      select hh.county_code, hh.id, hh.categories as hcat, p.*, mc.n,
        mc.n_urban * p.urban + (mc.n - mc.n_urban) * p.rural as std_sum,
        floor((2 * greatest(0, ${counted}) + 12 * mc.n)::numeric / (24 * mc.n)) as pci,
        coalesce(ast.deposits, 0) as deposits, coalesce(ast.vehicles, 0) as vehicles,
        coalesce(ast.businesses, 0) as businesses, coalesce(ast.houses, 0) as houses
      from hh
      join mc on mc.county_code = hh.county_code and mc.household_id = hh.id
      join p on p.v = hh.village_code
      left join inc on inc.county_code = hh.county_code and inc.household_id = hh.id
      left join ast on ast.county_code = hh.county_code and ast.household_id = hh.id
    ), e as (
      select hs.* from hs
      where hs.pci < floor((2 * hs.std_sum + hs.n)::numeric / (2 * hs.n))
        and hs.deposits <= hs.deposit_months * hs.std_sum
        and (hs.vehicles = 0 or hs.vehicle_allowed)
        and (hs.businesses = 0 or hs.business_allowed)
        and hs.houses <= hs.max_houses
    ), shares as (
      select e.county_code, e.s, e.id, m.hukou, ${standard} as std, e.pci, e.unit, e.full3, ('three_nos' = any(m.categories)) as three,
        case when m.hukou = 'urban' then ${rateSql('u', date)} else ${rateSql('r', date)} end as rate
      from e join members m on m.county_code = e.county_code and m.household_id = e.id
    )
    select county_code as county, s, count(distinct id) as households, count(*) as persons,
      count(*) filter (where hukou = 'rural') as rural_persons,
      coalesce(sum(floor((2 * (gap + round(std * rate)) + unit)::numeric / (2 * unit)) * unit), 0) as monthly
    from (select shares.*, case when full3 and three then std else greatest(0, std - pci) end as gap from shares) x
    group by county_code, s
    order by county_code, s`;
  const agri = sql<{ county: string; persons: number }>`
    select h.county_code as county, count(*) as persons
    from households h join members m on m.county_code = h.county_code and m.household_id = h.id
    where h.agricultural and ${inScope(scope, 'h.village_code')}
    group by h.county_code`;
  const [rows, agriRows] = await Promise.all([q.execute(db), agri.execute(db)]);
  return {
    figures: rows.rows.map((r) => ({ county: r.county, s: Number(r.s), households: Number(r.households), persons: Number(r.persons), ruralPersons: Number(r.rural_persons), monthly: Number(r.monthly) })),
    agricultural: new Map(agriRows.rows.map((r) => [r.county, Number(r.persons)])),
  };
}

/** The villages that hold households in the scope (the areas whose parameters must be resolved). */
export async function villagesInScope(db: Kysely<DB>, scope: Scope): Promise<string[]> {
  const rows = await db.selectFrom('households').select('village_code').distinct().where(inScope(scope, 'village_code')).orderBy('village_code').execute();
  return rows.map((r) => r.village_code);
}

export async function countyNames(db: Kysely<DB>, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', [...codes]).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
