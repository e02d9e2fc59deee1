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
}

export interface MatchCounts {
  cases: number;
  persons: number;
  findings: number;
  warnings: number;
  favouritism: number;
  requests: number;
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
  await sql`create temp table vf_latest on commit drop as
    select distinct on (source) id, source from verification_snapshots order by source, version desc`.execute(tx);
  const target = await sql`create temp table vf_target on commit drop as
    select c.county_code, c.id as case_id, c.area_code, c.household_id, h.hukou, m.id as member_id, m.id_number, m.name, m.birth_date
    from cases c
    join households h on h.county_code = c.county_code and h.id = c.household_id
    join members m on m.county_code = c.county_code and m.household_id = c.household_id
    where ${run.target}`.execute(tx);
  const persons = Number(target.numAffectedRows ?? 0n);
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
  if (run.rescreenId !== null) {
    await sql`delete from vf_hits h where exists (
      select 1 from verification_findings f where f.county_code = h.county_code and f.case_id = h.case_id and f.source = h.source and f.item = h.item
        and f.id_number = h.id_number and f.amount is not distinct from h.amount and f.event_date is not distinct from h.event_date
        and f.detail is not distinct from h.detail and f.relation is not distinct from h.relation)`.execute(tx);
  }
  if (run.kind === 'rescreen') {
    const year = run.asOf.slice(0, 4);
    await sql`insert into verification_requests (county_code, request_no, kind, case_id, household_id, area_code, requested_on, requested_by, rescreen_id, persons, snapshots)
      select d.county_code, 'HD' || d.county_code || ${year} || lpad(nextval('verification_request_no_seq')::text, 8, '0'), 'rescreen', d.case_id, d.household_id, d.area_code,
        ${run.asOf}::date, ${run.by}, ${run.rescreenId}, (select count(*) from vf_target t where t.county_code = d.county_code and t.case_id = d.case_id),
        (select coalesce(jsonb_agg(id order by id), '[]') from vf_latest)
      from (select distinct county_code, case_id, household_id, area_code from vf_hits) d`.execute(tx);
  }
  const requestOf = run.requestId
    ? sql`select ${run.requestId.county}::text as county_code, ${run.requestId.id}::bigint as id, case_id from (select distinct case_id from vf_hits) x`
    : sql`select county_code, id, case_id from verification_requests where rescreen_id = ${run.rescreenId}`;
  const inserted = await sql<{ findings: string }>`
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
      select judged.county_code, req.id, judged.case_id, judged.area_code, judged.member_id, judged.id_number, judged.name, judged.source, judged.snapshot_id, judged.row_no, judged.match,
        judged.item, judged.amount, judged.event_date, judged.detail, judged.official_name, judged.relation, judged.breaks, judged.note
      from judged join req on req.county_code = judged.county_code and req.case_id = judged.case_id
      returning breaks_limit)
    select count(*) as findings from ins`.execute(tx);
  const mine = run.requestId
    ? sql<SqlBool>`f.county_code = ${run.requestId.county} and f.request_id = ${run.requestId.id}`
    : sql<SqlBool>`(f.county_code, f.request_id) in (select county_code, id from verification_requests where rescreen_id = ${run.rescreenId})`;
  // A rescreen's death, disqualifying asset or income: a warning on the case that makes its review due now.
  const warned = run.kind !== 'rescreen' ? 0 : Number((await sql`
    update cases c set flags = array(select distinct x from unnest(c.flags || array['verification_warning']) x order by x),
      review_due = case when c.state = 'approved' then least(coalesce(c.review_due, ${run.asOf}::date), ${run.asOf}::date) else c.review_due end,
      version = c.version + 1
    where (c.county_code, c.id) in (select f.county_code, f.case_id from verification_findings f where ${mine} and f.breaks_limit)`.execute(tx)).numAffectedRows ?? 0n);
  // Favouritism (关系保): a staff member's or village cadre's close relative of the same area; the county visits 100%.
  const kin = await sql<{ county_code: string; id: number }>`
    update cases c set flags = array(select distinct x from unnest(c.flags || array(
        select case when f.source = 'village_cadres' then 'cadre_relative' else 'staff_relative' end from verification_findings f
        where ${mine} and f.county_code = c.county_code and f.case_id = c.id and f.relation <> 'self')) x order by x)
    where (c.county_code, c.id) in (select f.county_code, f.case_id from verification_findings f where ${mine} and f.relation <> 'self')
    returning c.county_code, c.id`.execute(tx);
  if (kin.rows.length > 0) {
    await sql`update case_batch_members m set flagged = true,
        sampled = m.sampled or exists (select 1 from case_batches b where b.county_code = m.county_code and b.id = m.batch_id and b.sampled_on is not null)
      where (m.county_code, m.case_id) in (select f.county_code, f.case_id from verification_findings f where ${mine} and f.relation <> 'self')`.execute(tx);
  }
  const r = inserted.rows[0];
  const { rows } = await sql<{ n: string; c: string }>`select count(*) as n, (select count(distinct (county_code, case_id)) from vf_target) as c from verification_requests where ${run.rescreenId === null ? sql`false` : sql`rescreen_id = ${run.rescreenId}`}`.execute(tx);
  for (const t of ['vf_hits', 'vf_target', 'vf_latest']) await sql`drop table ${sql.table(t)}`.execute(tx);
  return { cases: Number(rows[0]?.c ?? 0), persons, findings: Number(r?.findings ?? 0), warnings: warned, favouritism: kin.rows.length, requests: Number(rows[0]?.n ?? 0) };
}
