// 政策计算器 (policy check): a few answers about a household → the programmes it may qualify for, with
// the policy engine's own assessment (低保: per-capita income against the local standard and property
// limits; 特困: work capacity, means of living, supporters). An estimate: the township decides.
import { z } from 'zod';
import type { Database } from '../db/engine.ts';
import { todayInChina } from '../kernel/clock.ts';
import { AppError } from '../kernel/errors.ts';
import { fenOfYuan, yuan } from '../kernel/money.ts';
import { areaExists } from '../modules/intake/index.ts';
import { databaseParameterSet } from '../modules/policy/index.ts';
import {
  addMonths, dibaoBenefit, explain, hardshipEligibility, ParameterLookupError,
  type HouseholdFacts, type ParameterSet, type PersonFacts, type Step,
} from '../policy/index.ts';
import { programmeOf } from '../programmes/registry.ts';

export const ESTIMATE_NOTE = '以上结果根据您填写的情况估算，仅供参考，以审核为准。';

const yuanAmount = (max: number, what: string) =>
  z.number({ message: `${what}应为数字（元）` }).min(0, `${what}不能为负`).max(max, `${what}过大`)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, `${what}最多保留两位小数`);

export const SITUATIONS = ['elderly', 'disabled', 'minor'] as const;
const SITUATION_LABELS: Record<(typeof SITUATIONS)[number], string> = { elderly: '老年人', disabled: '重度残疾人', minor: '未成年人' };

export const policyCheckSchema = z.strictObject({
  /** The village (村/社区) where the household is registered: its standard applies. */
  areaCode: z.string({ message: '请选择所在村（社区）' }).regex(/^\d{12}$/, '请选择所在村（社区）（12位区划代码）'),
  hukou: z.enum(['rural', 'urban'], { message: '户籍类型应为农村或城镇' }),
  householdSize: z.number({ message: '请填写家庭人口' }).int('家庭人口应为整数').min(1, '家庭人口至少1人').max(20, '家庭人口不超过20人'),
  /** The household's monthly income in 元, all members together. */
  monthlyIncomeYuan: yuanAmount(10_000_000, '家庭月收入'),
  depositsYuan: yuanAmount(100_000_000, '存款等金融资产').default(0),
  ownsCar: z.boolean({ message: '请选择是否有机动车辆' }).default(false),
  ownsBusiness: z.boolean({ message: '请选择是否有工商登记的经营' }).default(false),
  /** Members who are elderly, severely disabled (一、二级) or minors, and whether anyone supports them. */
  persons: z.array(z.strictObject({
    situation: z.enum(SITUATIONS, { message: '情况应为老年人、重度残疾人或未成年人' }),
    noSupporter: z.boolean({ message: '请选择是否无人赡养、抚养、扶养' }),
  })).max(20, '特殊情况成员过多').default([]),
}).refine((v) => v.persons.length <= v.householdSize, { message: '特殊情况成员不能多于家庭人口', path: ['persons'] });
export type PolicyCheckInput = z.output<typeof policyCheckSchema>;

const figure = z.object({ label: z.string(), amountFen: z.number().int() });
export const policyCheckResultSchema = z.object({
  checkedOn: z.string(),
  note: z.string(),
  programmes: z.array(z.object({
    programme: z.string(),
    name: z.string(),
    /** may: 可能符合; unlikely: 可能不符合; depends: 视具体情况 */
    result: z.enum(['may', 'unlikely', 'depends']),
    resultLabel: z.string(),
    reasons: z.array(z.string()),
    figures: z.array(figure),
  })),
});
export type PolicyCheckResult = z.infer<typeof policyCheckResultSchema>;

const RESULT_LABELS = { may: '可能符合', unlikely: '可能不符合', depends: '视具体情况' } as const;

/** The answers as the formulas' facts: the income shared evenly, each listed person given an age or disability that fits. */
export function factsOf(input: PolicyCheckInput, today: string): HouseholdFacts {
  const total = fenOfYuan(input.monthlyIncomeYuan);
  const share = Math.floor(total / input.householdSize);
  const born = (years: number) => addMonths(today, -12 * years);
  const members = Array.from({ length: input.householdSize }, (_, i): PersonFacts => {
    const special = input.persons[i];
    const income = share + (i === 0 ? total - share * input.householdSize : 0);
    return {
      id: String(i + 1),
      birthDate: special?.situation === 'elderly' ? born(70) : special?.situation === 'minor' ? born(10) : born(40),
      sex: 'female', hukou: input.hukou, relation: i === 0 ? 'head' : 'other', workCapacity: special ? 'none' : 'full',
      disability: special?.situation === 'disabled' ? { kind: 'physical', grade: 1 } : null,
      seriousIllness: false, student: false, categories: [],
      incomes: income > 0 ? [{ kind: 'other', amount: income, period: 'month' }] : [],
      selfCare: null, excluded: null, clergyAwaySince: null,
      hasLegalSupporter: !special?.noSupporter, supporterAble: true, hardshipSupportMode: 'home_based',
    };
  });
  return {
    areaCode: input.areaCode, members, incomes: [], categories: [],
    assets: { deposits: fenOfYuan(input.depositsYuan), vehicles: input.ownsCar ? ['car'] : [], businessRegistered: input.ownsBusiness, houses: 1 },
  };
}

