// Reading payrolls, approving (draft → approved, posted to the ledger), discarding a draft, the payment
// history of a household, fund totals, and receivables (overpayments, repayments).
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { covers, requireAreaField, widened, type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskBankAccount, maskIdNumber, maskName } from '../../../kernel/mask.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { mustFindHousehold } from '../../registry/index.ts';
import { namesOf } from '../../areas/index.ts';
import { displayNames } from '../../users/index.ts';
import * as repo from '../repo/payrolls.ts';
import * as run from '../repo/run.ts';
import type { PayrollRow } from '../tables.ts';
import { METHOD_LABELS, PAYEE_LABELS, programmeName, REASON_LABELS, STATUS_LABELS } from './labels.ts';
import type { fundSchema, linesSchema, listSchema, receivableSchema, repaymentSchema } from './schemas.ts';
import { payrollNoSchema } from './schemas.ts';

/** A payroll is seen by the scopes that cover its county and by those inside it (their own part only). */
const visible = (scope: Scope, county: string) => covers(widened(scope, 'payroll_headers'), county);

export async function mustFindPayroll(db: Database, scope: Scope, payrollNo: string): Promise<PayrollRow> {
  if (!payrollNoSchema.safeParse(payrollNo).success) throw AppError.field('payrollNo', '名册编号格式应为 FF + 县代码 + 年月（12 位数字）');
  const p = await repo.byNo(db.kysely, payrollNo);
  if (!p || !visible(scope, p.county_code)) throw AppError.notFound('发放名册', payrollNo);
  return p;
}

/** Changing a payroll needs the whole county in scope. */
async function mustChange(db: Database, scope: Scope, payrollNo: string): Promise<PayrollRow> {
  const p = await mustFindPayroll(db, scope, payrollNo);
  if (!covers(scope, p.county_code)) throw AppError.forbidden(`发放名册 ${payrollNo} 属于 ${p.county_code}，需县级账号办理`, { payrollNo });
  return p;
}

const header = (p: PayrollRow, names: Names) => ({
  payrollNo: p.payroll_no, countyCode: p.county_code, countyName: names.areas.get(p.county_code) ?? p.county_code, period: p.period, status: p.status, statusLabel: STATUS_LABELS[p.status],
  chunksTotal: p.chunks_total, createdBy: p.created_by, createdByName: names.users.get(p.created_by) ?? p.created_by, createdAt: p.created_at.toISOString(), completedAt: p.completed_at?.toISOString() ?? null,
  approvedBy: p.approved_by, approvedByName: userName(names, p.approved_by), approvedAt: p.approved_at?.toISOString() ?? null,
  exportedBy: p.exported_by, exportedByName: userName(names, p.exported_by), exportedAt: p.exported_at?.toISOString() ?? null,
});

/** The counties' names and the users' display names, for what staff read (都匀市, 都匀市民政局审批员). */
interface Names { areas: ReadonlyMap<string, string>; users: ReadonlyMap<string, string> }
/** A user's display name; the user name itself when it has no account (the CLI's `system`), null when none. */
const userName = (names: Names, user: string | null) => (user === null ? null : (names.users.get(user) ?? user));

async function namesFor(db: Database, rows: readonly PayrollRow[]): Promise<Names> {
  const [areas, users] = await Promise.all([
    namesOf(db.kysely, [...new Set(rows.map((r) => r.county_code))]),
    displayNames(db.kysely, rows.flatMap((r) => [r.created_by, r.approved_by, r.exported_by]).filter((u): u is string => u !== null)),
  ]);
  return { areas, users };
}

export async function listPayrolls(db: Database, scope: Scope, q: z.output<typeof listSchema>) {
  allow(scope, 'payroll.read');
  const rows = await repo.list(db.kysely, scope, { county: q.county, period: q.period, limit: q.limit, afterId: q.after });
  const last = rows.at(-1);
  const names = await namesFor(db, rows);
  return { items: rows.map((r) => ({ ...header(r, names), lines: Number(r.lines ?? 0), netFen: Number(r.net_fen ?? 0) })), next: rows.length === q.limit && last ? last.id : null };
}

