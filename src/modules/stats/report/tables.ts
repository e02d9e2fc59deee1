// The statistical tables (统计表): a table per programme from the columns it declares, then the module's
// own (intake, complaints, payroll and verification, 应保尽保); a row per unit (county, or township of a
// county) and a totals row. The totals are the area's own figures: counts add up, ratios and averages
// are computed from the totals. The same tables feed the .xlsx sheets and the report's tables.
import type { FigureUnit } from '../../../programmes/stats.ts';
import type { Figure, FigureKey, FiguresResult, UnitFigures } from '../contract.ts';
import type { StatsProgramme } from '../domain/catalogue.ts';

export type ColumnKind = 'count' | 'fen' | 'ratio';

/** One row's figures: the module's own, each programme's by key, each programme's payroll. */
export interface RowSource {
  figures: UnitFigures;
  programme(code: string, key: string): Figure | undefined;
  payroll(code: string): { netFen: number; lines: number } | undefined;
}

export interface Column {
  label: string;
  kind: ColumnKind;
  value(row: RowSource): number | null;
}

export interface StatTable {
  name: string;
  title: string;
  columns: Column[];
}

export const kindOf = (unit: FigureUnit): ColumnKind => (unit === 'ratio' ? 'ratio' : unit.startsWith('fen') ? 'fen' : 'count');

export function programmeTable(p: StatsProgramme): StatTable {
  const columns = p.table.columns.map((c): Column => {
    const f = p.figures.find((x) => x.key === c.figure);
    const show = c.show ?? 'value';
    const base = f?.labels['zh-CN'] ?? c.figure;
    const label = c.labels?.['zh-CN'] ?? (show === 'prev' ? `上年同期${base}` : show === 'change' ? `${base}比上年增减` : base);
    return { label, kind: show === 'change' ? 'ratio' : kindOf(f?.unit ?? 'persons'), value: (row) => row.programme(p.code, c.figure)?.[show] ?? null };
  });
  return { name: p.table.name['zh-CN'], title: p.table.title['zh-CN'], columns };
}

const col = (key: FigureKey, label: string, kind: ColumnKind): Column => ({ label, kind, value: (row) => row.figures[key] });

export const intakeTable: StatTable = {
  name: '一门受理', title: '“一门受理、协同办理”情况',
  columns: [
    col('intakeReceived', '受理求助事项（件）', 'count'), col('intakeCompleted', '已办结（件）', 'count'), col('intakeCompletionRate', '办结率', 'ratio'),
    col('overdueReferrals', '超期转办事项', 'count'), col('overdueCases', '超期案件', 'count'),
  ],
};

export const complaintsTable: StatTable = {
  name: '举报核查', title: '举报投诉与查处情况',
  columns: [
    col('complaintsReceived', '受理举报（件）', 'count'), col('complaintsConcluded', '已查结（件）', 'count'), col('complaintsSubstantiated', '查实（件）', 'count'),
    col('complaintsFavouritism', '关系保人情保举报（件）', 'count'), col('recoveredFen', '追回资金（元）', 'fen'), col('fineFen', '罚款（元）', 'fen'),
  ],
};

/** Payroll per programme (named as its payments are), the totals, and verification. */
export function payrollTable(programmes: readonly StatsProgramme[]): StatTable {
  return {
    name: '发放与核对', title: '保障金发放与家庭经济状况核对情况',
    columns: [
      ...programmes.map((p): Column => ({ label: `${p.paymentLabels['zh-CN']}发放（元）`, kind: 'fen', value: (row) => row.payroll(p.code)?.netFen ?? null })),
      col('payrollNetFen', '发放合计（元）', 'fen'), col('payrollLines', '发放人次（户次）', 'count'),
      col('verificationRequests', '核对请求（件）', 'count'), col('rescreenRequests', '其中复核比对（件）', 'count'),
      col('verificationFindings', '比对疑点（条）', 'count'), col('verificationBreaking', '超出条件疑点（条）', 'count'), col('verificationFavouritism', '关系保疑点（条）', 'count'),
      col('rescreenHits', '复核预警在保案件', 'count'), col('favouritismFlags', '关系保标记在保案件', 'count'),
    ],
  };
}

export const coverageTable: StatTable = {
  name: '应保尽保', title: '应保尽保监测情况',
  columns: [
    col('registryHouseholds', '登记家庭户数', 'count'), col('registryPersons', '登记人口', 'count'), col('povertyFile', '建档立卡户数', 'count'),
    col('povertyUncovered', '建档立卡未纳入保障户数', 'count'), col('eligibleUncovered', '收入低于标准未纳入户数', 'count'), col('nearDibao', '低保边缘户数', 'count'),
  ],
};

/** Every table: the programmes' in registry order, then the module's. */
export function allTables(programmes: readonly StatsProgramme[]): StatTable[] {
  return [...programmes.map(programmeTable), intakeTable, complaintsTable, payrollTable(programmes), coverageTable];
}

export interface TableRowValues {
  code: string;
  name: string;
  values: (number | null)[];
}

function source(result: FiguresResult, unit: string | null, figures: UnitFigures): RowSource {
  return {
    figures,
    programme: (code, key) => {
      const s = result.programmes.find((p) => p.code === code);
      const list = unit === null ? s?.total : s?.units.find((u) => u.code === unit)?.figures;
      return list?.find((f) => f.key === key);
    },
    payroll: (code) => {
      const s = result.payroll.find((p) => p.programme === code);
      return unit === null ? s?.total : s?.units.find((u) => u.code === unit);
    },
  };
}

/** Rows of a table: one per unit, then the totals. */
export function tableRows(table: StatTable, result: FiguresResult): { rows: TableRowValues[]; total: TableRowValues } {
  const rows = result.units.map((u) => {
    const s = source(result, u.code, u);
    return { code: u.code, name: u.name, values: table.columns.map((c) => c.value(s)) };
  });
  const t = source(result, null, result.total);
  return { rows, total: { code: result.area.code, name: '合计', values: table.columns.map((c) => c.value(t)) } };
}

export function formatValue(kind: ColumnKind, v: number | null): string {
  if (v === null) return '—';
  if (kind === 'ratio') return `${(v * 100).toFixed(2)}%`;
  if (kind === 'fen') return (v / 100).toFixed(2);
  return String(v);
}
