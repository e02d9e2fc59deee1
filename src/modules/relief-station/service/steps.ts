// A record's steps while the person is in the station's care: entry (入站) with the first services, further
// services, 寻亲 steps, and the approval of a stay beyond the limit (延长救助, or a referral under way).
// Each step is audited; a record that moved meanwhile answers 409 (its version).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { Status } from '../codes.ts';
import type { entrySchema, longStaySchema, searchSchema, serviceSchema } from '../contract/steps.ts';
import { STATUS_LABELS } from '../labels.ts';
import { moveRecord, type RecordRow, type RecordSet } from '../repo/records.ts';
import { insertSearch, insertServices } from '../repo/steps.ts';
import { mustManageRecord } from './access.ts';

export const wrongStatus = (r: Pick<RecordRow, 'record_no' | 'status'>, action: string) =>
  AppError.conflict('relief_station_status', `救助记录 ${r.record_no} 当前为「${STATUS_LABELS[r.status]}」，不能${action}`, { recordNo: r.record_no, status: r.status });

/** A date of a step: not in the future, not before `earliest` (named in the message). */
export function checkDate(field: string, date: string, earliest: string, what: string): void {
  const today = todayInChina();
  if (date > today) throw AppError.field(field, `日期不能晚于今天 ${today}`);
  if (date < earliest) throw AppError.field(field, `日期不能早于${what} ${earliest}`);
}

const audit = (action: string, r: RecordRow, after: unknown) => ({ action: `relief_station.${action}`, entity: 'relief_station_record', entityId: r.record_no, areaCode: r.county_code, before: { status: r.status, version: r.version }, after });

/** Moves the record inside `tx` or answers 409. */
export async function move(tx: Parameters<typeof moveRecord>[0], r: RecordRow, from: readonly Status[], set: RecordSet, action: string): Promise<void> {
  if (!(await moveRecord(tx, r, from, set))) throw wrongStatus(r, action);
}

export async function enterStation(db: Database, scope: Scope, recordNo: string, input: z.output<typeof entrySchema>): Promise<void> {
  const r = await mustManageRecord(db, scope, recordNo);
  if (r.status !== 'screened') throw wrongStatus(r, '入站');
  checkDate('enteredOn', input.enteredOn, r.decided_on, '处置日期');
  const services = [...new Set(input.services)];
  await write(db, scope, async (tx) => {
    await move(tx, r, ['screened'], { status: 'in_station', entered_on: input.enteredOn }, '入站');
    await insertServices(tx, r, services.map((service) => ({ service, providedOn: input.enteredOn, note: '' })), scope.userName);
    await appendAudit(tx, scope, audit('record.enter', r, { enteredOn: input.enteredOn, services }));
  });
}

export async function addService(db: Database, scope: Scope, recordNo: string, input: z.output<typeof serviceSchema>): Promise<void> {
  const r = await mustManageRecord(db, scope, recordNo);
  if (r.status !== 'in_station' || !r.entered_on) throw wrongStatus(r, '登记站内服务');
  checkDate('providedOn', input.providedOn, r.entered_on, '入站日期');
  await write(db, scope, async (tx) => {
    await move(tx, r, ['in_station'], {}, '登记站内服务');
    await insertServices(tx, r, [input], scope.userName);
    await appendAudit(tx, scope, audit('record.service', r, input));
  });
}

export async function addSearch(db: Database, scope: Scope, recordNo: string, input: z.output<typeof searchSchema>): Promise<void> {
  const r = await mustManageRecord(db, scope, recordNo);
  if (r.status !== 'screened' && r.status !== 'in_station') throw wrongStatus(r, '登记寻亲');
  checkDate('searchedOn', input.searchedOn, r.met_on, '发现日期');
  await write(db, scope, async (tx) => {
    await move(tx, r, ['screened', 'in_station'], {}, '登记寻亲');
    await insertSearch(tx, r, input, scope.userName);
    await appendAudit(tx, scope, audit('record.family_search', r, input));
  });
}

export async function approveLongStay(db: Database, scope: Scope, recordNo: string, input: z.output<typeof longStaySchema>): Promise<void> {
  const r = await mustManageRecord(db, scope, recordNo);
  if (r.status !== 'in_station' || !r.entered_on) throw wrongStatus(r, '登记延长救助');
  checkDate('on', input.on, r.entered_on, '入站日期');
  await write(db, scope, async (tx) => {
    await move(tx, r, ['in_station'], { long_stay_kind: input.kind, long_stay_reason: input.reason, long_stay_on: input.on }, '登记延长救助');
    await appendAudit(tx, scope, audit('record.long_stay', r, input));
  });
}
