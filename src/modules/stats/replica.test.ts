// Replica reads on a real streaming standby of the PostgreSQL server (.ci/replica.sh makes one): the dashboard
// and the household export are read on the replica, writes and the reads of one's own writes on the primary; with
// the standby's replay paused, a bound the lag exceeds sends them to the primary, and the replica's figures carry
// the time they reflect. Runs when DATABASE_URL and JIUZHU_TEST_REPLICA_URL are both set.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/engine.ts';
import { loadConfig } from '../../kernel/config.ts';
import { buildApp, type BuiltApp } from '../../server/app.ts';
import { testDatabaseAt } from '../../test/db.ts';
import { withDatabase } from '../../test/fixture.ts';
import { householdInput, memberInput } from '../../test/households.ts';
import { bearer, tokenFor } from '../../test/http.ts';
import type { FiguresResult } from './contract.ts';

const PRIMARY = process.env.DATABASE_URL;
const STANDBY = process.env.JIUZHU_TEST_REPLICA_URL;
const skipped = !PRIMARY ? 'DATABASE_URL is not set' : !STANDBY ? 'JIUZHU_TEST_REPLICA_URL is not set (bash .ci/replica.sh starts a standby)' : null;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 100 ms until it holds (or fails after `seconds`). */
async function until(what: string, check: () => Promise<boolean>, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 10; i++) {
    if (await check().catch(() => false)) return;
    await pause(100);
  }
  throw new Error(`waited ${seconds} s for ${what}`);
}

describe.skipIf(skipped !== null)(`replica reads on a streaming standby (postgres)${skipped ? ` — skipped: ${skipped}` : ''}`, () => {
  let owner: Database;
  let lenient: Database;
  let strict: Database;
  let app: BuiltApp;
  let strictApp: BuiltApp;
  let standby: pg.Client;
  let admin: string;
  let caseworker: string;
  const logged: string[] = [];

  const open = (url: string, replica: string, maxLagSeconds: number) => openDatabase({ databaseUrl: url, replica: { url: replica, maxLagSeconds, log: (m) => logged.push(`${maxLagSeconds}: ${m}`) } });
  const appOver = (db: Database) => buildApp({ db, config: { ...loadConfig({}), demo: true } }, { logger: false });
  const replayResume = () => standby.query('select pg_wal_replay_resume()');

  beforeAll(async () => {
    standby = new pg.Client({ connectionString: STANDBY });
    await standby.connect();
    await replayResume();
    const at = await testDatabaseAt();
    owner = at.db;
    const url = at.url!;
    const replica = withDatabase(STANDBY!, new URL(url).pathname.slice(1));
    // The file's database was created on the primary: it exists on the standby once replayed.
    await until('the test database on the standby', async () => {
      const c = new pg.Client({ connectionString: replica });
      await c.connect();
      try {
        return Number((await c.query<{ n: string }>('select count(*) as n from users')).rows[0]!.n) > 0;
      } finally {
        await c.end();
      }
    });
    lenient = await open(url, replica, 3600);
    strict = await open(url, replica, 1);
    app = await appOver(lenient);
    strictApp = await appOver(strict);
    admin = await tokenFor(app, 'qiannan.admin');
    caseworker = await tokenFor(app, 'guanghui.caseworker');
  });
  afterAll(async () => {
    await replayResume();
    await standby.end();
    await app.app.close();
    await strictApp.app.close();
    await lenient.close();
    await strict.close();
    await owner.close();
  });

  const recovering = async (db: Database['kysely']) => (await sql<{ r: boolean }>`select pg_is_in_recovery() as r`.execute(db)).rows[0]!.r;
  const dashboard = async (over: BuiltApp) => {
    const res = await over.app.inject({ url: '/api/v1/stats/figures?area=522701&year=2015', headers: bearer(admin) });
    expect(res.statusCode).toBe(200);
    const body = res.json() as FiguresResult;
    return { households: body.total.registryHouseholds, asOf: body.rollup.asOf };
  };
  /** Whether the household export (.xlsx) of the village lists `householdNo`. */
  const exportLists = async (over: BuiltApp, householdNo: string) => {
    const res = await over.app.inject({ url: '/api/v1/households/export.xlsx?area=522701001001', headers: bearer(caseworker) });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value)))));
    return cells.includes(householdNo);
  };
  /** Waits until the standby has replayed everything the primary wrote so far. */
  const replayed = async () => {
    const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(owner.kysely);
    await until('the standby to replay the primary\'s writes', async () => (await standby.query<{ ok: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [rows[0]!.lsn])).rows[0]!.ok);
  };

  it('reads that may lag are served by the standby, writes by the primary; /healthz shows the replica', async () => {
    const source = await lenient.reads.source();
    expect(source.server).toBe('replica');
    expect(await recovering(source.kysely)).toBe(true);
    expect(await recovering(lenient.kysely)).toBe(false);
    const health = (await app.app.inject({ url: '/healthz' })).json() as { replica: { up: boolean; lagSeconds: number; maxLagSeconds: number; serving: boolean } };
    expect(health.replica).toMatchObject({ up: true, maxLagSeconds: 3600, serving: true });
    expect(health.replica.lagSeconds).toBeGreaterThanOrEqual(0);
  });

  it('with replay paused: own writes are read back, the dashboard on the replica is as of its last replayed commit, a bound the lag exceeds reads the primary', async () => {
    await dashboard(app); // refreshes the roll-up (on the primary) for what the fixture wrote
    await replayed();
    const before = await dashboard(app);

    await standby.query('select pg_wal_replay_pause()');
    await until('replay to pause', async () => (await standby.query<{ s: string }>('select pg_get_wal_replay_pause_state() as s')).rows[0]!.s === 'paused');
    const pausedAt = new Date().toISOString();
    const created = await app.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(caseworker), payload: householdInput('522701001001', [memberInput({ name: '罗备库' })]) });
    expect(created.statusCode).toBe(201);
    const { householdNo } = created.json() as { householdNo: string };
    // Read-your-own-writes stays on the primary: the household just created is there, though the standby lacks it.
    expect((await app.app.inject({ url: `/api/v1/households/${householdNo}`, headers: bearer(caseworker) })).statusCode).toBe(200);

    // This read refreshes the roll-up itself (no background refresher here): it reads its own writes, on the primary.
    const refreshed = await dashboard(app);
    expect(refreshed.households).toBe((before.households ?? 0) + 1);
    // The next has nothing to refresh and reads the replica, within 3600 s: the figure before the write, as of then.
    const stale = await dashboard(app);
    expect(stale.households).toBe(before.households);
    expect(stale.asOf <= pausedAt).toBe(true);
    expect((await lenient.reads.source()).server).toBe('replica');
    expect(await exportLists(app, householdNo)).toBe(false);

    // A bound of 1 s: once the standby is further behind, the dashboard reads the primary (logged once).
    await until('the lag to pass 1 s', async () => (await strict.reads.state())?.serving === false, 10);
    const fresh = await dashboard(strictApp);
    expect(fresh.households).toBe((before.households ?? 0) + 1);
    expect(fresh.asOf > pausedAt).toBe(true);
    expect((await dashboard(strictApp)).households).toBe(fresh.households);
    expect(await exportLists(strictApp, householdNo)).toBe(true);
    expect(logged.filter((m) => m.startsWith('1: database replica not used'))).toHaveLength(1);

    await replayResume();
    await replayed();
    const resumed = await dashboard(app);
    expect(resumed.households).toBe((before.households ?? 0) + 1);
    expect(resumed.asOf > pausedAt).toBe(true);
    expect((await lenient.reads.source()).server).toBe('replica');
  });
});
