// County batches (县级审核批次): a county approver groups the cases awaiting county review, then
// draws the spot-check sample once, from a stored seed, so anyone can draw it again and check it.
import crypto from 'node:crypto';
import { z } from 'zod';
import { isoDate } from '../../../kernel/types.ts';
import type { Database } from '../../../db/engine.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { ruleSetFor, type RuleSet } from '../../../policy/index.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { CASE_NO_MESSAGE, CASE_NO_PATTERN, isProgramme, workflowOf } from '../../../programmes/registry.ts';
import { drawSample, sampleSize } from '../domain/spot-check.ts';
import * as batches from '../repo/batches.ts';
import * as repo from '../repo/cases.ts';
import { lookup } from '../../../workflow/deadlines.ts';
import { caseParameters } from './parameters.ts';
import { todayInChina } from '../../../kernel/clock.ts';

const FLAGS = ['staff_relative', 'cadre_relative', 'complaint'];

export const newBatchSchema = z.strictObject({
  programme: z.string().refine(isProgramme, '未知的救助项目'),
  /** Cases to group; default: every case of the programme awaiting county review in the caller's county and not yet in a batch. */
  caseNos: z.array(z.string().regex(CASE_NO_PATTERN, CASE_NO_MESSAGE)).max(2000).optional(),
  date: isoDate.optional(),
});

export const sampleSchema = z.strictObject({ seed: z.string().min(1).max(100).optional(), date: isoDate.optional() });
export const candidatesQuery = z.strictObject({ programme: z.string().max(40).refine(isProgramme, '未知的救助项目') });
export const samplePreviewQuery = z.strictObject({ date: isoDate.optional() });

/** The programme's cases awaiting county review in the caller's county and not yet in a batch. */
function unbatched(db: Database, scope: Scope, programme: string, today: string) {
  const awaiting = (ruleSet: RuleSet) => ({ programme, ruleSet, state: 'county_review', reviewDue: false });
  return repo.listCases(db.kysely, scope, { today, programme, unbatched: true, limit: 5000, states: [awaiting('cn-2012'), awaiting('cn-2021')] });
}

/** What 编组 would group now: the count of the programme's cases awaiting county review and not in a batch. */
export async function batchCandidates(db: Database, scope: Scope, q: z.output<typeof candidatesQuery>) {
  allow(scope, 'cases.batch');
  countyOfScope(scope);
  const free = await unbatched(db, scope, q.programme, todayInChina());
  return { programme: q.programme, count: free.length };
}

function countyOfScope(scope: Scope): string {
  if (scope.areaLevel !== 'county') throw AppError.forbidden('县级审核批次由县级民政部门编组');
  return scope.areaCode;
}

export async function createBatch(db: Database, scope: Scope, input: z.output<typeof newBatchSchema>) {
  allow(scope, 'cases.batch');
  const county = countyOfScope(scope);
  const today = todayInChina();
  const date = input.date ?? today;
  if (date > today) throw AppError.field('date', '编组日期不能晚于今天');
  const free = await unbatched(db, scope, input.programme, today);
  let chosen = free;
  if (input.caseNos) {
    const byNo = new Map(free.map((c) => [c.case_no, c]));
    const missing = input.caseNos.filter((n) => !byNo.has(n));
    if (missing.length > 0) throw AppError.conflict('case_not_batchable', `以下案件不在县级审核阶段、不在您的辖区或已编入批次：${missing.join('、')}`, { caseNos: missing });
    chosen = input.caseNos.map((n) => byNo.get(n) as (typeof free)[number]);
  }
  if (chosen.length === 0) throw AppError.conflict('empty_batch', '没有待县级审核且未编组的案件');
  return write(db, scope, async (tx) => {
    const batchNo = await batches.nextBatchNo(tx, county, date.slice(0, 4));
    const id = await batches.insertBatch(tx, { countyCode: county, batchNo, programme: input.programme, createdOn: date, createdBy: scope.userName });
    await batches.addMembers(tx, county, id, chosen.map((c) => ({ id: c.id, flagged: c.flags.some((f) => FLAGS.includes(f)) })));
    await appendAudit(tx, scope, { action: 'case.batch', entity: 'case_batch', entityId: batchNo, areaCode: county, after: { programme: input.programme, caseNos: chosen.map((c) => c.case_no) } });
    return { batchNo, size: chosen.length };
  });
}

