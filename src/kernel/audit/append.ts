// Appending to the hash-chained audit log (table audit_log of the audit module) inside the caller's
// transaction. Every module that changes something calls this; the audit module reads and verifies.
import { sql, type QueryExecutorProvider } from 'kysely';
import { canonicalJson, chainHash, GENESIS_HASH } from './hash.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  areaCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who acts: a user, or the system. */
export interface AuditActor {
  readonly userId: number | null;
  readonly userName: string;
}

/** Plain JSON copy (Dates → ISO strings), i.e. what jsonb will hand back. */
function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(JSON.parse(canonicalJson(value)));
}

/**
 * Appends one entry to the hash chain inside the caller's transaction. The advisory
 * lock orders concurrent writers, so each reads the hash of the last committed entry.
 */
export async function appendAudit(tx: QueryExecutorProvider, actor: AuditActor, entry: AuditEntry): Promise<number> {
  await sql`select pg_advisory_xact_lock(727002)`.execute(tx);
  const last = (await sql<{ hash: string }>`select hash from audit_log order by id desc limit 1`.execute(tx)).rows[0];
  const { rows } = await sql<{ id: string }>`select nextval('audit_log_id_seq') as id`.execute(tx);
  const id = Number(rows[0]?.id);
  const before = toJson(entry.before);
  const after = toJson(entry.after);
  const fields = {
    id,
    at: new Date(),
    actorId: actor.userId,
    actorName: actor.userName,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    areaCode: entry.areaCode ?? null,
    before: before === null ? null : (JSON.parse(before) as unknown),
    after: after === null ? null : (JSON.parse(after) as unknown),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await sql`insert into audit_log (id, at, actor_id, actor_name, action, entity, entity_id, area_code, before, after, prev_hash, hash)
    values (${id}, ${fields.at}, ${fields.actorId}, ${fields.actorName}, ${fields.action}, ${fields.entity}, ${fields.entityId}, ${fields.areaCode},
            cast(${before} as jsonb), cast(${after} as jsonb), ${prevHash}, ${chainHash(prevHash, fields)})`.execute(tx);
  return id;
}
