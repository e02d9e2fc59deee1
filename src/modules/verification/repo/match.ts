// The matching, set-based: the members of the target cases' households against the latest snapshot of
// every source — by ID number, and by name + birth date for records without one (weaker) — judged
// against the policy limits of the household's county, written as findings under one request per case.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { SOURCE_DEFINITIONS, SOURCES } from '../domain/sources.ts';
import { writeFindings } from './findings-write.ts';
import { freshOnly, planIncrement, saveIncrement, unchangedNewOnly, type RescreenIncrement } from './rescreen-state.ts';

/** Limits of one county on the date of the match (monthly standards in fen). */
export interface CountyLimits {
  county: string;
  urban: number;
  rural: number;
  depositMonths: number;
  vehicleAllowed: boolean;
  businessAllowed: boolean;
  maxHouses: number;
}

export interface MatchRun {
  /** Which cases: a condition on `c` (the cases table). */
  target: RawBuilder<SqlBool>;
  kind: 'application' | 'rescreen';
  asOf: string;
  by: string;
  limits: readonly CountyLimits[];
  /** Rescreen: the run, and only hits not already found on the case are new findings. */
  rescreenId: number | null;
  /** Application: the request already created (one case). */
  requestId?: { county: string; id: number };
  /** Rescreen: the counties it covers, whole; only what changed since their last rescreen is matched (rescreen-state.ts). */
  rescreen?: { id: number; counties: readonly string[] };
  /** Called after each set-based step (of MATCH_STEPS). */
  onStep?: (done: number, total: number) => void;
}

export const MATCH_STEPS = 6;

export interface MatchCounts {
  cases: number;
  persons: number;
  findings: number;
  warnings: number;
  favouritism: number;
  casesWithFindings: number;
  /** Rescreen: what the join covered. */
  increment?: RescreenIncrement;
}

const KINSHIP = SOURCES.filter((s) => SOURCE_DEFINITIONS[s].kinship);

const TEMP_TABLES = ['vf_hits', 'vf_fresh', 'vf_new', 'vf_cases', 'vf_target', 'vf_latest'];

/** A hit of a target member `t` on a record `r` of snapshot `s`, matched by ID number or by name + birth date. */
const hitsOf = (snapshots: RawBuilder<unknown>, where: RawBuilder<unknown>) => [
  sql`select t.county_code, t.case_id, t.area_code, t.household_id, t.hukou, t.member_id, t.id_number, t.name, s.source, r.snapshot_id, r.row_no, 'id'::text as match,
      r.item, r.amount, r.event_date, r.detail, r.official_name, r.area_code as official_area, r.relation
    from vf_target t join verification_records r on r.id_number = t.id_number join ${snapshots} s on s.id = r.snapshot_id where ${where}`,
  sql`select t.county_code, t.case_id, t.area_code, t.household_id, t.hukou, t.member_id, t.id_number, t.name, s.source, r.snapshot_id, r.row_no, 'name_birth'::text,
      r.item, r.amount, r.event_date, r.detail, r.official_name, r.area_code, r.relation
    from vf_target t join verification_records r on r.id_number is null and r.name = t.name and r.birth_date = t.birth_date join ${snapshots} s on s.id = r.snapshot_id where ${where}`,
];

/** The joins to run: every target member against the latest snapshots, or (a rescreen) only what is new. */
function joinParts(plan: RescreenIncrement | null) {
  if (!plan) return hitsOf(sql`vf_latest`, sql`true`);
  return [
    ...(plan.freshCases > 0 ? hitsOf(sql`vf_latest`, freshOnly(plan)) : []),
    ...(plan.newSnapshots > 0 && plan.freshCases < plan.cases ? hitsOf(sql`vf_new`, unchangedNewOnly) : []),
  ];
}

/** The latest snapshot of each source (the one matching reads). */
export async function latestSnapshots(db: Kysely<DB>) {
  const { rows } = await sql<{ id: number; source: string; version: number; snapshot_date: string }>`
    select distinct on (source) id, source, version, snapshot_date from verification_snapshots order by source, version desc`.execute(db);
  return rows;
}

