// What 医疗救助 adds to the statistics: claims (人次) and the amount by kind — outpatient, inpatient,
// 重特大疾病 — with 倾斜救助 among them; the report's sentence in the seed's form ("支出2743.5万元，
// 对8600余人次实施门诊救助、住院救助").
import type { Labels, ProgrammeStats } from '../stats.ts';

const l = (zh: string, en: string): Labels => ({ 'zh-CN': zh, en });

export const medicalStats: ProgrammeStats = {
  summaryKeys: ['outpatient_times', 'outpatient_fen', 'inpatient_times', 'inpatient_fen', 'critical_times', 'critical_fen', 'tilt_fen'],
  figures: [
    { key: 'times', labels: l('医疗救助人次', 'Medical assistance (person-times)'), unit: 'person_times', rule: { kind: 'total', metric: 'times' }, compare: true, kpi: true },
    { key: 'amount', labels: l('门诊、住院救助支出（元）', 'Outpatient and inpatient assistance (yuan)'), unit: 'fen', rule: { kind: 'total', metric: 'amount' }, compare: true, kpi: true },
    { key: 'outpatientTimes', labels: l('门诊救助人次', 'Outpatient (person-times)'), unit: 'person_times', rule: { kind: 'total', metric: 'outpatient_times' } },
    { key: 'outpatientAmount', labels: l('门诊救助支出（元）', 'Outpatient (yuan)'), unit: 'fen', rule: { kind: 'total', metric: 'outpatient_fen' } },
    { key: 'inpatientTimes', labels: l('住院救助人次', 'Inpatient (person-times)'), unit: 'person_times', rule: { kind: 'total', metric: 'inpatient_times' } },
    { key: 'inpatientAmount', labels: l('住院救助支出（元）', 'Inpatient (yuan)'), unit: 'fen', rule: { kind: 'total', metric: 'inpatient_fen' } },
    { key: 'criticalTimes', labels: l('重特大疾病救助人次', 'Critical illness (person-times)'), unit: 'person_times', rule: { kind: 'total', metric: 'critical_times' } },
    { key: 'criticalAmount', labels: l('重特大疾病救助支出（元）', 'Critical illness (yuan)'), unit: 'fen', rule: { kind: 'total', metric: 'critical_fen' } },
    { key: 'tiltAmount', labels: l('其中倾斜救助（元）', 'Of which tilted assistance (yuan)'), unit: 'fen', rule: { kind: 'total', metric: 'tilt_fen' } },
  ],
  charts: [{
    key: 'times', title: l('各地医疗救助人次', 'Medical assistance by area (person-times)'),
    series: [{ figure: 'outpatientTimes', labels: l('门诊', 'Outpatient') }, { figure: 'inpatientTimes', labels: l('住院', 'Inpatient') }, { figure: 'criticalTimes', labels: l('重特大疾病', 'Critical illness') }],
  }],
  table: {
    name: l('医疗救助', 'Medical'), title: l('医疗救助情况', 'Medical assistance'),
    columns: [{ figure: 'times' }, { figure: 'amount' }, { figure: 'outpatientTimes' }, { figure: 'inpatientTimes' }, { figure: 'criticalTimes' }, { figure: 'tiltAmount' }],
  },
  report: { heading: '医疗救助工作', sentence: '{year}年{place}医疗救助支出{amount}万元，对{times}人次实施门诊救助、住院救助。' },
  paymentLabels: l('医疗救助金', 'medical assistance'),
};
