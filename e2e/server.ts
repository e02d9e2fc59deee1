// Starts the real Jiuzhu server (bin/jiuzhu.mjs start) on a free port with a fresh data dir.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Fixture from '../src/test/fixture.ts';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunningServer {
  baseUrl: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const LISTENING = /listening on (http:\/\/[^\s]+)/;

/** Servers started by this process, for names of their own (two may start within a millisecond). */
let started = 0;

/**
 * What a server starts from: a data folder (PGlite) or a database (PostgreSQL) already migrated with the
 * demo, and the run's compiled CLI (src/build/compile.ts) when there is one.
 */
export interface ServerTemplate {
  dataDir?: string;
  database?: string;
  entry?: string;
  /**
   * A folder where each server started from the template leaves a note (its process, data folder and database)
   * until it stops: the run's teardown ends any still running (the server a suite started for the next one, see
   * e2e/suite.ts), which would otherwise outlive the run in a process group of its own.
   */
  registry?: string;
}

interface Note {
  pid: number;
  dataDir: string;
  database: string | null;
}

/** The PostgreSQL helpers, loaded only on PostgreSQL: they import most of src/, which a browser file does not need. */
export function fixture(): Promise<typeof Fixture> {
  return import('../src/test/fixture.ts');
}

/**
 * Starts the server and resolves once it prints its `listening on` line. The first start may
 * also build web/dist, hence the long default timeout. JIUZHU_E2E_BASE_URL skips the start and
 * uses a server that is already running. With `from` (the run's template, see e2e/global-setup.ts) the
 * server starts on a copy of the template instead of migrating and loading the demo again; `keep` leaves
 * its data (the template itself) in place when it stops. `entry` (or `from.entry`) is the script to run instead
 * of bin/jiuzhu.mjs; `env` is added to the server's environment.
 */
export async function startServer(timeoutMs = 120_000, opts: { from?: ServerTemplate; keep?: boolean; entry?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunningServer & { dataDir: string; database: string | null }> {
  const external = process.env['JIUZHU_E2E_BASE_URL'];
  if (external) {
    return { baseUrl: external.replace(/\/$/, ''), output: () => '', stop: async () => undefined, dataDir: '', database: null };
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'jiuzhu-e2e-data-'));
  if (opts.from?.dataDir) await cp(opts.from.dataDir, dataDir, { recursive: true });
  // The statistics roll-up refreshes in the background (src/modules/stats): every 2 s here, so that a dashboard
  // shows a journey's payment within a few seconds rather than the default half minute.
  const env: NodeJS.ProcessEnv = { JIUZHU_STATS_REFRESH_SECONDS: '2', ...process.env, ...opts.env, JIUZHU_DATA_DIR: dataDir, JIUZHU_DEMO: '1' };
  // On PostgreSQL each server gets a database of its own, dropped when it stops.
  const serverUrl = process.env['DATABASE_URL'];
  const pg = serverUrl ? { url: serverUrl, database: `jiuzhu_e2e_${process.pid}_${Date.now().toString(36)}_${++started}`, ...(await fixture()) } : null;
  if (pg) {
    await pg.adminQuery(pg.url, opts.from?.database ? `create database ${pg.database} template ${opts.from.database}` : `create database ${pg.database}`);
    env['DATABASE_URL'] = pg.withDatabase(pg.url, pg.database);
  }
  delete env['PORT'];
  const entry = opts.entry ?? opts.from?.entry ?? 'bin/jiuzhu.mjs';
  const child = spawn(process.execPath, [entry, 'start', '--port', '0'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group, so stop() also ends anything the server spawned (e.g. a web build).
    detached: true,
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  const note = opts.from?.registry && pid !== undefined ? join(opts.from.registry, `${pid}.json`) : null;
  if (note && pid !== undefined) writeFileSync(note, JSON.stringify({ pid, dataDir, database: pg?.database ?? null } satisfies Note));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (opts.keep) return;
    await rm(dataDir, { recursive: true, force: true });
    if (pg) await pg.adminQuery(pg.url, `drop database if exists ${pg.database} with (force)`);
    if (note) await rm(note, { force: true });
  };

  try {
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not print "listening on" within ${timeoutMs} ms\n${log}`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer) => {
        log += chunk.toString('utf8');
        const match = LISTENING.exec(log);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1].replace(/\/$/, ''));
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString('utf8');
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited early (code ${code}, signal ${signal})\n${log}`));
      });
    });
    return { baseUrl, output: () => log, stop, dataDir, database: pg?.database ?? null };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * The run's template, from the file e2e/global-setup.ts writes once it has made it (in the background, while the
 * server files run): waits for it, and fails with the setup's error if making it failed. '' (JIUZHU_E2E_BASE_URL):
 * no template.
 */
export async function templateFrom(file: string, timeoutMs = 300_000): Promise<ServerTemplate> {
  if (!file) return {};
  for (const until = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 200))) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) {
      const made = JSON.parse(text) as ServerTemplate | { error: string };
      if ('error' in made) throw new Error(`the browser suites' server template could not be made (e2e/global-setup.ts):\n${made.error}`);
      return made;
    }
    if (Date.now() > until) throw new Error(`no server template in ${file} within ${timeoutMs} ms`);
  }
}

/** Ends the servers that left a note in `registry` and did not stop (see ServerTemplate.registry), and removes their data. */
export async function stopLeftServers(registry: string): Promise<void> {
  const url = process.env['DATABASE_URL'];
  for (const name of await readdir(registry).catch(() => [])) {
    const note = JSON.parse(await readFile(join(registry, name), 'utf8')) as Note;
    killGroup(note.pid, 'SIGKILL');
    await rm(note.dataDir, { recursive: true, force: true });
    if (url && note.database) await (await fixture()).adminQuery(url, `drop database if exists ${note.database} with (force)`);
  }
  await rm(registry, { recursive: true, force: true });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
