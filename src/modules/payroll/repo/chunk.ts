// One chunk of a payroll (a county, or one of its townships) in one statement: lines, the one-off
// payments they make, township totals and the chunk row together. Payroll pays entitlements and nothing
// else: it reads `entitlement_segments` (whatever the programme) and households only for the account and
// the village; no case, decision, state or programme name.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea } from '../../../kernel/scope.ts';
import type { PayrollRow } from '../tables.ts';

export const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

/**
 * The county's entitlements up to the period: monthly segments pay their amount for each month from
 * `from_month` to `until_month` (open-ended: up to the period; superseded in their first month: nothing);
 * a one-off pays its amount once, in the first payroll for a period not before its month that finds it
 * unpaid. The month's amount is what the segments holding the period pay; arrears (补发) are the months
 * after the recipient's last paid period (or from the first payable month, if never paid) and before this
 * one, plus what a change decided later makes the months already paid come to beyond what was paid for them
 * (a re-rating from January approved in March: January's and February's difference; never less than 0). Pending reissues are added, then outstanding receivables of the household are deducted, at most
 * the gross. One line per programme and recipient; payee, method, name and ID number from the
 * recipient's latest entitlement, account and village from that entitlement's household as of the run.
 * Each chunk reads its county's rows once (hash joins, one pass); a township's chunk keeps the
 * recipients whose latest entitlement's household lies in it.
 */
