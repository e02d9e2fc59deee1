// The settlement file's template (.xlsx): the headers of settlement-columns.ts, two example rows (made-up
// people: replace them), a sheet of notes. ID numbers and settlement numbers are text cells so that
// Excel keeps all 18 digits.
import { excel } from '../../../kernel/files/excel.ts';
import { makeIdNumber } from '../../../kernel/id-number.ts';
import { SETTLEMENT_COLUMNS } from './settlement-columns.ts';

export const SETTLEMENT_SHEET = '一站式结算';

const EXAMPLES: readonly (string | number)[][] = [
  ['JS-EXAMPLE-0001', '张示例', makeIdNumber('522701', '1950-01-01', 11), '特困人员', '都匀市人民医院', '住院', '否', '2015-09-01', '2015-09-10', '2015-09-10', 8000, 5200, 0, 2400, 2400, 0],
  ['JS-EXAMPLE-0002', '李示例', makeIdNumber('522701', '1962-03-15', 22), '低保边缘家庭成员', '都匀市中医医院', '门诊', '否', '2015-10-08', '', '2015-10-08', 350.5, 200, 0, 150.5, 90.3, 0],
];

export async function settlementTemplate(): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet(SETTLEMENT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = SETTLEMENT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const text of ['settlementNo', 'idNumber']) ws.getColumn(text).numFmt = '@';
  for (const e of EXAMPLES) ws.addRow(e);
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [{ header: '列', width: 20 }, { header: '必填', width: 8 }, { header: '说明', width: 70 }];
  notes.getRow(1).font = { bold: true };
  for (const c of SETTLEMENT_COLUMNS) notes.addRow([c.header, c.required ? '是' : '否', c.note]);
  notes.addRow([]);
  notes.addRow(['', '', '每行一次已在医院一站式结算的就医（住院或门诊）；金额以元计，最多两位小数。表头为第1行，数据从第2行起；示例两行请删除。']);
  notes.addRow(['', '', '文件中任何一行有误，整个文件都不导入；请按错误报告修改后重新导入。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
