// Bulk re-rating (批量调标), the statements: the current recipients of a county and programme in a month
// (`current`), the draft's items with the new amounts of the SQL twins (one INSERT … SELECT per
// programme), the approval (an entitlement from the month per changed case, naming its item), and the
// reads of the review page.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { dibaoBenefitQuery, type DibaoBenefitParameters } from '../../policy/index.ts';
import { hardshipSupportSql, type HardshipAreaParams } from './rerate-hardship.ts';

export type Outcome = 'up' | 'down' | 'unchanged' | 'review';

export interface RerateBatchRow {
  county_code: string;
  id: number;
  batch_no: string;
  programme: string;
  effective_month: string;
  reason: string;
  status: 'draft' | 'approved' | 'discarded';
  parameters: { date: string; ruleSet: string; documents: unknown[] };
  items: number;
  up: number;
  down: number;
  unchanged: number;
  review: number;
  old_total_fen: number;
  new_total_fen: number;
  drafted_by: number | null;
  drafted_by_name: string;
  drafted_at: Date;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decided_on: string | null;
}

/**
 * The case's entitlement in force in `month` when it is also its last one: monthly, open-ended (no 渐退
 * end), paying (> 0), the case in payment. A case with a later decision already taken, a gradual exit,
 * a suspension or an exit is not re-rated.
 */
function currentSql(county: string, programme: string, month: string): RawBuilder<unknown> {
  return sql`
    select x.county_code, x.case_id, x.entitlement_id, x.household_id, x.area_code, x.amount_fen, c.applicant_member_id, c.context
    from (
      select distinct on (e.case_id) e.county_code, e.case_id, e.id as entitlement_id, e.household_id, e.area_code, e.amount_fen,
        e.from_month, e.to_month, e.schedule
      from entitlements e
      where e.county_code = ${county} and e.programme = ${programme}
      order by e.case_id, e.from_month desc, e.id desc
    ) x
    join cases c on c.county_code = x.county_code and c.id = x.case_id
    where x.schedule = 'monthly' and x.from_month <= ${month} and x.to_month is null and x.amount_fen > 0 and c.phase = 'payable'`;
}

/**
 * The draft statements join CTEs whose row counts the planner cannot estimate (it guesses 1 row) and then
 * re-runs aggregates inside nested loops, once per recipient: hash joins only, for this transaction.
 */
async function hashJoinsOnly<T>(tx: Kysely<DB>, fn: () => Promise<T>): Promise<T> {
  await sql`set local enable_nestloop = off`.execute(tx);
  const out = await fn();
  await sql`set local enable_nestloop = on`.execute(tx);
  return out;
}

const OUTCOME = sql`case when n.new_amount is null then 'review' when n.new_amount > cur.amount_fen then 'up'
  when n.new_amount < cur.amount_fen then 'down' else 'unchanged' end`;

/** 低保: the twin's benefit on the household's registry facts; not eligible (or no member) → review. */
export async function insertDibaoItems(tx: Kysely<DB>, county: string, batchId: number, month: string, parameters: DibaoBenefitParameters): Promise<void> {
  await hashJoinsOnly(tx, () => sql`
    with cur as materialized (${currentSql(county, 'dibao', month)}),
    b as materialized (${dibaoBenefitQuery(parameters, [county])}),
    n as (
      select cur.case_id, case when b.eligible then b.total end as new_amount, b.*
      from cur left join b on b.county_code = cur.county_code and b.household_id = cur.household_id
    )
    insert into rerate_items (county_code, batch_id, case_id, household_id, area_code, entitlement_id, old_amount_fen, new_amount_fen, persons, outcome, worksheet, summary, parameter_area)
    select cur.county_code, ${batchId}, cur.case_id, cur.household_id, cur.area_code, cur.entitlement_id, cur.amount_fen, n.new_amount,
      coalesce(n.persons, 0), ${OUTCOME},
      jsonb_build_object('programme', 'dibao', 'standard', n.standard, 'persons', n.persons, 'perCapitaIncome', n.per_capita_income,
        'eligible', coalesce(n.eligible, false), 'members', coalesce(n.members, '[]'::jsonb), 'total', n.total),
      case when n.new_amount is null then '{}'::jsonb else jsonb_build_object('gap', n.gap, 'topup', n.topups) end,
      coalesce(n.parameter_area, cur.county_code)
    from cur join n on n.case_id = cur.case_id`.execute(tx));
}

/** 特困: the support standard of the case's form of support and self-care assessment; none recorded → review. */
export async function insertHardshipItems(tx: Kysely<DB>, county: string, batchId: number, month: string, params: readonly HardshipAreaParams[]): Promise<void> {
  await hashJoinsOnly(tx, () => sql`
    with cur as materialized (${currentSql(county, 'hardship', month)}),
    n as (${hardshipSupportSql(sql`cur`, params)})
    insert into rerate_items (county_code, batch_id, case_id, household_id, area_code, entitlement_id, old_amount_fen, new_amount_fen, persons, outcome, worksheet, summary, parameter_area)
    select cur.county_code, ${batchId}, cur.case_id, cur.household_id, cur.area_code, cur.entitlement_id, cur.amount_fen, n.new_amount,
      1, ${OUTCOME}, n.worksheet,
      case when n.new_amount is null then '{}'::jsonb else jsonb_build_object('institutional', case when n.mode = 'institutional' then 1 else 0 end) end,
      cur.area_code
    from cur join n on n.case_id = cur.case_id`.execute(tx));
}

