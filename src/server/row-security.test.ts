import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/engine.ts';
import { bulkWrite, write } from '../db/write.ts';
import { citizenScope, systemScope, userScope, type Scope } from '../kernel/scope.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { householdInput, idNumber, memberInput } from '../test/households.ts';
import { bearer, testApp, tokenFor } from '../test/http.ts';
import type { BuiltApp } from './app.ts';

const GUANGHUI = userScope({ id: 1, username: 'gh', role: 'township_caseworker', areaCode: '522701001', department: null });

/**
 * The second line: even a query that forgets its scope filter sees and changes only the caller's
 * households inside a write transaction, because the database itself refuses the rest.
 */
describe(`row-level security on the household tables (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  const no = { guanghui: '', wenfeng: '' };
  const households = (scope: Scope) =>
    write(db, scope, async (tx) => (await sql<{ household_no: string }>`select household_no from households order by household_no`.execute(tx)).rows.map((r) => r.household_no));
  const members = (scope: Scope) =>
    write(db, scope, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from members m join households h on h.county_code = m.county_code and h.id = m.household_id where h.household_no = ${no.wenfeng}`.execute(tx)).rows[0]?.n);

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    for (const [place, village, user, name] of [['guanghui', '522701001001', 'guanghui.caseworker', '蒙广惠'], ['wenfeng', '522701002001', 'wenfeng.caseworker', '韦文峰']] as const) {
      const token = await tokenFor(built, user);
      const res = await built.app.inject({ method: 'POST', url: '/api/v1/households', headers: bearer(token), payload: householdInput(village, [memberInput({ idNumber: idNumber('1960-01-01'), name }), memberInput({ relation: 'child', name: `${name}子` })]) });
      if (res.statusCode !== 201) throw new Error(res.body);
      no[place] = (res.json() as { householdNo: string }).householdNo;
    }
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  it('shows a township only its own households and their members, whatever the query forgets', async () => {
    const seen = await households(GUANGHUI);
    expect(seen).toContain(no.guanghui);
    expect(seen).not.toContain(no.wenfeng);
    expect(seen.every((h) => h.startsWith('522701'))).toBe(true);
    expect(await members(GUANGHUI)).toBe(0);
    // The system scope (CLI, jobs) and bulk work see everything.
    expect(await households(systemScope())).toEqual(expect.arrayContaining([no.guanghui, no.wenfeng]));
    expect(await members(systemScope())).toBe(2);
    const all = await bulkWrite(db, GUANGHUI, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from households where household_no = ${no.wenfeng}`.execute(tx)).rows[0]?.n);
    expect(all).toBe(1);
  });

  it('changes nothing outside the scope: updates and deletes miss, inserts are refused', async () => {
    const updated = await write(db, GUANGHUI, async (tx) => (await sql`update households set address = '越权' where household_no = ${no.wenfeng}`.execute(tx)).numAffectedRows);
    expect(Number(updated)).toBe(0);
    const deleted = await write(db, GUANGHUI, async (tx) => (await sql`delete from registry_history where household_id in (select id from households where household_no = ${no.wenfeng})`.execute(tx)).numAffectedRows);
    expect(Number(deleted)).toBe(0);
    const insert = write(db, GUANGHUI, async (tx) => {
      await sql`insert into households (county_code, household_no, village_code, hukou, address) values ('522701', '52270199999999', '522701002001', 'urban', '越权')`.execute(tx);
    });
    await expect(insert).rejects.toThrow(/row-level security/);
    const address = await sql<{ address: string }>`select address from households where household_no = ${no.wenfeng}`.execute(db.kysely);
    expect(address.rows[0]?.address).not.toBe('越权');
    expect((await sql`select 1 from households where household_no = '52270199999999'`.execute(db.kysely)).rows).toHaveLength(0);
  });

  it('shows a citizen their own household only, and an empty scope nothing', async () => {
    const citizen = citizenScope({ idNumber: idNumber('1960-02-02'), name: '本人', villageCode: '522701002001', households: [no.wenfeng] });
    expect(await households(citizen)).toEqual([no.wenfeng]);
    expect(await members(citizen)).toBe(2);
    expect(await households(citizenScope({ idNumber: idNumber('1960-03-03'), name: '无户', villageCode: '522701002001', households: [] }))).toEqual([]);
  });
});
