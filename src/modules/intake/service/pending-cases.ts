// 待登记立案: a programme asked by a person not yet in the registry (e.g. an online application by a new
// applicant). The part waits while the window registers the household; then the window opens the case
// from it — exactly as a case part opens one (`openPartCase`) — or closes it with a reason.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import type { Scope } from '../../../kernel/scope.ts';
import * as registry from '../../registry/index.ts';
import { allow } from '../permissions.ts';
import * as repo from '../repo.ts';
import { openPartCase } from './case-parts.ts';
import { withinTransaction } from './in-transaction.ts';
import { mustFindRequest } from './requests.ts';
import type { closePendingSchema, openPendingSchema } from './schemas.ts';

const STATUS_LABELS: Record<string, string> = { awaiting_registration: '待登记立案', opened: '已立案', closed: '已结束' };

async function mustFindPending(db: Database, scope: Scope, requestNo: string, partId: number) {
  const r = await mustFindRequest(db, scope, requestNo);
  const p = await repo.findPart(db.kysely, scope, partId);
  if (!p || p.kind !== 'pending_case' || p.county_code !== r.county_code || p.request_id !== r.id) throw AppError.notFound('待登记立案事项', String(partId));
  if (p.status !== 'awaiting_registration') throw AppError.conflict('invalid_transition', `该事项当前为「${STATUS_LABELS[p.status] ?? p.status}」，不能再立案或结束`, { status: p.status });
  return { r, p };
}

/** 立案: the household (in the caller's scope, of the request's county) must hold the request's person. */
export async function openPendingCase(db: Database, scope: Scope, requestNo: string, partId: number, input: z.output<typeof openPendingSchema>) {
  allow(scope, 'intake.write');
  const { r, p } = await mustFindPending(db, scope, requestNo, partId);
  const h = await registry.findHousehold(db.kysely, scope, input.householdNo);
  if (!h || h.county_code !== r.county_code) throw AppError.field('householdNo', `未找到户编号为 ${input.householdNo} 的家庭（应为本辖区已登记的家庭）：请先登记家庭`);
  const members = await registry.listMembers(db.kysely, h.key);
  if (!members.some((m) => m.id_number === r.person_id_number)) {
    throw AppError.field('householdNo', `该家庭没有身份证号码为 ${maskIdNumber(r.person_id_number)} 的成员（申请人${r.person_name}）：请先将申请人登记为该家庭成员`);
  }
  return write(db, scope, async (tx) => {
    const locked = await repo.lockPart(tx, p.county_code, p.id);
    if (locked.version !== p.version || locked.status !== 'awaiting_registration') throw AppError.conflict('part_changed', '该事项已被他人更新，请刷新后重试');
    const details = locked.details === null ? undefined : (locked.details as Record<string, unknown>);
    const opened = await openPartCase(withinTransaction(db, tx), scope, p.seq - 1, {
      programme: p.need, householdNo: h.household_no, idNumber: r.person_id_number, appliedOn: r.received_on,
      staffRelative: false, cadreRelative: false, note: p.note || `一门受理 ${r.request_no}（待登记立案）`, details,
    });
    // From now on the part follows its case like a case part: due on the case's total time limit, closed by its decision.
    await repo.updatePart(tx, locked, { status: 'opened', case_id: opened.caseId, due_date: opened.finalDueDate, time_limit: null, time_limit_parameter: null });
    await repo.linkRequestHousehold(tx, r.county_code, r.id, h.id, h.village_code);
    await appendAudit(tx, scope, {
      action: 'intake.pending.open', entity: 'intake_part', entityId: String(p.id), areaCode: h.village_code,
      before: { status: p.status, dueDate: p.due_date }, after: { requestNo: r.request_no, status: 'opened', householdNo: h.household_no, caseNo: opened.caseNo, dueDate: opened.finalDueDate },
    });
    return { id: p.id, requestNo: r.request_no, status: 'opened', caseNo: opened.caseNo, householdNo: h.household_no };
  });
}

/** 结束: the part closes without a case (e.g. the person did not come to register), with the reason. */
export async function closePendingCase(db: Database, scope: Scope, requestNo: string, partId: number, input: z.output<typeof closePendingSchema>) {
  allow(scope, 'intake.write');
  const { r, p } = await mustFindPending(db, scope, requestNo, partId);
  const today = todayInChina();
  return write(db, scope, async (tx) => {
    const locked = await repo.lockPart(tx, p.county_code, p.id);
    if (locked.version !== p.version || locked.status !== 'awaiting_registration') throw AppError.conflict('part_changed', '该事项已被他人更新，请刷新后重试');
    await repo.updatePart(tx, locked, { status: 'closed', closed_on: today, result: input.reason });
    await appendAudit(tx, scope, { action: 'intake.pending.close', entity: 'intake_part', entityId: String(p.id), areaCode: r.area_code, before: { status: p.status }, after: { requestNo: r.request_no, status: 'closed', closedOn: today, reason: input.reason } });
    return { id: p.id, requestNo: r.request_no, status: 'closed', caseNo: null, householdNo: null };
  });
}

export type PendingState = { state: 'awaiting_registration' } | { state: 'opened'; caseNo: string } | { state: 'closed'; reason: string };

/** Where the pending part of each request stands (the portal's 我的申请 for a new applicant). */
export async function pendingStates(db: Database, countyCode: string, requestNos: readonly string[]): Promise<Map<string, PendingState>> {
  const rows = await repo.pendingStates(db.kysely, countyCode, requestNos);
  return new Map(rows.map((x): [string, PendingState] => [x.request_no,
    x.case_no ? { state: 'opened', caseNo: x.case_no } : x.status === 'closed' ? { state: 'closed', reason: x.result ?? '' } : { state: 'awaiting_registration' }]));
}
