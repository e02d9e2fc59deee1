// Appending to the hash-chained audit log (table audit_log of the audit module, one chain per county and
// day: src/modules/audit/README.md) inside the caller's transaction. Every module that changes something
// calls this; the audit module reads and verifies.
import { Kysely, sql, type QueryExecutorProvider } from 'kysely';
import { canonicalJson, chainHash, chainKeyOf, GENESIS_HASH } from './hash.ts';

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
 * Appends one entry to its chain (county or prefecture, or 'global', and China date: chainKeyOf) inside the
 * caller's transaction. Locking that chain's head row orders the chain's writers until commit; writers of
 * other chains go on in parallel. The id is drawn after the lock, so ids rise along each chain.
 */
export async function appendAudit(tx: QueryExecutorProvider, actor: AuditActor, entry: AuditEntry): Promise<number> {
  // Outside a transaction the head's lock would end with its statement: make one.
  if (tx instanceof Kysely && !tx.isTransaction) return tx.transaction().execute((t) => appendAudit(t, actor, entry));
  const at = new Date();
  const areaCode = entry.areaCode ?? null;
  const chainKey = chainKeyOf(areaCode, at);
  // Creates the head on a chain's first entry, else re-stamps it unchanged: either way the row is locked
  // (a writer of the same chain waits here) and returns the last committed entry. nextval runs on the
  // returned row, i.e. after the lock.
  const head = (await sql<{ last_hash: string; id: string }>`
    with h as (
      insert into audit_chain_heads (chain_key, last_id, last_hash) values (${chainKey}, 0, ${GENESIS_HASH})
      on conflict (chain_key) do update set last_id = audit_chain_heads.last_id
      returning last_hash)
    select last_hash, nextval('audit_log_id_seq') as id from h`.execute(tx)).rows[0];
  if (!head) throw new Error(`audit chain ${chainKey}: head not returned`);
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