export async function getPayroll(db: Database, scope: Scope, payrollNo: string) {
  allow(scope, 'payroll.read');
  const p = await mustFindPayroll(db, scope, payrollNo);
  const [totals, chunks] = await Promise.all([repo.totals(db.kysely, scope, p), run.writtenChunks(db.kysely, p.county_code, p.id)]);
  const amounts = (rows: typeof totals) => {
    const sum = (k: 'lines' | 'regular_fen' | 'arrears_fen' | 'one_off_fen' | 'reissue_fen' | 'deduction_fen' | 'net_fen') => rows.reduce((n, t) => n + Number(t[k]), 0);
    return { lines: sum('lines'), regularFen: sum('regular_fen'), arrearsFen: sum('arrears_fen'), oneOffFen: sum('one_off_fen'), reissueFen: sum('reissue_fen'), deductionFen: sum('deduction_fen'), netFen: sum('net_fen') };
  };
  // the programmes the payroll pays, whichever they are, in code order
  const programmes = [...new Set(totals.map((t) => t.programme))].sort();
  const names = await namesFor(db, [p]);
  return {
    ...header(p, names),
    chunksWritten: chunks.size,
    total: amounts(totals),
    byProgramme: programmes.map((programme) => ({ programme, programmeLabel: programmeName(programme), label: programmeName(programme), ...amounts(totals.filter((t) => t.programme === programme)) })),
    byTownship: totals.map((t) => ({
      townshipCode: t.township_code, townshipName: t.township_name ?? t.township_code, programme: t.programme, programmeLabel: programmeName(t.programme), ...amounts([t]),
    })),
  };
}

export async function listLines(db: Database, scope: Scope, payrollNo: string, q: z.output<typeof linesSchema>) {
  allow(scope, 'payroll.read');
  if (q.unmask) allow(scope, 'payroll.unmask');
  const p = await mustFindPayroll(db, scope, payrollNo);
  const filter = await lineFilter(db, scope, p, q);
  const [rows, total] = await Promise.all([
    repo.lines(db.kysely, scope, p, { ...filter, limit: q.limit, afterId: q.after }),
    repo.countLines(db.kysely, scope, p, filter),
  ]);
  if (q.unmask) {
    await write(db, scope, (tx) => appendAudit(tx, scope, { action: 'payroll.unmask', entity: 'payroll', entityId: payrollNo, areaCode: p.county_code, after: { lines: rows.map((r) => r.id) } }));
  }
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({
      id: r.id, programme: r.programme, programmeLabel: programmeName(r.programme), householdNo: r.household_no, townshipCode: r.township_code, areaCode: r.area_code,
      name: q.unmask ? r.name : maskName(r.name), idNumber: q.unmask ? r.id_number : maskIdNumber(r.id_number),
      bankName: r.bank_name, bankAccount: q.unmask ? r.bank_account : maskBankAccount(r.bank_account),
      payee: r.payee, payeeLabel: PAYEE_LABELS[r.payee], method: r.method, methodLabel: METHOD_LABELS[r.method],
      regularFen: r.regular_fen, arrearsFen: r.arrears_fen, arrearsFrom: r.arrears_from, oneOffFen: r.one_off_fen, reissueFen: r.reissue_fen, deductionFen: r.deduction_fen, netFen: r.net_fen,
      result: r.result ?? null, reason: r.reason ?? null, reasonLabel: r.reason ? REASON_LABELS[r.reason] : null,
    })),
    next: rows.length === q.limit && last ? last.id : null,
    total,
  };
}

/**
 * The lines' filters checked against the payroll and the caller (400 naming the field): the township one of
 * the payroll's county in the caller's scope; the person by ID number (18 characters) or name prefix.
 */
