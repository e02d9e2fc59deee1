/**
 * The rehearsal of distribution on one database: every distributed table copied (columns, defaults, checks,
 * keys and indexes) into a scratch schema as `partition by hash (county_code)` with N partitions, its rows
 * copied in, then its foreign keys added between the copies (to the originals for reference tables). A
 * partitioned table's primary and unique keys must include the partition key, as a Citus shard key must,
 * so this fails on the key that would stop `create_distributed_table`. The scratch schema is dropped after.
 */
import { sql } from 'kysely';
import type { Database } from './engine.ts';
import { readCatalogue } from './distribution-check.ts';
import { DISTRIBUTION_COLUMN, TABLE_CLASSES, tablesOf, type TableClass } from './distribution.ts';

export interface Rehearsal {
  tables: number;
  partitions: number;
  rows: number;
  foreignKeys: number;
  /** One line per statement refused, naming the table. */
  failures: string[];
}

const SCHEMA = 'citus_rehearsal';
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function rehearsePartitioning(db: Database, opts: { partitions?: number; classes?: Readonly<Record<string, TableClass>> } = {}): Promise<Rehearsal> {
  const n = opts.partitions ?? 4;
  const classes = opts.classes ?? TABLE_CLASSES;
  const tables = tablesOf('distributed', classes);
  const failures: string[] = [];
  const run = async (table: string, text: string): Promise<boolean> => {
    try {
      await sql.raw(text).execute(db.kysely);
      return true;
    } catch (e) {
      failures.push(`${table}: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  };
  const made: string[] = [];
  let rows = 0;
  let foreignKeys = 0;
  await sql.raw(`create schema ${SCHEMA}`).execute(db.kysely);
  try {
    for (const t of tables) {
      const created = await run(t, `create table ${SCHEMA}.${q(t)} (like public.${q(t)} including defaults including constraints including indexes)
        partition by hash (${DISTRIBUTION_COLUMN})`);
      if (!created) continue;
      made.push(t);
      for (let r = 0; r < n; r++) {
        await run(t, `create table ${SCHEMA}.${q(`${t}_p${r}`)} partition of ${SCHEMA}.${q(t)} for values with (modulus ${n}, remainder ${r})`);
      }
    }
    for (const t of made) {
      const copied = await sql<{ n: number }>`with c as (insert into ${sql.raw(`${SCHEMA}.${q(t)}`)} select * from ${sql.raw(`public.${q(t)}`)} returning 1)
        select count(*)::int as n from c`.execute(db.kysely).catch((e: unknown) => {
        failures.push(`${t}: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      });
      rows += copied?.rows[0]?.n ?? 0;
    }
    const cat = await readCatalogue(db);
    for (const fk of cat.foreignKeys.filter((f) => made.includes(f.table))) {
      const target = made.includes(fk.target) ? `${SCHEMA}.${q(fk.target)}` : `public.${q(fk.target)}`;
      const added = await run(fk.table, `alter table ${SCHEMA}.${q(fk.table)} add constraint ${q(fk.name)}
        foreign key (${fk.columns.map(q).join(', ')}) references ${target} (${fk.targetColumns.map(q).join(', ')})`);
      if (added) foreignKeys++;
    }
  } finally {
    // one table at a time: the whole schema in one statement takes more locks than a lock table holds
    for (const t of [...made].reverse()) await sql.raw(`drop table if exists ${SCHEMA}.${q(t)} cascade`).execute(db.kysely);
    await sql.raw(`drop schema if exists ${SCHEMA} cascade`).execute(db.kysely);
  }
  return { tables: made.length, partitions: made.length * n, rows, foreignKeys, failures };
}
