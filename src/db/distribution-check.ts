/**
 * The Citus-readiness rules (docs/scale-out.md), read from the catalogue of a migrated database: what a
 * cluster distributing the household tables on `county_code` would refuse, found on one PostgreSQL.
 */
import { sql } from 'kysely';
import type { Database } from './engine.ts';
import { DISTRIBUTION_COLUMN, IDENTITY_TABLES, TABLE_CLASSES, type TableClass } from './distribution.ts';

export interface Catalogue {
  tables: { name: string; columns: string[] }[];
  /** Primary keys, unique constraints and unique indexes (partial ones too); expression columns are null. */
  uniques: { table: string; name: string; primary: boolean; columns: (string | null)[] }[];
  foreignKeys: { table: string; name: string; columns: string[]; target: string; targetColumns: string[] }[];
}

export async function readCatalogue(db: Database, schema = 'public'): Promise<Catalogue> {
  const tables = await sql<{ name: string; columns: string[] }>`
    select c.relname as name,
           array(select a.attname::text from pg_attribute a
                  where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = ${schema} and c.relkind in ('r', 'p') and not c.relispartition
     order by c.relname`.execute(db.kysely);
  const uniques = await sql<{ table: string; name: string; primary: boolean; columns: (string | null)[] }>`
    select c.relname as table, i.relname as name, x.indisprimary as primary,
           array(select a.attname::text
                   from unnest(x.indkey::int2[]) with ordinality u (n, i)
                   left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.n
                  where u.i <= x.indnkeyatts order by u.i) as columns
      from pg_index x
      join pg_class c on c.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = ${schema} and x.indisunique and not c.relispartition
     order by c.relname, i.relname`.execute(db.kysely);
  const foreignKeys = await sql<{ table: string; name: string; columns: string[]; target: string; targetColumns: string[] }>`
    select c.relname as table, k.conname as name, r.relname as target,
           array(select a.attname::text from unnest(k.conkey) with ordinality u (n, i)
                   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as columns,
           array(select a.attname::text from unnest(k.confkey) with ordinality u (n, i)
                   join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as "targetColumns"
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class r on r.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = ${schema} and k.contype = 'f' and k.conparentid = 0 and not c.relispartition
     order by c.relname, k.conname`.execute(db.kysely);
  return { tables: tables.rows, uniques: uniques.rows, foreignKeys: foreignKeys.rows };
}

/** Every broken rule, one sentence each naming the table (and the key); empty when the schema is ready. */
export function distributionViolations(cat: Catalogue, classes: Readonly<Record<string, TableClass>> = TABLE_CLASSES): string[] {
  const out: string[] = [];
  const col = DISTRIBUTION_COLUMN;
  const names = new Set(cat.tables.map((t) => t.name));
  for (const t of cat.tables) {
    const cls = classes[t.name];
    if (cls === undefined) {
      out.push(`${t.name}: not classified in src/db/distribution.ts (distributed, reference or local)`);
      continue;
    }
    if (cls !== 'distributed') continue;
    if (!t.columns.includes(col)) out.push(`${t.name}: distributed but has no ${col} column`);
    const keys = cat.uniques.filter((u) => u.table === t.name);
    if (!keys.some((u) => u.primary)) out.push(`${t.name}: distributed but has no primary key`);
    for (const u of keys) {
      if (!u.columns.includes(col)) out.push(`${t.name}: ${u.primary ? 'primary key' : 'unique key'} ${u.name} (${u.columns.map((c) => c ?? 'expression').join(', ')}) lacks ${col}`);
    }
  }
  for (const name of Object.keys(classes)) {
    if (!names.has(name)) out.push(`${name}: classified in src/db/distribution.ts but no such table`);
  }
  for (const fk of cat.foreignKeys) {
    const from = classes[fk.table];
    const to = classes[fk.target];
    if (from === undefined || to === undefined) continue;
    const what = `${fk.table}: foreign key ${fk.name} → ${fk.target}`;
    if (from === 'distributed' && to === 'distributed') {
      const i = fk.columns.indexOf(col);
      if (i < 0 || fk.targetColumns[i] !== col) out.push(`${what} is not co-located (${col} must map to ${col})`);
    } else if (from === 'distributed' && to === 'local') {
      out.push(`${what}: a distributed table may point only at distributed or reference tables`);
    } else if (from === 'reference' && to !== 'reference') {
      out.push(`${what}: a reference table may point only at reference tables`);
    } else if (from === 'local' && to === 'distributed') {
      out.push(`${what}: a local table may not point at a distributed one`);
    }
  }
  for (const [table, key] of Object.entries(IDENTITY_TABLES)) {
    const t = cat.tables.find((x) => x.name === table);
    const pk = cat.uniques.find((u) => u.table === table && u.primary);
    if (!t) out.push(`${table}: identity table missing`);
    else if (classes[table] !== 'reference') out.push(`${table}: identity table must be a reference table`);
    else if (!pk || pk.columns.length !== 1 || pk.columns[0] !== key) out.push(`${table}: identity table must be keyed by ${key} alone`);
    else if (!t.columns.includes(col)) out.push(`${table}: identity table must record the ${col} that holds the person`);
  }
  return out;
}
