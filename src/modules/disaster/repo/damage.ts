// Damage-register rows (受灾户登记): insert, read one or a page in the caller's scope with totals, and
// guarded updates (the row's version, its status) for corrections, verifications and voiding.
import { sql, type Kysely, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';
import type { DamageStatus, HouseGrade } from '../codes.ts';
import type { DisasterDamageEntryTable } from '../tables.ts';
import type { EventKey } from './reports.ts';

/** An entry with its household's number and head's name (unmasked: the service masks it). */
export type EntryRow = Selectable<DisasterDamageEntryTable> & { household_no: string; head_name: string | null };

const FROM = sql`disaster_damage_entries d
  join households h on h.county_code = d.county_code and h.id = d.household_id
  left join members m on m.county_code = d.county_code and m.household_id = d.household_id and m.relation = 'head'`;
const COLUMNS = sql`d.*, h.household_no, m.name as head_name`;

/** Serialises registrations of one household on one event (the live-entry check then holds). */
export async function lockHousehold(tx: Kysely<DB>, event: EventKey, householdId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`disaster-damage:${event.county_code}:${event.id}:${householdId}`}))`.execute(tx);
}

export async function liveEntryExists(tx: Kysely<DB>, event: EventKey, householdId: number): Promise<boolean> {
  const row = await tx.selectFrom('disaster_damage_entries').select('id').where('county_code', '=', event.county_code).where('event_id', '=', event.id)
    .where('household_id', '=', householdId).where('status', '<>', 'void').executeTakeFirst();
  return row !== undefined;
}

/**
 * The household's entry on the event in the caller's scope: its live one, else its latest void one.
 * `forUpdate` locks it (inside a write).
 */
export async function findEntry(db: Kysely<DB>, scope: Scope, event: EventKey, householdNo: string, forUpdate = false): Promise<EntryRow | undefined> {
  const { rows } = await sql<EntryRow>`select ${COLUMNS} from ${FROM}
    where d.county_code = ${event.county_code} and d.event_id = ${event.id} and h.household_no = ${householdNo} and ${inScope(scope, 'd.area_code')}
    order by (d.status = 'void'), d.id desc limit 1 ${forUpdate ? sql`for update of d` : sql``}`.execute(db);
  return rows[0];
}

export interface EntryFilter {
  area?: string;
  status?: DamageStatus;
  grade?: HouseGrade;
  after?: number;
  limit: number;
}

function listWhere(event: EventKey, scope: Scope, f: Omit<EntryFilter, 'after' | 'limit'>) {
  const where = [sql<SqlBool>`d.county_code = ${event.county_code}`, sql<SqlBool>`d.event_id = ${event.id}`, inScope(scope, 'd.area_code')];
  if (f.area !== undefined) where.push(inArea(f.area, 'd.area_code'));
  if (f.status !== undefined) where.push(sql<SqlBool>`d.status = ${f.status}`);
  if (f.grade !== undefined) where.push(sql<SqlBool>`d.house_grade = ${f.grade}`);
  return sql.join(where, sql` and `);
}

/** A page of entries in id order (`after` is the last id of the previous page). */
export async function listEntries(db: Kysely<DB>, scope: Scope, event: EventKey, f: EntryFilter): Promise<EntryRow[]> {
  const { rows } = await sql<EntryRow>`select ${COLUMNS} from ${FROM} where ${listWhere(event, scope, f)}
    ${f.after !== undefined ? sql`and d.id > ${f.after}` : sql``} order by d.id limit ${f.limit}`.execute(db);
  return rows;
}

export interface TotalRow {
  house_grade: HouseGrade;
  status: DamageStatus;
  households: number;
  persons: number;
  loss: string;
}

/** Households, persons and loss by grade and status over every entry the filters select. */
export async function entryTotals(db: Kysely<DB>, scope: Scope, event: EventKey, f: Omit<EntryFilter, 'after' | 'limit'>): Promise<TotalRow[]> {
  const { rows } = await sql<TotalRow>`select d.house_grade, d.status, count(*)::int as households, coalesce(sum(d.persons_affected), 0)::int as persons,
      coalesce(sum(d.direct_loss_fen), 0)::text as loss
    from disaster_damage_entries d where ${listWhere(event, scope, f)} group by d.house_grade, d.status`.execute(db);
  return rows;
}

/** Updates the entry if it is still at `version` (and, when given, in `status`); false when it moved on. */
export async function updateEntry(tx: Kysely<DB>, e: Pick<EntryRow, 'county_code' | 'id'>, version: number, patch: Updateable<DisasterDamageEntryTable>, status?: DamageStatus): Promise<boolean> {
  let q = tx.updateTable('disaster_damage_entries').set({ ...patch, version: version + 1, updated_at: new Date() })
    .where('county_code', '=', e.county_code).where('id', '=', e.id).where('version', '=', version);
  if (status !== undefined) q = q.where('status', '=', status);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
