import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, testDatabase } from '../test/db.ts';
import type { Database } from './engine.ts';

describe(`concurrent transactions (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
    await sql`create table tx_probe (id int primary key, who text not null)`.execute(db.kysely);
  });
  afterAll(() => db.close());

  it('a rolled-back transaction does not erase the rows another one committed', async () => {
    const pause = () => new Promise((r) => setTimeout(r, 20));
    const committed = db.kysely.transaction().execute(async (tx) => {
      await sql`insert into tx_probe values (1, 'a')`.execute(tx);
      await pause();
      await sql`insert into tx_probe values (2, 'a')`.execute(tx);
    });
    const rolledBack = db.kysely.transaction().execute(async (tx) => {
      await sql`insert into tx_probe values (3, 'b')`.execute(tx);
      await pause();
      throw new Error('caseworker cancelled');
    });
    const [a, b] = await Promise.allSettled([committed, rolledBack]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    const rows = await db.kysely.selectFrom('tx_probe' as 'areas').select(sql<number>`id`.as('id')).orderBy(sql`id`).execute();
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it('many interleaved transactions each see only their own writes and all commit', async () => {
    await sql`delete from tx_probe`.execute(db.kysely);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.kysely.transaction().execute(async (tx) => {
          await sql`insert into tx_probe values (${100 + i}, ${`w${i}`})`.execute(tx);
          const own = await sql<{ n: number }>`select count(*)::int as n from tx_probe`.execute(tx);
          expect(own.rows[0]?.n).toBeGreaterThanOrEqual(1);
        }),
      ),
    );
    const n = await sql<{ n: number }>`select count(*)::int as n from tx_probe`.execute(db.kysely);
    expect(n.rows[0]?.n).toBe(10);
  });
});
