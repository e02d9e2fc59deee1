// JIUZHU_DB_POOL_SIZE: a server process opens at most that many connections to PostgreSQL (README: Configuration).
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
});
