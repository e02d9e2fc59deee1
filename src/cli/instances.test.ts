// Two server processes on one PostgreSQL database behave as one (issue #24, item 4): the daily rescreen fires on
// both and runs on one, a parameter changed through one is used by the other's next decision, a session ended on one
// is refused by the other at once, and SIGTERM stops one while the other keeps serving. PGlite is one process per
// data folder: this is PostgreSQL's (src/ops/instances.test.ts has the same rules in one process, on both engines).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../db/engine.ts';
import { DEMO_PASSWORD } from '../modules/users/demo.ts';
import { adminQuery, dropDatabase, withDatabase } from '../test/fixture.ts';
import { householdInput, idNumber, memberInput } from '../test/households.ts';
import { startServerProcess, waitFor, type ServerProcess } from '../test/server-process.ts';

const serverUrl = process.env.DATABASE_URL;
/** From the spawn to the scheduled rescreen: both servers listen by then (3–12 s on this machine; 29 s seen at load 17 on a partitioned database). */
const RESCREEN_AFTER_MS = 35_000;

/** HH:MM:SS in China time, `ms` from now. */
function chinaTimeIn(ms: number): string {
  return new Date(Date.now() + ms + 8 * 3_600_000).toISOString().slice(11, 19);
}

describe.runIf(serverUrl)('two server processes on one PostgreSQL database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-instances-'));
  const dbName = `jiuzhu_inst_${process.pid}`;
  const url = serverUrl ? withDatabase(serverUrl, dbName) : '';
  let rescreenAt = '';
  let spawnedAt = 0;
  let a: ServerProcess;
  let b: ServerProcess;

  const call = async (server: ServerProcess, method: string, route: string, token: string | null, body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1${route}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
  };
  const login = async (server: ServerProcess, username: string) => {
    const r = await call(server, 'POST', '/auth/tokens', null, { username, password: DEMO_PASSWORD });
    expect(r.status, r.text).toBe(201);
    return r.json().token as string;
  };

  beforeAll(async () => {
    await adminQuery(serverUrl!, `create database ${dbName} template ${inject('pgTemplate')}`);
    spawnedAt = Date.now();
    rescreenAt = chinaTimeIn(RESCREEN_AFTER_MS);
    const env = { ...process.env, JIUZHU_DEMO: '0', LOG_LEVEL: 'info', DATABASE_URL: url, JIUZHU_RESCREEN_AT: rescreenAt, JIUZHU_DATA_DIR: path.join(dir, 'unused') };
    [a, b] = await Promise.all([startServerProcess(env, dir), startServerProcess(env, dir)]);
    // A server listening after that time would plan the rescreen for tomorrow: the test below would wait in vain.
    expect(Date.now() - spawnedAt, `both servers listen before the rescreen at ${rescreenAt}`).toBeLessThan(RESCREEN_AFTER_MS - 1_000);
  }, 90_000);
  afterAll(async () => {
    for (const s of [a, b]) if (s && s.child.exitCode === null) s.child.kill('SIGKILL');
    await Promise.all([a?.exited, b?.exited]);
    await dropDatabase(serverUrl!, dbName);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a session ended on one instance is refused by the other at once', async () => {
    const token = await login(a, 'guanghui.caseworker');
    expect((await call(b, 'GET', '/auth/me', token)).status).toBe(200);
    expect((await call(a, 'POST', '/auth/logout', token)).status).toBe(204);
    // The other instance has the session in its cache; the notice reaches it within milliseconds of the commit.
    await expect.poll(async () => (await call(b, 'GET', '/auth/me', token)).status, { timeout: 3_000, interval: 50 }).toBe(401);
  });

  it("a parameter changed through one instance is used by the other's next decision", async () => {
    const caseworker = await login(a, 'guanghui.caseworker');
    const created = await call(a, 'POST', '/households', caseworker, householdInput('522701001001', [memberInput({ idNumber: idNumber('1950-05-05') })]));
    expect(created.status, created.text).toBe(201);
    const householdNo = created.json().householdNo as string;
    type Explained = { dibaoBenefit: { steps: { parameters: { name: string; value: unknown; effective: string }[] }[] } };
    const standardOn = async (server: ServerProcess, token: string) => {
      const r = await call(server, 'GET', `/policy/explain?householdNo=${householdNo}&month=2030-01`, token);
      expect(r.status, r.text).toBe(200);
      const params = (r.json() as unknown as Explained).dibaoBenefit.steps.flatMap((s) => s.parameters);
      const standard = params.find((p) => p.name.startsWith('dibao.standard.'));
      if (!standard) throw new Error(`no standard among ${params.map((p) => p.name).join(', ')}`);
      return standard;
    };
    // The other instance decides once with the old value (its parameter cache is warm), then the change comes.
    const onB = await login(b, 'guanghui.caseworker');
    const before = await standardOn(b, onB);
    expect(before.effective < '2030-01-01').toBe(true);
    const admin = await login(a, 'qiannan.admin');
    // Decisions read money in fen; a value is entered in yuan.
    const value = Number(before.value) + 100;
    const added = await call(a, 'POST', `/policy/parameters/${before.name}/values`, admin, { area: '522701', effective: '2030-01-01', value: value / 100, reference: '测试：另一实例修改' });
    expect(added.status, added.text).toBe(201);
    await expect.poll(async () => (await standardOn(b, onB)).effective, { timeout: 3_000, interval: 50 }).toBe('2030-01-01');
    expect(Number((await standardOn(b, onB)).value)).toBe(value);
  });

  it('runs the daily rescreen once: both instances fire, one runs it, the other sees it taken', async () => {
    const ran = /rescreen \S+: \d+ cases/;
    const taken = /rescreen for \d{4}-\d{2}-\d{2}: run by another instance/;
    const fired = (s: ServerProcess) => waitFor(s.output, s.child, new RegExp(`${ran.source}|${taken.source}`), RESCREEN_AFTER_MS + 30_000);
    await Promise.all([fired(a), fired(b)]);
    const outcomes = [a, b].map((s) => (ran.test(s.output()) ? 'ran' : 'taken')).sort();
    expect(outcomes, `${a.output()}\n---\n${b.output()}`).toEqual(['ran', 'taken']);
    const db = await openDatabase({ databaseUrl: url });
    try {
      const { rows } = await sql<{ instance: string; outcome: string | null }>`select instance, outcome from job_runs where job = 'rescreen'`.execute(db.kysely);
      const runner = ran.test(a.output()) ? a : b;
      expect(rows).toEqual([{ instance: expect.stringContaining(`:${runner.child.pid}:`), outcome: 'ok' }]);
    } finally {
      await db.close();
    }
  }, RESCREEN_AFTER_MS + 60_000);

  it('SIGTERM stops one instance (exit 0) while the other keeps serving', async () => {
    b.child.kill('SIGTERM');
    expect(await b.exited, b.output()).toBe(0);
    expect(b.output()).toContain('SIGTERM: stopping');
    const health = await fetch(`${a.url}/healthz`);
    expect(health.status).toBe(200);
    const token = await login(a, 'duyun.approver');
    expect((await call(a, 'GET', '/auth/me', token)).status).toBe(200);
  });
});
