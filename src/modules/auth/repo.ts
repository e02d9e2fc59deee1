import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { UserWithArea } from '../users/index.ts';
import type { Counter, ThrottleKind } from './throttle.ts';

export async function insertSession(tx: Kysely<DB>, s: { token_hash: string; user_id: number; kind: 'cookie' | 'api'; label: string | null; expires_at: Date }): Promise<void> {
  await tx.insertInto('sessions').values(s).execute();
}

/** The active user of a session that has not expired, with its area's name and the session's expiry: one query. */
export async function findSessionUser(db: Kysely<DB>, tokenHash: string): Promise<(UserWithArea & { session_expires_at: Date }) | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('areas', 'areas.code', 'users.area_code')
    .selectAll('users')
    .select(['areas.name as area_name', 'sessions.expires_at as session_expires_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('users.active', '=', true)
    .executeTakeFirst();
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

/**
 * Deletes counters that no longer matter: their window is over, no wait is still due, and no success
 * within `knownDays` makes the address known. Without this the table keeps one row per name and address
 * ever tried (password spraying leaves thousands). At most `limit` rows per call.
 */
export async function pruneThrottle(db: Kysely<DB>, now: Date, rules: Record<ThrottleKind, { windowSeconds: number; capSeconds: number }>, knownDays: number, limit = 1000): Promise<number> {
  const knownSince = new Date(now.getTime() - knownDays * 86_400_000);
  const forgotten = (Object.keys(rules) as ThrottleKind[]).map((kind) => {
    const windowFrom = new Date(now.getTime() - rules[kind].windowSeconds * 1000);
    const waitFrom = new Date(now.getTime() - rules[kind].capSeconds * 1000);
    return sql<boolean>`(kind = ${kind} and window_start < ${windowFrom} and (last_at is null or last_at < ${waitFrom}))`;
  });
  const r = await db.deleteFrom('login_throttle')
    .where(sql<boolean>`(kind, username, ip) in (${db.selectFrom('login_throttle')
      .select(['kind', 'username', 'ip'])
      .where(sql<boolean>`(${sql.join(forgotten, sql` or `)})`)
      .where((w) => w.or([w('succeeded_at', 'is', null), w('succeeded_at', '<', knownSince)]))
      .limit(limit)})`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
