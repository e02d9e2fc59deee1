// Placeholder until h/partition's src/db/partition.ts is merged: partitioning is refused.
import type { Database } from '../../src/db/engine.ts';

export async function partitionCounties(db: Database, partitions: number): Promise<void> {
  void db;
  throw new Error(`--partitions ${partitions}: partitioning needs src/db/partition.ts (branch h/partition)`);
}