async function lineFilter(db: Database, scope: Scope, p: PayrollRow, q: z.output<typeof linesSchema>): Promise<repo.LineFilter> {
  if (q.township !== undefined) {
    const t = await db.kysely.selectFrom('areas').select('code').where('code', '=', q.township).where('level', '=', 'township').executeTakeFirst();
    requireAreaField(scope, 'township', q.township, t !== undefined && q.township.startsWith(p.county_code));
  }
  const search = q.q === undefined ? undefined : /^\d{17}[\dXx]$/.test(q.q) ? { idNumber: q.q.toUpperCase() } : { name: q.q };
  return { township: q.township, programme: q.programme, search };
}

export async function approvePayroll(db: Database, scope: Scope, payrollNo: string) {
  allow(scope, 'payroll.approve');
  await mustChange(db, scope, payrollNo);
  return write(db, scope, async (tx) => {
    const p = await repo.lockByNo(tx, payrollNo);
    if (!p) throw AppError.notFound('发放名册', payrollNo);
    if (p.status !== 'draft') throw AppError.conflict('invalid_status', `发放名册当前为「${STATUS_LABELS[p.status]}」，只有待审批的名册才能审批`, { status: p.status });
    const entries = await repo.postToLedger(tx, p, scope.userName);
    const sums = await run.payrollSums(tx, p.county_code, p.id);
    await repo.setStatus(tx, p, { status: 'approved', approved_by: scope.userName, approved_at: new Date() });
    await appendAudit(tx, scope, { action: 'payroll.approve', entity: 'payroll', entityId: payrollNo, areaCode: p.county_code, before: { status: 'draft' }, after: { status: 'approved', lines: sums.lines, netFen: sums.net_fen, ledgerEntries: entries } });
    return { payrollNo, status: 'approved' as const, statusLabel: STATUS_LABELS.approved, lines: sums.lines, netFen: sums.net_fen, ledgerEntries: entries };
  });
}

/** A draft (or an unfinished run) may be thrown away and run again; approved payrolls never. */
export async function discardPayroll(db: Database, scope: Scope, payrollNo: string) {
  allow(scope, 'payroll.run');
  await mustChange(db, scope, payrollNo);
  return write(db, scope, async (tx) => {
    const p = await repo.lockByNo(tx, payrollNo);
    if (!p) throw AppError.notFound('发放名册', payrollNo);
    await run.lockPeriod(tx, p.county_code, p.period);
    if (p.status !== 'draft' && p.status !== 'running') throw AppError.conflict('invalid_status', `发放名册当前为「${STATUS_LABELS[p.status]}」，已审批的名册不能作废`, { status: p.status });
    const sums = await run.payrollSums(tx, p.county_code, p.id);
    await run.deleteDraft(tx, p);
    await appendAudit(tx, scope, { action: 'payroll.discard', entity: 'payroll', entityId: payrollNo, areaCode: p.county_code, before: { status: p.status, lines: sums.lines, netFen: sums.net_fen } });
    return { payrollNo, discarded: true };
  });
}

export async function paymentHistory(db: Database, scope: Scope, householdNo: string) {
  allow(scope, 'payroll.read');
  const h = await mustFindHousehold(db, scope, householdNo);
  const [lines, ledger, receivables, balance] = await Promise.all([
    repo.householdLines(db.kysely, h.county_code, h.id), repo.householdLedger(db.kysely, h.county_code, h.id),
    repo.householdReceivables(db.kysely, h.county_code, h.id), repo.receivableBalance(db.kysely, h.county_code, h.id),
  ]);
  return {
    householdNo,
    payments: lines.map((l) => ({
      payrollNo: l.payroll_no, status: l.status, statusLabel: STATUS_LABELS[l.status], period: l.period, programme: l.programme, programmeLabel: programmeName(l.programme),
      name: maskName(l.name), bankName: l.bank_name, bankAccount: maskBankAccount(l.bank_account),
      payee: l.payee, payeeLabel: PAYEE_LABELS[l.payee], method: l.method, methodLabel: METHOD_LABELS[l.method],
      regularFen: l.regular_fen, arrearsFen: l.arrears_fen, arrearsFrom: l.arrears_from, oneOffFen: l.one_off_fen, reissueFen: l.reissue_fen, deductionFen: l.deduction_fen, netFen: l.net_fen,
      result: l.result ?? null, reasonLabel: l.reason ? REASON_LABELS[l.reason] : null,
    })),
    ledger: ledger.map((g) => ({ id: g.id, period: g.period, account: g.account, kind: g.kind, amountFen: g.amount_fen, programme: g.programme, programmeLabel: g.programme === null ? null : programmeName(g.programme), note: g.note, createdBy: g.created_by, createdAt: g.created_at.toISOString() })),
    receivables: receivables.map((r) => ({ id: r.id, source: r.source, amountFen: r.amount_fen, fineFen: r.fine_fen, decidedOn: r.decided_on, reason: r.reason })),
    receivableBalanceFen: balance,
  };
}

