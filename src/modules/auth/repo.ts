import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Counter, ThrottleKind } from './throttle.ts';

export async function insertSession(tx: Kysely<DB>, s: { token_hash: string; user_id: number; kind: 'cookie' | 'api'; label: string | null; expires_at: Date }): Promise<void> {
  await tx.insertInto('sessions').values(s).execute();
}

export async function findSessionUser(db: Kysely<DB>, tokenHash: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select('sessions.user_id')
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('users.active', '=', true)
    .executeTakeFirst();
  return row?.user_id;
}

export async function findSession(db: Kysely<DB>, tokenHash: string): Promise<{ user_id: number; kind: 'cookie' | 'api'; label: string | null; expires_at: Date } | undefined> {
  return db.selectFrom('sessions').select(['user_id', 'kind', 'label', 'expires_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Returns whether there was such a session. */
export async function deleteSession(tx: Kysely<DB>, tokenHash: string): Promise<boolean> {
  const r = await tx.deleteFrom('sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export async function recordAttempt(db: Kysely<DB>, a: { username: string; ip: string; success: boolean }): Promise<void> {
  await db.insertInto('login_attempts').values(a).execute();
}

export interface ThrottleKey {
  kind: ThrottleKind;
  username: string;
  ip: string;
}

/**
 * The counter of a key, created if missing and row-locked until the transaction ends: concurrent
 * attempts on the same key (PostgreSQL) wait here, so each one sees the counts of those before it.
 */
export async function lockCounter(tx: Kysely<DB>, key: ThrottleKey, now: Date): Promise<Counter & { succeededAt: Date | null }> {
  const row = await tx
    .insertInto('login_throttle')
    .values({ ...key, window_start: now })
    .onConflict((oc) => oc.columns(['kind', 'username', 'ip']).doUpdateSet((eb) => ({ failures: eb.ref('login_throttle.failures') })))
    .returning(['failures', 'window_start', 'last_at', 'succeeded_at'])
    .executeTakeFirstOrThrow();
  return { failures: row.failures, windowStart: row.window_start, lastAt: row.last_at, succeededAt: row.succeeded_at };
}

export async function saveCounter(tx: Kysely<DB>, key: ThrottleKey, c: Counter): Promise<void> {
  await tx
    .updateTable('login_throttle')
    .set({ failures: c.failures, window_start: c.windowStart, last_at: c.lastAt })
    .where('kind', '=', key.kind)
    .where('username', '=', key.username)
    .where('ip', '=', key.ip)
    .execute();
}

/** A correct password: the pair starts afresh and its address is known; the others give back the attempt. */
export async function settleSuccess(tx: Kysely<DB>, pair: ThrottleKey, others: ThrottleKey[], now: Date): Promise<void> {
  await tx
    .updateTable('login_throttle')
    .set({ failures: 0, window_start: now, last_at: null, succeeded_at: now })
    .where('kind', '=', 'pair')
    .where('username', '=', pair.username)
    .where('ip', '=', pair.ip)
    .execute();
  for (const k of others) {
    await tx
      .updateTable('login_throttle')
      .set((eb) => ({ failures: sql<number>`greatest(${eb.ref('failures')} - 1, 0)` }))
      .where('kind', '=', k.kind)
      .where('username', '=', k.username)
      .where('ip', '=', k.ip)
      .execute();
  }
}
