// What a payroll pays, as the CTEs every chunk statement starts with (repo/chunk.ts: one county or township;
// repo/batch.ts: many small counties at once). Written once for both: with one county its rows are filtered by
// that county's code (the tuned plan: constants, hash joins on ids); with many, every join also matches the
// county and every table is filtered by the list (so partitions are pruned).
import { sql, type Expression } from 'kysely';
import { inArea } from '../../../kernel/scope.ts';

const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

/** The counties a statement pays: one (optionally one of its townships), or many whole counties. */
export type Target = { county: string; area: string } | { counties: readonly string[] };

type Sql = Expression<unknown>;

/** The SQL pieces that differ between one county and many. */
function pieces(t: Target) {
  const many = 'counties' in t;
  const list = many ? [...t.counties] : [];
  const ref = (col: string) => sql.ref(col);
  return {
    /** `col` is one of the target's counties. */
    only: (col: string): Sql => (many ? sql`${ref(col)} = any(${list}::text[])` : sql`${ref(col)} = ${t.county}`),
    /** `a` is `b`'s county (with one county, `a` is that county: `b` is filtered by it already). */
    same: (a: string, b: string): Sql => (many ? sql`${ref(a)} = ${ref(b)} and ${ref(a)} = any(${list}::text[])` : sql`${ref(a)} = ${t.county}`),
    /** With many counties, `and a = b` (a join on ids within a county); nothing with one. */
    andSame: (a: string, b: string): Sql => (many ? sql` and ${ref(a)} = ${ref(b)}` : sql``),
    /** With many counties, `alias.county_code, ` (a select list or grouping that keeps counties apart). */
    key: (alias: string): Sql => (many ? sql.raw(`${alias}.county_code, `) : sql``),
    inChunk: (col: string): Sql => ('area' in t && t.area !== t.county ? inArea(t.area, col) : sql`true`),
  };
}

/**
 * The CTEs `seg` … `alloc` (no trailing comma) of the period's amounts: monthly segments pay their amount for
 * each month from `from_month` to `until_month` (open-ended: up to the period; superseded in their first month:
 * nothing); a one-off pays its amount once, in the first payroll for a period not before its month that finds it
 * unpaid. The month's amount is what the segments holding the period pay; arrears (补发) are the months after
 * the recipient's last paid period (or from the first payable month, if never paid) and before this one, plus
 * what a change decided later makes the months already paid come to beyond what was paid for them (a re-rating
 * from January approved in March: January's and February's difference; never less than 0). Pending reissues are
 * added (`comb`), then outstanding receivables of the household are deducted, at most the gross (`alloc`). One
 * line per programme and recipient; payee, method, name and ID number from the recipient's latest entitlement,
 * account and village from that entitlement's household as of the run. A township's chunk keeps the recipients
 * whose latest entitlement's household lies in it. With many counties `seg`, `comb` and `alloc` carry
 * `county_code`.
 */
