// The report of a caseload file (.xlsx): 错误 (row, column, reason), 提示 (the amounts that differ from the
// formula, per row) and 汇总. Checking only: nothing is written.
import { excel } from '../../../kernel/files/excel.ts';
import type { Database } from '../../../db/engine.ts';
import { neutralise, neutraliseCell } from '../../../kernel/files/neutralise.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { PROGRAMME_LABELS } from '../columns.ts';
import { checkCaseload, type CaseloadOptions } from './import.ts';

const yuan = (fen: number | null) => (fen === null ? '' : (fen / 100).toFixed(2));

export async function caseloadReport(db: Database, scope: Scope, body: Buffer, opts: CaseloadOptions): Promise<Buffer> {
  const { county, fileName, firstMonth, checked } = await checkCaseload(db, scope, body, opts);
  const wb = new (await excel()).Workbook();
  const errors = wb.addWorksheet('错误', { views: [{ state: 'frozen', ySplit: 1 }] });
  errors.columns = [{ header: '行号', width: 8 }, { header: '列名', width: 18 }, { header: '错误原因', width: 80 }];
  errors.getRow(1).font = { bold: true };
  for (const e of checked.errors) errors.addRow([e.row, neutralise(e.column), neutralise(e.message)]);
  const warnings = wb.addWorksheet('提示', { views: [{ state: 'frozen', ySplit: 1 }] });
  warnings.columns = [{ header: '行号', width: 8 }, { header: '户编号', width: 16 }, { header: '救助项目', width: 10 }, { header: '原系统金额（元）', width: 16 }, { header: '公式金额（元）', width: 16 }, { header: '说明', width: 80 }];
  warnings.getRow(1).font = { bold: true };
  for (const w of checked.warnings) warnings.addRow([w.row, w.householdNo, PROGRAMME_LABELS[w.programme], yuan(w.importedFen), yuan(w.formulaFen), neutralise(w.message)]);
  const summary = wb.addWorksheet('汇总');
  summary.columns = [{ width: 16 }, { width: 40 }];
  const rows: [string, string | number][] = [
    ['文件', fileName], ['县', county?.name ?? '全部'], ['检查时间', new Date().toISOString()], ['数据行数', checked.dataRows],
    ['已终止的案件', checked.cases.filter((c) => c.closedOn !== null).length], ['错误数', checked.errors.length], ['提示数', checked.warnings.length], ['首次发放月份', firstMonth],
    ['结果', checked.errors.length > 0 ? '有误，整个文件不能导入' : '无误，可以导入'],
  ];
  for (const [k, v] of rows) summary.addRow([k, neutraliseCell(v)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
