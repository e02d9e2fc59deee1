// Hostile files: every bound of limits.ts refuses its file quickly, with its status, code and a message
// naming the bound (and the row and column), and a zip bomb costs no memory beyond the documented bound.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { inlineRow, xlsxOf, zip, zipBomb, type Part } from '../../test/zip.ts';
import { FILE_LIMITS, type FileLimits } from './limits.ts';
import { readTableFile, type FileFormat } from './table.ts';

const MiB = 1024 * 1024;
/** What refusing a bomb may cost the process (README.md here): a worker's start, no inflated data. */
const BOMB_MEMORY_BOUND = 160 * MiB;

async function refusal(body: Buffer, format: FileFormat, limits?: Partial<FileLimits>) {
  const started = performance.now();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await readTableFile(body, format, { ...FILE_LIMITS, ...limits });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { status: e.status, code: e.code, message: e.message, details: e.details, ms: performance.now() - started, grew: Math.max(peak, process.memoryUsage().rss) - before };
  } finally {
    clearInterval(sampler);
  }
  throw new Error('the file was accepted');
}

/** Chinese text that deflate cannot squeeze much (a bomb's ratio would be refused first). */
const varied = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 2000))).join('');
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('hostile files: zip bombs', () => {
  it('refuses a 1 MB .xlsx that inflates to 1 GB within 2 s, inflating nothing', async () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(1.2 * MiB);
    const r = await refusal(bomb, 'xlsx');
    expect(r).toMatchObject({ status: 413, code: 'file_inflates_too_large' });
    expect(r.message).toContain('xl/worksheets/sheet1.xml：解压后 1024 MB，超过 512 MB 的上限');
    expect(r.ms).toBeLessThan(2_000);
    expect(r.grew).toBeLessThan(BOMB_MEMORY_BOUND);
  });

  it('stops inflating a bomb whose directory under-declares its size', async () => {
    const r = await refusal(zipBomb(64 * 1024), 'xlsx');
    expect(r).toMatchObject({ status: 413, code: 'file_inflates_too_large' });
    expect(r.message).toContain('实际解压大小超过压缩包目录声明的 64 KB');
    expect(r.ms).toBeLessThan(2_000);
    expect(r.grew).toBeLessThan(BOMB_MEMORY_BOUND);
  });

  it('refuses an entry compressed beyond the ratio before inflating it', async () => {
    const r = await refusal(xlsxOf([{ text: inlineRow(['a']) }, { text: ' '.repeat(MiB), times: 20 }]), 'xlsx');
    expect(r).toMatchObject({ status: 413, code: 'file_inflates_too_large' });
    expect(r.message).toMatch(/压缩比 \d+ 倍，超过 100 倍的上限（疑似压缩炸弹）/);
  });

  it('refuses a zip of too many entries, and a row whose XML never ends', async () => {
    const parts: Part[] = Array.from({ length: FILE_LIMITS.zipEntries + 1 }, (_, i) => ({ name: `x/${i}.xml`, pieces: [{ text: '<x/>' }] }));
    expect(await refusal(zip(parts), 'xlsx')).toMatchObject({ status: 413, code: 'file_inflates_too_large', message: expect.stringContaining(`1001 个条目，超过 1000 个的上限`) });
    const endless = xlsxOf([{ text: inlineRow(['表头']) }, { text: '<row><c t="inlineStr"><is><t>' }, { text: varied(1024), times: 2048 }]);
    expect(await refusal(endless, 'xlsx', { elementChars: MiB })).toMatchObject({ status: 413, code: 'file_too_complex', message: expect.stringContaining('第 2 行的内容超过 1048576 个字符') });
  });
});

