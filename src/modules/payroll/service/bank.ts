// Bank files (代发文件, .xlsx or CSV, one per paying bank; masked unless payroll.unmask) and the bank's
// result files (回盘): failed lines become reissue items paid in a later run and `returned` ledger
// entries; a file with any bad row is refused whole, each error naming its row and column.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskBankAccount, maskIdNumber, maskName } from '../../../kernel/mask.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { readTableFile, type Cell } from '../../../kernel/files/table.ts';
import { csvLine } from '../../../kernel/files/csv.ts';
import { rowsRejected, type RowError } from '../../../kernel/files/rows.ts';
import { XLSX_MIME } from '../../../kernel/files/upload.ts';
import type { ReturnReason } from '../tables.ts';
import { purposeOf, yuan } from './labels.ts';
import { mustFindPayroll } from './payrolls.ts';

export const BANK_HEADERS = ['流水号', '姓名', '身份证号码', '账号', '金额（元）', '用途'] as const;
export const RESULT_HEADERS = ['结果', '失败原因'] as const;
export const NO_BANK = '未登记开户行';

async function mustExportable(db: Database, scope: Scope, payrollNo: string) {
  const p = await mustFindPayroll(db, scope, payrollNo);
  if (!covers(scope, p.county_code)) throw AppError.forbidden(`发放名册 ${payrollNo} 需县级账号办理`, { payrollNo });
  if (p.status !== 'approved' && p.status !== 'exported') throw AppError.conflict('not_approved', '发放名册审批后才能导出代发文件或导入回盘', { status: p.status });
  return p;
}

export async function bankFiles(db: Database, scope: Scope, payrollNo: string) {
  allow(scope, 'payroll.export');
  const p = await mustExportable(db, scope, payrollNo);
  const rows = await db.kysely.selectFrom('payroll_lines').select(['bank_name', sql<number>`count(*)::int`.as('lines'), sql<number>`sum(net_fen)::bigint`.as('net_fen')])
    .where('county_code', '=', p.county_code).where('payroll_id', '=', p.id).where('net_fen', '>', 0).groupBy('bank_name').orderBy('bank_name').execute();
  return { payrollNo, items: rows.map((r) => ({ bank: r.bank_name, bankLabel: r.bank_name === '' ? NO_BANK : r.bank_name, lines: r.lines, netFen: Number(r.net_fen) })) };
}


