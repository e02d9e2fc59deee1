// The caseload check's 低保 amounts by the SQL twin equal the formula in JS: random registry households
// (the twins' generators: members of either hukou, ages on the elderly boundary, categories, disabilities,
// incomes of every kind and period, deposits on the limits, vehicles, businesses) over counties of both
// tiers, each the subject of a 低保 row approved on a date around the elderly birthdays, before the 2015
// standards (no parameters: JS) or on a 29 February → the same errors, warnings (amounts and words) and
// staged cases whether the twin computes them or the formula in JS does every row. And the facts built
// without the zod parse equal `householdFactsFromRegistry`'s.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { csvLine } from '../../kernel/files/csv.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdArbitrary, replaceRegistry, twinVillages } from '../policy/testing.ts';
import { householdFactsFromRegistry, type RegistryHousehold } from '../registry/index.ts';
import { CASELOAD_COLUMNS } from './columns.ts';
import * as repo from './repo/caseload.ts';
import { checkCaseloadFile } from './service/check.ts';
import { factsOfRows } from './service/facts.ts';
import { dibaoOutcomesByTwin } from './service/twin.ts';

const DATES = ['2014-12-31', '2015-01-01', '2015-09-30', '2015-10-01', '2015-10-02', '2015-12-31', '2016-06-15', '2021-10-01', '2024-02-29', '2024-03-01', '2025-10-01'];

describe(`caseload: the twin's 低保 amounts equal the formula's (${ENGINE})`, () => {
  let db: Database;
  let villages: string[];
  beforeAll(async () => {
    db = await testDatabase();
    villages = (await twinVillages(db)).villages;
  });
  afterAll(async () => db?.close());

  it('same errors, warnings and staged cases by the twin as by the formula in JS; facts without the parse', async () => {
    let byTwin = 0;
    let eligible = 0;
    let rowsSeen = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(householdArbitrary, fc.constantFrom(...DATES), fc.integer({ min: 1, max: 200_000 })), { minLength: 20, maxLength: 40 }), async (list) => {
      await replaceRegistry(db.kysely, villages, list.map(([h]) => h));
      const households = await db.kysely.selectFrom('households').select(['county_code', 'id', 'household_no', 'village_code', 'hukou', 'categories']).orderBy('id').execute();
      const lines = [csvLine(CASELOAD_COLUMNS.map((c) => c.header)), ...households.map((h, i) => csvLine([h.household_no, '低保', 'B类', '', '', '', list[i]![1], (list[i]![2] / 100).toFixed(2), '']))];
      const body = Buffer.from(lines.join('\r\n'), 'utf8');
      const input = { countyCode: null, format: 'csv' as const, fileName: 't.csv', today: '2026-01-01', firstMonth: '2026-01' };
      const twin = await checkCaseloadFile(db, systemScope('test'), body, { ...input, formula: 'twin' });
      const js = await checkCaseloadFile(db, systemScope('test'), body, { ...input, formula: 'js' });
      expect(twin.errors).toEqual(js.errors);
      expect(twin.warnings).toEqual(js.warnings);
      expect(twin.cases).toEqual(js.cases);

      const keys = households.map((h) => ({ county_code: h.county_code, id: Number(h.id) }));
      const members = await repo.membersOf(db.kysely, keys, []);
      const outcomes = await dibaoOutcomesByTwin(db, households.map((h, i) => ({ countyCode: h.county_code, householdId: Number(h.id), date: list[i]![1], births: members.get(`${h.county_code}|${h.id}`)?.births ?? [] })));
      byTwin += outcomes.size;
      eligible += [...outcomes.values()].filter((o) => o.ok).length;
      rowsSeen += households.length;

      const rows = new Map((await repo.registryRowsOf(db.kysely, keys)).map((r) => [`${r.county_code}|${r.household_id}`, r]));
      for (const h of households) {
        const r = rows.get(`${h.county_code}|${h.id}`);
        // without members the facts are refused (the check says so first: no head)
        if (!r || r.members.length === 0) continue;
        const household = { ...h, id: Number(h.id) };
        expect(factsOfRows(household, r.members, r.incomes, r.assets)).toEqual(householdFactsFromRegistry({ household, ...r } as unknown as RegistryHousehold));
      }
    }), { numRuns: 5, seed: 20_151_001 });
    // The twin did most of the rows (the others: before the 2015 standards, no members, or on the elderly boundary).
    expect(byTwin).toBeGreaterThan(rowsSeen / 2);
    // …eligible households (amount and top-ups) and others (the formula's words) alike.
    expect(eligible).toBeGreaterThan(10);
    expect(byTwin - eligible).toBeGreaterThan(10);
  });
});
