// Requests and responses of the 政策找人 routes: generate tasks, list them, record an outcome.
import { z } from 'zod';
import { areaCode, decimalInt, isoDate } from '../../../kernel/types.ts';
import { OUTCOMES, OUTREACH_KINDS, TASK_STATUSES } from '../codes.ts';

const kindEnum = z.enum(OUTREACH_KINDS, { message: '任务来源应为 符合低保条件未纳入（eligible_uncovered）、低保边缘家庭（near_dibao） 或 建档立卡未纳入救助（poverty_uncovered）' });

export const generateSchema = z.strictObject({
  /** The township or county (or village) whose households get tasks; within the caller's area. */
  area: areaCode,
  /** The lists to turn into tasks (default: all three). */
  kinds: z.array(kindEnum).min(1, '请至少选择一种任务来源').max(OUTREACH_KINDS.length).optional(),
});
export const generated = z.object({
  area: z.string(), areaName: z.string(), createdOn: z.string(), dueOn: z.string(),
  counts: z.array(z.object({ kind: z.enum(OUTREACH_KINDS), kindLabel: z.string(), created: z.number() })),
  total: z.number(),
});

export const taskListQuery = z.strictObject({
  status: z.enum(TASK_STATUSES, { message: '状态应为 open 或 closed' }).optional(),
  kind: kindEnum.optional(),
  /** A village (or any area) under the caller's. */
  village: areaCode.optional(),
  offset: decimalInt(0, 1_000_000).default(0),
  limit: decimalInt(1, 200).default(50),
});

export const task = z.object({
  id: z.number(), countyCode: z.string(), householdNo: z.string(), headName: z.string().nullable(),
  villageCode: z.string(), villageName: z.string(), townshipName: z.string(),
  kind: z.enum(OUTREACH_KINDS), kindLabel: z.string(), createdOn: z.string(), dueOn: z.string(), overdue: z.boolean(),
  status: z.enum(TASK_STATUSES), statusLabel: z.string(),
  outcome: z.enum(OUTCOMES).nullable(), outcomeLabel: z.string().nullable(), outcomeOn: z.string().nullable(),
  note: z.string().nullable(), caseNo: z.string().nullable(), closedBy: z.string().nullable(),
  /** Whether the caller may record the outcome (open, in its area, its role records). */
  mayRecord: z.boolean(),
});
export const taskList = z.object({ items: z.array(task), total: z.number(), offset: z.number(), limit: z.number() });

export const taskIdParam = z.strictObject({ id: decimalInt(1) });
export const outcomeSchema = z.strictObject({
  outcome: z.enum(OUTCOMES, { message: '结果应为 已走访不符合条件、已邀请申请、已申请、不愿申请 或 未找到' }),
  date: isoDate,
  note: z.string().trim().min(1, '请填写说明').max(500, '说明不超过500字').optional(),
  /** The case the household applied with (required with `applied`, refused otherwise). */
  caseNo: z.string().trim().optional(),
}).superRefine((b, ctx) => {
  if (b.outcome === 'applied' && b.caseNo === undefined) ctx.addIssue({ code: 'custom', path: ['caseNo'], message: '已申请的须填写该户的案件编号' });
  if (b.outcome !== 'applied' && b.caseNo !== undefined) ctx.addIssue({ code: 'custom', path: ['caseNo'], message: '只有“已申请”才填写案件编号' });
});
