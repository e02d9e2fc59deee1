// Request and response shapes of the damage register (受灾户登记): one entry per household and event,
// recorded by a township or the county, verified by two staff, corrected before that, voided with a reason.
import { z } from 'zod';
import { areaCode, decimalInt, householdNo, isoDate } from '../../../kernel/types.ts';
import { DAMAGE_STATUSES, HOUSE_GRADES, HOUSE_STRUCTURES, HOUSEHOLD_TYPES } from '../codes.ts';
import { GRADE_LABELS, STRUCTURE_LABELS } from '../labels.ts';

const count = (what: string) => z.number({ error: `${what}应为整数` }).int(`${what}应为整数`).min(0, `${what}不能为负`).max(10_000, `${what}过大`);

export const householdNoParam = z.strictObject({
  eventNo: z.string().regex(/^SJ\d{16}$/, '事件编号应为 SJ 加16位数字'),
  householdNo,
});

/** The figures of one household: persons, house damage, loss in fen. */
const damageFields = {
  personsAffected: count('受灾人数'),
  personsHomeless: count('无房可住人数').default(0),
  deaths: count('死亡人数').default(0),
  missing: count('失踪人数').default(0),
  injured: count('受伤人数').default(0),
  houseGrade: z.enum(HOUSE_GRADES, { message: `房屋损坏等级应为 ${HOUSE_GRADES.map((g) => `${GRADE_LABELS[g]}（${g}）`).join('、')} 之一` }),
  houseStructure: z.enum(HOUSE_STRUCTURES, { message: `房屋结构应为 ${HOUSE_STRUCTURES.map((s) => `${STRUCTURE_LABELS[s]}（${s}）`).join('、')} 之一` }),
  roomsDamaged: count('损坏房屋间数').default(0),
  directLossFen: z.number({ error: '直接经济损失应为整数（分）' }).int('直接经济损失应为整数（分）').min(0, '直接经济损失不能为负').max(Number.MAX_SAFE_INTEGER, '直接经济损失过大').default(0),
  note: z.string().max(1000, '备注不超过1000字').default(''),
};

type Figures = { personsAffected: number; personsHomeless: number; houseGrade: string; roomsDamaged: number };
const homelessNotAbove = (r: Figures) => r.personsHomeless <= r.personsAffected;
const homelessRule = { message: '无房可住人数不能大于受灾人数', path: ['personsHomeless'] };
const roomsRule = { message: '房屋未损坏时损坏间数应为0', path: ['roomsDamaged'] };
const roomsFit = (r: Figures) => r.houseGrade !== 'none' || r.roomsDamaged === 0;

export const newDamageSchema = z.strictObject({
  /** A household of the registry in the caller's scope and in one of the event's areas … */
  householdNo: householdNo.optional(),
  /** … or a household registered on the spot (the registry's new-household body, checked by the registry's rules). */
  newHousehold: z.record(z.string(), z.unknown(), { error: '新登记户应为对象' }).optional(),
  recordedOn: isoDate,
  ...damageFields,
}).refine((r) => (r.householdNo === undefined) !== (r.newHousehold === undefined), { message: '请填写户编号或新登记户之一（只能填一项）', path: ['householdNo'] })
  .refine(homelessNotAbove, homelessRule).refine(roomsFit, roomsRule);

export const correctDamageSchema = z.strictObject({
  /** The version read: a change made meanwhile answers 409. */
  version: z.number({ error: '版本号应为整数' }).int('版本号应为整数').min(0, '版本号不能为负'),
  ...damageFields,
}).refine(homelessNotAbove, homelessRule).refine(roomsFit, roomsRule);

export const verifyDamageSchema = z.strictObject({ verifiedOn: isoDate });
export const voidDamageSchema = z.strictObject({ reason: z.string().trim().min(1, '请填写作废原因').max(200, '作废原因不超过200字') });

export const damageListQuery = z.strictObject({
  area: areaCode.optional(),
  status: z.enum(DAMAGE_STATUSES, { message: '状态应为 recorded、verified 或 void' }).optional(),
  grade: z.enum(HOUSE_GRADES, { message: '房屋损坏等级无效' }).optional(),
  limit: decimalInt(1, 500).default(100),
  after: decimalInt(1).optional(),
});

export const damageView = z.object({
  householdNo: z.string(),
  /** The head's name, masked (张*丰). */
  headName: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  personsAffected: z.number(),
  personsHomeless: z.number(),
  deaths: z.number(),
  missing: z.number(),
  injured: z.number(),
  houseGrade: z.enum(HOUSE_GRADES),
  houseStructure: z.enum(HOUSE_STRUCTURES),
  roomsDamaged: z.number(),
  directLossFen: z.number(),
  householdType: z.enum(HOUSEHOLD_TYPES),
  addedOnSpot: z.boolean(),
  status: z.enum(DAMAGE_STATUSES),
  recordedOn: z.string(),
  recordedBy: z.string(),
  firstVerifiedBy: z.string().nullable(),
  firstVerifiedOn: z.string().nullable(),
  secondVerifiedBy: z.string().nullable(),
  secondVerifiedOn: z.string().nullable(),
  voidReason: z.string().nullable(),
  note: z.string(),
  version: z.number(),
});

const tally = z.object({ households: z.number(), persons: z.number() });

export const damageList = z.object({
  items: z.array(damageView.extend({ id: z.number() })),
  next: z.number().nullable(),
  /** Over every entry the filters select (not only this page); void entries are left out of `byGrade`. */
  totals: z.object({
    byGrade: z.object({ collapsed: tally, serious: tally, general: tally, none: tally }),
    byStatus: z.object({ recorded: tally, verified: tally, void: tally }),
    directLossFen: z.number(),
  }),
  /** Whether the caller may register, correct and verify. */
  mayRecord: z.boolean(),
});
