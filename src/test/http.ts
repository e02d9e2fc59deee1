import type { LightMyRequestResponse } from 'fastify';
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
