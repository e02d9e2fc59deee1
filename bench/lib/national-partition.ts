// The distributed tables hash-partitioned on county_code (src/db/partition.ts), with progress.
import type { Database } from '../../src/db/engine.ts';
import { partitionByCounty } from '../../src/db/partition.ts';

export async function partitionCounties(db: Database, partitions: number): Promise<void> {
  let last = 0;
  const r = await partitionByCounty(db, {
    partitions,
    onProgress: (done, total, table) => {
      if (performance.now() - last < 10_000 && done < total) return;
      last = performance.now();
      console.log(`    partitioned ${done} of ${total} tables (${table})`);
    },
  });
  console.log(`  ${r.tables.length} tables into ${r.partitions} partitions, ${r.rows} rows moved, ${r.seconds.toFixed(1)} s`);
}
