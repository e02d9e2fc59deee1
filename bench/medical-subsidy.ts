// The premium-subsidy part of `bench/medical.ts` (资助参保): for each engine, on a cached registry of N
// demo households with every household a 低保 recipient and 特困 persons (a cached stage of
// loadDemoRecipients, decided 2015-11-30, so paid from 2015-12), times generating the list of every
// county for 2016 (as of 2015-12-31: one INSERT … SELECT per county), reviewing, approving and exporting
// its insurer file (CSV, or .xlsx with --format xlsx) — against a baseline in the same run: the raw INSERT … SELECT of the same rows
// (the same recipients query, the same columns) into a scratch table with the entries' keys. Loading is not timed.
import { sql } from 'kysely';
import type { Database } from '../src/db/engine.ts';
import { systemScope } from '../src/kernel/scope.ts';
import { loadDemoRecipients } from '../src/modules/cases/index.ts';
import { generateSubsidyList, insurerFile, moveSubsidyList } from '../src/modules/medical/index.ts';
import { recipientsQuery } from '../src/modules/medical/repo/groups.ts';
import { withRegistryDatabase, type CacheOptions, type Stage } from './lib/cached-registry.ts';
import { seconds, timed, type BenchEngine } from './lib/engines.ts';

export interface SubsidyBenchOptions {
  engines: readonly BenchEngine[];
  /** Demo households of the cached registry (about 2.7 members each, all recipients); default 110,000 ≈ 300,000 persons. */
  households?: number;
  /** The insurer file's format (default csv; xlsx measured on request: the xlsx writer alone costs several times the baseline). */
  format?: 'csv' | 'xlsx';
  cache?: Omit<CacheOptions, 'stage'>;
}

export interface SubsidyBenchResult { engine: BenchEngine; seconds: number; baselineSeconds: number; ratio: number; persons: number }

const YEAR = 2016;
const AS_OF = '2015-12-31';

const stage: Stage = {
  key: 'subsidy-2015-11',
  async prepare(db) {
    await loadDemoRecipients(db, systemScope('bench'), { dibaoPerMille: 1000, hardship: true, seed: 'bench-subsidy', decidedOn: '2015-11-30' });
    await sql`analyze`.execute(db.kysely);
  },
};

async function counties(db: Database): Promise<string[]> {
  const { rows } = await sql<{ c: string }>`select distinct county_code as c from entitlement_segments order by 1`.execute(db.kysely);
  return rows.map((r) => r.c);
}

/** The raw INSERT … SELECT of the same rows into a scratch table shaped like the entries, every county. */
async function baseline(db: Database, list: readonly string[]): Promise<number> {
  await sql`drop table if exists bench_subsidy_rows`.execute(db.kysely);
  // With the entries' own keys, checks and defaults (as the payroll benchmark's baseline has the lines').
  await sql`create table bench_subsidy_rows (like medical_subsidy_entries including all)`.execute(db.kysely);
  let n = 0;
  for (const c of list) {
    const r = await sql`insert into bench_subsidy_rows (county_code, list_id, area_code, household_id, member_id, name, id_number, "group", basis_case_no, contribution_fen, subsidy_fen)
      select r.county_code, 0, r.area_code, r.household_id, r.member_id, r.name, r.id_number, r."group", r.case_no, 15000, 6000
      from (${recipientsQuery(c, AS_OF.slice(0, 7))}) r`.execute(db.kysely);
    n += Number(r.numAffectedRows ?? 0);
  }
  return n;
}

async function run(db: Database, engine: BenchEngine, format: 'csv' | 'xlsx'): Promise<SubsidyBenchResult> {
  const scope = systemScope('bench');
  const list = await counties(db);
  const b1 = await timed(() => baseline(db, list));
  let persons = 0;
  let exported = 0;
  const steps = { generate: 0, review: 0, approve: 0, export: 0 };
  const step = async <T>(name: keyof typeof steps, f: () => Promise<T>): Promise<T> => {
    const x = await timed(f);
    steps[name] += x.ms;
    return x.value;
  };
  const r = await timed(async () => {
    for (const c of list) {
      const g = await step('generate', () => generateSubsidyList(db, scope, { countyCode: c, year: YEAR, asOf: AS_OF }));
      persons += g.persons;
      await step('review', () => moveSubsidyList(db, scope, g.listNo, 'review'));
      await step('approve', () => moveSubsidyList(db, scope, g.listNo, 'approve'));
      exported += (await step('export', () => insurerFile(db, scope, g.listNo, format))).persons;
      process.stdout.write(`\r${engine}: subsidy lists ${list.indexOf(c) + 1}/${list.length}, ${persons} persons`);
    }
  });
  process.stdout.write('\n');
  const b2 = await timed(() => baseline(db, list));
  await sql`drop table bench_subsidy_rows`.execute(db.kysely);
  if (b1.value !== persons || exported !== persons) throw new Error(`${engine}: list ${persons} persons, exported ${exported}, raw insert ${b1.value} rows`);
  const base = Math.min(b1.ms, b2.ms);
  console.log(`${engine}: steps: generate ${seconds(steps.generate)} s, review ${seconds(steps.review)} s, approve ${seconds(steps.approve)} s, export ${seconds(steps.export)} s`);
  console.log(`${engine}: subsidy generate+review+approve+export (${format}) ${seconds(r.ms)} s for ${persons} persons in ${list.length} counties; baseline ${seconds(base)} s (runs ${seconds(b1.ms)} / ${seconds(b2.ms)} s); ratio ${(r.ms / base).toFixed(2)}`);
  return { engine, seconds: r.ms / 1000, baselineSeconds: base / 1000, ratio: r.ms / base, persons };
}

export async function benchSubsidy(opts: SubsidyBenchOptions): Promise<SubsidyBenchResult[]> {
  const out: SubsidyBenchResult[] = [];
  for (const engine of opts.engines) {
    const r = await withRegistryDatabase(engine, 'subsidy', opts.households ?? 110_000, (db) => run(db, engine, opts.format ?? 'csv'), { ...opts.cache, stage });
    if (r) out.push(r);
  }
  return out;
}
