// What 临时救助 adds to the statistics: its payments (times), the persons they were for (人次) and the
// amount, over the period with the change on last year; the report's sentence as in the seed
// ("实施临时救助5000余人次，支出800余万元").
import type { ProgrammeStats } from '../stats.ts';

export const temporaryStats: ProgrammeStats = {
  summaryKeys: [],
  figures: [
    { key: 'times', labels: { 'zh-CN': '临时救助次数', en: 'Temporary assistance payments' }, unit: 'times', rule: { kind: 'total', metric: 'times' }, compare: true, kpi: true },
    { key: 'persons', labels: { 'zh-CN': '临时救助人次', en: 'Persons assisted (person-times)' }, unit: 'person_times', rule: { kind: 'total', metric: 'persons' }, compare: true, kpi: true },
    { key: 'amount', labels: { 'zh-CN': '临时救助支出（元）', en: 'Temporary assistance paid (yuan)' }, unit: 'fen', rule: { kind: 'total', metric: 'amount' }, compare: true, kpi: true },
    { key: 'perPerson', labels: { 'zh-CN': '人次均救助金额（元）', en: 'Amount per person-time (yuan)' }, unit: 'fen', rule: { kind: 'perPersonMonth', metric: 'amount' } },
  ],
  table: {
    name: { 'zh-CN': '临时救助', en: 'Temporary assistance' },
    title: { 'zh-CN': '临时救助情况', en: 'Temporary assistance' },
    columns: [{ figure: 'times' }, { figure: 'persons' }, { figure: 'amount' }],
  },
  charts: [{ key: 'persons', title: { 'zh-CN': '各地临时救助人次', en: 'Temporary assistance by area (person-times)' }, series: [{ figure: 'persons' }] }],
  report: { heading: '临时救助工作', sentence: '{year}年{place}实施临时救助{persons}人次，支出{amount}万元。' },
  paymentLabels: { 'zh-CN': '临时救助金', en: 'temporary assistance' },
};