/** The bank's file of one bank: the payroll turns `exported` on the first one; every export is audited. */
export async function bankFile(db: Database, scope: Scope, payrollNo: string, q: { bank: string; format: 'xlsx' | 'csv'; unmask: boolean }) {
  allow(scope, 'payroll.export');
  if (q.unmask) allow(scope, 'payroll.unmask');
  const p = await mustExportable(db, scope, payrollNo);
  const lines = await db.kysely.selectFrom('payroll_lines').select(['id', 'programme', 'name', 'id_number', 'bank_account', 'net_fen', 'arrears_fen', 'reissue_fen'])
    .where('county_code', '=', p.county_code).where('payroll_id', '=', p.id).where('bank_name', '=', q.bank).where('net_fen', '>', 0).orderBy('id').execute();
  if (lines.length === 0) throw AppError.field('bank', `名册中没有开户行为「${q.bank || NO_BANK}」的待发放记录`);
  const rows = lines.map((l) => [
    `${payrollNo}-${l.id}`, q.unmask ? l.name : maskName(l.name), q.unmask ? l.id_number : maskIdNumber(l.id_number),
    q.unmask ? l.bank_account : maskBankAccount(l.bank_account), yuan(l.net_fen), purposeOf(l.programme, p.period, l.arrears_fen, l.reissue_fen),
  ]);
  let file: Buffer;
  if (q.format === 'csv') {
    file = Buffer.from(`\ufeff${[BANK_HEADERS as readonly string[], ...rows].map(csvLine).join('\r\n')}\r\n`, 'utf8');
  } else {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('代发明细', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = BANK_HEADERS.map((h, i) => ({ header: h, key: h, width: [26, 12, 22, 24, 12, 36][i] ?? 12, style: i === 4 ? { numFmt: '0.00' } : { numFmt: '@' } }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const r of rows) ws.addRow([r[0], r[1], r[2], r[3], Number(r[4]), r[5]]).commit();
    ws.commit();
    await wb.commit();
    file = Buffer.concat(chunks);
  }
  await write(db, scope, async (tx) => {
    if (p.status === 'approved') await tx.updateTable('payrolls').set({ status: 'exported', exported_by: scope.userName, exported_at: new Date() }).where('county_code', '=', p.county_code).where('id', '=', p.id).where('status', '=', 'approved').execute();
    await appendAudit(tx, scope, { action: 'payroll.export', entity: 'payroll', entityId: payrollNo, areaCode: p.county_code, after: { bank: q.bank, format: q.format, unmasked: q.unmask, lines: lines.length, netFen: lines.reduce((n, l) => n + l.net_fen, 0) } });
  });
  const name = `代发-${payrollNo}-${q.bank || NO_BANK}${q.unmask ? '' : '-脱敏'}.${q.format}`;
  return { file, name, mime: q.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MIME };
}

// ---- returns



const REASONS: Record<string, ReturnReason> = { 账户已销户: 'closed_account', 销户: 'closed_account', 账户销户: 'closed_account', 户名不符: 'name_mismatch', 户名不一致: 'name_mismatch', 其他: 'other' };
const text = (c: Cell) => (c === undefined ? '' : String(c).trim());

export async function importReturns(db: Database, scope: Scope, payrollNo: string, body: Buffer, opts: { format: 'xlsx' | 'csv'; fileName?: string | undefined }) {
  allow(scope, 'payroll.returns');
  const p = await mustExportable(db, scope, payrollNo);
  const rows = await readTableFile(body, opts.format);
  const head = rows[0];
  if (!head) throw new AppError('invalid_file', '文件没有表头行', 400, { fields: [{ field: '(file)', message: '文件没有表头行' }] });
  const col = new Map<string, number>();
  head.cells.forEach((c, i) => col.set(text(c).replace(/\(元\)/, '（元）'), i));
  const missing = ['流水号', '结果'].filter((h) => !col.has(h));
  if (missing.length > 0) {
    const message = `表头缺少必填列：${missing.join('、')}（第1行）`;
    throw new AppError('invalid_file', message, 400, { fields: [{ field: 'row 1', message }], errors: missing.map((m) => ({ row: 1, column: m, message: '缺少此列' })) });
  }
  const cell = (r: { cells: Cell[] }, h: string) => { const i = col.get(h); return i === undefined ? '' : text(r.cells[i]); };
  const lines = new Map((await db.kysely.selectFrom('payroll_lines as l')
    .leftJoin('payroll_returns as r', (j) => j.onRef('r.county_code', '=', 'l.county_code').onRef('r.line_id', '=', 'l.id'))
    .select(['l.id', 'l.programme', 'l.recipient_id', 'l.household_id', 'l.township_code', 'l.net_fen', 'r.result', 'r.reason'])
    .where('l.county_code', '=', p.county_code).where('l.payroll_id', '=', p.id).where('l.net_fen', '>', 0).execute()).map((l) => [l.id, l]));
  const errors: RowError[] = [];
  const seen = new Set<number>();
  const accepted: { lineId: number; result: 'paid' | 'failed'; reason: ReturnReason | null; note: string }[] = [];
  for (const r of rows.slice(1)) {
    if (r.cells.every((c) => text(c) === '')) continue;
    const err = (column: string, message: string) => errors.push({ row: r.row, column, message });
    const ref = cell(r, '流水号');
    const m = /^(FF\d{12})-(\d+)$/.exec(ref);
    if (!m) { err('流水号', `流水号「${ref}」格式应为 名册编号-序号`); continue; }
    if (m[1] !== payrollNo) { err('流水号', `流水号 ${ref} 不属于名册 ${payrollNo}`); continue; }
    const id = Number(m[2]);
    const line = lines.get(id);
    if (!line) { err('流水号', `名册 ${payrollNo} 中没有待发放的流水号 ${ref}`); continue; }
    if (seen.has(id)) { err('流水号', `流水号 ${ref} 在文件中重复`); continue; }
    seen.add(id);
    const amount = cell(r, '金额（元）');
    if (col.has('金额（元）') && (amount === '' || Math.round(Number(amount) * 100) !== line.net_fen)) err('金额（元）', `金额「${amount}」与名册金额 ${yuan(line.net_fen)} 元不符`);
    const res = cell(r, '结果');
    const result = res === '成功' ? 'paid' : res === '失败' ? 'failed' : null;
    if (!result) { err('结果', `结果应为「成功」或「失败」，实际为「${res}」`); continue; }
    let reason: ReturnReason | null = null;
    const why = cell(r, '失败原因');
    if (result === 'failed') {
      if (why === '') { err('失败原因', '结果为失败时须填写失败原因（账户已销户、户名不符或其他说明）'); continue; }
      reason = REASONS[why] ?? 'other';
    }
    if (line.result) {
      if (line.result !== result) err('结果', `流水号 ${ref} 已导入结果「${line.result === 'paid' ? '成功' : '失败'}」，不能改为「${res}」`);
      continue;
    }
    accepted.push({ lineId: id, result, reason, note: result === 'failed' ? why : '' });
  }
  if (errors.length > 0) throw rowsRejected('returns_rejected', '回盘文件', errors);
  const fileName = opts.fileName ?? `returns.${opts.format}`;
  return write(db, scope, async (tx) => {
    const failed = accepted.filter((a) => a.result === 'failed');
    if (accepted.length > 0) {
      await tx.insertInto('payroll_returns').values(accepted.map((a) => ({ county_code: p.county_code, payroll_id: p.id, line_id: a.lineId, result: a.result, reason: a.reason, note: a.note, file_name: fileName, imported_by: scope.userName }))).execute();
    }
    if (failed.length > 0) {
      const rowsOf = failed.map((a) => lines.get(a.lineId)!);
      await tx.insertInto('payroll_reissues').values(rowsOf.map((l) => ({ county_code: p.county_code, source_payroll_id: p.id, source_line_id: l.id, programme: l.programme, recipient_id: l.recipient_id, household_id: l.household_id, township_code: l.township_code, amount_fen: l.net_fen, paid_payroll_id: null }))).execute();
      await tx.insertInto('payroll_ledger').values(failed.map((a) => {
        const l = lines.get(a.lineId)!;
        return { county_code: p.county_code, household_id: l.household_id, programme: l.programme, recipient_id: l.recipient_id, period: p.period, account: 'benefit' as const, kind: 'returned' as const, amount_fen: -l.net_fen, payroll_id: p.id, line_id: l.id, note: `银行退回：${a.note}`, created_by: scope.userName };
      })).execute();
    }
    const summary = { paid: accepted.length - failed.length, failed: failed.length, reissueFen: failed.reduce((n, a) => n + lines.get(a.lineId)!.net_fen, 0), skipped: rows.length - 1 - accepted.length };
    await appendAudit(tx, scope, { action: 'payroll.returns', entity: 'payroll', entityId: payrollNo, areaCode: p.county_code, after: { fileName, ...summary } });
    return { payrollNo, ...summary };
  });
}
