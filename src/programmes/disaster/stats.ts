// What 受灾人员救助 adds to the statistics: persons (人次) and amounts of each kind of relief, houses rebuilt
// and repaired, 冬春 persons and funds — all from the batch decisions' entitlements — and 政策性农房保险:
// insured households, houses whose claim was paid and the amount paid, from the housing-insurance module's
// roll-up rows (`moduleMetrics`, src/modules/housing-insurance/repo/rollup.ts); the report's paragraph in
// the seed's form ("自然灾害救助、冬春救助资金9000余万元…救助受灾群众39.22万人…政策性农房保险79万户…理赔农房609户，
// 兑付保险金215万元").
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
  moduleMetrics: ['insured_households', 'insurance_claims_paid', 'insurance_paid_fen'],
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
    total('insuredHouseholds', '参加政策性农房保险（户）', 'Households with policy rural housing insurance', 'insured_households', 'households'),
    total('claimsPaid', '理赔农房（户）', 'Insured houses paid (households)', 'insurance_claims_paid', 'households'),
    total('insurancePaid', '兑付保险金（元）', 'Insurance paid (yuan)', 'insurance_paid_fen', 'fen'),
  ],
  charts: [{
    key: 'persons', title: l('各地受灾人员救助人次', 'Disaster relief by area (person-times)'),
    series: KINDS.map(([k, zh, en]) => ({ figure: `${camel(k)}Persons`, labels: l(zh, en) })),
  }, {
    key: 'houses', title: l('各地倒损农房恢复重建与保险理赔（户）', 'Houses rebuilt, repaired and paid by insurance, by area'),
    series: [
      { figure: 'rebuilt', labels: l('恢复重建倒房', 'Rebuilt') },
      { figure: 'repaired', labels: l('维修损房', 'Repaired') },
      { figure: 'claimsPaid', labels: l('理赔农房', 'Insurance paid') },
    ],
  }],
  table: {
    name: l('受灾人员救助', 'Disaster relief'), title: l('受灾人员救助情况', 'Disaster relief'),
    columns: [
      { figure: 'persons' }, { figure: 'amount' }, { figure: 'emergencyPersons' }, { figure: 'transitionalPersons' }, { figure: 'rebuilt' }, { figure: 'repaired' },
      { figure: 'housingAmount' }, { figure: 'winterSpringPersons' }, { figure: 'winterSpringAmount' }, { figure: 'bereavementAmount' },
      { figure: 'insuredHouseholds' }, { figure: 'claimsPaid' }, { figure: 'insurancePaid' },
    ],
  },
  report: {
    heading: '受灾人员救助工作',
    sentence: '{year}年{place}发放自然灾害救助、冬春救助资金{amount}万元，救助受灾群众{persons}人次；其中应急救助{emergencyPersons}人次，过渡期生活救助{transitionalPersons}人次，恢复重建倒房{rebuilt}户、维修损房{repaired}户，冬春生活救助{winterSpringPersons}人、资金{winterSpringAmount}万元。'
      + '全年政策性农房保险参保{insuredHouseholds}户，理赔农房{claimsPaid}户，兑付保险金{insurancePaid}万元。',
  },
  paymentLabels: l('受灾人员救助金', 'disaster relief'),
};
