// 最低生活保障 (低保): a monthly benefit to the household, decided by the county after the township's
// investigation, public notice and the county's spot check; reviewed on a schedule set by the
// household's stability; 渐退 under cn-2021.
import type { ProgrammeModule } from '../types.ts';
import { dibaoBenefitDefinition } from './benefit.ts';
import { dibaoStats } from './stats.ts';
import { dibaoCn2012, dibaoCn2021 } from './workflow.ts';

export const dibao: ProgrammeModule = {
  code: 'dibao',
  serialPrefix: 'DB',
  labels: {
    'zh-CN': { name: '最低生活保障', short: '低保', benefit: '最低生活保障金' },
    en: { name: 'Minimum living guarantee (dibao)', short: 'Dibao', benefit: 'dibao allowance' },
  },
  kind: 'enrolment',
  recipient: 'household',
  openCases: 'one_per_household',
  intake: true,
  workflows: { 'cn-2012': dibaoCn2012, 'cn-2021': dibaoCn2021 },
  benefit: dibaoBenefitDefinition,
  reviewInterval: (stability, hukou) => (stability === 'unstable' ? `procedure.dibao.review_interval.unstable_${hukou}` : `procedure.dibao.review_interval.${stability}`),
  rejectionNoticeParameter: 'procedure.dibao.rejection_notice_working_days',
  verification: { supporters: false },
  stats: dibaoStats,
};