describe('hostile files: rows, columns, cells', () => {
  it('refuses a row beyond 1048576, in .xlsx and CSV, naming it', async () => {
    const far = xlsxOf([{ text: inlineRow(['表头']) }, { text: '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>' }]);
    expect(await refusal(far, 'xlsx')).toMatchObject({ status: 400, code: 'too_many_rows', message: '文件超过 1048576 行的上限（第 1048577 行），请拆分为多个文件后分别导入', details: { row: 1048577 } });
    const long = Buffer.from('姓名\n' + '张三\n'.repeat(FILE_LIMITS.rows), 'utf8');
    expect(await refusal(long, 'csv')).toMatchObject({ status: 400, code: 'too_many_rows', details: { row: 1048577 } });
  });

  it('refuses a row of more than 256 columns, in .xlsx (also by cell reference) and CSV', async () => {
    const wide = Array.from({ length: 257 }, (_, i) => `列${i + 1}`);
    for (const file of [xlsxOf([{ text: inlineRow(['a']) }, { text: inlineRow(['b']) }, { text: inlineRow(wide) }]), xlsxOf([{ text: inlineRow(['a']) }, { text: '<row r="3"><c r="XFD3"><v>1</v></c></row>' }])]) {
      expect(await refusal(file, 'xlsx')).toMatchObject({ status: 400, code: 'too_many_columns', message: '第 3 行超过 256 列的上限', details: { fields: [{ field: 'row 3' }] } });
    }
    expect(await refusal(csv(['a', 'b', wide.join(',')]), 'csv')).toMatchObject({ status: 400, code: 'too_many_columns', message: '第 3 行超过 256 列的上限' });
    expect(await refusal(csv(['a', ','.repeat(300)]), 'csv')).toMatchObject({ code: 'too_many_columns', message: '第 2 行超过 256 列的上限' });
  });

  it('refuses a cell of more than 32767 characters, naming row and column, in .xlsx (shared strings) and CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['姓名', '身份证号码', '地址']);
    ws.addRow(['张三', '1', '路'.repeat(32_768)]);
    const message = '单元格超过 32767 个字符的上限（第 2 行 第 C 列）';
    expect(await refusal(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx')).toMatchObject({ status: 400, code: 'cell_too_long', message, details: { row: 2, column: 'C', fields: [{ field: 'row 2.C', message }] } });
    expect(await refusal(csv(['姓名,身份证号码,地址', `张三,1,${'路'.repeat(32_768)}`]), 'csv')).toMatchObject({ status: 400, code: 'cell_too_long', message });
    // An unclosed quote would take the rest of the file into one cell.
    expect(await refusal(csv(['姓名,身份证号码,地址', `张三,1,"${'路,\n'.repeat(20_000)}`]), 'csv')).toMatchObject({ code: 'cell_too_long', message });
  });

  it('refuses a table beyond the cells, characters and time a parse may take', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},张三${i}`);
    expect(await refusal(csv(rows), 'csv', { cells: 30 })).toMatchObject({ status: 413, code: 'file_too_complex', message: expect.stringContaining('超过 30 个非空单元格') });
    expect(await refusal(csv(rows), 'csv', { textChars: 50 })).toMatchObject({ status: 413, code: 'file_too_complex', message: expect.stringContaining('文字超过 50 个字符') });
    expect(await refusal(csv(rows), 'csv', { inlineBytes: 0, parseMs: 1 })).toMatchObject({ status: 413, code: 'file_too_complex', message: expect.stringContaining('解析超过 0.001 秒') });
  });

  it('refuses a body over the upload limit with 413 naming it in MB', async () => {
    expect(await refusal(Buffer.alloc(FILE_LIMITS.bodyBytes + 1, 0x41), 'csv')).toMatchObject({ status: 413, code: 'file_too_large', message: '文件超过 50 MB 的上限，请拆分为多个文件后分别导入' });
  });
});

describe('legitimate files', () => {
  it('parses a large .xlsx in the worker, every Chinese character intact, while the event loop keeps turning', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('家庭成员');
    ws.addRow(['序号', '姓名', '地址', '金额']);
    for (let i = 1; i <= 30_000; i++) ws.addRow([String(i), `张${i}`, `都匀市广惠街道${i % 97}号`, i * 1.5]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    expect(file.length).toBeGreaterThan(FILE_LIMITS.inlineBytes);
    let last = performance.now();
    let gap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      gap = Math.max(gap, now - last);
      last = now;
    }, 10);
    const rows = await readTableFile(file, 'xlsx').finally(() => clearInterval(ticker));
    expect(rows).toHaveLength(30_001);
    expect(rows[30_000]).toEqual({ row: 30_001, cells: ['30000', '张30000', '都匀市广惠街道27号', 45000] });
    // Parsed on this thread, the file would hold it for well over a second.
    expect(gap).toBeLessThan(500);
  });

  it('parses a CSV at the limits: 256 columns, 32767-character cells', async () => {
    const header = Array.from({ length: 256 }, (_, i) => `列${i + 1}`).join(',');
    const rows = await readTableFile(csv([header, `${'路'.repeat(32_767)},1`]), 'csv');
    expect(rows[0]?.cells).toHaveLength(256);
    expect(rows[1]?.cells).toEqual(['路'.repeat(32_767), '1']);
  });
});
