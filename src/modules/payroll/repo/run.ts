// The SQL of a payroll run: the payroll row, the receivables it deducts, and one chunk (a county or a
// township) written set-based in one statement (lines, township totals and the chunk row together).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea } from '../../../kernel/scope.ts';
import type { PayrollRow } from '../tables.ts';

/** Decision kinds that set an amount; suspend and exit stop payment from their month. */
export const AMOUNT_KINDS = ['approve', 'review', 'change', 'resume', 'gradual_exit'] as const;
/** Case states that may have months to pay (granted, or exited with arrears or reissues left). */
export const PAYABLE_STATES = ['approved', 'under_review', 'suspended', 'gradual_exit', 'exited'] as const;

export const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
export const payrollNo = (county: string, period: string) => `FF${county}${period.replace('-', '')}`;

/** Serialises the runs of one county and month (with the unique keys, two runs give one payroll). */
export async function lockPeriod(tx: Kysely<DB>, county: string, period: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`payroll:${county}:${period}`}))`.execute(tx);
}

export async function findPayroll(db: Kysely<DB>, county: string, period: string): Promise<PayrollRow | undefined> {
  return db.selectFrom('payrolls').selectAll().where('county_code', '=', county).where('period', '=', period).executeTakeFirst();
}

/** A payroll that keeps this period from running: an earlier one not yet approved, or any later one. */
export async function blockingPayroll(db: Kysely<DB>, county: string, period: string): Promise<PayrollRow | undefined> {
  return db.selectFrom('payrolls').selectAll().where('county_code', '=', county)
    .where((eb) => eb.or([eb.and([eb('period', '<', period), eb('status', 'in', ['running', 'draft'])]), eb('period', '>', period)]))
    .orderBy('period').limit(1).executeTakeFirst();
}

export async function insertPayroll(tx: Kysely<DB>, row: { county_code: string; payroll_no: string; period: string; chunk_by?: 'county' | 'township'; chunks_total: number; created_by: string }): Promise<PayrollRow> {
  return tx.insertInto('payrolls').values({ ...row, status: 'running' }).returningAll().executeTakeFirstOrThrow();
}

export async function townshipsOf(db: Kysely<DB>, county: string): Promise<string[]> {
  const rows = await db.selectFrom('areas').select('code').where('level', '=', 'township').where('county_code', '=', county).orderBy('code').execute();
  return rows.map((r) => r.code);
}

export async function writtenChunks(db: Kysely<DB>, county: string, payrollId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('payroll_chunks').select('area_code').where('county_code', '=', county).where('payroll_id', '=', payrollId).execute();
  return new Set(rows.map((r) => r.area_code));
}

/**
 * Fraud recoveries of the county not yet turned into receivables become receivables (obtained − already
 * recovered), each established in the ledger with its fine recorded apart. Idempotent (unique keys).
 */
export async function syncFraudReceivables(tx: Kysely<DB>, county: string, by: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with ins as (
      insert into payroll_receivables (county_code, household_id, source, fraud_recovery_id, amount_fen, fine_fen, decided_on, reason, created_by)
      select f.county_code, f.household_id, 'fraud', f.id, greatest(f.obtained_fen - f.recovered_fen, 0), f.fine_fen, f.decided_on,
        '骗取追回：' || f.note, ${by}::text
      from fraud_recoveries f
      where f.county_code = ${county}
        and not exists (select 1 from payroll_receivables r where r.county_code = f.county_code and r.fraud_recovery_id = f.id)
      returning county_code, id, household_id, amount_fen, fine_fen, decided_on
    ), led as (
      insert into payroll_ledger (county_code, household_id, period, account, kind, amount_fen, receivable_id, note, created_by)
      select county_code, household_id, to_char(decided_on, 'YYYY-MM'), 'receivable', 'established', amount_fen, id, '骗取金额待追回', ${by}::text from ins where amount_fen > 0
      union all
      select county_code, household_id, to_char(decided_on, 'YYYY-MM'), 'fine', 'assessed', fine_fen, id, '罚款（另行收缴，不从保障金扣除）', ${by}::text from ins where fine_fen > 0
      returning 1
    )
    select (select count(*) from ins)::int as n, (select count(*) from led)::int as posted`.execute(tx);
  return rows[0]?.n ?? 0;
}

