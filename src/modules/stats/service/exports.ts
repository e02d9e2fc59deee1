// The annual report (.docx) and the statistical tables (.xlsx) for an area and year.
import { excel } from '../../../kernel/files/excel.ts';
import { z } from 'zod';
import { decimalInt } from '../../../kernel/types.ts';
import type { Database } from '../../../db/engine.ts';
import { neutralise } from '../../../kernel/files/neutralise.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { statsProgrammes, type StatsProgramme } from '../domain/catalogue.ts';
import { allow } from '../permissions.ts';
import { annualContent, placeWord } from '../report/annual.ts';
import { partSections } from '../report/parts.ts';
import { allTables, tableRows, type ColumnKind } from '../report/tables.ts';
import { figures, type FiguresResult } from './figures.ts';
import { areaField } from './period.ts';
import { warnings } from './warnings.ts';

export const reportSchema = z.strictObject({
  area: areaField.optional(),
  year: decimalInt(2000, 2100),
});
export type ReportInput = z.output<typeof reportSchema>;

const COUNTED: Record<string, string> = { households: '户', times: '次', persons: '人' };

/** 低保 2 户 5 人, 特困 1 人: what each programme counts at a glance (the CLI prints it). */
export function countsLine(result: FiguresResult): string {
  return result.programmes.map((s) => [s.short['zh-CN'], ...s.total.flatMap((f) => {
    const word = COUNTED[f.key];
    return word === undefined ? [] : [`${f.value ?? '—'} ${f.unit === 'person_times' ? '人次' : word}`];
  })].join(' ')).join(', ');
}

export async function annualReport(db: Database, scope: Scope, input: ReportInput, programmes: readonly StatsProgramme[] = statsProgrammes()): Promise<{ buffer: Buffer; filename: string; figures: FiguresResult; counts: string }> {
  allow(scope, 'stats.report');
  const result = await figures(db, scope, { area: input.area, year: input.year }, programmes);
  const warned = await warnings(db, scope, { area: result.area.code, year: input.year }, programmes);
  const parts = await partSections({ db, scope, area: result.area, year: input.year, place: placeWord(result.area.level) });
  const content = annualContent(result, warned.items, input.year, programmes, parts);
  // The Word writer (docx) is loaded with the first report, not at start.
  const { annualDocx } = await import('../report/docx.ts');
  return { buffer: await annualDocx(content, result), filename: `${content.title}.docx`, figures: result, counts: countsLine(result) };
}

const cellValue = (kind: ColumnKind, v: number | null) => (v === null ? null : kind === 'fen' ? v / 100 : v);

export async function statisticalTables(db: Database, scope: Scope, input: ReportInput, programmes: readonly StatsProgramme[] = statsProgrammes()): Promise<{ buffer: Buffer; filename: string }> {
  allow(scope, 'stats.report');
  const result = await figures(db, scope, { area: input.area, year: input.year }, programmes);
  const wb = new (await excel()).Workbook();
  wb.creator = 'Jiuzhu 救助';
  for (const table of allTables(programmes)) {
    const ws = wb.addWorksheet(table.name);
    ws.addRow([neutralise(`${result.area.name}${input.year}年${table.title}`)]);
    ws.addRow(['区划代码', '地区', ...table.columns.map((c) => c.label)]).font = { bold: true };
    const { rows, total } = tableRows(table, result);
    for (const r of rows) ws.addRow([r.code, neutralise(r.name), ...r.values.map((v, i) => cellValue(table.columns[i]!.kind, v))]);
    ws.addRow([total.code, neutralise(total.name), ...total.values.map((v, i) => cellValue(table.columns[i]!.kind, v))]).font = { bold: true };
    table.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 3);
      column.width = 16;
      if (c.kind === 'ratio') column.numFmt = '0.00%';
      if (c.kind === 'fen') column.numFmt = '#,##0.00';
    });
    ws.getColumn(1).width = 14;
    ws.getColumn(2).width = 18;
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `${result.area.name}${input.year}年社会救助统计表.xlsx` };
}
