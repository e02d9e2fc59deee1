// The insurer's sheet as .xlsx (streamed; title lines, a bold header row, amounts as numbers) or CSV
// (UTF-8 with BOM, CRLF, so that Excel in China opens it). Text is neutralised against formulas.
import { PassThrough } from 'node:stream';
import { excel } from '../../../kernel/files/excel.ts';
import { csvLine } from '../../../kernel/files/csv.ts';
import { neutralise } from '../../../kernel/files/neutralise.ts';
import { XLSX_MIME } from '../../../kernel/files/upload.ts';

export interface Column { header: string; width: number; amount?: boolean }
/** A data row: text, or a number (fen) for an amount column. */
export type SheetRow = readonly (string | number)[];

const yuanText = (fen: number) => (fen / 100).toFixed(2);

export async function writeTitledSheet(format: 'xlsx' | 'csv', sheetName: string, titles: readonly string[], columns: readonly Column[], rows: readonly SheetRow[]): Promise<{ file: Buffer; mime: string }> {
  const cell = (v: string | number, i: number) => (columns[i]?.amount && typeof v === 'number' ? yuanText(v) : String(v));
  if (format === 'csv') {
    const lines = [...titles.map((t) => csvLine([t])), csvLine(columns.map((c) => c.header)), ...rows.map((r) => csvLine(r.map(cell)))];
    return { file: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8'), mime: 'text/csv; charset=utf-8' };
  }
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new (await excel()).stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: titles.length + 1 }] });
  ws.columns = columns.map((c) => ({ key: c.header, width: c.width, style: c.amount ? { numFmt: '0.00' } : { numFmt: '@' } }));
  for (const t of titles) ws.addRow([neutralise(t)]).commit();
  const head = ws.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  head.commit();
  for (const r of rows) ws.addRow(r.map((v, i) => (columns[i]?.amount && typeof v === 'number' ? v / 100 : neutralise(String(v))))).commit();
  ws.commit();
  await wb.commit();
  return { file: Buffer.concat(chunks), mime: XLSX_MIME };
}