export async function lockChunk(tx: Kysely<DB>, payrollId: number, area: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`payroll-chunk:${payrollId}:${area}`}))`.execute(tx);
}

/**
 * One chunk of a payroll (a county, or one of its townships) in one statement. Each case's decisions
 * become paying segments of months [effective, next decision − 1] (capped by a gradual exit's end month;
 * suspend/exit pay nothing). The month's amount is the segment holding the period; arrears (补发) are the
 * segment months after the recipient's last paid period (or from the first payable month, if never paid)
 * and before this one. Pending reissues are added, then outstanding receivables of the household are
 * deducted, at most the gross. One line per programme and recipient, payee and account from the
 * recipient's latest case and its household; the chunk's township totals and its chunk row in the same
 * statement. Every table is read by county first (hash joins over the county's rows, one pass).
 */
export async function writeChunk(tx: Kysely<DB>, p: PayrollRow, area: string): Promise<number> {
  const { rows } = await chunkStatement(p, area).execute(tx);
  return rows[0]?.lines ?? 0;
}

export function chunkStatement(p: PayrollRow, area: string) {
  const pi = monthIndex(p.period);
  const county = p.county_code;
  const inChunk = area === county ? sql`true` : inArea(area, 'h.village_code');
  return sql<{ lines: number }>`
    with rc as materialized (
      select c.id as case_id, c.programme, c.household_id,
        case when c.programme = 'dibao' then c.household_id else c.applicant_member_id end as recipient_id,
        c.applicant_name, c.applicant_id_number, h.village_code, h.bank_name, h.bank_account
      from cases c join households h on h.county_code = c.county_code and h.id = c.household_id
      where c.county_code = ${county} and h.county_code = ${county} and ${inChunk} and c.state in (${sql.join(PAYABLE_STATES)})
    ), dec as (
      select rc.case_id, rc.programme, rc.recipient_id, d.kind, coalesce(d.amount_fen, 0) as amount,
        payroll_month(d.effective_month) as from_m,
        lead(payroll_month(d.effective_month)) over (partition by d.case_id order by d.id) - 1 as next_end,
        payroll_month(d.end_month) as end_m
      from rc join case_decisions d on d.county_code = ${county} and d.case_id = rc.case_id
      where d.effective_month is not null and d.kind <> 'reject'
    ), seg as materialized (
      select case_id, programme, recipient_id, amount, from_m, least(coalesce(next_end, ${pi}::int), coalesce(end_m, ${pi}::int)) as to_m
      from dec where kind in (${sql.join(AMOUNT_KINDS)}) and amount > 0 and from_m <= ${pi}::int
    ), paid as (
      select l.programme, l.recipient_id, max(payroll_month(l.period)) as last_m
      from payroll_lines l
      where l.county_code = ${county} and l.period < ${p.period}
        and (l.programme, l.recipient_id) in (select programme, recipient_id from seg)
      group by l.programme, l.recipient_id
    ), sums as (
      select s.programme, s.recipient_id, max(s.case_id) as case_id,
        sum(case when s.from_m <= ${pi}::int and s.to_m >= ${pi}::int then s.amount else 0 end) as regular,
        sum(s.amount * greatest(0, least(s.to_m, ${pi - 1}::int) - greatest(s.from_m, coalesce(pd.last_m + 1, s.from_m)) + 1)) as arrears,
        min(case when least(s.to_m, ${pi - 1}::int) >= greatest(s.from_m, coalesce(pd.last_m + 1, s.from_m)) then greatest(s.from_m, coalesce(pd.last_m + 1, s.from_m)) end) as arrears_from_m
      from seg s left join paid pd on pd.programme = s.programme and pd.recipient_id = s.recipient_id
      group by s.programme, s.recipient_id
    ), recip as (
      select s.*, rc.household_id, rc.applicant_name as name, rc.applicant_id_number as id_number, rc.village_code, rc.bank_name, rc.bank_account
      from sums s join rc on rc.case_id = s.case_id
    ), reissue as (
      select x.programme, x.recipient_id, max(x.household_id) as household_id, sum(x.amount_fen) as reissue, array_agg(x.id order by x.id) as reissue_ids,
        max(l.case_id) as case_id, max(l.name) as name, max(l.id_number) as id_number, max(h.village_code) as village_code, max(h.bank_name) as bank_name, max(h.bank_account) as bank_account
      from payroll_reissues x
      join payroll_lines l on l.county_code = x.county_code and l.payroll_id = x.source_payroll_id and l.id = x.source_line_id
      join households h on h.county_code = x.county_code and h.id = x.household_id
      where x.county_code = ${county} and x.paid_payroll_id is null and ${inChunk}
      group by x.programme, x.recipient_id
    ), comb as materialized (
      select coalesce(r.programme, x.programme) as programme, coalesce(r.recipient_id, x.recipient_id) as recipient_id,
        coalesce(r.household_id, x.household_id) as household_id, coalesce(r.case_id, x.case_id) as case_id,
        coalesce(r.name, x.name) as name, coalesce(r.id_number, x.id_number) as id_number,
        coalesce(r.village_code, x.village_code) as area_code, coalesce(r.bank_name, x.bank_name) as bank_name, coalesce(r.bank_account, x.bank_account) as bank_account,
        coalesce(r.regular, 0) as regular, coalesce(r.arrears, 0) as arrears, r.arrears_from_m, coalesce(x.reissue, 0) as reissue, x.reissue_ids,
        coalesce(r.regular, 0) + coalesce(r.arrears, 0) + coalesce(x.reissue, 0) as gross
      from recip r full join reissue x on x.programme = r.programme and x.recipient_id = r.recipient_id
    ), owed as (
      select g.household_id, sum(g.amount_fen) as owed
      from payroll_ledger g
      where g.county_code = ${county} and g.account = 'receivable'
      group by g.household_id having sum(g.amount_fen) > 0
    ), alloc as (
      -- only the households that owe: the outstanding balance taken from their lines in order, at most each gross
      select c.programme, c.recipient_id,
        least(c.gross, greatest(0, o.owed - coalesce(sum(c.gross) over (partition by c.household_id order by c.programme, c.recipient_id rows between unbounded preceding and 1 preceding), 0))) as deduction
      from comb c join owed o on o.household_id = c.household_id
      where c.gross > 0
    ), ins as (
      insert into payroll_lines (county_code, payroll_id, period, programme, recipient_id, household_id, case_id, township_code, area_code,
        name, id_number, bank_name, bank_account, regular_fen, arrears_fen, arrears_from, reissue_fen, reissue_ids, deduction_fen, net_fen)
      select ${county}::text, ${p.id}::bigint, ${p.period}::text, c.programme, c.recipient_id, c.household_id, c.case_id, left(c.area_code, 9), c.area_code,
        c.name, c.id_number, c.bank_name, c.bank_account, c.regular, c.arrears,
        case when c.arrears_from_m is null then null else to_char(make_date(c.arrears_from_m / 12, c.arrears_from_m % 12 + 1, 1), 'YYYY-MM') end,
        c.reissue, c.reissue_ids, coalesce(a.deduction, 0), c.gross - coalesce(a.deduction, 0)
      from comb c left join alloc a on a.programme = c.programme and a.recipient_id = c.recipient_id
      where c.gross > 0
      returning township_code, programme, regular_fen, arrears_fen, reissue_fen, deduction_fen, net_fen
    ), tot as (
      insert into payroll_totals (county_code, payroll_id, township_code, programme, lines, regular_fen, arrears_fen, reissue_fen, deduction_fen, net_fen)
      select ${county}::text, ${p.id}::bigint, township_code, programme, count(*), sum(regular_fen), sum(arrears_fen), sum(reissue_fen), sum(deduction_fen), sum(net_fen)
      from ins group by township_code, programme
      returning lines
    )
    insert into payroll_chunks (county_code, payroll_id, area_code, lines)
    select ${county}::text, ${p.id}::bigint, ${area}::text, coalesce(sum(lines), 0)::int from tot
    returning lines`;
}

export async function completePayroll(tx: Kysely<DB>, p: PayrollRow): Promise<PayrollRow> {
  return tx.updateTable('payrolls').set({ status: 'draft', completed_at: new Date() })
    .where('county_code', '=', p.county_code).where('id', '=', p.id).where('status', '=', 'running').returningAll().executeTakeFirstOrThrow();
}

export async function payrollSums(db: Kysely<DB>, county: string, payrollId: number) {
  return db.selectFrom('payroll_totals').where('county_code', '=', county).where('payroll_id', '=', payrollId)
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('lines'), eb.lit(0)).as('lines'), eb.fn.coalesce(eb.fn.sum<number>('net_fen'), eb.lit(0)).as('net_fen')])
    .executeTakeFirstOrThrow();
}

/** Discarding a draft: its lines, totals and chunks go (nothing of a draft is in the ledger). */
export async function deleteDraft(tx: Kysely<DB>, p: PayrollRow): Promise<void> {
  for (const t of ['payroll_lines', 'payroll_totals', 'payroll_chunks'] as const) {
    await tx.deleteFrom(t).where('county_code', '=', p.county_code).where('payroll_id', '=', p.id).execute();
  }
  await tx.deleteFrom('payrolls').where('county_code', '=', p.county_code).where('id', '=', p.id).execute();
}
