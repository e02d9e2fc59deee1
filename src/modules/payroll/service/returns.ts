// The bank's result files (回盘) of bank lines (transfers to recipients): failed lines become reissue items
// paid in a later run and `returned` ledger entries; a file with any bad row is refused whole, each error
// naming its row and column. Cash lists and payee files have no bank result.
import type { Database } from '../../../db/engine.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { readTableFile, type Cell } from '../../../kernel/files/table.ts';
import { rowsRejected, type RowError } from '../../../kernel/files/rows.ts';
import type { ReturnReason } from '../tables.ts';
import { yuan } from './labels.ts';
import { mustExportable } from './files.ts';

export const RESULT_HEADERS = ['结果', '失败原因'] as const;

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
    .where('l.county_code', '=', p.county_code).where('l.payroll_id', '=', p.id).where('l.net_fen', '>', 0)
    .where('l.payee', '=', 'recipient').where('l.method', '=', 'transfer').execute()).map((l) => [l.id, l]));
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
    if (!line) { err('流水号', `名册 ${payrollNo} 中没有银行代发的流水号 ${ref}`); continue; }
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
