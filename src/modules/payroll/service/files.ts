// The files of an approved payroll, by how its lines are paid: a bank file (代发文件) per paying bank for
// transfers to recipients, one cash list (现金发放表, with a column for the signature) for cash, and a file
// per payee for lines an insurer or an institution receives. Masked unless payroll.unmask; every export
// is audited with whether it was unmasked, and the first one marks the payroll exported.
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskBankAccount, maskIdNumber, maskName } from '../../../kernel/mask.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import type { FileKind } from '../contract.ts';
import type { Payee } from '../tables.ts';
import { PAYEE_LABELS, purposeOf, yuan } from './labels.ts';
import { mustFindPayroll } from './payrolls.ts';
import { writeSheet, type SheetColumn } from './sheet.ts';

export const BANK_HEADERS = ['流水号', '姓名', '身份证号码', '账号', '金额（元）', '用途'] as const;
export const CASH_HEADERS = ['流水号', '姓名', '身份证号码', '金额（元）', '用途', '签领'] as const;
export const PAYEE_HEADERS = ['流水号', '姓名', '身份证号码', '金额（元）', '用途'] as const;
export const NO_BANK = '未登记开户行';
const CASH_LABEL = '现金发放表';
const OTHER_PAYEES = ['insurer', 'institution'] as const satisfies readonly Payee[];
const isOtherPayee = (key: string): key is (typeof OTHER_PAYEES)[number] => OTHER_PAYEES.some((k) => k === key);

// Every line with something to pay is in exactly one file: another payee first, then cash, else its bank.
const kindOf = sql<FileKind>`case when payee <> 'recipient' then 'payee' when method = 'cash' then 'cash' else 'bank' end`;
const keyOf = sql<string>`case when payee <> 'recipient' then payee when method = 'cash' then '' else bank_name end`;

export async function mustExportable(db: Database, scope: Scope, payrollNo: string) {
  const p = await mustFindPayroll(db, scope, payrollNo);
  if (!covers(scope, p.county_code)) throw AppError.forbidden(`发放名册 ${payrollNo} 需县级账号办理`, { payrollNo });
  if (p.status !== 'approved' && p.status !== 'exported') throw AppError.conflict('not_approved', '发放名册审批后才能导出发放文件或导入回盘', { status: p.status });
  return p;
}

function labelOf(kind: FileKind, key: string): string {
  if (kind === 'bank') return key || NO_BANK;
  if (kind === 'cash') return CASH_LABEL;
  return isOtherPayee(key) ? PAYEE_LABELS[key] : key;
}

/** Every file of the payroll with its lines and amount: bank files by bank, then the cash list, then the payees. */
export async function paymentFiles(db: Database, scope: Scope, payrollNo: string) {
  allow(scope, 'payroll.export');
  const p = await mustExportable(db, scope, payrollNo);
  const rows = await db.kysely.selectFrom('payroll_lines')
    .select([kindOf.as('kind'), keyOf.as('key'), sql<number>`count(*)::int`.as('lines'), sql<number>`sum(net_fen)::bigint`.as('net_fen')])
    .where('county_code', '=', p.county_code).where('payroll_id', '=', p.id).where('net_fen', '>', 0)
    .groupBy([sql`1`, sql`2`]).orderBy(sql`case ${kindOf} when 'bank' then 0 when 'cash' then 1 else 2 end`).orderBy(sql`2`).execute();
  return {
    payrollNo,
    items: rows.map((r) => ({
      kind: r.kind, key: r.key, label: labelOf(r.kind, r.key), lines: r.lines, netFen: Number(r.net_fen),
      bank: r.kind === 'bank' ? r.key : null, bankLabel: r.kind === 'bank' ? labelOf('bank', r.key) : null,
    })),
  };
}

/** The bank files only (`GET …/bank-files`, the CLI's export). */
export async function bankFiles(db: Database, scope: Scope, payrollNo: string) {
  const all = await paymentFiles(db, scope, payrollNo);
  return { payrollNo, items: all.items.filter((f) => f.kind === 'bank').map((f) => ({ ...f, bank: f.key, bankLabel: f.label })) };
}

