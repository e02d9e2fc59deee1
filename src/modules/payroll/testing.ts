// Test helpers of the payroll module: cases, decisions and their entitlements written straight into the
// database (what the cases engine would write; payroll reads only the entitlements), a fraud recovery as
// the oversight module records it, and the run's invariants.
import { sql } from 'kysely';
import type { Database } from '../../db/engine.ts';
import { programmeOf } from '../../programmes/registry.ts';

export async function rows<T>(db: Database, q: string): Promise<T[]> {
  return (await sql<T>`${sql.raw(q)}`.execute(db.kysely)).rows;
}

export interface TestDecision {
  kind: 'approve' | 'change' | 'suspend' | 'resume' | 'exit' | 'gradual_exit';
  effectiveMonth: string;
  amountFen?: number;
  endMonth?: string;
  state?: string;
  /** one_off: a payment of its month (a claim), paid once */
  schedule?: 'monthly' | 'one_off';
  payee?: 'recipient' | 'insurer' | 'institution';
  method?: 'transfer' | 'cash';
}

/**
 * Appends a decision (and its transition) to a case, with the entitlement it grants or stops, as the
 * engine's effects do: the case's recipient (the household or the applicant, by the programme), payee
 * name and ID number of the applicant; suspend and exit pay 0 from their month.
 */
export async function addDecision(db: Database, c: { county: string; caseId: number }, d: TestDecision): Promise<{ entitlementId: number }> {
  return db.kysely.transaction().execute(async (tx) => {
    const seq = await sql<{ n: number }>`select coalesce(max(seq), 0)::int + 1 as n from case_transitions where county_code = ${c.county} and case_id = ${c.caseId}`.execute(tx);
    const tr = await sql<{ id: number }>`
      insert into case_transitions (county_code, case_id, seq, action, from_state, to_state, on_date, actor_name, actor_role)
      values (${c.county}, ${c.caseId}, ${seq.rows[0]!.n}, ${d.kind}, 'approved', ${d.state ?? 'approved'}, '2015-01-01', 'test', 'county_approver') returning id`.execute(tx);
    const dec = await sql<{ id: number }>`
      insert into case_decisions (county_code, case_id, transition_id, kind, decided_on, effective_month, end_month, amount_fen, reason)
      values (${c.county}, ${c.caseId}, ${tr.rows[0]!.id}, ${d.kind}, '2015-01-01', ${d.effectiveMonth}, ${d.endMonth ?? null}, ${d.amountFen ?? null}, 'test') returning id`.execute(tx);
    const stops = d.kind === 'suspend' || d.kind === 'exit';
    const schedule = d.schedule ?? 'monthly';
    const ent = await sql<{ id: number }>`
      insert into entitlements (county_code, programme, case_id, decision_id, household_id, area_code, recipient_kind, recipient_id, schedule,
        from_month, to_month, amount_fen, persons, payee, method, payee_name, payee_id_number)
      select c.county_code, c.programme, c.id, ${dec.rows[0]!.id}::bigint, c.household_id, c.area_code, p.recipient,
        case when p.recipient = 'household' then c.household_id else c.applicant_member_id end, ${schedule}::text,
        ${d.effectiveMonth}::text, ${schedule === 'one_off' ? d.effectiveMonth : (d.endMonth ?? null)}::text, ${stops ? 0 : (d.amountFen ?? 0)}::bigint, ${stops ? 0 : 1}::int,
        ${d.payee ?? 'recipient'}::text, ${d.method ?? 'transfer'}::text, c.applicant_name, c.applicant_id_number
      from cases c join programmes p on p.code = c.programme
      where c.county_code = ${c.county} and c.id = ${c.caseId}
      returning id`.execute(tx);
    await sql`update cases set state = ${d.state ?? 'approved'} where county_code = ${c.county} and id = ${c.caseId}`.execute(tx);
    return { entitlementId: ent.rows[0]!.id };
  });
}

let caseSerial = 980_000;

/** A case of a programme for a household, its member (default: the head) applying, in the state given (default approved). */
export async function addCase(db: Database, h: { county: string; householdId: number; programme: string; memberId?: number; state?: string }): Promise<{ caseId: number; householdId: number; recipientId: number }> {
  const prefix = programmeOf(h.programme).serialPrefix;
  const caseNo = `${prefix}${h.county}2015${String(caseSerial++)}`;
  const r = await sql<{ id: number; household_id: number; recipient_id: number }>`
    insert into cases (county_code, case_no, programme, rule_set, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number, state, applied_on, state_since)
    select m.county_code, ${caseNo}::text, ${h.programme}::text, 'cn-2012', m.household_id, hh.village_code, m.id, m.name, m.id_number, ${h.state ?? 'approved'}::text, '2015-01-05'::date, '2015-01-05'::date
    from members m join households hh on hh.county_code = m.county_code and hh.id = m.household_id
    where m.county_code = ${h.county} and m.household_id = ${h.householdId} and ${h.memberId === undefined ? sql`m.relation = 'head'` : sql`m.id = ${h.memberId}`}
    returning id, household_id, case when ${programmeOf(h.programme).recipient}::text = 'household' then household_id else applicant_member_id end as recipient_id`.execute(db.kysely);
  const row = r.rows[0];
  if (!row) throw new Error(`no applicant in household ${h.householdId}`);
  return { caseId: row.id, householdId: row.household_id, recipientId: row.recipient_id };
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

/** Lines, township totals and (once approved) ledger movement of a county's period, in all and of one-off payments. */
export async function invariants(db: Database, county: string, period: string) {
  const [l] = await rows<{ n: number; net: number; one_off: number }>(db, `select count(*)::int as n, coalesce(sum(net_fen), 0)::bigint as net, coalesce(sum(one_off_fen), 0)::bigint as one_off from payroll_lines where county_code = '${county}' and period = '${period}'`);
  const [t] = await rows<{ n: number; net: number; one_off: number }>(db, `select coalesce(sum(t.lines), 0)::int as n, coalesce(sum(t.net_fen), 0)::bigint as net, coalesce(sum(t.one_off_fen), 0)::bigint as one_off from payroll_totals t join payrolls p on p.county_code = t.county_code and p.id = t.payroll_id where p.county_code = '${county}' and p.period = '${period}'`);
  const [g] = await rows<{ net: number; one_off: number }>(db, `select coalesce(sum(amount_fen), 0)::bigint as net, coalesce(sum(amount_fen) filter (where kind = 'one_off'), 0)::bigint as one_off from payroll_ledger where county_code = '${county}' and period = '${period}' and account = 'benefit'`);
  return {
    lines: Number(l!.n), linesNet: Number(l!.net), totalLines: Number(t!.n), totalsNet: Number(t!.net), ledgerNet: Number(g!.net),
    linesOneOff: Number(l!.one_off), totalsOneOff: Number(t!.one_off), ledgerOneOff: Number(g!.one_off),
  };
}

/** The lines of a county's period as comparable text (recipient, amounts, how paid). */
export async function lineSet(db: Database, county: string, period: string): Promise<string[]> {
  const r = await rows<{ k: string }>(db, `select programme || ':' || recipient_id || ':' || regular_fen || ':' || arrears_fen || ':' || one_off_fen || ':' || reissue_fen || ':' || deduction_fen || ':' || net_fen || ':' || payee || ':' || method as k from payroll_lines where county_code = '${county}' and period = '${period}' order by 1`);
  return r.map((x) => x.k);
}
