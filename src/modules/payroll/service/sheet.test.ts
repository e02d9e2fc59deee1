// A payment file never carries a formula: text beginning = + - @ is neutralised in .xlsx and CSV, amounts stay numbers.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeSheet } from './sheet.ts';

const COLUMNS = [{ header: '姓名', width: 12 }, { header: '金额（元）', width: 12, amount: true }, { header: '用途', width: 36 }];
const ROWS = [['=HYPERLINK("http://x","y")', '123.40', '@SUM(1)']];

describe('payment file sheet', () => {
  it('neutralises formulas in .xlsx, amounts remain numbers', async () => {
    const { file } = await writeSheet('xlsx', '代发明细', COLUMNS, ROWS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as never);
    expect((wb.worksheets[0]!.getRow(2).values as unknown[]).slice(1)).toEqual([`'=HYPERLINK("http://x","y")`, 123.4, "'@SUM(1)"]);
  });

  it('neutralises formulas in CSV', async () => {
    const { file } = await writeSheet('csv', '代发明细', COLUMNS, ROWS);
    expect(file.toString('utf8').split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",123.40,'@SUM(1)`);
  });
});
