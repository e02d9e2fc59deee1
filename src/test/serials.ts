// Test helpers for document numbers: take the next number in its own transaction, or set a counter.
import { sql } from 'kysely';
import type { Database } from '../db/engine.ts';
import { nextSerialNo, type SerialPrefix } from '../kernel/serials.ts';

export function serialCounters(db: () => Database) {
  return {
    next: (prefix: SerialPrefix, county: string, year: string) => db().kysely.transaction().execute((tx) => nextSerialNo(tx, prefix, county, year)),
    setCounter: (prefix: string, county: string, year: string, last: number) =>
      sql`insert into serial_counters values (${prefix}, ${county}, ${year}, ${last})
          on conflict (prefix, county_code, year) do update set last_no = excluded.last_no`.execute(db().kysely),
  };
}
