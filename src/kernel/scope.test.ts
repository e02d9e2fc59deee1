import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, testDatabase } from '../test/db.ts';
import type { Database } from '../db/engine.ts';
import { citizenScope, COUNTY_WIDE, covers, inScope, rootFilter, systemScope, userScope, widened, type Scope } from './scope.ts';
import { registerPermissions } from './permissions.ts';

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

  it('a citizen sees no area at all, only their own households through a root', async () => {
    const citizen = citizenScope({ idNumber: '522701195001010011', name: '本人', villageCode: '522701001001', households: ['52270100000007'] });
    expect(covers(citizen, '522701001001')).toBe(false);
    const rows = [
      { area: '522701001001', no: '52270100000007' },
      { area: '522701001001', no: '52270100000008' },
      { area: '522702001001', no: '52270200000001' },
    ];
    const pick = async (scope: Scope, filter: 'area' | 'root') => {
      const where = filter === 'area' ? inScope(scope, 'area') : rootFilter(scope, { area: 'area', householdNo: 'no' });
      const { rows: found } = await sql<{ no: string }>`select no from unnest(${rows.map((r) => r.area)}::text[], ${rows.map((r) => r.no)}::text[]) as t(area, no) where ${where}`.execute(db.kysely);
      return found.map((r) => r.no).sort();
    };
    expect(await pick(citizen, 'area')).toEqual([]);
    expect(await pick(citizen, 'root')).toEqual(['52270100000007']);
    // A root without a household column shows a citizen nothing; a staff user sees by area.
    const { rows: none } = await sql`select 1 from (values ('522701001001')) as t(area) where ${rootFilter(citizen, { area: 'area' })}`.execute(db.kysely);
    expect(none).toEqual([]);
    const township = userScope({ id: 2, username: 't', role: 'township_caseworker', areaCode: '522701001', department: null });
    expect(await pick(township, 'root')).toEqual(['52270100000007', '52270100000008']);
  });

  it('widens a township to its county for the declared county-wide records only', () => {
    const township = userScope({ id: 2, username: 't', role: 'township_caseworker', areaCode: '522701001', department: null });
    for (const rule of COUNTY_WIDE) expect(covers(widened(township, rule), '522701002')).toBe(true);
    expect(covers(township, '522701002')).toBe(false);
    expect(covers(widened(township, 'institutions'), '522702')).toBe(false);
    const county = userScope({ id: 3, username: 'c', role: 'county_approver', areaCode: '522701', department: null });
    expect(widened(county, 'payroll_headers')).toBe(county);
  });

  it('a partner is a scope of its own kind, with its department; an API client has only its grants', () => {
    const partner = userScope({ id: 4, username: 'p', role: 'partner', areaCode: '522701', department: 'education' });
    expect(partner).toMatchObject({ kind: 'partner', department: 'education', prefix: '522701' });
    const allowScopeTest = registerPermissions({ 'scopetest.read': ['county_approver'], 'scopetest.write': ['county_approver'] });
    const client = systemScope('医保系统', ['scopetest.read']);
    expect(() => allowScopeTest(client, 'scopetest.read')).not.toThrow();
    expect(() => allowScopeTest(client, 'scopetest.write')).toThrow(/未获授权/);
    expect(() => allowScopeTest(systemScope(), 'scopetest.write')).not.toThrow();
    expect(() => allowScopeTest(citizenScope({ idNumber: '522701195001010011', name: '本人', villageCode: '522701001001', households: [] }), 'scopetest.read')).toThrow();
  });
});
