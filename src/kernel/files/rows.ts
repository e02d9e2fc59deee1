// The one shape of a file's row errors: row number (as the spreadsheet shows it), column (its Chinese
// header) and the reason. A file with errors is refused whole; the error names the first and lists them.
import { excel } from './excel.ts';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { neutralise, neutraliseCell } from './neutralise.ts';

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export const rowErrorSchema = z.object({ row: z.number(), column: z.string(), message: z.string() });

/** How many row errors an answer carries (the count says how many there were). */
export const ROW_ERRORS_SHOWN = 200;

/** 400 `code`, nothing changed: "N 处错误…；第 R 行「列」：reason", with `fields` as `row R.列` and `errors`. */
export function rowsRejected(code: string, what: string, errors: readonly RowError[]): AppError {
  const first = errors[0];
  const where = first ? `；第 ${first.row} 行「${first.column}」：${first.message}` : '';
  const shown = errors.slice(0, ROW_ERRORS_SHOWN);
  return new AppError(code, `${what}有 ${errors.length} 处错误，未导入任何数据${where}`, 400, {
    fields: shown.map((e) => ({ field: `row ${e.row}.${e.column}`, message: e.message })),
    errors: shown,
    errorCount: errors.length,
  });
}

/** The error report of an import: 错误 (row, column, reason) and 汇总. */
export async function errorReportWorkbook(errors: readonly RowError[], summary: Record<string, string | number>): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('错误', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ header: '行号', key: 'row', width: 8 }, { header: '列名', key: 'column', width: 16 }, { header: '错误原因', key: 'message', width: 80 }];
  ws.getRow(1).font = { bold: true };
  for (const e of errors) ws.addRow([e.row, neutralise(e.column), neutralise(e.message)]);
  const s = wb.addWorksheet('汇总');
  s.columns = [{ width: 16 }, { width: 40 }];
  for (const [k, v] of Object.entries(summary)) s.addRow([neutralise(k), neutraliseCell(v)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
