// Batches and their members: the candidates of a kind (the event's verified damage register, or the
// season's 冬春 survey) not yet in a live batch of that kind, the draft list written in one INSERT …
// SELECT with the SQL twin of the amounts, the sample, the checks and the totals.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { inScope } from '../../../kernel/scope.ts';
import type { BatchKind, BatchStatus } from '../tables.ts';
import type { AreaRates } from '../service/batch-basis.ts';
import { amountSql, ratesTable } from './amounts.ts';

export interface BatchSource {
  county: string;
  kind: BatchKind;
  eventId: number | null;
  season: string | null;
  /** Area prefixes (townships, villages) the batch is limited to; empty: the whole county. */
  areas: readonly string[];
  /** 过渡期生活救助: the period every household's claim names. */
  period?: { startDate: string; endDate: string };
}

const DAMAGE: Record<Exclude<BatchKind, 'winter_spring'>, { persons: string; cond: string }> = {
  emergency: { persons: 'd.persons_affected', cond: 'd.persons_affected > 0' },
  transitional: { persons: 'd.persons_homeless', cond: `d.persons_homeless > 0 and d.house_grade in ('collapsed', 'serious')` },
  housing: { persons: 'd.persons_affected', cond: `d.house_grade <> 'none'` },
  bereavement: { persons: 'd.deaths', cond: 'd.deaths > 0' },
};

function areaFilter(column: string, areas: readonly string[]): RawBuilder<unknown> {
  return areas.length === 0 ? sql`true` : sql`${sql.ref(column)} like any(${areas.map((a) => `${a}%`)}::text[])`;
}

/** Not already a member (not excluded) of a live batch of this kind for this event or season. */
function notInLiveBatch(s: BatchSource, alias: string): RawBuilder<unknown> {
  const same = s.kind === 'winter_spring' ? sql`b.season = ${s.season}` : sql`b.event_id = ${s.eventId}`;
  return sql`not exists (select 1 from disaster_batch_members m join disaster_batches b on b.county_code = m.county_code and b.id = m.batch_id
    where m.county_code = ${sql.ref(`${alias}.county_code`)} and m.household_id = ${sql.ref(`${alias}.household_id`)} and not m.excluded
      and b.status <> 'void' and b.kind = ${s.kind} and ${same})`;
}

/** county_code, household_id, area_code, source_id, persons, claim (jsonb) of every candidate. */
export function candidates(s: BatchSource): RawBuilder<unknown> {
  if (s.kind === 'winter_spring') {
    return sql`select w.county_code, w.household_id, w.area_code, w.id as source_id, w.persons_first + w.persons_second + w.persons_third as persons,
        jsonb_build_object('kind', 'winter_spring', 'first', w.persons_first, 'second', w.persons_second, 'third', w.persons_third) as claim
      from disaster_winter_needs w
      where w.county_code = ${s.county} and w.season = ${s.season} and ${areaFilter('w.area_code', s.areas)} and ${notInLiveBatch(s, 'w')}`;
  }
  const k = DAMAGE[s.kind];
  const claim = {
    emergency: sql`jsonb_build_object('kind', 'emergency', 'persons', d.persons_affected)`,
    transitional: sql`jsonb_build_object('kind', 'transitional', 'persons', d.persons_homeless, 'startDate', ${s.period?.startDate ?? null}::text, 'endDate', ${s.period?.endDate ?? null}::text)`,
    housing: sql`jsonb_build_object('kind', 'housing', 'grade', d.house_grade, 'householdType', d.household_type, 'persons', d.persons_affected)`,
    bereavement: sql`jsonb_build_object('kind', 'bereavement', 'deceased', d.deaths)`,
  }[s.kind];
  return sql`select d.county_code, d.household_id, d.area_code, d.id as source_id, ${sql.raw(k.persons)} as persons, ${claim} as claim
    from disaster_damage_entries d
    where d.county_code = ${s.county} and d.event_id = ${s.eventId} and d.status = 'verified' and ${sql.raw(k.cond)}
      and ${areaFilter('d.area_code', s.areas)} and ${notInLiveBatch(s, 'd')}`;
}

/** The villages of the county (or of the given townships and villages): the areas whose rates a draft needs. */
export async function villagesOf(db: Kysely<DB>, county: string, areas: readonly string[]): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`select code from areas where level = 'village' and code like ${`${county}%`} and ${areaFilter('code', areas)} order by code`.execute(db);
  return rows.map((r) => r.code);
}

