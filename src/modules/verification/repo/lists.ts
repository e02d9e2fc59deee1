// Lists for the county: rescreen results, favouritism (关系保) findings, and the cross checks
// (the same person in dibao in two places; a dead person still in payment). Every list is scoped.
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';

/** Current recipients: cases in payment (also under review or in a termination notice) or suspended. */
export const GRANTED_PHASES = ['payable', 'suspended'] as const;

export interface ListFilter {
  area?: string | undefined;
  limit: number;
  after?: number | undefined;
}

function findingsQuery(db: Kysely<DB>, scope: Scope, f: ListFilter) {
  let q = db.selectFrom('verification_findings as f')
    .innerJoin('verification_requests as r', (j) => j.onRef('r.county_code', '=', 'f.county_code').onRef('r.id', '=', 'f.request_id'))
    .innerJoin('cases as c', (j) => j.onRef('c.county_code', '=', 'f.county_code').onRef('c.id', '=', 'f.case_id'))
    .innerJoin('areas as v', 'v.code', 'f.area_code')
    .selectAll('f')
    .select(['c.case_no', 'c.programme', 'c.state', 'c.flags', 'r.request_no', 'r.kind', 'r.requested_on', 'v.name as village_name'])
    .where(inScope(scope, 'f.area_code'));
  if (f.area) q = q.where(inArea(f.area, 'f.area_code'));
  if (f.after !== undefined) q = q.where('f.id', '>', f.after);
  return q.orderBy('f.id').limit(f.limit);
}

export function rescreenFindings(db: Kysely<DB>, scope: Scope, f: ListFilter & { rescreenId?: number | undefined; breaking?: boolean | undefined }) {
  let q = findingsQuery(db, scope, f).where('r.kind', '=', 'rescreen');
  if (f.rescreenId !== undefined) q = q.where('r.rescreen_id', '=', f.rescreenId);
  if (f.breaking) q = q.where('f.breaks_limit', '=', true);
  return q.execute();
}

export function favouritismFindings(db: Kysely<DB>, scope: Scope, f: ListFilter) {
  return findingsQuery(db, scope, f).where('f.relation', 'is not', null).where('f.relation', '<>', 'self').execute();
}

export function rescreenRuns(db: Kysely<DB>, limit: number) {
  return db.selectFrom('verification_rescreens').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

const scoped = (scope: Scope, area: string | undefined, column: string): ReturnType<typeof sql<SqlBool>> =>
  area ? sql<SqlBool>`${inScope(scope, column)} and ${inArea(area, column)}` : sql<SqlBool>`${inScope(scope, column)}`;

/**
 * Persons covered by more than one granted case of the same household-benefit programme (低保 in two
 * places), as applicant or household member, listed by their in-scope cases.
 */
export async function duplicateDibao(db: Kysely<DB>, scope: Scope, area: string | undefined) {
  const { rows } = await sql<{ id_number: string; name: string; case_no: string; programme: string; area_code: string; village_name: string; state: string; cases: string; counties: string[] }>`
    with g as (
      select c.* from cases c join programmes pr on pr.code = c.programme and pr.kind = 'enrolment' and pr.recipient = 'household'
      where c.phase in (${sql.join([...GRANTED_PHASES])})
    ), p as (
      select g.county_code, g.id, g.case_no, g.programme, g.area_code, g.state, g.applicant_id_number as id_number, g.applicant_name as name from g
      union
      select g.county_code, g.id, g.case_no, g.programme, g.area_code, g.state, m.id_number, m.name
      from g join members m on m.county_code = g.county_code and m.household_id = g.household_id
    ), d as (
      select id_number, programme, count(distinct (county_code, id)) as cases, array_agg(distinct county_code) as counties
      from p group by id_number, programme having count(distinct (county_code, id)) > 1
    )
    select p.id_number, p.name, p.case_no, p.programme, p.area_code, v.name as village_name, p.state, d.cases, d.counties
    from p join d using (id_number, programme) join areas v on v.code = p.area_code
    where ${scoped(scope, area, 'p.area_code')}
    order by p.id_number, p.case_no limit 1000`.execute(db);
  return rows;
}

/** Members of cases in payment whose death the latest household-registration snapshot records. */
export async function deadInPayment(db: Kysely<DB>, scope: Scope, area: string | undefined) {
  const { rows } = await sql<{ id_number: string; name: string; case_no: string; area_code: string; village_name: string; state: string; date_of_death: string | null }>`
    with s as (select id from verification_snapshots where source = 'hukou' order by version desc limit 1)
    select m.id_number, m.name, c.case_no, c.area_code, v.name as village_name, c.state, min(r.event_date)::text as date_of_death
    from cases c
    join members m on m.county_code = c.county_code and m.household_id = c.household_id
    join verification_records r on r.id_number = m.id_number and r.item = 'death' and r.snapshot_id = (select id from s)
    join areas v on v.code = c.area_code
    where c.phase = 'payable' and ${scoped(scope, area, 'c.area_code')}
    group by m.id_number, m.name, c.case_no, c.area_code, v.name, c.state
    order by c.case_no limit 1000`.execute(db);
  return rows;
}
