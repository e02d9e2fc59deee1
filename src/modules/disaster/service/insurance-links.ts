// What 政策性农房保险 (src/modules/housing-insurance) reads of the disaster module: an event with a
// household's entry in the damage register (受灾户登记), the entries of many claims at once for the
// reconciliation, and the housing subsidy (倒房重建 / 损房维修) a decided batch gave a household.
// Read-only; scope by the event's visibility and the entry's village.
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import type { DisasterKind } from '../codes.ts';
import { findVisibleEvent } from '../repo/events.ts';
import type { DamageGrade, HouseStructure } from '../tables.ts';

export interface InsuranceEvent { countyCode: string; eventId: number; eventNo: string; kind: DisasterKind; name: string; startedOn: string; endedOn: string | null }

export interface DamagedHouse extends InsuranceEvent {
  householdId: number;
  householdNo: string;
  /** The live (not void) entry of the household in the event, or null when there is none. */
  entry: { id: number; areaCode: string; grade: DamageGrade; structure: HouseStructure; status: 'recorded' | 'verified'; directLossFen: number; householdType: string } | null;
}

/** The event, if the caller sees it (else undefined: out of scope reads as missing). */
export async function insuranceEvent(db: Database, scope: Scope, eventNo: string): Promise<InsuranceEvent | undefined> {
  const e = await findVisibleEvent(db.kysely, scope, eventNo);
  if (!e) return undefined;
  return { countyCode: e.county_code, eventId: Number(e.id), eventNo: e.event_no, kind: e.kind, name: e.name, startedOn: e.started_on, endedOn: e.ended_on };
}

/**
 * The event and the household (of the event's county, in the caller's scope) with its live damage entry;
 * undefined when the event or the household is missing or out of scope.
 */
export async function damagedHouse(db: Database, scope: Scope, eventNo: string, householdNo: string): Promise<DamagedHouse | undefined> {
  const e = await insuranceEvent(db, scope, eventNo);
  if (!e) return undefined;
  const h = await db.kysely.selectFrom('households').select(['id', 'household_no', 'village_code'])
    .where('county_code', '=', e.countyCode).where('household_no', '=', householdNo).executeTakeFirst();
  if (!h || !covers(scope, h.village_code)) return undefined;
  const d = await db.kysely.selectFrom('disaster_damage_entries')
    .select(['id', 'area_code', 'house_grade', 'house_structure', 'status', 'direct_loss_fen', 'household_type'])
    .where('county_code', '=', e.countyCode).where('event_id', '=', e.eventId).where('household_id', '=', Number(h.id)).where('status', '<>', 'void')
    .executeTakeFirst();
  return {
    ...e, householdId: Number(h.id), householdNo: h.household_no,
    entry: d && d.status !== 'void'
      ? { id: Number(d.id), areaCode: d.area_code, grade: d.house_grade, structure: d.house_structure, status: d.status, directLossFen: Number(d.direct_loss_fen), householdType: d.household_type }
      : null,
  };
}

export interface DamageEntryState { id: number; grade: DamageGrade; status: 'recorded' | 'verified' | 'void'; householdType: string }

/** The entries of a county by id, in one query (the reconciliation's). */
export async function damageEntriesById(db: Database, countyCode: string, ids: readonly number[]): Promise<Map<number, DamageEntryState>> {
  const out = new Map<number, DamageEntryState>();
  if (ids.length === 0) return out;
  const rows = await db.kysely.selectFrom('disaster_damage_entries').select(['id', 'house_grade', 'status', 'household_type'])
    .where('county_code', '=', countyCode).where('id', 'in', [...new Set(ids)]).execute();
  for (const r of rows) out.set(Number(r.id), { id: Number(r.id), grade: r.house_grade, status: r.status, householdType: r.household_type });
  return out;
}

/**
 * The housing subsidy (倒房重建 / 损房维修) decided for a household in an event, in fen, or null: the
 * members of the event's `housing` batches that are decided, not excluded, at or below the batch's
 * `decided_through` (the chunked decision's cursor).
 */
export async function housingSubsidyFor(db: Database, countyCode: string, eventId: number, householdId: number): Promise<number | null> {
  const m = await housingSubsidies(db, countyCode, [{ eventId, householdId }]);
  return m.get(`${eventId}:${householdId}`) ?? null;
}

/** `housingSubsidyFor` for many (event, household) pairs in one query, keyed `eventId:householdId`. */
export async function housingSubsidies(db: Database, countyCode: string, pairs: readonly { eventId: number; householdId: number }[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (pairs.length === 0) return out;
  const keys = JSON.stringify(pairs.map((p) => ({ event_id: p.eventId, household_id: p.householdId })));
  const { rows } = await sql<{ event_id: number; household_id: number; amount_fen: number }>`
    with k as (select * from jsonb_to_recordset(cast(${keys} as jsonb)) as k (event_id bigint, household_id bigint))
    select b.event_id, m.household_id, sum(m.amount_fen)::bigint as amount_fen
    from k join disaster_batches b on b.county_code = ${countyCode} and b.event_id = k.event_id and b.kind = 'housing' and b.status = 'decided'
    join disaster_batch_members m on m.county_code = b.county_code and m.batch_id = b.id and m.household_id = k.household_id
    where not m.excluded and m.ordinal <= b.decided_through
    group by b.event_id, m.household_id`.execute(db.kysely);
  for (const r of rows) out.set(`${Number(r.event_id)}:${Number(r.household_id)}`, Number(r.amount_fen));
  return out;
}
