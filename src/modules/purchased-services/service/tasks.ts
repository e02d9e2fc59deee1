// Tasks under a contract (入户走访核查, 特困分散供养照料, 留守人员探访, 事务性经办, other): assigned by the township
// caseworker (their township) or the county approver, under an active contract and within its period, in a
// village of the contract's county; the target, when there is one, is a household of the registry or a
// surveyed 留守 person of that village (read through those modules' public surfaces, in the caller's scope);
// the assignee is the provider's worker by name and/or a 社会救助协理员 of the village in post that day.
// Overdue: still assigned after the due date (China's today).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import { mustFindLeftBehindPerson } from '../../left-behind/index.ts';
import { mustFindHousehold } from '../../registry/index.ts';
import type { newTaskSchema, taskQuery } from '../contract/tasks.ts';
import { TASK_KIND_LABELS, TASK_STATUS_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { assistantById } from '../repo/assistants.ts';
import { contractById } from '../repo/contracts.ts';
import { taskById, taskPage, type TaskRow } from '../repo/tasks.ts';
import { collect, CONTRACT, invalid, mayManageTasks, mayPerform, mustSeeCounty, villageOf } from './access.ts';

export function taskView(t: TaskRow, scope: Scope, today: string) {
  return {
    id: t.id, countyCode: t.county_code, contractId: t.contract_id, contractNo: t.contract_no, providerName: t.provider_name,
    kind: t.kind, kindLabel: TASK_KIND_LABELS[t.kind], villageCode: t.village_code, villageName: t.village_name,
    householdNo: t.target_household_no, personId: t.target_person_id, description: t.description, assignedOn: t.assigned_on, dueOn: t.due_on,
    workerName: t.worker_name, assistantId: t.assistant_id, assistantName: t.assistant_name,
    status: t.status, statusLabel: TASK_STATUS_LABELS[t.status], overdue: t.status === 'assigned' && t.due_on < today,
    doneOn: t.done_on, minutes: t.minutes, findings: t.findings, performedBy: t.performed_by,
    confirmed: t.confirmed_on !== null, confirmedOn: t.confirmed_on, confirmedBy: t.confirmed_by, cancelledOn: t.cancelled_on, cancelReason: t.cancel_reason,
    mayPerform: t.status === 'assigned' && mayPerform(scope, t),
    mayConfirm: t.status === 'done' && t.confirmed_on === null && mayManageTasks(scope, t.village_code) && t.performed_by_user_id !== scope.userId,
    mayCancel: t.status === 'assigned' && mayManageTasks(scope, t.village_code),
  };
}

/** A lookup in another module that answers 404 (missing or out of scope) becomes a 400 on the request's field. */
async function asField<T>(errors: FieldError[], field: string, message: string, p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && (e.status === 404 || e.status === 400)) { errors.push({ field, message }); return undefined; }
    throw e;
  }
}

export async function createTask(db: Database, scope: Scope, input: z.output<typeof newTaskSchema>) {
  allow(scope, 'purchased_services.manage');
  const today = todayInChina();
  const c = mustSeeCounty(scope, await contractById(db.kysely, input.contractId, today), CONTRACT, input.contractId);
  if (c.status !== 'active') throw AppError.conflict('purchase_contract_status', `合同 ${c.contract_no} 已不在履行中，不能再分派任务`, { status: c.status });
  const errors: FieldError[] = [];
  const village = await collect(errors, villageOf(db, scope, 'villageCode', input.villageCode, c.county_code));
  if (village && !mayManageTasks(scope, village.code)) throw AppError.forbidden('无权为该村（社区）分派任务');
  if (input.assignedOn > today) errors.push({ field: 'assignedOn', message: `分派日期不能晚于今天 ${today}` });
  if (input.assignedOn < c.period_from || input.assignedOn > c.period_to) errors.push({ field: 'assignedOn', message: `分派日期应在合同服务期限 ${c.period_from} 至 ${c.period_to} 内` });
  if (input.dueOn < input.assignedOn) errors.push({ field: 'dueOn', message: '完成期限不能早于分派日期' });
  else if (input.dueOn > c.period_to) errors.push({ field: 'dueOn', message: `完成期限不能晚于合同服务期限 ${c.period_to}` });
  if (input.householdNo !== undefined && input.personId !== undefined) errors.push({ field: 'personId', message: '服务对象为一户家庭或一名留守人员' });
  if (input.householdNo !== undefined) {
    const h = await asField(errors, 'householdNo', `家庭 ${input.householdNo} 不存在`, mustFindHousehold(db, scope, input.householdNo));
    if (h && h.village_code !== input.villageCode) errors.push({ field: 'householdNo', message: '该家庭不在任务所在的村（社区）' });
  }
  if (input.personId !== undefined) {
    const p = await asField(errors, 'personId', `留守人员 ${input.personId} 不存在`, mustFindLeftBehindPerson(db, scope, input.personId));
    if (p && p.village_code !== input.villageCode) errors.push({ field: 'personId', message: '该留守人员不在任务所在的村（社区）' });
  }
  if (input.workerName === undefined && input.assistantId === undefined) errors.push({ field: 'workerName', message: '请填写承接机构工作人员或选择社会救助协理员' });
  if (input.assistantId !== undefined) {
    const a = await assistantById(db.kysely, input.assistantId);
    if (!a || a.village_code !== input.villageCode) errors.push({ field: 'assistantId', message: '该村（社区）没有此社会救助协理员' });
    else if (a.employed_from > input.assignedOn || (a.employed_to !== null && a.employed_to < input.assignedOn)) errors.push({ field: 'assistantId', message: `${a.name} 在分派日期不在岗` });
  }
  if (errors.length > 0) throw invalid(errors);
  const id = await write(db, scope, async (tx) => {
    const row = await tx.insertInto('purchase_tasks').values({
      county_code: c.county_code, contract_id: c.id, kind: input.kind, village_code: input.villageCode, target_household_no: input.householdNo ?? null,
      target_person_id: input.personId ?? null, description: input.description ?? null, assigned_on: input.assignedOn, due_on: input.dueOn,
      worker_name: input.workerName ?? null, assistant_id: input.assistantId ?? null, recorded_by: scope.userName,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(tx, scope, { action: 'purchased_services.task.assign', entity: 'purchase_task', entityId: String(row.id), areaCode: input.villageCode, after: { ...input, contractNo: c.contract_no } });
    return Number(row.id);
  });
  return taskView((await taskById(db.kysely, id))!, scope, today);
}

export async function listTasks(db: Database, scope: Scope, q: z.output<typeof taskQuery>) {
  allow(scope, 'purchased_services.read');
  const today = todayInChina();
  const rows = await taskPage(db.kysely, inScope(scope, 't.village_code'), {
    county: q.county, area: q.area === undefined ? undefined : inArea(q.area, 't.village_code'), contract: q.contract, kind: q.kind, status: q.status,
    overdue: q.overdue, today, mineUserId: q.mine === true ? scope.userId : undefined, after: q.after, limit: q.limit,
  });
  const last = rows.at(-1);
  return { items: rows.map((r) => taskView(r, scope, today)), next: rows.length === q.limit && last ? last.id : null };
}
