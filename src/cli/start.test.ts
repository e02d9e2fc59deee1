// What `npm start` and the `jiuzhu` bin run (issue 25): the compiled CLI, built on first use into a build folder
// of this test's own (JIUZHU_BUILD_DIR), serving from it, and built again only when a source changed.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../db/engine.ts';
import { fromRoot } from '../kernel/paths.ts';
import { ENGINE, pgliteFixture } from '../test/db.ts';
import { adminQuery, dropDatabase, withDatabase } from '../test/fixture.ts';

const run = promisify(execFile);
const BIN = fromRoot('bin/jiuzhu.mjs');

describe(`the jiuzhu bin, compiled (${ENGINE})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiuzhu-start-'));
  fs.mkdirSync(fromRoot('test-output'), { recursive: true });
  const buildDir = fs.mkdtempSync(fromRoot('test-output/start-'));
  const serverUrl = process.env.DATABASE_URL;
  const dbName = `jiuzhu_start_${process.pid}`;
  const dataDir = path.join(dir, 'data');
  const env: NodeJS.ProcessEnv = { ...process.env, JIUZHU_BUILD_DIR: buildDir, JIUZHU_DEMO: '0', JIUZHU_DATA_DIR: dataDir, ...(serverUrl ? { DATABASE_URL: withDatabase(serverUrl, dbName) } : {}) };
  delete env.JIUZHU_DEV;
  const current = () => (JSON.parse(fs.readFileSync(path.join(buildDir, 'current.json'), 'utf8')) as { dir: string }).dir;

  beforeAll(async () => {
    if (serverUrl) await adminQuery(serverUrl, `create database ${dbName} template ${inject('pgTemplate')}`);
    else await (await openDatabase({ dataDir, loadDataDir: pgliteFixture() })).close();
  }, 60_000);
  afterAll(async () => {
    if (serverUrl) await dropDatabase(serverUrl, dbName);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(buildDir, { recursive: true, force: true });
  });

  it('builds itself on first use and serves: /healthz answers from the compiled build', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let listening: RegExpExecArray | null = null;
      for (const until = Date.now() + 90_000; !(listening = /listening on (http:\/\/\S+)/.exec(out)); await new Promise((r) => setTimeout(r, 50))) {
        if (child.exitCode !== null || Date.now() > until) throw new Error(`no "listening on" (exit ${child.exitCode})\n${out}`);
      }
      const url = listening[1]!;
      expect(out).toContain('compiling the server (esbuild)');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect(fs.existsSync(path.join(buildDir, current(), 'jiuzhu.mjs'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, out).toBe(0);
  }, 120_000);

  it('starts again without building; a changed source is built again', async () => {
    const version = () => run(process.execPath, [BIN, '--version'], { env, cwd: dir, timeout: 60_000 });
    const built = current();
    const again = await version();
    expect(again.stdout.trim()).toBe('0.1.0');
    expect(again.stderr).not.toContain('compiling');
    expect(current()).toBe(built);

    // Touched, not changed: a newer modification time is enough (the check reads no file's content).
    const source = fromRoot('src/cli/main.ts');
    const { atime, mtime } = fs.statSync(source);
    try {
      fs.utimesSync(source, atime, new Date(Date.now() + 1_000));
      const rebuilt = await version();
      expect(rebuilt.stderr).toContain('sources changed: compiling the server');
      expect(rebuilt.stdout.trim()).toBe('0.1.0');
      expect(current()).not.toBe(built);
    } finally {
      fs.utimesSync(source, atime, mtime);
    }
  }, 120_000);
});
