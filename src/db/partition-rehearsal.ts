/**
 * The rehearsal of distribution on one database: the in-place conversion of src/db/partition.ts (every
 * distributed table as `partition by hash (county_code)` with N partitions, its rows copied in, its keys, indexes
 * and foreign keys both ways re-created) run on each table in a transaction that is then rolled back, so nothing
 * changes. A partitioned table's primary and unique keys must include the partition key, as a Citus shard key
 * must, so this fails on the key that would stop `create_distributed_table`. One table at a time: it needs the
 * free space and the locks of one table's copy, not of all of them. Runs on both engines (the conversion itself
 * is refused on PGlite, which serves one county office).
 */
import { sql } from 'kysely';
import type { Database } from './engine.ts';
import { TABLE_CLASSES, tablesOf, type TableClass } from './distribution.ts';
import { readTableDefinition } from './partition-catalogue.ts';
import { convertTable, type TableConversion } from './partition-table.ts';

export interface Rehearsal {
  tables: number;
  partitions: number;
  rows: number;
  foreignKeys: number;
  /** One line per table refused, naming it. */
  failures: string[];
}

const EMPTY: TableConversion = { rows: 0, partitions: 0, keys: 0, indexes: 0, foreignKeys: 0, referencing: 0, triggers: 0, policies: 0, views: 0 };

/** Thrown to roll a rehearsed table's transaction back, carrying what the conversion did. */
class RolledBack extends Error {
  constructor(readonly conversion: TableConversion) {
    super('rehearsal rolled back');
  }
}

export async function rehearsePartitioning(db: Database, opts: { partitions?: number; classes?: Readonly<Record<string, TableClass>> } = {}): Promise<Rehearsal> {
  const n = opts.partitions ?? 4;
  const out: Rehearsal = { tables: 0, partitions: 0, rows: 0, foreignKeys: 0, failures: [] };
  for (const t of tablesOf('distributed', opts.classes ?? TABLE_CLASSES)) {
    try {
      await db.kysely.transaction().execute(async (tx) => {
        const def = await readTableDefinition(tx, t);
        if (def === null) throw new Error('no such table');
        if (def.unsupported.length > 0) throw new Error(def.unsupported.join('; '));
        if (def.kind === 'p') {
          // partitioned already (src/db/partition.ts): it stands as the rehearsal would have it
          const parts = await sql<{ n: number; rows: number }>`select count(*)::int as n, (select count(*)::int from ${sql.table(t)}) as rows
            from pg_inherits where inhparent = ${`public.${t}`}::regclass`.execute(tx);
          const { n: partitions = 0, rows = 0 } = parts.rows[0] ?? {};
          throw new RolledBack({ ...EMPTY, partitions, rows, foreignKeys: def.foreignKeys.length });
        }
        throw new RolledBack(await convertTable(tx, def, n));
      });
    } catch (e) {
      if (e instanceof RolledBack) {
        out.tables++;
        out.partitions += e.conversion.partitions;
        out.rows += e.conversion.rows;
        out.foreignKeys += e.conversion.foreignKeys;
      } else {
        out.failures.push(`${t}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return out;
}
