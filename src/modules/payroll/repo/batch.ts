// Many small counties' payrolls in one transaction (service/batch.ts): their period locks, their payrolls or
// what blocks them, the payroll rows, every line in one statement, completion — each one statement whatever the
// number of counties, so a national run's cost per county is no longer a handful of round trips.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { PayrollRow } from '../tables.ts';
import { amountsCtes } from './amounts.ts';
import { payrollNo } from './run.ts';

/** The counties' period locks (repo/run.ts lockPeriod's), taken in code order so that two batches never deadlock. */
export async function lockPeriods(tx: Kysely<DB>, counties: readonly string[], period: string): Promise<void> {
  await sql`select count(pg_advisory_xact_lock(hashtext('payroll:' || c || ':' || ${period}::text)))
    from (select c from unnest(${[...counties]}::text[]) c order by c) o`.execute(tx);
}

/**
 * In one query, per county: its payroll of the period, else the first that keeps this period from running (an
 * earlier one not yet approved, or any later one); absent: the county is free to run (repo/run.ts payrollOrBlocking).
 */
export async function payrollsOrBlocking(tx: Kysely<DB>, counties: readonly string[], period: string): Promise<Map<string, PayrollRow>> {
  const rows = await tx.selectFrom('payrolls').selectAll().distinctOn('county_code').where('county_code', 'in', [...counties])
    .where((eb) => eb.or([eb('period', '=', period), eb.and([eb('period', '<', period), eb('status', 'in', ['running', 'draft'])]), eb('period', '>', period)]))
    .orderBy('county_code').orderBy(sql`period = ${period}`, 'desc').orderBy('period').execute();
  return new Map(rows.map((r) => [r.county_code, r]));
}

/** A `running` payroll, chunked by county, for each county. */
export async function insertPayrolls(tx: Kysely<DB>, counties: readonly string[], period: string, by: string): Promise<PayrollRow[]> {
  if (counties.length === 0) return [];
  return tx.insertInto('payrolls')
    .values(counties.map((c) => ({ county_code: c, payroll_no: payrollNo(c, period), period, chunk_by: 'county' as const, chunks_total: 1, created_by: by, status: 'running' as const })))
    .returningAll().execute();
}

/**
 * Every line of the payrolls (one per county, each a whole county) in one statement, as repo/chunk.ts writes a
 * county's: lines, one-off payments, township totals and each county's chunk row; each county's lines and net sum.
 */
export function countiesStatement(payrolls: readonly PayrollRow[], period: string) {
  const counties = payrolls.map((p) => p.county_code);
  return sql<{ county_code: string; lines: number; net_fen: number | string }>`
    with b as materialized (
      select * from unnest(${counties}::text[], ${payrolls.map((p) => p.id)}::bigint[]) as b(county_code, payroll_id)
    ), ${amountsCtes({ counties }, period)}, ins as (
      insert into payroll_lines (county_code, payroll_id, period, programme, recipient_id, household_id, case_id, township_code, area_code,
        name, id_number, bank_name, bank_account, payee, method, regular_fen, arrears_fen, arrears_from, one_off_fen, reissue_fen, reissue_ids, deduction_fen, net_fen)
      select c.county_code, b.payroll_id, ${period}::text, c.programme, c.recipient_id, c.household_id, c.case_id, left(c.area_code, 9), c.area_code,
        c.name, c.id_number, c.bank_name, c.bank_account, c.payee, c.method, c.regular, c.arrears,
        case when c.arrears_from_m is null then null else to_char(make_date(c.arrears_from_m / 12, c.arrears_from_m % 12 + 1, 1), 'YYYY-MM') end,
        c.one_off, c.reissue, c.reissue_ids, coalesce(a.deduction, 0), c.gross - coalesce(a.deduction, 0)
      from comb c join b on b.county_code = c.county_code
      left join alloc a on a.county_code = c.county_code and a.programme = c.programme and a.recipient_id = c.recipient_id
      where c.gross > 0
      returning county_code, payroll_id, id, programme, recipient_id, township_code, regular_fen, arrears_fen, one_off_fen, reissue_fen, deduction_fen, net_fen
    ), once as (
      insert into payroll_entitlement_payments (county_code, entitlement_id, payroll_id, line_id, amount_fen)
      select i.county_code, s.id, i.payroll_id, i.id, s.amount
      from seg s join ins i on i.county_code = s.county_code and i.programme = s.programme and i.recipient_id = s.recipient_id
      where s.one_off and i.one_off_fen > 0
      returning 1
    ), tot as (
      insert into payroll_totals (county_code, payroll_id, township_code, programme, lines, regular_fen, arrears_fen, one_off_fen, reissue_fen, deduction_fen, net_fen)
      select county_code, payroll_id, township_code, programme, count(*), sum(regular_fen), sum(arrears_fen), sum(one_off_fen), sum(reissue_fen), sum(deduction_fen), sum(net_fen)
      from ins group by county_code, payroll_id, township_code, programme
      returning county_code, lines, net_fen
    ), chunk as (
      insert into payroll_chunks (county_code, payroll_id, area_code, lines)
      select b.county_code, b.payroll_id, b.county_code, coalesce(sum(t.lines), 0)::int
      from b left join tot t on t.county_code = b.county_code
      group by b.county_code, b.payroll_id
      returning county_code, lines
    )
    select ch.county_code, ch.lines, coalesce(n.net_fen, 0)::bigint as net_fen
    from chunk ch left join (select county_code, sum(net_fen) as net_fen from tot group by county_code) n on n.county_code = ch.county_code`;
}