/** Writes the draft list and its totals in one statement; returns households, persons and the amount. */
export async function insertMembers(tx: Kysely<DB>, batchId: number, s: BatchSource, rates: readonly AreaRates[]) {
  const { rows } = await sql<{ households: number; persons: number; amount_fen: number }>`
    with ins as (
      insert into disaster_batch_members (county_code, batch_id, ordinal, household_id, area_code, source_id, persons, amount_fen, claim)
      select c.county_code, ${batchId}, row_number() over (order by c.area_code, c.household_id), c.household_id, c.area_code, c.source_id, c.persons, ${amountSql(s.kind)}, c.claim
      from (${candidates(s)}) c join (${ratesTable(rates)}) r on r.area = c.area_code
      returning persons, amount_fen
    )
    update disaster_batches b set households = t.households, persons = t.persons, amount_fen = t.amount_fen, version = b.version + 1
    from (select count(*)::int as households, coalesce(sum(persons), 0)::int as persons, coalesce(sum(amount_fen), 0)::bigint as amount_fen from ins) t
    where b.county_code = ${s.county} and b.id = ${batchId}
    returning b.households, b.persons, b.amount_fen`.execute(tx);
  const r = rows[0]!;
  return { households: Number(r.households), persons: Number(r.persons), amountFen: Number(r.amount_fen) };
}

export async function refreshTotals(tx: Kysely<DB>, county: string, batchId: number) {
  const { rows } = await sql<{ households: number; persons: number; amount_fen: number }>`
    update disaster_batches b set households = t.households, persons = t.persons, amount_fen = t.amount_fen, version = b.version + 1
    from (select count(*)::int as households, coalesce(sum(persons), 0)::int as persons, coalesce(sum(amount_fen), 0)::bigint as amount_fen
      from disaster_batch_members where county_code = ${county} and batch_id = ${batchId} and not excluded) t
    where b.county_code = ${county} and b.id = ${batchId}
    returning b.households, b.persons, b.amount_fen`.execute(tx);
  const r = rows[0]!;
  return { households: Number(r.households), persons: Number(r.persons), amountFen: Number(r.amount_fen) };
}

export interface BatchRow {
  county_code: string;
  id: number;
  batch_no: string;
  kind: BatchKind;
  event_id: number | null;
  event_no: string | null;
  event_name: string | null;
  event_started_on: string | null;
  season: string | null;
  status: BatchStatus;
  pay_month: string;
  created_on: string;
  created_by: string;
  basis: unknown;
  households: number;
  persons: number;
  amount_fen: number;
  ratio: string | null;
  seed: string | null;
  sampled_on: string | null;
  notice_from: string | null;
  notice_to: string | null;
  approved_on: string | null;
  approved_by: string | null;
  decided_through: number;
  decided_on: string | null;
  void_reason: string | null;
}

const BATCH_COLUMNS = sql`b.county_code, b.id, b.batch_no, b.kind, b.event_id, e.event_no, e.name as event_name, e.started_on as event_started_on, b.season, b.status, b.pay_month, b.created_on, b.created_by,
  b.basis, b.households, b.persons, b.amount_fen::bigint as amount_fen, b.ratio::text as ratio, b.seed, b.sampled_on, b.notice_from, b.notice_to, b.approved_on, b.approved_by,
  b.decided_through, b.decided_on, b.void_reason`;

const numeric = (r: BatchRow): BatchRow => ({ ...r, id: Number(r.id), event_id: r.event_id === null ? null : Number(r.event_id), amount_fen: Number(r.amount_fen) });

/** A batch the caller sees: its county in scope, or (below the county) a member in the caller's subtree. */
function visible(scope: Scope): RawBuilder<unknown> {
  return sql`(${inScope(scope, 'b.county_code')} or exists (select 1 from disaster_batch_members m where m.county_code = b.county_code and m.batch_id = b.id and ${inScope(scope, 'm.area_code')}))`;
}

export async function findBatch(db: Kysely<DB>, scope: Scope, batchNo: string, forUpdate = false): Promise<BatchRow | undefined> {
  const { rows } = await sql<BatchRow>`select ${BATCH_COLUMNS} from disaster_batches b left join disaster_events e on e.county_code = b.county_code and e.id = b.event_id
    where b.batch_no = ${batchNo} and ${visible(scope)} ${forUpdate ? sql`for update of b` : sql``}`.execute(db);
  return rows[0] ? numeric(rows[0]) : undefined;
}

export async function listBatches(db: Kysely<DB>, scope: Scope, f: { eventId?: number; season?: string; kind?: BatchKind; status?: BatchStatus; limit: number }): Promise<BatchRow[]> {
  const { rows } = await sql<BatchRow>`select ${BATCH_COLUMNS} from disaster_batches b left join disaster_events e on e.county_code = b.county_code and e.id = b.event_id
    where ${visible(scope)} ${f.eventId !== undefined ? sql`and b.event_id = ${f.eventId}` : sql``} ${f.season ? sql`and b.season = ${f.season}` : sql``}
      ${f.kind ? sql`and b.kind = ${f.kind}` : sql``} ${f.status ? sql`and b.status = ${f.status}` : sql``}
    order by b.created_on desc, b.id desc limit ${f.limit}`.execute(db);
  return rows.map(numeric);
}

