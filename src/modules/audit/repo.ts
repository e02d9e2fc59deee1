import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope, type Scope } from '../../kernel/scope.ts';
import { chainHash, GENESIS_HASH } from '../../kernel/audit/hash.ts';


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

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

/** Walks the whole chain in id order (keyset pages) and names the first row that fails. */
export async function verifyChain(db: Kysely<DB>, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastId = -1;
  let checked = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(2000).execute();
    if (page.length === 0) return { ok: true, checked, firstBrokenId: null, reason: null };
    for (const r of page) {
      if (r.prev_hash !== prevHash) return { ok: false, checked, firstBrokenId: r.id, reason: 'prev_hash does not match the previous entry (a row was removed or reordered)' };
      const expected = chainHash(prevHash, {
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        areaCode: r.area_code,
        before: r.before ?? null,
        after: r.after ?? null,
      });
      if (expected !== r.hash) return { ok: false, checked, firstBrokenId: r.id, reason: 'content does not match its hash (the row was edited)' };
      prevHash = r.hash;
      lastId = r.id;
      checked++;
    }
    onProgress?.(checked);
  }
}
