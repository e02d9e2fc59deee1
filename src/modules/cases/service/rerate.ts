// Bulk re-rating (批量调标): when a standard, top-up rate or support standard changes, the county approver
// drafts a batch for a programme and an effective month — every current recipient of the county (the
// case's last entitlement, in force in that month, open-ended and paying) with the amount the SQL twin
// of the programme's benefit gives on the parameters in force on the first day of the month, and the
// worksheet behind it — reviews the list and approves it as one (another user than the drafter) or
// discards it. The list is the record: no spot check, and no decision per case. Approval writes, set-based
// in one transaction, an entitlement from the month that names its item for every case whose amount goes
// up or down, and one audit entry with the counts; each such case shows the item as its `change` decision,
// a step of its timeline and its decision notice (repo/rerate-record.ts).
// Unchanged amounts are listed (outcome `unchanged`) and left alone; cases the formula cannot re-rate
// (低保: not eligible on the registry facts any more; 特困: no form of support or self-care assessment)
// are listed as `review` and left alone — they need a review (复核) case by case.
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { bulkWrite } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, inScope, requireAreaField, type Scope } from '../../../kernel/scope.ts';
import { nextSerialNo } from '../../../kernel/serials.ts';
import { countyCode, decimalInt, isoDate, month } from '../../../kernel/types.ts';
import { periodDate, ruleSetFor } from '../../../policy/index.ts';
import { programmeOf } from '../../../programmes/registry.ts';
import { allow } from '../permissions.ts';
import * as repo from '../repo/rerate.ts';
import { caseParameters } from './parameters.ts';
import { dibaoRerateParameters, hardshipRerateParameters } from './rerate-parameters.ts';

export const RERATE_PROGRAMMES = ['dibao', 'hardship'] as const;
export type RerateProgramme = (typeof RERATE_PROGRAMMES)[number];

export const newRerateSchema = z.strictObject({
  programme: z.enum(RERATE_PROGRAMMES, { message: '批量调标仅适用于低保和特困供养' }),
  effectiveMonth: month,
  reason: z.string().trim().min(2, '调标原因至少2个字').max(500).default('保障标准调整'),
  /** The county (default: the caller's own county). */
  county: countyCode.optional(),
});
export const rerateBatchNo = z.string().regex(/^TB\d{16}$/, '调标批次编号格式应为 TB + 16 位数字');
export const itemsQuery = z.strictObject({
  outcome: z.enum(['up', 'down', 'unchanged', 'review']).optional(),
  offset: decimalInt(0).default(0),
  limit: decimalInt(1, 500).default(50),
});
export const decideRerateSchema = z.strictObject({ date: isoDate.optional() });

export interface RerateOptions {
  onProgress?: (stage: string) => void;
}

const OPEN = (b: repo.RerateBatchRow) => `${b.batch_no}（${b.effective_month}）`;

function countyOf(scope: Scope, county: string | undefined): string {
  const c = county ?? (scope.areaLevel === 'county' ? scope.areaCode : undefined);
  if (c === undefined) throw AppError.field('county', '请指定县（市、区）');
  requireAreaField(scope, 'county', c);
  return c;
}

async function mustFind(db: Database, scope: Scope, batchNo: string, lock = false) {
  const b = await repo.findBatch(db.kysely, batchNo, lock);
  if (!b || !covers(scope, b.county_code)) throw AppError.notFound('调标批次', batchNo);
  return b;
}

