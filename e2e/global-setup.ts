// Compiles the server once per run (e2e/compile.ts), starts it once to migrate and load the demo, stops it,
// and hands its data (a PGlite folder, or a PostgreSQL database used as a template) and the compiled server
// to every browser suite: each suite's server starts on a copy in about a third of the time of a fresh
// start, and still has data of its own.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { compileServer } from './compile.ts';
import { fixture, REPO_ROOT, startServer, type ServerTemplate } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplate: ServerTemplate;
  }
}

export default async function setup(project: TestProject) {
  if (process.env['JIUZHU_E2E_BASE_URL']) {
    project.provide('e2eTemplate', {});
    return undefined;
  }
  // Inside the repository (test-output/ is ignored), so that the compiled server finds node_modules.
  await mkdir(join(REPO_ROOT, 'test-output'), { recursive: true });
  const buildDir = await mkdtemp(join(REPO_ROOT, 'test-output', 'e2e-server-'));
  const entry = join(buildDir, 'jiuzhu.mjs');
  await compileServer(REPO_ROOT, entry);
  const server = await startServer(300_000, { keep: true, entry });
  await server.stop();
  const data: ServerTemplate = server.database === null ? { dataDir: server.dataDir } : { database: server.database };
  project.provide('e2eTemplate', { ...data, entry });
  return async () => {
    await rm(server.dataDir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
    const url = process.env['DATABASE_URL'];
    if (url && server.database) await (await fixture()).adminQuery(url, `drop database if exists ${server.database} with (force)`);
  };
}
