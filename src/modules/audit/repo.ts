import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope, type Scope } from '../../kernel/scope.ts';
import type { AuditLogTable } from './tables.ts';

export async function listAudit(db: Kysely<DB>, scope: Scope, opts: { limit: number; before?: number | undefined; entity?: string | undefined; entityId?: string | undefined }) {
  // With the actor's display name and the area's name: staff read 州民政局管理员 and 都匀市, not qiannan.admin and 522701.
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .leftJoin('areas', 'areas.code', 'audit_log.area_code')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_name', 'users.display_name as actor_display_name', 'audit_log.action', 'audit_log.entity', 'audit_log.entity_id', 'audit_log.area_code', 'areas.name as area_name'])
    .where(inScope(scope, 'audit_log.area_code'))
    .orderBy('audit_log.id', 'desc')
    .limit(opts.limit);
  if (opts.before !== undefined) q = q.where('audit_log.id', '<', opts.before);
  if (opts.entity !== undefined) q = q.where('audit_log.entity', '=', opts.entity);
  if (opts.entityId !== undefined) q = q.where('audit_log.entity_id', '=', opts.entityId);
  return q.execute();
}

export type AuditRow = Selectable<AuditLogTable>;

/** Entries in id order after `afterId` (keyset page), optionally of one chain and up to an id. */
export async function auditPage(db: Kysely<DB>, opts: { afterId: number; limit: number; chainKey?: string; upTo?: number }): Promise<AuditRow[]> {
  let q = db.selectFrom('audit_log').selectAll().where('id', '>', opts.afterId).orderBy('id').limit(opts.limit);
  if (opts.chainKey !== undefined) q = q.where('chain_key', '=', opts.chainKey);
  if (opts.upTo !== undefined) q = q.where('id', '<=', opts.upTo);
  return q.execute();
}

export async function chainHeads(db: Kysely<DB>) {
  return db.selectFrom('audit_chain_heads').selectAll().execute();
}
