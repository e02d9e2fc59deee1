// The annual report (.docx) and the statistical tables (.xlsx) for an area and year.
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { annualContent, annualDocx } from '../report/annual.ts';
import { TABLES, tableRows } from '../report/tables.ts';
import { figures, type FiguresResult } from './figures.ts';
import { areaField } from './period.ts';
import { warnings } from './warnings.ts';

export const reportSchema = z.strictObject({
  area: areaField.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type ReportInput = z.output<typeof reportSchema>;

export async function annualReport(db: Database, scope: Scope, input: ReportInput): Promise<{ buffer: Buffer; filename: string; figures: FiguresResult }> {
  allow(scope, 'stats.report');
  const result = await figures(db, scope, { area: input.area, year: input.year });
  const warned = await warnings(db, scope, { area: result.area.code, year: input.year });
  const content = annualContent(result, warned.items, input.year);
  return { buffer: await annualDocx(content, result), filename: `${content.title}.docx`, figures: result };
}

export async function statisticalTables(db: Database, scope: Scope, input: ReportInput): Promise<{ buffer: Buffer; filename: string }> {
  allow(scope, 'stats.report');
  const result = await figures(db, scope, { area: input.area, year: input.year });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiuzhu 救助';
  for (const table of TABLES) {
    const ws = wb.addWorksheet(table.name);
    ws.addRow([`${result.area.name}${input.year}年${table.title}`]);
    ws.addRow(['区划代码', '地区', ...table.columns.map((c) => c.label)]).font = { bold: true };
    const { rows, total } = tableRows(table, result);
    const cellValue = (kind: string, v: number | null) => (v === null ? null : kind === 'fen' ? v / 100 : v);
    for (const r of rows) ws.addRow([r.code, r.name, ...r.values.map((v, i) => cellValue(table.columns[i]!.kind, v))]);
    ws.addRow([total.code, total.name, ...total.values.map((v, i) => cellValue(table.columns[i]!.kind, v))]).font = { bold: true };
    table.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 3);
      col.width = 16;
      if (c.kind === 'ratio') col.numFmt = '0.00%';
      if (c.kind === 'fen') col.numFmt = '#,##0.00';
    });
    ws.getColumn(1).width = 14;
    ws.getColumn(2).width = 18;
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `${result.area.name}${input.year}年社会救助统计表.xlsx` };
}
