// 医疗救助 applied for online: the claim facts the form asks (checked by the programme's own `claimSchema`), what
// they become at the window — a referral to 医保 (`medical_security`, need `medical`), as the window refers a
// medical need, carrying the facts as text (note) and as `details` for the claim that answers it — and where it stands.
import { z } from 'zod';
import type { Database } from '../db/engine.ts';
import { todayInChina } from '../kernel/clock.ts';
import { AppError } from '../kernel/errors.ts';
import { referralStates } from '../modules/intake/index.ts';
import { claimSchema } from '../programmes/medical/context.ts';

export const MEDICAL = 'medical';

/** The facts of the episode as on the hospital's bill (amounts in fen); the window decides 重特大疾病, 低保边缘 and the payment method. */
export const medicalFactsSchema = z.strictObject({
  kind: z.enum(['inpatient', 'outpatient'], { message: '就诊类别应为住院或门诊' }),
  diagnosis: z.string({ message: '请填写疾病诊断' }),
  hospital: z.string({ message: '请填写医疗机构名称' }),
  admittedOn: z.string({ message: '请填写入院（就诊）日期' }),
  dischargedOn: z.string().optional(),
  totalCostFen: z.number({ message: '请填写医疗总费用' }),
  basicInsuranceFen: z.number({ message: '请填写基本医保支付' }),
  criticalInsuranceFen: z.number().optional(),
  eligibleSelfPayFen: z.number({ message: '请填写政策范围内个人自付' }),
  settlementNo: z.string().optional(),
});
export type MedicalFacts = z.output<typeof medicalFactsSchema>;

const KIND_LABELS = { inpatient: '住院', outpatient: '门诊' } as const;
const yuan = (fen: number) => `${(fen / 100).toFixed(2)} 元`;

/** The facts as the claim takes them (`claimSchema`'s rules, each refusal naming `medical.<field>`), without the window's own choices. */
export function checkedMedicalFacts(facts: MedicalFacts | undefined, documents: number) {
  if (!facts) throw AppError.field('medical', '请填写就医情况');
  const parsed = claimSchema.safeParse(facts);
  if (!parsed.success) {
    throw AppError.fields(parsed.error.issues.map((i) => ({ field: ['medical', ...i.path.map(String)].join('.'), message: i.message })));
  }
  const today = todayInChina();
  const future = (['admittedOn', 'dischargedOn'] as const).find((k) => (parsed.data[k] ?? '') > today);
  if (future) throw AppError.field(`medical.${future}`, `日期不能晚于今天 ${today}`);
  if (documents === 0) throw AppError.field('documents', '请上传医疗费用票据（发票、结算单或费用清单，至少1份）');
  const c = parsed.data;
  const details = {
    kind: c.kind, diagnosis: c.diagnosis, hospital: c.hospital, admittedOn: c.admittedOn, dischargedOn: c.dischargedOn ?? c.admittedOn,
    totalCostFen: c.totalCostFen, basicInsuranceFen: c.basicInsuranceFen, criticalInsuranceFen: c.criticalInsuranceFen, eligibleSelfPayFen: c.eligibleSelfPayFen,
    ...(c.settlementNo ? { settlementNo: c.settlementNo } : {}),
  };
  const note = [
    `居民线上申请医疗救助：${KIND_LABELS[c.kind]}，${c.hospital}，疾病诊断 ${c.diagnosis}`,
    c.kind === 'inpatient' ? `入院 ${c.admittedOn}，出院 ${details.dischargedOn}` : `就诊 ${c.admittedOn}`,
    `医疗总费用 ${yuan(c.totalCostFen)}，基本医保支付 ${yuan(c.basicInsuranceFen)}，大病保险支付 ${yuan(c.criticalInsuranceFen)}，政策范围内个人自付 ${yuan(c.eligibleSelfPayFen)}`,
    ...(c.settlementNo ? [`结算单号 ${c.settlementNo}`] : []),
    `票据 ${documents} 份（见申请材料）`,
  ].join('；');
  return { details, note };
}

/** The referral part the application becomes. */
export function medicalReferralPart(facts: ReturnType<typeof checkedMedicalFacts>) {
  return { kind: 'referral' as const, department: 'medical_security' as const, need: 'medical' as const, note: facts.note, details: facts.details };
}

const REFERRAL_LABELS = { referred: '已转医保', accepted: '已受理', closed: '已办结' } as const;

/** The state of each 医疗救助 application (by request number), in the portal's words. */
export async function medicalStates(db: Database, rows: readonly { county_code: string; request_no: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const county of new Set(rows.map((r) => r.county_code))) {
    const states = await referralStates(db, county, rows.filter((r) => r.county_code === county).map((r) => r.request_no));
    for (const [no, s] of states) {
      out.set(no, s.state === 'accepted' ? (s.caseNo ? `${REFERRAL_LABELS.accepted}（${s.caseNo}）` : REFERRAL_LABELS.accepted)
        : s.state === 'closed' ? (s.outcomeLabel ? `${REFERRAL_LABELS.closed}（${s.outcomeLabel}）` : REFERRAL_LABELS.closed) : REFERRAL_LABELS.referred);
    }
  }
  return out;
}
