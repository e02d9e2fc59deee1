// The annual work summary laid out as a Word document: headings, paragraphs, tables by unit with a
// totals row, charts rendered on the server (charts.ts) as SVG with a PNG fallback.
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { FiguresResult } from '../contract.ts';
import type { ReportContent } from './annual.ts';
import { barChart } from './charts.ts';
import { formatValue, tableRows, type StatTable } from './tables.ts';

const run = (text: string, opts: { bold?: boolean; size?: number } = {}) => new TextRun({ text, bold: opts.bold, font: 'SimSun', size: opts.size ?? 24 });

function tableOf(table: StatTable, r: FiguresResult): Table {
  const { rows, total } = tableRows(table, r);
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [run(text, { bold, size: 18 })] })] });
  const header = new TableRow({ tableHeader: true, children: [cell('地区', true), ...table.columns.map((c) => cell(c.label, true))] });
  const line = (row: { name: string; values: (number | null)[] }, bold = false) =>
    new TableRow({ children: [cell(row.name, bold), ...row.values.map((v, i) => cell(formatValue(table.columns[i]!.kind, v), bold))] });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows.map((x) => line(x)), line(total, true)] });
}

export async function annualDocx(content: ReportContent, r: FiguresResult): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: content.title, bold: true, font: 'SimHei', size: 36 })] }),
  ];
  const names = r.units.map((u) => u.name);
  for (const b of content.blocks) {
    if (b.type === 'heading') children.push(new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun({ text: b.text, bold: true, font: 'SimHei', size: b.level === 1 ? 30 : 26 })] }));
    else if (b.type === 'paragraph') children.push(new Paragraph({ spacing: { after: 160 }, indent: { firstLine: 480 }, children: [run(b.text)] }));
    else if (b.type === 'table') {
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`表：${b.table.title}`, { bold: true, size: 21 })] }));
      children.push(tableOf(b.table, r));
    } else {
      const img = await barChart(b.title, names, b.series);
      children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({
        type: 'svg', data: Buffer.from(img.svg), fallback: { type: 'png', data: img.png }, transformation: { width: img.width, height: img.height },
      })] }));
    }
  }
  const doc = new Document({ creator: 'Jiuzhu 救助', title: content.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
