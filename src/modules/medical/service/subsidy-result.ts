// The insurer's answer to an exported list (参保结果): columns 公民身份号码, 参保结果 (已参保/未参保)
// and 原因. Every row must name a person of the list (not excluded) once, with a known result; a file
// with any bad row changes nothing and is refused with every row error (row numbers as the file shows
// them) — the same check gives the error-report workbook. A good file replaces the list's results
// in one UPDATE; people it does not name are pending again.
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { errorReportWorkbook, rowsRejected, type RowError } from '../../../kernel/files/rows.ts';
import { readTableFile, type Cell, type TableRow } from '../../../kernel/files/table.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { SubsidyResult } from '../tables.ts';
import * as entries from '../repo/subsidy-entries.ts';
import type { ListRow } from '../repo/subsidy-lists.ts';
import { mustChangeList, wrongStatus } from './subsidy-access.ts';
import { STATUS_LABELS } from './subsidy-labels.ts';

export const RESULT_COLUMNS = { id: '公民身份号码', result: '参保结果', reason: '原因' } as const;
const RESULTS: Record<string, Exclude<SubsidyResult, 'pending'>> = { 已参保: 'enrolled', 未参保: 'refused' };
const text = (c: Cell) => (c === undefined || c === null ? '' : String(c).trim());

interface Checked { rows: number; accepted: { idNumber: string; result: Exclude<SubsidyResult, 'pending'>; reason: string | null }[]; errors: RowError[] }

async function check(db: Database, l: ListRow, body: Buffer, format: 'xlsx' | 'csv'): Promise<Checked> {
  const table = await readTableFile(body, format);
  // title lines may come before the header row: it is the first row naming the ID column
  const headAt = table.findIndex((r) => r.cells.some((c) => text(c) === RESULT_COLUMNS.id));
  const head = table[headAt];
  if (!head) {
    const message = `文件中没有表头行（须有「${RESULT_COLUMNS.id}」「${RESULT_COLUMNS.result}」两列）`;
    throw new AppError('invalid_file', message, 400, { fields: [{ field: '(file)', message }], errors: [{ row: 1, column: RESULT_COLUMNS.id, message }] });
  }
  const col = new Map(head.cells.map((c, i) => [text(c), i] as const));
  if (!col.has(RESULT_COLUMNS.result)) {
    const message = `表头缺少必填列：${RESULT_COLUMNS.result}（第${head.row}行）`;
    throw new AppError('invalid_file', message, 400, { fields: [{ field: `row ${head.row}`, message }], errors: [{ row: head.row, column: RESULT_COLUMNS.result, message: '缺少此列' }] });
  }
  const cell = (r: TableRow, h: string) => { const i = col.get(h); return i === undefined ? '' : text(r.cells[i]); };
  const known = await entries.idNumbers(db.kysely, l);
  const seen = new Map<string, number>();
  const errors: RowError[] = [];
  const accepted: Checked['accepted'] = [];
  let rows = 0;
  for (const r of table.slice(headAt + 1)) {
    if (r.cells.every((c) => text(c) === '') || text(r.cells[0]) === '合计') continue;
    rows++;
    const err = (column: string, message: string) => errors.push({ row: r.row, column, message: `第${r.row}行：${message}` });
    const id = cell(r, RESULT_COLUMNS.id).toUpperCase();
    const res = cell(r, RESULT_COLUMNS.result);
    const reason = cell(r, RESULT_COLUMNS.reason);
    const result = RESULTS[res];
    let ok = true;
    if (id === '') { err(RESULT_COLUMNS.id, '公民身份号码为空'); ok = false; }
    else if (!known.has(id)) { err(RESULT_COLUMNS.id, '公民身份号码不在本名单中'); ok = false; }
    else if (seen.has(id)) { err(RESULT_COLUMNS.id, `公民身份号码与第${seen.get(id)}行重复`); ok = false; }
    else seen.set(id, r.row);
    if (!result) { err(RESULT_COLUMNS.result, `参保结果应为「已参保」或「未参保」，实际为「${res}」`); ok = false; }
    if (ok && result) accepted.push({ idNumber: id, result, reason: reason === '' ? null : reason });
  }
  return { rows, accepted, errors };
}

async function mustImportable(db: Database, scope: Scope, listNo: string): Promise<ListRow> {
  const l = await mustChangeList(db, scope, listNo);
  if (l.status !== 'exported') throw wrongStatus(l, '导入参保结果（须先导出报送文件）', STATUS_LABELS[l.status]);
  return l;
}

export async function importSubsidyResult(db: Database, scope: Scope, listNo: string, body: Buffer, opts: { format: 'xlsx' | 'csv'; fileName?: string | undefined }) {
  const l = await mustImportable(db, scope, listNo);
  const c = await check(db, l, body, opts.format);
  if (c.errors.length > 0) throw rowsRejected('subsidy_result_rejected', '参保结果文件', c.errors);
  if (c.rows === 0) throw AppError.field('(file)', '参保结果文件没有数据行', 'invalid_file');
  const fileName = opts.fileName ?? `result.${opts.format}`;
  return write(db, scope, async (tx) => {
    const counts = await entries.applyResults(tx, l, c.accepted, todayInChina());
    const summary = { rows: c.rows, enrolled: counts.enrolled, refused: counts.refused, pending: l.persons - counts.enrolled - counts.refused };
    await appendAudit(tx, scope, { action: 'medical.subsidy.result', entity: 'medical_subsidy_list', entityId: l.list_no, areaCode: l.county_code, before: { enrolled: l.enrolled, refused: l.refused }, after: { fileName, ...summary } });
    return { listNo: l.list_no, ...summary };
  });
}

/** The error report of a result file (changes nothing): 错误 and 汇总 sheets. */
export async function subsidyResultReport(db: Database, scope: Scope, listNo: string, body: Buffer, opts: { format: 'xlsx' | 'csv'; fileName?: string | undefined }): Promise<Buffer> {
  const l = await mustImportable(db, scope, listNo);
  const c = await check(db, l, body, opts.format);
  return errorReportWorkbook(c.errors, { 名单编号: l.list_no, 文件: opts.fileName ?? '', 数据行数: c.rows, 错误数: c.errors.length, 结果: c.errors.length > 0 ? '未导入（有误则整体不导入）' : '无误，可导入' });
}
