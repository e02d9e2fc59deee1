import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inScope, type Scope } from '../../db/scope.ts';
import { canonicalJson, chainHash, GENESIS_HASH } from './hash.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  areaCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Plain JSON copy (Dates → ISO strings), i.e. what jsonb will hand back. */
function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(JSON.parse(canonicalJson(value)));
}

/**
 * Appends one entry to the hash chain inside the caller's transaction. The advisory
 * lock orders concurrent writers, so each reads the hash of the last committed entry.
 */
export async function appendAudit(tx: Kysely<DB>, scope: Scope, entry: AuditEntry): Promise<number> {
  await sql`select pg_advisory_xact_lock(727002)`.execute(tx);
  const last = await tx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const { rows } = await sql<{ id: number }>`select nextval('audit_log_id_seq') as id`.execute(tx);
  const id = Number(rows[0]?.id);
  const before = toJson(entry.before);
  const after = toJson(entry.after);
  const fields = {
    id,
    at: new Date(),
    actorId: scope.userId,
    actorName: scope.userName,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    areaCode: entry.areaCode ?? null,
    before: before === null ? null : (JSON.parse(before) as unknown),
    after: after === null ? null : (JSON.parse(after) as unknown),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx
    .insertInto('audit_log')
    .values({
      id,
      at: fields.at,
      actor_id: fields.actorId,
      actor_name: fields.actorName,
      action: fields.action,
      entity: fields.entity,
      entity_id: fields.entityId,
      area_code: fields.areaCode,
      before,
      after,
      prev_hash: prevHash,
      hash: chainHash(prevHash, fields),
    })
    .execute();
  return id;
}

export async function listAudit(db: Kysely<DB>, scope: Scope, opts: { limit: number; before?: number | undefined; entity?: string | undefined; entityId?: string | undefined }) {
  let q = db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_name', 'action', 'entity', 'entity_id', 'area_code'])
    .where(inScope(scope, 'audit_log.area_code'))
    .orderBy('id', 'desc')
    .limit(opts.limit);
  if (opts.before !== undefined) q = q.where('id', '<', opts.before);
  if (opts.entity !== undefined) q = q.where('entity', '=', opts.entity);
  if (opts.entityId !== undefined) q = q.where('entity_id', '=', opts.entityId);
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
