/**
 * The records of one demo load: the whole prefecture plus a few households in each given township (so that
 * the demo caseworkers' screens show data), all drawn against one ID allocator so that no two people of the
 * load share an ID number, whatever the parts' seeds.
 */
import type { HouseholdRecord } from '../types.ts';
import { generateDemoHouseholds } from './generate.ts';
import { IdAllocator } from './id-allocator.ts';
import type { DemoVillage } from './options.ts';

export interface DemoPart {
  count: number;
  seed: string;
  villages: DemoVillage[];
}

/** The prefecture's part and one per township that has villages (≈0.5% of the households, at least 10). */
export function demoParts(households: number, seed: string, villages: DemoVillage[], townships: readonly string[]): DemoPart[] {
  const parts: DemoPart[] = [{ count: households, seed, villages }];
  for (const township of townships) {
    const own = villages.filter((v) => v.code.startsWith(township));
    if (own.length > 0 && households > 0) parts.push({ count: Math.max(10, Math.round(households * 0.005)), seed: `${seed}:${township}`, villages: own });
  }
  return parts;
}

export function* demoPartRecords(parts: readonly DemoPart[], year = 2015): Generator<HouseholdRecord> {
  const ids = new IdAllocator(`${year}-06-30`);
  for (const part of parts) yield* generateDemoHouseholds({ seed: part.seed, count: part.count, villages: part.villages, year, ids });
}
