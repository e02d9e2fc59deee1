// The SQL of contracts and evaluations: one contract, lists with their task counts, evaluations with the
// tasks of their year. `today` (China) decides what is overdue.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ContractKind, ContractStatus, Rating } from '../codes.ts';

export interface ContractRow {
  county_code: string; county_name: string; id: number; contract_no: string; provider_id: number; provider_name: string; kind: ContractKind; title: string;
  period_from: string; period_to: string; amount_fen: number; signed_on: string; status: ContractStatus; closed_on: string | null; close_reason: string | null;
  tasks: number; tasks_done: number; tasks_overdue: number;
}
const contractSelect = (today: string) => sql`
  select c.county_code, a.name as county_name, c.id::int as id, c.contract_no, c.provider_id::int as provider_id, o.name as provider_name, c.kind, c.title,
    c.period_from, c.period_to, c.amount_fen, c.signed_on, c.status, c.closed_on, c.close_reason,
    (select count(*)::int from purchase_tasks t where t.county_code = c.county_code and t.contract_id = c.id and t.status <> 'cancelled') as tasks,
    (select count(*)::int from purchase_tasks t where t.county_code = c.county_code and t.contract_id = c.id and t.status = 'done') as tasks_done,
    (select count(*)::int from purchase_tasks t where t.county_code = c.county_code and t.contract_id = c.id and t.status = 'assigned' and t.due_on < ${today}) as tasks_overdue
  from purchase_contracts c join areas a on a.code = c.county_code join social_organisations o on o.county_code = c.county_code and o.id = c.provider_id`;

/** The last day a contract was in force: its period's end, or the day it ended or was terminated, if earlier (figures.ts says the same for `p`). */
const IN_FORCE_TO = sql`least(c.period_to, coalesce(c.closed_on, c.period_to))`;

export async function contractById(db: Kysely<DB>, id: number, today: string): Promise<ContractRow | undefined> {
  const { rows } = await sql<ContractRow>`${contractSelect(today)} where c.id = ${id}`.execute(db);
  return rows[0];
}

export interface ContractFilter { county?: string | undefined; status?: ContractStatus | undefined; year?: number | undefined }

export async function contractsIn(db: Kysely<DB>, visible: Expression<SqlBool>, f: ContractFilter, today: string): Promise<ContractRow[]> {
  const where = [visible];
  if (f.county !== undefined) where.push(sql<SqlBool>`c.county_code = ${f.county}`);
  if (f.status !== undefined) where.push(sql<SqlBool>`c.status = ${f.status}`);
  if (f.year !== undefined) where.push(sql<SqlBool>`c.period_from <= ${`${f.year}-12-31`} and ${IN_FORCE_TO} >= greatest(c.period_from, ${`${f.year}-01-01`}::date)`);
  const { rows } = await sql<ContractRow>`${contractSelect(today)} where ${sql.join(where, sql` and `)} order by c.county_code, c.id desc limit 1000`.execute(db);
  return rows;
}

export interface EvaluationRow {
  county_code: string; id: number; contract_id: number; contract_no: string; contract_title: string; provider_name: string; year: number; score: number; rating: Rating;
  evaluated_on: string; remarks: string | null; tasks_assigned: number; tasks_done: number; tasks_confirmed: number; tasks_overdue: number;
}
/** Tasks of the year: assigned in it, performed in it (and confirmed), due in it and not performed by the due date (cancelled ones aside). */
const evaluationSelect = (today: string) => sql`
  select e.county_code, e.id::int as id, e.contract_id::int as contract_id, c.contract_no, c.title as contract_title, o.name as provider_name, e.year, e.score, e.rating,
    e.evaluated_on, e.remarks,
    (select count(*)::int from purchase_tasks t where t.county_code = e.county_code and t.contract_id = e.contract_id and extract(year from t.assigned_on) = e.year and t.status <> 'cancelled') as tasks_assigned,
    (select count(*)::int from purchase_tasks t where t.county_code = e.county_code and t.contract_id = e.contract_id and extract(year from t.done_on) = e.year) as tasks_done,
    (select count(*)::int from purchase_tasks t where t.county_code = e.county_code and t.contract_id = e.contract_id and extract(year from t.done_on) = e.year and t.confirmed_on is not null) as tasks_confirmed,
    (select count(*)::int from purchase_tasks t where t.county_code = e.county_code and t.contract_id = e.contract_id and extract(year from t.due_on) = e.year
      and ((t.status = 'assigned' and t.due_on < ${today}) or (t.status = 'done' and t.done_on > t.due_on))) as tasks_overdue
  from purchase_evaluations e join purchase_contracts c on c.county_code = e.county_code and c.id = e.contract_id
  join social_organisations o on o.county_code = c.county_code and o.id = c.provider_id`;

export async function evaluationsIn(db: Kysely<DB>, visible: Expression<SqlBool>, f: { contract?: number | undefined; year?: number | undefined; id?: number }, today: string): Promise<EvaluationRow[]> {
  const where = [visible];
  if (f.id !== undefined) where.push(sql<SqlBool>`e.id = ${f.id}`);
  if (f.contract !== undefined) where.push(sql<SqlBool>`e.contract_id = ${f.contract}`);
  if (f.year !== undefined) where.push(sql<SqlBool>`e.year = ${f.year}`);
  const { rows } = await sql<EvaluationRow>`${evaluationSelect(today)} where ${sql.join(where, sql` and `)} order by e.county_code, e.year desc, e.contract_id limit 1000`.execute(db);
  return rows;
}
