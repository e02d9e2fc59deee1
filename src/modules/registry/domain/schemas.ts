/**
 * zod schemas of the registry records, with Chinese messages naming the field: they validate API
 * input and import rows. Parsing normalises the ID number (upper-case X, 15 → 18 digits) and fills a
 * member's sex and birth date from it when they are left out.
 */
import { z } from 'zod';
import { parseIdNumber } from '../../../kernel/id-number.ts';
import {
  ASSET_KINDS, DISABILITY_KINDS, HOUSEHOLD_CATEGORIES, HUKOU_VALUES, INCOME_KINDS, INCOME_PERIODS,
  LEFT_BEHIND_KINDS, PERSON_CATEGORIES, POVERTY_CAUSES, RELATIONS, WORK_CAPACITIES,
  type Asset, type PovertyCause, type HouseholdRecord, type IncomeItem, type Member, type Household,
} from './types.ts';

const FEN_MAX = Number.MAX_SAFE_INTEGER;

/** An ID number, validated by GB 11643 and normalised to 18 characters. */
export const idNumberSchema = z.string({ error: '身份证号码应为文本' }).transform((value, ctx) => {
  const parsed = parseIdNumber(value);
  if (parsed.ok) return parsed.idNumber;
  ctx.addIssue({ code: 'custom', message: `身份证号码${parsed.message}`, params: { reason: parsed.reason } });
  return z.NEVER;
});

const text = (label: string, max: number) =>
  z.string({ error: `${label}应为文本` }).trim().min(1, `${label}不能为空`).max(max, `${label}不能超过${max}个字`);
const oneOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `${label}无效，应为 ${values.join(' / ')} 之一` });
const fen = (label: string) =>
  z.number({ error: `${label}应为数字` }).int(`${label}应为以分计的整数`).min(0, `${label}不能为负数`).max(FEN_MAX, `${label}过大`);
const categories = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.array(oneOf(values, label)).refine((xs) => new Set(xs).size === xs.length, `${label}有重复`);
const mobileOrLandline = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const phone = (label: string) => z.string().trim().regex(mobileOrLandline, `${label}格式不正确，应为11位手机号码或带区号的固定电话`);

/** What a caller supplies for a household; its number and county are assigned from the village. */
export const householdInputSchema = z.strictObject({
  villageCode: z.string().regex(/^\d{12}$/, '村（社区）区划代码应为12位数字'),
  hukou: oneOf(HUKOU_VALUES, '户籍性质'),
  address: text('家庭住址', 200),
  phone: phone('联系电话').or(z.literal('')),
  bankName: z.string().trim().max(50, '开户银行不能超过50个字'),
  bankAccount: z.string().trim().regex(/^(\d{12,30})?$/, '银行账号应为12–30位数字'),
  povertyFile: z.boolean({ error: '建档立卡标志应为是/否' }),
  agricultural: z.boolean({ error: '农业人口标志应为是/否' }),
  categories: categories(HOUSEHOLD_CATEGORIES, '家庭类别'),
  povertyCauses: categories(POVERTY_CAUSES, '致贫原因').optional(),
  mainPovertyCause: oneOf(POVERTY_CAUSES, '主要致贫原因').nullable().optional(),
});

export const MAIN_CAUSE_NOT_LISTED = '主要致贫原因须为所填致贫原因之一';

/**
 * The main cause of poverty of these causes: the one given, else the one kept from before when still
 * listed, else the first listed; null when there is none. `undefined`: the one given is not listed.
 */
export function settleMainCause(causes: readonly PovertyCause[], given: PovertyCause | null | undefined, kept: PovertyCause | null = null): PovertyCause | null | undefined {
  const main = given ?? (kept !== null && causes.includes(kept) ? kept : null) ?? causes[0] ?? null;
  if (main !== null && !causes.includes(main)) return undefined;
  return main;
}

type WithCauses = { povertyCauses?: PovertyCause[] | undefined; mainPovertyCause?: PovertyCause | null | undefined };
const causesListed = (h: WithCauses) => settleMainCause(h.povertyCauses ?? [], h.mainPovertyCause) !== undefined;
const CAUSES_LISTED = { message: MAIN_CAUSE_NOT_LISTED, path: ['mainPovertyCause'] };
/** Causes always present (empty when none) and the main one settled. */
const withCauses = <T extends WithCauses>(h: T): T & { povertyCauses: PovertyCause[]; mainPovertyCause: PovertyCause | null } => {
  const povertyCauses = h.povertyCauses ?? [];
  return { ...h, povertyCauses, mainPovertyCause: settleMainCause(povertyCauses, h.mainPovertyCause) ?? null };
};

const bankPaired = <T extends { bankName: string; bankAccount: string }>(h: T) => (h.bankName === '') === (h.bankAccount === '');
const BANK_PAIRED = { message: '开户银行与银行账号须同时填写', path: ['bankAccount'] };

export const householdInput = householdInputSchema.refine(bankPaired, BANK_PAIRED).refine(causesListed, CAUSES_LISTED).transform(withCauses);

export const householdSchema = householdInputSchema.extend({
  householdNo: z.string().regex(/^\d{14}$/, '户编号应为14位数字（县级区划代码+8位序号）'),
  countyCode: z.string().regex(/^\d{6}$/, '县级区划代码应为6位数字'),
}).refine(bankPaired, BANK_PAIRED).refine(causesListed, CAUSES_LISTED) satisfies z.ZodType<Household>;

