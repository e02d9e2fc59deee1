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
  const [id] = await appendAuditEntries(tx, actor, [entry]);
  if (id === undefined) throw new Error('audit entry not appended');
  return id;
}

/**
 * Appends several entries, in order, as `appendAudit` would one after the other (same chain, same hashes),
 * in two statements whatever their number: bulk work that changes many things at once (a payroll run over
 * many counties) keeps one entry per thing without a round trip per entry.
 */
export async function appendAuditEntries(tx: QueryExecutorProvider, actor: AuditActor, entries: readonly AuditEntry[]): Promise<number[]> {
  if (entries.length === 0) return [];
  // Outside a transaction the head's lock would end with its statement: make one.
  if (tx instanceof Kysely && !tx.isTransaction) return tx.transaction().execute((t) => appendAuditEntries(t, actor, entries));
  const at = new Date();
  // Creates the head on a chain's first entry, else re-stamps it unchanged: either way the row is locked
  // (a writer of the same chain waits here) and returns the last committed entry. nextval runs on the
  // returned row, i.e. after the lock; the chain is pinned for the rest of the transaction.
  const head = (await sql<{ chain_key: string; last_hash: string; ids: string[] }>`
    with k as (select coalesce(nullif(current_setting('jiuzhu.audit_chain', true), ''), cast(${chainKeyOf(entries[0]?.areaCode ?? null, at)} as text) || '/' || (pg_backend_pid() % ${sql.lit(AUDIT_STRIPES)})) as chain_key),
    h as (
      insert into audit_chain_heads (chain_key, last_id, last_hash) select chain_key, 0, ${GENESIS_HASH} from k
      on conflict (chain_key) do update set last_id = audit_chain_heads.last_id
      returning chain_key, last_hash)
    select chain_key, last_hash, set_config('jiuzhu.audit_chain', chain_key, true) as pinned,
      (select array_agg(i order by i) from (select nextval('audit_log_id_seq') as i from generate_series(1, ${entries.length}::int)) n)::text[] as ids
    from h`.execute(tx)).rows[0];
  if (!head) throw new Error('audit chain head not returned');
  const chainKey = head.chain_key;
  let prevHash = head.last_hash;
  const rows = entries.map((entry, i) => {
    const before = toJson(entry.before);
    const after = toJson(entry.after);
    const fields = {
      id: Number(head.ids[i]),
      at,
      actorId: actor.userId,
      actorName: actor.userName,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      areaCode: entry.areaCode ?? null,
      before: before === null ? null : (JSON.parse(before) as unknown),
      after: after === null ? null : (JSON.parse(after) as unknown),
      chainKey,
    };
    const hash = chainHash(prevHash, fields);
    const row = { id: fields.id, actor_id: fields.actorId, actor_name: fields.actorName, action: fields.action, entity: fields.entity, entity_id: fields.entityId, area_code: fields.areaCode, before, after, prev_hash: prevHash, hash };
    prevHash = hash;
    return row;
  });
  await sql`
    with e as (
      insert into audit_log (id, at, actor_id, actor_name, action, entity, entity_id, area_code, before, after, prev_hash, hash, chain_key)
      select r.id, ${at}, r.actor_id, r.actor_name, r.action, r.entity, r.entity_id, r.area_code, cast(r.before as jsonb), cast(r.after as jsonb), r.prev_hash, r.hash, ${chainKey}
      from jsonb_to_recordset(cast(${JSON.stringify(rows)} as jsonb)) as r(id bigint, actor_id bigint, actor_name text, action text, entity text,
        entity_id text, area_code text, before text, after text, prev_hash text, hash text)
      order by r.id
      returning id)
    update audit_chain_heads set last_id = (select max(id) from e), last_hash = ${prevHash} where chain_key = ${chainKey}`.execute(tx);
  return rows.map((r) => r.id);
}
