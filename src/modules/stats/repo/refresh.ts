// Incremental refresh: the areas the triggers marked dirty are recomputed, the rest of the roll-up
// is left alone. One transaction: the dirty marks are taken (deleted) and the areas' rows replaced,
// so a concurrent refresh waits on the marks and then finds nothing left to do.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DibaoAssessmentParameters } from '../../policy/index.ts';
import { rollupQuery, type AreaFilter } from './compute.ts';

export interface RefreshResult {
  /** Areas recomputed; `null` when everything was. */
  areas: readonly string[] | null;
  rows: number;
}

/** Whether anything is marked (cheap: the table is empty between changes). */
export async function hasDirty(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`select 1 as one from stats_dirty limit 1`.execute(db);
  return rows.length > 0;
}

export async function refreshDirty(db: Kysely<DB>, assessment: () => Promise<DibaoAssessmentParameters>): Promise<RefreshResult | null> {
  if (!(await hasDirty(db))) return null;
  const std = await assessment();
  return db.transaction().execute(async (tx) => {
    const { rows: taken } = await sql<{ area_code: string }>`with d as (delete from stats_dirty returning area_code) select distinct area_code from d`.execute(tx);
    if (taken.length === 0) return null;
    const codes = taken.map((r) => r.area_code);
    const areas: AreaFilter = codes.includes('') ? null : codes;
    return { areas, rows: await replace(tx, areas, std) };
  });
}

/** Recompute everything (the CLI's `report refresh --full`, tests). */
export async function refreshAll(db: Kysely<DB>, assessment: DibaoAssessmentParameters): Promise<RefreshResult> {
  return db.transaction().execute(async (tx) => {
    await sql`delete from stats_dirty`.execute(tx);
    return { areas: null, rows: await replace(tx, null, assessment) };
  });
}

async function replace(tx: Kysely<DB>, areas: AreaFilter, assessment: DibaoAssessmentParameters): Promise<number> {
  if (areas === null) await sql`delete from stats_rollup`.execute(tx);
  else await sql`delete from stats_rollup where area_code in (select code from jsonb_array_elements_text(cast(${JSON.stringify(areas)} as jsonb)) as d (code))`.execute(tx);
  const res = await sql`insert into stats_rollup (area_code, county_code, metric, period, value) ${rollupQuery(areas, assessment)}`.execute(tx);
  return Number(res.numAffectedRows ?? 0);
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