const COLUMNS: Record<FileKind, { sheet: string; columns: SheetColumn[] }> = {
  bank: { sheet: '代发明细', columns: BANK_HEADERS.map((header, i) => ({ header, width: [26, 12, 22, 24, 12, 36][i] ?? 12, amount: i === 4 })) },
  cash: { sheet: CASH_LABEL, columns: CASH_HEADERS.map((header, i) => ({ header, width: [26, 12, 22, 12, 36, 16][i] ?? 12, amount: i === 3 })) },
  payee: { sheet: '发放明细', columns: PAYEE_HEADERS.map((header, i) => ({ header, width: [26, 12, 22, 12, 36][i] ?? 12, amount: i === 3 })) },
};

export interface FileQuery { kind: FileKind; key: string; format: 'xlsx' | 'csv'; unmask: boolean }

/** One file of the payroll; the payroll turns `exported` on the first one. */
export async function paymentFile(db: Database, scope: Scope, payrollNo: string, q: FileQuery) {
  allow(scope, 'payroll.export');
  if (q.unmask) allow(scope, 'payroll.unmask');
  const payee = q.kind === 'payee' ? q.key : 'recipient';
  if (payee !== 'recipient' && !isOtherPayee(payee)) throw AppError.field('key', `收款方应为 ${OTHER_PAYEES.map((k) => `${k}（${PAYEE_LABELS[k]}）`).join('、')}`);
  const p = await mustExportable(db, scope, payrollNo);
  let lines = db.kysely.selectFrom('payroll_lines').select(['id', 'programme', 'name', 'id_number', 'bank_account', 'net_fen', 'arrears_fen', 'one_off_fen', 'reissue_fen'])
    .where('county_code', '=', p.county_code).where('payroll_id', '=', p.id).where('net_fen', '>', 0).where('payee', '=', payee);
  if (q.kind !== 'payee') lines = lines.where('method', '=', q.kind === 'cash' ? 'cash' : 'transfer');
  if (q.kind === 'bank') lines = lines.where('bank_name', '=', q.key);
  const found = await lines.orderBy('id').execute();
  const label = labelOf(q.kind, q.key);
  if (found.length === 0) throw AppError.field(q.kind === 'bank' ? 'bank' : 'key', `名册中没有「${label}」的待发放记录`);
  const rows = found.map((l) => {
    const who = [`${payrollNo}-${l.id}`, q.unmask ? l.name : maskName(l.name), q.unmask ? l.id_number : maskIdNumber(l.id_number)];
    const paid = [yuan(l.net_fen), purposeOf(l.programme, p.period, l)];
    if (q.kind === 'bank') return [...who, q.unmask ? l.bank_account : maskBankAccount(l.bank_account), ...paid];
    return q.kind === 'cash' ? [...who, ...paid, ''] : [...who, ...paid];
  });
  const layout = COLUMNS[q.kind];
  const { file, mime } = await writeSheet(q.format, layout.sheet, layout.columns, rows);
  await write(db, scope, async (tx) => {
    if (p.status === 'approved') await tx.updateTable('payrolls').set({ status: 'exported', exported_by: scope.userName, exported_at: new Date() }).where('county_code', '=', p.county_code).where('id', '=', p.id).where('status', '=', 'approved').execute();
    await appendAudit(tx, scope, { action: 'payroll.export', entity: 'payroll', entityId: payrollNo, areaCode: p.county_code, after: {
      kind: q.kind, ...(q.kind === 'bank' ? { bank: q.key } : { key: q.key }), format: q.format, unmasked: q.unmask, lines: found.length, netFen: found.reduce((n, l) => n + l.net_fen, 0),
    } });
  });
  const prefix = q.kind === 'bank' ? `代发-${payrollNo}-${label}` : q.kind === 'cash' ? `${CASH_LABEL}-${payrollNo}` : `${label}-${payrollNo}`;
  return { file, name: `${prefix}${q.unmask ? '' : '-脱敏'}.${q.format}`, mime };
}

/** The file of one bank (`GET …/bank-file`, the CLI's export). */
export async function bankFile(db: Database, scope: Scope, payrollNo: string, q: { bank: string; format: 'xlsx' | 'csv'; unmask: boolean }) {
  return paymentFile(db, scope, payrollNo, { kind: 'bank', key: q.bank, format: q.format, unmask: q.unmask });
}
