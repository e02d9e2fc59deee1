// 受灾人员救助 (issue 17): deciding a 冬春 batch of ~400,000 persons (the seed's 39.22万) — for each county of
// a cached registry of N demo households (default 150,000 ≈ 400,000 persons), with every household in the
// 2015-2016 冬春 needs survey (a cached stage), the county's batch is drafted (amounts from the parameters,
// set-based), sampled (30%), its sample confirmed, published, approved and decided (one granted case,
// transition, decision and one-off entitlement per household, in chunks) — against a baseline in the same
// run: the raw INSERT … SELECT of the same decisions, i.e. the same rows of the four tables a decision
// writes (case, transition, decision, entitlement) into those tables, from the same survey with the amounts
// computed inline, rolled back after it is timed. Loading is not timed; recording the checks
// is a clerk's work and is done by one UPDATE, not timed either.
// Options: --households N, --engines postgresql,pglite, --fresh, --prepare-only, --chunk N (default 20000).
import { sql } from 'kysely';
import type { Database } from '../src/db/engine.ts';
import { userScope } from '../src/kernel/scope.ts';
import { syncProgrammes } from '../src/modules/cases/index.ts';
import { decideBatch } from '../src/modules/disaster/index.ts';
import { createBatch } from '../src/modules/disaster/service/batches.ts';
import { approveBatch, drawSample, startNotice } from '../src/modules/disaster/service/batch-steps.ts';
import { cacheArgs, withRegistryDatabase, type Stage } from './lib/cached-registry.ts';
import { benchArg, benchEngines, seconds, timed, type BenchEngine } from './lib/engines.ts';

const SEASON = '2015-2016';
const stage: Stage = {
  key: 'winter-2015',
  async prepare(db) {
    // Every household surveyed: all its members in one class by a hash of its number (1 in 5 first, 2 in 5 second, the rest third).
    await sql`insert into disaster_winter_needs (county_code, season, household_id, area_code, persons_first, persons_second, persons_third, surveyed_on, surveyed_by)
      select h.county_code, ${SEASON}, h.id, h.village_code,
        case when abs(hashtext(h.household_no)) % 5 = 0 then m.n else 0 end,
        case when abs(hashtext(h.household_no)) % 5 in (1, 2) then m.n else 0 end,
        case when abs(hashtext(h.household_no)) % 5 in (3, 4) then m.n else 0 end,
        '2015-10-20', 'bench'
      from households h join (select county_code, household_id, count(*)::int as n from members group by 1, 2) m on m.county_code = h.county_code and m.household_id = h.id`.execute(db.kysely);
    await sql`analyze`.execute(db.kysely);
  },
};

async function counties(db: Database): Promise<string[]> {
  const { rows } = await sql<{ c: string }>`select distinct county_code as c from disaster_winter_needs order by 1`.execute(db.kysely);
  return rows.map((r) => r.c);
}

/**
 * The same decisions written raw: the rows of the four tables a decision writes — into those very tables,
 * with their keys, constraints and triggers — from the survey, amounts inline (600/400/200 yuan), in a
 * transaction rolled back after it is timed (case numbers of year 1999 so they meet no real one).
 */
async function baseline(db: Database): Promise<{ ms: number; value: number }> {
  let out = { ms: 0, value: 0 };
  await db.kysely.transaction().execute(async (tx) => {
    out = await timed(async () => {
      const r = await sql<{ n: string }>`
        with w as materialized (
          select w.county_code, w.household_id, w.area_code, hm.id as member_id, hm.name, hm.id_number, w.persons_first + w.persons_second + w.persons_third as persons,
            60000 * w.persons_first + 40000 * w.persons_second + 20000 * w.persons_third as amount,
            row_number() over (partition by w.county_code order by w.area_code, w.household_id) as rn,
            nextval('case_id_seq') as case_id, nextval('case_id_seq') as transition_id, nextval('case_id_seq') as decision_id
          from disaster_winter_needs w join members hm on hm.county_code = w.county_code and hm.household_id = w.household_id and hm.relation = 'head'
          where w.season = ${SEASON}
        ), c as (
          insert into cases (county_code, id, case_no, programme, rule_set, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number, state, phase, context, applied_on, state_since)
          select county_code, case_id, 'ZH' || county_code || '1999' || lpad(rn::text, 6, '0'), 'disaster', 'cn-2012', household_id, area_code, member_id, name, id_number, 'granted', 'granted', '{}', '2015-11-12', '2015-11-12' from w
        ), t as (
          insert into case_transitions (county_code, id, case_id, seq, action, from_state, to_state, to_phase, on_date, actor_name, actor_role)
          select county_code, transition_id, case_id, 1, 'batch_decide', null, 'granted', 'granted', '2015-11-12', 'bench', 'county_approver' from w
        ), d as (
          insert into case_decisions (county_code, id, case_id, transition_id, kind, decided_on, effective_month, end_month, amount_fen)
          select county_code, decision_id, case_id, transition_id, 'approve', '2015-11-12', '2015-11', '2015-11', amount from w
        ), e as (
          insert into entitlements (county_code, programme, case_id, decision_id, household_id, area_code, recipient_kind, recipient_id, schedule, from_month, to_month,
            amount_fen, persons, summary, payee, method, payee_name, payee_id_number)
          select county_code, 'disaster', case_id, decision_id, household_id, area_code, 'household', household_id, 'one_off', '2015-11', '2015-11', amount, persons, '{}', 'recipient', 'transfer', name, id_number from w
        )
        select coalesce(sum(persons), 0)::text as n from w`.execute(tx);
      return Number(r.rows[0]!.n);
    });
    throw new RolledBack();
  }).catch((e: unknown) => {
    if (!(e instanceof RolledBack)) throw e;
  });
  return out;
}

