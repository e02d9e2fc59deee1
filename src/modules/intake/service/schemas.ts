// Input schemas of the intake (Chinese messages; the HTTP layer and the services both use them).
import { z } from 'zod';
import { decimalInt, isoDate } from '../../../kernel/types.ts';
import { DEPARTMENTS } from '../../../kernel/permissions.ts';

import { NEEDS, type Need } from '../../../kernel/needs.ts';

export { NEEDS, type Need };
export const CHANNELS = ['window', 'phone', 'online', 'village'] as const;
export const OUTCOMES = ['assisted', 'partially_assisted', 'not_eligible', 'declined'] as const;

export const NEED_LABELS: Record<Need, string> = {
  dibao: '最低生活保障', hardship: '特困人员供养', temporary: '临时救助', medical: '医疗救助', disaster: '受灾人员救助',
  education: '教育救助', housing: '住房救助', employment: '就业救助', other: '其他',
};
export const isNeed = (code: string): code is Need => (NEEDS as readonly string[]).includes(code);
export const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  assisted: '已救助', partially_assisted: '部分救助', not_eligible: '不符合条件', declined: '申请人放弃',
};

const idNumber = z.string().regex(/^\d{17}[\dX]$/, '身份证号码应为18位');
const areaCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字');

/** 需求评估: household structure, health, work capacity and rigid expenses. */
export const assessmentSchema = z.strictObject({
  householdSize: z.number().int().min(1, '家庭人口至少1人').max(30),
  dependents: z.number().int().min(0).max(30).default(0),
  structureNote: z.string().max(500).default(''),
  seriousIllness: z.boolean().default(false),
  disability: z.boolean().default(false),
  healthNote: z.string().max(500).default(''),
  workCapacity: z.enum(['full', 'partial', 'none'], { message: '劳动能力应为 full、partial 或 none' }),
  rigidExpenses: z.array(z.strictObject({
    kind: z.enum(['medical', 'education', 'housing', 'care', 'other'], { message: '刚性支出类别应为 medical、education、housing、care 或 other' }),
    amountFen: z.number().int().min(0, '金额不能为负'),
    note: z.string().max(200).default(''),
  })).max(20).default([]),
  urgent: z.boolean().default(false),
  note: z.string().max(1000).default(''),
});

const personSchema = z.union([
  z.strictObject({ householdNo: z.string().regex(/^\d{14}$/, '户编号应为14位数字'), idNumber }),
  z.strictObject({ name: z.string().trim().min(1, '请填写姓名').max(50), idNumber, phone: z.string().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '联系电话格式不正确') }),
], { message: '请填写登记户的户编号与身份证号码，或未登记人员的姓名、身份证号码与电话' });

const partSchema = z.discriminatedUnion('kind', [
  // A programme of the registry that the window may open (checked by the service: this file stays free of
  // the registry, the web builds its form on it); `details`: the programme's opening questions (GET /programmes).
  z.strictObject({
    kind: z.literal('case'), programme: z.string({ message: '请选择救助项目' }).trim().min(1, '请选择救助项目').max(40), details: z.record(z.string(), z.unknown()).optional(),
    staffRelative: z.boolean().default(false), cadreRelative: z.boolean().default(false), note: z.string().max(1000).default(''),
  }),
  // `details`: facts the partner may take over as they are (a 医疗救助 application's claim facts from the portal), kept with the part.
  z.strictObject({
    kind: z.literal('referral'), department: z.enum(DEPARTMENTS, { message: '未知的协办部门' }), need: z.enum(NEEDS, { message: '未知的事项类型' }), note: z.string().max(1000).default(''),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
  // 待登记立案: a programme asked by a person not yet in the registry; the case is opened once the household is registered.
  z.strictObject({
    kind: z.literal('pending_case'), programme: z.string({ message: '请选择救助项目' }).trim().min(1, '请选择救助项目').max(40), details: z.record(z.string(), z.unknown()).optional(),
    note: z.string().max(1000).default(''),
  }),
], { message: '事项类型应为 case、referral 或 pending_case' });

export const newRequestSchema = z.strictObject({
  /** The window: a township or community (village) area of the caller; default the caller's own area. */
  windowAreaCode: areaCode.optional(),
  channel: z.enum(CHANNELS, { message: '受理渠道应为 window、phone、online 或 village' }),
  receivedOn: isoDate.optional(),
  person: personSchema,
  description: z.string().max(2000).default(''),
  assessment: assessmentSchema,
  parts: z.array(partSchema).min(1, '至少办理或转办一项').max(10),
});
export type NewRequest = z.output<typeof newRequestSchema>;

export const listRequestsSchema = z.strictObject({
  area: areaCode.optional(),
  status: z.enum(['open', 'completed']).optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});

export const listReferralsSchema = z.strictObject({
  area: areaCode.optional(),
  status: z.enum(['open', 'closed']).optional(),
  department: z.enum(DEPARTMENTS).optional(),
  limit: decimalInt(1, 200).default(50),
  after: decimalInt(1).optional(),
});

export const overdueQuerySchema = z.strictObject({
  area: areaCode.optional(),
  asOf: isoDate.optional(),
  limit: decimalInt(1, 500).default(100),
});

export const figuresQuerySchema = z.strictObject({
  area: areaCode.optional(),
  from: isoDate,
  to: isoDate,
  asOf: isoDate.optional(),
});

export const acceptSchema = z.strictObject({ date: isoDate.optional(), note: z.string().max(1000).default('') });
export const actSchema = z.strictObject({ date: isoDate.optional(), note: z.string().trim().min(2, '请填写办理情况').max(2000) });
export const resultSchema = z.strictObject({
  date: isoDate.optional(),
  outcome: z.enum(OUTCOMES, { message: '办理结果应为 assisted、partially_assisted、not_eligible 或 declined' }),
  result: z.string().trim().min(2, '请填写办理结果').max(2000),
});

/** 立案 from a pending part: the household registered since, holding the request's person. */
export const openPendingSchema = z.strictObject({ householdNo: z.string({ message: '请填写户编号' }).regex(/^\d{14}$/, '户编号应为14位数字') });
/** 结束 a pending part without a case (e.g. the person did not come to register the household). */
export const closePendingSchema = z.strictObject({ reason: z.string({ message: '请填写结束理由' }).trim().min(2, '请填写结束理由').max(500, '理由过长（至多500字）') });
