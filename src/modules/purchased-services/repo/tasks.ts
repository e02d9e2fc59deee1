// The SQL of tasks: one task, pages of tasks (with the contract, provider, village and assistant names).
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { TaskKind, TaskStatus } from '../codes.ts';

export interface TaskRow {
  county_code: string; id: number; contract_id: number; contract_no: string; contract_status: string; provider_name: string; kind: TaskKind;
  village_code: string; village_name: string; target_household_no: string | null; target_person_id: string | null; description: string | null;
  assigned_on: string; due_on: string; worker_name: string | null; assistant_id: number | null; assistant_name: string | null; assistant_user_id: number | null;
  status: TaskStatus; done_on: string | null; minutes: number | null; findings: string | null; performed_by: string | null; performed_by_user_id: number | null;
  confirmed_on: string | null; confirmed_by: string | null; cancelled_on: string | null; cancel_reason: string | null;
}
const SELECT = sql`
  select t.county_code, t.id::int as id, t.contract_id::int as contract_id, c.contract_no, c.status as contract_status, o.name as provider_name, t.kind,
    t.village_code, v.name as village_name, t.target_household_no, t.target_person_id, t.description, t.assigned_on, t.due_on, t.worker_name,
    t.assistant_id::int as assistant_id, s.name as assistant_name, s.user_id::int as assistant_user_id,
    t.status, t.done_on, t.minutes, t.findings, t.performed_by, t.performed_by_user_id::int as performed_by_user_id,
    t.confirmed_on, t.confirmed_by, t.cancelled_on, t.cancel_reason
  from purchase_tasks t
  join purchase_contracts c on c.county_code = t.county_code and c.id = t.contract_id
  join social_organisations o on o.county_code = c.county_code and o.id = c.provider_id
  join areas v on v.code = t.village_code
  left join assistance_assistants s on s.county_code = t.county_code and s.id = t.assistant_id`;

export async function taskById(db: Kysely<DB>, id: number): Promise<TaskRow | undefined> {
  const { rows } = await sql<TaskRow>`${SELECT} where t.id = ${id}`.execute(db);
  return rows[0];
}

export interface TaskFilter {
  county?: string | undefined; area?: Expression<SqlBool> | undefined; contract?: number | undefined; kind?: TaskKind | undefined; status?: TaskStatus | undefined;
  /** Open past the due date as of `today`. */
  overdue?: boolean | undefined; today: string;
  /** Assigned to the assistant whose account this is. */
  mineUserId?: number | null | undefined;
  after?: number | undefined; limit: number;
}

export async function taskPage(db: Kysely<DB>, visible: Expression<SqlBool>, f: TaskFilter): Promise<TaskRow[]> {
  const where = [visible];
  if (f.county !== undefined) where.push(sql<SqlBool>`t.county_code = ${f.county}`);
  if (f.area !== undefined) where.push(f.area);
  if (f.contract !== undefined) where.push(sql<SqlBool>`t.contract_id = ${f.contract}`);
  if (f.kind !== undefined) where.push(sql<SqlBool>`t.kind = ${f.kind}`);
  if (f.status !== undefined) where.push(sql<SqlBool>`t.status = ${f.status}`);
  if (f.overdue !== undefined) where.push(f.overdue ? sql<SqlBool>`(t.status = 'assigned' and t.due_on < ${f.today})` : sql<SqlBool>`not (t.status = 'assigned' and t.due_on < ${f.today})`);
  if (f.mineUserId !== undefined) where.push(f.mineUserId === null ? sql<SqlBool>`false` : sql<SqlBool>`s.user_id = ${f.mineUserId}`);
  if (f.after !== undefined) where.push(sql<SqlBool>`t.id < ${f.after}`);
  const { rows } = await sql<TaskRow>`${SELECT} where ${sql.join(where, sql` and `)} order by t.id desc limit ${f.limit}`.execute(db);
  return rows;
}
