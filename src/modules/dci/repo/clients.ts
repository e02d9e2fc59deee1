// Registered SPDCI clients (dci_clients).
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { allInScope, type Scope } from '../../../kernel/scope.ts';

export function findClient(db: Kysely<DB>, clientId: string) {
  return db.selectFrom('dci_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export function listClients(db: Kysely<DB>) {
  return db.selectFrom('dci_clients').selectAll().orderBy('client_id').execute();
}

export async function insertClient(db: Kysely<DB>, row: { client_id: string; name: string; secret_hash: string; area_codes: string[]; attributes: string[]; unmasked: string[]; jwks: string; callback_urls: string[]; created_by: string }): Promise<boolean> {
  const r = await db.insertInto('dci_clients').values(row).onConflict((oc) => oc.column('client_id').doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Revokes an active client in the scope; its areas, or null when there is none. */
export async function revokeClient(db: Kysely<DB>, scope: Scope, clientId: string, at: Date): Promise<string[] | null> {
  const r = await db.updateTable('dci_clients').set({ revoked_at: at }).where('client_id', '=', clientId).where('revoked_at', 'is', null)
    .where(allInScope(scope, 'area_codes')).returning('area_codes').executeTakeFirst();
  return r ? r.area_codes : null;
}

export async function existingAreas(db: Kysely<DB>, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  return (await db.selectFrom('areas').select('code').where('code', 'in', codes).execute()).map((r) => r.code);
}

export async function topAreas(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('areas').select('code').where('parent_code', 'is', null).execute()).map((r) => r.code);
}

export async function refreshClient(db: Kysely<DB>, clientId: string, set: { area_codes: string[]; secret_hash: string }): Promise<void> {
  await db.updateTable('dci_clients').set({ ...set, revoked_at: null }).where('client_id', '=', clientId).execute();
}
