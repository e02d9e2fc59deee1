// One-window intake (一门受理): record a request with the needs assessment and, in one transaction, open
// the cases (workflow engine) and the referrals (转办 / 分办) to partner departments with their time
// limits; read a request with the status of every part; overdue parts; figures.
import type { Database } from '../../../db/engine.ts';
import { covers, requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber, maskPhone } from '../../../kernel/mask.ts';
import { workingDaysBetween } from '../../../policy/index.ts';
import { levelOf } from '../../../kernel/areas.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { caseParameters } from '../../cases/index.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { parseIdNumber } from '../../../kernel/id-number.ts';
import * as registry from '../../registry/index.ts';
import { mustFindHousehold } from '../../registry/index.ts';
import * as repo from '../repo.ts';
import { withinTransaction } from './in-transaction.ts';
import { needLabel, openPartCase, pendingDetails, windowProgramme } from './case-parts.ts';
import { NEED_LABELS, OUTCOME_LABELS, type NewRequest } from './schemas.ts';
import { referralTimeLimit, type TimeLimit } from './time-limits.ts';
import { namesOf } from '../../areas/index.ts';

export const CIVIL_AFFAIRS = 'civil_affairs';

export async function createRequest(db: Database, scope: Scope, input: NewRequest) {
  allow(scope, 'intake.write');
  const today = todayInChina();
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) throw AppError.field('receivedOn', `受理日期 ${receivedOn} 不能晚于今天`);
  const windowArea = input.windowAreaCode ?? scope.areaCode;
  if (windowArea === '' || !['township', 'village'].includes(levelOf(windowArea))) throw AppError.field('windowAreaCode', '受理窗口应为乡镇（街道）或村（社区）');
  requireAreaField(scope, 'windowAreaCode', windowArea, covers(scope, windowArea) && (await repo.areaExists(db.kysely, windowArea)));

  let person: { areaCode: string; householdId: number | null; householdNo: string | null; name: string; idNumber: string; phone: string };
  if ('householdNo' in input.person) {
    const h = await mustFindHousehold(db, scope, input.person.householdNo);
    const members = await registry.listMembers(db.kysely, h.key);
    const m = members.find((x) => x.id_number === input.person.idNumber);
    if (!m) throw AppError.field('person.idNumber', '该身份证号码不是此家庭登记的成员');
    person = { areaCode: h.village_code, householdId: h.id, householdNo: h.household_no, name: m.name, idNumber: m.id_number, phone: m.phone || h.phone };
  } else {
    const parsed = parseIdNumber(input.person.idNumber);
    if (!parsed.ok) throw AppError.field('person.idNumber', parsed.message);
    person = { areaCode: windowArea, householdId: null, householdNo: null, name: input.person.name, idNumber: input.person.idNumber, phone: input.person.phone };
  }

  const params = await caseParameters(db);
  const seen = new Set<string>();
  const plans = input.parts.map((p, i) => {
    const once = (key: string) => {
      if (seen.has(key)) throw AppError.field(`parts.${i}`, '同一事项不能重复办理或转办');
      seen.add(key);
    };
    if (p.kind === 'case') {
      const programme = windowProgramme(p.programme, `parts.${i}.programme`);
      once(`case:${programme.code}`);
      if (!person.householdNo) throw AppError.field(`parts.${i}.kind`, `${programme.labels['zh-CN'].name}须以登记的家庭申请：请先在家庭信息库登记后再受理`);
      return { ...p, programme: programme.code, need: programme.code, limit: null as TimeLimit | null };
    }
    if (p.kind === 'pending_case') {
      const programme = windowProgramme(p.programme, `parts.${i}.programme`);
      once(`case:${programme.code}`);
      if (person.householdNo) throw AppError.field(`parts.${i}.kind`, `${person.name}已在家庭信息库登记：请以 case 事项直接受理${programme.labels['zh-CN'].name}`);
      const details = pendingDetails(programme, p.details, i);
      // Open work of the window until the case is opened: the same time limit as a referral to civil affairs.
      const limit = referralTimeLimit(params, CIVIL_AFFAIRS, programme.code, person.areaCode, receivedOn);
      if (!limit) throw AppError.field(`parts.${i}.programme`, `未配置民政「${programme.labels['zh-CN'].name}」的办理时限参数`);
      return { ...p, programme: programme.code, need: programme.code, details, limit };
    }
    once(`referral:${p.department}:${p.need}`);
    const limit = referralTimeLimit(params, p.department, p.need, person.areaCode, receivedOn);
    if (!limit) throw AppError.field(`parts.${i}.department`, `未配置该部门「${p.department}」事项「${NEED_LABELS[p.need]}」的办理时限参数`);
    return { ...p, limit };
  });
  const needs = [...new Set(plans.map((p) => p.need))];
  const countyCode = person.areaCode.slice(0, 6);

  return write(db, scope, async (tx) => {
    const requestNo = await repo.nextRequestNo(tx, countyCode, receivedOn.slice(0, 4));
    const requestId = await repo.insertRequest(tx, {
      county_code: countyCode, request_no: requestNo, area_code: person.areaCode, window_area_code: windowArea, channel: input.channel,
      household_id: person.householdId, person_name: person.name, person_id_number: person.idNumber, person_phone: person.phone,
      needs, description: input.description, assessment: JSON.stringify(input.assessment), received_on: receivedOn, created_by: scope.userName,
    });
    const inner = withinTransaction(db, tx);
    const parts = [];
    for (const [i, p] of plans.entries()) {
      const seq = i + 1;
      if (p.kind === 'case') {
        const opened = await openPartCase(inner, scope, i, {
          programme: p.programme, householdNo: person.householdNo ?? '', idNumber: person.idNumber, appliedOn: receivedOn,
          staffRelative: p.staffRelative, cadreRelative: p.cadreRelative, note: p.note || `一门受理 ${requestNo}`, details: p.details,
        });
        await repo.insertPart(tx, { county_code: countyCode, request_id: requestId, seq, kind: 'case', need: p.need, department: null, case_id: opened.caseId, status: 'case', referred_on: receivedOn, due_date: opened.finalDueDate, time_limit: null, time_limit_parameter: null, note: p.note });
        parts.push({ seq, kind: 'case' as const, need: p.need, department: CIVIL_AFFAIRS, caseNo: opened.caseNo, dueDate: opened.finalDueDate });
      } else if (p.kind === 'pending_case') {
        const limit = p.limit as TimeLimit;
        await repo.insertPart(tx, { county_code: countyCode, request_id: requestId, seq, kind: 'pending_case', need: p.need, department: null, case_id: null, status: 'awaiting_registration', referred_on: receivedOn, due_date: limit.dueDate, time_limit: limit.workingDays, time_limit_parameter: limit.parameter, note: p.note, details: p.details === undefined ? null : JSON.stringify(p.details) });
        parts.push({ seq, kind: 'pending_case' as const, need: p.need, department: CIVIL_AFFAIRS, dueDate: limit.dueDate, timeLimitWorkingDays: limit.workingDays, timeLimitParameter: limit.parameter });
      } else {
        const limit = p.limit as TimeLimit;
        const partId = await repo.insertPart(tx, { county_code: countyCode, request_id: requestId, seq, kind: 'referral', need: p.need, department: p.department, case_id: null, status: 'referred', referred_on: receivedOn, due_date: limit.dueDate, time_limit: limit.workingDays, time_limit_parameter: limit.parameter, note: p.note, details: p.details === undefined ? null : JSON.stringify(p.details) });
        await repo.insertEvent(tx, scope, { countyCode, partId, action: 'refer', onDate: receivedOn, note: p.note });
        parts.push({ seq, kind: 'referral' as const, need: p.need, department: p.department, referralId: partId, dueDate: limit.dueDate, timeLimitWorkingDays: limit.workingDays, timeLimitParameter: limit.parameter });
      }
    }
    await appendAudit(tx, scope, { action: 'intake.request', entity: 'intake_request', entityId: requestNo, areaCode: person.areaCode, after: { channel: input.channel, receivedOn, householdNo: person.householdNo, needs, parts } });
    return { requestNo, receivedOn, parts };
  });
}

