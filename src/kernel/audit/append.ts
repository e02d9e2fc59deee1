// Appending to the hash-chained audit log (table audit_log of the audit module, one chain per county and
// day: src/modules/audit/README.md) inside the caller's transaction. Every module that changes something
// calls this; the audit module reads and verifies.
import { Kysely, sql, type QueryExecutorProvider } from 'kysely';
import { AUDIT_STRIPES, canonicalJson, chainHash, chainKeyOf, GENESIS_HASH } from './hash.ts';

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
 * Appends one entry to a chain inside the caller's transaction. The chain is picked by the transaction's
 * first entry (its county, or the prefecture, or 'global', and its China date: chainKeyOf; the stripe by the
 * connection, so that concurrent writers of one county mostly take different heads) and kept for the
 * transaction's later entries, whatever their area: so a transaction locks one head row only, and writers
 * in different chains neither wait on each other nor deadlock over heads taken in opposite orders. The
 * head's lock orders the chain's writers until commit; the id is drawn after it, so ids rise along a chain.
 */
export async function appendAudit(tx: QueryExecutorProvider, actor: AuditActor, entry: AuditEntry): Promise<number> {
  // Outside a transaction the head's lock would end with its statement: make one.
  if (tx instanceof Kysely && !tx.isTransaction) return tx.transaction().execute((t) => appendAudit(t, actor, entry));
  const at = new Date();
  const areaCode = entry.areaCode ?? null;
  // Creates the head on a chain's first entry, else re-stamps it unchanged: either way the row is locked
  // (a writer of the same chain waits here) and returns the last committed entry. nextval runs on the
  // returned row, i.e. after the lock; the chain is pinned for the rest of the transaction.
  const head = (await sql<{ chain_key: string; last_hash: string; id: string }>`
    with k as (select coalesce(nullif(current_setting('jiuzhu.audit_chain', true), ''), cast(${chainKeyOf(areaCode, at)} as text) || '/' || (pg_backend_pid() % ${sql.lit(AUDIT_STRIPES)})) as chain_key),
    h as (
      insert into audit_chain_heads (chain_key, last_id, last_hash) select chain_key, 0, ${GENESIS_HASH} from k
      on conflict (chain_key) do update set last_id = audit_chain_heads.last_id
      returning chain_key, last_hash)
    select chain_key, last_hash, nextval('audit_log_id_seq') as id, set_config('jiuzhu.audit_chain', chain_key, true) as pinned from h`.execute(tx)).rows[0];
  if (!head) throw new Error('audit chain head not returned');
  const chainKey = head.chain_key;
  const id = Number(head.id);
  const before = toJson(entry.before);
  const after = toJson(entry.after);
  const fields = {
    id,
    at,
    actorId: actor.userId,
    actorName: actor.userName,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    areaCode,
    before: before === null ? null : (JSON.parse(before) as unknown),
    after: after === null ? null : (JSON.parse(after) as unknown),
    chainKey,
  };
  const prevHash = head.last_hash;
  const hash = chainHash(prevHash, fields);
  await sql`
    with e as (
      insert into audit_log (id, at, actor_id, actor_name, action, entity, entity_id, area_code, before, after, prev_hash, hash, chain_key)
      values (${id}, ${at}, ${fields.actorId}, ${fields.actorName}, ${fields.action}, ${fields.entity}, ${fields.entityId}, ${areaCode},
              cast(${before} as jsonb), cast(${after} as jsonb), ${prevHash}, ${hash}, ${chainKey})
      returning id)
    update audit_chain_heads set last_id = e.id, last_hash = ${hash} from e where chain_key = ${chainKey}`.execute(tx);
  return id;
}
