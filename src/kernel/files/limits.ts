// The bounds every uploaded table is read within (README.md here explains each and the memory they
// allow). They are checked before and while a file is inflated and parsed; crossing one stops the work at
// once with a refusal naming the bound — 413 for what is too big to read, 400 for a table out of shape.
import { AppError } from '../errors.ts';

const MiB = 1024 * 1024;

export interface FileLimits {
  /** Request body (the compressed file). */
  bodyBytes: number;
  /** Entries in the zip's central directory. */
  zipEntries: number;
  /** Inflated size of the worksheet and of the shared strings, each. */
  sheetBytes: number;
  /** Inflated size of every other part read (workbook.xml and its relationships). */
  partBytes: number;
  /** Inflated size ÷ compressed size of one entry (zip bomb), once it inflates beyond `ratioGraceBytes`. */
  ratio: number;
  ratioGraceBytes: number;
  /** Row number (as the spreadsheet shows it; Excel's own maximum). */
  rows: number;
  /** Columns of one row. */
  columns: number;
  /** Characters of one cell (Excel's own maximum). */
  cellChars: number;
  /** Characters of the XML of one row or one shared string while it is scanned. */
  elementChars: number;
  /** Non-empty cells of the whole table and their characters: what the parsed table holds in memory. */
  cells: number;
  textChars: number;
  /** Heap of the worker thread that parses a file (worker_threads resourceLimits). */
  workerHeapMb: number;
  /** Time the worker may take before it is stopped. */
  parseMs: number;
  /** Files up to this size are parsed on the calling thread (a worker costs ~0.3 s to start). */
  inlineBytes: number;
}

export const FILE_LIMITS: Readonly<FileLimits> = Object.freeze({
  bodyBytes: 50 * MiB,
  zipEntries: 1_000,
  sheetBytes: 512 * MiB,
  partBytes: 4 * MiB,
  ratio: 100,
  ratioGraceBytes: 1 * MiB,
  rows: 1_048_576,
  columns: 256,
  cellChars: 32_767,
  elementChars: 16 * MiB,
  cells: 20_000_000,
  textChars: 200_000_000,
  workerHeapMb: 1_024,
  parseMs: 120_000,
  inlineBytes: 64 * 1024,
});

/** Bytes as the messages say them: "50 MB", "1.5 MB", "12 KB". */
export const mb = (bytes: number): string => (bytes < MiB ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round((bytes / MiB) * 10) / 10} MB`);

/** Column letters as Excel shows them (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const fileError = (code: string, status: number, message: string, details: Record<string, unknown>, field = '(file)') =>
  new AppError(code, message, status, { ...details, fields: [{ field, message }] });

export const fileTooLarge = (limit = FILE_LIMITS.bodyBytes): AppError =>
  fileError('file_too_large', 413, `文件超过 ${mb(limit)} 的上限，请拆分为多个文件后分别导入`, { limit });

/** An entry that inflates (or declares it will) beyond a bound: a zip bomb or a file too large to read. */
export const inflatesTooLarge = (entry: string, reason: string, limit: number): AppError =>
  fileError('file_inflates_too_large', 413, `文件解压后过大，未读取（${entry}：${reason}）`, { entry, limit });


export const tooManyZipEntries = (count: number, limit: number): AppError =>
  fileError('file_inflates_too_large', 413, `文件解压后过大，未读取（压缩包含 ${count} 个条目，超过 ${limit} 个的上限）`, { entries: count, limit });

export const tooManyRows = (row: number, limit: number): AppError =>
  fileError('too_many_rows', 400, `文件超过 ${limit} 行的上限（第 ${row} 行），请拆分为多个文件后分别导入`, { row, limit }, `row ${row}`);

export const tooManyColumns = (row: number, limit: number): AppError =>
  fileError('too_many_columns', 400, `第 ${row} 行超过 ${limit} 列的上限`, { row, limit }, `row ${row}`);

export const cellTooLong = (row: number, column: number, limit: number): AppError =>
  fileError('cell_too_long', 400, `单元格超过 ${limit} 个字符的上限（第 ${row} 行 第 ${columnLetter(column)} 列）`, { row, column: columnLetter(column), limit }, `row ${row}.${columnLetter(column)}`);

export const tooComplex = (reason: string): AppError =>
  fileError('file_too_complex', 413, `文件内容过多，未读取（${reason}），请拆分为多个文件后分别导入`, {});
