// Subscriptions (dci_subscriptions) and the change feed they follow: registry_history, written in the same
// transaction as every change of a household or member (so nothing changes without a row here).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea } from '../../../kernel/scope.ts';
import type { Condition } from '../service/query.ts';
import { conditionSql } from './search.ts';

export async function insertSubscription(db: Kysely<DB>, row: { code: string; client_id: string; reg_event_type: string; filter: string; notify_record_type: string; callback_url: string; cursor_id: number; status: 'subscribe' }): Promise<void> {
  await db.insertInto('dci_subscriptions').values(row).execute();
}

export function activeSubscriptions(db: Kysely<DB>) {
  return db.selectFrom('dci_subscriptions').selectAll().where('status', '=', 'subscribe').orderBy('created_at').orderBy('code').execute();
}

export function subscriptionsOf(db: Kysely<DB>, clientId: string, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('dci_subscriptions').selectAll().where('client_id', '=', clientId).where('code', 'in', codes).execute();
}

export async function unsubscribe(db: Kysely<DB>, clientId: string, codes: readonly string[], at: Date): Promise<void> {
  await db.updateTable('dci_subscriptions').set({ status: 'unsubscribe', unsubscribed_at: at }).where('client_id', '=', clientId).where('code', 'in', codes).execute();
}

export async function advanceCursor(db: Kysely<DB>, code: string, from: number, to: number): Promise<boolean> {
  const r = await db.updateTable('dci_subscriptions').set({ cursor_id: to }).where('code', '=', code).where('cursor_id', '=', from).where('status', '=', 'subscribe').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function lastHistoryId(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ id: number | null }>`select max(id) as id from registry_history`.execute(db);
  return Number(r.rows[0]?.id ?? 0);
}

export interface Change {
  id: number;
  county_code: string;
  household_id: number;
  action: string;
  subject: string | null;
  at: Date;
  members_now: number;
}

/** The end of the next window of at most `limit` history rows after `cursor` (`cursor` itself: nothing new). */
export async function windowEnd(db: Kysely<DB>, cursor: number, limit: number): Promise<number> {
  const r = await sql<{ id: number | null }>`select max(id) as id from (select id from registry_history where id > ${cursor} order by id limit ${limit}) w`.execute(db);
  return r.rows[0]?.id === null || r.rows[0]?.id === undefined ? cursor : Number(r.rows[0].id);
}

/**
 * History rows in (cursor, last] of households in the areas that match `condition` now, with the household's
 * member count (a household left without members is deregistered).
 */
export async function changesSince(db: Kysely<DB>, s: { cursor: number; last: number; areaCodes: readonly string[]; condition: Condition; today: string }): Promise<Change[]> {
  const last = s.last;
  if (last <= s.cursor || s.areaCodes.length === 0) return [];
  const areas = sql.join(s.areaCodes.map((a) => inArea(a, 'h.village_code')), sql` or `);
  const r = await sql<Change>`
    select rh.id, rh.county_code, rh.household_id, rh.action, rh.subject, rh.at,
      (select count(*)::int from members m where m.county_code = h.county_code and m.household_id = h.id) as members_now
    from registry_history rh join households h on h.county_code = rh.county_code and h.id = rh.household_id
    where rh.id > ${s.cursor} and rh.id <= ${last} and (${areas}) and ${conditionSql(s.condition, 'Group', s.today)}
    order by rh.id`.execute(db);
  return r.rows.map((x) => ({ ...x, id: Number(x.id), household_id: Number(x.household_id), members_now: Number(x.members_now) }));
}
