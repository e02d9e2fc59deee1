// 受灾人员救助: assistance per disaster event (and per 冬春 season) to the households of the damage register
// or the needs survey, decided by the county in batches — 应急救助, 过渡期生活救助, 倒房重建 / 损房维修,
// 冬春生活救助, 遇难人员家属抚慰 — and paid once through the payroll. Events, the damage register, goods and
// the batches are the disaster module's (src/modules/disaster); its cases are opened granted by a batch.
import type { ProgrammeModule } from '../types.ts';
import { disasterBenefit } from './benefit.ts';
import type { DisasterContext } from './context.ts';
import { disasterStats } from './stats.ts';
import { disasterCn2012, disasterCn2021 } from './workflow.ts';

export const disaster: ProgrammeModule<DisasterContext> = {
  code: 'disaster',
  serialPrefix: 'ZH',
  labels: {
    'zh-CN': { name: '受灾人员救助', short: '受灾救助', benefit: '受灾人员救助金' },
    en: { name: 'Disaster relief', short: 'Disaster', benefit: 'disaster relief payment' },
  },
  kind: 'event',
  recipient: 'household',
  openCases: 'many',
  intake: false,
  workflows: { 'cn-2012': disasterCn2012, 'cn-2021': disasterCn2021 },
  benefit: disasterBenefit,
  stats: disasterStats,
};
