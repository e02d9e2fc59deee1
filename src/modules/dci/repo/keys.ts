// The registry's own signing keys (dci_keys).
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export function activeKeys(db: Kysely<DB>) {
  return db.selectFrom('dci_keys').selectAll().where('retired_at', 'is', null).orderBy('created_at', 'desc').orderBy('kid').execute();
}

export async function insertKey(db: Kysely<DB>, row: { kid: string; algorithm: 'ed25519'; private_pem: string; public_jwk: string }): Promise<void> {
  await db.insertInto('dci_keys').values(row).onConflict((oc) => oc.column('kid').doNothing()).execute();
}
