// Parsing an uploaded table (.xlsx — first sheet, streamed — or CSV in UTF-8 or GB18030) into numbered
// rows within the limits, wherever it runs: on the calling thread or in the parse worker (table.ts).
import { AppError } from '../errors.ts';
import { TableBounds } from './bounds.ts';
import { decodeText, parseCsv } from './csv.ts';
import type { FileLimits } from './limits.ts';
import { readFirstSheet } from './xlsx-reader.ts';

export type Cell = string | number | undefined;
export type FileFormat = 'xlsx' | 'csv';

export interface TableRow {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** Cells in file order; an empty cell is undefined. */
  cells: Cell[];
}

export const badFile = (message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError('invalid_file', message, 400, { ...details, fields: [{ field: '(file)', message }] });

const isZip = (body: Buffer) => body.length >= 4 && body.readUInt32LE(0) === 0x04034b50;

async function parseXlsx(body: Buffer, bounds: TableBounds, onRow: (row: TableRow) => void): Promise<number> {
  if (!isZip(body)) throw badFile('文件不是有效的 Excel（.xlsx）文件；旧版 .xls 请另存为 .xlsx，或选择 CSV 格式');
  let count = 0;
  try {
    await readFirstSheet(body, bounds, (r) => {
      const cells: Cell[] = new Array(r.cells.length);
      for (let i = 0; i < r.cells.length; i++) {
        const v = r.cells[i];
        cells[i] = typeof v === 'boolean' ? (v ? '是' : '否') : v === '' ? undefined : v;
      }
      count++;
      onRow({ row: r.number, cells });
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badFile(`无法读取 Excel 文件：${(e as Error).message}`);
  }
  if (count === 0) throw badFile('Excel 文件的第一个工作表是空的');
  return count;
}

function parseText(body: Buffer, bounds: TableBounds, onRow: (row: TableRow) => void): number {
  if (isZip(body)) throw badFile('文件是 Excel（.xlsx）文件，请选择 xlsx 格式导入');
  const text = decodeText(body);
  if (text.includes('\u0000')) throw badFile('文件不是文本（CSV）文件');
  const records = parseCsv(text, bounds);
  records.forEach((cells, i) => onRow({ row: i + 1, cells: cells.map((c) => (c === '' ? undefined : c)) }));
  return records.length;
}

/** Calls `onRow` with every row of the file, the header row first; refuses an empty file. */
export async function parseTable(body: Buffer, format: FileFormat, limits: Readonly<FileLimits>, onRow: (row: TableRow) => void): Promise<void> {
  if (body.length === 0) throw badFile('文件为空');
  const bounds = new TableBounds(limits);
  const count = format === 'xlsx' ? await parseXlsx(body, bounds, onRow) : parseText(body, bounds, onRow);
  if (count === 0) throw badFile('文件没有表头行');
}
