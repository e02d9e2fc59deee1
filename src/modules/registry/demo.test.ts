import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { DEMO_TOWNSHIPS, ensureDemoHouseholds, loadDemoHouseholds } from './service/demo.ts';

describe(`demo households (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  const count = async (q: string) => Number((await sql<{ n: number }>`${sql.raw(q)}`.execute(db.kysely)).rows[0]?.n);

  it('loads a seed once, with households in the demo townships and a timeline entry each', async () => {
    const progress: number[] = [];
    const r = await loadDemoHouseholds(db, systemScope('test'), { households: 1_000, seed: 'test-seed', batchSize: 300, onProgress: (d) => progress.push(d) });
    expect(r.status).toBe('loaded');
    // the demo townships' extra households come from a second generator run: a rare one repeats an ID number
    expect(r.households + r.skipped).toBe(1_000 + 10 * DEMO_TOWNSHIPS.length);
    expect(r.skipped).toBeLessThan(3);
    expect(progress.at(-1)).toBe(r.households + r.skipped);
    expect(await count('select count(*) as n from households')).toBe(r.households);
    expect(await count('select count(*) as n from person_index')).toBe(r.members);
    expect(await count("select count(*) as n from registry_history where action = 'household.demo'")).toBe(r.households);
    for (const t of DEMO_TOWNSHIPS) expect(await count(`select count(*) as n from households where village_code like '${t}%'`)).toBeGreaterThanOrEqual(8);
    // the functional zone's villages come from the areas table too
    expect(await count("select count(*) as n from households where county_code = '522790'")).toBeGreaterThan(0);
    expect(await count("select count(*) as n from households h join areas v on v.code = h.village_code where v.urban <> (h.hukou = 'urban')")).toBe(0);

    const again = await loadDemoHouseholds(db, systemScope('test'), { households: 1_000, seed: 'test-seed' });
    expect(again).toMatchObject({ status: 'skipped', households: r.households });
    expect(await count('select count(*) as n from households')).toBe(r.households);
  });

  it('skips the households of another seed whose people are already registered', async () => {
    const before = await count('select count(*) as n from households');
    const r = await loadDemoHouseholds(db, systemScope('test'), { households: 200, seed: 'other-seed' });
    expect(r.status).toBe('loaded');
    expect(r.households + r.skipped).toBe(200 + 10 * DEMO_TOWNSHIPS.length);
    expect(await count('select count(*) as n from households')).toBe(before + r.households);
    expect(await count('select count(*) - count(distinct id_number) as n from members')).toBe(0);
  });

  it('npm start loads the default demo only into an empty registry', async () => {
    const logs: string[] = [];
    await ensureDemoHouseholds(db, (m) => logs.push(m));
    expect(logs).toEqual([]);
  });
});
