// The statistical tables (统计表): one table per programme, a row per unit (county, or township of a
// county), a totals row. The same definitions feed the .xlsx sheets and the report's tables.
import type { FiguresResult } from '../service/figures.ts';
import type { FigureKey, UnitFigures } from '../service/unit-figures.ts';

export type ColumnKind = 'count' | 'fen' | 'ratio' | 'yuan';
export interface Column {
  key: FigureKey | 'urbanStandard' | 'ruralStandard';
  label: string;
  kind: ColumnKind;
}
export interface StatTable {
  name: string;
  title: string;
  columns: Column[];
}

export const TABLES: StatTable[] = [
  {
    name: '城乡低保', title: '城乡最低生活保障情况',
    columns: [
      { key: 'dibaoUrbanHouseholds', label: '城市低保户数', kind: 'count' },
      { key: 'dibaoUrbanPersons', label: '城市低保人数', kind: 'count' },
      { key: 'dibaoRuralHouseholds', label: '农村低保户数', kind: 'count' },
      { key: 'dibaoRuralPersons', label: '农村低保人数', kind: 'count' },
      { key: 'dibaoPersons', label: '低保人数合计', kind: 'count' },
      { key: 'dibaoPersonsPrev', label: '上年同期人数', kind: 'count' },
      { key: 'dibaoPersonsChange', label: '比上年增减', kind: 'ratio' },
      { key: 'topupPersons', label: '分类施保人数', kind: 'count' },
      { key: 'urbanGapPerPerson', label: '城市月人均补差（元）', kind: 'fen' },
      { key: 'ruralGapPerPerson', label: '农村月人均补差（元）', kind: 'fen' },
      { key: 'dibaoExpenditure', label: '保障金（元）', kind: 'fen' },
      { key: 'agriculturalPersons', label: '农业人口', kind: 'count' },
      { key: 'ruralCoverage', label: '农村低保占农业人口比例', kind: 'ratio' },
    ],
  },
  {
    name: '特困供养', title: '特困人员供养情况',
    columns: [
      { key: 'hardshipPersons', label: '特困供养人数', kind: 'count' },
      { key: 'hardshipInstitutional', label: '集中供养人数', kind: 'count' },
      { key: 'institutionalRate', label: '集中供养率', kind: 'ratio' },
      { key: 'hardshipPersonsPrev', label: '上年同期人数', kind: 'count' },
      { key: 'hardshipInstitutionalPrev', label: '上年集中供养人数', kind: 'count' },
      { key: 'hardshipExpenditure', label: '供养金（元）', kind: 'fen' },
    ],
  },
  {
    name: '一门受理', title: '“一门受理、协同办理”情况',
    columns: [
      { key: 'intakeReceived', label: '受理求助事项（件）', kind: 'count' },
      { key: 'intakeCompleted', label: '已办结（件）', kind: 'count' },
      { key: 'intakeCompletionRate', label: '办结率', kind: 'ratio' },
      { key: 'overdueReferrals', label: '超期转办事项', kind: 'count' },
      { key: 'overdueCases', label: '超期案件', kind: 'count' },
    ],
  },
  {
    name: '举报核查', title: '举报投诉与查处情况',
    columns: [
      { key: 'complaintsReceived', label: '受理举报（件）', kind: 'count' },
      { key: 'complaintsConcluded', label: '已查结（件）', kind: 'count' },
      { key: 'complaintsSubstantiated', label: '查实（件）', kind: 'count' },
      { key: 'complaintsFavouritism', label: '关系保人情保举报（件）', kind: 'count' },
      { key: 'recoveredFen', label: '追回资金（元）', kind: 'fen' },
      { key: 'fineFen', label: '罚款（元）', kind: 'fen' },
    ],
  },
  {
    name: '发放与核对', title: '保障金发放与家庭经济状况核对情况',
    columns: [
      { key: 'payrollDibaoFen', label: '低保金发放（元）', kind: 'fen' },
      { key: 'payrollHardshipFen', label: '特困供养金发放（元）', kind: 'fen' },
      { key: 'payrollNetFen', label: '发放合计（元）', kind: 'fen' },
      { key: 'payrollLines', label: '发放人次（户次）', kind: 'count' },
      { key: 'verificationRequests', label: '核对请求（件）', kind: 'count' },
      { key: 'rescreenRequests', label: '其中复核比对（件）', kind: 'count' },
      { key: 'verificationFindings', label: '比对疑点（条）', kind: 'count' },
      { key: 'verificationBreaking', label: '超出条件疑点（条）', kind: 'count' },
      { key: 'verificationFavouritism', label: '关系保疑点（条）', kind: 'count' },
      { key: 'rescreenHits', label: '复核预警在保案件', kind: 'count' },
      { key: 'favouritismFlags', label: '关系保标记在保案件', kind: 'count' },
    ],
  },
  {
    name: '应保尽保', title: '应保尽保监测情况',
    columns: [
      { key: 'registryHouseholds', label: '登记家庭户数', kind: 'count' },
      { key: 'registryPersons', label: '登记人口', kind: 'count' },
      { key: 'povertyFile', label: '建档立卡户数', kind: 'count' },
      { key: 'povertyUncovered', label: '建档立卡未纳入保障户数', kind: 'count' },
      { key: 'eligibleUncovered', label: '收入低于标准未纳入户数', kind: 'count' },
      { key: 'nearDibao', label: '低保边缘户数', kind: 'count' },
    ],
  },
];

export interface TableRowValues {
  code: string;
  name: string;
  values: (number | null)[];
}

/** Rows of a table: one per unit, then the totals (counts summed; ratios and averages from the totals). */
export function tableRows(table: StatTable, result: FiguresResult): { rows: TableRowValues[]; total: TableRowValues } {
  const valueOf = (f: UnitFigures, c: Column) => (c.key === 'urbanStandard' || c.key === 'ruralStandard' ? null : f[c.key]);
  const rows = result.units.map((u) => ({ code: u.code, name: u.name, values: table.columns.map((c) => valueOf(u, c)) }));
  const total = { code: result.area.code, name: '合计', values: table.columns.map((c) => valueOf(result.total, c)) };
  return { rows, total };
}

export function formatValue(kind: ColumnKind, v: number | null): string {
  if (v === null) return '—';
  if (kind === 'ratio') return `${(v * 100).toFixed(2)}%`;
  if (kind === 'fen') return (v / 100).toFixed(2);
  return String(v);
}
