import type { Database } from '../../db/engine.ts';
import { type Scope } from '../../kernel/scope.ts';
import { allow } from './permissions.ts';
import * as repo from './repo.ts';

export async function listEntries(db: Database, scope: Scope, q: { limit: number; before?: number | undefined; entity?: string | undefined; entityId?: string | undefined }) {
  allow(scope, 'audit.read');
  const rows = await repo.listAudit(db.kysely, scope, q);
  return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actorName: r.actor_name, actorDisplayName: r.actor_display_name, action: r.action, entity: r.entity, entityId: r.entity_id, areaCode: r.area_code, areaName: r.area_name }));
}

/** The chain is global: verifying it reveals only ok/not-ok and an entry id, never content. */
export async function verify(db: Database, scope: Scope, onProgress?: (n: number) => void) {
  allow(scope, 'audit.verify');
  return repo.verifyChain(db.kysely, onProgress);
}
