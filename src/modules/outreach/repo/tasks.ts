// The SQL of 政策找人 tasks: generation as one INSERT … SELECT from the warning lists' query (skipping
// households with an open task of the kind, by the partial unique index), a scoped page with its total,
// one task, and closing a task as a conditional update (an outcome once).
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { UncoveredRow } from '../../stats/index.ts';
import type { Outcome, OutreachKind, TaskStatus } from '../codes.ts';

export interface TaskRow {
  county_code: string; id: number; household_id: number; area_code: string; kind: OutreachKind; created_on: string; due_on: string;
  status: TaskStatus; outcome: Outcome | null; outcome_on: string | null; note: string | null; case_no: string | null; closed_by: string | null;
  household_no: string; head_name: string | null; village_name: string; township_name: string;
}

const SELECT = sql`
  select o.county_code, o.id, o.household_id, o.area_code, o.kind, o.created_on, o.due_on, o.status, o.outcome, o.outcome_on, o.note, o.case_no, o.closed_by,
    h.household_no, v.name as village_name, coalesce(tw.name, '') as township_name,
    (select m.name from members m where m.county_code = h.county_code and m.household_id = h.id and m.relation = 'head' limit 1) as head_name
  from outreach_tasks o
  join households h on h.county_code = o.county_code and h.id = o.household_id
  join areas v on v.code = o.area_code
  left join areas tw on tw.code = left(o.area_code, 9)`;

const num = (r: TaskRow): TaskRow => ({ ...r, id: Number(r.id), household_id: Number(r.household_id) });

/**
 * One statement: the candidates (the lists' query) inserted as open tasks, those with an open task of the
 * same household and kind skipped by the partial unique index; the created counts by kind.
 */
export async function insertTasks(db: Kysely<DB>, candidates: RawBuilder<UncoveredRow>, t: { createdOn: string; dueOn: string; by: string }): Promise<Map<OutreachKind, number>> {
  const { rows } = await sql<{ kind: OutreachKind; n: number }>`
    with c as (${candidates}),
    ins as (
      insert into outreach_tasks (county_code, household_id, area_code, kind, created_on, due_on, status, created_by)
      select c.county_code, c.household_id, c.village_code, c.kind, ${t.createdOn}::date, ${t.dueOn}::date, 'open', ${t.by} from c
      on conflict (county_code, household_id, kind) where status = 'open' do nothing
      returning kind)
    select kind, count(*)::int as n from ins group by kind`.execute(db);
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}

export interface TaskFilter { status?: TaskStatus | undefined; kind?: OutreachKind | undefined; offset: number; limit: number }

export async function taskPage(db: Kysely<DB>, where0: Expression<SqlBool>[], f: TaskFilter): Promise<{ rows: TaskRow[]; total: number }> {
  const where = [...where0];
  if (f.status !== undefined) where.push(sql<SqlBool>`o.status = ${f.status}`);
  if (f.kind !== undefined) where.push(sql<SqlBool>`o.kind = ${f.kind}`);
  const cond = sql.join(where, sql` and `);
  const { rows } = await sql<TaskRow>`${SELECT} where ${cond} order by o.status desc, o.due_on, o.id limit ${f.limit} offset ${f.offset}`.execute(db);
  const { rows: [c] } = await sql<{ n: number }>`select count(*)::int as n from outreach_tasks o where ${cond}`.execute(db);
  return { rows: rows.map(num), total: Number(c?.n ?? 0) };
}

export async function taskById(db: Kysely<DB>, id: number): Promise<TaskRow | undefined> {
  const { rows } = await sql<TaskRow>`${SELECT} where o.id = ${id}`.execute(db);
  return rows[0] && num(rows[0]);
}

/** Closes an open task; false when it was no longer open (closed meanwhile). */
export async function closeTask(db: Kysely<DB>, t: Pick<TaskRow, 'county_code' | 'id'>, set: { outcome: Outcome; outcome_on: string; note: string | null; case_no: string | null; closed_by: string }): Promise<boolean> {
  const r = await db.updateTable('outreach_tasks').set({ status: 'closed', ...set })
    .where('county_code', '=', t.county_code).where('id', '=', t.id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Open tasks under the conditions and those past their due day (待办). */
export async function openCounts(db: Kysely<DB>, where: Expression<SqlBool>[], today: string): Promise<{ open: number; late: number }> {
  const { rows: [c] } = await sql<{ open: number; late: number }>`select count(*)::int as open, (count(*) filter (where o.due_on < ${today}))::int as late
    from outreach_tasks o where ${sql.join(where, sql` and `)} and o.status = 'open'`.execute(db);
  return { open: Number(c?.open ?? 0), late: Number(c?.late ?? 0) };
}
