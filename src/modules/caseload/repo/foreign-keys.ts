// The foreign keys of the tables an import writes, checked set-based on PGlite instead of row by row.
// PostgreSQL checks a foreign key by a trigger per inserted row (a query of the parent and a FOR KEY SHARE
// lock on its row): for the caseload's four tables, nine checks per case, half the write's time on PGlite.
// PGlite is one session, held by the import's transaction from BEGIN to COMMIT: no other transaction can
// delete or change a parent row meanwhile, so the lock guards nothing there, and one anti-join per key over
// each statement's rows finds exactly the rows the triggers would refuse. The triggers are disabled inside
// the transaction and enabled again before its commit (a rollback restores them too): what is committed
// always has them. Only the keys read from the catalog that such a check covers (MATCH SIMPLE, another
// parent, no column with a default) are taken over; any other keeps its trigger. PostgreSQL (many sessions,
// read committed) keeps the triggers.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  parent: string;
  parentColumns: string[];
  /** Its row-by-row check on insert (RI_FKey_check_ins). */
  trigger: string;
}

/** The foreign keys of `tables` that a set-based check covers, with their insert triggers. */
export async function foreignKeysOf(tx: Kysely<DB>, tables: readonly string[]): Promise<ForeignKey[]> {
  const { rows } = await sql<{ name: string; table: string; parent: string; columns: string; parent_columns: string; trigger: string }>`
    select c.conname as name, child.relname as table, parent.relname as parent, t.tgname as trigger,
      (select string_agg(a.attname, ',' order by k.o) from unnest(c.conkey) with ordinality as k (n, o)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as columns,
      (select string_agg(a.attname, ',' order by k.o) from unnest(c.confkey) with ordinality as k (n, o)
        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n) as parent_columns
    from pg_constraint c join pg_class child on child.oid = c.conrelid join pg_class parent on parent.oid = c.confrelid
    join pg_trigger t on t.tgconstraint = c.oid and t.tgrelid = c.conrelid and t.tgfoid = 'pg_catalog."RI_FKey_check_ins"'::regproc and t.tgenabled = 'O'
    where c.contype = 'f' and c.confmatchtype = 's' and c.conrelid <> c.confrelid
      and c.conrelid = any(cast(${`{${tables.join(',')}}`} as regclass[]))
      and not exists (select 1 from pg_attribute a where a.attrelid = c.conrelid and a.attnum = any(c.conkey) and (a.atthasdef or a.attgenerated <> ''))
    order by child.relname, c.conname`.execute(tx);
  return rows.map((r) => ({ name: r.name, table: r.table, parent: r.parent, columns: r.columns.split(','), parentColumns: r.parent_columns.split(','), trigger: r.trigger }));
}

/** The keys' insert triggers off (or on again), inside the transaction. */
export async function switchTriggers(tx: Kysely<DB>, keys: readonly ForeignKey[], on: boolean): Promise<void> {
  for (const k of keys) await sql`alter table ${sql.table(k.table)} ${sql.raw(on ? 'enable' : 'disable')} trigger ${sql.ref(k.trigger)}`.execute(tx);
}

/**
 * How many of the rows `u` of a statement break `key`: all its columns given (MATCH SIMPLE: a null passes)
 * and no parent row with those values. `value`: a column's expression over `u`, or null where the
 * statement leaves the column null (then no row can break the key: undefined).
 */
export function brokenRows(key: ForeignKey, value: (column: string) => RawBuilder<unknown> | null): RawBuilder<number> | undefined {
  const values = key.columns.map(value);
  if (values.some((v) => v === null)) return undefined;
  const given = values as RawBuilder<unknown>[];
  const matches = key.parentColumns.map((c, i) => sql`${sql.ref(`p.${c}`)} = ${given[i]!}`);
  return sql<number>`(select count(*)::int from u where ${sql.join(given.map((v) => sql`${v} is not null`), sql` and `)}
    and not exists (select 1 from ${sql.table(key.parent)} as p where ${sql.join(matches, sql` and `)}))`;
}