const stepValue = (steps: readonly Step[], name: string): number | null => {
  const v = steps.find((s) => s.name === name)?.value;
  return typeof v === 'number' ? v : null;
};

function dibaoPart(params: ParameterSet, facts: HouseholdFacts, today: string): PolicyCheckResult['programmes'][number] {
  const out = explain({ params, period: today }, facts.areaCode, (t) => dibaoBenefit(t, facts));
  const v = out.value;
  const failures = out.steps.find((s) => s.name === 'property.failures')?.value;
  const depositLimit = stepValue(out.steps, 'property.deposit_limit');
  const reasons = [
    v.perCapitaIncome < v.standard
      ? `家庭人均月收入 ${yuan(v.perCapitaIncome)} 元，低于当地低保标准 ${yuan(v.standard)} 元。`
      : `家庭人均月收入 ${yuan(v.perCapitaIncome)} 元，不低于当地低保标准 ${yuan(v.standard)} 元。`,
  ];
  const failed = Array.isArray(failures) ? failures : [];
  if (failed.includes('deposits')) reasons.push(`存款等金融资产超过当地规定的上限${depositLimit === null ? '' : `（${yuan(depositLimit)} 元）`}。`);
  if (failed.includes('vehicle')) reasons.push('家庭拥有机动车辆（残疾人功能性补偿代步车、农用机械除外）。');
  if (failed.includes('business_registration')) reasons.push('家庭有工商登记的经营。');
  if (failed.length === 0) reasons.push('家庭财产未超过当地规定。');
  if (v.eligible) reasons.push(`估算每月可领低保金约 ${yuan(v.total)} 元（按家庭人均收入与标准的差额计算，实际以审核为准）。`);
  return {
    programme: 'dibao', name: programmeOf('dibao').labels['zh-CN'].name, result: v.eligible ? 'may' : 'unlikely', resultLabel: RESULT_LABELS[v.eligible ? 'may' : 'unlikely'], reasons,
    figures: [
      { label: '家庭人均月收入', amountFen: v.perCapitaIncome },
      { label: '当地月低保标准', amountFen: v.standard },
      ...(v.eligible ? [{ label: '估算每月低保金', amountFen: v.total }] : []),
    ],
  };
}

function hardshipPart(params: ParameterSet, facts: HouseholdFacts, input: PolicyCheckInput, today: string): PolicyCheckResult['programmes'][number] {
  const name = programmeOf('hardship').labels['zh-CN'].name;
  if (input.persons.length === 0) {
    return { programme: 'hardship', name, result: 'unlikely', resultLabel: RESULT_LABELS.unlikely, reasons: ['特困人员救助供养面向无劳动能力（老年人、重度残疾人、未成年人）、无生活来源、且无法定赡养抚养扶养义务人或其无履行能力的人员；您未填写这类成员。'], figures: [] };
  }
  let someoneQualifies = false;
  const reasons = input.persons.map((p, i) => {
    const e = explain({ params, period: today }, facts.areaCode, (t) => hardshipEligibility(t, facts, String(i + 1))).value;
    someoneQualifies ||= e.eligible;
    const who = `第${i + 1}位（${SITUATION_LABELS[p.situation]}）`;
    if (e.eligible) return `${who}：无劳动能力、无生活来源、无人赡养抚养扶养，可能符合特困人员认定条件。`;
    const missing = [!e.noWorkCapacity && '无劳动能力', !e.noMeansOfLiving && '无生活来源（本人收入低于当地低保标准且财产符合规定）', !e.noAbleSupporter && '无法定赡养、抚养、扶养义务人或其无履行能力'].filter(Boolean).join('、');
    return `${who}：不满足${missing}。`;
  });
  return { programme: 'hardship', name, result: someoneQualifies ? 'may' : 'unlikely', resultLabel: RESULT_LABELS[someoneQualifies ? 'may' : 'unlikely'], reasons, figures: [] };
}

function temporaryPart(): PolicyCheckResult['programmes'][number] {
  return {
    programme: 'temporary', name: programmeOf('temporary').labels['zh-CN'].name, result: 'depends', resultLabel: RESULT_LABELS.depends,
    reasons: ['因火灾、交通事故等意外事件，或重大疾病等必需支出突然增加，基本生活暂时出现严重困难的家庭或个人，可申请临时救助；是否给予及金额由乡镇（街道）根据具体情况审核。'],
    figures: [],
  };
}

export async function policyCheck(db: Database, input: PolicyCheckInput): Promise<PolicyCheckResult> {
  if (!(await areaExists(db.kysely, input.areaCode))) throw AppError.field('areaCode', '没有这个村（社区），请重新选择');
  const today = todayInChina();
  const facts = factsOf(input, today);
  const params = await databaseParameterSet(db);
  try {
    return { checkedOn: today, note: ESTIMATE_NOTE, programmes: [dibaoPart(params, facts, today), hardshipPart(params, facts, input, today), temporaryPart()] };
  } catch (e) {
    if (e instanceof ParameterLookupError) throw new AppError('policy_unavailable', '该地区暂未设置相关政策标准，无法估算，请向乡镇（街道）咨询', 409);
    throw e;
  }
}
