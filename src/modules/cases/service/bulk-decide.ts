// Cases decided in bulk, set-based: for every row a selection picks, one case in its final state with
// one transition, one decision and one entitlement — four INSERT … SELECT chained in one statement, case
// numbers taken a block per county from the register (`next_serials`). Used where the record of the
// decision is a list, not a procedure per case: demo and benchmark recipients, and the batch decisions of
// an event programme (受灾人员救助). A case opened this way may carry a `source_key` (unique per county),
// so the same thing is never decided twice whatever reruns.
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
}

/** Inserts the cases, transitions, decisions and entitlements; returns how many cases were decided. */
export async function decideInBulk(tx: Kysely<DB>, d: BulkDecision): Promise<number> {
  const programme = programmeOf(d.programme);
  const prefix = programme.serialPrefix;
  const year = d.decidedOn.slice(0, 4);
  const applicant = d.applicant === 'head'
    ? sql`select p.*, hm.id as member_id, hm.name, hm.id_number from picked_rows p
        join members hm on hm.county_code = p.county_code and hm.household_id = p.household_id and hm.relation = 'head'`
    : sql`select * from picked_rows`;
  const toMonth = d.schedule === 'one_off' ? sql`${d.fromMonth}` : sql`null`;
  const r = await sql<{ n: string }>`
    with picked_rows as materialized (${d.picked}),
    picked as materialized (${applicant}),
    block as materialized (
      select county_code, next_serials(${prefix}, county_code, ${year}, count(*)) as first_no from picked group by county_code
    ), ins as (
      insert into cases (county_code, case_no, programme, rule_set, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number,
        state, phase, context, applied_on, state_since, review_due, source_key)
      select p.county_code, ${prefix} || p.county_code || ${year} || lpad((b.first_no - 1 + row_number() over (partition by p.county_code order by p.ord))::text, 6, '0'),
        ${d.programme}, ${d.ruleSet}, p.household_id, p.area_code, p.member_id, p.name, p.id_number,
        ${d.state}, ${d.phase}, p.context, ${d.appliedOn ?? sql`${d.decidedOn}::date`}, ${d.decidedOn}::date, ${d.reviewDue ?? null}::date, p.source_key
      from picked p join block b on b.county_code = p.county_code
      returning county_code, id, household_id, area_code, applicant_member_id, applicant_name, applicant_id_number
    ), tr as (
      insert into case_transitions (county_code, case_id, seq, action, from_state, to_state, to_phase, on_date, actor_id, actor_name, actor_role, reason, data)
      select county_code, id, 1, ${d.action}, ${d.fromState}, ${d.state}, ${d.phase}, ${d.decidedOn}::date, ${d.actor.id}, ${d.actor.name}, ${d.actor.role}, ${d.reason},
        cast(${JSON.stringify(d.transitionData)} as jsonb)
      from ins
      returning county_code, id, case_id
    ), dec as (
      insert into case_decisions (county_code, case_id, transition_id, kind, decided_on, effective_month, end_month, amount_fen, explanation, reason)
      select tr.county_code, tr.case_id, tr.id, 'approve', ${d.decidedOn}::date, ${d.fromMonth}, ${toMonth}, p.amount_fen, p.explanation, ${d.reason}
      from tr join ins on ins.county_code = tr.county_code and ins.id = tr.case_id
      join picked p on p.county_code = ins.county_code and p.household_id = ins.household_id and p.member_id = ins.applicant_member_id
      returning county_code, id, case_id, amount_fen
    ), ent as (
      insert into entitlements (county_code, programme, case_id, decision_id, household_id, area_code, recipient_kind, recipient_id, schedule,
        from_month, to_month, amount_fen, persons, summary, payee, method, payee_name, payee_id_number)
      select ins.county_code, ${d.programme}, ins.id, dec.id, ins.household_id, ins.area_code, ${programme.recipient},
        ${programme.recipient === 'household' ? sql`ins.household_id` : sql`ins.applicant_member_id`}, ${d.schedule}, ${d.fromMonth}, ${toMonth}, dec.amount_fen,
        p.persons, p.summary, ${programme.benefit?.payee ?? 'recipient'}, 'transfer', ins.applicant_name, ins.applicant_id_number
      from dec join ins on ins.county_code = dec.county_code and ins.id = dec.case_id
      join picked p on p.county_code = ins.county_code and p.household_id = ins.household_id and p.member_id = ins.applicant_member_id
      returning 1
    )
    select count(*)::text as n from ent`.execute(tx);
  return Number(r.rows[0]?.n ?? 0);
}