async function mustFindBatch(db: Database, scope: Scope, batchNo: string) {
  if (!/^PC\d{16}$/.test(batchNo)) throw AppError.field('batchNo', '批次编号格式应为 PC + 16 位数字');
  const b = await batches.findBatch(db.kysely, scope, batchNo);
  if (!b) throw AppError.notFound('批次', batchNo);
  return b;
}

/** The spot-check ratio of the batch's programme on `date` (its parameter, at the batch's county). */
async function sampleRatio(db: Database, b: { programme: string; county_code: string }, date: string): Promise<number> {
  const params = await caseParameters(db);
  const ruleSet = ruleSetFor(date, params);
  const parameter = workflowOf(b.programme, ruleSet).spotCheckParameter;
  if (!parameter) throw AppError.conflict('no_spot_check', '该救助项目不按县级批次抽查');
  const ratio = lookup(params, parameter, b.county_code, date, ruleSet);
  if (ratio === null) throw AppError.conflict('parameter_missing', `参数 ${parameter} 在 ${date} 没有适用值，不能抽样`);
  return Number(ratio.value);
}

/** What 抽取样本 would draw on `date`: of how many cases, at which ratio, how many (the flagged always among them). */
export async function samplePreview(db: Database, scope: Scope, batchNo: string, q: z.output<typeof samplePreviewQuery>) {
  allow(scope, 'cases.batch');
  const b = await mustFindBatch(db, scope, batchNo);
  const date = q.date ?? todayInChina();
  if (date < b.created_on) throw AppError.field('date', '抽样日期不能早于编组日期');
  const ratio = await sampleRatio(db, b, date);
  const members = await batches.batchMembers(db.kysely, b.county_code, b.id);
  const flagged = members.filter((m) => m.flagged).length;
  return { batchNo, date, size: members.length, flagged, ratio, count: Math.max(sampleSize(members.length, ratio), flagged), drawn: b.sampled_on !== null };
}

export async function drawBatchSample(db: Database, scope: Scope, batchNo: string, input: z.output<typeof sampleSchema>) {
  allow(scope, 'cases.batch');
  const b = await mustFindBatch(db, scope, batchNo);
  if (b.sampled_on !== null) throw AppError.conflict('sample_drawn', `批次 ${batchNo} 已于 ${b.sampled_on} 抽样（种子 ${b.seed}），不能重抽`);
  const date = input.date ?? todayInChina();
  if (date < b.created_on) throw AppError.field('date', '抽样日期不能早于编组日期');
  const ratio = await sampleRatio(db, b, date);
  const members = await batches.batchMembers(db.kysely, b.county_code, b.id);
  const seed = input.seed ?? crypto.randomBytes(12).toString('hex');
  const sample = new Set(drawSample(members.map((m) => ({ id: m.case_no, flagged: m.flagged })), ratio, seed));
  const caseIds = members.filter((m) => sample.has(m.case_no)).map((m) => m.case_id);
  await write(db, scope, async (tx) => {
    await batches.recordSample(tx, b.county_code, b.id, { ratio, seed, sampledOn: date, caseIds });
    await appendAudit(tx, scope, { action: 'case.batch_sample', entity: 'case_batch', entityId: batchNo, areaCode: b.county_code, after: { ratio, seed, sample: [...sample] } });
  });
  return getBatch(db, scope, batchNo);
}

export async function getBatch(db: Database, scope: Scope, batchNo: string) {
  allow(scope, 'cases.read');
  const b = await mustFindBatch(db, scope, batchNo);
  const members = await batches.batchMembers(db.kysely, b.county_code, b.id);
  return {
    batchNo: b.batch_no, programme: b.programme, createdOn: b.created_on, createdBy: b.created_by, ratio: b.ratio, seed: b.seed, sampledOn: b.sampled_on,
    cases: members.map((m) => ({ caseNo: m.case_no, applicantName: m.applicant_name, areaCode: m.area_code, state: m.state, flagged: m.flagged, sampled: m.sampled })),
  };
}

export async function listAllBatches(db: Database, scope: Scope, limit: number) {
  allow(scope, 'cases.read');
  const rows = await batches.listBatches(db.kysely, scope, limit);
  return rows.map((b) => ({ batchNo: b.batch_no, programme: b.programme, createdOn: b.created_on, createdBy: b.created_by, ratio: b.ratio, seed: b.seed, sampledOn: b.sampled_on, size: Number(b.size ?? 0), sampled: Number(b.sampled ?? 0) }));
}

/** The batch for the public notice: internal, the scope is checked by the caller's service. */
export { mustFindBatch };
