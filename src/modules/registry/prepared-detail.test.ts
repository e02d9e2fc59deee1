import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { citizenScope, userScope, type Scope } from '../../kernel/scope.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { findHouseholdWithItems } from './repo/roots.ts';
import { getHousehold } from './service/read.ts';
import { createHousehold, newHouseholdSchema } from './service/write.ts';

/**
 * The household detail is one prepared statement for every user: the scope's bounds are its parameters. A plan
 * prepared (and, after five executions, made generic by PostgreSQL) for one county's user must not show another
 * county's household to the next user.
 */
describe(`household detail as a prepared statement (${ENGINE})`, () => {
  let db: Database;
  const no = { duyun: '', other: '' };
  let duyun: Scope;
  let other: Scope;
  beforeAll(async () => {
    db = await testDatabase();
    const [village] = (await sql<{ code: string }>`select code from areas where level = 'village' and county_code <> '522701' order by code limit 1`.execute(db.kysely)).rows;
    if (!village) throw new Error('the fixture has no village outside 522701');
    duyun = userScope({ id: 0, username: 'duyun.test', role: 'township_caseworker', areaCode: '522701001', department: null });
    other = userScope({ id: 0, username: 'other.test', role: 'township_caseworker', areaCode: village.code.slice(0, 9), department: null });
    const register = (scope: Scope, villageCode: string, prefix: string) =>
      createHousehold(db, scope, newHouseholdSchema.parse(householdInput(villageCode, [memberInput({ idNumber: idNumber('1959-04-04', 'male', prefix), name: '韦国强' })])));
    no.duyun = await register(duyun, '522701001001', '522701');
    no.other = await register(other, village.code, village.code.slice(0, 6));
  });
  afterAll(() => db.close());

  const seen = (scope: Scope, householdNo: string) =>
    getHousehold(db, scope, householdNo, false).then(
      (d) => d.household.householdNo,
      (e: unknown) => (e instanceof Error && 'status' in e ? e.status : e),
    );

  it('shows each county its own household and never the other, however often the plan was reused', async () => {
    for (let i = 0; i < 8; i++) {
      expect(await seen(other, no.other)).toBe(no.other);
      expect(await seen(duyun, no.other)).toBe(404);
      expect(await seen(duyun, no.duyun)).toBe(no.duyun);
      expect(await seen(other, no.duyun)).toBe(404);
    }
  });

  // A citizen may not call the staff's detail (403); the portal reads through the same scoped root.
  it("a citizen's scoped root finds their own household only, after staff used the statement", async () => {
    const found = async (scope: Scope, householdNo: string) => (await findHouseholdWithItems(db.kysely, scope, householdNo))?.household_no ?? null;
    const citizen = citizenScope({ idNumber: idNumber('1959-05-05'), name: '本人', villageCode: '522701001001', households: [no.duyun] });
    for (let i = 0; i < 7; i++) {
      expect(await found(citizen, no.duyun)).toBe(no.duyun);
      expect(await found(citizen, no.other)).toBeNull();
    }
    const nobody = citizenScope({ idNumber: idNumber('1959-06-06'), name: '无户', villageCode: '522701001001', households: [] });
    expect(await found(nobody, no.duyun)).toBeNull();
    expect(await found(duyun, no.duyun)).toBe(no.duyun);
  });
});