/**
 * Writes the payrolls' lines (countiesStatement); each county's lines and net sum. Without nested loops: the
 * statement joins its CTEs on the county and the recipient, whose combined selectivity the planner multiplies
 * (it has no statistics of a CTE) into an estimate of a row or two, so it would pick nested loops over
 * thousands of rows each side; every table it reads is filtered by the batch's counties, so hash joins read
 * each table's rows of those counties once.
 */
export async function writeCounties(tx: Kysely<DB>, payrolls: readonly PayrollRow[], period: string): Promise<Map<string, { lines: number; net_fen: number }>> {
  await sql`set local enable_nestloop = off`.execute(tx);
  const { rows } = await countiesStatement(payrolls, period).execute(tx);
  await sql`set local enable_nestloop to default`.execute(tx);
  return new Map(rows.map((r) => [r.county_code, { lines: Number(r.lines), net_fen: Number(r.net_fen) }]));
}

/** The payrolls, all written, turn `draft` in one statement. */
export async function completePayrolls(tx: Kysely<DB>, payrolls: readonly PayrollRow[]): Promise<PayrollRow[]> {
  if (payrolls.length === 0) return [];
  const { rows } = await sql<PayrollRow>`
    update payrolls p set status = 'draft', completed_at = now()
    from unnest(${payrolls.map((p) => p.county_code)}::text[], ${payrolls.map((p) => p.id)}::bigint[]) as b(county_code, id)
    where p.county_code = b.county_code and p.id = b.id and p.status = 'running' and p.county_code = any(${payrolls.map((p) => p.county_code)}::text[])
    returning p.*`.execute(tx);
  if (rows.length !== payrolls.length) throw new Error(`payroll completion: ${rows.length} of ${payrolls.length} payrolls were running`);
  return rows;
}

/**
 * Per county: its entitlements (every row, whatever its months) — what its payroll will write is at most about
 * this, so it says which counties are small enough to share a statement — and the partition holding them (the
 * table's own oid when it is not partitioned), so that a batch keeps to one partition of each table. One pass.
 */
export async function entitlementsPerCounty(db: Kysely<DB>, counties: readonly string[]): Promise<Map<string, { entitlements: number; partition: number }>> {
  if (counties.length === 0) return new Map();
  const { rows } = await sql<{ county_code: string; n: number; part: number }>`
    select county_code, count(*)::int as n, min(tableoid::oid)::int8 as part from entitlements
    where county_code = any(${[...counties]}::text[]) group by county_code`.execute(db);
  return new Map(rows.map((r) => [r.county_code, { entitlements: r.n, partition: Number(r.part) }]));
}
