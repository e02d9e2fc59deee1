// Every operation of the OpenAPI document, as a prefecture admin and as a county approver, with hostile
// input derived from its schemas (src/test/openapi-fuzz.ts): never a 5xx, never a 2xx for input that is
// certainly invalid, and every 4xx in the one error shape. All failures are collected, then shown at once.
// One suite per user (fuzz-admin.test.ts, fuzz-county.test.ts), so that the suite's two workers share the work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { householdInput, memberInput } from '../test/households.ts';
import { bearer, testApp, tokenFor } from '../test/http.ts';
import { Fuzzer, harvest, type FuzzCase, type OpenApi } from '../test/openapi-fuzz.ts';
import type { BuiltApp } from './app.ts';

const SKIPPED = new Set(['POST /api/v1/auth/logout']);

const hasErrorShape = (text: string): boolean => {
  try {
    const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
    return typeof e?.code === 'string' && typeof e.message === 'string' && typeof e.details === 'object' && e.details !== null;
  } catch {
    return false;
  }
};

export function fuzzSuite(user: 'qiannan.admin' | 'duyun.approver'): void {
  describe(`fuzzing every operation of the OpenAPI document as ${user} (${ENGINE})`, () => {
    let db: Database;
    let built: BuiltApp;
    const tokens: Record<string, string> = {};
    beforeAll(async () => {
      db = await testDatabase();
      built = await testApp(db);
      for (const user of ['qiannan.admin', 'duyun.approver', 'guanghui.caseworker']) tokens[user] = await tokenFor(built, user);
      const created = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(tokens['guanghui.caseworker']!), payload: householdInput('522701001001', [memberInput(), memberInput({ name: '罗小芳', relation: 'spouse' })]) });
      expect(created.statusCode).toBe(201);
    });
    afterAll(async () => {
      await built.app.close();
      await db.close();
    });

    it('finds no 5xx, no 2xx for certainly invalid input, and one error shape', async () => {
      const doc = (await built.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
      const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, op })))
        .filter((o) => !SKIPPED.has(`${o.method.toUpperCase()} ${o.path}`));
      expect(operations.length).toBeGreaterThan(90);

      // Real values (householdNo, caseNo, idNumber, …) from every list that needs no path parameter.
      const known = new Map<string, unknown[]>();
      for (const o of operations.filter((x) => x.method === 'get' && !x.path.includes('{'))) {
        const res = await built.app.inject({ method: 'GET', url: o.path, headers: bearer(tokens['qiannan.admin']!) });
        if (res.headers['content-type']?.toString().startsWith('application/json')) harvest(res.json(), known);
      }
      const fuzzer = new Fuzzer(doc, known);

      const failures: string[] = [];
      let sent = 0;
      for (const o of operations) {
        for (const c of fuzzer.cases(o.method, o.path, o.op)) {
          const res = await send(c, tokens[user]!);
          sent++;
          const what = `${user} ${c.method} ${o.path} [${c.label}] → ${res.statusCode}`;
          if (res.statusCode >= 500) failures.push(`${what} ${res.body.slice(0, 200)}`);
          else if (c.mustFail && res.statusCode < 400) failures.push(`${what} (accepted invalid input)`);
          else if (res.statusCode >= 400 && !hasErrorShape(res.body)) failures.push(`${what} not {error:{code,message,details}}: ${res.body.slice(0, 200)}`);
        }
      }
      expect(sent).toBeGreaterThan(1500);
      expect(failures).toEqual([]);
    }, 240_000);

    function send(c: FuzzCase, token: string) {
      return built.app.inject({
        method: c.method as 'GET', url: c.url,
        headers: { ...bearer(token), ...(c.contentType ? { 'content-type': c.contentType } : {}) },
        ...(c.body === undefined ? {} : { payload: c.body }),
      });
    }
  });
}
