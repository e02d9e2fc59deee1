import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../kernel/config.ts';
import { buildApp, type BuiltApp } from '../server/app.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import type { Database } from './engine.ts';
import { errorHandler } from '../server/errors.ts';
import { isStatementTimeout, statementTimeoutHook, unboundedQueries } from './statement-timeout.ts';

describe('statement timeout: configuration and recognition', () => {
  it.each([
    [{}, 15_000],
    [{ JIUZHU_STATEMENT_TIMEOUT_MS: '250' }, 250],
    [{ JIUZHU_STATEMENT_TIMEOUT_MS: '0' }, 0],
  ])('JIUZHU_STATEMENT_TIMEOUT_MS %o gives %d ms', (env, ms) => expect(loadConfig(env).statementTimeoutMs).toBe(ms));

  it.each([['-1'], ['1.5'], ['600001'], ['soon']])('refuses JIUZHU_STATEMENT_TIMEOUT_MS=%s naming the variable', (raw) => {
    expect(() => loadConfig({ JIUZHU_STATEMENT_TIMEOUT_MS: raw })).toThrow(/JIUZHU_STATEMENT_TIMEOUT_MS 应为 0–600000 的整数/);
  });

  it.each([
    [{ code: '57014', message: 'canceling statement due to statement timeout' }, true],
    [{ code: '57014', message: 'canceling statement due to user request' }, false],
    [{ code: '23505', message: 'duplicate key value' }, false],
    [new Error('statement timeout'), false],
    [null, false],
  ])('%o is a statement timeout: %s', (err, yes) => expect(isStatementTimeout(err)).toBe(yes));
});

// PGlite runs in WebAssembly without timer signals: PostgreSQL cannot cancel a running statement there.
describe.skipIf(ENGINE === 'pglite')(`statement timeout of interactive requests (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let probe: FastifyInstance;

  beforeAll(async () => {
    db = await testDatabase();
    built = await buildApp({ db, config: { ...loadConfig({ JIUZHU_STATEMENT_TIMEOUT_MS: '200' }), demo: true } }, { logger: false });
    // The server's hook and error handler around probes of this test only: a slow query answered by a request,
    // and the same as long work the request starts.
    probe = Fastify();
    probe.setErrorHandler(errorHandler);
    probe.addHook('onRequest', statementTimeoutHook(200));
    probe.get('/probe/sleep', async (req) => {
      const { s } = req.query as { s: string };
      await sql`select pg_sleep(${Number(s)})`.execute(db.kysely);
      return { slept: Number(s) };
    });
    probe.get('/probe/job', async () => {
      await unboundedQueries(() => sql`select pg_sleep(0.5)`.execute(db.kysely));
      return { slept: 0.5 };
    });
  });
  afterAll(async () => {
    await probe.close();
    await built.app.close();
    await db.close();
  });

  it.each([
    ['a quick query answers', '/probe/sleep?s=0.01', 200, null],
    ['a query past the timeout is cancelled: 503 query_timeout in Chinese, not 500', '/probe/sleep?s=5', 503, 'query_timeout'],
    ['long work the request starts runs without the timeout', '/probe/job', 200, null],
    ['the healthz answers after a cancelled query', '/healthz', 200, null],
  ] as const)('%s', async (_, url, status, code) => {
    const started = Date.now();
    const res = await (url === '/healthz' ? built.app : probe).inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    if (code) {
      const body = res.json() as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(/查询耗时过长/);
      expect(Date.now() - started).toBeLessThan(3_000);
    }
  });

  it('outside a request (jobs, the CLI) a query has no timeout, on a connection a request used before', async () => {
    await Promise.all(Array.from({ length: 12 }, () => probe.inject({ method: 'GET', url: '/probe/sleep?s=0.05' })));
    const rows = await Promise.all(Array.from({ length: 10 }, () => sql<{ t: string }>`select current_setting('statement_timeout') as t, pg_sleep(0.3)`.execute(db.kysely)));
    expect(rows.map((r) => r.rows[0]?.t)).toEqual(Array.from({ length: 10 }, () => '0'));
  });
});
