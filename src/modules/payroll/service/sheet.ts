// One sheet of text and amounts as the banks and townships take it: .xlsx (streamed, frozen header, amounts
// as numbers) or CSV (UTF-8 with BOM, CRLF, so that Excel in China opens it).
import { PassThrough } from 'node:stream';
import { excel } from '../../../kernel/files/excel.ts';
import { csvLine } from '../../../kernel/files/csv.ts';
import { neutralise } from '../../../kernel/files/neutralise.ts';
import { XLSX_MIME } from '../../../kernel/files/upload.ts';

export interface SheetColumn {
  header: string;
  width: number;
  /** yuan with two decimals: a number cell in .xlsx */
  amount?: boolean;
}

export async function writeSheet(format: 'xlsx' | 'csv', sheetName: string, columns: readonly SheetColumn[], rows: readonly string[][]): Promise<{ file: Buffer; mime: string }> {
  if (format === 'csv') {
    const file = Buffer.from(`\ufeff${[columns.map((c) => c.header), ...rows].map(csvLine).join('\r\n')}\r\n`, 'utf8');
    return { file, mime: 'text/csv; charset=utf-8' };
  }
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new (await excel()).stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.header, width: c.width, style: c.amount ? { numFmt: '0.00' } : { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const r of rows) ws.addRow(r.map((v, i) => (columns[i]?.amount ? Number(v) : neutralise(v)))).commit();
  ws.commit();
  await wb.commit();
  return { file: Buffer.concat(chunks), mime: XLSX_MIME };
}
