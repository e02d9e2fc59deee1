// Reading an uploaded table (.xlsx — first sheet, streamed — or CSV in UTF-8 or GB18030) into numbered
// rows of cells, within the limits of limits.ts. A file that is not what it claims, or beyond a limit,
// is refused with one error naming the problem; what the columns mean is the caller's business.
import { fileTooLarge, FILE_LIMITS, type FileLimits } from './limits.ts';
import { badFile, parseTable, type Cell, type TableRow } from './parse.ts';
import type { FileFormat } from './parse.ts';
import { parseInWorker } from './worker-parse.ts';

export { badFile, type Cell, type FileFormat, type TableRow };

/** Every row of the file, the header row first; refuses an empty file. Small files parse here, others in a worker. */
export async function readTableFile(body: Buffer, format: FileFormat, limits: Readonly<FileLimits> = FILE_LIMITS): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  await forEachTableRow(body, format, (row) => void rows.push(row), limits);
  return rows;
}

/**
 * Every row of the file to `onRow` as it is read, the header row first: a large file parses in a worker
 * while the caller works on the rows already read. `onRow` must not throw (collect problems instead).
 */
export async function forEachTableRow(body: Buffer, format: FileFormat, onRow: (row: TableRow) => void, limits: Readonly<FileLimits> = FILE_LIMITS): Promise<void> {
  if (body.length === 0) throw badFile('文件为空');
  if (body.length > limits.bodyBytes) throw fileTooLarge(limits.bodyBytes);
  if (body.length <= limits.inlineBytes) await parseTable(body, format, limits, onRow);
  else await parseInWorker(body, format, limits, onRow);
}

export const isBlankRow = (cells: readonly Cell[]): boolean => cells.every((v) => v === undefined || (typeof v === 'string' && v.trim() === ''));
