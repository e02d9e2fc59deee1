// The SQL of a payroll run: the payroll row, the receivables it deducts, and one township chunk written
// set-based in one statement (lines, township totals and the chunk row together).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea } from '../../../db/scope.ts';
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

export async function insertPayroll(tx: Kysely<DB>, row: { county_code: string; payroll_no: string; period: string; chunks_total: number; created_by: string }): Promise<PayrollRow> {
  return tx.insertInto('payrolls').values({ ...row, status: 'running' }).returningAll().executeTakeFirstOrThrow();
}

export async function townshipsOf(db: Kysely<DB>, county: string): Promise<string[]> {
  const rows = await db.selectFrom('areas').select('code').where('level', '=', 'township').where('county_code', '=', county).orderBy('code').execute();
  return rows.map((r) => r.code);
}

export async function writtenChunks(db: Kysely<DB>, county: string, payrollId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('payroll_chunks').select('township_code').where('county_code', '=', county).where('payroll_id', '=', payrollId).execute();
  return new Set(rows.map((r) => r.township_code));
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

export async function lockChunk(tx: Kysely<DB>, payrollId: number, township: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`payroll-chunk:${payrollId}:${township}`}))`.execute(tx);
}

/**
 * One township of a payroll in one statement. Each case's decisions become paying segments of months
 * [effective, next decision − 1] (capped by a gradual exit's end month; suspend/exit pay nothing). The
 * month's amount is the segment holding the period; arrears (补发) are the segment months after the
 * recipient's last paid period (or from the first payable month, if never paid) and before this one.
 * Pending reissues are added, then outstanding receivables of the household are deducted, at most the
 * gross. One line per programme and recipient; the township's totals and its chunk row in the same
 * statement.
 */
export async function writeChunk(tx: Kysely<DB>, p: PayrollRow, township: string): Promise<number> {
  const { rows } = await chunkStatement(p, township).execute(tx);
  return rows[0]?.lines ?? 0;
}

export function chunkStatement(p: PayrollRow, township: string) {
  const pi = monthIndex(p.period);
  const county = p.county_code;
  return sql<{ lines: number }>`
    with dec as (
      select c.id as case_id, c.programme, c.household_id,
        case when c.programme = 'dibao' then c.household_id else c.applicant_member_id end as recipient_id,
        d.kind, coalesce(d.amount_fen, 0) as amount,
        payroll_month(d.effective_month) as from_m,
        lead(payroll_month(d.effective_month)) over (partition by d.case_id order by d.id) - 1 as next_end,
        payroll_month(d.end_month) as end_m
      -- the village range lies within the county: no county_code filter on households (it would AND a county-wide bitmap)
      from households h
      join cases c on c.county_code = h.county_code and c.household_id = h.id
      join case_decisions d on d.county_code = c.county_code and d.case_id = c.id
      where ${inArea(township, 'h.village_code')}
        and c.state in (${sql.join(PAYABLE_STATES)}) and d.effective_month is not null and d.kind <> 'reject'
    ), seg as (
      select *, least(coalesce(next_end, ${pi}::int), coalesce(end_m, ${pi}::int)) as to_m
      from dec where kind in (${sql.join(AMOUNT_KINDS)}) and amount > 0 and from_m <= ${pi}::int
    ), paid as (
      select l.programme, l.recipient_id, max(payroll_month(l.period)) as last_m
      from (select distinct programme, recipient_id from seg) r
      join payroll_lines l on l.county_code = ${county} and l.programme = r.programme and l.recipient_id = r.recipient_id and l.period < ${p.period}
      group by l.programme, l.recipient_id
    ), months as (
      select s.*, greatest(s.from_m, coalesce(pd.last_m + 1, s.from_m)) as owed_from
      from seg s left join paid pd on pd.programme = s.programme and pd.recipient_id = s.recipient_id
    ), sums as (
      select programme, recipient_id, max(case_id) as case_id,
        sum(case when from_m <= ${pi}::int and to_m >= ${pi}::int then amount else 0 end) as regular,
        sum(amount * greatest(0, least(to_m, ${pi - 1}::int) - owed_from + 1)) as arrears,
        min(case when least(to_m, ${pi - 1}::int) >= owed_from then owed_from end) as arrears_from_m
      from months group by programme, recipient_id
    ), recip as (
      -- the payee and household of the recipient's latest case
      select s.*, c.household_id, c.applicant_name as name, c.applicant_id_number as id_number
      from sums s join cases c on c.county_code = ${county} and c.id = s.case_id
    ), reissue as (
      select x.programme, x.recipient_id, max(x.household_id) as household_id, sum(x.amount_fen) as reissue, array_agg(x.id order by x.id) as reissue_ids,
        max(l.case_id) as case_id, max(l.name) as name, max(l.id_number) as id_number
      from payroll_reissues x
      join payroll_lines l on l.county_code = x.county_code and l.id = x.source_line_id
      where x.county_code = ${county} and x.township_code = ${township} and x.paid_payroll_id is null
      group by x.programme, x.recipient_id
    ), comb as (
      select coalesce(r.programme, x.programme) as programme, coalesce(r.recipient_id, x.recipient_id) as recipient_id,
        coalesce(r.household_id, x.household_id) as household_id, coalesce(r.case_id, x.case_id) as case_id,
        coalesce(r.name, x.name) as name, coalesce(r.id_number, x.id_number) as id_number,
        coalesce(r.regular, 0) as regular, coalesce(r.arrears, 0) as arrears, r.arrears_from_m, coalesce(x.reissue, 0) as reissue, x.reissue_ids,
        coalesce(r.regular, 0) + coalesce(r.arrears, 0) + coalesce(x.reissue, 0) as gross
      from recip r full join reissue x on x.programme = r.programme and x.recipient_id = r.recipient_id
    ), owed as (
      select g.household_id, sum(g.amount_fen) as owed
      from payroll_ledger g
      where g.county_code = ${county} and g.account = 'receivable' and g.household_id in (select household_id from comb)
      group by g.household_id having sum(g.amount_fen) > 0
    ), priced as (
      select c.*, h.village_code as area_code, h.bank_name, h.bank_account,
        case when o.owed is null then 0 else least(c.gross, greatest(0, o.owed - coalesce(sum(c.gross) over (
          partition by c.household_id order by c.programme, c.recipient_id rows between unbounded preceding and 1 preceding), 0))) end as deduction
      from comb c
      join households h on h.county_code = ${county} and h.id = c.household_id
      left join owed o on o.household_id = c.household_id
      where c.gross > 0
    ), ins as (
      insert into payroll_lines (county_code, payroll_id, period, programme, recipient_id, household_id, case_id, township_code, area_code,
        name, id_number, bank_name, bank_account, regular_fen, arrears_fen, arrears_from, reissue_fen, reissue_ids, deduction_fen, net_fen)
      select ${county}::text, ${p.id}::bigint, ${p.period}::text, programme, recipient_id, household_id, case_id, ${township}::text, area_code,
        name, id_number, bank_name, bank_account, regular, arrears,
        case when arrears_from_m is null then null else to_char(make_date(arrears_from_m / 12, arrears_from_m % 12 + 1, 1), 'YYYY-MM') end,
        reissue, reissue_ids, deduction, gross - deduction
      from priced
      returning programme, regular_fen, arrears_fen, reissue_fen, deduction_fen, net_fen
    ), tot as (
      insert into payroll_totals (county_code, payroll_id, township_code, programme, lines, regular_fen, arrears_fen, reissue_fen, deduction_fen, net_fen)
      select ${county}::text, ${p.id}::bigint, ${township}::text, programme, count(*), sum(regular_fen), sum(arrears_fen), sum(reissue_fen), sum(deduction_fen), sum(net_fen)
      from ins group by programme
      returning lines
    )
    insert into payroll_chunks (county_code, payroll_id, township_code, lines)
    select ${county}::text, ${p.id}::bigint, ${township}::text, coalesce(sum(lines), 0)::int from tot
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
