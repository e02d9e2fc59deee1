// Set-based import of requests already handled (a window's register taken over from a previous system, the
// scenario's 4399 requests of 2015): each a registered household's request at a window, referred to one
// partner department, accepted and answered. The rules of createRequest and of the partners' steps are checked
// for every row first (the household and its member, the window, the department's time limit on the day of
// referral, the dates in order and not in the future), the row named in the error (`rows.N.field`) and nothing
// written; then numbers are drawn per county and year as createRequest draws them, and the requests, their parts
// and the refer / accept / close events are written set-based, with one audit entry per county.
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { bulkWrite } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { levelOf } from '../../../kernel/areas.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import type { Department } from '../../../kernel/permissions.ts';
import { caseParameters } from '../../cases/index.ts';
import { allow } from '../permissions.ts';
import { assessmentSchema, type CHANNELS, type Need, type OUTCOMES } from './schemas.ts';
import { referralTimeLimit } from './time-limits.ts';

export interface HandledRequest {
  windowAreaCode: string;
  channel: (typeof CHANNELS)[number];
  receivedOn: string;
  householdNo: string;
  idNumber: string;
  /** The needs assessment as the form sends it (defaults filled in). */
  assessment: unknown;
  department: Department;
  need: Need;
  acceptedOn: string;
  closedOn: string;
  outcome: (typeof OUTCOMES)[number];
  result: string;
}

const CHUNK = 2_000;
const rowError = (i: number, field: string, message: string) => AppError.field(`rows.${i}.${field}`, `第${i + 1}行：${message}`);
const textArray = (xs: readonly string[]) => sql`cast(${`{${[...new Set(xs)].join(',')}}`} as text[])`;

