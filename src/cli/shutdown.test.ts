// The real server (`jiuzhu serve`, what `npm start` runs after building the UI) stopped while a large
// household import is in flight: SIGTERM lets the import finish whole and exits 0; SIGKILL leaves all
// of it or none of it — never some households of the file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { openDatabase, type Database } from '../db/engine.ts';
import { generateDemoHouseholds } from '../modules/registry/domain/demo/index.ts';
import { qiannanVillages } from '../modules/registry/domain/demo/qiannan.fixture.ts';
import { HouseholdFileWriter } from '../modules/registry/transfer/xlsx.ts';
import { DEMO_PASSWORD } from '../modules/users/demo.ts';
import { ENGINE, pgliteFixture } from '../test/db.ts';
import { startServerProcess, waitFor, type ServerProcess } from '../test/server-process.ts';
import { adminQuery, dropDatabase, withDatabase } from '../test/fixture.ts';

const HOUSEHOLDS = 2_000;

interface ImportAnswer {
  imported?: { households: number };
  error?: unknown;
}

describe(`server shutdown during an import (${ENGINE})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-stop-'));
  const serverUrl = process.env.DATABASE_URL;
  const dbName = `jiuzhu_stop_${process.pid}`;
  const dataDir = path.join(dir, 'data');
  const env = { ...process.env, JIUZHU_DEMO: '0', LOG_LEVEL: 'info', JIUZHU_DATA_DIR: dataDir, ...(serverUrl ? { DATABASE_URL: withDatabase(serverUrl, dbName) } : {}) };
  const files: Record<'term' | 'kill', Buffer> = { term: Buffer.alloc(0), kill: Buffer.alloc(0) };

  const openDb = (): Promise<Database> => openDatabase(serverUrl ? { databaseUrl: env.DATABASE_URL } : { dataDir });
  const households = async () => {
    const db = await openDb();
    try {
      return Number((await sql<{ n: number }>`select count(*)::int as n from households`.execute(db.kysely)).rows[0]?.n);
    } finally {
      await db.close();
    }
  };

  // The run's compiled CLI: `jiuzhu serve` without tsx compiling every module first.
  const startServer = () => startServerProcess(env, dir);

  /** Starts the import and resolves once the server has it (fastify logged the request). */
  async function importInFlight(server: ServerProcess, file: Buffer) {
    const login = await fetch(`${server.url}/api/v1/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'duyun.approver', password: DEMO_PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const logged = waitFor(server.output, server.child, /"url":"\/api\/v1\/registry\/imports/, 30_000);
    const answer = fetch(`${server.url}/api/v1/registry/imports?format=xlsx`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: file })
      .then(async (r) => ({ status: r.status, body: (await r.json()) as ImportAnswer }), (e: Error): { status: number; body: ImportAnswer } => ({ status: 0, body: { error: e.message } }));
    await logged;
    // Wrapped: an async function returning the promise itself would wait for the answer.
    return { answer };
  }

  beforeAll(async () => {
    if (serverUrl) {
      await adminQuery(serverUrl, `create database ${dbName} template ${inject('pgTemplate')}`);
    } else {
      const db = await openDatabase({ dataDir, loadDataDir: pgliteFixture() });
      await db.close();
    }
    const db = await openDb();
    const known = new Set((await db.kysely.selectFrom('areas').select('code').where('code', 'like', '522701%').execute()).map((a) => a.code));
    await db.close();
    const villages = qiannanVillages().filter((v) => known.has(v.code));
    // Two files of different people (one seed's households, split), so that the second is no repeat.
    const records = [...generateDemoHouseholds({ seed: 'shutdown', count: 2 * HOUSEHOLDS, villages })];
    for (const [k, kind] of (['term', 'kill'] as const).entries()) {
      const writer = await HouseholdFileWriter.open('buffer');
      records.slice(k * HOUSEHOLDS, (k + 1) * HOUSEHOLDS).forEach((r, i) => writer.add(String(i + 1), r));
      files[kind] = await writer.finish();
    }
  }, 120_000);
  afterAll(async () => {
    if (serverUrl) await dropDatabase(serverUrl, dbName);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('on SIGTERM finishes the import in flight, answers it, refuses new work and exits 0', async () => {
    const before = await households();
    const server = await startServer();
    const { answer } = await importInFlight(server, files.term);
    const signalled = performance.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;
    const tookMs = performance.now() - signalled;
    const r = await answer;
    expect(code, server.output()).toBe(0);
    expect(tookMs).toBeLessThan(20_000);
    expect(server.output()).toContain('SIGTERM: stopping');
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(200);
    expect(r.body.imported?.households).toBe(HOUSEHOLDS);
    expect(await households()).toBe(before + HOUSEHOLDS);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  }, 90_000);

  it('killed outright mid-import, leaves all of the file or none of it', async () => {
    const before = await households();
    const server = await startServer();
    const { answer } = await importInFlight(server, files.kill);
    await new Promise((r) => setTimeout(r, 300));
    server.child.kill('SIGKILL');
    await server.exited;
    await answer;
    expect([before, before + HOUSEHOLDS]).toContain(await households());
  }, 90_000);
});
