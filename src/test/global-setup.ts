import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/engine.ts';
import { adminQuery, buildFixture, withDatabase } from './fixture.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}

/**
 * Builds the fixture once per run: a PGlite data dump that each test file loads, and,
 * when DATABASE_URL is set, a template database that each test file copies.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  if (url) {
    const template = `jiuzhu_tpl_${runId}`;
    await adminQuery(url, `create database ${template}`);
    const db = await openDatabase({ databaseUrl: withDatabase(url, template) });
    await buildFixture(db);
    await db.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteTemplate', '');
    return async () => {
      await adminQuery(url, `drop database if exists ${template} with (force)`);
    };
  }
  const db = await openDatabase({ dataDir: 'memory://' });
  await buildFixture(db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-test-'));
  const file = path.join(dir, 'fixture.tar');
  const dump = await db.dumpDataDir();
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgTemplate', '');
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