/** Counts and totals of the items onto the batch row. */
export async function totalBatch(tx: Kysely<DB>, county: string, batchId: number): Promise<void> {
  await sql`
    update rerate_batches b set items = t.items, up = t.up, down = t.down, unchanged = t.unchanged, review = t.review,
      old_total_fen = t.old_total, new_total_fen = t.new_total
    from (
      select count(*)::int as items, count(*) filter (where outcome = 'up')::int as up, count(*) filter (where outcome = 'down')::int as down,
        count(*) filter (where outcome = 'unchanged')::int as unchanged, count(*) filter (where outcome = 'review')::int as review,
        coalesce(sum(old_amount_fen), 0)::bigint as old_total, coalesce(sum(coalesce(new_amount_fen, old_amount_fen)), 0)::bigint as new_total
      from rerate_items where county_code = ${county} and batch_id = ${batchId}
    ) t
    where b.county_code = ${county} and b.id = ${batchId}`.execute(tx);
}

export interface ApplyInput {
  county: string;
  batchId: number;
  month: string;
}

/**
 * Every changed item whose case still has the drafted entitlement as its last, still in payment: an
 * entitlement from the month with the new amount (payee and method as before) that names the item — the
 * list is the record of the change (no transition or decision per case; see repo/rerate-record.ts).
 * Returns how many were changed and how many were left because the case changed since the draft.
 */
export async function applyItems(tx: Kysely<DB>, a: ApplyInput): Promise<{ changed: number; stale: number }> {
  const { rows } = await sql<{ changed: string; stale: string }>`
    with it as materialized (
      select i.county_code, i.case_id, i.entitlement_id, i.new_amount_fen, i.persons, i.summary
      from rerate_items i
      join cases c on c.county_code = i.county_code and c.id = i.case_id
      where i.county_code = ${a.county} and i.batch_id = ${a.batchId} and i.outcome in ('up', 'down') and c.phase = 'payable'
        and i.entitlement_id = (select e.id from entitlements e where e.county_code = i.county_code and e.case_id = i.case_id
          order by e.from_month desc, e.id desc limit 1)
    ), ent as (
      insert into entitlements (county_code, programme, case_id, decision_id, rerate_batch_id, household_id, area_code, recipient_kind, recipient_id, schedule,
        from_month, to_month, amount_fen, persons, summary, payee, method, payee_name, payee_id_number)
      select it.county_code, o.programme, it.case_id, null, ${a.batchId}, o.household_id, o.area_code, o.recipient_kind, o.recipient_id, 'monthly',
        ${a.month}, null, it.new_amount_fen, it.persons, it.summary, o.payee, o.method, o.payee_name, o.payee_id_number
      from it join entitlements o on o.county_code = it.county_code and o.id = it.entitlement_id
    )
    select (select count(*) from it)::text as changed,
      (select count(*) from rerate_items i where i.county_code = ${a.county} and i.batch_id = ${a.batchId} and i.outcome in ('up', 'down'))::text as stale`.execute(tx);
  const changed = Number(rows[0]?.changed ?? 0);
  return { changed, stale: Number(rows[0]?.stale ?? 0) - changed };
}

export interface ItemRow {
  case_no: string;
  applicant_name: string;
  area_code: string;
  village_name: string | null;
  household_no: string;
  old_amount_fen: number;
  new_amount_fen: number | null;
  persons: number;
  outcome: Outcome;
  worksheet: Record<string, unknown>;
}

/** One page of items, by case number; optionally of one outcome. */
export async function listItems(db: Kysely<DB>, county: string, batchId: number, opts: { outcome?: Outcome | undefined; offset: number; limit: number }): Promise<{ rows: ItemRow[]; total: number }> {
  const filter = opts.outcome ? sql`and i.outcome = ${opts.outcome}` : sql``;
  const [page, count] = await Promise.all([
    sql<ItemRow>`
      select c.case_no, c.applicant_name, i.area_code, a.name as village_name, h.household_no, i.old_amount_fen::int as old_amount_fen,
        i.new_amount_fen::int as new_amount_fen, i.persons, i.outcome, i.worksheet
      from rerate_items i
      join cases c on c.county_code = i.county_code and c.id = i.case_id
      join households h on h.county_code = i.county_code and h.id = i.household_id
      left join areas a on a.code = i.area_code
      where i.county_code = ${county} and i.batch_id = ${batchId} ${filter}
      order by c.case_no offset ${opts.offset} limit ${opts.limit}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from rerate_items i where i.county_code = ${county} and i.batch_id = ${batchId} ${filter}`.execute(db),
  ]);
  return { rows: page.rows, total: Number(count.rows[0]?.n ?? 0) };
}

export async function findBatch(db: Kysely<DB>, batchNo: string, lock = false): Promise<RerateBatchRow | undefined> {
  const { rows } = await sql<RerateBatchRow>`select * from rerate_batches where batch_no = ${batchNo} ${lock ? sql`for update` : sql``}`.execute(db);
  const r = rows[0];
  return r && { ...r, id: Number(r.id), old_total_fen: Number(r.old_total_fen), new_total_fen: Number(r.new_total_fen), drafted_by: r.drafted_by === null ? null : Number(r.drafted_by) };
}

export async function listBatches(db: Kysely<DB>, counties: RawBuilder<SqlBool>, limit: number): Promise<RerateBatchRow[]> {
  const { rows } = await sql<RerateBatchRow>`select * from rerate_batches where ${counties} order by drafted_at desc, id desc limit ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), old_total_fen: Number(r.old_total_fen), new_total_fen: Number(r.new_total_fen) }));
}
