// What happens to a task: its performance record (done on — not in the future, not before it was assigned —,
// minutes, findings), recorded by the township caseworker of its village or the village assistant it is
// assigned to; the record's confirmation by a staff user who manages the village's tasks and is not the one
// who recorded it; or its cancellation with the reason. Each step once (409 otherwise).
import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { TaskStatus } from '../codes.ts';
import type { cancelSchema, confirmSchema, performSchema } from '../contract/tasks.ts';
import { TASK_STATUS_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { taskById, type TaskRow } from '../repo/tasks.ts';
import type { PurchaseTaskTable } from '../tables.ts';
import { invalid, mayManageTasks, mayPerform, mustSeeVillage, TASK } from './access.ts';
import { taskView } from './tasks.ts';

const statusConflict = (t: TaskRow) => AppError.conflict('purchase_task_status', `服务任务 ${t.id} ${TASK_STATUS_LABELS[t.status]}${t.confirmed_on ? '并已确认' : ''}，不能执行此操作`, { status: t.status });

/** The display name of the calling user (their account's name), for the record. */
async function nameOf(db: Database, scope: Scope): Promise<string> {
  const u = scope.userId === null ? undefined : await db.kysely.selectFrom('users').select('display_name').where('id', '=', scope.userId).executeTakeFirst();
  return u?.display_name ?? scope.userName;
}

async function change(db: Database, scope: Scope, t: TaskRow, from: TaskStatus, set: Updateable<PurchaseTaskTable>, action: string, after: object, unconfirmed = false) {
  await write(db, scope, async (tx) => {
    let q = tx.updateTable('purchase_tasks').set(set).where('county_code', '=', t.county_code).where('id', '=', t.id).where('status', '=', from);
    if (unconfirmed) q = q.where('confirmed_on', 'is', null);
    const res = await q.executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw AppError.conflict('purchase_task_status', `服务任务 ${t.id} 已被他人变更，请刷新后重试`);
    await appendAudit(tx, scope, { action: `purchased_services.task.${action}`, entity: 'purchase_task', entityId: String(t.id), areaCode: t.village_code, before: { status: t.status }, after });
  });
  return taskView((await taskById(db.kysely, t.id))!, scope, todayInChina());
}

const dateErrors = (field: string, on: string, today: string, min: string, minWhat: string): FieldError[] => [
  ...(on > today ? [{ field, message: `日期不能晚于今天 ${today}` }] : []),
  ...(on < min ? [{ field, message: `日期不能早于${minWhat} ${min}` }] : []),
];

export async function performTask(db: Database, scope: Scope, id: number, input: z.output<typeof performSchema>) {
  allow(scope, 'purchased_services.perform');
  const t = mustSeeVillage(scope, await taskById(db.kysely, id), TASK, id);
  if (!mayPerform(scope, t)) throw AppError.forbidden('只能登记分配给本人的服务任务');
  if (t.status !== 'assigned') throw statusConflict(t);
  const errors = dateErrors('doneOn', input.doneOn, todayInChina(), t.assigned_on, '分派日期');
  if (errors.length > 0) throw invalid(errors);
  const by = await nameOf(db, scope);
  return change(db, scope, t, 'assigned', {
    status: 'done', done_on: input.doneOn, minutes: input.minutes, findings: input.findings, performed_by: by, performed_by_user_id: scope.userId,
  }, 'perform', { ...input, performedBy: by });
}

export async function confirmTask(db: Database, scope: Scope, id: number, input: z.output<typeof confirmSchema>) {
  allow(scope, 'purchased_services.manage');
  const t = mustSeeVillage(scope, await taskById(db.kysely, id), TASK, id);
  if (!mayManageTasks(scope, t.village_code)) throw AppError.forbidden('无权确认此服务任务');
  if (t.status !== 'done' || t.confirmed_on !== null) throw statusConflict(t);
  if (scope.userId !== null && t.performed_by_user_id === scope.userId) {
    throw new AppError('purchase_task_self_confirmation', '服务记录须由登记人以外的工作人员确认', 409, { fields: [{ field: 'confirmedOn', message: '您是该服务记录的登记人' }] });
  }
  const errors = dateErrors('confirmedOn', input.confirmedOn, todayInChina(), t.done_on!, '完成日期');
  if (errors.length > 0) throw invalid(errors);
  const by = await nameOf(db, scope);
  return change(db, scope, t, 'done', { confirmed_on: input.confirmedOn, confirmed_by: by, confirmed_by_user_id: scope.userId }, 'confirm', { ...input, confirmedBy: by }, true);
}

export async function cancelTask(db: Database, scope: Scope, id: number, input: z.output<typeof cancelSchema>) {
  allow(scope, 'purchased_services.manage');
  const t = mustSeeVillage(scope, await taskById(db.kysely, id), TASK, id);
  if (!mayManageTasks(scope, t.village_code)) throw AppError.forbidden('无权取消此服务任务');
  if (t.status !== 'assigned') throw statusConflict(t);
  const errors = dateErrors('cancelledOn', input.cancelledOn, todayInChina(), t.assigned_on, '分派日期');
  if (errors.length > 0) throw invalid(errors);
  return change(db, scope, t, 'assigned', { status: 'cancelled', cancelled_on: input.cancelledOn, cancel_reason: input.reason }, 'cancel', input);
}
