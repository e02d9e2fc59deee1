// The SQL of a payroll run around its chunks (repo/chunk.ts): the period lock, the payroll row and its
// chunk rows, the receivables it deducts, completion and discarding a draft.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { PayrollRow } from '../tables.ts';

export const payrollNo = (county: string, period: string) => `FF${county}${period.replace('-', '')}`;

/** Serialises the runs of one county and month (with the unique keys, two runs give one payroll). */
export async function lockPeriod(tx: Kysely<DB>, county: string, period: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`payroll:${county}:${period}`}))`.execute(tx);
}

export async function findPayroll(db: Kysely<DB>, county: string, period: string): Promise<PayrollRow | undefined> {
  return db.selectFrom('payrolls').selectAll().where('county_code', '=', county).where('period', '=', period).executeTakeFirst();
}

/**
 * In one query: the county's payroll of the period (`existing`), else the first that keeps this period from
 * running (`blocking`): an earlier one not yet approved, or any later one.
 */
export async function payrollOrBlocking(db: Kysely<DB>, county: string, period: string): Promise<{ existing?: PayrollRow; blocking?: PayrollRow }> {
  const p = await db.selectFrom('payrolls').selectAll().where('county_code', '=', county)
    .where((eb) => eb.or([eb('period', '=', period), eb.and([eb('period', '<', period), eb('status', 'in', ['running', 'draft'])]), eb('period', '>', period)]))
    .orderBy(sql`period = ${period}`, 'desc').orderBy('period').limit(1).executeTakeFirst();
  if (!p) return {};
  return p.period === period ? { existing: p } : { blocking: p };
}

export async function insertPayroll(tx: Kysely<DB>, row: { county_code: string; payroll_no: string; period: string; chunk_by?: 'county' | 'township'; chunks_total: number; created_by: string }): Promise<PayrollRow> {
  return tx.insertInto('payrolls').values({ ...row, status: 'running' }).returningAll().executeTakeFirstOrThrow();
}

/** The townships of each county, in code order, in one query (a county without townships has none). */
export async function townshipsOf(db: Kysely<DB>, counties: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(counties.map((c) => [c, []]));
  if (counties.length === 0) return out;
  const rows = await db.selectFrom('areas').select(['county_code', 'code']).where('level', '=', 'township')
    .where('county_code', 'in', counties).orderBy('code').execute();
  for (const r of rows) if (r.county_code !== null) out.get(r.county_code)?.push(r.code);
  return out;
}

/** The counties (of those given) with fraud recoveries not yet turned into receivables (syncFraudReceivables). */
export async function countiesWithNewRecoveries(db: Kysely<DB>, counties: readonly string[]): Promise<Set<string>> {
  if (counties.length === 0) return new Set();
  const { rows } = await sql<{ county_code: string }>`
    select distinct f.county_code from fraud_recoveries f
    where f.county_code in (select jsonb_array_elements_text(cast(${JSON.stringify(counties)} as jsonb)))
      and not exists (select 1 from payroll_receivables r where r.county_code = f.county_code and r.fraud_recovery_id = f.id)`.execute(db);
  return new Set(rows.map((r) => r.county_code));
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

export async function completePayroll(tx: Kysely<DB>, p: PayrollRow): Promise<PayrollRow> {
  return tx.updateTable('payrolls').set({ status: 'draft', completed_at: new Date() })
    .where('county_code', '=', p.county_code).where('id', '=', p.id).where('status', '=', 'running').returningAll().executeTakeFirstOrThrow();
}

export async function payrollSums(db: Kysely<DB>, county: string, payrollId: number) {
  return db.selectFrom('payroll_totals').where('county_code', '=', county).where('payroll_id', '=', payrollId)
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('lines'), eb.lit(0)).as('lines'), eb.fn.coalesce(eb.fn.sum<number>('net_fen'), eb.lit(0)).as('net_fen')])
    .executeTakeFirstOrThrow();
}

/** Discarding a draft: its one-off payments (paid again by the rerun), lines, totals and chunks go (nothing of a draft is in the ledger). */
export async function deleteDraft(tx: Kysely<DB>, p: PayrollRow): Promise<void> {
  for (const t of ['payroll_entitlement_payments', 'payroll_lines', 'payroll_totals', 'payroll_chunks'] as const) {
    await tx.deleteFrom(t).where('county_code', '=', p.county_code).where('payroll_id', '=', p.id).execute();
  }
  await tx.deleteFrom('payrolls').where('county_code', '=', p.county_code).where('id', '=', p.id).execute();
}
