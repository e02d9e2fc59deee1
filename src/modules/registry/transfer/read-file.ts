/**
 * Reads an uploaded household file (.xlsx or CSV, read by the kernel's table reader) into
 * rows of cells in the order of COLUMNS, checking the header row first. A file that is not what it
 * claims, or whose headers are wrong, is refused with one error naming the problem.
 */
import { COLUMNS, columnOfHeader, normaliseHeader } from './columns.ts';
import { badFile, isBlankRow, readTableFile, type Cell, type FileFormat } from '../../../kernel/files/table.ts';

export type { Cell, FileFormat };

export interface RawRow {
  /** Row number in the file as a spreadsheet shows it (the header is row 1). */
  row: number;
  /** Cells in the order of COLUMNS; undefined when the column is absent or the cell empty. */
  cells: Cell[];
}

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

export async function readHouseholdFile(body: Buffer, format: FileFormat): Promise<RawRow[]> {
  const rows = await readTableFile(body, format);
  const positions = mapHeaders(rows[0]!.cells);
  const out: RawRow[] = [];
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (isBlankRow(r.cells)) continue;
    out.push({ row: r.row, cells: place(r.cells, positions) });
  }
  if (out.length === 0) throw badFile('文件中没有数据行（表头之下为空）');
  return out;
}
