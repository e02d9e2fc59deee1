/**
 * The household tables really hash-partitioned by county on a PostgreSQL server (issue #24 item 5,
 * docs/scale-out.md): every table classed `distributed` in src/db/distribution.ts is converted in place into
 * `partition by hash (county_code)` with N partitions `<table>_p0…`, keeping what the application relies on
 * (src/db/partition-table.ts). Each table converts in a transaction of its own — one transaction for all would
 * hold a lock per partition and index of every table at once, more than a default lock table holds — and a
 * failure converts the tables this run had converted back, so the database is left as it was. Everything that
 * cannot be carried over is refused before anything changes. A table already partitioned is skipped.
 */
import { AppError } from '../kernel/errors.ts';
import { distributionViolations, readCatalogue } from './distribution-check.ts';
import { TABLE_CLASSES, tablesOf, type TableClass } from './distribution.ts';
import type { Database } from './engine.ts';
import { readTableDefinition, type TableDefinition } from './partition-catalogue.ts';
import { convertTable, type TableConversion } from './partition-table.ts';
import './error-codes.ts';

export interface PartitionReport extends Omit<TableConversion, 'partitions'> {
  /** Tables converted by this run. */
  tables: string[];
  /** Distributed tables that were partitioned already, left alone. */
  skipped: string[];
  /** Partitions created. */
  partitions: number;
  seconds: number;
}

export interface PartitionOptions {
  partitions: number;
  onProgress?: (done: number, total: number, table: string) => void;
  /** The classes to read the distributed tables from (tests plant tables here); default src/db/distribution.ts. */
  classes?: Readonly<Record<string, TableClass>>;
}

export const MAX_PARTITIONS = 1024;

export async function partitionByCounty(db: Database, opts: PartitionOptions): Promise<PartitionReport> {
  const started = Date.now();
  if (db.engine !== 'postgres') {
    throw new AppError('partition_needs_server', '嵌入式数据库（PGlite）只服务一个县级机构，不分区；请在 PostgreSQL 服务器上运行 / partitioning needs a PostgreSQL server (DATABASE_URL), not the embedded database', 400);
  }
  if (!Number.isInteger(opts.partitions) || opts.partitions < 1 || opts.partitions > MAX_PARTITIONS) {
    throw AppError.field('partitions', `应为 1–${MAX_PARTITIONS} 的整数（收到 ${opts.partitions}）/ must be an integer from 1 to ${MAX_PARTITIONS}`);
  }
  const classes = opts.classes ?? TABLE_CLASSES;
  const definitions = await readDefinitions(db, classes);
  const todo = definitions.filter((d) => d.kind !== 'p');
  const report: PartitionReport = {
    tables: [], skipped: definitions.filter((d) => d.kind === 'p').map((d) => d.table), partitions: 0, rows: 0, keys: 0, indexes: 0,
    foreignKeys: 0, referencing: 0, triggers: 0, policies: 0, views: 0, seconds: 0,
  };
  let current = '';
  try {
    for (const def of todo) {
      current = def.table;
      // Read again inside the loop: converting an earlier table re-created the foreign keys and policies that
      // name this one, and the definition read before the run would drop them by stale text.
      const done = await db.kysely.transaction().execute(async (tx) => {
        const d = await readTableDefinition(tx, def.table);
        return d === null ? null : convertTable(tx, d, opts.partitions);
      });
      if (done === null) throw new Error('table vanished during the conversion');
      report.tables.push(def.table);
      for (const k of ['rows', 'partitions', 'keys', 'indexes', 'foreignKeys', 'referencing', 'triggers', 'policies', 'views'] as const) report[k] += done[k];
      opts.onProgress?.(report.tables.length, todo.length, def.table);
    }
  } catch (e) {
    const cause = e instanceof Error ? e.message : String(e);
    const undone = await undo(db, report.tables);
    throw new AppError(
      'partition_failed',
      `分区失败于表 ${current} / partitioning failed at table ${current}: ${cause}` + (undone === null ? '; 已转换的表已还原 / the tables converted were converted back' : `; 还原也失败 / converting back failed too: ${undone}`),
      500,
      { table: current, converted: report.tables },
    );
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** Every distributed table's definition; refuses, naming each table, what cannot be converted. */
async function readDefinitions(db: Database, classes: Readonly<Record<string, TableClass>>): Promise<TableDefinition[]> {
  const tables = tablesOf('distributed', classes);
  const violations = distributionViolations(await readCatalogue(db), { ...TABLE_CLASSES, ...classes })
    .filter((v) => tables.some((t) => v.startsWith(`${t}:`)));
  const definitions: TableDefinition[] = [];
  for (const t of tables) {
    const def = await readTableDefinition(db.kysely, t);
    if (def === null) violations.push(`${t}: no such table`);
    else {
      violations.push(...def.unsupported);
      definitions.push(def);
    }
  }
  if (violations.length > 0) {
    throw new AppError('partition_refused', `不能按县分区，未做任何改动 / cannot partition by county, nothing changed: ${violations.join('; ')}`, 400, { violations });
  }
  return definitions;
}

/** Converts back to plain tables, last first; null when all went back, else the failure. */
async function undo(db: Database, converted: readonly string[]): Promise<string | null> {
  try {
    for (const t of [...converted].reverse()) {
      await db.kysely.transaction().execute(async (tx) => {
        const def = await readTableDefinition(tx, t);
        if (def !== null && def.kind === 'p') await convertTable(tx, def, null);
      });
    }
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
