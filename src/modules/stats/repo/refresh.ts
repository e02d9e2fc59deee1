// Incremental refresh: the areas the triggers marked dirty are recomputed, the rest of the roll-up
// is left alone. In chunks of areas, one transaction each: a chunk's marks are taken (deleted) and its
// areas' rows replaced, so a concurrent refresh waits on the marks and then finds nothing left to do, and
// between chunks other work gets the database (PGlite has one session). The state row records the
// progress and, once every chunk is done, the time the refresh started: the figures' "as of".
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DibaoAssessmentParameters } from '../../policy/index.ts';
import { rollupQuery, type AreaFilter } from './compute.ts';
import { rollupWritten } from './rollup-epoch.ts';

export interface RefreshResult {
  /** Areas recomputed; `null` when everything was. */
  areas: readonly string[] | null;
  rows: number;
}

/**
 * Areas per transaction of an incremental refresh (a village's rows are recomputed from its own records):
 * fewer on PGlite, whose one session serves nothing else while a transaction holds it.
 */
export const REFRESH_CHUNK = { postgres: 100, pglite: 10 } as const;

export type RefreshProgress = (done: number, total: number) => void;

/** Whether anything is marked (cheap: the table is empty between changes). */
export async function hasDirty(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`select 1 as one from stats_dirty limit 1`.execute(db);
  return rows.length > 0;
}

export interface RollupState {
  /** Every change committed before this time is in the roll-up. */
  asOf: Date;
  /** A refresh under way: since when, and its chunks done of all. */
  running: { since: Date; done: number; total: number } | null;
}

export async function rollupState(db: Kysely<DB>): Promise<RollupState> {
  const { rows } = await sql<{ as_of: Date; running_since: Date | null; done: number; total: number; now: Date }>`
    select as_of, running_since, done, total, now() as now from stats_rollup_state where id = 1`.execute(db);
  const r = rows[0];
  if (!r) return { asOf: new Date(0), running: null };
  return { asOf: new Date(r.as_of), running: r.running_since ? { since: new Date(r.running_since), done: r.done, total: r.total } : null };
}

/** The roll-up as it stands, in one statement: its version (raised by every refresh that replaced rows), state and the time. */
export interface RollupNow extends RollupState {
  version: number;
  dirty: boolean;
  now: Date;
}

export async function rollupNow(db: Kysely<DB>): Promise<RollupNow> {
  const { rows } = await sql<{ version: number; as_of: Date; running_since: Date | null; done: number; total: number; now: Date; dirty: boolean }>`
    select v.version, s.as_of, s.running_since, s.done, s.total, now() as now, exists (select 1 from stats_dirty) as dirty
      from stats_rollup_version v left join stats_rollup_state s on s.id = 1 where v.id = 1`.execute(db);
  const r = rows[0];
  if (!r) throw new Error('stats_rollup_version has no row (migration 0141)');
  return {
    version: Number(r.version),
    asOf: r.as_of === null ? new Date(0) : new Date(r.as_of),
    running: r.running_since ? { since: new Date(r.running_since), done: r.done, total: r.total } : null,
    dirty: r.dirty,
    now: new Date(r.now),
  };
}

async function setProgress(db: Kysely<DB>, since: Date, done: number, total: number): Promise<void> {
  await sql`update stats_rollup_state set running_since = ${since}, done = ${done}, total = ${total} where id = 1`.execute(db);
  rollupWritten();
}

async function finish(db: Kysely<DB>, started: Date): Promise<void> {
  await sql`update stats_rollup_state set as_of = greatest(as_of, ${started}), running_since = null, done = 0, total = 0 where id = 1`.execute(db);
  rollupWritten();
}

/** Recompute the marked areas; null when nothing was marked. */
export interface RefreshOptions {
  onProgress?: RefreshProgress | undefined;
  /** Awaited before each chunk (long work lets waiting requests in: src/db/yield.ts). */
  between?: (() => Promise<void>) | undefined;
  /** Areas per chunk (default REFRESH_CHUNK.postgres). */
  chunk?: number | undefined;
}

