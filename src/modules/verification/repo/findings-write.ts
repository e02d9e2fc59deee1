// The last step of the matching: the new hits (vf_hits) judged against the limits of their county, written
// as findings under their request, and the cases flagged. Set-based, a statement each: the judged hits into a
// temporary table, the findings inserted from it, the flags per case computed from it (not re-read from the
// findings) and applied to the cases and their batch rows. Every temporary table the planner joins has
// statistics (a misjudged row count here turned hash joins into nested loops over the hits).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { BULK_WORK_MEM, withWorkMem } from '../../../db/work-mem.ts';
import { SOURCE_DEFINITIONS, SOURCES } from '../domain/sources.ts';
import type { CountyLimits, MatchCounts } from './match.ts';

export interface FindingsWrite {
  kind: 'application' | 'rescreen';
  asOf: string;
  limits: readonly CountyLimits[];
  /** The request of each county: (county_code, id). */
  requestOf: RawBuilder<unknown>;
  /** Members per case: (county_code, case_id, n). */
  perCase: RawBuilder<unknown>;
}

/** The kind of each source's item, as an expression on `source` and `item` (a join with a list would hide the row count). */
const KIND = sql.raw(`case source || '/' || item ${SOURCES.flatMap((s) => Object.entries(SOURCE_DEFINITIONS[s].items).map(([item, d]) => `when '${s}/${item}' then '${d.kind}'`)).join(' ')} end`);

const yuan = (x: string) => `to_char((${x}) / 100.0, 'FM999999999990.00')`;

/** The judged hits written as findings, and the flags of their cases; with the memory to hash them (db/work-mem.ts). */
export const writeFindings = (tx: Kysely<DB>, w: FindingsWrite) => withWorkMem(tx, BULK_WORK_MEM, () => judgeAndWrite(tx, w));

async function judgeAndWrite(tx: Kysely<DB>, w: FindingsWrite): Promise<Omit<MatchCounts, 'cases' | 'persons' | 'increment'>> {
  // The limits as an indexed table: inline, the planner (its estimate of the joined hits collapsed to a row)
  // read the JSON of every county again for each hit — 5 s of a national rescreen's 9 at 2,800 counties.
  await sql`create temp table vf_limits on commit drop as
    select * from jsonb_to_recordset(cast(${JSON.stringify(w.limits)} as jsonb)) as x(county text, urban bigint, rural bigint, "depositMonths" numeric, "vehicleAllowed" boolean, "businessAllowed" boolean, "maxHouses" int)`.execute(tx);
  await sql`create unique index on vf_limits (county)`.execute(tx);
  await sql`analyze vf_limits`.execute(tx);
  await sql`create temp table vf_judged on commit drop as
    with lim as (select * from vf_limits),
    size as (${w.perCase}),
    h as (select * from (select vf_hits.*, ${KIND} as kind from vf_hits) x where kind is not null),
    agg as (
      select county_code, case_id,
        coalesce(sum(amount) filter (where kind = 'financial'), 0) as fin,
        coalesce(sum(case when kind = 'income_month' then amount when kind = 'income_year' then amount / 12 end), 0) as inc,
        count(*) filter (where kind = 'house') as houses
      from h group by county_code, case_id),
    j as (
      select h.*, size.n, agg.fin, agg.inc, agg.houses, lim.*, case when h.hukou = 'urban' then lim.urban else lim.rural end as std
      from h join size using (county_code, case_id) join agg using (county_code, case_id) left join lim on lim.county = h.county_code),
    req as (${w.requestOf})
    select j.county_code, req.id as request_id, j.case_id, j.area_code, j.member_id, j.id_number, j.name, j.source, j.snapshot_id, j.row_no, j.match, j.item, j.amount,
      j.event_date, j.detail, j.official_name, j.relation,
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
    from j join req on req.county_code = j.county_code`.execute(tx);
  const inserted = await sql`insert into verification_findings (county_code, request_id, case_id, area_code, member_id, id_number, person_name, source, snapshot_id, row_no, match, item, amount, event_date, detail, official_name, relation, breaks_limit, limit_note)
    select county_code, request_id, case_id, area_code, member_id, id_number, name, source, snapshot_id, row_no, match, item, amount, event_date, detail, official_name, relation, breaks, note
    from vf_judged`.execute(tx);
  // Per case: a rescreen's death, disqualifying asset or income is a warning that makes the review due now;
  // a staff member's or village cadre's relative of the same area (关系保) is flagged for the county visit.
  // A case that already carries those flags (and whose review is already due) is left as it is: no new version.
  await sql`create temp table vf_flags on commit drop as
    select county_code, case_id, ${w.kind === 'rescreen' ? sql`bool_or(breaks)` : sql`false`} as warn,
      array_agg(distinct case when source = 'village_cadres' then 'cadre_relative' else 'staff_relative' end) filter (where relation <> 'self') as kin
    from vf_judged group by county_code, case_id`.execute(tx);
  await sql`analyze vf_flags`.execute(tx);
  await sql`update cases c set
      flags = array(select distinct x from unnest(c.flags || case when p.warn then array['verification_warning'] else array[]::text[] end || coalesce(p.kin, array[]::text[])) x order by x),
      review_due = case when p.warn and c.phase = 'payable' then least(coalesce(c.review_due, ${w.asOf}::date), ${w.asOf}::date) else c.review_due end,
      version = c.version + 1
    from vf_flags p
    where c.county_code = p.county_code and c.id = p.case_id and (p.warn or p.kin is not null)
      and (not c.flags @> (case when p.warn then array['verification_warning'] else array[]::text[] end || coalesce(p.kin, array[]::text[]))
        or (p.warn and c.phase = 'payable' and (c.review_due is null or c.review_due > ${w.asOf}::date)))`.execute(tx);
  await sql`update case_batch_members m set flagged = true,
      sampled = m.sampled or exists (select 1 from case_batches b where b.county_code = m.county_code and b.id = m.batch_id and b.sampled_on is not null)
    from vf_flags p where p.kin is not null and m.county_code = p.county_code and m.case_id = p.case_id`.execute(tx);
  const { rows } = await sql<{ cases: string; warnings: string; favouritism: string }>`
    select count(*) as cases, count(*) filter (where warn) as warnings, count(*) filter (where kin is not null) as favouritism from vf_flags`.execute(tx);
  for (const t of ['vf_flags', 'vf_judged', 'vf_limits']) await sql`drop table ${sql.table(t)}`.execute(tx);
  const c = rows[0];
  return {
    findings: Number(inserted.numAffectedRows ?? 0n), casesWithFindings: Number(c?.cases ?? 0), warnings: Number(c?.warnings ?? 0), favouritism: Number(c?.favouritism ?? 0),
  };
}
