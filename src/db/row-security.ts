import { sql, type Kysely } from 'kysely';
import type { Scope } from '../kernel/scope.ts';
import type { Database } from './engine.ts';
import type { DB } from './schema.ts';

/** The role row-level security applies to (migration 0081); the owner is never restricted. */
export const SCOPED_ROLE = 'jiuzhu_scoped';

/**
 * Within the current transaction, the household tables show and accept only the scope's rows:
 * the scope is set locally and the transaction continues as the restricted role.
 */
export async function applyRowSecurity(tx: Kysely<DB>, scope: Scope): Promise<void> {
  const prefix = scope.kind === 'system' ? '*' : scope.kind === 'citizen' ? '' : scope.prefix;
  const households = scope.kind === 'citizen' ? scope.households.join(',') : '';
  // `role` set locally is `set local role`: one round trip for the three settings.
  await sql`select set_config('jiuzhu.scope_prefix', ${prefix}, true), set_config('jiuzhu.scope_households', ${households}, true), set_config('role', ${SCOPED_ROLE}, true)`.execute(tx);
}

/**
 * Lets the restricted role use every table and sequence; run after migrations, as tables come and go.
 * Under the migrations' advisory lock: two instances starting together would otherwise update the
 * same catalog rows at once and one fails with "tuple concurrently updated".
 */
export async function grantScopedRole(db: Database, lockKey: number): Promise<void> {
  await db.execScript(`select pg_advisory_xact_lock(${lockKey});
    grant usage on schema public to ${SCOPED_ROLE};
    grant select, insert, update, delete on all tables in schema public to ${SCOPED_ROLE};
    grant usage, select, update on all sequences in schema public to ${SCOPED_ROLE};`);
}
