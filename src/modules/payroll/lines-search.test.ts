// The payroll sheet's lines searched as staff search them: by township (one of the payroll's county in the
// caller's scope) and by person (name prefix or ID number), page by page with the total; a township
// caseworker finds only their own township's people; bad filters answer 400 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope, userScope } from '../../kernel/scope.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { bearer, errorOf, testApp, tokenFor } from '../../test/http.ts';
import { loadDemoRecipients } from '../cases/index.ts';
import { loadDemoHouseholds } from '../registry/index.ts';
import { runPayroll } from './service/run.ts';
import { rows } from './testing.ts';

const COUNTY = '522701';
const NO = 'FF522701201504';
const approver = userScope({ id: 0, username: 'duyun.approver', role: 'county_approver', areaCode: COUNTY, department: null });

interface Line { id: number; townshipCode: string; name: string; idNumber: string }
interface Page { items: Line[]; next: number | null; total: number }
interface Stored { id: number; township_code: string; name: string; id_number: string }

describe(`payroll lines by township and person (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let duyun: string;
  let guanghui: string;
  let stored: Stored[];

  beforeAll(async () => {
    db = await testDatabase();
    await loadDemoHouseholds(db, systemScope('test'), { households: 300, seed: 'lines-search' });
    await loadDemoRecipients(db, approver, { dibaoPerMille: 300, hardship: true, seed: 'lines-search', decidedOn: '2015-03-10' });
    await runPayroll(db, approver, { period: '2015-04', countyCode: COUNTY });
    built = await testApp(db);
    duyun = await tokenFor(built, 'duyun.approver');
    guanghui = await tokenFor(built, 'guanghui.caseworker');
    stored = await rows<Stored>(db, `select l.id::int as id, l.township_code, l.name, l.id_number from payroll_lines l join payrolls p on p.county_code = l.county_code and p.id = l.payroll_id where p.payroll_no = '${NO}' order by l.id`);
  }, 120_000);
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const get = async (query: string, token = duyun) => built.app.inject({ method: 'GET', url: `/api/v1/payroll/${NO}/lines?${query}`, headers: bearer(token) });
  const page = async (query: string, token = duyun): Promise<Page> => {
    const res = await get(query, token);
    if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body}`);
    return res.json() as Page;
  };
  /** Every page of a query (small pages, to walk the cursor), checking the total on each. */
  const all = async (query: string, token = duyun): Promise<Line[]> => {
    const out: Line[] = [];
    let after: number | null = null;
    for (;;) {
      const p: Page = await page(`${query}&limit=7${after === null ? '' : `&after=${after}`}`, token);
      out.push(...p.items);
      expect(p.total).toBeGreaterThanOrEqual(out.length);
      if (p.next === null) {
        expect(p.total).toBe(out.length);
        return out;
      }
      after = p.next;
    }
  };
  const ids = (lines: { id: number }[]) => lines.map((l) => l.id).sort((a, b) => a - b);

  it("counts every line without filters, and a township's lines page by page", async () => {
    expect(stored.length).toBeGreaterThan(10);
    expect((await page('limit=5')).total).toBe(stored.length);
    const townships = [...new Set(stored.map((l) => l.township_code))];
    expect(townships.length).toBeGreaterThan(1);
    const township = townships[1]!;
    const found = await all(`township=${township}`);
    expect(ids(found)).toEqual(ids(stored.filter((l) => l.township_code === township)));
    expect(found.every((l) => l.townshipCode === township)).toBe(true);
  });

  it('finds a person by ID number exactly and by the start of the name, masked as before', async () => {
    const person = stored[3]!;
    const byId = await page(`q=${person.id_number}`);
    expect(ids(byId.items)).toEqual(ids(stored.filter((l) => l.id_number === person.id_number)));
    expect(byId.total).toBe(byId.items.length);
    expect(byId.items[0]!.idNumber).not.toBe(person.id_number);
    // a lower-case check digit is the same ID number
    expect((await page(`q=${person.id_number.toLowerCase()}`)).total).toBe(byId.total);
    const surname = person.name.slice(0, 1);
    const byName = await all(`q=${encodeURIComponent(surname)}`);
    expect(ids(byName)).toEqual(ids(stored.filter((l) => l.name.startsWith(surname))));
    // with the township: both hold
    const both = await all(`q=${encodeURIComponent(surname)}&township=${person.township_code}`);
    expect(ids(both)).toEqual(ids(stored.filter((l) => l.name.startsWith(surname) && l.township_code === person.township_code)));
    // LIKE's own characters are taken literally
    expect((await page('q=%25')).total).toBe(0);
    expect((await page('q=_')).total).toBe(0);
  });

  it("shows a township caseworker only their township's people, and no other township to filter by", async () => {
    const own = stored.filter((l) => l.township_code === '522701001');
    const other = stored.find((l) => l.township_code !== '522701001')!;
    expect(own.length).toBeGreaterThan(0);
    expect(ids(await all('township=522701001', guanghui))).toEqual(ids(own));
    // a person of another township is not found, even by their exact ID number
    expect(await page(`q=${other.id_number}`, guanghui)).toEqual({ items: [], next: null, total: 0 });
    const refused = await get(`township=${other.township_code}`, guanghui);
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).details.fields?.map((f) => f.field)).toEqual(['township']);
  });

  it('refuses bad filters with 400 naming the field, never 500', async () => {
    const bad: [string, string][] = [
      ['township=5227', 'township'],
      // another county's township, and a code that is no township
      ['township=522702001', 'township'],
      ['township=522701999', 'township'],
      [`q=${'张'.repeat(51)}`, 'q'],
      ['q=%20%20', 'q'],
      ['limit=0', 'limit'],
      ['after=x', 'after'],
    ];
    for (const [query, field] of bad) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expect(errorOf(res).details.fields?.map((f) => f.field.replace(/^querystring\./, '')), query).toContain(field);
    }
  });
});
