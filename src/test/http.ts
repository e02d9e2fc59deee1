import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { testDatabase } from './db.ts';
import type { Database } from '../db/engine.ts';
import { loadConfig } from '../kernel/config.ts';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { DEMO_PASSWORD } from '../modules/users/demo.ts';

export { STRONG_PASSWORD } from './passwords.ts';
export { DEMO_PASSWORD };

export async function testApp(db: Database): Promise<BuiltApp> {
  const config = { ...loadConfig({}), demo: true };
  return buildApp({ db, config }, { logger: false });
}

/** Logs a demo account in through the API and returns its bearer token. */
export async function tokenFor(built: BuiltApp, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await built.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { username, password } });
  if (res.statusCode !== 201) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: string }).token;
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

export interface ErrorBody {
  error: { code: string; message: string; details: { fields?: { field: string; message: string }[]; [k: string]: unknown } };
}

export const errorOf = (res: LightMyRequestResponse) => (res.json() as ErrorBody).error;

/** A test file's own database and app: opened before its tests, closed after them. */
export function useTestApp(): { readonly db: Database; readonly built: BuiltApp } {
  let db: Database | undefined;
  let built: BuiltApp | undefined;
  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
  });
  afterAll(async () => {
    await built?.app.close();
    await db?.close();
  });
  const opened = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('useTestApp: used before beforeAll ran');
    return v;
  };
  return {
    get db() {
      return opened(db);
    },
    get built() {
      return opened(built);
    },
  };
}
