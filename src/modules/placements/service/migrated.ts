// The stays of a previous system's 集中供养 persons (存量对象导入), admitted in bulk inside the import's
// transaction: an open case's stay admitted on its approval date (the previous system's admission is not in its
// export), a closed case's stay also discharged on its closing date. As every admission, never beyond an
// institution's beds: the institutions' rows are locked first, and a file that would overfill one is refused
// whole, naming the institution and its rows. One audit entry for the lot (the import audits the cases).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { appendAudit, type AuditActor } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';

/**
 * What the selection returns, one row per stay: `county_code`, `institution_id`, `case_id`, `household_id`,
 * `member_id`, `area_code` (the case's village), `admitted_on` (date), `discharged_on` (date or null: still
 * resident) and `row_no` (the file's row, for the refusal).
 */
export type MigratedStays = RawBuilder<unknown>;

interface Overfull { county_code: string; id: string; name: string; beds: number; admitted: number; arriving: number; rows: number[] }

export async function admitMigrated(tx: Kysely<DB>, actor: AuditActor, stays: MigratedStays, entityId: string): Promise<number> {
  const { rows: over } = await sql<Overfull>`
    with s as materialized (${stays}),
    arriving as (
      select county_code, institution_id, count(*)::int as arriving, array_agg(row_no order by row_no) as rows
      from s where discharged_on is null group by 1, 2
    ),
    locked as materialized (
      select i.county_code, i.id, i.name, i.beds from institutions i
      where (i.county_code, i.id) in (select county_code, institution_id from s)
      order by i.county_code, i.id for update
    )
    select l.county_code, l.id, l.name, l.beds, a.arriving, a.rows,
      (select count(*)::int from institution_placements p where p.county_code = l.county_code and p.institution_id = l.id and p.status = 'admitted') as admitted
    from locked l join arriving a on a.county_code = l.county_code and a.institution_id = l.id
    where (select count(*) from institution_placements p where p.county_code = l.county_code and p.institution_id = l.id and p.status = 'admitted') + a.arriving > l.beds
    order by l.county_code, l.id`.execute(tx);
  if (over.length > 0) {
    const what = over.map((o) => `${o.name}（${o.beds} 张床位，在住 ${o.admitted} 人，文件中集中供养 ${o.arriving} 人，第 ${o.rows.slice(0, 10).join('、')}${o.rows.length > 10 ? ' 等' : ''} 行）`).join('；');
    throw AppError.conflict('institution_full', `供养机构床位不足，未导入任何数据：${what}`, {
      institutions: over.map((o) => ({ name: o.name, beds: o.beds, admitted: o.admitted, arriving: o.arriving, rows: o.rows })),
    });
  }
  const { rows } = await sql<{ n: string }>`
    with s as materialized (${stays}),
    ins as (
      insert into institution_placements (county_code, institution_id, case_id, household_id, member_id, area_code, status, requested_on, admitted_on,
        discharged_on, discharge_kind, discharge_reason)
      select county_code, institution_id, case_id, household_id, member_id, area_code,
        case when discharged_on is null then 'admitted' else 'discharged' end, admitted_on, admitted_on,
        discharged_on, case when discharged_on is null then null else 'discharge' end, case when discharged_on is null then '' else '原系统已终止供养' end
      from s
      returning 1
    )
    select count(*) as n from ins`.execute(tx);
  const n = Number(rows[0]?.n ?? 0);
  if (n > 0) await appendAudit(tx, actor, { action: 'placement.migrate', entity: 'caseload_import', entityId, areaCode: null, after: { placements: n } });
  return n;
}