export async function fundTotals(db: Database, scope: Scope, q: z.output<typeof fundSchema>) {
  allow(scope, 'payroll.read');
  const rows = await repo.fund(db.kysely, scope, q);
  return { items: rows.map((r) => ({ countyCode: r.county_code, countyName: r.county_name ?? r.county_code, period: r.period, account: r.account, kind: r.kind, amountFen: Number(r.amount_fen), entries: r.entries })) };
}

/** 多发追回: an overpayment becomes a receivable of the household, deducted from its later payments. */
export async function recordOverpayment(db: Database, scope: Scope, householdNo: string, input: z.output<typeof receivableSchema>) {
  allow(scope, 'payroll.recovery');
  const h = await mustFindHousehold(db, scope, householdNo);
  if (input.decidedOn > todayInChina()) throw AppError.field('decidedOn', '决定日期不能晚于今天');
  return write(db, scope, async (tx) => {
    const r = await tx.insertInto('payroll_receivables').values({ county_code: h.county_code, household_id: h.id, source: 'overpayment', amount_fen: input.amountFen, decided_on: input.decidedOn, reason: input.reason, created_by: scope.userName }).returning('id').executeTakeFirstOrThrow();
    await tx.insertInto('payroll_ledger').values({ county_code: h.county_code, household_id: h.id, period: input.decidedOn.slice(0, 7), account: 'receivable', kind: 'established', amount_fen: input.amountFen, receivable_id: r.id, note: input.reason, created_by: scope.userName }).execute();
    await appendAudit(tx, scope, { action: 'payroll.receivable', entity: 'household', entityId: householdNo, areaCode: h.village_code, after: { receivableId: r.id, ...input } });
    return { id: r.id, householdNo, amountFen: input.amountFen, balanceFen: await repo.receivableBalance(tx, h.county_code, h.id) };
  });
}

/** 退还: the household repays (part of) what it owes, up to the outstanding balance. */
export async function recordRepayment(db: Database, scope: Scope, householdNo: string, input: z.output<typeof repaymentSchema>) {
  allow(scope, 'payroll.recovery');
  const h = await mustFindHousehold(db, scope, householdNo);
  if (input.date > todayInChina()) throw AppError.field('date', '日期不能晚于今天');
  return write(db, scope, async (tx) => {
    await run.lockPeriod(tx, h.county_code, `receivable-${h.id}`);
    const balance = await repo.receivableBalance(tx, h.county_code, h.id);
    if (input.amountFen > balance) throw AppError.field('amountFen', `退还金额 ${input.amountFen} 分多于应收余额 ${balance} 分`);
    await tx.insertInto('payroll_ledger').values({ county_code: h.county_code, household_id: h.id, period: input.date.slice(0, 7), account: 'receivable', kind: 'repaid', amount_fen: -input.amountFen, note: input.note, created_by: scope.userName }).execute();
    await appendAudit(tx, scope, { action: 'payroll.repayment', entity: 'household', entityId: householdNo, areaCode: h.village_code, after: { ...input, balanceBefore: balance } });
    return { householdNo, amountFen: input.amountFen, balanceFen: balance - input.amountFen };
  });
}
