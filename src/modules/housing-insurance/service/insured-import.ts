// The insurer's accepted list (承保清单): columns 户编号 or 户主身份证号 (one of them per row), and
// 房屋结构 (钢混/砖混/砖木/土木/其他). Every row must name one household of the county once; a file with
// any bad row changes nothing and is refused with every row error (row numbers as the file shows them),
// the same check gives the error-report workbook. A good file adds the households (or sets the structure
// of those already insured) in one statement.
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { errorReportWorkbook, rowsRejected, type RowError } from '../../../kernel/files/rows.ts';
import { readTableFile, type Cell, type TableRow } from '../../../kernel/files/table.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { STRUCTURES, type Structure } from '../codes.ts';
import { STRUCTURE_LABELS } from '../labels.ts';
import * as insured from '../repo/insured.ts';
import type { PolicyRow } from '../repo/policies.ts';
import { mustManagePolicy } from './access.ts';

export const LIST_COLUMNS = { householdNo: '户编号', headId: '户主身份证号', structure: '房屋结构' } as const;
const BY_LABEL = new Map<string, Structure>(STRUCTURES.map((s) => [STRUCTURE_LABELS[s], s]));
const text = (c: Cell) => (c === undefined || c === null ? '' : String(c).trim());

interface Checked { rows: number; accepted: { householdId: number; areaCode: string; structure: Structure }[]; errors: RowError[] }

async function check(db: Database, p: PolicyRow, body: Buffer, format: 'xlsx' | 'csv'): Promise<Checked> {
  const table = await readTableFile(body, format);
  const headAt = table.findIndex((r) => r.cells.some((c) => text(c) === LIST_COLUMNS.structure));
  const head = table[headAt];
  const col = new Map((head?.cells ?? []).map((c, i) => [text(c), i] as const));
  if (!head || (!col.has(LIST_COLUMNS.householdNo) && !col.has(LIST_COLUMNS.headId))) {
    const message = `文件中没有表头行（须有「${LIST_COLUMNS.householdNo}」或「${LIST_COLUMNS.headId}」，以及「${LIST_COLUMNS.structure}」）`;
    throw new AppError('invalid_file', message, 400, { fields: [{ field: '(file)', message }], errors: [{ row: head?.row ?? 1, column: LIST_COLUMNS.structure, message }] });
  }
  const cell = (r: TableRow, h: string) => { const i = col.get(h); return i === undefined ? '' : text(r.cells[i]); };
  const data = table.slice(headAt + 1).filter((r) => !r.cells.every((c) => text(c) === ''));
  const nos = data.map((r) => cell(r, LIST_COLUMNS.householdNo)).filter((v) => /^\d{14}$/.test(v));
  const ids = data.map((r) => cell(r, LIST_COLUMNS.headId).toUpperCase()).filter((v) => /^\d{17}[\dX]$/.test(v));
  const found = await insured.householdsByKeys(db.kysely, p.county_code, nos, ids);
  const byNo = new Map(found.map((h) => [h.household_no, h]));
  const byHead = new Map(found.filter((h) => h.head_id !== null).map((h) => [h.head_id ?? '', h]));
  const seen = new Map<number, number>();
  const errors: RowError[] = [];
  const accepted: Checked['accepted'] = [];
  for (const r of data) {
    const err = (column: string, message: string) => errors.push({ row: r.row, column, message: `第${r.row}行：${message}` });
    const no = cell(r, LIST_COLUMNS.householdNo);
    const id = cell(r, LIST_COLUMNS.headId).toUpperCase();
    const label = cell(r, LIST_COLUMNS.structure);
    const structure = BY_LABEL.get(label);
    let h: (typeof found)[number] | undefined;
    if (no !== '') {
      h = byNo.get(no);
      if (!h) err(LIST_COLUMNS.householdNo, /^\d{14}$/.test(no) ? `户编号 ${no} 不是本县登记的家庭` : '户编号应为14位数字');
    } else if (id !== '') {
      h = byHead.get(id);
      if (!h) err(LIST_COLUMNS.headId, /^\d{17}[\dX]$/.test(id) ? '该身份证号不是本县登记家庭的户主' : '户主身份证号应为18位');
    } else err(LIST_COLUMNS.householdNo, '户编号和户主身份证号均为空');
    if (h && h.hukou !== 'rural') { err(LIST_COLUMNS.householdNo, '该户不是农业户籍家庭，不属农房保险范围'); h = undefined; }
    if (h && seen.has(h.id)) { err(LIST_COLUMNS.householdNo, `与第${seen.get(h.id)}行是同一户`); h = undefined; }
    if (h) seen.set(h.id, r.row);
    if (!structure) err(LIST_COLUMNS.structure, `房屋结构应为 ${STRUCTURES.map((s) => STRUCTURE_LABELS[s]).join('、')} 之一，实际为「${label}」`);
    if (h && structure) accepted.push({ householdId: h.id, areaCode: h.village_code, structure });
  }
  return { rows: data.length, accepted, errors };
}

export async function importInsuredList(db: Database, scope: Scope, county: string, year: number, body: Buffer, opts: { format: 'xlsx' | 'csv'; fileName?: string | undefined }) {
  const p = await mustManagePolicy(db, scope, county, year);
  const c = await check(db, p, body, opts.format);
  if (c.errors.length > 0) throw rowsRejected('insured_list_rejected', '承保清单', c.errors);
  if (c.rows === 0) throw AppError.field('(file)', '承保清单没有数据行', 'invalid_file');
  return write(db, scope, async (tx) => {
    const done = await insured.upsertInsured(tx, p, c.accepted, todayInChina());
    const total = await insured.insuredTotal(tx, p);
    await appendAudit(tx, scope, { action: 'insurance.insured.import', entity: 'housing_insurance_policy', entityId: `${county}-${year}`, areaCode: county, after: { fileName: opts.fileName ?? `list.${opts.format}`, rows: c.rows, ...done, total } });
    return { rows: c.rows, ...done, total };
  });
}

/** The error report of an accepted list (changes nothing): 错误 and 汇总 sheets. */
export async function insuredListReport(db: Database, scope: Scope, county: string, year: number, body: Buffer, opts: { format: 'xlsx' | 'csv'; fileName?: string | undefined }): Promise<Buffer> {
  const p = await mustManagePolicy(db, scope, county, year);
  const c = await check(db, p, body, opts.format);
  return errorReportWorkbook(c.errors, { 保单号: p.policy_no, 文件: opts.fileName ?? '', 数据行数: c.rows, 错误数: c.errors.length, 结果: c.errors.length > 0 ? '未导入（有误则整体不导入）' : '无误，可导入' });
}