export async function mustFindRequest(db: Database, scope: Scope, requestNo: string) {
  if (!/^SL\d{16}$/.test(requestNo)) throw AppError.field('requestNo', '受理编号格式应为 SL + 16 位数字');
  const r = await repo.findRequest(db.kysely, scope, requestNo);
  if (r) return r;
  throw AppError.notFound('受理件', requestNo);
}

/** A case part: `case_pending` until its case decides; a pending part: awaiting registration, opened (until its case decides), closed. */
function partStatus(p: repo.PartView, closed: boolean): string {
  if (p.kind === 'case') return closed ? 'closed' : 'case_pending';
  if (p.kind === 'pending_case' && p.status === 'opened') return closed ? 'closed' : 'opened';
  return p.status;
}

export function partView(p: repo.PartView, today: string) {
  // Closed as of `today` (the overdue list asks about a past date).
  const closed = p.closed_on !== null && p.closed_on <= today;
  const overdueDays = !closed && p.due_date !== null && p.due_date < today ? workingDaysBetween(p.due_date, today) : 0;
  return {
    id: p.id, requestNo: p.request_no, seq: p.seq, kind: p.kind, need: p.need, needLabel: needLabel(p.kind, p.need),
    department: p.department ?? CIVIL_AFFAIRS, status: partStatus(p, closed),
    caseNo: p.case_no, caseState: p.case_state, referredOn: p.referred_on, dueDate: p.due_date, timeLimitWorkingDays: p.time_limit, timeLimitParameter: p.time_limit_parameter,
    acceptedOn: p.accepted_on, acceptedBy: p.accepted_by, closedOn: closed ? p.closed_on : null, outcome: closed ? p.outcome : null, outcomeLabel: closed && p.outcome ? OUTCOME_LABELS[p.outcome as keyof typeof OUTCOME_LABELS] : null, result: closed ? p.result : null,
    closed, closedOnTime: closed && (p.due_date === null || (p.closed_on ?? '') <= p.due_date), overdue: overdueDays > 0, workingDaysOverdue: overdueDays, note: p.note,
  };
}