export interface MemberRow {
  ordinal: number;
  household_no: string;
  head_name: string | null;
  area_code: string;
  persons: number;
  amount_fen: number;
  claim: Record<string, unknown>;
  sampled: boolean;
  check_result: 'confirmed' | 'removed' | null;
  checked_by: string | null;
  checked_on: string | null;
  excluded: boolean;
  exclude_reason: string | null;
  case_no: string | null;
}

/** The list; `keyPrefix` (source-key.ts) finds each decided household's case. */
export async function listMembers(db: Kysely<DB>, scope: Scope, b: Pick<BatchRow, 'county_code' | 'id'>, keyPrefix: string, f: { sampled?: boolean; area?: string; after: number; limit: number }): Promise<MemberRow[]> {
  const { rows } = await sql<MemberRow>`select m.ordinal, h.household_no, hm.name as head_name, m.area_code, m.persons, m.amount_fen::bigint as amount_fen, m.claim, m.sampled,
      m.check_result, m.checked_by, m.checked_on, m.excluded, m.exclude_reason, c.case_no
    from disaster_batch_members m
    join households h on h.county_code = m.county_code and h.id = m.household_id
    left join members hm on hm.county_code = m.county_code and hm.household_id = m.household_id and hm.relation = 'head'
    left join cases c on c.county_code = m.county_code and c.source_key = ${keyPrefix} || m.household_id::text
    where m.county_code = ${b.county_code} and m.batch_id = ${b.id} and ${inScope(scope, 'm.area_code')} and m.ordinal > ${f.after}
      ${f.sampled !== undefined ? sql`and m.sampled = ${f.sampled}` : sql``} ${f.area ? sql`and m.area_code like ${`${f.area}%`}` : sql``}
    order by m.ordinal limit ${f.limit}`.execute(db);
  return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
}

/** The member of a household (by number) in the batch, within the caller's scope. */
export async function findMember(db: Kysely<DB>, scope: Scope, b: Pick<BatchRow, 'county_code' | 'id'>, householdNo: string) {
  const { rows } = await sql<{ ordinal: number; sampled: boolean; check_result: string | null; excluded: boolean }>`
    select m.ordinal, m.sampled, m.check_result, m.excluded from disaster_batch_members m
    join households h on h.county_code = m.county_code and h.id = m.household_id
    where m.county_code = ${b.county_code} and m.batch_id = ${b.id} and h.household_no = ${householdNo} and ${inScope(scope, 'm.area_code')}`.execute(db);
  return rows[0];
}

/**
 * Marks the sample: the `size` live members first in the order of (md5(seed, household), ordinal) — anyone
 * can draw it again. One scan against the size-th key (a join of a just-filled table with itself would be
 * planned as a nested loop: its statistics do not know the rows yet).
 */
export async function markSample(tx: Kysely<DB>, b: Pick<BatchRow, 'county_code' | 'id'>, seed: string, size: number): Promise<number> {
  if (size <= 0) return 0;
  const key = sql`(md5(${seed} || ':' || household_id::text), ordinal)`;
  const r = await sql`update disaster_batch_members set sampled = true
    where county_code = ${b.county_code} and batch_id = ${b.id} and not excluded and ${key} <= (
      select md5(${seed} || ':' || household_id::text), ordinal from disaster_batch_members where county_code = ${b.county_code} and batch_id = ${b.id} and not excluded
      order by 1, 2 offset ${size - 1} limit 1)`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

export async function sampleProgress(db: Kysely<DB>, b: Pick<BatchRow, 'county_code' | 'id'>) {
  const { rows } = await sql<{ sampled: number; checked: number; removed: number; excluded: number }>`
    select count(*) filter (where sampled)::int as sampled, count(*) filter (where sampled and check_result is not null)::int as checked,
      count(*) filter (where check_result = 'removed')::int as removed, count(*) filter (where excluded)::int as excluded
    from disaster_batch_members where county_code = ${b.county_code} and batch_id = ${b.id}`.execute(db);
  return rows[0]!;
}

/** Households, persons and amount by township (9 digits) of the live members the caller sees. */
export async function totalsByTownship(db: Kysely<DB>, scope: Scope, b: Pick<BatchRow, 'county_code' | 'id'>) {
  const { rows } = await sql<{ township: string; households: number; persons: number; amount_fen: string }>`
    select left(area_code, 9) as township, count(*)::int as households, sum(persons)::int as persons, sum(amount_fen)::text as amount_fen
    from disaster_batch_members where county_code = ${b.county_code} and batch_id = ${b.id} and not excluded and ${inScope(scope, 'area_code')}
    group by 1 order by 1`.execute(db);
  return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
}
