// Starts the real server once per run to migrate and load the demo, stops it, and hands its data (a PGlite
// folder, or a PostgreSQL database used as a template) to every browser suite: each suite's server starts
// on a copy in about a third of the time of a fresh start, and still has data of its own.
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { adminQuery } from '../src/test/fixture.ts';
import { startServer, type ServerTemplate } from './server.ts';

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
  const server = await startServer(300_000, { keep: true });
  await server.stop();
  const template: ServerTemplate = server.database === null ? { dataDir: server.dataDir } : { database: server.database };
  project.provide('e2eTemplate', template);
  return async () => {
    await rm(server.dataDir, { recursive: true, force: true });
    const url = process.env['DATABASE_URL'];
    if (url && server.database) await adminQuery(url, `drop database if exists ${server.database} with (force)`);
  };
}
