import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

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

export async function deleteSession(tx: Kysely<DB>, tokenHash: string): Promise<void> {
  await tx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function recordAttempt(db: Kysely<DB>, a: { username: string; ip: string; success: boolean }): Promise<void> {
  await db.insertInto('login_attempts').values(a).execute();
}

/** Failures since the later of `since` and the last success for the same key. */
export async function recentFailures(db: Kysely<DB>, key: 'username' | 'ip', value: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('login_attempts as a')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(`a.${key}`, '=', value)
    .where('a.success', '=', false)
    .where('a.at', '>', since)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('login_attempts as s').select('s.id').where(`s.${key}`, '=', value).where('s.success', '=', true).whereRef('s.at', '>', 'a.at'))),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
