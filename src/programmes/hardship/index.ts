// 特困人员救助供养: monthly support to the person (institutional or home-based), decided by the county;
// reviewed yearly; ended after a termination notice.
import type { ProgrammeModule } from '../types.ts';
import { hardshipBenefit } from './benefit.ts';
import type { HardshipContext } from './context.ts';
import { hardshipStats } from './stats.ts';
import { hardshipCn2012, hardshipCn2021 } from './workflow.ts';

export const hardship: ProgrammeModule<HardshipContext> = {
  code: 'hardship',
  serialPrefix: 'TK',
  labels: {
    'zh-CN': { name: '特困人员救助供养', short: '特困', benefit: '特困人员救助供养金' },
    en: { name: 'Extreme hardship support', short: 'Hardship', benefit: 'hardship support' },
  },
  kind: 'enrolment',
  recipient: 'person',
  openCases: 'one_per_person',
  intake: true,
  workflows: { 'cn-2012': hardshipCn2012, 'cn-2021': hardshipCn2021 },
  benefit: hardshipBenefit,
  reviewInterval: () => 'procedure.hardship.review_interval_months',
  rejectionNoticeParameter: 'procedure.hardship.rejection_notice_working_days',
  verification: { supporters: true },
  stats: hardshipStats,
};
