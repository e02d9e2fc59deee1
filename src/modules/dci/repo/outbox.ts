// The durable outbox of callbacks (dci_outbox): claimed with a lease (so a crash or a second instance retries
// rather than loses or doubles a delivery), one undelivered row per ordering key at a time (order per household).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export const LEASE_SECONDS = 60;

export async function enqueue(db: Kysely<DB>, row: { client_id: string; url: string; action: string; body: string; ordering_key: string; correlation_id: string | null }): Promise<number> {
  const r = await db.insertInto('dci_outbox').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export interface ClaimedRow {
  id: number;
  url: string;
  action: string;
  body: unknown;
  attempts: number;
}

/** Claims up to `limit` due rows, each the oldest open one of its key, leasing them for LEASE_SECONDS; nothing goes to a revoked client. */
export async function claimDue(db: Kysely<DB>, now: Date, limit: number): Promise<ClaimedRow[]> {
  const lease = new Date(now.getTime() + LEASE_SECONDS * 1000);
  const r = await sql<ClaimedRow>`
    update dci_outbox set next_attempt_at = ${lease}
    where id in (
      select o.id from dci_outbox o
      where o.delivered_at is null and o.failed_at is null and o.next_attempt_at <= ${now}
        and exists (select 1 from dci_clients c where c.client_id = o.client_id and c.revoked_at is null)
        and not exists (select 1 from dci_outbox p where p.ordering_key = o.ordering_key and p.id < o.id and p.delivered_at is null and p.failed_at is null)
      order by o.id limit ${limit}
      for update skip locked)
    returning id, url, action, body, attempts`.execute(db);
  // update … returning keeps no order: deliveries go out in id order.
  return r.rows.map((x) => ({ ...x, id: Number(x.id) })).sort((a, b) => a.id - b.id);
}

export async function markDelivered(db: Kysely<DB>, id: number, at: Date): Promise<void> {
  await db.updateTable('dci_outbox').set((eb) => ({ delivered_at: at, attempts: eb('attempts', '+', 1), last_error: null })).where('id', '=', id).execute();
}

export async function markFailed(db: Kysely<DB>, id: number, error: string, next: Date | null, at: Date): Promise<void> {
  await db.updateTable('dci_outbox').set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500), ...(next ? { next_attempt_at: next } : { failed_at: at }) })).where('id', '=', id).execute();
}

export function outboxRows(db: Kysely<DB>, clientId: string) {
  return db.selectFrom('dci_outbox').selectAll().where('client_id', '=', clientId).orderBy('id').execute();
}
