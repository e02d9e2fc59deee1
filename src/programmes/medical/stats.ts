// What 医疗救助 adds to the statistics: premium subsidies (persons and amount, for the insurance year),
// and assistance for treatment (人次 and amount, by kind — outpatient, inpatient, 重特大疾病 — with
// 倾斜救助 among it), whether claimed at the window (entitlements) or settled at the hospital (the medical
// module's settlements); the report's sentence in the seed's form ("医疗救助支出1040万元，资助36.7万人参加
// 新型农村合作医疗保险和城镇基本医疗保险；支出2743.5万元，对8600余人次实施门诊救助、住院救助").
import type { FigureDeclaration, Labels, ProgrammeStats } from '../stats.ts';

const l = (zh: string, en: string): Labels => ({ 'zh-CN': zh, en });
const total = (key: string, zh: string, en: string, metric: string, unit: 'person_times' | 'fen' | 'persons'): FigureDeclaration =>
  ({ key, labels: l(zh, en), unit, rule: { kind: 'total', metric } });
const sum = (key: string, zh: string, en: string, of: string[], unit: 'person_times' | 'fen', kpi = false): FigureDeclaration =>
  ({ key, labels: l(zh, en), unit, rule: { kind: 'sum', of }, ...(kpi ? { compare: true, kpi: true } : {}) });

export const medicalStats: ProgrammeStats = {
  summaryKeys: ['outpatient_times', 'outpatient_fen', 'inpatient_times', 'inpatient_fen', 'critical_times', 'critical_fen', 'tilt_fen'],
  moduleMetrics: ['settled_times', 'settled_fen', 'settled_outpatient_times', 'settled_inpatient_times', 'settled_critical_times', 'settled_tilt_fen', 'subsidised_persons', 'subsidy_fen'],
  figures: [
    { ...total('subsidisedPersons', '资助参保人数', 'Persons whose premium was subsidised', 'subsidised_persons', 'persons'), compare: true, kpi: true },
    { ...total('subsidyAmount', '资助参保金额（元）', 'Premium subsidies (yuan)', 'subsidy_fen', 'fen'), compare: true },
    total('claimTimes', '窗口申请救助人次', 'Claims at the window (person-times)', 'times', 'person_times'),
    total('settledTimes', '一站式结算救助人次', 'Settled at the hospital (person-times)', 'settled_times', 'person_times'),
    sum('times', '门诊、住院救助人次', 'Outpatient and inpatient assistance (person-times)', ['claimTimes', 'settledTimes'], 'person_times', true),
    total('claimAmount', '窗口申请救助金额（元）', 'Claims at the window (yuan)', 'amount', 'fen'),
    total('settledAmount', '一站式结算救助金额（元）', 'Settled at the hospital (yuan)', 'settled_fen', 'fen'),
    sum('amount', '门诊、住院救助支出（元）', 'Outpatient and inpatient assistance (yuan)', ['claimAmount', 'settledAmount'], 'fen', true),
    total('claimOutpatient', '窗口申请门诊人次', 'Outpatient claims', 'outpatient_times', 'person_times'),
    total('settledOutpatient', '一站式结算门诊人次', 'Outpatient settled', 'settled_outpatient_times', 'person_times'),
    sum('outpatientTimes', '门诊救助人次', 'Outpatient (person-times)', ['claimOutpatient', 'settledOutpatient'], 'person_times'),
    total('claimInpatient', '窗口申请住院人次', 'Inpatient claims', 'inpatient_times', 'person_times'),
    total('settledInpatient', '一站式结算住院人次', 'Inpatient settled', 'settled_inpatient_times', 'person_times'),
    sum('inpatientTimes', '住院救助人次', 'Inpatient (person-times)', ['claimInpatient', 'settledInpatient'], 'person_times'),
    total('claimCritical', '窗口申请重特大疾病人次', 'Critical-illness claims', 'critical_times', 'person_times'),
    total('settledCritical', '一站式结算重特大疾病人次', 'Critical illness settled', 'settled_critical_times', 'person_times'),
    sum('criticalTimes', '重特大疾病救助人次', 'Critical illness (person-times)', ['claimCritical', 'settledCritical'], 'person_times'),
    total('claimTilt', '窗口申请倾斜救助（元）', 'Tilted assistance on claims (yuan)', 'tilt_fen', 'fen'),
    total('settledTilt', '一站式结算倾斜救助（元）', 'Tilted assistance settled (yuan)', 'settled_tilt_fen', 'fen'),
    sum('tiltAmount', '其中倾斜救助（元）', 'Of which tilted assistance (yuan)', ['claimTilt', 'settledTilt'], 'fen'),
  ],
  charts: [{
    key: 'times', title: l('各地医疗救助人次', 'Medical assistance by area (person-times)'),
    series: [{ figure: 'outpatientTimes', labels: l('门诊', 'Outpatient') }, { figure: 'inpatientTimes', labels: l('住院', 'Inpatient') }, { figure: 'criticalTimes', labels: l('重特大疾病', 'Critical illness') }],
  }],
  table: {
    name: l('医疗救助', 'Medical'), title: l('医疗救助情况', 'Medical assistance'),
    columns: [
      { figure: 'subsidisedPersons' }, { figure: 'subsidyAmount' }, { figure: 'times' }, { figure: 'amount' },
      { figure: 'outpatientTimes' }, { figure: 'inpatientTimes' }, { figure: 'criticalTimes' }, { figure: 'tiltAmount' }, { figure: 'settledTimes' },
    ],
  },
  report: {
    heading: '医疗救助工作',
    sentence: '{year}年{place}医疗救助支出{subsidyAmount}万元，资助{subsidisedPersons}人参加城乡居民基本医疗保险；支出{amount}万元，对{times}人次实施门诊救助、住院救助。',
  },
  paymentLabels: l('医疗救助金', 'medical assistance'),
};