export function amountsCtes(t: Target, period: string): Sql {
  const pi = monthIndex(period);
  const { only, same, andSame, key, inChunk } = pieces(t);
  // where arrears of a segment start: after the last paid month, never before the segment
  const start = sql`greatest(s.from_m, coalesce(pd.last_m + 1, s.from_m))`;
  const end = sql`least(s.to_m, ${pi - 1}::int)`;
  return sql`
    seg as materialized (
      select ${key('s')}s.id, s.programme, s.recipient_id, s.household_id, s.case_id, s.schedule = 'one_off' as one_off, s.amount_fen as amount,
        s.payee, s.method, s.payee_name, s.payee_id_number, h.village_code, h.bank_name, h.bank_account,
        payroll_month(s.from_month) as from_m, coalesce(payroll_month(s.until_month), ${pi}::int) as to_m
      from entitlement_segments s
      join households h on ${same('h.county_code', 's.county_code')} and h.id = s.household_id
      where ${only('s.county_code')} and s.from_month <= ${period} and s.amount_fen > 0
        and (s.until_month is null or s.until_month >= s.from_month)
        and (s.schedule = 'monthly' or not exists (
          select 1 from payroll_entitlement_payments x where ${same('x.county_code', 's.county_code')} and x.entitlement_id = s.id))
    ), paid as (
      -- only recipients with months before the period can be owed arrears; a line of nothing but
      -- one-offs says nothing of the months paid
      select ${key('l')}l.programme, l.recipient_id, max(payroll_month(l.period)) as last_m, sum(l.regular_fen + l.arrears_fen) as paid_fen
      from payroll_lines l
      where ${only('l.county_code')} and l.period < ${period} and l.regular_fen + l.arrears_fen + l.reissue_fen > 0
        and (${key('l')}l.programme, l.recipient_id) in (select ${key('seg')}programme, recipient_id from seg where not one_off and from_m < ${pi}::int)
      group by ${key('l')}l.programme, l.recipient_id
    ), due as (
      select ${key('s')}s.programme, s.recipient_id, max(s.id) as last_id,
        sum(case when not s.one_off and s.from_m <= ${pi}::int and s.to_m >= ${pi}::int then s.amount else 0 end) as regular,
        sum(case when s.one_off then 0 else s.amount * greatest(0, ${end} - ${start} + 1) end) as arrears,
        min(case when not s.one_off and ${end} >= ${start} then ${start} end) as arrears_from_m,
        sum(case when s.one_off then s.amount else 0 end) as one_off,
        -- what the months already paid come to now (a change decided later from one of them, e.g. a re-rating
        -- from January approved in March), against what was paid for them: the difference is owed as arrears
        sum(case when not s.one_off and pd.last_m is not null then s.amount * greatest(0, least(s.to_m, pd.last_m) - s.from_m + 1) else 0 end) as owed_paid_months,
        max(pd.paid_fen) as paid_fen,
        max(case when not s.one_off and pd.last_m is not null and s.from_m <= pd.last_m then s.from_m end) as changed_from_m
      from seg s left join paid pd on pd.programme = s.programme and pd.recipient_id = s.recipient_id${andSame('pd.county_code', 's.county_code')}
      group by ${key('s')}s.programme, s.recipient_id
    ), sums as (
      select ${key('d')}d.programme, d.recipient_id, d.last_id, d.regular, d.one_off,
        d.arrears + greatest(0, d.owed_paid_months - coalesce(d.paid_fen, 0)) as arrears,
        case when d.owed_paid_months > coalesce(d.paid_fen, 0) then least(coalesce(d.arrears_from_m, d.changed_from_m), d.changed_from_m) else d.arrears_from_m end as arrears_from_m
      from due d
    ), recip as (
      select s.*, e.household_id, e.case_id, e.payee, e.method, e.payee_name as name, e.payee_id_number as id_number,
        e.village_code, e.bank_name, e.bank_account
      from sums s join seg e on e.id = s.last_id${andSame('e.county_code', 's.county_code')}
      where ${inChunk('e.village_code')}
    ), reissue as (
      select ${key('x')}x.programme, x.recipient_id, max(x.household_id) as household_id, sum(x.amount_fen) as reissue, array_agg(x.id order by x.id) as reissue_ids,
        max(l.case_id) as case_id, max(l.name) as name, max(l.id_number) as id_number, max(h.village_code) as village_code, max(h.bank_name) as bank_name, max(h.bank_account) as bank_account
      from payroll_reissues x
      join payroll_lines l on ${same('l.county_code', 'x.county_code')} and l.payroll_id = x.source_payroll_id and l.id = x.source_line_id
      join households h on ${same('h.county_code', 'x.county_code')} and h.id = x.household_id
      where ${only('x.county_code')} and x.paid_payroll_id is null and ${inChunk('h.village_code')}
      group by ${key('x')}x.programme, x.recipient_id
    ), comb as materialized (
      select ${'counties' in t ? sql`coalesce(r.county_code, x.county_code) as county_code, ` : sql``}coalesce(r.programme, x.programme) as programme, coalesce(r.recipient_id, x.recipient_id) as recipient_id,
        coalesce(r.household_id, x.household_id) as household_id, coalesce(r.case_id, x.case_id) as case_id,
        coalesce(r.name, x.name) as name, coalesce(r.id_number, x.id_number) as id_number,
        coalesce(r.village_code, x.village_code) as area_code, coalesce(r.bank_name, x.bank_name) as bank_name, coalesce(r.bank_account, x.bank_account) as bank_account,
        -- a reissue alone pays a returned bank transfer again, to the recipient's account
        coalesce(r.payee, 'recipient') as payee, coalesce(r.method, 'transfer') as method,
        coalesce(r.regular, 0) as regular, coalesce(r.arrears, 0) as arrears, r.arrears_from_m, coalesce(r.one_off, 0) as one_off,
        coalesce(x.reissue, 0) as reissue, x.reissue_ids,
        coalesce(r.regular, 0) + coalesce(r.arrears, 0) + coalesce(r.one_off, 0) + coalesce(x.reissue, 0) as gross
      from recip r full join reissue x on x.programme = r.programme and x.recipient_id = r.recipient_id${andSame('x.county_code', 'r.county_code')}
    ), owed as (
      select ${key('g')}g.household_id, sum(g.amount_fen) as owed
      from payroll_ledger g
      where ${only('g.county_code')} and g.account = 'receivable'
      group by ${key('g')}g.household_id having sum(g.amount_fen) > 0
    ), alloc as (
      -- only the households that owe: the outstanding balance taken from their lines in order, at most each gross
      select ${key('c')}c.programme, c.recipient_id,
        least(c.gross, greatest(0, o.owed - coalesce(sum(c.gross) over (partition by ${key('c')}c.household_id order by c.programme, c.recipient_id rows between unbounded preceding and 1 preceding), 0))) as deduction
      from comb c join owed o on o.household_id = c.household_id${andSame('o.county_code', 'c.county_code')}
      where c.gross > 0
    )`;
}
