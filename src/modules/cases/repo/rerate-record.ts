// The record of a bulk re-rating (批量调标) in a case: the approved batch wrote only an entitlement naming
// its item (migration 0127), so the case's `change` decision and its timeline step are read from the item
// and the batch — amount old → new, worksheet, who approved, when, why — as a decision of its own would say.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DecisionRow } from './cases.ts';
import type { CaseKey } from './roots.ts';

/** A case's decision: its own, or a re-rating's (no transition of its own). */
export type DecisionRecord = Omit<DecisionRow, 'transition_id'> & { transition_id: number | null };

export interface RerateStep {
  entitlement_id: number;
  batch_no: string;
  decided_on: string;
  decided_at: Date;
  decided_by_name: string;
  reason: string;
  effective_month: string;
  old_amount_fen: number;
  new_amount_fen: number;
}

const REASON = sql`'批量调标 ' || b.batch_no || '：' || b.reason`;

/** The case's entitlements a re-rating wrote (e), with their item (i) and batch (b). */
const ratedEntitlements = (key: CaseKey) => sql`
    from entitlements e
    join rerate_items i on i.county_code = e.county_code and i.batch_id = e.rerate_batch_id and i.case_id = e.case_id
    join rerate_batches b on b.county_code = e.county_code and b.id = e.rerate_batch_id
    where e.county_code = ${key.countyCode} and e.case_id = ${key.caseId} and e.rerate_batch_id is not null`;

/** The case's decisions in the order they were taken (ids come from one sequence), re-ratings included. */
export async function decisionRecords(db: Kysely<DB>, key: CaseKey): Promise<DecisionRecord[]> {
  const { rows } = await sql<DecisionRecord>`
    select d.county_code, d.id, d.case_id, d.transition_id, d.kind, to_char(d.decided_on, 'YYYY-MM-DD') as decided_on, d.effective_month, d.end_month,
      d.amount_fen, d.explanation, d.reason, to_char(d.notify_by, 'YYYY-MM-DD') as notify_by, d.created_at
    from case_decisions d where d.county_code = ${key.countyCode} and d.case_id = ${key.caseId}
    union all
    select e.county_code, e.id, e.case_id, null, 'change', to_char(b.decided_on, 'YYYY-MM-DD'), b.effective_month, null, e.amount_fen,
      jsonb_build_object('formula', case b.programme when 'dibao' then 'dibao_benefit' else 'hardship_support' end, 'ruleSet', b.parameters->>'ruleSet',
        'period', b.effective_month || '-01', 'rerateBatchNo', b.batch_no, 'oldAmountFen', i.old_amount_fen, 'value', i.worksheet),
      ${REASON}, null, e.created_at
    ${ratedEntitlements(key)}
    order by id`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), case_id: Number(r.case_id), transition_id: r.transition_id === null ? null : Number(r.transition_id), amount_fen: r.amount_fen === null ? null : Number(r.amount_fen) }));
}

/** The re-ratings a case went through, for its timeline. */
export async function rerateSteps(db: Kysely<DB>, key: CaseKey): Promise<RerateStep[]> {
  const { rows } = await sql<RerateStep>`
    select e.id as entitlement_id, b.batch_no, to_char(b.decided_on, 'YYYY-MM-DD') as decided_on, b.decided_at, b.decided_by_name, ${REASON} as reason,
      b.effective_month, i.old_amount_fen, i.new_amount_fen
    ${ratedEntitlements(key)}
    order by e.id`.execute(db);
  return rows.map((r) => ({ ...r, entitlement_id: Number(r.entitlement_id), old_amount_fen: Number(r.old_amount_fen), new_amount_fen: Number(r.new_amount_fen) }));
}

export interface LatestRerate { id: number; amount_fen: number; effective_month: string; decided_on: string }

/** Each case's latest re-rating (one query), to stand as its latest decision when it came after the case's own. */
export async function latestRerates(db: Kysely<DB>, countyCode: string, caseIds: readonly number[]): Promise<Map<number, LatestRerate>> {
  if (caseIds.length === 0) return new Map();
  const { rows } = await sql<LatestRerate & { case_id: number }>`
    select distinct on (e.case_id) e.case_id, e.id, e.amount_fen, b.effective_month, to_char(b.decided_on, 'YYYY-MM-DD') as decided_on
    from entitlements e join rerate_batches b on b.county_code = e.county_code and b.id = e.rerate_batch_id
    where e.county_code = ${countyCode} and e.case_id = any(${sql.val([...caseIds])}) and e.rerate_batch_id is not null
    order by e.case_id, e.id desc`.execute(db);
  return new Map(rows.map((r) => [Number(r.case_id), { id: Number(r.id), amount_fen: Number(r.amount_fen), effective_month: r.effective_month, decided_on: r.decided_on }]));
}

/** The date of the case's latest re-rating (null: none): no later step may be dated before it. */
export async function lastRerateOn(db: Kysely<DB>, countyCode: string, caseId: number): Promise<string | null> {
  const { rows } = await sql<{ on: string | null }>`
    select to_char(max(b.decided_on), 'YYYY-MM-DD') as on
    from entitlements e join rerate_batches b on b.county_code = e.county_code and b.id = e.rerate_batch_id
    where e.county_code = ${countyCode} and e.case_id = ${caseId} and e.rerate_batch_id is not null`.execute(db);
  return rows[0]?.on ?? null;
}
