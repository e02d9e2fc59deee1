// Document numbers: prefix (two capitals: a programme's case prefix such as 低保's, or PC batch, SL intake
// request, JB complaint) + county (6) + year (4) + 6 digits, counted per (prefix, county, year) by the
// `next_serials` function of migration 0060: gapless, and the millionth number of one county and year
// is refused rather than repeated.
import { sql, type QueryExecutorProvider } from 'kysely';

export type SerialPrefix = string;

/** `PP` + county + year + six digits. */
export const SERIAL_PATTERN = /^[A-Z]{2}\d{16}$/;

/** The next number of a register. Call inside the writing transaction (a rollback gives it back). */
export async function nextSerialNo(tx: QueryExecutorProvider, prefix: SerialPrefix, countyCode: string, year: string): Promise<string> {
  if (!/^[A-Z]{2}$/.test(prefix)) throw new Error(`serial prefix must be two capitals: ${prefix}`);
  const { rows } = await sql<{ n: string }>`select lpad(next_serials(${prefix}, ${countyCode}, ${year}, 1)::text, 6, '0') as n`.execute(tx);
  return `${prefix}${countyCode}${year}${rows[0]!.n}`;
}

/** `count` consecutive numbers of a register (a block, as bulk writers take them); same rules as `nextSerialNo`. */
export async function nextSerialBlock(tx: QueryExecutorProvider, prefix: SerialPrefix, countyCode: string, year: string, count: number): Promise<string[]> {
  if (!/^[A-Z]{2}$/.test(prefix)) throw new Error(`serial prefix must be two capitals: ${prefix}`);
  if (count <= 0) return [];
  const { rows } = await sql<{ n: string }>`select next_serials(${prefix}, ${countyCode}, ${year}, ${count}) as n`.execute(tx);
  const first = Number(rows[0]!.n);
  return Array.from({ length: count }, (_, i) => `${prefix}${countyCode}${year}${String(first + i).padStart(6, '0')}`);
}
