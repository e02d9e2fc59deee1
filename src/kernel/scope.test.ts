import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, testDatabase } from '../test/db.ts';
import type { Database } from '../db/engine.ts';
import { covers, inScope, systemScope, userScope } from './scope.ts';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const areaCode = fc.oneof(digits(6), digits(9), digits(12));
const userArea = fc.oneof(digits(4).map((d) => `${d}00`), digits(6).filter((c) => !c.endsWith('00')), digits(9), digits(12));

describe(`scope predicate (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  it('the SQL range predicate selects exactly the codes the scope covers', async () => {
    await fc.assert(
      fc.asyncProperty(userArea, fc.array(areaCode, { minLength: 1, maxLength: 30 }), async (area, codes) => {
        const scope = userScope({ id: 1, username: 'p', role: 'auditor', areaCode: area, department: null });
        // Codes inside the scope too, so both outcomes are exercised.
        const mixed = [...codes, ...codes.map((c) => scope.prefix + c.slice(scope.prefix.length))];
        const { rows } = await sql<{ code: string }>`select code from unnest(${mixed}::text[]) as t(code) where ${inScope(scope, 'code')}`.execute(db.kysely);
        const expected = mixed.filter((c) => covers(scope, c));
        expect(rows.map((r) => r.code).sort()).toEqual(expected.sort());
      }),
      { numRuns: 60 },
    );
  });

  it('a prefecture admin covers its counties and zone but not a neighbour prefecture', () => {
    const scope = userScope({ id: 1, username: 'a', role: 'prefecture_admin', areaCode: '522700', department: null });
    expect(covers(scope, '522701001001')).toBe(true);
    expect(covers(scope, '522790004001')).toBe(true);
    expect(covers(scope, '522600')).toBe(false);
    expect(covers(scope, '520100')).toBe(false);
    expect(covers(systemScope(), '110101')).toBe(true);
  });
});
