// `jiuzhu db copy --to postgres://…`: a PGlite data folder into an empty PostgreSQL database, when a bureau outgrows
// the embedded engine. The schema comes from the migrations (so the server gets exactly what a fresh install gets:
// roles, grants, row security), the data by COPY table by table in one transaction, parents before children so
// that every foreign key is checked as the rows arrive; the tables' own triggers (statistics roll-ups, append-only
// guards) are off meanwhile, since their results are copied too. Sequences continue where the folder's stopped.
// Proven after the commit: every table's row count equals the folder's and the audit chain verifies.
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../db/engine.ts';
import { migrate } from '../db/migrate.ts';
import { AppError } from '../kernel/errors.ts';
import { confirmTarget } from './confirm.ts';
import { countsOf, countsSql, emptyPublicSchema, TABLE_NAMES_SQL } from './tables.ts';

export interface CopyResult {
  tables: number;
  rows: number;
  sequences: number;
  auditEntries: number;
}

interface TableInfo {
  name: string;
  /** The columns COPY carries (generated ones are computed again on the server). */
  columns: string[];
  parents: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tablesOf(source: Database): Promise<TableInfo[]> {
  const names = (await sql<{ name: string }>`${sql.raw(TABLE_NAMES_SQL)}`.execute(source.kysely)).rows.map((r) => r.name);
  const cols = (await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace s on s.oid = c.relnamespace
     where s.nspname = 'public' and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     order by c.relname, a.attnum`.execute(source.kysely)).rows;
  const fks = (await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace s on s.oid = c.relnamespace
     where k.contype = 'f' and s.nspname = 'public' and c.relname <> p.relname`.execute(source.kysely)).rows;
  return names.map((name) => ({
    name,
    columns: cols.filter((c) => c.table === name).map((c) => c.column),
    parents: [...new Set(fks.filter((f) => f.child === name).map((f) => f.parent))],
  }));
}

/** Parents before children; a cycle of foreign keys between tables cannot be copied this way and is named. */
export function parentsFirst(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: TableInfo[] = [];
  const visit = (t: TableInfo, path: string[]) => {
    if (done.has(t.name)) return;
    if (visiting.has(t.name)) throw new Error(`foreign keys form a cycle: ${[...path, t.name].join(' → ')}`);
    visiting.add(t.name);
    for (const p of t.parents) {
      const parent = byName.get(p);
      if (parent) visit(parent, [...path, t.name]);
    }
    visiting.delete(t.name);
    done.add(t.name);
    order.push(t);
  };
  for (const t of tables) visit(t, []);
  return order;
}

async function copyTable(source: Database, client: pg.ClientBase, t: TableInfo): Promise<number> {
  const list = t.columns.map(quote).join(', ');
  const csv = await source.copyCsvOut(`public.${quote(t.name)}`, t.columns.map(quote));
  if (csv.length === 0) return 0;
  const stream = client.query(copyFrom(`copy public.${quote(t.name)} (${list}) from stdin with (format csv)`));
  await pipeline(Readable.from([csv]), stream);
  return stream.rowCount;
}

/**
 * Copies the PGlite database `source` into the empty PostgreSQL database at `url` (its schema is created here).
 * `onTable` reports progress (tables done, of all).
 */
export async function copyToServer(source: Database, target: Database, url: string, onTable?: (done: number, total: number, name: string) => void): Promise<CopyResult> {
  const existing = Number((await sql<{ n: number }>`select count(*) as n from (${sql.raw(TABLE_NAMES_SQL)}) t`.execute(target.kysely)).rows[0]?.n ?? 0);
  if (existing > 0) throw new AppError('restore_target_not_empty', `目标数据库 ${new URL(url).pathname.slice(1)} 不是空的（已有 ${existing} 张表）：只能复制到空数据库 / the target database is not empty`, 400);
  await migrate(target);
  const tables = parentsFirst(await tablesOf(source));
  const names = tables.map((t) => t.name);
  const sequences = (await sql<{ name: string; value: number | null; called: boolean }>`
    select sequencename as name, last_value as value, last_value is not null as called from pg_sequences where schemaname = 'public'`.execute(source.kysely)).rows;

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    // Off first: the append-only guards refuse TRUNCATE too.
    for (const n of names) await client.query(`alter table public.${quote(n)} disable trigger user`);
    // What the migrations seeded (programmes, parameters, the migrations' own rows) comes again from the folder.
    await client.query(`truncate ${names.map((n) => `public.${quote(n)}`).join(', ')}`);
    let done = 0;
    for (const t of tables) {
      await copyTable(source, client, t);
      onTable?.(++done, tables.length, t.name);
    }
    for (const n of names) await client.query(`alter table public.${quote(n)} enable trigger user`);
    for (const s of sequences) {
      if (s.value !== null) await client.query('select setval($1::regclass, $2, true)', [`public.${quote(s.name)}`, s.value]);
    }
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    await client.end();
    await emptyAgain(target);
    throw e;
  }
  await client.end();

  try {
    const expected = countsOf((await sql<Record<string, unknown>>`${sql.raw(countsSql(names))}`.execute(source.kysely)).rows);
    const found = countsOf((await sql<Record<string, unknown>>`${sql.raw(countsSql(names))}`.execute(target.kysely)).rows);
    await confirmTarget(target, expected, found, { after: '复制后', against: '内置数据库', actor: 'db-copy' });
    return { tables: names.length, rows: Object.values(found).reduce((a, b) => a + b, 0), sequences: sequences.length, auditEntries: found['audit_log'] ?? 0 };
  } catch (e) {
    await emptyAgain(target);
    throw e;
  }
}

/** The schema the migrations made is dropped again: the target is as empty as it was. */
async function emptyAgain(target: Database): Promise<void> {
  await emptyPublicSchema(async (text) => (await sql.raw<Record<string, unknown>>(text).execute(target.kysely)).rows);
}
