import { sql, type QueryExecutorProvider, type SelectQueryBuilder } from 'kysely';

/** A list's total, exact up to `cap`; `capped`: more match than that ("10,000+"). */
export interface CappedTotal {
  total: number;
  capped: boolean;
}

/**
 * Counts the rows of `q` only up to `cap` + 1 (`count(*)` over `limit cap+1`), so that a search matching
 * most of the prefecture costs no more than one matching ten thousand.
 */
export async function countUpTo<D, TB extends keyof D, O>(db: QueryExecutorProvider, q: SelectQueryBuilder<D, TB, O>, cap: number): Promise<CappedTotal> {
  const limited = q.clearSelect().select(sql<number>`1`.as('one')).limit(cap + 1);
  const { rows } = await sql<{ n: string }>`select count(*) as n from ${limited.as('x')}`.execute(db);
  const n = Number(rows[0]?.n ?? 0);
  return { total: Math.min(n, cap), capped: n > cap };
}
