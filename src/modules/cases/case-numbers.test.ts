import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialCounters } from '../../test/serials.ts';
import type { Database } from '../../db/engine.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { loadDemoHouseholds } from '../registry/index.ts';
import { loadDemoRecipients } from './demo/recipients.ts';

describe(`case numbers per county and year (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  const { next, setCounter } = serialCounters(() => db);

  it('numbers bulk-approved demo cases 000001… per county without gaps, after the numbers already issued', async () => {
    await loadDemoHouseholds(db, systemScope('test'), { households: 400, seed: 'serials' });
    const county = (await sql<{ c: string }>`select min(county_code) as c from households`.execute(db.kysely)).rows[0]!.c;
    await setCounter('DB', county, '2016', 41);
    await loadDemoRecipients(db, systemScope('test'), { dibaoPerMille: 300, hardship: false, seed: 'serials', decidedOn: '2016-03-10' });
    const { rows } = await sql<{ county_code: string; n: string; lo: string; hi: string; distinct_no: string }>`
      select county_code, count(*) as n, min(substr(case_no, 13)::int) as lo, max(substr(case_no, 13)::int) as hi, count(distinct case_no) as distinct_no
      from cases where programme = 'dibao' group by county_code`.execute(db.kysely);
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) {
      const first = r.county_code === county ? 42 : 1;
      expect({ county: r.county_code, lo: Number(r.lo), hi: Number(r.hi), distinct: Number(r.distinct_no) })
        .toEqual({ county: r.county_code, lo: first, hi: first + Number(r.n) - 1, distinct: Number(r.n) });
    }
    const c = await sql<{ last_no: string }>`select last_no from serial_counters where prefix = 'DB' and county_code = ${rows[0]!.county_code} and year = '2016'`.execute(db.kysely);
    expect(Number(c.rows[0]!.last_no)).toBe(Number(rows[0]!.hi));
  });

  it('the migration starts each counter after the highest number already issued', async () => {
    const script = fs.readFileSync(new URL('../../db/migrations/0060_serial_numbers.sql', import.meta.url), 'utf8');
    const seeding = script.slice(script.indexOf('insert into serial_counters (prefix'));
    await sql`delete from serial_counters`.execute(db.kysely);
    await db.execScript(seeding);
    const { rows } = await sql<{ bad: string }>`
      select c.case_no as bad from cases c
      left join serial_counters s on s.prefix = substr(c.case_no, 1, 2) and s.county_code = c.county_code and s.year = substr(c.case_no, 9, 4)
      where s.last_no is null or s.last_no < substr(c.case_no, 13)::bigint`.execute(db.kysely);
    expect(rows).toEqual([]);
    const top = await sql<{ no: string }>`select max(case_no) as no from cases where programme = 'dibao'`.execute(db.kysely);
    const no = top.rows[0]!.no;
    const after = await next('DB', no.slice(2, 8), no.slice(8, 12));
    expect(Number(after.slice(12))).toBe(Number(no.slice(12)) + 1);
  });
});
