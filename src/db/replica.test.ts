// The replica as the database layer offers it, without a real standby: none configured (PGlite, or a server without
// DATABASE_REPLICA_URL) and one that cannot be reached. A real streaming replica: src/modules/stats/replica.test.ts.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../kernel/config.ts';
import { ENGINE, testDatabase, testDatabaseAt } from '../test/db.ts';
import { openDatabase, type Database } from './engine.ts';
import { dataTime } from './replica.ts';
import { DOWN_RETRY_MS } from './replica-reads.ts';

describe('replica configuration', () => {
  it('DATABASE_REPLICA_URL with a server, the lag bound 30 s unless set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db/j', DATABASE_REPLICA_URL: 'postgres://u@standby/j', JIUZHU_REPLICA_MAX_LAG_SECONDS: '5' });
    expect([c.databaseReplicaUrl, c.replicaMaxLagSeconds]).toEqual(['postgres://u@standby/j', 5]);
    expect(loadConfig({}).replicaMaxLagSeconds).toBe(30);
    expect(loadConfig({}).databaseReplicaUrl).toBeNull();
  });

  it.each([
    [{ DATABASE_REPLICA_URL: 'postgres://u@standby/j' }, /DATABASE_REPLICA_URL 只在设置 DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://u@db/j', DATABASE_REPLICA_URL: 'mysql://standby' }, /DATABASE_REPLICA_URL 应为 postgres:\/\//],
    [{ JIUZHU_REPLICA_MAX_LAG_SECONDS: 'soon' }, /JIUZHU_REPLICA_MAX_LAG_SECONDS 应为 0–86400 的整数/],
  ])('refuses %o naming the variable', (env, message) => expect(() => loadConfig(env)).toThrow(message));
});

describe(`without a replica (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  it('reads that may lag are the primary\'s, whose data is as of now', async () => {
    const source = await db.reads.source();
    expect(source.server).toBe('primary');
    expect(source.kysely).toBe(db.kysely);
    expect(await db.reads.state()).toBeNull();
    const { rows } = await sql<{ t: Date }>`select now() as t`.execute(db.kysely);
    expect(Math.abs((await dataTime(db.kysely)).getTime() - new Date(rows[0]!.t).getTime())).toBeLessThan(5_000);
  });
});

describe.skipIf(ENGINE !== 'postgres')('a replica that cannot be reached (postgres)', () => {
  let owner: Database;
  let db: Database;
  const logged: string[] = [];
  beforeAll(async () => {
    const at = await testDatabaseAt();
    owner = at.db;
    // Port 1: nothing listens; the connection is refused at once.
    db = await openDatabase({ databaseUrl: at.url, replica: { url: 'postgres://postgres@127.0.0.1:1/none', maxLagSeconds: 30, log: (m) => logged.push(m) } });
  });
  afterAll(async () => {
    await db.close();
    await owner.close();
  });

  it('reads go to the primary and are answered; the replica is shown down and logged once, not per read', async () => {
    const first = await db.reads.source();
    expect(first.server).toBe('primary');
    const { rows } = await sql<{ recovering: boolean }>`select pg_is_in_recovery() as recovering`.execute(first.kysely);
    expect(rows[0]!.recovering).toBe(false);
    expect(await db.reads.state()).toEqual({ up: false, lagSeconds: null, maxLagSeconds: 30, serving: false });
    // Asked again once the retry interval has passed (reads meanwhile not waiting for it): still down, not logged again.
    await new Promise((r) => setTimeout(r, DOWN_RETRY_MS + 50));
    expect((await db.reads.source()).server).toBe('primary');
    await new Promise((r) => setTimeout(r, 200));
    expect((await db.reads.state())?.up).toBe(false);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^database replica not used, reads go to the primary \(unreachable: /);
  });
});