export async function refreshDirty(db: Kysely<DB>, assessment: () => Promise<DibaoAssessmentParameters>, opts: RefreshOptions = {}): Promise<RefreshResult | null> {
  const { onProgress, between } = opts;
  const size = opts.chunk ?? REFRESH_CHUNK.postgres;
  const { rows: now } = await sql<{ t: Date }>`select now() as t`.execute(db);
  const started = new Date(now[0]!.t);
  const { rows: marked } = await sql<{ area_code: string }>`select distinct area_code from stats_dirty order by area_code`.execute(db);
  if (marked.length === 0) {
    await finish(db, started);
    return null;
  }
  const std = await assessment();
  const codes = marked.map((r) => r.area_code);
  // A change of policy values marks everything (''): one recomputation of the whole roll-up.
  const chunks = codes.includes('') ? [null] : Array.from({ length: Math.ceil(codes.length / size) }, (_, i) => codes.slice(i * size, (i + 1) * size));
  const result: RefreshResult = { areas: codes.includes('') ? null : [], rows: 0 };
  await setProgress(db, started, 0, chunks.length);
  onProgress?.(0, chunks.length);
  for (const [i, chunk] of chunks.entries()) {
    await between?.();
    const done = await db.transaction().execute(async (tx) => {
      const taken = chunk === null
        ? (await sql<{ area_code: string }>`with d as (delete from stats_dirty returning area_code) select distinct area_code from d`.execute(tx)).rows
        : (await sql<{ area_code: string }>`with d as (delete from stats_dirty where area_code in (select jsonb_array_elements_text(cast(${JSON.stringify(chunk)} as jsonb))) returning area_code) select distinct area_code from d`.execute(tx)).rows;
      if (taken.length === 0) return null;
      const areas: AreaFilter = chunk === null ? null : taken.map((r) => r.area_code);
      return { areas, rows: await replace(tx, areas, std) };
    });
    rollupWritten();
    if (done) {
      result.rows += done.rows;
      if (result.areas !== null && done.areas !== null) result.areas = [...result.areas, ...done.areas];
    }
    await setProgress(db, started, i + 1, chunks.length);
    onProgress?.(i + 1, chunks.length);
  }
  await finish(db, started);
  return result.areas !== null && result.areas.length === 0 && result.rows === 0 ? null : result;
}

/** Recompute everything (the CLI's `report refresh --full`, tests). */
export async function refreshAll(db: Kysely<DB>, assessment: DibaoAssessmentParameters): Promise<RefreshResult> {
  const { rows: now } = await sql<{ t: Date }>`select now() as t`.execute(db);
  const r = await db.transaction().execute(async (tx) => {
    await sql`delete from stats_dirty`.execute(tx);
    return { areas: null, rows: await replace(tx, null, assessment) };
  });
  rollupWritten();
  await finish(db, new Date(now[0]!.t));
  return r;
}

async function replace(tx: Kysely<DB>, areas: AreaFilter, assessment: DibaoAssessmentParameters): Promise<number> {
  if (areas === null) await sql`delete from stats_rollup`.execute(tx);
  else await sql`delete from stats_rollup where area_code in (select code from jsonb_array_elements_text(cast(${JSON.stringify(areas)} as jsonb)) as d (code))`.execute(tx);
  const insert = sql`insert into stats_rollup (area_code, county_code, metric, period, value) ${rollupQuery(areas, assessment)}`;
  const res = areas === null ? await wholeTablePlan(tx, () => insert.execute(tx)) : await insert.execute(tx);
  // Last, so that the row is locked only until the commit: figures kept for the old version are read again.
  await sql`update stats_rollup_version set version = version + 1 where id = 1`.execute(tx);
  return Number(res.numAffectedRows ?? 0);
}

/**
 * The full recomputation planned as what it is, whole-table aggregation: hash joins, no nested loops, no JIT,
 * for the one statement. Its per-household sets join on (county_code, id), and PostgreSQL multiplies the two
 * columns' selectivities as if independent (the county is implied by the id): at 2,800 counties the
 * assessment's households are estimated at a few rows where there is one per household, and the roll-up's
 * join of the households to them became a nested loop (households × households: over five minutes at 50,000
 * households). No statistics correct a join estimate (extended statistics are not used for joins), so the
 * plan is fixed instead. JIT goes with it: the disabled nested loops' cost penalty puts every estimate over the
 * JIT thresholds, and compiling the statement's 368 functions took four fifths of its time at 20,000 households.
 */
async function wholeTablePlan<T>(tx: Kysely<DB>, fn: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ nestloop: string; jit: string }>`
    select current_setting('enable_nestloop') as nestloop, current_setting('jit') as jit,
      set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true)`.execute(tx);
  const before = rows[0]!;
  const result = await fn();
  await sql`select set_config('enable_nestloop', ${before.nestloop}, true), set_config('jit', ${before.jit}, true)`.execute(tx);
  return result;
}

export type RollupRow = { area_code: string; county_code: string; metric: string; period: string; value: number };

/** The roll-up as stored, in a stable order (tests compare it with a recomputation). */
export async function storedRollup(db: Kysely<DB>): Promise<RollupRow[]> {
  const { rows } = await sql<RollupRow>`select area_code, county_code, metric, period, value from stats_rollup order by area_code, metric, period`.execute(db);
  return rows;
}

/** The roll-up recomputed from the source tables without storing it (tests, the benchmark's baseline). */
export async function computedRollup(db: Kysely<DB>, assessment: DibaoAssessmentParameters): Promise<RollupRow[]> {
  const { rows } = await sql<RollupRow>`select * from (${rollupQuery(null, assessment)}) r order by area_code, metric, period`.execute(db);
  return rows;
}
