// Set-based steps that hash or aggregate a few hundred thousand rows (a rescreen's fingerprints per case,
// its judged hits) spill to disk in batches at PostgreSQL's default work_mem (4 MB). They get more memory
// for their own statements; the transaction's setting is restored afterwards (on an error the transaction
// is rolled back, and the setting with it).
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Enough for the hash tables of 300,000 cases or 220,000 hits in memory (hash nodes may use twice as much). */
export const BULK_WORK_MEM = '64MB';

export async function withWorkMem<T>(tx: Kysely<DB>, size: string, fn: () => Promise<T>): Promise<T> {
  if (!/^\d+(kB|MB|GB)$/.test(size)) throw new Error(`work_mem: ${size} is not a size such as 64MB`);
  const { rows } = await sql<{ before: string }>`select current_setting('work_mem') as before, set_config('work_mem', ${size}, true)`.execute(tx);
  const result = await fn();
  await sql`select set_config('work_mem', ${rows[0]!.before}, true)`.execute(tx);
  return result;
}