export function chunkStatement(p: PayrollRow, area: string) {
  const pi = monthIndex(p.period);
  const county = p.county_code;
  const inChunk = area === county ? sql`true` : inArea(area, 'h.village_code');
  const inChunkE = area === county ? sql`true` : inArea(area, 'e.village_code');
  // where arrears of a segment start: after the last paid month, never before the segment
  const start = sql`greatest(s.from_m, coalesce(pd.last_m + 1, s.from_m))`;
  const end = sql`least(s.to_m, ${pi - 1}::int)`;
  return sql<{ lines: number; net_fen: number | string }>`
    with seg as materialized (
      select s.id, s.programme, s.recipient_id, s.household_id, s.case_id, s.schedule = 'one_off' as one_off, s.amount_fen as amount,
        s.payee, s.method, s.payee_name, s.payee_id_number, h.village_code, h.bank_name, h.bank_account,
        payroll_month(s.from_month) as from_m, coalesce(payroll_month(s.until_month), ${pi}::int) as to_m
      from entitlement_segments s
      join households h on h.county_code = ${county} and h.id = s.household_id
      where s.county_code = ${county} and s.from_month <= ${p.period} and s.amount_fen > 0
        and (s.until_month is null or s.until_month >= s.from_month)
        and (s.schedule = 'monthly' or not exists (
          select 1 from payroll_entitlement_payments x where x.county_code = ${county} and x.entitlement_id = s.id))
    ), paid as (
      -- only recipients with months before the period can be owed arrears; a line of nothing but
      -- one-offs says nothing of the months paid
      select l.programme, l.recipient_id, max(payroll_month(l.period)) as last_m, sum(l.regular_fen + l.arrears_fen) as paid_fen
      from payroll_lines l
      where l.county_code = ${county} and l.period < ${p.period} and l.regular_fen + l.arrears_fen + l.reissue_fen > 0
        and (l.programme, l.recipient_id) in (select programme, recipient_id from seg where not one_off and from_m < ${pi}::int)
      group by l.programme, l.recipient_id
    ), due as (
      select s.programme, s.recipient_id, max(s.id) as last_id,
        sum(case when not s.one_off and s.from_m <= ${pi}::int and s.to_m >= ${pi}::int then s.amount else 0 end) as regular,
        sum(case when s.one_off then 0 else s.amount * greatest(0, ${end} - ${start} + 1) end) as arrears,
        min(case when not s.one_off and ${end} >= ${start} then ${start} end) as arrears_from_m,
        sum(case when s.one_off then s.amount else 0 end) as one_off,
        -- what the months already paid come to now (a change decided later from one of them, e.g. a re-rating
        -- from January approved in March), against what was paid for them: the difference is owed as arrears
        sum(case when not s.one_off and pd.last_m is not null then s.amount * greatest(0, least(s.to_m, pd.last_m) - s.from_m + 1) else 0 end) as owed_paid_months,
        max(pd.paid_fen) as paid_fen,
        max(case when not s.one_off and pd.last_m is not null and s.from_m <= pd.last_m then s.from_m end) as changed_from_m
      from seg s left join paid pd on pd.programme = s.programme and pd.recipient_id = s.recipient_id
      group by s.programme, s.recipient_id
    ), sums as (
      select d.programme, d.recipient_id, d.last_id, d.regular, d.one_off,
        d.arrears + greatest(0, d.owed_paid_months - coalesce(d.paid_fen, 0)) as arrears,
        case when d.owed_paid_months > coalesce(d.paid_fen, 0) then least(coalesce(d.arrears_from_m, d.changed_from_m), d.changed_from_m) else d.arrears_from_m end as arrears_from_m
      from due d
    ), recip as (
      select s.*, e.household_id, e.case_id, e.payee, e.method, e.payee_name as name, e.payee_id_number as id_number,
        e.village_code, e.bank_name, e.bank_account
      from sums s join seg e on e.id = s.last_id
      where ${inChunkE}
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
        -- a reissue alone pays a returned bank transfer again, to the recipient's account
        coalesce(r.payee, 'recipient') as payee, coalesce(r.method, 'transfer') as method,
        coalesce(r.regular, 0) as regular, coalesce(r.arrears, 0) as arrears, r.arrears_from_m, coalesce(r.one_off, 0) as one_off,
        coalesce(x.reissue, 0) as reissue, x.reissue_ids,
        coalesce(r.regular, 0) + coalesce(r.arrears, 0) + coalesce(r.one_off, 0) + coalesce(x.reissue, 0) as gross
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
        name, id_number, bank_name, bank_account, payee, method, regular_fen, arrears_fen, arrears_from, one_off_fen, reissue_fen, reissue_ids, deduction_fen, net_fen)
      select ${county}::text, ${p.id}::bigint, ${p.period}::text, c.programme, c.recipient_id, c.household_id, c.case_id, left(c.area_code, 9), c.area_code,
        c.name, c.id_number, c.bank_name, c.bank_account, c.payee, c.method, c.regular, c.arrears,
        case when c.arrears_from_m is null then null else to_char(make_date(c.arrears_from_m / 12, c.arrears_from_m % 12 + 1, 1), 'YYYY-MM') end,
        c.one_off, c.reissue, c.reissue_ids, coalesce(a.deduction, 0), c.gross - coalesce(a.deduction, 0)
      from comb c left join alloc a on a.programme = c.programme and a.recipient_id = c.recipient_id
      where c.gross > 0
      returning id, programme, recipient_id, township_code, regular_fen, arrears_fen, one_off_fen, reissue_fen, deduction_fen, net_fen
    ), once as (
      insert into payroll_entitlement_payments (county_code, entitlement_id, payroll_id, line_id, amount_fen)
      select ${county}::text, s.id, ${p.id}::bigint, i.id, s.amount
      from seg s join ins i on i.programme = s.programme and i.recipient_id = s.recipient_id
      where s.one_off and i.one_off_fen > 0
      returning 1
    ), tot as (
      insert into payroll_totals (county_code, payroll_id, township_code, programme, lines, regular_fen, arrears_fen, one_off_fen, reissue_fen, deduction_fen, net_fen)
      select ${county}::text, ${p.id}::bigint, township_code, programme, count(*), sum(regular_fen), sum(arrears_fen), sum(one_off_fen), sum(reissue_fen), sum(deduction_fen), sum(net_fen)
      from ins group by township_code, programme
      returning lines, net_fen
    ), chunk as (
      insert into payroll_chunks (county_code, payroll_id, area_code, lines)
      select ${county}::text, ${p.id}::bigint, ${area}::text, coalesce(sum(lines), 0)::int from tot
      returning lines
    )
    select chunk.lines, (select coalesce(sum(net_fen), 0) from tot)::bigint as net_fen from chunk`;
}

/** Writes the chunk; its lines and their net sum (a county's chunk: the payroll's). */
export async function writeChunk(tx: Kysely<DB>, p: PayrollRow, area: string): Promise<{ lines: number; net_fen: number }> {
  const { rows } = await chunkStatement(p, area).execute(tx);
  const r = rows[0];
  return { lines: Number(r?.lines ?? 0), net_fen: Number(r?.net_fen ?? 0) };
}
