// The only SQL of the intake: requests, their parts (cases and referrals), the partners' events, the
// overdue list and the figures. A case part is closed on the date its case first reached a decision
// state (a state outside the engine's pending states).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inArea, inScope, type Scope } from '../../kernel/scope.ts';
import type { IntakePartRow, IntakeRequestRow, NewIntakePart, NewIntakeRequest } from './tables.ts';
import { nextSerialNo } from '../../kernel/serials.ts';

export async function nextRequestNo(tx: Kysely<DB>, countyCode: string, year: string): Promise<string> {
  return nextSerialNo(tx, 'SL', countyCode, year);
}

export async function areaExists(db: Kysely<DB>, code: string): Promise<boolean> {
  return (await db.selectFrom('areas').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertRequest(tx: Kysely<DB>, row: NewIntakeRequest): Promise<number> {
  return (await tx.insertInto('intake_requests').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertPart(tx: Kysely<DB>, row: NewIntakePart): Promise<number> {
  return (await tx.insertInto('intake_parts').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertEvent(tx: Kysely<DB>, scope: Scope, e: { countyCode: string; partId: number; action: 'refer' | 'accept' | 'act' | 'close'; onDate: string; note: string }): Promise<void> {
  await tx.insertInto('intake_part_events').values({ county_code: e.countyCode, part_id: e.partId, action: e.action, on_date: e.onDate, actor_id: scope.userId, actor_name: scope.userName, note: e.note }).execute();
}

export async function caseIdOf(tx: Kysely<DB>, caseNo: string): Promise<{ county_code: string; id: number }> {
  return tx.selectFrom('cases').select(['county_code', 'id']).where('case_no', '=', caseNo).executeTakeFirstOrThrow();
}

export async function findRequest(db: Kysely<DB>, scope: Scope, requestNo: string): Promise<IntakeRequestRow | undefined> {
  return db.selectFrom('intake_requests').selectAll().where('request_no', '=', requestNo).where(inScope(scope, 'intake_requests.area_code')).executeTakeFirst();
}

/** The date a part was closed: its own for a referral or a pending part without a case, the case's first decision for a case. */
const closedOn = sql<string | null>`case when p.case_id is null then p.closed_on else
  (select min(t.on_date) from case_transitions t where t.county_code = p.county_code and t.case_id = p.case_id and t.to_phase <> 'pending') end`;

export interface PartView {
  id: number;
  county_code: string;
  request_id: number;
  request_no: string;
  seq: number;
  kind: 'case' | 'referral' | 'pending_case';
  need: string;
  department: string | null;
  status: string;
  referred_on: string;
  due_date: string | null;
  time_limit: number | null;
  time_limit_parameter: string | null;
  note: string;
  accepted_on: string | null;
  accepted_by: string | null;
  closed_on: string | null;
  outcome: string | null;
  result: string | null;
  case_no: string | null;
  case_state: string | null;
  area_code: string;
  person_name: string;
  person_id_number: string;
  person_phone: string;
  received_on: string;
  version: number;
  /** A pending part's opening details, or the facts a referral carries (JSON). */
  details: unknown;
}

function partsSelect(where: RawBuilder<unknown>) {
  return sql<PartView>`select p.id, p.county_code, p.request_id, r.request_no, p.seq, p.kind, p.need, p.department, p.status, p.referred_on, p.due_date,
      p.time_limit, p.time_limit_parameter, p.note, p.accepted_on, p.accepted_by, ${closedOn} as closed_on, p.outcome, p.result,
      c.case_no, c.state as case_state, r.area_code, r.person_name, r.person_id_number, r.person_phone, r.received_on, p.version, p.details
    from intake_parts p
    join intake_requests r on r.county_code = p.county_code and r.id = p.request_id
    left join cases c on c.county_code = p.county_code and c.id = coalesce(p.case_id, p.answer_case_id)
    where ${where}`;
}

/** Partners see the referrals of their own department only. */
function visible(scope: Scope): RawBuilder<unknown> {
  const area = sql`${inScope(scope, 'r.area_code')}`;
  // A partner department sees the referrals made to it, in its area, and nothing else of a request.
  return scope.kind === 'partner' ? sql`${area} and p.kind = 'referral' and p.department = ${scope.department}` : area;
}

export async function partsOfRequest(db: Kysely<DB>, countyCode: string, requestId: number): Promise<PartView[]> {
  return (await partsSelect(sql`p.county_code = ${countyCode} and p.request_id = ${requestId} order by p.seq`).execute(db)).rows;
}

export async function findPart(db: Kysely<DB>, scope: Scope, id: number): Promise<PartView | undefined> {
  return (await partsSelect(sql`p.id = ${id} and ${visible(scope)}`).execute(db)).rows[0];
}

export async function lockPart(tx: Kysely<DB>, countyCode: string, id: number): Promise<IntakePartRow> {
  return tx.selectFrom('intake_parts').selectAll().where('county_code', '=', countyCode).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export async function updatePart(tx: Kysely<DB>, p: IntakePartRow, patch: Partial<Pick<IntakePartRow, 'status' | 'accepted_on' | 'accepted_by' | 'closed_on' | 'outcome' | 'result' | 'case_id' | 'due_date' | 'time_limit' | 'time_limit_parameter'>>): Promise<void> {
  await tx.updateTable('intake_parts').set({ ...patch, version: p.version + 1 }).where('county_code', '=', p.county_code).where('id', '=', p.id).execute();
}

/** A request of a person not in the registry now follows the household registered since (its village, for the scope). */
export async function linkRequestHousehold(tx: Kysely<DB>, countyCode: string, requestId: number, householdId: number, villageCode: string): Promise<void> {
  await tx.updateTable('intake_requests').set({ household_id: householdId, area_code: villageCode }).where('county_code', '=', countyCode).where('id', '=', requestId).execute();
}

export interface PendingState { request_no: string; status: string; case_no: string | null; result: string | null }

/** The pending parts of the given requests (the portal's new applicants), with the case opened from each. */
export async function pendingStates(db: Kysely<DB>, countyCode: string, requestNos: readonly string[]): Promise<PendingState[]> {
  if (requestNos.length === 0) return [];
  return db.selectFrom('intake_parts as p')
    .innerJoin('intake_requests as r', (j) => j.onRef('r.county_code', '=', 'p.county_code').onRef('r.id', '=', 'p.request_id'))
    .leftJoin('cases as c', (j) => j.onRef('c.county_code', '=', 'p.county_code').onRef('c.id', '=', 'p.case_id'))
    .select(['r.request_no', 'p.status', 'c.case_no', 'p.result'])
    .where('p.county_code', '=', countyCode).where('r.request_no', 'in', [...requestNos]).where('p.kind', '=', 'pending_case')
    .execute();
}

export interface ReferralState { request_no: string; status: string; outcome: string | null; case_no: string | null }

/** The referral parts of the given requests (the portal's 医疗救助 applications), with the claim's case answering each. */
export async function referralStates(db: Kysely<DB>, countyCode: string, requestNos: readonly string[]): Promise<ReferralState[]> {
  if (requestNos.length === 0) return [];
  return db.selectFrom('intake_parts as p')
    .innerJoin('intake_requests as r', (j) => j.onRef('r.county_code', '=', 'p.county_code').onRef('r.id', '=', 'p.request_id'))
    .leftJoin('cases as c', (j) => j.onRef('c.county_code', '=', 'p.county_code').onRef('c.id', '=', 'p.answer_case_id'))
    .select(['r.request_no', 'p.status', 'p.outcome', 'c.case_no'])
    .where('p.county_code', '=', countyCode).where('r.request_no', 'in', [...requestNos]).where('p.kind', '=', 'referral')
    .execute();
}

export async function listEvents(db: Kysely<DB>, countyCode: string, partId: number) {
  return db.selectFrom('intake_part_events').selectAll().where('county_code', '=', countyCode).where('part_id', '=', partId).orderBy('id').execute();
}

export interface PartFilter {
  area?: string | undefined;
  status?: 'open' | 'closed' | undefined;
  department?: string | undefined;
  limit: number;
  afterId?: number | undefined;
}

/** The referral board: referrals (partners: of their department) in scope, newest first, keyset by id. */
export async function listReferrals(db: Kysely<DB>, scope: Scope, f: PartFilter): Promise<PartView[]> {
  const conds = [sql`p.kind = 'referral'`, visible(scope)];
  if (f.area) conds.push(sql`${inArea(f.area, 'r.area_code')}`);
  if (f.department) conds.push(sql`p.department = ${f.department}`);
  if (f.status === 'open') conds.push(sql`p.status <> 'closed'`);
  if (f.status === 'closed') conds.push(sql`p.status = 'closed'`);
  if (f.afterId !== undefined) conds.push(sql`p.id < ${f.afterId}`);
  return (await partsSelect(sql`${sql.join(conds, sql` and `)} order by p.id desc limit ${f.limit}`).execute(db)).rows;
}

export interface RequestSummary {
  id: number;
  county_code: string;
  request_no: string;
  area_code: string;
  window_area_code: string;
  channel: string;
  person_name: string;
  needs: string[];
  received_on: string;
  parts: number;
  closed: number;
  completed_on: string | null;
}

/** Requests in scope with the count of parts and of closed parts; newest first, keyset by id. */
export async function listRequests(db: Kysely<DB>, scope: Scope, f: { area?: string | undefined; status?: 'open' | 'completed' | undefined; limit: number; afterId?: number | undefined }): Promise<RequestSummary[]> {
  const conds = [sql`${inScope(scope, 'r.area_code')}`];
  if (f.area) conds.push(sql`${inArea(f.area, 'r.area_code')}`);
  if (f.afterId !== undefined) conds.push(sql`r.id < ${f.afterId}`);
  const having = f.status === 'open' ? sql`having count(x.closed_on) < count(*)` : f.status === 'completed' ? sql`having count(x.closed_on) = count(*)` : sql``;
  const { rows } = await sql<RequestSummary>`
    select r.id, r.county_code, r.request_no, r.area_code, r.window_area_code, r.channel, r.person_name, r.needs, r.received_on,
      count(*)::int as parts, count(x.closed_on)::int as closed,
      case when count(x.closed_on) = count(*) then max(x.closed_on) end as completed_on
    from intake_requests r
    join intake_parts p on p.county_code = r.county_code and p.request_id = r.id
    cross join lateral (select ${closedOn} as closed_on) x
    where ${sql.join(conds, sql` and `)}
    group by r.county_code, r.id
    ${having}
    order by r.id desc limit ${f.limit}`.execute(db);
  return rows;
}

/** Open parts past their due date on `asOf` (a case part's due date is the case's total time limit). */
export async function overdueParts(db: Kysely<DB>, scope: Scope, f: { area?: string | undefined; asOf: string; limit: number }): Promise<PartView[]> {
  const conds = [visible(scope), sql`p.due_date < ${f.asOf}`];
  if (f.area) conds.push(sql`${inArea(f.area, 'r.area_code')}`);
  const { rows } = await sql<PartView>`select * from (${partsSelect(sql.join(conds, sql` and `))}) v
    where v.closed_on is null or v.closed_on > ${f.asOf} order by v.due_date, v.id limit ${f.limit}`.execute(db);
  return rows;
}

export interface FigureRow {
  dimension: 'total' | 'township' | 'department' | 'need';
  key: string | null;
  received: number;
  completed: number;
  completed_on_time: number;
  overdue: number;
}

/**
 * Figures for requests received in [from, to] in scope, as of `asOf`: one set-based query with grouping
 * sets. Township and total count requests (completed = every part closed; on time = every part closed
 * by its due date; overdue = a part open past its due date); department and type count parts.
 * Case parts count under the department `civil_affairs`.
 */
export async function figures(db: Kysely<DB>, scope: Scope, f: { area?: string | undefined; from: string; to: string; asOf: string }): Promise<FigureRow[]> {
  const conds = [sql`${inScope(scope, 'r.area_code')}`, sql`r.received_on between ${f.from} and ${f.to}`];
  if (f.area) conds.push(sql`${inArea(f.area, 'r.area_code')}`);
  const { rows } = await sql<FigureRow>`
    with parts as (
      select r.county_code, r.id as request_id, left(r.area_code, 9) as township, coalesce(p.department, 'civil_affairs') as department, p.need,
        x.closed_on is not null and x.closed_on <= ${f.asOf} as closed,
        x.closed_on is not null and x.closed_on <= ${f.asOf} and (p.due_date is null or x.closed_on <= p.due_date) as on_time,
        (x.closed_on is null or x.closed_on > ${f.asOf}) and p.due_date < ${f.asOf} as overdue
      from intake_requests r
      join intake_parts p on p.county_code = r.county_code and p.request_id = r.id
      cross join lateral (select ${closedOn} as closed_on) x
      where ${sql.join(conds, sql` and `)}
    ), requests as (
      select county_code, request_id, bool_and(closed) as closed, bool_and(on_time) as on_time, bool_or(overdue) as overdue
      from parts group by county_code, request_id
    ), flagged as (
      select p.*, q.closed as r_closed, q.on_time as r_on_time, q.overdue as r_overdue
      from parts p join requests q on q.county_code = p.county_code and q.request_id = p.request_id
    )
    select
      case when grouping(township) = 0 then 'township' when grouping(department) = 0 then 'department' when grouping(need) = 0 then 'need' else 'total' end as dimension,
      coalesce(case when grouping(township) = 0 then township end, case when grouping(department) = 0 then department end, case when grouping(need) = 0 then need end) as key,
      case when grouping(department) = 0 or grouping(need) = 0 then count(*) else count(distinct (county_code, request_id)) end::int as received,
      case when grouping(department) = 0 or grouping(need) = 0 then count(*) filter (where closed) else count(distinct (county_code, request_id)) filter (where r_closed) end::int as completed,
      case when grouping(department) = 0 or grouping(need) = 0 then count(*) filter (where on_time) else count(distinct (county_code, request_id)) filter (where r_closed and r_on_time) end::int as completed_on_time,
      case when grouping(department) = 0 or grouping(need) = 0 then count(*) filter (where overdue) else count(distinct (county_code, request_id)) filter (where r_overdue) end::int as overdue
    from flagged
    group by grouping sets ((township), (department), (need), ())
    order by 1, 2`.execute(db);
  return rows;
}

/** 待办 counts in one pass: open referrals (partners: of their department) and those past due; parts awaiting the household's registration. */
export async function todoCounts(db: Kysely<DB>, scope: Scope, today: string): Promise<{ referrals: number; referrals_late: number; pending: number }> {
  const { rows } = await sql<{ referrals: number; referrals_late: number; pending: number }>`
    select count(*) filter (where p.kind = 'referral' and p.status <> 'closed')::int as referrals,
      count(*) filter (where p.kind = 'referral' and p.status <> 'closed' and p.due_date < ${today})::int as referrals_late,
      count(*) filter (where p.kind = 'pending_case' and p.status = 'awaiting_registration')::int as pending
    from intake_parts p
    join intake_requests r on r.county_code = p.county_code and r.id = p.request_id
    where ${visible(scope)} and (p.kind = 'referral' and p.status <> 'closed' or p.kind = 'pending_case' and p.status = 'awaiting_registration')`.execute(db);
  return rows[0] ?? { referrals: 0, referrals_late: 0, pending: 0 };
}
