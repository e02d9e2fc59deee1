// Compiles the server once per run (src/build/compile.ts), starts it once to migrate and load the demo, stops it,
// and hands its data (a PGlite folder, or a PostgreSQL database used as a template) and the compiled server
// to every browser suite: each suite's server starts on a copy in about a third of the time of a fresh
// start, and still has data of its own.
//
// The template is made in the background: global setups run one after the other before any test file, and the
// browser files run last (vitest.config.ts), so the server files need not wait for it (it took 13–20 s of the
// run's start, one core idle). It is handed over as a file written once it is ready (see templateFrom).
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { compileServer, ENTRY_FILE } from '../src/build/compile.ts';
import { fixture, REPO_ROOT, startServer, stopLeftServers, type ServerTemplate } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's ServerTemplate is written once it is ready ('' when JIUZHU_E2E_BASE_URL names a server). */
    e2eTemplate: string;
  }
}

/**
 * A checkpoint on the template's PGlite folder, ended by a clean shutdown: a server stopped by a signal may leave it
 * unclean (seen under load: its last checkpoint the one of initdb), and then every server started on a copy replays
 * the WAL of the migrations and the demo before it listens (0.8 s of CPU against 0.4 to open a copy, measured).
 */
async function checkpoint(dataDir: string): Promise<void> {
  const [{ openDatabase }, { sql }] = await Promise.all([import('../src/db/engine.ts'), import('kysely')]);
  const db = await openDatabase({ dataDir });
  try {
    await sql`checkpoint`.execute(db.kysely);
  } finally {
    await db.close();
  }
}

export default async function setup(project: TestProject) {
  if (process.env['JIUZHU_E2E_BASE_URL']) {
    project.provide('e2eTemplate', '');
    return undefined;
  }
  // Inside the repository (test-output/ is ignored), so that the compiled server finds node_modules.
  await mkdir(join(REPO_ROOT, 'test-output'), { recursive: true });
  const buildDir = await mkdtemp(join(REPO_ROOT, 'test-output', 'e2e-server-'));
  const entry = join(buildDir, ENTRY_FILE);
  const registry = join(buildDir, 'servers');
  await mkdir(registry);
  const file = join(buildDir, 'template.json');
  const write = async (value: ServerTemplate | { error: string }) => {
    await writeFile(`${file}.tmp`, JSON.stringify(value));
    await rename(`${file}.tmp`, file);
  };
  const made = (async () => {
    await compileServer(REPO_ROOT, buildDir);
    const server = await startServer(300_000, { keep: true, entry });
    await server.stop();
    if (server.database === null) await checkpoint(server.dataDir);
    return server;
  })();
  const written = made.then(
    (server) => write({ ...(server.database === null ? { dataDir: server.dataDir } : { database: server.database }), entry, registry }),
    (e: unknown) => write({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
  project.provide('e2eTemplate', file);
  return async () => {
    await written;
    await stopLeftServers(registry);
    const server = await made.catch(() => undefined);
    if (server) await rm(server.dataDir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
    const url = process.env['DATABASE_URL'];
    if (url && server?.database) await (await fixture()).adminQuery(url, `drop database if exists ${server.database} with (force)`);
  };
}
