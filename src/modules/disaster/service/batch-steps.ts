// The steps of a batch before its decision: the county's spot check (a sample of at least the ratio,
// drawn once from a stored seed so anyone can draw it again; every sampled household checked, confirmed or
// removed), the public notice for the kinds published before payment, households left out after an
// objection, approval, and void. Each step is audited and checks the batch's state in the same transaction.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { addDays, ruleSetFor } from '../../../policy/index.ts';
import { caseParameters, sampleSize } from '../../cases/index.ts';
import { BATCH_STATUS_LABELS } from '../batch-labels.ts';
import type { approveSchema, checkSchema, excludeSchema, noticeSchema, sampleSchema, voidSchema } from '../contract/batches.ts';
import { allow } from '../permissions.ts';
import * as repo from '../repo/batches.ts';
import type { BatchStatus } from '../tables.ts';
import { batchDetail, needsNotice } from './batches.ts';

/** The batch, locked, if the caller's county owns it and it is in one of `states`. */
async function lockBatch(tx: Kysely<DB>, scope: Scope, batchNo: string, states: readonly BatchStatus[]) {
  allow(scope, 'disaster.batch');
  const b = await repo.findBatch(tx, scope, batchNo, true);
  if (!b || !covers(scope, b.county_code) || scope.areaLevel !== 'county') throw AppError.notFound('救助批次', batchNo);
  if (!states.includes(b.status)) {
    throw AppError.conflict('batch_state', `救助批次 ${batchNo} 当前为「${BATCH_STATUS_LABELS[b.status]}」，不能进行此操作`, { status: b.status });
  }
  return b;
}

/** The household's row in the batch (in the caller's scope), or a 400 naming `householdNo`. */
async function mustFindMember(tx: Kysely<DB>, scope: Scope, b: repo.BatchRow, householdNo: string) {
  const m = await repo.findMember(tx, scope, b, householdNo);
  if (!m) throw AppError.field('householdNo', `户 ${householdNo} 不在本批次中`);
  return m;
}

function stepDate(given: string | undefined, after: string, field = 'date'): string {
  const today = todayInChina();
  const date = given ?? today;
  if (date > today) throw AppError.field(field, `日期不能晚于今天 ${today}`);
  if (date < after) throw AppError.field(field, `日期不能早于 ${after}`);
  return date;
}

export async function drawSample(db: Database, scope: Scope, batchNo: string, input: z.output<typeof sampleSchema>) {
  const params = await caseParameters(db);
  await write(db, scope, async (tx) => {
    const b = await lockBatch(tx, scope, batchNo, ['draft']);
    if (b.sampled_on !== null) throw AppError.conflict('sample_drawn', `批次 ${batchNo} 已于 ${b.sampled_on} 抽样（种子 ${b.seed}），不能重抽`);
    const date = stepDate(input.date, b.created_on);
    const ratio = Number(params.get('procedure.disaster.spot_check_ratio', b.county_code, date, ruleSetFor(date, params)).value);
    const seed = input.seed ?? crypto.randomBytes(8).toString('hex');
    const size = sampleSize(b.households, ratio);
    const marked = await repo.markSample(tx, b, seed, size);
    await tx.updateTable('disaster_batches').set({ ratio, seed, sampled_on: date }).where('county_code', '=', b.county_code).where('id', '=', b.id).execute();
    await appendAudit(tx, scope, { action: 'disaster.batch.sample', entity: 'disaster_batch', entityId: batchNo, areaCode: b.county_code, after: { ratio, seed, size: marked, of: b.households, date } });
  });
  return batchDetail(db, scope, batchNo);
}

export async function recordCheck(db: Database, scope: Scope, batchNo: string, input: z.output<typeof checkSchema>) {
  await write(db, scope, async (tx) => {
    const b = await lockBatch(tx, scope, batchNo, ['draft', 'notice']);
    const m = await mustFindMember(tx, scope, b, input.householdNo);
    if (!m.sampled) throw AppError.field('householdNo', `户 ${input.householdNo} 未被抽中，无需抽查`);
    if (m.check_result !== null) throw AppError.conflict('already_checked', `户 ${input.householdNo} 已记录抽查结果`);
    const date = stepDate(input.date, b.sampled_on ?? b.created_on);
    const removed = input.result === 'removed';
    await tx.updateTable('disaster_batch_members').set({
      check_result: input.result, checked_by: scope.userName, checked_on: date,
      ...(removed ? { excluded: true, exclude_reason: `抽查不符合条件：${input.reason}` } : {}),
    }).where('county_code', '=', b.county_code).where('batch_id', '=', b.id).where('ordinal', '=', m.ordinal).execute();
    if (removed) await repo.refreshTotals(tx, b.county_code, b.id);
    await appendAudit(tx, scope, { action: 'disaster.batch.check', entity: 'disaster_batch', entityId: batchNo, areaCode: b.county_code, after: { householdNo: input.householdNo, result: input.result, reason: input.reason, date } });
  });
  return batchDetail(db, scope, batchNo);
}

/**
 * 抽查全部属实: every sampled household not yet checked recorded as confirmed on one date, in one statement
 * and one audit entry — for a county that visited its sample and found every household as listed (the
 * loaders of large batches; one household at a time is `recordCheck`).
 */
