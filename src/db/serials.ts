import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

/** Document number prefixes: 低保 case, 特困 case, review batch, intake request (受理), complaint (举报). */
export type SerialPrefix = 'DB' | 'TK' | 'PC' | 'SL' | 'JB';

/**
 * The next number of a register: prefix + county (6) + year (4) + 6 digits, counted per
 * (prefix, county, year) by `next_serials` (migration 0060). Call inside the writing transaction.
 */
export async function nextSerialNo(tx: Kysely<DB>, prefix: SerialPrefix, countyCode: string, year: string): Promise<string> {
  const { rows } = await sql<{ n: string }>`select lpad(next_serials(${prefix}, ${countyCode}, ${year}, 1)::text, 6, '0') as n`.execute(tx);
  return `${prefix}${countyCode}${year}${rows[0]!.n}`;
}
