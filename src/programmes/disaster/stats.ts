// What 受灾人员救助 adds to the statistics: persons (人次) and amounts of each kind of relief, houses rebuilt
// and repaired, 冬春 persons and funds — all from the batch decisions' entitlements — and the report's
// paragraph in the seed's form ("自然灾害救助、冬春救助资金9000余万元…救助受灾群众39.22万人").
import type { FigureDeclaration, Labels, ProgrammeStats } from '../stats.ts';

const l = (zh: string, en: string): Labels => ({ 'zh-CN': zh, en });
const total = (key: string, zh: string, en: string, metric: string, unit: 'person_times' | 'fen' | 'households' | 'times', kpi = false): FigureDeclaration =>
  ({ key, labels: l(zh, en), unit, rule: { kind: 'total', metric }, ...(kpi ? { compare: true, kpi: true } : {}) });

const KINDS = [
  ['emergency', '应急救助', 'Emergency relief'],
  ['transitional', '过渡期生活救助', 'Transitional living'],
  ['housing', '倒损住房恢复重建', 'Housing reconstruction'],
  ['winter_spring', '冬春生活救助', 'Winter-spring relief'],
  ['bereavement', '遇难人员家属抚慰', 'Bereavement'],
] as const;

const camel = (s: string) => s.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

export const disasterStats: ProgrammeStats = {
  summaryKeys: [...KINDS.flatMap(([k]) => [`${k}_times`, `${k}_persons`, `${k}_fen`]), 'rebuilt', 'repaired'],
  figures: [
    total('persons', '救助受灾群众（人次）', 'Disaster victims assisted (person-times)', 'persons', 'person_times', true),
    total('households', '救助受灾户（户次）', 'Households assisted (times)', 'times', 'times'),
    total('amount', '受灾人员救助资金（元）', 'Disaster relief paid (yuan)', 'amount', 'fen', true),
    ...KINDS.flatMap(([k, zh, en]) => [
      total(`${camel(k)}Persons`, `${zh}人次`, `${en} (person-times)`, `${k}_persons`, 'person_times'),
      total(`${camel(k)}Amount`, `${zh}资金（元）`, `${en} (yuan)`, `${k}_fen`, 'fen'),
    ]),
    total('rebuilt', '恢复重建倒房（户）', 'Collapsed houses rebuilt (households)', 'rebuilt', 'households'),
    total('repaired', '维修损房（户）', 'Damaged houses repaired (households)', 'repaired', 'households'),
  ],
  charts: [{
    key: 'persons', title: l('各地受灾人员救助人次', 'Disaster relief by area (person-times)'),
    series: KINDS.map(([k, zh, en]) => ({ figure: `${camel(k)}Persons`, labels: l(zh, en) })),
  }],
  table: {
    name: l('受灾人员救助', 'Disaster relief'), title: l('受灾人员救助情况', 'Disaster relief'),
    columns: [
      { figure: 'persons' }, { figure: 'amount' }, { figure: 'emergencyPersons' }, { figure: 'transitionalPersons' }, { figure: 'rebuilt' }, { figure: 'repaired' },
      { figure: 'housingAmount' }, { figure: 'winterSpringPersons' }, { figure: 'winterSpringAmount' }, { figure: 'bereavementAmount' },
    ],
  },
  report: {
    heading: '受灾人员救助工作',
    sentence: '{year}年{place}发放自然灾害救助、冬春救助资金{amount}万元，救助受灾群众{persons}人次；其中应急救助{emergencyPersons}人次，过渡期生活救助{transitionalPersons}人次，恢复重建倒房{rebuilt}户、维修损房{repaired}户，冬春生活救助{winterSpringPersons}人、资金{winterSpringAmount}万元。',
  },
  paymentLabels: l('受灾人员救助金', 'disaster relief'),
};
