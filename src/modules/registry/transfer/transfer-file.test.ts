import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { generateDemoHouseholds } from '../domain/demo/index.ts';
import { qiannanVillages } from '../domain/demo/qiannan.fixture.ts';
import { HEADERS } from './columns.ts';
import { parseCsv } from '../../../kernel/files/csv.ts';
import { readHouseholdFile } from './read-file.ts';
import { validateRows } from './validate-rows.ts';
import { HouseholdFileWriter } from './xlsx.ts';

describe('household file: write, read back, validate', () => {
  it('reads every Chinese character of a large file intact (chunk boundaries) and gets the records back', async () => {
    const records = [...generateDemoHouseholds({ seed: 'file', count: 2_000, villages: qiannanVillages() })];
    const writer = await HouseholdFileWriter.open('buffer');
    records.forEach((r, i) => writer.add(String(i + 1), r));
    const file = await writer.finish();
    const rows = await readHouseholdFile(file, 'xlsx');
    expect(rows.length).toBe(records.reduce((n, r) => n + r.members.length, 0));
    const v = validateRows(rows);
    expect(v.errors).toEqual([]);
    expect(v.households.map((h) => h.members.map((m) => m.name).join())).toEqual(records.map((r) => r.members.map((m) => m.name).join()));
    expect(v.households.map((h) => h.household.address)).toEqual(records.map((r) => r.household.address));
    const sums = (xs: { amountFen?: number; valueFen?: number }[]) => xs.reduce((n, x) => n + (x.amountFen ?? x.valueFen ?? 0), 0);
    expect(v.households.map((h) => sums(h.incomes) + sums(h.assets))).toEqual(records.map((r) => sums(r.incomes) + sums(r.assets)));
  });

  it('parses CSV quoting, CRLF and a missing final newline', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n1,,3\n"x\ny",z')).toEqual([['a', 'b,c', 'd"e'], ['1', '', '3'], ['x\ny', 'z']]);
  });

  it('reads shared, inline and rich-text strings and numbers written by exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('家庭成员');
    ws.addRow(HEADERS);
    ws.addRow(['1', '522701001001', { richText: [{ text: '城' }, { text: '镇' }] }, 'A&B <路> "1"号']);
    const rows = await readHouseholdFile(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    expect(rows[0]?.cells.slice(0, 4)).toEqual(['1', '522701001001', '城镇', 'A&B <路> "1"号']);
  });
});
