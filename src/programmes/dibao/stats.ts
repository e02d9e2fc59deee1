// What 低保 adds to the statistics: recipients by hukou (households and persons, on last year), the
// gap payment and benefit per person and month, the top-up persons, the average standards over the
// counties, the expenditure and the rural coverage (rural persons ÷ agricultural population), which the
// rural-coverage floor and the reduction quota watch (rules.md §10, §11); households by main cause of
// poverty (致贫原因) and the shares of 因病 and 因灾 among them.
import { causeMetric, type FigureDeclaration, type Hukou, type Labels, type ProgrammeStats } from '../stats.ts';
import { CAUSES } from './causes.ts';
import { dibaoReport } from './report.ts';

const l = (zh: string, en: string): Labels => ({ 'zh-CN': zh, en });
const stock = (metric: string, hukou?: Hukou) => ({ kind: 'stock', metric, ...(hukou ? { hukou } : {}) }) as const;
const perPersonMonth = (metric: string, hukou: Hukou) => ({ kind: 'perPersonMonth', metric, hukou }) as const;

const figures: FigureDeclaration[] = [
  { key: 'households', labels: l('城乡低保户数', 'Dibao households'), unit: 'households', rule: stock('households'), compare: true },
  { key: 'persons', labels: l('城乡低保人数', 'Dibao recipients (persons)'), unit: 'persons', rule: stock('persons'), compare: true, kpi: true },
  { key: 'urbanHouseholds', labels: l('城市低保户数', 'Urban dibao households'), unit: 'households', rule: stock('households', 'urban') },
  { key: 'urbanPersons', labels: l('城市低保人数', 'Urban dibao persons'), unit: 'persons', rule: stock('persons', 'urban'), compare: true },
  { key: 'ruralHouseholds', labels: l('农村低保户数', 'Rural dibao households'), unit: 'households', rule: stock('households', 'rural') },
  { key: 'ruralPersons', labels: l('农村低保人数', 'Rural dibao persons'), unit: 'persons', rule: stock('persons', 'rural'), compare: true },
  { key: 'urbanGapPerPerson', labels: l('城市月人均补差（元）', 'Urban gap payment per person/month (yuan)'), unit: 'fen_per_person_month', rule: perPersonMonth('gap', 'urban'), compare: true, kpi: true },
  { key: 'ruralGapPerPerson', labels: l('农村月人均补差（元）', 'Rural gap payment per person/month (yuan)'), unit: 'fen_per_person_month', rule: perPersonMonth('gap', 'rural'), compare: true, kpi: true },
  { key: 'urbanBenefitPerPerson', labels: l('城市月人均保障金（元）', 'Urban benefit per person/month (yuan)'), unit: 'fen_per_person_month', rule: perPersonMonth('amount', 'urban') },
  { key: 'ruralBenefitPerPerson', labels: l('农村月人均保障金（元）', 'Rural benefit per person/month (yuan)'), unit: 'fen_per_person_month', rule: perPersonMonth('amount', 'rural') },
  { key: 'expenditure', labels: l('按审批决定核定低保金（元）', 'Dibao granted by the decisions (yuan)'), unit: 'fen', rule: { kind: 'total', metric: 'amount' } },
  { key: 'topupPersons', labels: l('分类施保人数', 'Category top-up persons'), unit: 'persons', rule: stock('topup') },
  { key: 'urbanStandard', labels: l('城市平均低保标准（元/月）', 'Average urban standard (yuan/month)'), unit: 'fen_per_person_month', rule: { kind: 'parameterMean', parameter: 'dibao.standard.urban' }, compare: true, kpi: true },
  { key: 'ruralStandard', labels: l('农村平均低保标准（元/年）', 'Average rural standard (yuan/year)'), unit: 'fen_per_person_year', rule: { kind: 'parameterMean', parameter: 'dibao.standard.rural' }, compare: true, kpi: true },
  { key: 'agriculturalPersons', labels: l('农业人口', 'Agricultural population'), unit: 'persons', rule: { kind: 'registry', figure: 'agriculturalPersons' } },
  ...CAUSES.map(([cause, key, zh, en]): FigureDeclaration => ({ key, labels: l(`${zh}低保户数`, `Dibao households by main cause: ${en}`), unit: 'households', rule: stock(causeMetric(cause)) })),
  { key: 'illnessShare', labels: l('因病致贫返贫户占低保户比例', 'Share of dibao households poor through illness'), unit: 'ratio', rule: { kind: 'ratio', of: 'illnessHouseholds', to: 'households' } },
  { key: 'disasterShare', labels: l('因灾致贫返贫户占低保户比例', 'Share of dibao households poor through disaster'), unit: 'ratio', rule: { kind: 'ratio', of: 'disasterHouseholds', to: 'households' } },
  { key: 'ruralCoverage', labels: l('农村低保占农业人口比例', 'Rural dibao / agricultural population'), unit: 'ratio', rule: { kind: 'ratio', of: 'ruralPersons', to: 'agriculturalPersons' }, kpi: true },
];

export const dibaoStats: ProgrammeStats = {
  summaryKeys: ['gap', 'topup'],
  figures,
  charts: [{
    key: 'persons', title: l('各地城乡低保人数', 'Dibao recipients by area'),
    series: [{ figure: 'urbanPersons', labels: l('城市低保', 'Urban dibao') }, { figure: 'ruralPersons', labels: l('农村低保', 'Rural dibao') }],
  }],
  table: {
    name: l('城乡低保', 'Dibao'), title: l('城乡最低生活保障情况', 'Minimum living guarantee'),
    columns: [
      { figure: 'urbanHouseholds' }, { figure: 'urbanPersons' }, { figure: 'ruralHouseholds' }, { figure: 'ruralPersons' },
      { figure: 'persons', labels: l('低保人数合计', 'Dibao persons, total') },
      { figure: 'persons', show: 'prev', labels: l('上年同期人数', 'Persons a year earlier') },
      { figure: 'persons', show: 'change', labels: l('比上年增减', 'Change on last year') },
      { figure: 'topupPersons' }, { figure: 'urbanGapPerPerson' }, { figure: 'ruralGapPerPerson' },
      { figure: 'expenditure', labels: l('核定保障金（元）', 'Benefits granted (yuan)') },
      { figure: 'agriculturalPersons' }, { figure: 'ruralCoverage' },
      { figure: 'illnessHouseholds' }, { figure: 'illnessShare' }, { figure: 'disasterHouseholds' }, { figure: 'disasterShare' },
    ],
  },
  monitoring: {
    rural_coverage: { figure: 'ruralCoverage', parameter: 'monitoring.rural_coverage_floor' },
    reduction_quota: { figure: 'persons', parameter: 'monitoring.province_reduction_quota' },
  },
  report: dibaoReport,
  paymentLabels: l('低保金', 'dibao allowance'),
};
