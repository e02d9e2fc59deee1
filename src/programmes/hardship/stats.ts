// What 特困 adds to the statistics: persons in support, of them 农村五保, 城市三无 and 孤儿 (origin.ts), and
// how many institutionally (a year earlier too), the institutional support rate and the expenditure (rules.md §11).
import type { Labels, ProgrammeStats } from '../stats.ts';
import { HARDSHIP_ORIGINS, ORIGIN_SUMMARY_KEYS } from './origin.ts';
import { hardshipReport } from './report.ts';

const l = (zh: string, en: string): Labels => ({ 'zh-CN': zh, en });

export const hardshipStats: ProgrammeStats = {
  summaryKeys: ['institutional', ...HARDSHIP_ORIGINS.map((o) => ORIGIN_SUMMARY_KEYS[o])],
  figures: [
    { key: 'persons', labels: l('特困供养人数', 'Extreme-hardship persons'), unit: 'persons', rule: { kind: 'stock', metric: 'persons' }, compare: true, kpi: true },
    { key: 'institutional', labels: l('集中供养人数', 'Institutional support'), unit: 'persons', rule: { kind: 'stock', metric: 'institutional' }, compare: true },
    { key: 'fiveGuarantees', labels: l('农村五保对象人数', 'Rural five-guarantee persons'), unit: 'persons', rule: { kind: 'stock', metric: 'fiveGuarantees' } },
    { key: 'threeNos', labels: l('城市三无人员人数', 'Urban three-nos persons'), unit: 'persons', rule: { kind: 'stock', metric: 'threeNos' } },
    { key: 'orphans', labels: l('孤儿人数', 'Orphans'), unit: 'persons', rule: { kind: 'stock', metric: 'orphans' } },
    { key: 'homeBased', labels: l('分散供养人数', 'Home-based support'), unit: 'persons', rule: { kind: 'difference', of: 'persons', minus: 'institutional' } },
    { key: 'institutionalRate', labels: l('集中供养率', 'Institutional support rate'), unit: 'ratio', rule: { kind: 'ratio', of: 'institutional', to: 'persons' }, compare: true, kpi: true },
    { key: 'expenditure', labels: l('按审批决定核定供养金（元）', 'Support granted by the decisions (yuan)'), unit: 'fen', rule: { kind: 'total', metric: 'amount' } },
  ],
  charts: [{
    key: 'persons', title: l('各地特困人员供养人数', 'Extreme-hardship persons by area'),
    series: [{ figure: 'institutional', labels: l('集中供养', 'Institutional') }, { figure: 'homeBased', labels: l('分散供养', 'Home-based') }],
  }],
  table: {
    name: l('特困供养', 'Hardship'), title: l('特困人员供养情况', 'Extreme-hardship support'),
    columns: [
      { figure: 'persons' }, { figure: 'fiveGuarantees' }, { figure: 'threeNos' }, { figure: 'orphans' }, { figure: 'institutional' }, { figure: 'institutionalRate' },
      { figure: 'persons', show: 'prev', labels: l('上年同期人数', 'Persons a year earlier') },
      { figure: 'institutional', show: 'prev', labels: l('上年集中供养人数', 'Institutional a year earlier') },
      { figure: 'expenditure', labels: l('核定供养金（元）', 'Support granted (yuan)') },
    ],
  },
  report: hardshipReport,
  paymentLabels: l('特困人员供养金', 'hardship support'),
};
