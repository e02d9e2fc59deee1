// What a backup's manifest records and a restore checks: every table's row count and the migrations applied.

/** Every table of the public schema (a partitioned table once, as its parent). */
export const TABLE_NAMES_SQL = `
  select c.relname as name
    from pg_class c join pg_namespace s on s.oid = c.relnamespace
   where s.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
   order by c.relname`;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** One statement counting every named table (run in the snapshot's transaction, or while PGlite is held). */
export function countsSql(names: readonly string[]): string {
  return names.map((n) => `select ${quoteLiteral(n)} as name, count(*) as n from public.${quoteIdent(n)}`).join('\nunion all\n');
}

/**
 * Empties a PostgreSQL database's public schema (a failed restore or copy undone). Partitioned tables go first, one
 * statement (one transaction) each: dropping a schema of hundreds of partitions at once takes more locks than the
 * server's lock table holds ("out of shared memory", src/db/partition.ts).
 */
export async function emptyPublicSchema(query: (text: string) => Promise<readonly Record<string, unknown>[]>): Promise<void> {
  const parents = await query(`select c.relname as name from pg_partitioned_table p join pg_class c on c.oid = p.partrelid
    join pg_namespace s on s.oid = c.relnamespace where s.nspname = 'public' and not c.relispartition`);
  for (const r of parents) await query(`drop table if exists public.${quoteIdent(String(r['name']))} cascade`);
  await query('drop schema public cascade');
  await query('create schema public');
}

export const MIGRATIONS_SQL = `select version || '_' || name as migration from schema_migrations order by version`;

export function countsOf(rows: readonly Record<string, unknown>[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [String(r['name']), Number(r['n'])]));
}

export function migrationsOf(rows: readonly Record<string, unknown>[]): string[] {
  return rows.map((r) => String(r['migration']));
}

/** The tables whose counts differ between two snapshots, as "table: expected → found". */
export function countDifferences(expected: Record<string, number>, found: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
  return names.filter((n) => expected[n] !== found[n]).map((n) => `${n}: ${expected[n] ?? '无此表'} → ${found[n] ?? '无此表'}`);
}