/** Draft: the batch and its items, one transaction; a second open draft for the county, programme and month is refused. */
export async function draftRerate(db: Database, scope: Scope, input: z.output<typeof newRerateSchema>, opts: RerateOptions = {}) {
  allow(scope, 'cases.rerate');
  const county = countyOf(scope, input.county);
  const date = periodDate(input.effectiveMonth);
  const open = await sql<repo.RerateBatchRow>`select * from rerate_batches where county_code = ${county} and programme = ${input.programme}
    and effective_month = ${input.effectiveMonth} and status = 'draft'`.execute(db.kysely);
  if (open.rows[0]) throw AppError.conflict('rerate_open', `该县${programmeOf(input.programme).labels['zh-CN'].name}${input.effectiveMonth}已有待审批的调标批次 ${OPEN(open.rows[0])}，请先审批或作废`);
  opts.onProgress?.('parameters');
  const ruleSet = ruleSetFor(date, await caseParameters(db));
  const dibao = input.programme === 'dibao' ? await dibaoRerateParameters(db, county, date) : null;
  const hardship = input.programme === 'hardship' ? await hardshipRerateParameters(db, county, date) : null;
  const documents = dibao?.documents ?? hardship?.documents ?? [];
  return bulkWrite(db, scope, async (tx) => {
    const batchNo = await nextSerialNo(tx, 'TB', county, todayInChina().slice(0, 4));
    const { rows: [row] } = await sql<{ id: string }>`
      insert into rerate_batches (county_code, batch_no, programme, effective_month, reason, parameters, drafted_by, drafted_by_name)
      values (${county}, ${batchNo}, ${input.programme}, ${input.effectiveMonth}, ${input.reason},
        cast(${JSON.stringify({ date, ruleSet, documents })} as jsonb), ${scope.userId}, ${scope.userName})
      on conflict do nothing
      returning id`.execute(tx);
    if (!row) throw AppError.conflict('rerate_open', `该县${input.effectiveMonth}已有待审批的调标批次，请先审批或作废`);
    const id = Number(row.id);
    opts.onProgress?.('items');
    if (dibao) await repo.insertDibaoItems(tx, county, id, input.effectiveMonth, dibao.twin);
    if (hardship) await repo.insertHardshipItems(tx, county, id, input.effectiveMonth, hardship.villages);
    await repo.totalBatch(tx, county, id);
    const b = await repo.findBatch(tx, batchNo);
    if (!b) throw new Error(`batch ${batchNo} vanished`);
    if (b.items === 0) throw AppError.conflict('rerate_empty', `该县${input.effectiveMonth}没有在保的${programmeOf(input.programme).labels['zh-CN'].name}对象，无需调标`);
    await appendAudit(tx, scope, {
      action: 'cases.rerate.draft', entity: 'rerate_batch', entityId: batchNo, areaCode: county,
      after: { programme: b.programme, effectiveMonth: b.effective_month, items: b.items, up: b.up, down: b.down, unchanged: b.unchanged, review: b.review, oldTotalFen: b.old_total_fen, newTotalFen: b.new_total_fen },
    });
    return summary(b);
  });
}

/** Approve: the changed cases' entitlements from the month, set-based, one transaction. */
export async function approveRerate(db: Database, scope: Scope, batchNo: string, input: z.output<typeof decideRerateSchema>, opts: RerateOptions = {}) {
  allow(scope, 'cases.rerate');
  await mustFind(db, scope, batchNo);
  return bulkWrite(db, scope, async (tx) => {
    const b = await repo.findBatch(tx, batchNo, true);
    if (!b || !covers(scope, b.county_code)) throw AppError.notFound('调标批次', batchNo);
    if (b.status !== 'draft') throw AppError.conflict('rerate_state', `调标批次 ${batchNo} 已${b.status === 'approved' ? '审批' : '作废'}`);
    if (scope.userId !== null && b.drafted_by === scope.userId) throw AppError.conflict('rerate_own_draft', '调标批次须由编制人以外的审批人审批');
    const decidedOn = input.date ?? todayInChina();
    opts.onProgress?.('decisions');
    const { changed, stale } = await repo.applyItems(tx, { county: b.county_code, batchId: b.id, month: b.effective_month });
    await sql`update rerate_batches set status = 'approved', decided_by = ${scope.userId}, decided_by_name = ${scope.userName}, decided_at = now(), decided_on = ${decidedOn}::date
      where county_code = ${b.county_code} and id = ${b.id}`.execute(tx);
    await appendAudit(tx, scope, {
      action: 'cases.rerate.approve', entity: 'rerate_batch', entityId: batchNo, areaCode: b.county_code,
      before: { status: 'draft' },
      after: { status: 'approved', decidedOn, effectiveMonth: b.effective_month, changed, stale, unchanged: b.unchanged, review: b.review, oldTotalFen: b.old_total_fen, newTotalFen: b.new_total_fen },
    });
    const after = await repo.findBatch(tx, batchNo);
    return { ...summary(after ?? b), changed, stale };
  });
}

