// CSV injection (OWASP): text that a spreadsheet would take as a formula is written with a leading
// apostrophe, in CSV lines and in the error report; numbers and safe text are written as they are.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from './csv.ts';
import { neutralise, neutraliseCell } from './neutralise.ts';
import { errorReportWorkbook } from './rows.ts';

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];

describe('neutralise', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+cmd|\' /C calc\'!A0', `'+1+cmd|' /C calc'!A0`],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['罗建国', '罗建国'],
    ['广惠路=12号', '广惠路=12号'],
    ['', ''],
  ])('%j → %j', (input, output) => expect(neutralise(input)).toBe(output));

  it('keeps numbers, negative ones too, and empty cells as they are', () => {
    expect([-12.5, 0, null, undefined].map(neutraliseCell)).toEqual([-12.5, 0, null, undefined]);
    expect(neutraliseCell('-12.5')).toBe("'-12.5");
  });

  it('never starts with a dangerous character, and leaves safe text unchanged (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const out = neutralise(s);
      expect(DANGEROUS).not.toContain(out.charAt(0));
      if (!DANGEROUS.includes(s.charAt(0))) expect(out).toBe(s);
      else expect(out).toBe(`'${s}`);
    }), { seed: 15 });
  });

  it('neutralises text in a CSV line, which still reads back field by field', () => {
    const line = csvLine(['=1+1', -5, '罗建国', '@x,y']);
    expect(line).toBe(`'=1+1,-5,罗建国,"'@x,y"`);
    expect(parseCsv(line)).toEqual([["'=1+1", '-5', '罗建国', "'@x,y"]]);
  });

  it('neutralises the column, the reason and the summary of an error report', async () => {
    const file = await errorReportWorkbook([{ row: 2, column: '=cmd', message: '-1+1' }], { '@文件': '=HYPERLINK("x")', 错误数: -1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as never);
    const values = (n: number) => (wb.worksheets[n]!.getRow(n === 0 ? 2 : 1).values as unknown[]).slice(1);
    expect(values(0)).toEqual([2, "'=cmd", "'-1+1"]);
    expect(values(1)).toEqual(["'@文件", `'=HYPERLINK("x")`]);
    expect((wb.worksheets[1]!.getRow(2).values as unknown[]).slice(1)).toEqual(['错误数', -1]);
  });
});
