import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openDatabase, type Database } from '../db/engine.ts';
import { ROOT } from '../kernel/paths.ts';
import { compileServer, ENTRY_FILE } from '../build/compile.ts';
import { adminQuery, buildFixture, withDatabase } from './fixture.ts';
import { filterTar, under } from './tar-prune.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    /** The run's compiled CLI (src/build/compile.ts), what the tests spawn as `jiuzhu`. */
    cliEntry: string;
  }
}

interface Prepared {
  pgliteTemplate: string;
  pgTemplate: string;
  cliEntry: string;
  cleanUp(): Promise<void>;
}

/**
 * Builds the fixture once per run: a PGlite data dump that each test file loads, and,
 * when DATABASE_URL is set, a template database that each test file copies. Compiles the CLI meanwhile.
 */
async function prepare(): Promise<Prepared> {
  // Inside the repository (test-output/ is ignored), so that the compiled CLI finds node_modules.
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  const buildDir = fs.mkdtempSync(path.join(ROOT, 'test-output', 'cli-'));
  const cliEntry = path.join(buildDir, ENTRY_FILE);
  const compiled = compileServer(ROOT, buildDir);
  compiled.catch(() => undefined); // awaited below, after the fixture: no unhandled rejection meanwhile
  const removeBuild = () => fs.rmSync(buildDir, { recursive: true, force: true });
  const url = process.env.DATABASE_URL;
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  if (url) {
    const template = `jiuzhu_tpl_${runId}`;
    await adminQuery(url, `create database ${template}`);
    const db = await openDatabase({ databaseUrl: withDatabase(url, template) });
    await buildFixture(db);
    await partitionFixture(db);
    await db.close();
    await compiled;
    return {
      pgliteTemplate: '', pgTemplate: template, cliEntry,
      async cleanUp() {
        removeBuild();
        await adminQuery(url, `drop database if exists ${template} with (force)`);
      },
    };
  }
  const db = await openDatabase({ dataDir: 'memory://' });
  await buildFixture(db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-test-'));
  const file = path.join(dir, 'fixture.tar');
  // Each test file loads this dump, at a cost that goes with the files in it and the WAL it replays. So: a checkpoint
  // first (a load then starts where the build ended instead of replaying its WAL), and left out of it the template
  // databases' folders (a third of its files), which no test connects to, and WAL segments of zeros made ahead of use.
  await sql`checkpoint`.execute(db.kysely);
  const { rows } = await sql<{ oid: number }>`select oid::int as oid from pg_database where datname <> current_database()`.execute(db.kysely);
  const templates = rows.map((r) => `/base/${r.oid}`);
  const dump = new Uint8Array(await (await db.dumpDataDir()).arrayBuffer());
  const unused = (name: string, data: Uint8Array) => templates.some((t) => under(name, t)) || (under(name, '/pg_wal') && data.length > 0 && data.every((b) => b === 0));
  fs.writeFileSync(file, filterTar(dump, (name, data) => !unused(name, data)));
  await db.close();
  await compiled;
  return {
    pgliteTemplate: file, pgTemplate: '', cliEntry,
    async cleanUp() {
      removeBuild();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * JIUZHU_TEST_PARTITIONS=N (PostgreSQL only): the template's household tables hash-partitioned by county into N
 * partitions each (src/db/partition.ts), so that the PostgreSQL tests run on partitioned tables.
 */
async function partitionFixture(db: Database): Promise<void> {
  const raw = process.env.JIUZHU_TEST_PARTITIONS;
  if (!raw) return;
  const { partitionByCounty } = await import('../db/partition.ts');
  const r = await partitionByCounty(db, { partitions: Number(raw) });
  process.stderr.write(`test fixture: ${r.tables.length} tables hash-partitioned by county, ${r.partitions} partitions, in ${r.seconds.toFixed(1)} s\n`);
}

/**
 * Each project that names this file (the server files, the mocking ones) runs it, one after the other, in
 * vitest's own process but as a module of its own: the first starts the preparation, the others share it
 * (on globalThis), and the last one's teardown cleans up. Built twice, the fixture cost the run about 8 s.
 */
const SHARED = Symbol.for('jiuzhu.test.global-setup');
interface Shared {
  prepared: Promise<Prepared>;
  users: number;
}

export default async function setup(project: TestProject) {
  const g = globalThis as { [SHARED]?: Shared };
  const shared = (g[SHARED] ??= { prepared: prepare(), users: 0 });
  shared.users++;
  const prepared = await shared.prepared;
  project.provide('pgliteTemplate', prepared.pgliteTemplate);
  project.provide('pgTemplate', prepared.pgTemplate);
  project.provide('cliEntry', prepared.cliEntry);
  return async () => {
    if (--shared.users > 0) return;
    delete g[SHARED];
    await prepared.cleanUp();
  };
}
