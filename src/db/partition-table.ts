/**
 * One table re-created in place, in the caller's transaction: as `partition by hash (county_code)` with N
 * partitions, or (partitions null) back as a plain table. The old table is renamed aside, the new one created
 * like it (columns, defaults, checks, comments), the rows copied, the serial sequences handed over, the old one
 * dropped; then keys, indexes, foreign keys both ways, triggers, row security, policies (its own and other
 * tables' that name it), views reading it, grants and comments are re-created from the definition read before.
 */
import { sql, type Kysely } from 'kysely';
import { DISTRIBUTION_COLUMN } from './distribution.ts';
import { q, type TableDefinition } from './partition-catalogue.ts';
import type { DB } from './schema.ts';

export interface TableConversion {
  rows: number;
  partitions: number;
  keys: number;
  indexes: number;
  foreignKeys: number;
  referencing: number;
  triggers: number;
  policies: number;
  views: number;
}

const ASIDE = '__jz_old';
/** `CREATE [UNIQUE] INDEX name ON [ONLY] table USING …` as pg_get_indexdef writes it. */
const INDEX_DEF = /^(CREATE (?:UNIQUE )?INDEX )\S+ ON (?:ONLY )?\S+ (USING .*)$/s;
const MAX_NAME = 63;

/**
 * Each partition's key or index named after the parent's (`<name>_p<r>`), created before the parent's, which
 * then adopts them: a unique violation names the partition's index, and `households_pkey_p3` still says which
 * key refused the row (PostgreSQL would name it after the partition and the columns). Names too long for that
 * are left to PostgreSQL.
 */
function ownNames(table: string, name: string, partitions: number | null): { partition: string; name: string }[] {
  const n = partitions ?? 0;
  if (`${name}_p${n - 1}`.length > MAX_NAME) return [];
  return Array.from({ length: n }, (_, r) => ({ partition: `${table}_p${r}`, name: `${name}_p${r}` }));
}

export async function convertTable(tx: Kysely<DB>, def: TableDefinition, partitions: number | null): Promise<TableConversion> {
  const run = async (statement: string): Promise<bigint> => (await sql.raw(statement).execute(tx)).numAffectedRows ?? 0n;
  const t = def.table;
  const aside = `${t}${ASIDE}`;
  for (const v of def.views) await run(v.drop);
  for (const p of def.dependentPolicies) await run(p.drop);
  for (const f of def.referencing) await run(f.drop);
  await run(`alter table ${q(t)} rename to ${q(aside)}`);
  await run(`create table ${q(t)} (like ${q(aside)} including defaults including constraints including generated
    including comments including storage including compression)${partitions === null ? '' : ` partition by hash (${DISTRIBUTION_COLUMN})`}`);
  for (let r = 0; r < (partitions ?? 0); r++) {
    await run(`create table ${q(`${t}_p${r}`)} partition of ${q(t)} for values with (modulus ${partitions}, remainder ${r})`);
  }
  const cols = def.columns.map(q).join(', ');
  // ONLY on a plain table leaves out inheritance children (which then stop the drop below); a partitioned
  // table's rows are all in its partitions.
  const copied = await run(`insert into ${q(t)} (${cols}) select ${cols} from ${def.kind === 'p' ? '' : 'only '}${q(aside)}`);
  for (const s of def.sequences) await run(s);
  await run(`drop table ${q(aside)}`);
  for (const k of def.keys) {
    for (const p of ownNames(t, k.name, partitions)) await run(`alter table ${q(p.partition)} add constraint ${q(p.name)} ${k.def}`);
    await run(`alter table ${q(t)} add constraint ${q(k.name)} ${k.def}`);
  }
  for (const i of def.indexes) {
    const parts = INDEX_DEF.exec(i.def);
    if (parts) for (const p of ownNames(t, i.name, partitions)) await run(`${parts[1]}${q(p.name)} ON ${q(p.partition)} ${parts[2]}`);
    await run(i.def);
  }
  for (const s of def.foreignKeys) await run(s);
  for (const f of def.referencing) await run(f.add);
  for (const s of [...def.triggers, ...def.disabledTriggers]) await run(s);
  const partitionNames = Array.from({ length: partitions ?? 0 }, (_, r) => q(`${t}_p${r}`));
  if (def.rowSecurity) {
    // Partitions with row security and no policy: the restricted role sees nothing through a partition named
    // directly; through the parent, the parent's policies apply (PostgreSQL ignores the partitions' own).
    for (const name of [q(t), ...partitionNames]) await run(`alter table ${name} enable row level security`);
  }
  if (def.forceRowSecurity) for (const name of [q(t), ...partitionNames]) await run(`alter table ${name} force row level security`);
  for (const s of def.policies) await run(s);
  for (const p of def.dependentPolicies) await run(p.add);
  for (const v of def.views) for (const s of v.add) await run(s);
  for (const s of [...def.grants, ...def.comments]) await run(s);
  return {
    rows: Number(copied),
    partitions: partitions ?? 0,
    keys: def.keys.length,
    indexes: def.indexes.length,
    foreignKeys: def.foreignKeys.length,
    referencing: def.referencing.length,
    triggers: def.triggers.length,
    policies: def.policies.length,
    views: def.views.length,
  };
}
