// Cases decided in bulk, set-based: for every row a selection picks, one case in its final state with
// one transition, one decision and one entitlement — four INSERT … SELECT chained in one statement, case
// numbers taken a block per county (and year) from the register (`next_serials`). Used where the record of
// the decision is a list, not a procedure per case: demo and benchmark recipients, the batch decisions of
// an event programme (受灾人员救助), and the caseload import (存量对象导入: `perRow`, each case with the
// dates and payee of its own row and a `migration` decision). A case opened this way may carry a
// `source_key` (unique per county), so the same thing is never decided twice whatever reruns.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { RuleSet } from '../../../policy/index.ts';
import { programmeOf } from '../../../programmes/registry.ts';
import type { Phase } from '../../../workflow/definition.ts';

/**
 * What the selection must return, one row per case: `county_code`, `household_id`, `area_code` (the
 * village), `amount_fen`, `persons`, `summary` (jsonb), `context` (jsonb), `explanation` (jsonb),
 * `source_key` (text or null), `ord` (order of the case numbers within a county); and the applicant —
 * `member_id`, `name`, `id_number` — unless `applicant: 'head'` takes the household's head.
 */
export interface BulkDecision {
  programme: string;
  picked: RawBuilder<unknown>;
  applicant: 'picked' | 'head';
  ruleSet: RuleSet;
  /** The decision date (also the case's application date unless `appliedOn` says otherwise). */
  decidedOn: string;
  appliedOn?: RawBuilder<unknown>;
  /** The transition: action, from which state, to which state and phase. */
  action: string;
  fromState: string | null;
  state: string;
  phase: Phase;
  actor: { name: string; role: string; id: number | null };
  transitionData: Record<string, unknown>;
  reason: string;
  /** The first month it pays; a one-off entitlement is that month only. */
  fromMonth: string;
  schedule: 'monthly' | 'one_off';
  reviewDue?: string;
  /** The decision's kind (default `approve`). */
  decisionKind?: 'approve' | 'migration';
  /**
   * Dates and payee per row instead of the constants above: the selection also returns `decided_on`
   * (date; also the application date, and its year that of the case number), `effective_month` (the
   * decision's), `from_month` (the entitlement's), `review_due` (date or null), `payee`, `payee_name`,
   * `payee_id_number`. `decidedOn`, `fromMonth`, `appliedOn` and `reviewDue` are then ignored. It may also
   * return `state`, `phase` and `state_since` (null: the constants and the decision date) and `until_month`
   * (null: open-ended): the last month a closed case was paid. Such a row also gets what an exit leaves
   * behind, without an exit decision: an entitlement of 0 from the month after `until_month` (at the
   * earliest its `from_month`, so that one closed before its first month is paid for no month at all).
   */
  perRow?: boolean;
  /** perRow: the selection returns `state`, `phase`, `state_since` and `until_month` (see above). */
  closedRows?: boolean;
}