export async function confirmSample(db: Database, scope: Scope, batchNo: string, input: z.output<typeof approveSchema>) {
  await write(db, scope, async (tx) => {
    const b = await lockBatch(tx, scope, batchNo, ['draft', 'notice']);
    if (b.sampled_on === null) throw AppError.conflict('sample_missing', `批次 ${batchNo} 尚未抽样，须先按比例入户抽查`);
    const date = stepDate(input.date, b.sampled_on);
    const r = await tx.updateTable('disaster_batch_members').set({ check_result: 'confirmed', checked_by: scope.userName, checked_on: date })
      .where('county_code', '=', b.county_code).where('batch_id', '=', b.id).where('sampled', '=', true).where('check_result', 'is', null).executeTakeFirst();
    await appendAudit(tx, scope, { action: 'disaster.batch.check', entity: 'disaster_batch', entityId: batchNo, areaCode: b.county_code, after: { result: 'confirmed', households: Number(r.numUpdatedRows), date } });
  });
  return batchDetail(db, scope, batchNo);
}

async function requireChecked(tx: Kysely<DB>, b: repo.BatchRow) {
  if (b.sampled_on === null) throw AppError.conflict('sample_missing', `批次 ${b.batch_no} 尚未抽样，须先按比例入户抽查`);
  const p = await repo.sampleProgress(tx, b);
  if (p.checked < p.sampled) throw AppError.conflict('checks_missing', `批次 ${b.batch_no} 抽中的 ${p.sampled} 户中还有 ${p.sampled - p.checked} 户未记录抽查结果`);
}

export async function startNotice(db: Database, scope: Scope, batchNo: string, input: z.output<typeof noticeSchema>) {
  const params = await caseParameters(db);
  await write(db, scope, async (tx) => {
    const b = await lockBatch(tx, scope, batchNo, ['draft']);
    if (!(await needsNotice(db, b))) throw AppError.conflict('no_notice', '该类救助先救助后公示，审批前无需公示');
    await requireChecked(tx, b);
    const from = stepDate(input.from, b.sampled_on ?? b.created_on, 'from');
    const days = Number(params.get('procedure.disaster.notice_days', b.county_code, from, ruleSetFor(from, params)).value);
    const to = addDays(from, days - 1);
    await tx.updateTable('disaster_batches').set({ status: 'notice', notice_from: from, notice_to: to }).where('county_code', '=', b.county_code).where('id', '=', b.id).execute();
    await appendAudit(tx, scope, { action: 'disaster.batch.notice', entity: 'disaster_batch', entityId: batchNo, areaCode: b.county_code, after: { from, to, days } });
  });
  return batchDetail(db, scope, batchNo);
}

export async function excludeMember(db: Database, scope: Scope, batchNo: string, input: z.output<typeof excludeSchema>) {
  await write(db, scope, async (tx) => {
    const b = await lockBatch(tx, scope, batchNo, ['draft', 'notice']);
    const m = await mustFindMember(tx, scope, b, input.householdNo);
    if (m.excluded) throw AppError.conflict('already_excluded', `户 ${input.householdNo} 已剔除`);
    await tx.updateTable('disaster_batch_members').set({ excluded: true, exclude_reason: input.reason })
      .where('county_code', '=', b.county_code).where('batch_id', '=', b.id).where('ordinal', '=', m.ordinal).execute();
    const totals = await repo.refreshTotals(tx, b.county_code, b.id);
    await appendAudit(tx, scope, { action: 'disaster.batch.exclude', entity: 'disaster_batch', entityId: batchNo, areaCode: b.county_code, after: { householdNo: input.householdNo, reason: input.reason, ...totals } });
  });
  return batchDetail(db, scope, batchNo);
}

export async function approveBatch(db: Database, scope: Scope, batchNo: string, input: z.output<typeof approveSchema>) {
  await write(db, scope, async (tx) => {
    const b = await lockBatch(tx, scope, batchNo, ['draft', 'notice']);
    await requireChecked(tx, b);
    const notice = await needsNotice(db, b);
    if (notice && b.status !== 'notice') throw AppError.conflict('notice_missing', '该类救助须先公示名单，公示期满后审批');
    const date = stepDate(input.date, b.sampled_on ?? b.created_on);
    if (notice && b.notice_to !== null && date <= b.notice_to) throw AppError.field('date', `公示期至 ${b.notice_to}，期满后方可审批`);
    if (b.households === 0) throw AppError.conflict('empty_batch', '批次中已没有待救助的家庭');
    await tx.updateTable('disaster_batches').set({ status: 'approved', approved_on: date, approved_by: scope.userName }).where('county_code', '=', b.county_code).where('id', '=', b.id).execute();
    await appendAudit(tx, scope, { action: 'disaster.batch.approve', entity: 'disaster_batch', entityId: batchNo, areaCode: b.county_code, after: { date, households: b.households, persons: b.persons, amountFen: b.amount_fen } });
  });
  return batchDetail(db, scope, batchNo);
}

export async function voidBatch(db: Database, scope: Scope, batchNo: string, input: z.output<typeof voidSchema>) {
  await write(db, scope, async (tx) => {
    const b = await lockBatch(tx, scope, batchNo, ['draft', 'notice', 'approved']);
    if (b.decided_through > 0) throw AppError.conflict('batch_state', `批次 ${batchNo} 已开始决定，不能作废`);
    await sql`update disaster_batches set status = 'void', void_reason = ${input.reason} where county_code = ${b.county_code} and id = ${b.id}`.execute(tx);
    await appendAudit(tx, scope, { action: 'disaster.batch.void', entity: 'disaster_batch', entityId: batchNo, areaCode: b.county_code, before: { status: b.status }, after: { reason: input.reason } });
  });
  return batchDetail(db, scope, batchNo);
}
