// Reading an uploaded table (.xlsx — first sheet, streamed — or CSV in UTF-8 or GB18030) into numbered
// rows of cells. A file that is not what it claims is refused with one error naming the problem;
// what the columns mean is the caller's business.
import { AppError } from '../errors.ts';
import { decodeText, parseCsv } from './csv.ts';
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

async function readXlsx(body: Buffer): Promise<TableRow[]> {
  if (!isZip(body)) throw badFile('文件不是有效的 Excel（.xlsx）文件；旧版 .xls 请另存为 .xlsx，或选择 CSV 格式');
  const rows: TableRow[] = [];
  try {
    await readFirstSheet(body, (r) => {
      const cells: Cell[] = new Array(r.cells.length);
      for (let i = 0; i < r.cells.length; i++) {
        const v = r.cells[i];
        cells[i] = typeof v === 'boolean' ? (v ? '是' : '否') : v === '' ? undefined : v;
      }
      rows.push({ row: r.number, cells });
    });
  } catch (e) {
    throw badFile(`无法读取 Excel 文件：${(e as Error).message}`);
  }
  if (rows.length === 0) throw badFile('Excel 文件的第一个工作表是空的');
  return rows;
}

function readCsv(body: Buffer): TableRow[] {
  if (isZip(body)) throw badFile('文件是 Excel（.xlsx）文件，请选择 xlsx 格式导入');
  const text = decodeText(body);
  if (text.includes('\u0000')) throw badFile('文件不是文本（CSV）文件');
  return parseCsv(text).map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? undefined : c)) }));
}

/** Every row of the file, the header row first; refuses an empty file. */
export async function readTableFile(body: Buffer, format: FileFormat): Promise<TableRow[]> {
  if (body.length === 0) throw badFile('文件为空');
  const rows = format === 'xlsx' ? await readXlsx(body) : readCsv(body);
  if (rows.length === 0) throw badFile('文件没有表头行');
  return rows;
}

export const isBlankRow = (cells: readonly Cell[]): boolean => cells.every((v) => v === undefined || (typeof v === 'string' && v.trim() === ''));
