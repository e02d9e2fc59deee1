// 医疗救助: a payment per claim (a hospital stay or an outpatient treatment) to a 特困 person, a member of
// a 低保 household or of a 低保边缘 household, whatever its other cases; the township approves within its
// delegated amount, the county above it. Premium subsidies and the hospitals' one-stop settlements are
// the medical module's (src/modules/medical), which also keeps the ledger the caps are summed on.
import type { ProgrammeModule } from '../types.ts';
import { medicalBenefit } from './benefit.ts';
import { claimSchema, type MedicalContext } from './context.ts';
import { medicalStats } from './stats.ts';
import { medicalCn2012, medicalCn2021 } from './workflow.ts';

export const medical: ProgrammeModule<MedicalContext> = {
  code: 'medical',
  serialPrefix: 'YL',
  labels: {
    'zh-CN': { name: '医疗救助', short: '医疗救助', benefit: '医疗救助金' },
    en: { name: 'Medical assistance', short: 'Medical', benefit: 'medical assistance payment' },
  },
  kind: 'claim',
  recipient: 'person',
  openCases: 'many',
  // The window refers a medical need to 医保 (a referral need) and the claim is recorded on the medical page, answering it.
  intake: false,
  workflows: { 'cn-2012': medicalCn2012, 'cn-2021': medicalCn2021 },
  opening: { schema: claimSchema, context: (data) => ({ claim: claimSchema.parse(data) }) },
  benefit: medicalBenefit,
  rejectionNoticeParameter: 'procedure.medical.rejection_notice_working_days',
  stats: medicalStats,
};