export async function getRequest(db: Database, scope: Scope, requestNo: string) {
  allow(scope, 'intake.read');
  const r = await mustFindRequest(db, scope, requestNo);
  const today = todayInChina();
  const parts = (await repo.partsOfRequest(db.kysely, r.county_code, r.id)).map((p) => partView(p, today));
  const completed = parts.every((p) => p.closed);
  const household = r.household_id === null ? null : await db.kysely.selectFrom('households').select('household_no').where('county_code', '=', r.county_code).where('id', '=', r.household_id).executeTakeFirst();
  const names = await namesOf(db.kysely, [r.area_code, r.window_area_code]);
  return {
    requestNo: r.request_no, areaCode: r.area_code, areaName: names.get(r.area_code) ?? r.area_code, windowAreaCode: r.window_area_code, windowAreaName: names.get(r.window_area_code) ?? r.window_area_code,
    channel: r.channel, receivedOn: r.received_on,
    householdNo: household?.household_no ?? null, personName: r.person_name, personIdNumber: maskIdNumber(r.person_id_number), personPhone: maskPhone(r.person_phone),
    needs: r.needs, description: r.description, assessment: r.assessment, createdBy: r.created_by,
    completed, completedOn: completed ? parts.map((p) => p.closedOn ?? '').sort().at(-1) ?? null : null, parts,
  };
}

export async function listRequests(db: Database, scope: Scope, q: { area?: string | undefined; status?: 'open' | 'completed' | undefined; limit: number; after?: number | undefined }) {
  allow(scope, 'intake.read');
  const rows = await repo.listRequests(db.kysely, scope, { area: q.area, status: q.status, limit: q.limit, afterId: q.after });
  const items = rows.map((r) => ({ requestNo: r.request_no, areaCode: r.area_code, windowAreaCode: r.window_area_code, channel: r.channel, personName: r.person_name, needs: r.needs, receivedOn: r.received_on, parts: r.parts, closedParts: r.closed, completed: r.parts === r.closed, completedOn: r.completed_on }));
  const last = rows.at(-1);
  return { items, next: rows.length === q.limit && last ? last.id : null };
}

/** 超期预警: open parts past their due date on `asOf` (default today), with the working days overdue. */
export async function overdue(db: Database, scope: Scope, q: { area?: string | undefined; asOf?: string | undefined; limit: number }) {
  allow(scope, 'intake.referrals');
  const asOf = q.asOf ?? todayInChina();
  const rows = await repo.overdueParts(db.kysely, scope, { area: q.area, asOf, limit: q.limit });
  return { asOf, items: rows.map((p) => ({ ...partView(p, asOf), personName: p.person_name, areaCode: p.area_code })) };
}

export async function figures(db: Database, scope: Scope, q: { area?: string | undefined; from: string; to: string; asOf?: string | undefined }) {
  allow(scope, 'intake.read');
  if (q.to < q.from) throw AppError.field('to', '结束日期不能早于开始日期');
  const today = todayInChina();
  const asOf = q.asOf ?? (q.to < today ? q.to : today);
  const rows = await repo.figures(db.kysely, scope, { area: q.area, from: q.from, to: q.to, asOf });
  const pick = (d: repo.FigureRow['dimension']) => rows.filter((r) => r.dimension === d).map((r) => ({ key: r.key ?? '', received: r.received, completed: r.completed, completedOnTime: r.completed_on_time, overdue: r.overdue }));
  const total = pick('total')[0] ?? { key: '', received: 0, completed: 0, completedOnTime: 0, overdue: 0 };
  return { from: q.from, to: q.to, asOf, total: { received: total.received, completed: total.completed, completedOnTime: total.completedOnTime, overdue: total.overdue }, byTownship: pick('township'), byDepartment: pick('department'), byNeed: pick('need') };
}