/** Inserts the cases, transitions, decisions and entitlements; returns how many cases were decided. */
export async function decideInBulk(tx: Kysely<DB>, d: BulkDecision): Promise<number> {
  const programme = programmeOf(d.programme);
  const prefix = programme.serialPrefix;
  const applicant = d.applicant === 'head'
    ? sql`select p.*, hm.id as member_id, hm.name, hm.id_number from picked_rows p
        join members hm on hm.county_code = p.county_code and hm.household_id = p.household_id and hm.relation = 'head'`
    : sql`select * from picked_rows`;
  const row = d.perRow === true;
  const toMonth = d.schedule === 'one_off' ? (row ? sql`p.from_month` : sql`${d.fromMonth}`) : sql`null`;
  const year = row ? sql`to_char(a.decided_on, 'YYYY')` : sql`${d.decidedOn.slice(0, 4)}::text`;
  const decidedOn = row ? sql`p.decided_on` : sql`${d.decidedOn}::date`;
  const appliedOn = row ? sql`p.decided_on` : (d.appliedOn ?? sql`${d.decidedOn}::date`);
  const reviewDue = row ? sql`p.review_due` : sql`${d.reviewDue ?? null}::date`;
  const effective = row ? sql`p.effective_month` : sql`${d.fromMonth}`;
  const fromMonth = row ? sql`p.from_month` : sql`${d.fromMonth}`;
  const payee = row ? sql`p.payee, 'transfer', p.payee_name, p.payee_id_number` : sql`${programme.benefit?.payee ?? 'recipient'}, 'transfer', p.name, p.id_number`;
  const closed = row && d.closedRows === true;
  const state = closed ? sql`coalesce(p.state, ${d.state})` : sql`${d.state}`;
  const phase = closed ? sql`coalesce(p.phase, ${d.phase})` : sql`${d.phase}`;
  const stateSince = closed ? sql`coalesce(p.state_since, ${decidedOn})` : decidedOn;
  // The stop of a closed row: drawn after the row's entitlement, so that in its first month it supersedes it.
  const stop = closed
    ? sql`, stop as (
      insert into entitlements (county_code, programme, case_id, decision_id, household_id, area_code, recipient_kind, recipient_id, schedule,
        from_month, to_month, amount_fen, persons, summary, payee, method, payee_name, payee_id_number)
      select p.county_code, ${d.programme}, p.case_id, p.decision_id, p.household_id, p.area_code, ${programme.recipient},
        ${programme.recipient === 'household' ? sql`p.household_id` : sql`p.member_id`}, 'monthly',
        greatest(${fromMonth}, to_char(to_date(p.until_month, 'YYYY-MM') + interval '1 month', 'YYYY-MM')), null, 0, 0, '{}', ${payee}
      from picked p where p.until_month is not null
    )`
    : sql``;
  // Every id is drawn up front (one sequence for cases, transitions, decisions and entitlements), so each
  // insert reads the picked rows directly: no join of one insert's output with another's.
  const r = await sql<{ n: string }>`
    with picked_rows as materialized (${d.picked}),
    picked as materialized (
      select a.*, nextval('case_id_seq') as case_id, nextval('case_id_seq') as transition_id, nextval('case_id_seq') as decision_id,
        nextval('case_id_seq') as entitlement_id, ${year} as yr, row_number() over (partition by a.county_code, ${year} order by a.ord) as rn
      from (${applicant}) a
    ),
    block as materialized (
      select county_code, yr, next_serials(${prefix}, county_code, yr, count(*)) as first_no from picked group by county_code, yr
    ), ins as (
      insert into cases (county_code, id, case_no, programme, rule_set, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number,
        state, phase, context, applied_on, state_since, review_due, source_key)
      select p.county_code, p.case_id, ${prefix} || p.county_code || p.yr || lpad((b.first_no - 1 + p.rn)::text, 6, '0'),
        ${d.programme}, ${d.ruleSet}, p.household_id, p.area_code, p.member_id, p.name, p.id_number,
        ${state}, ${phase}, p.context, ${appliedOn}, ${stateSince}, ${reviewDue}, p.source_key
      from picked p join block b on b.county_code = p.county_code and b.yr = p.yr
    ), tr as (
      insert into case_transitions (county_code, id, case_id, seq, action, from_state, to_state, to_phase, on_date, actor_id, actor_name, actor_role, reason, data)
      select p.county_code, p.transition_id, p.case_id, 1, ${d.action}, ${d.fromState}, ${state}, ${phase}, ${decidedOn}, ${d.actor.id}, ${d.actor.name}, ${d.actor.role}, ${d.reason},
        cast(${JSON.stringify(d.transitionData)} as jsonb)
      from picked p
    ), dec as (
      insert into case_decisions (county_code, id, case_id, transition_id, kind, decided_on, effective_month, end_month, amount_fen, explanation, reason)
      select p.county_code, p.decision_id, p.case_id, p.transition_id, ${d.decisionKind ?? 'approve'}, ${decidedOn}, ${effective}, ${toMonth}, p.amount_fen, p.explanation, ${d.reason}
      from picked p
    ), ent as (
      insert into entitlements (county_code, id, programme, case_id, decision_id, household_id, area_code, recipient_kind, recipient_id, schedule,
        from_month, to_month, amount_fen, persons, summary, payee, method, payee_name, payee_id_number)
      select p.county_code, p.entitlement_id, ${d.programme}, p.case_id, p.decision_id, p.household_id, p.area_code, ${programme.recipient},
        ${programme.recipient === 'household' ? sql`p.household_id` : sql`p.member_id`}, ${d.schedule}, ${fromMonth}, ${toMonth}, p.amount_fen,
        p.persons, p.summary, ${payee}
      from picked p
    )${stop}
    select count(*)::text as n from picked`.execute(tx);
  return Number(r.rows[0]?.n ?? 0);
}