export const memberSchema = z.strictObject({
  idNumber: idNumberSchema,
  name: z.string().trim().regex(/^[\p{Script=Han}·]{2,20}$/u, '姓名应为2–20个汉字（少数民族姓名可含“·”）'),
  sex: oneOf(['male', 'female'] as const, '性别').optional(),
  birthDate: z.iso.date('出生日期应为 YYYY-MM-DD').optional(),
  relation: oneOf(RELATIONS, '与户主关系'),
  hukou: oneOf(HUKOU_VALUES, '户籍性质'),
  workCapacity: oneOf(WORK_CAPACITIES, '劳动能力'),
  disabilityKind: oneOf(DISABILITY_KINDS, '残疾类别').nullable(),
  disabilityGrade: z.literal([1, 2, 3, 4], { error: '残疾等级应为1–4级' }).nullable(),
  seriousIllness: z.boolean({ error: '重病标志应为是/否' }),
  student: z.boolean({ error: '在校学生标志应为是/否' }),
  categories: categories(PERSON_CATEGORIES, '人员类别'),
  leftBehind: oneOf(LEFT_BEHIND_KINDS, '留守类别').nullable(),
  phone: phone('手机号码').optional(),
}).superRefine((m, ctx) => {
  if ((m.disabilityKind === null) !== (m.disabilityGrade === null)) {
    ctx.addIssue({ code: 'custom', message: '残疾类别与残疾等级须同时填写或同时为空', path: ['disabilityGrade'] });
  }
  const id = parseIdNumber(m.idNumber);
  if (!id.ok) return;
  if (m.sex !== undefined && m.sex !== id.sex) {
    ctx.addIssue({ code: 'custom', message: '性别与身份证号码不符', path: ['sex'] });
  }
  if (m.birthDate !== undefined && m.birthDate !== id.birthDate) {
    ctx.addIssue({ code: 'custom', message: '出生日期与身份证号码不符', path: ['birthDate'] });
  }
}).transform((m): Member => {
  const id = parseIdNumber(m.idNumber);
  if (!id.ok) return z.NEVER; // unreachable: idNumberSchema has already rejected it
  const { phone: memberPhone, ...rest } = m;
  const derived = { sex: id.sex, birthDate: id.birthDate };
  return memberPhone === undefined ? { ...rest, ...derived } : { ...rest, ...derived, phone: memberPhone };
});

export const incomeItemSchema = z.strictObject({
  memberIdNumber: idNumberSchema.nullable(),
  kind: oneOf(INCOME_KINDS, '收入类别'),
  amountFen: fen('收入金额'),
  period: oneOf(INCOME_PERIODS, '收入周期'),
  source: text('收入来源', 100),
}) satisfies z.ZodType<IncomeItem>;

export const assetSchema = z.strictObject({
  memberIdNumber: idNumberSchema.nullable(),
  kind: oneOf(ASSET_KINDS, '财产类别'),
  valueFen: fen('财产价值'),
  note: z.string().trim().max(200, '财产说明不能超过200个字'),
}) satisfies z.ZodType<Asset>;

/** A whole household: exactly one head, no ID number twice, incomes and assets of its own members. */
export const householdRecordSchema = z.object({
  household: householdSchema,
  members: z.array(memberSchema).min(1, '家庭成员不能为空'),
  incomes: z.array(incomeItemSchema),
  assets: z.array(assetSchema),
}).superRefine((r, ctx) => {
  if (r.members.filter((m) => m.relation === 'head').length !== 1) {
    ctx.addIssue({ code: 'custom', message: '家庭须有且只有一名户主', path: ['members'] });
  }
  const seen = new Set<string>();
  r.members.forEach((m, i) => {
    if (seen.has(m.idNumber)) ctx.addIssue({ code: 'custom', message: '家庭成员身份证号码重复', path: ['members', i, 'idNumber'] });
    seen.add(m.idNumber);
  });
  for (const list of ['incomes', 'assets'] as const) {
    r[list].forEach((item, i) => {
      if (item.memberIdNumber !== null && !seen.has(item.memberIdNumber)) {
        ctx.addIssue({ code: 'custom', message: '该身份证号码不是本家庭成员', path: [list, i, 'memberIdNumber'] });
      }
    });
  }
}) satisfies z.ZodType<HouseholdRecord>;

/** A new household as the API and the offline intake app take it (the same checks in both). */
export const newHouseholdSchema = z.strictObject({
  household: householdInput,
  members: z.array(memberSchema).min(1, '家庭成员不能为空'),
  incomes: z.array(incomeItemSchema).default([]),
  assets: z.array(assetSchema).default([]),
});

/** The household fields an edit may change (the village stays). */
export const householdPatchSchema = householdInputSchema.omit({ villageCode: true }).partial().strict();

/**
 * An edit with, optionally, the values it was based on: the write is refused (409 naming the fields) when
 * any of them has changed on the server meanwhile, so an edit made offline never silently overwrites.
 */
export const householdUpdateSchema = householdPatchSchema.extend({ expected: householdPatchSchema.optional() });
