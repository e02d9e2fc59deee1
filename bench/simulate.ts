// `npm run bench -- simulate [--households N] [--engines postgres,pglite]`: the dibao standards
// simulator over a 300,000-household demo registry (generateDemoHouseholds, COPY), on PostgreSQL
// (a fresh database of its own on BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
// and on PGlite (an on-disk temporary folder). Baseline in the same run: one plain INSERT … SELECT
// computing the same per-household benefits (current 2015 values written into the SQL) into a table.
// Both are timed as the best of three; the simulator computes current AND draft values in its pass.
import { sql } from 'kysely';
import type { Database } from '../src/db/engine.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemScope } from '../src/kernel/scope.ts';
import { loadPrefecture } from '../src/modules/areas/service.ts';
import { parameterRows, syncParameterFiles } from '../src/modules/policy/service/parameters.ts';
import { simulateWithRows, type SimulationResult } from '../src/modules/policy/service/simulate.ts';
import { loadRegistry } from './lib/registry.ts';
import { benchArg, benchEngines, seconds, timed, withBenchDatabase } from './lib/engines.ts';

const MONTH = '2015-10';
const TIER_1 = "('522701', '522702', '522790')";

/** The plainest SQL computing the same per-household benefits (黔南州 2015 values, cn-2012) into a table. */
export const BASELINE = `
insert into bench_baseline (county_code, household_id, benefit)
with mc as (
  select county_code, household_id, count(*) as n, count(*) filter (where hukou = 'urban') as nu from members group by 1, 2
), inc as (
  select county_code, household_id, sum(case when period = 'month' then amount_fen * 12 else amount_fen end) filter (where kind <> 'assistance') as income
  from income_items group by 1, 2
), ast as (
  select county_code, household_id,
    coalesce(sum(value_fen) filter (where kind in ('deposit', 'securities')), 0) as deposits,
    count(*) filter (where kind = 'vehicle' and position('残疾' in note) = 0 and position('农用' in note) = 0 and position('农机' in note) = 0) as vehicles,
    count(*) filter (where kind = 'business') as businesses,
    count(*) filter (where kind = 'house') as houses
  from assets group by 1, 2
), h as (
  select h.county_code, h.id, h.categories, mc.n,
    case when h.county_code in ${TIER_1} then 49500 else 44000 end as us,
    case when h.county_code in ${TIER_1} then 22000 else 21500 end as rs,
    floor((2 * coalesce(inc.income, 0) + 12 * mc.n)::numeric / (24 * mc.n)) as pci,
    mc.nu, coalesce(ast.deposits, 0) as deposits, coalesce(ast.vehicles, 0) as vehicles, coalesce(ast.businesses, 0) as businesses, coalesce(ast.houses, 0) as houses
  from households h
  join mc on mc.county_code = h.county_code and mc.household_id = h.id
  left join inc on inc.county_code = h.county_code and inc.household_id = h.id
  left join ast on ast.county_code = h.county_code and ast.household_id = h.id
), e as (
  select h.*, h.nu * h.us + (h.n - h.nu) * h.rs as std_sum from h
  where h.pci < floor((2 * (h.nu * h.us + (h.n - h.nu) * h.rs) + h.n)::numeric / (2 * h.n))
    and h.deposits <= 12 * (h.nu * h.us + (h.n - h.nu) * h.rs) and h.vehicles = 0 and h.businesses = 0 and h.houses <= 1
), s as (
  select e.county_code, e.id, case when m.hukou = 'urban' then e.us else e.rs end as std, e.pci, m.categories, e.categories as hcat, m.hukou,
    m.birth_date <= date '1955-10-01' as elderly, (m.serious_illness or m.disability_grade <= 2) as sid, m.student
  from e join members m on m.county_code = e.county_code and m.household_id = e.id
)
select county_code, id, sum(floor((2 * (gap + round(std * rate)) + 100)::numeric / 200) * 100)
from (
  select s.*, case when 'three_nos' = any(categories) then std else greatest(0, std - pci) end as gap,
    case when hukou = 'rural' then
      case when 'three_nos' = any(categories) or 'elderly' = any(categories) or elderly or 'serious_illness_disability' = any(categories) or sid
        or 'student' = any(categories) or student or 'family_planning' = any(hcat) or 'single_parent' = any(hcat) then 0.2 else 0 end
    else greatest(
      case when 'three_nos' = any(categories) then 0.3 else 0 end,
      case when 'elderly' = any(categories) or elderly or 'serious_illness_disability' = any(categories) or sid then 0.2 else 0 end,
      case when 'student' = any(categories) or student or 'family_planning' = any(hcat) or 'single_parent' = any(hcat) then 0.1 else 0 end)
    end as rate
  from s
) x
group by county_code, id`;

async function run(db: Database, engine: string, households: number): Promise<{ simulate: number; baseline: number }> {
  const t0 = performance.now();
  await migrate(db);
  await loadPrefecture(db, systemScope('bench'), '522700');
  await syncParameterFiles(db);
  const { members } = await loadRegistry(db, households);
  console.log(`${engine}: loaded ${households} households, ${members} members in ${seconds(performance.now() - t0)} s`);
  await sql`create table bench_baseline (county_code text, household_id bigint, benefit bigint)`.execute(db.kysely);
  const rows = await parameterRows(db);
  const input = { month: MONTH, draft: [{ name: 'dibao.standard.urban', area: '522701', value: 520 }, { name: 'dibao.standard.rural', area: '522722', value: 2800 }] };
  let simulate = Infinity;
  let baseline = Infinity;
  let result: SimulationResult | undefined;
  for (let i = 0; i < 3; i++) {
    await sql`truncate bench_baseline`.execute(db.kysely);
    baseline = Math.min(baseline, (await timed(() => sql.raw(BASELINE).execute(db.kysely))).ms);
    const s = await timed(() => simulateWithRows(db, systemScope('bench'), input, rows));
    simulate = Math.min(simulate, s.ms);
    result = s.value;
  }
  const { rows: check } = await sql<{ households: number; monthly: number }>`select count(*) as households, coalesce(sum(benefit), 0) as monthly from bench_baseline`.execute(db.kysely);
  const current = result?.total.current;
  const agree = Number(check[0]?.households) === current?.households && Number(check[0]?.monthly) === current?.monthly;
  console.log(`${engine}: current ${current?.households} households, ${current?.persons} persons, ${((current?.monthly ?? 0) / 100).toFixed(0)} yuan/month; draft ${result?.total.draft.households} households, ${((result?.total.draft.monthly ?? 0) / 100).toFixed(0)} yuan/month; baseline agrees: ${agree ? 'yes' : `NO (${check[0]?.households} households, ${check[0]?.monthly} fen)`}`);
  console.log(`${engine}: simulate ${seconds(simulate)} s (current + draft, ${result?.counties.length} counties), baseline ${seconds(baseline)} s, ratio ${(simulate / baseline).toFixed(2)}`);
  if (!agree) throw new Error(`${engine}: simulator and baseline disagree`);
  return { simulate, baseline };
}

export default async function bench(args: string[]): Promise<void> {
  const households = Number(benchArg(args, 'households') ?? 300_000);
  let last: { simulate: number; baseline: number } | undefined;
  for (const engine of benchEngines(args)) last = await withBenchDatabase(engine, 'simulate', (db) => run(db, engine, households));
  if (last) console.log(`simulate: ${seconds(last.simulate)} s, baseline ${seconds(last.baseline)} s, ratio ${(last.simulate / last.baseline).toFixed(2)}`);
}
