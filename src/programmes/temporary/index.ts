// 临时救助 / 救急难: a one-off payment per claim (many per year, to anyone in the area whatever the
// hukou), 急难型 paid first when urgent, 支出型 after the economic status check; the township approves
// within its delegated amount, the county above it.
import type { ProgrammeModule } from '../types.ts';
import { temporaryBenefit } from './benefit.ts';
import { claimSchema, type TemporaryContext } from './context.ts';
import { temporaryStats } from './stats.ts';
import { temporaryCn2012, temporaryCn2021 } from './workflow.ts';

export const temporary: ProgrammeModule<TemporaryContext> = {
  code: 'temporary',
  serialPrefix: 'LS',
  labels: {
    'zh-CN': { name: '临时救助', short: '临时救助', benefit: '临时救助金' },
    en: { name: 'Temporary assistance', short: 'Temporary', benefit: 'temporary assistance payment' },
  },
  kind: 'claim',
  recipient: 'person',
  openCases: 'many',
  intake: true,
  workflows: { 'cn-2012': temporaryCn2012, 'cn-2021': temporaryCn2021 },
  opening: { schema: claimSchema, context: (data) => ({ claim: claimSchema.parse(data) }) },
  benefit: temporaryBenefit,
  rejectionNoticeParameter: 'procedure.temporary.rejection_notice_working_days',
  verification: { supporters: false },
  stats: temporaryStats,
};
