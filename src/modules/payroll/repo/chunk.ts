// One chunk of a payroll (a county, or one of its townships) in one statement: lines, the one-off
// payments they make, township totals and the chunk row together. Payroll pays entitlements and nothing
// else: it reads `entitlement_segments` (whatever the programme) and households only for the account and
// the village; no case, decision, state or programme name.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { PayrollRow } from '../tables.ts';
import { amountsCtes } from './amounts.ts';

/**
 * The chunk's lines as repo/amounts.ts computes them, written with the one-off payments they make, the
 * township totals and the chunk row. Each chunk reads its county's rows once (hash joins, one pass).
 */
export function chunkStatement(p: PayrollRow, area: string) {
  const county = p.county_code;
  return sql<{ lines: number; net_fen: number | string }>`
    with ${amountsCtes({ county, area }, p.period)}, ins as (
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
