// The users behind recently seen session tokens, per database, for a few seconds: most requests then resolve
// their caller without a query. Dropped at once in this process when a session ends or a user's role, area,
// department, password or active flag changes (the services call `forget…` after commit); on a server the same
// changes are announced to every instance (NOTIFY jiuzhu_sessions, migration 0141). The short lifetime bounds
// what a lost notice could leave behind; while this process is not listening, nothing is cached.
import type { Database } from '../../db/engine.ts';
import type { User } from './service.ts';

export const SESSION_CACHE = { ttlMs: 30_000, maxEntries: 10_000 } as const;

const CHANNEL = 'jiuzhu_sessions';

interface Entry {
  user: User;
  /** Until when (ms since the epoch) the entry may be used: the lifetime, never past the session's own expiry. */
  until: number;
}

interface Cache {
  entries: Map<string, Entry>;
  /** Raised by every drop: a lookup that started before one does not store what it read. */
  epoch: number;
  /** Resolves true while notices arrive (always on PGlite: one process, whose own changes drop entries). */
  listening: Promise<boolean> | null;
}

const caches = new WeakMap<Database, Cache>();

function cacheOf(db: Database): Cache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { entries: new Map(), epoch: 0, listening: null }));
  return c;
}

function dropAll(c: Cache): void {
  c.entries.clear();
  c.epoch++;
}

function dropUsers(c: Cache, ids: ReadonlySet<number>): void {
  for (const [key, e] of c.entries) if (ids.has(e.user.id)) c.entries.delete(key);
  c.epoch++;
}

/** A notice's payload: user ids separated by commas, or '*' for every user. */
function onNotice(c: Cache, payload: string | null): void {
  if (payload === null) {
    // The connection is gone: listen again on the next request, cache nothing meanwhile.
    c.listening = null;
    dropAll(c);
    return;
  }
  const ids = payload.split(',').map(Number);
  if (payload === '*' || ids.some((id) => !Number.isInteger(id))) dropAll(c);
  else dropUsers(c, new Set(ids));
}

function listening(db: Database, c: Cache): Promise<boolean> {
  c.listening ??= db.listen(CHANNEL, (payload) => onNotice(c, payload)).then(
    () => true,
    () => {
      c.listening = null;
      return false;
    },
  );
  return c.listening;
}

/**
 * The user of a session token (by its hash): from the cache, else `load` (which answers the user and the session's
 * expiry, or undefined for no valid session — never cached).
 */
export async function cachedSessionUser(db: Database, tokenHash: string, load: () => Promise<{ user: User; expiresAt: Date } | undefined>): Promise<User | undefined> {
  const c = cacheOf(db);
  const now = Date.now();
  const hit = c.entries.get(tokenHash);
  if (hit && hit.until > now) return hit.user;
  if (hit) c.entries.delete(tokenHash);
  const epoch = c.epoch;
  const [live, found] = await Promise.all([listening(db, c), load()]);
  if (!found) return undefined;
  if (live && c.epoch === epoch) {
    if (c.entries.size >= SESSION_CACHE.maxEntries) {
      const oldest = c.entries.keys().next();
      if (!oldest.done) c.entries.delete(oldest.value);
    }
    c.entries.set(tokenHash, { user: found.user, until: Math.min(now + SESSION_CACHE.ttlMs, found.expiresAt.getTime()) });
  }
  return found.user;
}

/** One session ended here (logout): its token is no longer taken from the cache. */
export function forgetSession(db: Database, tokenHash: string): void {
  const c = cacheOf(db);
  c.entries.delete(tokenHash);
  c.epoch++;
}

/** A user's sessions ended or their role, area, department or active flag changed here. */
export function forgetUserSessions(db: Database, userId: number): void {
  dropUsers(cacheOf(db), new Set([userId]));
}
