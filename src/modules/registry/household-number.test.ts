import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, memberInput } from '../../test/households.ts';
import { bearer, testApp, tokenFor } from '../../test/http.ts';
import { insertHousehold } from './testing.ts';

describe(`household numbers on create (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let caseworker: string;

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    caseworker = await tokenFor(built, 'guanghui.caseworker');
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const create = (name: string) => built.app.inject({
    method: 'POST', url: '/api/v1/households', headers: bearer(caseworker),
    payload: householdInput('522701001001', [memberInput({ name })]),
  });

  it('passes over numbers already taken (a restored backup) instead of answering 500', async () => {
    // The next three numbers the serial would hand out are taken already, in another township of the county
    // (outside the caseworker's row-level scope, so the clash cannot be seen by reading).
    const { rows } = await sql<{ n: string }>`select case when is_called then last_value + 1 else last_value end as n from household_no_seq`.execute(db.kysely);
    const next = Number(rows[0]!.n);
    const taken = [next, next + 1, next + 2].map((n) => `522701${String(n).padStart(8, '0')}`);
    for (const householdNo of taken) {
      await insertHousehold(db.kysely, {
        householdNo, countyCode: '522701', villageCode: '522701002001', hukou: 'urban', address: '文峰路1号', phone: '13800000000',
        bankName: '', bankAccount: '', povertyFile: false, agricultural: false, categories: [],
      });
    }
    const answers = [await create('罗一'), await create('罗二')];
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201]);
    const numbers = answers.map((r) => (r.json() as { householdNo: string }).householdNo);
    expect(new Set([...numbers, ...taken]).size).toBe(5);
    for (const n of numbers) expect(n).toMatch(/^522701\d{8}$/);
    const found = await db.kysely.selectFrom('households').select('household_no').where('household_no', 'in', numbers).execute();
    expect(found).toHaveLength(2);
  });
});
