import type { Database } from '../../db/engine.ts';
import { type Scope } from '../../kernel/scope.ts';
import { allow } from './permissions.ts';
import * as repo from './repo.ts';
import { verifyChains, type VerifyResult } from './verify.ts';

export async function listEntries(db: Database, scope: Scope, q: { limit: number; before?: number | undefined; entity?: string | undefined; entityId?: string | undefined }) {
  allow(scope, 'audit.read');
  const rows = await repo.listAudit(db.kysely, scope, q);
  return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actorName: r.actor_name, actorDisplayName: r.actor_display_name, action: r.action, entity: r.entity, entityId: r.entity_id, areaCode: r.area_code, areaName: r.area_name }));
}

/** Verifies every chain of the prefecture: reveals only ok/not-ok, entry ids and chain keys, never content. */
export async function verify(db: Database, scope: Scope, onProgress?: (n: number) => void): Promise<VerifyResult> {
  allow(scope, 'audit.verify');
  // One snapshot, so entries committing meanwhile (ids drawn earlier in another chain) cannot look like gaps.
  if (db.engine === 'postgres') {
    return db.kysely.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute((tx) => verifyChains(tx, onProgress));
  }
  return verifyChains(db.kysely, onProgress);
}
