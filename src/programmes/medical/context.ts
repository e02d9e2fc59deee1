// What a 医疗救助 claim records: the episode as the window took it from the hospital's bill (hospital,
// dates, costs and what insurance paid), whether it is a 重特大疾病, who approved it — and, when the
// person is not a 低保 or 特困 recipient, that they belong to a 低保边缘 household.
import { z } from 'zod';
import { isoDate } from '../../kernel/types.ts';
import type { CaseContext } from '../../workflow/definition.ts';

const fen = (title: string) => z.number({ message: `${title}应为金额` }).int(`${title}应精确到分`).nonnegative(`${title}不能为负数`).max(100_000_000_00, `${title}过大`).meta({ title });

/** What the window records when it opens a medical-assistance claim (amounts in fen). */
export const claimSchema = z.strictObject({
  kind: z.union([z.literal('inpatient').meta({ title: '住院' }), z.literal('outpatient').meta({ title: '门诊' })], { message: '就诊类别应为住院或门诊' }).meta({ title: '就诊类别' }),
  critical: z.boolean().default(false).meta({ title: '重特大疾病' }),
  diagnosis: z.string().trim().min(2, '请填写疾病诊断').max(200, '疾病诊断过长').meta({ title: '疾病诊断' }),
  hospital: z.string().trim().min(2, '请填写医疗机构名称').max(100, '医疗机构名称过长').meta({ title: '医疗机构' }),
  admittedOn: isoDate.meta({ title: '入院（就诊）日期' }),
  /** Outpatient: the day of the visit (default: the admission day). */
  dischargedOn: isoDate.optional().meta({ title: '出院日期' }),
  totalCostFen: fen('医疗总费用'),
  basicInsuranceFen: fen('基本医保支付'),
  criticalInsuranceFen: fen('大病保险支付').default(0),
  eligibleSelfPayFen: fen('政策范围内个人自付'),
  /** The hospital's settlement or invoice number. */
  settlementNo: z.string().trim().max(60, '结算单号过长').optional().meta({ title: '结算单号（票据号）' }),
  /** Not a 低保/特困 recipient, but a member of a 低保边缘 household (its own ratios and caps). */
  nearDibao: z.boolean().default(false).meta({ title: '低保边缘家庭成员（非低保、特困对象时勾选）' }),
  method: z.union([z.literal('transfer').meta({ title: '转账至家庭账户' }), z.literal('cash').meta({ title: '现金' })], { message: '发放方式应为转账或现金' }).default('transfer').meta({ title: '发放方式' }),
})
  .refine((c) => (c.dischargedOn ?? c.admittedOn) >= c.admittedOn, { message: '出院日期不能早于入院日期', path: ['dischargedOn'] })
  .refine((c) => c.basicInsuranceFen + c.criticalInsuranceFen <= c.totalCostFen, { message: '基本医保与大病保险支付之和不能超过医疗总费用', path: ['basicInsuranceFen'] })
  .refine((c) => c.eligibleSelfPayFen <= c.totalCostFen - c.basicInsuranceFen - c.criticalInsuranceFen, { message: '政策范围内个人自付不能超过总费用减去医保支付', path: ['eligibleSelfPayFen'] });
export type MedicalClaimDetails = z.output<typeof claimSchema>;

/** What the medical module's ledger tells the benefit at the decision (BenefitInput.ledger). */
export const claimLedgerSchema = z.strictObject({
  group: z.enum(['hardship', 'dibao', 'near_dibao']).nullable(),
  /** Assistance paid this year toward this claim's cap (same kind, or 重特大), 倾斜 paid, deductible used. */
  paidThisYear: z.number().int().nonnegative(),
  tiltPaidThisYear: z.number().int().nonnegative(),
  deductibleUsedThisYear: z.number().int().nonnegative(),
  /** The same episode already settled at the hospital (一站式) or paid through another claim. */
  settledElsewhere: z.string().nullable(),
});
export type ClaimLedger = z.output<typeof claimLedgerSchema>;

export interface MedicalContext extends CaseContext {
  claim?: MedicalClaimDetails;
  /** The level that approved the payment: the township within its limit, or the county. */
  approval?: 'township' | 'county';
}