export async function discardRerate(db: Database, scope: Scope, batchNo: string) {
  allow(scope, 'cases.rerate');
  await mustFind(db, scope, batchNo);
  return bulkWrite(db, scope, async (tx) => {
    const b = await repo.findBatch(tx, batchNo, true);
    if (!b || !covers(scope, b.county_code)) throw AppError.notFound('调标批次', batchNo);
    if (b.status !== 'draft') throw AppError.conflict('rerate_state', `调标批次 ${batchNo} 已${b.status === 'approved' ? '审批' : '作废'}`);
    await sql`update rerate_batches set status = 'discarded', decided_by = ${scope.userId}, decided_by_name = ${scope.userName}, decided_at = now()
      where county_code = ${b.county_code} and id = ${b.id}`.execute(tx);
    await appendAudit(tx, scope, { action: 'cases.rerate.discard', entity: 'rerate_batch', entityId: batchNo, areaCode: b.county_code, before: { status: 'draft' }, after: { status: 'discarded' } });
    const after = await repo.findBatch(tx, batchNo);
    return summary(after ?? b);
  });
}

const STATUS_LABELS = { draft: '待审批', approved: '已审批', discarded: '已作废' } as const;

type Document = { name: string; area: string; effective: string; value: unknown; unit: string; reference: string };

function summary(b: repo.RerateBatchRow) {
  return {
    batchNo: b.batch_no,
    county: b.county_code,
    programme: b.programme,
    programmeLabel: programmeOf(b.programme).labels['zh-CN'].name,
    effectiveMonth: b.effective_month,
    reason: b.reason,
    status: b.status,
    statusLabel: STATUS_LABELS[b.status],
    counts: { items: b.items, up: b.up, down: b.down, unchanged: b.unchanged, review: b.review },
    totals: { oldFen: b.old_total_fen, newFen: b.new_total_fen, differenceFen: b.new_total_fen - b.old_total_fen },
    draftedBy: b.drafted_by_name,
    draftedAt: new Date(b.drafted_at).toISOString(),
    decidedBy: b.decided_by_name,
    decidedAt: b.decided_at ? new Date(b.decided_at).toISOString() : null,
    decidedOn: b.decided_on ? String(b.decided_on).slice(0, 10) : null,
  };
}

/** The batch with its documents (parameter described in Chinese, area name) and one page of items. */
export async function getRerate(db: Database, scope: Scope, batchNo: string, query: z.output<typeof itemsQuery>) {
  allow(scope, 'cases.read');
  const b = await mustFind(db, scope, batchNo);
  const docs = (b.parameters.documents as Document[]);
  const names = [...new Set(docs.map((d) => d.name))];
  const areas = [...new Set(docs.map((d) => d.area))];
  const [descriptions, areaNames, page] = await Promise.all([
    names.length ? db.kysely.selectFrom('policy_parameters').select(['name', 'description']).where('name', 'in', names).execute() : [],
    areas.length ? db.kysely.selectFrom('areas').select(['code', 'name']).where('code', 'in', areas).execute() : [],
    repo.listItems(db.kysely, b.county_code, b.id, query),
  ]);
  const described = new Map(descriptions.map((r) => [r.name, r.description]));
  const areaName = new Map(areaNames.map((r) => [r.code, r.name]));
  return {
    ...summary(b),
    documents: docs.map((d) => ({
      parameter: described.get(d.name) ?? d.name,
      area: areaName.get(d.area) ?? (d.area === 'CN' ? '全国' : d.area),
      effective: d.effective,
      value: displayValue(d.value, d.unit),
      reference: d.reference,
    })),
    items: page.rows.map((r) => ({
      caseNo: r.case_no,
      name: r.applicant_name,
      village: r.village_name ?? '',
      householdNo: r.household_no,
      persons: r.persons,
      oldAmountFen: r.old_amount_fen,
      newAmountFen: r.new_amount_fen,
      differenceFen: r.new_amount_fen === null ? null : r.new_amount_fen - r.old_amount_fen,
      outcome: r.outcome,
      worksheet: r.worksheet,
    })),
    page: { offset: query.offset, limit: query.limit, total: page.total },
  };
}

function displayValue(value: unknown, unit: string): string {
  if (typeof value === 'number' && unit.startsWith('fen')) return `${(value / 100).toFixed(2)} 元${unit.endsWith('year') ? '/年' : unit.includes('month') ? '/月' : ''}`;
  if (typeof value === 'number' && unit === 'ratio') return `${Math.round(value * 1000) / 10}%`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return `${value.length} 项`;
  return String(value);
}

export async function listRerates(db: Database, scope: Scope, limit: number) {
  allow(scope, 'cases.read');
  const rows = await repo.listBatches(db.kysely, sql<SqlBool>`${inScope(scope, 'county_code')}`, limit);
  return { items: rows.map(summary) };
}
