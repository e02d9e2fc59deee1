// JIUZHU_DB_POOL_SIZE: a server process opens at most that many connections to PostgreSQL (README: Configuration);
// and a connection the server ends while idle costs nothing but a new one.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, testDatabaseAt } from '../test/db.ts';
import { openDatabase, type Database } from './engine.ts';

describe.skipIf(ENGINE === 'pglite')(`pool size (${ENGINE})`, () => {
  let owner: Database;
  let url: string;
  beforeAll(async () => {
    const at = await testDatabaseAt();
    owner = at.db;
    if (!at.url) throw new Error('PostgreSQL test database without a URL');
    url = at.url;
  });
  afterAll(async () => {
    await owner.close();
  });

  /** The server sessions that answered `n` queries run all at once, each holding its connection for a moment. */
  async function sessionsFor(db: Database, n: number): Promise<number> {
    const rows = await Promise.all(Array.from({ length: n }, () => sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.2)`.execute(db.kysely)));
    return new Set(rows.map((r) => r.rows[0]?.pid)).size;
  }

  it('opens no more connections than the pool size, and as many as the work needs up to it', async () => {
    const small = await openDatabase({ databaseUrl: url, poolSize: 2 });
    const larger = await openDatabase({ databaseUrl: url, poolSize: 6 });
    try {
      expect(await sessionsFor(small, 8)).toBe(2);
      expect(await sessionsFor(larger, 6)).toBe(6);
    } finally {
      await small.close();
      await larger.close();
    }
  });

  // Without the pool's error listener the terminated idle connection is an unhandled 'error' event: vitest fails
  // the run with it (and a server process would end).
  it('survives the server ending an idle connection: the next query opens a new one', async () => {
    const db = await openDatabase({ databaseUrl: url, poolSize: 1 });
    try {
      const before = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db.kysely)).rows[0]?.pid;
      await sql`select pg_terminate_backend(${before}::int)`.execute(owner.kysely);
      await new Promise((r) => setTimeout(r, 200));
      const after = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db.kysely)).rows[0]?.pid;
      expect(after).toBeGreaterThan(0);
      expect(after).not.toBe(before);
    } finally {
      await db.close();
    }
  });
});