class RolledBack extends Error {}

interface Result { engine: BenchEngine; seconds: number; baselineSeconds: number; ratio: number; persons: number }

async function run(db: Database, engine: BenchEngine, chunkSize: number): Promise<Result> {
  await syncProgrammes(db);
  const list = await counties(db);
  const b1 = await baseline(db);
  const steps = { draft: 0, sample: 0, notice: 0, approve: 0, decide: 0 };
  const step = async <T>(name: keyof typeof steps, f: () => Promise<T>): Promise<T> => {
    const x = await timed(f);
    steps[name] += x.ms;
    return x.value;
  };
  let persons = 0;
  let untimed = 0;
  const r = await timed(async () => {
    for (const c of list) {
      const scope = userScope({ id: 0, username: 'bench', role: 'county_approver', areaCode: c, department: null });
      const b = await step('draft', () => createBatch(db, scope, { kind: 'winter_spring', season: SEASON, date: '2015-11-01', areas: [] }));
      await step('sample', () => drawSample(db, scope, b.batchNo, { seed: 'bench', date: '2015-11-01' }));
      const checks = await timed(() => sql`update disaster_batch_members m set check_result = 'confirmed', checked_by = 'bench', checked_on = '2015-11-01'
        from disaster_batches b where b.batch_no = ${b.batchNo} and m.county_code = b.county_code and m.batch_id = b.id and m.sampled`.execute(db.kysely));
      untimed += checks.ms;
      await step('notice', () => startNotice(db, scope, b.batchNo, { from: '2015-11-02' }));
      await step('approve', () => approveBatch(db, scope, b.batchNo, { date: '2015-11-10' }));
      const d = await step('decide', () => decideBatch(db, scope, b.batchNo, { date: '2015-11-12' }, { chunkSize }));
      persons += d.persons;
      process.stdout.write(`\r${engine}: 冬春 batches ${list.indexOf(c) + 1}/${list.length}, ${persons} persons`);
    }
  });
  process.stdout.write('\n');
  const b2 = await baseline(db);
  if (b1.value !== persons) throw new Error(`${engine}: batches decided ${persons} persons, raw insert ${b1.value}`);
  const ms = r.ms - untimed;
  const base = Math.min(b1.ms, b2.ms);
  console.log(`${engine}: steps: draft ${seconds(steps.draft)} s, sample ${seconds(steps.sample)} s, notice ${seconds(steps.notice)} s, approve ${seconds(steps.approve)} s, decide ${seconds(steps.decide)} s (checks, not timed: ${seconds(untimed)} s)`);
  console.log(`${engine}: 冬春 batch ${seconds(ms)} s for ${persons} persons in ${list.length} counties; baseline ${seconds(base)} s (runs ${seconds(b1.ms)} / ${seconds(b2.ms)} s); ratio ${(ms / base).toFixed(2)}`);
  return { engine, seconds: ms / 1000, baselineSeconds: base / 1000, ratio: ms / base, persons };
}

export default async function bench(args: string[]): Promise<void> {
  const engines = benchEngines(args);
  const cache = cacheArgs(args);
  const households = Number(benchArg(args, 'households') ?? 150_000);
  const chunkSize = Number(benchArg(args, 'chunk') ?? 20_000);
  const results: Result[] = [];
  for (const engine of engines) {
    const r = await withRegistryDatabase(engine, 'disaster', households, (db) => run(db, engine, chunkSize), { ...cache, stage });
    if (r) results.push(r);
  }
  for (const r of results) console.log(`${r.engine}: ${r.persons} persons: ${r.seconds.toFixed(2)} s, baseline ${r.baselineSeconds.toFixed(2)} s, ratio ${r.ratio.toFixed(2)} (target ≤ 2)`);
  const worst = results.reduce<Result | undefined>((w, r) => (!w || r.ratio > w.ratio ? r : w), undefined);
  if (worst) console.log(`disaster: ${seconds(worst.seconds * 1000)} s, baseline ${seconds(worst.baselineSeconds * 1000)} s, ratio ${worst.ratio.toFixed(2)}`);
}
