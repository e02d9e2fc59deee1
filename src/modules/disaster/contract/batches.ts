// Request and response shapes of the batch decisions (救助批次): draft, sample and checks, notice, approval,
// decision, void — what the web's pages send and read.
import { z } from 'zod';
import { areaCode, decimalInt, householdNo, isoDate, month } from '../../../kernel/types.ts';
import { BATCH_KIND_LABELS } from '../batch-labels.ts';
import { BATCH_KINDS, BATCH_STATUSES } from '../batch-codes.ts';

export const batchNoParam = z.strictObject({ batchNo: z.string().regex(/^ZP\d{16}$/, '批次编号应为 ZP 加16位数字') });
const season = z.string().regex(/^\d{4}-\d{4}$/, '救助年度应为 YYYY-YYYY，如 2015-2016')
  .refine((s) => Number(s.slice(5)) === Number(s.slice(0, 4)) + 1, '救助年度应为相邻两年，如 2015-2016');
const kind = z.enum(BATCH_KINDS, { message: `救助类别应为 ${BATCH_KINDS.map((k) => `${BATCH_KIND_LABELS[k]}（${k}）`).join('、')} 之一` });

export const newBatchSchema = z.strictObject({
  kind,
  /** The event (every kind but 冬春). */
  eventNo: z.string().regex(/^SJ\d{16}$/, '事件编号应为 SJ 加16位数字').optional(),
  /** 冬春生活救助: the season of the needs survey. */
  season: season.optional(),
  /** The date of the draft (parameters in force on it); today when left out. */
  date: isoDate.optional(),
  /** The month whose payroll pays it; the decision's month when left out. */
  payMonth: month.optional(),
  /** 过渡期生活救助: the period of the support. */
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  /** Townships or villages of the county to limit the batch to; the whole county when left out. */
  areas: z.array(areaCode).max(500, '区划不超过500个').default([]),
}).superRefine((b, ctx) => {
  if (b.kind === 'winter_spring') {
    if (!b.season) ctx.addIssue({ code: 'custom', path: ['season'], message: '冬春生活救助批次请填写救助年度' });
    if (b.eventNo) ctx.addIssue({ code: 'custom', path: ['eventNo'], message: '冬春生活救助按年度需求调查，不按灾害事件' });
  } else {
    if (!b.eventNo) ctx.addIssue({ code: 'custom', path: ['eventNo'], message: '请选择灾害事件' });
    if (b.season) ctx.addIssue({ code: 'custom', path: ['season'], message: '只有冬春生活救助批次按救助年度' });
  }
  if (b.kind === 'transitional') {
    if (!b.startDate) ctx.addIssue({ code: 'custom', path: ['startDate'], message: '过渡期生活救助请填写救助起始日期' });
    if (!b.endDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '过渡期生活救助请填写救助截止日期' });
    if (b.startDate && b.endDate && b.endDate < b.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '截止日期不能早于起始日期' });
  } else if (b.startDate || b.endDate) {
    ctx.addIssue({ code: 'custom', path: [b.startDate ? 'startDate' : 'endDate'], message: '只有过渡期生活救助批次填写救助期间' });
  }
});

export const batchListQuery = z.strictObject({
  eventNo: z.string().regex(/^SJ\d{16}$/, '事件编号应为 SJ 加16位数字').optional(),
  season: season.optional(),
  kind: kind.optional(),
  status: z.enum(BATCH_STATUSES, { message: '批次状态不正确' }).optional(),
  limit: decimalInt(1, 200).default(50),
});

export const memberListQuery = z.strictObject({
  sampled: z.enum(['true', 'false'], { message: 'sampled 应为 true 或 false' }).optional(),
  area: areaCode.optional(),
  after: decimalInt(0).default(0),
  limit: decimalInt(1, 500).default(100),
});

export const sampleSchema = z.strictObject({ seed: z.string().trim().min(1).max(100).optional(), date: isoDate.optional() });
export const checkSchema = z.strictObject({
  householdNo,
  result: z.enum(['confirmed', 'removed'], { message: '抽查结果应为属实（confirmed）或不符合条件、剔除（removed）' }),
  reason: z.string().trim().max(500, '说明不超过500字').default(''),
  date: isoDate.optional(),
}).refine((c) => c.result !== 'removed' || c.reason.length >= 2, { path: ['reason'], message: '剔除须写明原因' });
export const noticeSchema = z.strictObject({ from: isoDate });
export const excludeSchema = z.strictObject({ householdNo, reason: z.string().trim().min(2, '请写明剔除原因').max(500, '原因不超过500字') });
export const approveSchema = z.strictObject({ date: isoDate.optional() });
export const decideSchema = z.strictObject({ date: isoDate.optional() });
export const voidSchema = z.strictObject({ reason: z.string().trim().min(2, '请写明作废原因').max(500, '原因不超过500字') });

const step = z.object({ name: z.string(), value: z.unknown(), unit: z.string().nullable(), parameters: z.array(z.object({ name: z.string(), value: z.unknown(), reference: z.string().optional() }).passthrough()) }).passthrough();

export const batchHead = z.object({
  batchNo: z.string(),
  kind, kindLabel: z.string(),
  eventNo: z.string().nullable(), eventName: z.string().nullable(), season: z.string().nullable(),
  countyName: z.string(),
  status: z.enum(BATCH_STATUSES), statusLabel: z.string(),
  payMonth: z.string(), createdOn: z.string(), createdBy: z.string(),
  households: z.number(), persons: z.number(), amountFen: z.number(),
  ratio: z.number().nullable(), seed: z.string().nullable(), sampledOn: z.string().nullable(),
  noticeFrom: z.string().nullable(), noticeTo: z.string().nullable(),
  approvedOn: z.string().nullable(), approvedBy: z.string().nullable(),
  decidedOn: z.string().nullable(), decidedHouseholds: z.number(), voidReason: z.string().nullable(),
});

export const batchDetail = batchHead.extend({
  needsNotice: z.boolean(),
  /** 应急救助: the last day within the time limit from the event's start, and whether the draft came later. */
  emergencyDue: z.string().nullable(),
  emergencyLate: z.boolean(),
  sample: z.object({ sampled: z.number(), checked: z.number(), removed: z.number(), excluded: z.number() }),
  townships: z.array(z.object({ areaCode: z.string(), areaName: z.string(), households: z.number(), persons: z.number(), amountFen: z.number() })),
  /** The worksheet: each distinct set of rates, the areas it applies to, and the parameters read with their documents. */
  basis: z.array(z.object({ areas: z.array(z.string()), steps: z.array(step) })),
  mayAct: z.boolean(),
});

export const batchList = z.object({ items: z.array(batchHead) });

export const memberView = z.object({
  ordinal: z.number(), householdNo: z.string(), headName: z.string().nullable(), areaCode: z.string(), areaName: z.string(),
  persons: z.number(), amountFen: z.number(), claim: z.record(z.string(), z.unknown()), claimText: z.string(),
  sampled: z.boolean(), checkResult: z.enum(['confirmed', 'removed']).nullable(), checkedBy: z.string().nullable(), checkedOn: z.string().nullable(),
  excluded: z.boolean(), excludeReason: z.string().nullable(),
  /** The household's relief case, once decided. */
  caseNo: z.string().nullable(),
});
export const memberList = z.object({ items: z.array(memberView), next: z.number().nullable() });
export const decideResult = batchHead.extend({ decidedNow: z.number() });