export async function importHandledRequests(db: Database, scope: Scope, rows: readonly HandledRequest[]): Promise<number> {
  allow(scope, 'intake.write');
  if (rows.length === 0) return 0;
  const today = todayInChina();
  const { rows: people } = await sql<{ household_no: string; county_code: string; id: string; village_code: string; phone: string; id_number: string; name: string; member_phone: string | null }>`
    select h.household_no, h.county_code, h.id, h.village_code, h.phone, m.id_number, m.name, m.phone as member_phone
    from households h join members m on m.county_code = h.county_code and m.household_id = h.id
    where h.household_no = any (${textArray(rows.map((r) => r.householdNo))}) and m.id_number = any (${textArray(rows.map((r) => r.idNumber))})`.execute(db.kysely);
  const person = new Map(people.map((p) => [`${p.household_no}/${p.id_number}`, p]));
  const { rows: areas } = await sql<{ code: string }>`select code from areas where code = any (${textArray(rows.map((r) => r.windowAreaCode))})`.execute(db.kysely);
  const windows = new Set(areas.map((a) => a.code));
  const params = await caseParameters(db);

  const data = rows.map((r, i) => {
    const p = person.get(`${r.householdNo}/${r.idNumber}`);
    if (!p || !covers(scope, p.village_code)) throw rowError(i, 'idNumber', '该身份证号码不是此登记家庭的成员（或家庭不存在）');
    const level = levelOf(r.windowAreaCode);
    if (!windows.has(r.windowAreaCode) || (level !== 'township' && level !== 'village') || !covers(scope, r.windowAreaCode)) throw rowError(i, 'windowAreaCode', '受理窗口应为管辖范围内的乡镇（街道）或村（社区）');
    if (r.receivedOn > today) throw rowError(i, 'receivedOn', `受理日期 ${r.receivedOn} 不能晚于今天`);
    if (r.acceptedOn < r.receivedOn || r.acceptedOn > today) throw rowError(i, 'acceptedOn', `接收日期 ${r.acceptedOn} 应在受理日期 ${r.receivedOn} 与今天之间`);
    if (r.closedOn < r.acceptedOn || r.closedOn > today) throw rowError(i, 'closedOn', `办结日期 ${r.closedOn} 应在接收日期 ${r.acceptedOn} 与今天之间`);
    if (r.result.trim().length < 2) throw rowError(i, 'result', '请填写办理结果');
    const limit = referralTimeLimit(params, r.department, r.need, p.village_code, r.receivedOn);
    if (!limit) throw rowError(i, 'department', `未配置该部门「${r.department}」的办理时限参数`);
    return {
      county_code: p.county_code, area_code: p.village_code, window_area_code: r.windowAreaCode, channel: r.channel, household_id: Number(p.id),
      person_name: p.name, person_id_number: p.id_number, person_phone: p.member_phone || p.phone, need: r.need,
      assessment: parseOrThrow(assessmentSchema, r.assessment, `rows.${i}.assessment`), received_on: r.receivedOn, department: r.department,
      due_date: limit.dueDate, time_limit: limit.workingDays, time_limit_parameter: limit.parameter, accepted_on: r.acceptedOn, closed_on: r.closedOn,
      outcome: r.outcome, result: r.result.trim(), request_no: '',
    };
  });

  return bulkWrite(db, scope, async (tx) => {
    // Numbers per county and year in the rows' order, one block each (as nextSerialNo draws them one by one).
    const blocks = new Map<string, number[]>();
    data.forEach((d, i) => {
      const key = `${d.county_code}/${d.received_on.slice(0, 4)}`;
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    });
    for (const [key, idx] of blocks) {
      const [county, year] = key.split('/') as [string, string];
      const { rows: first } = await sql<{ n: string }>`select next_serials('SL', ${county}, ${year}, ${idx.length}) as n`.execute(tx);
      const from = Number(first[0]!.n);
      idx.forEach((i, k) => (data[i]!.request_no = `SL${county}${year}${String(from + k).padStart(6, '0')}`));
    }
    for (let at = 0; at < data.length; at += CHUNK) {
      const json = JSON.stringify(data.slice(at, at + CHUNK));
      const d = sql`(select * from jsonb_to_recordset(cast(${json} as jsonb)) as d (county_code text, request_no text, area_code text, window_area_code text, channel text,
        household_id bigint, person_name text, person_id_number text, person_phone text, need text, assessment jsonb, received_on date, department text,
        due_date date, time_limit int, time_limit_parameter text, accepted_on date, closed_on date, outcome text, result text))`;
      await sql`
        insert into intake_requests (county_code, request_no, area_code, window_area_code, channel, household_id, person_name, person_id_number, person_phone, needs, assessment, received_on, created_by)
        select county_code, request_no, area_code, window_area_code, channel, household_id, person_name, person_id_number, person_phone, array[need], assessment, received_on, ${scope.userName}
        from ${d} d`.execute(tx);
      await sql`
        with p as (
          insert into intake_parts (county_code, request_id, seq, kind, need, department, status, referred_on, due_date, time_limit, time_limit_parameter, accepted_on, accepted_by, closed_on, outcome, result)
          select d.county_code, r.id, 1, 'referral', d.need, d.department, 'closed', d.received_on, d.due_date, d.time_limit, d.time_limit_parameter, d.accepted_on, ${scope.userName}, d.closed_on, d.outcome, d.result
          from ${d} d join intake_requests r on r.county_code = d.county_code and r.request_no = d.request_no
          returning county_code, id, referred_on, accepted_on, closed_on, result)
        insert into intake_part_events (county_code, part_id, action, on_date, actor_id, actor_name, note)
        select p.county_code, p.id, e.action, e.on_date, ${scope.userId}, ${scope.userName}, e.note
        from p cross join lateral (values ('refer', p.referred_on, ''), ('accept', p.accepted_on, ''), ('close', p.closed_on, p.result)) as e (action, on_date, note)`.execute(tx);
    }
    const perCounty = new Map<string, number>();
    for (const d of data) perCounty.set(d.county_code, (perCounty.get(d.county_code) ?? 0) + 1);
    for (const [county, n] of perCounty) {
      await appendAudit(tx, scope, { action: 'intake.request.import', entity: 'intake_request', entityId: county, areaCode: county, after: { requests: n, handled: true } });
    }
    return data.length;
  });
}
