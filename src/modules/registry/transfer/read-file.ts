/**
 * Reads an uploaded household file (.xlsx with the streaming reader of xlsx-reader.ts, or CSV in UTF-8 or GB18030) into
 * rows of cells in the order of COLUMNS, checking the header row first. A file that is not what it
 * claims, or whose headers are wrong, is refused with one error naming the problem.
 */
import { AppError } from '../../../lib/errors.ts';
import { COLUMNS, columnOfHeader, normaliseHeader } from './columns.ts';
import { readFirstSheet } from './xlsx-reader.ts';

export type Cell = string | number | undefined;
export type FileFormat = 'xlsx' | 'csv';

export interface RawRow {
  /** Row number in the file as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** Cells in the order of COLUMNS; undefined when the column is absent or the cell empty. */
  cells: Cell[];
}

const badFile = (message: string, details: Record<string, unknown> = {}) =>
  new AppError('invalid_file', message, 400, { ...details, fields: [{ field: '(file)', message }] });

/** Where each file column goes in COLUMNS (-1: a blank header column, ignored). */
function mapHeaders(headers: Cell[]): number[] {
  const positions: number[] = [];
  const unknown: string[] = [];
  const seen = new Set<number>();
  const duplicate: string[] = [];
  headers.forEach((h, i) => {
    const text = h === undefined ? '' : normaliseHeader(String(h));
    if (text === '') {
      positions[i] = -1;
      return;
    }
    const col = columnOfHeader(text);
    if (!col) {
      unknown.push(text);
      positions[i] = -1;
      return;
    }
    const at = COLUMNS.indexOf(col);
    if (seen.has(at)) duplicate.push(col.header);
    seen.add(at);
    positions[i] = at;
  });
  const missing = COLUMNS.filter((c, i) => c.required && !seen.has(i)).map((c) => c.header);
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`缺少必填列：${missing.join('、')}`);
  if (unknown.length > 0) problems.push(`无法识别的列：${unknown.join('、')}`);
  if (duplicate.length > 0) problems.push(`列重复：${duplicate.join('、')}`);
  if (problems.length > 0) throw badFile(`表头不符合导入模板（第1行）：${problems.join('；')}。请下载模板后按模板填写`, { missing, unknown, duplicate });
  return positions;
}

function place(values: Cell[], positions: number[]): Cell[] {
  const cells: Cell[] = new Array(COLUMNS.length);
  for (let i = 0; i < positions.length; i++) {
    const at = positions[i] as number;
    if (at >= 0) cells[at] = values[i];
  }
  return cells;
}

const isBlank = (values: Cell[]) => values.every((v) => v === undefined || (typeof v === 'string' && v.trim() === ''));

export async function readHouseholdFile(body: Buffer, format: FileFormat): Promise<RawRow[]> {
  if (body.length === 0) throw badFile('文件为空');
  const rows = format === 'xlsx' ? await readXlsx(body) : readCsv(body);
  if (rows.length === 0) throw badFile('文件没有表头行');
  const positions = mapHeaders(rows[0]!.cells);
  const out: RawRow[] = [];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (isBlank(r.cells)) continue;
    out.push({ row: r.row, cells: place(r.cells, positions) });
  }
  if (out.length === 0) throw badFile('文件中没有数据行（表头之下为空）');
  return out;
}

// ---- xlsx

async function readXlsx(body: Buffer): Promise<RawRow[]> {
  // An .xlsx is a zip archive: "PK\x03\x04".
  if (body.length < 4 || body.readUInt32LE(0) !== 0x04034b50) {
    throw badFile('文件不是有效的 Excel（.xlsx）文件；旧版 .xls 请另存为 .xlsx，或选择 CSV 格式');
  }
  const rows: RawRow[] = [];
  try {
    await readFirstSheet(body, (r) => {
      const cells: Cell[] = new Array(r.cells.length);
      for (let i = 0; i < r.cells.length; i++) {
        const v = r.cells[i];
        cells[i] = typeof v === 'boolean' ? (v ? '是' : '否') : v;
      }
      rows.push({ row: r.number, cells });
    });
  } catch (e) {
    throw badFile(`无法读取 Excel 文件：${(e as Error).message}`);
  }
  if (rows.length === 0) throw badFile('Excel 文件的第一个工作表是空的');
  return rows;
}

// ---- CSV (RFC 4180: quotes, doubled quotes, CRLF or LF)

function decode(body: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Excel in China saves CSV in GBK/GB18030.
    text = new TextDecoder('gb18030').decode(body);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsv(body: Buffer): RawRow[] {
  if (body.readUInt32LE(0) === 0x04034b50) throw badFile('文件是 Excel（.xlsx）文件，请选择 xlsx 格式导入');
  const text = decode(body);
  if (text.includes('\u0000')) throw badFile('文件不是文本（CSV）文件');
  return parseCsv(text).map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? undefined : c)) }));
}
