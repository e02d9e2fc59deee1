// Reading payrolls (scoped), approving them into the ledger, and the ledger's views: payment history of
// a household, fund totals per county and month.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { likePrefix } from '../../../kernel/like.ts';
import { inArea, inScope, widened, type Scope } from '../../../kernel/scope.ts';
import type { PayrollRow } from '../tables.ts';

export async function byNo(db: Kysely<DB>, payrollNo: string): Promise<PayrollRow | undefined> {
  return db.selectFrom('payrolls').selectAll().where('payroll_no', '=', payrollNo).executeTakeFirst();
}

export async function lockByNo(tx: Kysely<DB>, payrollNo: string): Promise<PayrollRow | undefined> {
  return tx.selectFrom('payrolls').selectAll().where('payroll_no', '=', payrollNo).forUpdate().executeTakeFirst();
}

/** Payrolls of the counties the scope covers, or of the county the scope lies in; newest first. */
export async function list(db: Kysely<DB>, scope: Scope, f: { county?: string | undefined; period?: string | undefined; limit: number; afterId?: number | undefined }) {
  let q = db.selectFrom('payrolls as p').selectAll('p')
    .select((eb) => [
      eb.selectFrom('payroll_totals as t').whereRef('t.county_code', '=', 'p.county_code').whereRef('t.payroll_id', '=', 'p.id').where(inScope(scope, 't.township_code'))
        .select(sql<number>`coalesce(sum(t.lines), 0)::int`.as('n')).as('lines'),
      eb.selectFrom('payroll_totals as t').whereRef('t.county_code', '=', 'p.county_code').whereRef('t.payroll_id', '=', 'p.id').where(inScope(scope, 't.township_code'))
        .select(sql<number>`coalesce(sum(t.net_fen), 0)::bigint`.as('n')).as('net_fen'),
    ]);
  // a county (or wider) scope sees its counties' payrolls; a township scope its county's
  q = q.where(inScope(widened(scope, 'payroll_headers'), 'p.county_code'));
  if (f.county) q = q.where(inArea(f.county, 'p.county_code'));
  if (f.period) q = q.where('p.period', '=', f.period);
  if (f.afterId !== undefined) q = q.where('p.id', '<', f.afterId);
  return q.orderBy('p.id', 'desc').limit(f.limit).execute();
}

export async function totals(db: Kysely<DB>, scope: Scope, p: PayrollRow) {
  return db.selectFrom('payroll_totals as t').leftJoin('areas as a', 'a.code', 't.township_code')
    .select(['t.township_code', 'a.name as township_name', 't.programme', 't.lines', 't.regular_fen', 't.arrears_fen', 't.one_off_fen', 't.reissue_fen', 't.deduction_fen', 't.net_fen'])
    .where('t.county_code', '=', p.county_code).where('t.payroll_id', '=', p.id).where(inScope(scope, 't.township_code'))
    .orderBy('t.township_code').orderBy('t.programme').execute();
}

export interface LineFilter {
  township?: string | undefined;
  programme?: string | undefined;
  search?: { name: string } | { idNumber: string } | undefined;
}

function filteredLines(db: Kysely<DB>, scope: Scope, p: PayrollRow, f: LineFilter) {
  let q = db.selectFrom('payroll_lines as l')
    .where('l.county_code', '=', p.county_code).where('l.payroll_id', '=', p.id).where(inScope(scope, 'l.area_code'));
  if (f.township) q = q.where('l.township_code', '=', f.township);
  if (f.programme) q = q.where('l.programme', '=', f.programme);
  if (f.search) {
    const s = f.search;
    q = 'name' in s ? q.where('l.name', 'like', likePrefix(s.name)) : q.where('l.id_number', '=', s.idNumber);
  }
  return q;
}

export async function lines(db: Kysely<DB>, scope: Scope, p: PayrollRow, f: LineFilter & { limit: number; afterId?: number | undefined }) {
  let q = filteredLines(db, scope, p, f)
    .leftJoin('payroll_returns as r', (j) => j.onRef('r.county_code', '=', 'l.county_code').onRef('r.line_id', '=', 'l.id'))
    .innerJoin('households as h', (j) => j.onRef('h.county_code', '=', 'l.county_code').onRef('h.id', '=', 'l.household_id'))
    .select(['l.id', 'l.programme', 'l.recipient_id', 'h.household_no', 'l.township_code', 'l.area_code', 'l.name', 'l.id_number', 'l.bank_name', 'l.bank_account', 'l.payee', 'l.method',
      'l.regular_fen', 'l.arrears_fen', 'l.arrears_from', 'l.one_off_fen', 'l.reissue_fen', 'l.deduction_fen', 'l.net_fen', 'r.result', 'r.reason']);
  if (f.afterId !== undefined) q = q.where('l.id', '>', f.afterId);
  return q.orderBy('l.id').limit(f.limit).execute();
}