export async function runMatch(tx: Kysely<DB>, run: MatchRun): Promise<MatchCounts> {
  let step = 0;
  const stepped = () => run.onStep?.(++step, MATCH_STEPS);
  await sql`create temp table vf_latest on commit drop as
    select distinct on (source) id, source from verification_snapshots order by source, version desc`.execute(tx);
  await sql`create temp table vf_target on commit drop as
    select c.county_code, c.id as case_id, c.area_code, c.household_id, h.hukou, m.id as member_id, m.id_number, m.name, m.birth_date
    from cases c
    join households h on h.county_code = c.county_code and h.id = c.household_id
    join members m on m.county_code = c.county_code and m.household_id = c.household_id
    where ${run.target}`.execute(tx);
  const plan = run.rescreen ? await planIncrement(tx, run.rescreen.counties) : null;
  const size = plan ?? (await sql<{ persons: string; cases: string }>`select count(*) as persons, count(distinct case_id) as cases from vf_target`.execute(tx)).rows[0];
  const parts = joinParts(plan);
  // Members per case (a rescreen counted them with the fingerprints).
  const perCase = plan ? sql`select county_code, case_id, persons as n from vf_cases` : sql`select county_code, case_id, count(*) as n from vf_target group by county_code, case_id`;
  if (run.rescreen && plan && parts.length === 0) {
    // Nothing new since the last rescreen of these counties: no join, nothing to write.
    await saveIncrement(tx, run.rescreen.id, run.rescreen.counties, plan);
    for (const t of TEMP_TABLES) await sql`drop table if exists ${sql.table(t)}`.execute(tx);
    for (let i = step; i < MATCH_STEPS; i++) stepped();
    return { cases: Number(size?.cases ?? 0), persons: Number(size?.persons ?? 0), findings: 0, warnings: 0, favouritism: 0, casesWithFindings: 0, increment: plan };
  }
  // Temporary tables have no statistics until analysed; the planner needs them to pick the joins.
  await sql`analyze vf_target`.execute(tx);
  stepped();
  await sql`create temp table vf_hits on commit drop as ${sql.join(parts, sql` union all `)}`.execute(tx);
  // A relative of an official matters only where the official serves over the case's area.
  await sql`delete from vf_hits where source in (${sql.join(KINSHIP)}) and relation <> 'self'
    and not (area_code >= official_area and area_code < official_area || 'a')`.execute(tx);
  await sql`analyze vf_hits`.execute(tx);
  stepped();
  if (run.rescreenId !== null) {
    await sql`delete from vf_hits h where exists (
      select 1 from verification_findings f where f.county_code = h.county_code and f.case_id = h.case_id and f.source = h.source and f.item = h.item
        and f.id_number = h.id_number and f.amount is not distinct from h.amount and f.event_date is not distinct from h.event_date
        and f.detail is not distinct from h.detail and f.relation is not distinct from h.relation)`.execute(tx);
  }
  stepped();
  if (run.kind === 'rescreen') {
    const year = run.asOf.slice(0, 4);
    await sql`insert into verification_requests (county_code, request_no, kind, case_id, household_id, area_code, requested_on, requested_by, rescreen_id, persons, snapshots)
      with snaps as (select coalesce(jsonb_agg(id order by id), '[]') as ids from vf_latest),
      size as (select county_code, sum(n) as n from (${perCase}) x group by county_code)
      select d.county_code, 'HD' || d.county_code || ${year} || lpad(nextval('verification_request_no_seq')::text, 8, '0'), 'rescreen', null, null, d.county_code,
        ${run.asOf}::date, ${run.by}, ${run.rescreenId}, size.n, snaps.ids
      from (select distinct county_code from vf_hits) d join size on size.county_code = d.county_code cross join snaps`.execute(tx);
  }
  stepped();
  const requestOf = run.requestId
    ? sql`select ${run.requestId.county}::text as county_code, ${run.requestId.id}::bigint as id`
    : sql`select county_code, id from verification_requests where rescreen_id = ${run.rescreenId}`;
  const counted = await writeFindings(tx, { kind: run.kind, asOf: run.asOf, limits: run.limits, requestOf, perCase });
  stepped();
  if (run.rescreen && plan) await saveIncrement(tx, run.rescreen.id, run.rescreen.counties, plan);
  for (const t of TEMP_TABLES) await sql`drop table if exists ${sql.table(t)}`.execute(tx);
  stepped();
  return { cases: Number(size?.cases ?? 0), persons: Number(size?.persons ?? 0), ...counted, ...(plan ? { increment: plan } : {}) };
}
