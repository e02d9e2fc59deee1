import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { UserRow } from './tables.ts';
import { inScope, type Scope } from '../../kernel/scope.ts';

export type UserWithArea = UserRow & { area_name: string };

const withArea = (db: Kysely<DB>) =>
  db.selectFrom('users').innerJoin('areas', 'areas.code', 'users.area_code').selectAll('users').select('areas.name as area_name');

export async function findByUsername(db: Kysely<DB>, username: string): Promise<UserWithArea | undefined> {
  return withArea(db).where('users.username', '=', username).executeTakeFirst();
}

/** Unscoped: resolving the user behind a session token happens before any scope exists. */
export async function findById(db: Kysely<DB>, id: number): Promise<UserWithArea | undefined> {
  return withArea(db).where('users.id', '=', id).executeTakeFirst();
}

/**
 * The display names of these user names (what staff read: 广惠街道窗口经办员, not guanghui.caseworker). Names only,
 * unscoped: an entry's actor is shown to whoever may read the entry. A name with no account (a job's `system`,
 * `demo`) is not in the map.
 */
export async function displayNames(db: Kysely<DB>, usernames: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(usernames)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['username', 'display_name']).where('username', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.username, r.display_name]));
}

export async function listUsers(db: Kysely<DB>, scope: Scope): Promise<UserWithArea[]> {
  return withArea(db).where(inScope(scope, 'users.area_code')).orderBy('users.area_code').orderBy('users.username').execute();
}

export async function insertUser(tx: Kysely<DB>, u: { username: string; display_name: string; role: string; area_code: string; department: string | null; password_hash: string }): Promise<number> {
  const row = await tx.insertInto('users').values(u).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setPassword(tx: Kysely<DB>, id: number, hash: string): Promise<void> {
  await tx.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
}

export async function updateUser(tx: Kysely<DB>, id: number, u: { role: string; area_code: string; department: string | null; active: boolean }): Promise<void> {
  await tx.updateTable('users').set(u).where('id', '=', id).execute();
}

/** Ends every session and API token of a user; returns how many there were. */
export async function revokeSessions(tx: Kysely<DB>, userId: number): Promise<number> {
  const r = await tx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