/** How many lines match the filters (every page). */
export async function countLines(db: Kysely<DB>, scope: Scope, p: PayrollRow, f: LineFilter): Promise<number> {
  const r = await filteredLines(db, scope, p, f).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Approval: every amount of every line becomes a ledger entry (one statement), reissues paid are marked. */
export async function postToLedger(tx: Kysely<DB>, p: PayrollRow, by: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with posted as (
      insert into payroll_ledger (county_code, household_id, programme, recipient_id, period, account, kind, amount_fen, payroll_id, line_id, created_by)
      select l.county_code, l.household_id, l.programme, l.recipient_id, l.period, v.account, v.kind, v.amount, l.payroll_id, l.id, ${by}::text
      from payroll_lines l
      cross join lateral (values ('benefit', 'regular', l.regular_fen), ('benefit', 'arrears', l.arrears_fen), ('benefit', 'one_off', l.one_off_fen), ('benefit', 'reissue', l.reissue_fen),
        ('benefit', 'deduction', -l.deduction_fen), ('receivable', 'deducted', -l.deduction_fen)) as v (account, kind, amount)
      where l.county_code = ${p.county_code} and l.payroll_id = ${p.id} and v.amount <> 0
      returning 1
    )
    select count(*)::int as n from posted`.execute(tx);
  await sql`
    update payroll_reissues x set paid_payroll_id = ${p.id}::bigint
    from (select unnest(reissue_ids) as id from payroll_lines where county_code = ${p.county_code} and payroll_id = ${p.id} and reissue_ids is not null) paid
    where x.county_code = ${p.county_code} and x.id = paid.id and x.paid_payroll_id is null`.execute(tx);
  return rows[0]?.n ?? 0;
}

export async function setStatus(tx: Kysely<DB>, p: PayrollRow, patch: Partial<Pick<PayrollRow, 'status' | 'approved_by' | 'approved_at' | 'exported_by' | 'exported_at'>>): Promise<void> {
  await tx.updateTable('payrolls').set(patch).where('county_code', '=', p.county_code).where('id', '=', p.id).execute();
}

/** Sum of the period's benefit-account entries of a county: what the fund paid (net). */
export async function ledgerMovement(db: Kysely<DB>, county: string, period: string): Promise<number> {
  const r = await db.selectFrom('payroll_ledger').select(sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('n'))
    .where('county_code', '=', county).where('period', '=', period).where('account', '=', 'benefit').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Fund totals per county and month, by kind (benefit account; the fine account apart). */
export async function fund(db: Kysely<DB>, scope: Scope, f: { county?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  let q = db.selectFrom('payroll_ledger as g').leftJoin('areas as a', 'a.code', 'g.county_code')
    .select(['g.county_code', 'a.name as county_name', 'g.period', 'g.account', 'g.kind', sql<number>`sum(g.amount_fen)::bigint`.as('amount_fen'), sql<number>`count(*)::int`.as('entries')])
    .where(scope.prefix.length > 6 ? sql<boolean>`false` : inScope(scope, 'g.county_code'));
  if (f.county) q = q.where(inArea(f.county, 'g.county_code'));
  if (f.from) q = q.where('g.period', '>=', f.from);
  if (f.to) q = q.where('g.period', '<=', f.to);
  return q.groupBy(['g.county_code', 'a.name', 'g.period', 'g.account', 'g.kind']).orderBy('g.county_code').orderBy('g.period').orderBy('g.account').orderBy('g.kind').execute();
}

/**
 * The lines of a household's recipients (the household itself or one of its members), whatever the
 * programme: the line key leads with programme and recipient, so the database's programmes are listed
 * for an index probe per programme and recipient rather than a scan of the county's lines.
 */
export async function householdLines(db: Kysely<DB>, county: string, householdId: number) {
  const members = await db.selectFrom('members').select('id').where('county_code', '=', county).where('household_id', '=', householdId).execute();
  return db.selectFrom('payroll_lines as l')
    .innerJoin('payrolls as p', (j) => j.onRef('p.county_code', '=', 'l.county_code').onRef('p.id', '=', 'l.payroll_id'))
    .leftJoin('payroll_returns as r', (j) => j.onRef('r.county_code', '=', 'l.county_code').onRef('r.line_id', '=', 'l.id'))
    .select(['l.id', 'p.payroll_no', 'p.status', 'l.period', 'l.programme', 'l.name', 'l.bank_name', 'l.bank_account', 'l.payee', 'l.method',
      'l.regular_fen', 'l.arrears_fen', 'l.arrears_from', 'l.one_off_fen', 'l.reissue_fen', 'l.deduction_fen', 'l.net_fen', 'r.result', 'r.reason'])
    .where('l.county_code', '=', county)
    .where('l.programme', 'in', (eb) => eb.selectFrom('programmes').select('code'))
    .where('l.recipient_id', 'in', [householdId, ...members.map((m) => m.id)])
    .where('l.household_id', '=', householdId)
    .orderBy('l.period', 'desc').orderBy('l.id').execute();
}

export async function householdLedger(db: Kysely<DB>, county: string, householdId: number) {
  return db.selectFrom('payroll_ledger').select(['id', 'period', 'account', 'kind', 'amount_fen', 'programme', 'receivable_id', 'note', 'created_by', 'created_at'])
    .where('county_code', '=', county).where('household_id', '=', householdId).orderBy('id', 'desc').limit(500).execute();
}

export async function householdReceivables(db: Kysely<DB>, county: string, householdId: number) {
  return db.selectFrom('payroll_receivables as r')
    .select(['r.id', 'r.source', 'r.amount_fen', 'r.fine_fen', 'r.decided_on', 'r.reason'])
    .where('r.county_code', '=', county).where('r.household_id', '=', householdId).orderBy('r.id').execute();
}

export async function receivableBalance(db: Kysely<DB>, county: string, householdId: number): Promise<number> {
  const r = await db.selectFrom('payroll_ledger').select(sql<number>`coalesce(sum(amount_fen), 0)::bigint`.as('n'))
    .where('county_code', '=', county).where('household_id', '=', householdId).where('account', '=', 'receivable').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Payrolls of the counties the scope covers that wait for approval (待办). */
export async function draftCount(db: Kysely<DB>, scope: Scope): Promise<number> {
  const r = await db.selectFrom('payrolls as p').select((eb) => eb.fn.countAll<string>().as('n'))
    .where(inScope(scope, 'p.county_code')).where('p.status', '=', 'draft').executeTakeFirstOrThrow();
  return Number(r.n);
}
