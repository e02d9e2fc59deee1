// What a rescreen must match, from what the last rescreen of each county consumed (migration 0142): a
// case whose fingerprint changed since (or that is newly granted, or whose county was never rescreened)
// against every latest snapshot; every other case only against the latest snapshots its county has not
// consumed. Everything else was matched before with the same data, and its hits are findings already.
// Works on the temporary tables of the match (vf_latest, vf_target); every rescreen covers whole counties.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { BULK_WORK_MEM, withWorkMem } from '../../../db/work-mem.ts';

/** What the join must cover: cases matched against every snapshot, snapshots matched for the others. */
export interface RescreenIncrement {
  /** Cases matched against every latest snapshot (changed, newly granted, or never rescreened). */
  freshCases: number;
  /** Latest snapshots some unchanged case's county has not matched against yet. */
  newSnapshots: number;
  /** All target cases. */
  cases: number;
  /** Their members. */
  persons: number;
  /** Cases the counties' saved state holds (a case no longer granted is dropped from it). */
  saved: number;
}

/** The saved fingerprints, a row per case. */
const SAVED = sql`(select k.county_code, u.case_id, u.fingerprint from verification_rescreen_counties k
  cross join lateral unnest(k.case_ids, k.fingerprints) as u(case_id, fingerprint))`;

export async function planIncrement(tx: Kysely<DB>, counties: readonly string[]): Promise<RescreenIncrement> {
  // The fingerprint of a case: what decides its hits (its village for the kinship filter, every member's
  // ID number, name and birth date), order-free over the members.
  await withWorkMem(tx, BULK_WORK_MEM, () => sql`create temp table vf_cases on commit drop as
    select county_code, case_id, bit_xor(hashtextextended(concat_ws('|', area_code, member_id, id_number, name, birth_date), 0)) as fingerprint, count(*) as persons
    from vf_target group by county_code, case_id`.execute(tx));
  await sql`analyze vf_cases`.execute(tx);
  await sql`create temp table vf_fresh on commit drop as
    select v.county_code, v.case_id from vf_cases v
    left join ${SAVED} s on s.county_code = v.county_code and s.case_id = v.case_id
    where s.fingerprint is distinct from v.fingerprint`.execute(tx);
  await sql`create temp table vf_new on commit drop as
    select l.id, l.source from vf_latest l
    where exists (select 1 from verification_rescreen_counties k where k.county_code in (select distinct county_code from vf_cases) and not (l.id = any(k.snapshots)))`.execute(tx);
  const { rows } = await sql<{ fresh: string; snaps: string; cases: string; persons: string | null; saved: string | null }>`
    select (select count(*) from vf_fresh) as fresh, (select count(*) from vf_new) as snaps, count(*) as cases, sum(persons) as persons,
      (select sum(cardinality(case_ids)) from verification_rescreen_counties where county_code = any(cast(${[...counties]} as text[]))) as saved
    from vf_cases`.execute(tx);
  const r = rows[0];
  return { freshCases: Number(r?.fresh ?? 0), newSnapshots: Number(r?.snaps ?? 0), cases: Number(r?.cases ?? 0), persons: Number(r?.persons ?? 0), saved: Number(r?.saved ?? 0) };
}

/** Which target rows a join covers: `t` (vf_target) restricted to fresh cases. */
export const freshOnly = (plan: RescreenIncrement) => plan.freshCases === plan.cases
  ? sql`true`
  : sql`exists (select 1 from vf_fresh f where f.county_code = t.county_code and f.case_id = t.case_id)`;

/** Unchanged cases and only the snapshots their county has not consumed (`s` is vf_new). */
export const unchangedNewOnly = sql`not exists (select 1 from vf_fresh f where f.county_code = t.county_code and f.case_id = t.case_id)
  and exists (select 1 from verification_rescreen_counties k where k.county_code = t.county_code and not (s.id = any(k.snapshots)))`;

/** After the run: every target case of the counties has consumed the latest snapshots with its current fingerprint. */
export async function saveIncrement(tx: Kysely<DB>, rescreenId: number, counties: readonly string[], plan: RescreenIncrement): Promise<void> {
  if (counties.length === 0) return;
  const latest = sql`(select coalesce(array_agg(id order by id), '{}') from vf_latest)`;
  if (plan.freshCases === 0 && plan.saved === plan.cases) {
    // Every case matched its saved fingerprint and none was dropped: the fingerprints stand.
    await sql`update verification_rescreen_counties set rescreen_id = ${rescreenId}, snapshots = ${latest} where county_code = any(cast(${[...counties]} as text[]))`.execute(tx);
    return;
  }
  // A case no longer granted is left out: granted again, it is matched against everything.
  await sql`insert into verification_rescreen_counties (county_code, rescreen_id, snapshots, case_ids, fingerprints)
    select code, ${rescreenId}, ${latest}, coalesce(v.case_ids, '{}'), coalesce(v.fingerprints, '{}')
    from unnest(cast(${[...counties]} as text[])) code
    left join (select county_code, array_agg(case_id order by case_id) as case_ids, array_agg(fingerprint order by case_id) as fingerprints from vf_cases group by county_code) v
      on v.county_code = code
    on conflict (county_code) do update set rescreen_id = excluded.rescreen_id, snapshots = excluded.snapshots, case_ids = excluded.case_ids, fingerprints = excluded.fingerprints`.execute(tx);
}
