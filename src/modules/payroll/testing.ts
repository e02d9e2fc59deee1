// Test helpers of the payroll module: decisions written straight into a case's record (what the cases
// engine would write), a fraud recovery as the oversight module records it, and the run's invariants.
import { sql } from 'kysely';
import type { Database } from '../../db/engine.ts';

export async function rows<T>(db: Database, q: string): Promise<T[]> {
  return (await sql<T>`${sql.raw(q)}`.execute(db.kysely)).rows;
}

/** Appends a decision (and its transition) to a case, as the engine's effects do. */
export async function addDecision(db: Database, c: { county: string; caseId: number }, d: { kind: 'approve' | 'change' | 'suspend' | 'resume' | 'exit' | 'gradual_exit'; effectiveMonth: string; amountFen?: number; endMonth?: string; state?: string }) {
  await db.kysely.transaction().execute(async (tx) => {
    const seq = await sql<{ n: number }>`select coalesce(max(seq), 0)::int + 1 as n from case_transitions where county_code = ${c.county} and case_id = ${c.caseId}`.execute(tx);
    const tr = await sql<{ id: number }>`
      insert into case_transitions (county_code, case_id, seq, action, from_state, to_state, on_date, actor_name, actor_role)
      values (${c.county}, ${c.caseId}, ${seq.rows[0]!.n}, ${d.kind}, 'approved', ${d.state ?? 'approved'}, '2015-01-01', 'test', 'county_approver') returning id`.execute(tx);
    await sql`
      insert into case_decisions (county_code, case_id, transition_id, kind, decided_on, effective_month, end_month, amount_fen, reason)
      values (${c.county}, ${c.caseId}, ${tr.rows[0]!.id}, ${d.kind}, '2015-01-01', ${d.effectiveMonth}, ${d.endMonth ?? null}, ${d.amountFen ?? null}, 'test')`.execute(tx);
    await sql`update cases set state = ${d.state ?? 'approved'} where county_code = ${c.county} and id = ${c.caseId}`.execute(tx);
  });
}

/** A substantiated complaint with a fraud recovery (obtained, recovered, fine), as oversight records it. */
export async function addFraudRecovery(db: Database, c: { county: string; caseId: number; householdId: number; areaCode: string }, r: { obtainedFen: number; recoveredFen: number; fineMultiple: number; decidedOn: string }) {
  const complaint = await sql<{ id: number }>`
    insert into complaints (county_code, complaint_no, area_code, channel, anonymous, subject_kind, case_id, category, content, received_on, status, conclusion, created_by)
    values (${c.county}, ${`JB${c.county}2015${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`}, ${c.areaCode}, 'hotline_12349', true, 'recipient', ${c.caseId}, 'fraud', '隐瞒收入', '2015-05-01', 'concluded', 'substantiated', 'test')
    returning id`.execute(db.kysely);
  await sql`
    insert into fraud_recoveries (county_code, complaint_id, case_id, household_id, obtained_fen, recovered_fen, fine_multiple, fine_fen, decided_on, note, created_by)
    values (${c.county}, ${complaint.rows[0]!.id}, ${c.caseId}, ${c.householdId}, ${r.obtainedFen}, ${r.recoveredFen}, ${r.fineMultiple}, ${Math.round(r.obtainedFen * r.fineMultiple)}, ${r.decidedOn}, '隐瞒务工收入', 'test')`.execute(db.kysely);
}

/** Lines, township totals and (once approved) ledger movement of a county's period. */
export async function invariants(db: Database, county: string, period: string) {
  const [l] = await rows<{ n: number; net: number }>(db, `select count(*)::int as n, coalesce(sum(net_fen), 0)::bigint as net from payroll_lines where county_code = '${county}' and period = '${period}'`);
  const [t] = await rows<{ n: number; net: number }>(db, `select coalesce(sum(t.lines), 0)::int as n, coalesce(sum(t.net_fen), 0)::bigint as net from payroll_totals t join payrolls p on p.county_code = t.county_code and p.id = t.payroll_id where p.county_code = '${county}' and p.period = '${period}'`);
  const [g] = await rows<{ net: number }>(db, `select coalesce(sum(amount_fen), 0)::bigint as net from payroll_ledger where county_code = '${county}' and period = '${period}' and account = 'benefit'`);
  return { lines: Number(l!.n), linesNet: Number(l!.net), totalLines: Number(t!.n), totalsNet: Number(t!.net), ledgerNet: Number(g!.net) };
}

/** The lines of a county's period as comparable text (recipient and amounts). */
export async function lineSet(db: Database, county: string, period: string): Promise<string[]> {
  const r = await rows<{ k: string }>(db, `select programme || ':' || recipient_id || ':' || regular_fen || ':' || arrears_fen || ':' || reissue_fen || ':' || deduction_fen || ':' || net_fen as k from payroll_lines where county_code = '${county}' and period = '${period}' order by 1`);
  return r.map((x) => x.k);
}
