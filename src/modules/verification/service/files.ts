// Partner data files: one template per source (.xlsx with a guide sheet, or CSV), and the reader that
// turns an uploaded file into raw records by the template's headers (row numbers as Excel shows them).
import { excel } from '../../../kernel/files/excel.ts';
import { badFile, isBlankRow, readTableFile, type FileFormat } from '../../../kernel/files/table.ts';
import type { RawRecord } from '../domain/records.ts';
import { SOURCE_DEFINITIONS, templateColumns, type RecordField, type Source } from '../domain/sources.ts';

export type { FileFormat };

export async function sourceTemplate(source: Source, format: FileFormat): Promise<Buffer> {
  const cols = templateColumns(source);
  const def = SOURCE_DEFINITIONS[source];
  if (format === 'csv') return Buffer.from(`\ufeff${cols.map((c) => c.header).join(',')}\r\n`, 'utf8');
  const wb = new (await excel()).Workbook();
  wb.creator = 'Jiuzhu 救助';
  const ws = wb.addWorksheet(def.label.slice(0, 28), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.header, key: c.field, width: 20, style: { numFmt: '@' } }));
  ws.getRow(1).font = { bold: true };
  cols.forEach((c, i) => (ws.getRow(1).getCell(i + 1).note = c.note || c.header));
  const guide = wb.addWorksheet('填写说明');
  guide.columns = [{ width: 22 }, { width: 8 }, { width: 80 }];
  guide.addRow([`${def.label}（${def.department}）— 核对数据模板`]).font = { bold: true, size: 14 };
  guide.addRow(['每个文件是一次完整的数据快照：导入时须填写快照日期（数据截至日期），系统保存为新版本，旧版本保留。']);
  guide.addRow(['导入前整体校验：任一行有误则整个文件不导入，错误按行号（表头为第1行）和列名给出。']);
  if (!def.kinship) guide.addRow([`项目可填：${Object.values(def.items).map((i) => i.label).join('、')}`]);
  guide.addRow([]);
  guide.addRow(['列名', '必填', '说明']).font = { bold: true };
  for (const c of cols) guide.addRow([c.header, c.required ? '是' : '否', c.note]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The file's rows as raw records, by the source template's headers. */
export async function readSourceFile(source: Source, body: Buffer, format: FileFormat): Promise<{ row: number; values: RawRecord }[]> {
  const rows = await readTableFile(body, format);
  const cols = templateColumns(source);
  const byHeader = new Map(cols.map((c) => [c.header, c.field]));
  const headers = rows[0]!.cells.map((h) => (h === undefined ? '' : String(h).replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）')));
  const positions: (RecordField | null)[] = headers.map((h) => byHeader.get(h) ?? null);
  const unknown = headers.filter((h, i) => h !== '' && positions[i] === null);
  const missing = cols.filter((c) => c.required && !positions.includes(c.field)).map((c) => c.header);
  if (unknown.length > 0 || missing.length > 0) {
    throw badFile(`表头不符合「${SOURCE_DEFINITIONS[source].label}」模板（第1行）：${[missing.length ? `缺少必填列：${missing.join('、')}` : '', unknown.length ? `无法识别的列：${unknown.join('、')}` : ''].filter(Boolean).join('；')}。请下载模板后按模板填写`);
  }
  const out: { row: number; values: RawRecord }[] = [];
  for (const r of rows.slice(1)) {
    if (isBlankRow(r.cells)) continue;
    const values: RawRecord = {};
    positions.forEach((f, i) => {
      if (f !== null) values[f] = r.cells[i];
    });
    out.push({ row: r.row, values });
  }
  if (out.length === 0) throw badFile('文件中没有数据行（表头之下为空）');
  return out;
}
