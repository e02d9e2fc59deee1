// The matching, set-based: the members of the target cases' households against the latest snapshot of
// every source — by ID number, and by name + birth date for records without one (weaker) — judged
// against the policy limits of the household's county, written as findings under one request per case.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { SOURCE_DEFINITIONS, SOURCES } from '../domain/sources.ts';

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
}

const KINDS = JSON.stringify(SOURCES.flatMap((s) => Object.entries(SOURCE_DEFINITIONS[s].items).map(([item, d]) => ({ source: s, item, kind: d.kind }))));
const KINSHIP = SOURCES.filter((s) => SOURCE_DEFINITIONS[s].kinship);

const yuan = (x: string) => `to_char((${x}) / 100.0, 'FM999999999990.00')`;

/** The latest snapshot of each source (the one matching reads). */
export async function latestSnapshots(db: Kysely<DB>) {
  const { rows } = await sql<{ id: number; source: string; version: number; snapshot_date: string }>`
    select distinct on (source) id, source, version, snapshot_date from verification_snapshots order by source, version desc`.execute(db);
  return rows;
}

export async function runMatch(tx: Kysely<DB>, run: MatchRun): Promise<MatchCounts> {
  const limits = JSON.stringify(run.limits);
  let step = 0;
  const stepped = () => run.onStep?.(++step, MATCH_STEPS);
  await sql`create temp table vf_latest on commit drop as
    select distinct on (source) id, source from verification_snapshots order by source, version desc`.execute(tx);
  const target = await sql`create temp table vf_target on commit drop as
    select c.county_code, c.id as case_id, c.area_code, c.household_id, h.hukou, m.id as member_id, m.id_number, m.name, m.birth_date
    from cases c
    join households h on h.county_code = c.county_code and h.id = c.household_id
    join members m on m.county_code = c.county_code and m.household_id = c.household_id
    where ${run.target}`.execute(tx);
  void target;
  const size = (await sql<{ persons: string; cases: string }>`select count(*) as persons, count(distinct case_id) as cases from vf_target`.execute(tx)).rows[0];
  // Temporary tables have no statistics until analysed; the planner needs them to pick the joins.
  await sql`analyze vf_target`.execute(tx);
  stepped();
  await sql`create temp table vf_hits on commit drop as
    select t.county_code, t.case_id, t.area_code, t.household_id, t.hukou, t.member_id, t.id_number, t.name, s.source, r.snapshot_id, r.row_no, 'id'::text as match,
      r.item, r.amount, r.event_date, r.detail, r.official_name, r.area_code as official_area, r.relation
    from vf_target t join verification_records r on r.id_number = t.id_number join vf_latest s on s.id = r.snapshot_id
    union all
    select t.county_code, t.case_id, t.area_code, t.household_id, t.hukou, t.member_id, t.id_number, t.name, s.source, r.snapshot_id, r.row_no, 'name_birth'::text,
      r.item, r.amount, r.event_date, r.detail, r.official_name, r.area_code, r.relation
    from vf_target t join verification_records r on r.id_number is null and r.name = t.name and r.birth_date = t.birth_date join vf_latest s on s.id = r.snapshot_id`.execute(tx);
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
      size as (select county_code, count(*) as n from vf_target group by county_code)
      select d.county_code, 'HD' || d.county_code || ${year} || lpad(nextval('verification_request_no_seq')::text, 8, '0'), 'rescreen', null, null, d.county_code,
        ${run.asOf}::date, ${run.by}, ${run.rescreenId}, size.n, snaps.ids
      from (select distinct county_code from vf_hits) d join size on size.county_code = d.county_code cross join snaps`.execute(tx);
  }
  stepped();
  const requestOf = run.requestId
    ? sql`select ${run.requestId.county}::text as county_code, ${run.requestId.id}::bigint as id`
    : sql`select county_code, id from verification_requests where rescreen_id = ${run.rescreenId}`;
  const counted = await sql<{ findings: string; cases: string; warnings: string; favouritism: string }>`
    with k as (select * from jsonb_to_recordset(cast(${KINDS} as jsonb)) as x(source text, item text, kind text)),
    lim as (select * from jsonb_to_recordset(cast(${limits} as jsonb)) as x(county text, urban bigint, rural bigint, "depositMonths" numeric, "vehicleAllowed" boolean, "businessAllowed" boolean, "maxHouses" int)),
    size as (select county_code, case_id, count(*) as n from vf_target group by county_code, case_id),
    h as (select vf_hits.*, k.kind from vf_hits join k on k.source = vf_hits.source and k.item = vf_hits.item),
    agg as (
      select county_code, case_id,
        coalesce(sum(amount) filter (where kind = 'financial'), 0) as fin,
        coalesce(sum(case when kind = 'income_month' then amount when kind = 'income_year' then amount / 12 end), 0) as inc,
        count(*) filter (where kind = 'house') as houses
      from h group by county_code, case_id),
    j as (
      select h.*, size.n, agg.fin, agg.inc, agg.houses, lim.*, case when h.hukou = 'urban' then lim.urban else lim.rural end as std
      from h join size using (county_code, case_id) join agg using (county_code, case_id) left join lim on lim.county = h.county_code),
    judged as (
      select j.*,
        case kind
          when 'death' then true
          when 'financial' then fin > "depositMonths" * std * n
          when 'income_month' then inc > std * n
          when 'income_year' then inc > std * n
          when 'vehicle' then not coalesce("vehicleAllowed", false)
          when 'business' then not coalesce("businessAllowed", false)
          when 'house' then houses > "maxHouses"
          else false end as breaks,
        case kind
          when 'death' then '死亡注销' || coalesce('（' || event_date::text || '）', '')
          when 'financial' then format('家庭金融资产合计 %s 元，上限 %s 元（%s 个月低保标准 × %s 人）', ${sql.raw(yuan('fin'))}, ${sql.raw(yuan('"depositMonths" * std * n'))}, "depositMonths", n)
          when 'income_month' then format('家庭月收入（核对所得）%s 元，低保标准合计 %s 元（%s 人）', ${sql.raw(yuan('inc'))}, ${sql.raw(yuan('std * n'))}, n)
          when 'income_year' then format('家庭月收入（核对所得）%s 元，低保标准合计 %s 元（%s 人）', ${sql.raw(yuan('inc'))}, ${sql.raw(yuan('std * n'))}, n)
          when 'vehicle' then case when coalesce("vehicleAllowed", false) then '当地允许拥有机动车' else '拥有机动车辆（不得享受低保）' end
          when 'business' then case when coalesce("businessAllowed", false) then '当地允许有工商登记' else '有工商（市场主体）登记' end
          when 'house' then format('住房 %s 套，上限 %s 套', houses, "maxHouses")
          when 'kin' then case when relation = 'self' then '本人为公职人员或村干部' else '公职人员或村干部的近亲属（关系保排查）' end
          else null end as note
      from j),
    req as (${requestOf}),
    ins as (
      insert into verification_findings (county_code, request_id, case_id, area_code, member_id, id_number, person_name, source, snapshot_id, row_no, match, item, amount, event_date, detail, official_name, relation, breaks_limit, limit_note)
      select judged.county_code, req.id, judged.case_id, judged.area_code, judged.member_id, judged.id_number, judged.name, judged.source, judged.snapshot_id, judged.row_no,
        judged.match, judged.item, judged.amount, judged.event_date, judged.detail, judged.official_name, judged.relation, judged.breaks, judged.note
      from judged join req on req.county_code = judged.county_code
      returning county_code, case_id, breaks_limit, source, relation),
    per_case as (
      select county_code, case_id,
        ${run.kind === 'rescreen' ? sql`bool_or(breaks_limit)` : sql`false`} as warn,
        array_agg(distinct case when source = 'village_cadres' then 'cadre_relative' else 'staff_relative' end) filter (where relation <> 'self') as kin
      from ins group by county_code, case_id),
    -- One update per case: a rescreen's death, disqualifying asset or income is a warning that makes the
    -- review due now; a staff member's or village cadre's relative of the same area (关系保) is flagged for the county visit.
    upd as (
      update cases c set
        flags = array(select distinct x from unnest(c.flags || case when p.warn then array['verification_warning'] else array[]::text[] end || coalesce(p.kin, array[]::text[])) x order by x),
        review_due = case when p.warn and c.phase = 'payable' then least(coalesce(c.review_due, ${run.asOf}::date), ${run.asOf}::date) else c.review_due end,
        version = c.version + 1
      from per_case p
      where c.county_code = p.county_code and c.id = p.case_id and (p.warn or p.kin is not null)
      returning c.county_code, c.id),
    batch as (
      update case_batch_members m set flagged = true,
        sampled = m.sampled or exists (select 1 from case_batches b where b.county_code = m.county_code and b.id = m.batch_id and b.sampled_on is not null)
      from per_case p where p.kin is not null and m.county_code = p.county_code and m.case_id = p.case_id
      returning m.case_id)
    select (select count(*) from ins) as findings, (select count(*) from per_case) as cases, (select count(*) from per_case where warn) as warnings,
      (select count(*) from per_case where kin is not null) as favouritism, (select count(*) from upd) + (select count(*) from batch) * 0 as updated`.execute(tx);
  stepped();
  for (const t of ['vf_hits', 'vf_target', 'vf_latest']) await sql`drop table ${sql.table(t)}`.execute(tx);
  stepped();
  const c = counted.rows[0];
  return {
    cases: Number(size?.cases ?? 0), persons: Number(size?.persons ?? 0), findings: Number(c?.findings ?? 0), warnings: Number(c?.warnings ?? 0),
    favouritism: Number(c?.favouritism ?? 0), casesWithFindings: Number(c?.cases ?? 0),
  };
}
