// The header row of an import template: each column found by its header (spaces, bracket widths and a unit
// suffix such as （元） or （元/月） ignored); a missing required column, an unknown one or one given twice
// refuses the whole file, naming them.
import { cellText } from './cells.ts';
import { badFile } from './parse.ts';
import type { Cell } from './parse.ts';
import { forEachTableRow, isBlankRow, type FileFormat } from './table.ts';

export interface TemplateColumn<F extends string> {
  field: F;
  header: string;
  required: boolean;
}

/** Full-width and half-width brackets alike, no spaces, without a unit suffix such as （元）. */
export const normaliseHeader = (h: string): string =>
  h.replace(/\s/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/（元(\/月)?）$/, '');

/** Where each field is in the file's columns; `template`: the template's name in the refusal (存量对象导入). */
export function mapHeaders<F extends string>(cells: readonly Cell[], columns: readonly TemplateColumn<F>[], template: string): Map<F, number> {
  const at = new Map<F, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const byHeader = new Map(columns.map((c) => [normaliseHeader(c.header), c]));
  cells.forEach((h, i) => {
    const text = normaliseHeader(cellText(h));
    if (text === '') return;
    const col = byHeader.get(text);
    if (!col) unknown.push(cellText(h));
    else if (at.has(col.field)) duplicate.push(col.header);
    else at.set(col.field, i);
  });
  const missing = columns.filter((c) => c.required && !at.has(c.field)).map((c) => c.header);
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`缺少必填列：${missing.join('、')}`);
  if (unknown.length > 0) problems.push(`无法识别的列：${unknown.join('、')}`);
  if (duplicate.length > 0) problems.push(`列重复：${duplicate.join('、')}`);
  if (problems.length > 0) throw badFile(`表头不符合${template}模板（第1行）：${problems.join('；')}。请下载模板后按模板填写`, { missing, unknown, duplicate });
  return at;
}

/** Reads a template's file row by row as the table reader hands them over (a large file parses in a worker
 * meanwhile): the header row mapped first, then every non-blank data row given to the reader `readerOf` makes
 * of the header map; a file with no data row is refused. The reader collects its own cell errors. */
export async function readTemplateRows<F extends string, R>(
  body: Buffer, format: FileFormat, columns: readonly TemplateColumn<F>[], template: string,
  readerOf: (at: Map<F, number>) => { read(row: number, cells: readonly Cell[]): R | null | undefined },
): Promise<{ rows: R[]; dataRows: number }> {
  let reader: { read(row: number, cells: readonly Cell[]): R | null | undefined } | undefined;
  let headerError: unknown;
  const rows: R[] = [];
  let dataRows = 0;
  await forEachTableRow(body, format, (r) => {
    if (headerError !== undefined) return;
    if (!reader) {
      try {
        reader = readerOf(mapHeaders(r.cells, columns, template));
      } catch (e) {
        headerError = e;
      }
      return;
    }
    if (isBlankRow(r.cells)) return;
    dataRows++;
    const parsed = reader.read(r.row, r.cells);
    if (parsed) rows.push(parsed);
  });
  if (headerError !== undefined) throw headerError;
  if (dataRows === 0) throw badFile('文件中没有数据行（表头之下为空）');
  return { rows, dataRows };
}
