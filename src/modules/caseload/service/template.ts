// The caseload file's template (.xlsx): the headers of columns.ts, four example rows (made-up households
// and people: replace them; the last a case the previous system closed) and a sheet of notes. Household and ID numbers are text cells so that Excel
// keeps every digit.
import { excel } from '../../../kernel/files/excel.ts';
import { makeIdNumber } from '../../../kernel/id-number.ts';
import { CASELOAD_COLUMNS } from '../columns.ts';

export const CASELOAD_SHEET = '存量对象';

const EXAMPLES: readonly (string | number)[][] = [
  ['52270100000001', '低保', 'B类', '', '', '', '2015-03-10', 620, '2015-09-15', ''],
  ['52270100000002', '低保', 'A类', '', makeIdNumber('522701', '1948-05-06', 31), `${makeIdNumber('522701', '1948-05-06', 31)}、${makeIdNumber('522701', '1950-02-11', 42)}`, '2014-11-20', 880.5, '', ''],
  ['52270100000003', '特困', '集中供养', '都匀市社会福利院', makeIdNumber('522701', '1941-08-09', 53), '', '2013-06-01', 291.67, '2015-06-30', '', '五保'],
  ['52270100000004', '低保', 'C类', '', '', '', '2013-03-01', 450, '2014-03-05', '2014-10-31'],
];

export async function caseloadTemplate(): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet(CASELOAD_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = CASELOAD_COLUMNS.map((c) => ({ header: c.field === 'amount' ? `${c.header}（元）` : c.header, key: c.field, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const text of ['householdNo', 'idNumber', 'members', 'approvedOn', 'lastReviewOn', 'closedOn']) ws.getColumn(text).numFmt = '@';
  for (const e of EXAMPLES) ws.addRow(e);
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [{ header: '列', width: 20 }, { header: '必填', width: 8 }, { header: '说明', width: 90 }];
  notes.getRow(1).font = { bold: true };
  for (const c of CASELOAD_COLUMNS) notes.addRow([c.header, c.required ? '是' : '否', c.note]);
  notes.addRow([]);
  for (const line of [
    '每行一个原系统的案件：低保一户一行，特困一人一行。表头为第1行，数据从第2行起；示例四行请删除。',
    '原系统已终止的案件（历史数据）填写终止日期：导入为已退出的案件，只发放到终止日期所在月；同一户（同一人）可另有一行终止后重新批准的在保案件，但保障期间不能重叠。',
    '导入前请先用“家庭导入”导入这些家庭及其成员；户编号为本系统登记的14位户编号。',
    '文件中任何一行有误，整个文件都不导入；请按错误报告（行号、列名、原因）修改后重新导入。',
    '月保障金额与按登记信息、批准日期当时的政策参数计算的金额不同时，只列为提示，按原系统金额导入。',
    '导入的对象为已批准的案件（迁移导入决定），从首次发放月份起由本系统按月发放；之前各月由原系统发放，不再补发。',
  ]) notes.addRow(['', '', line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
