// Citus-ready schema, proven without Citus (issue #24 item 5; docs/scale-out.md): the catalogue of the
// migrated schema obeys the distribution rules, and every distributed table can be hash-partitioned on
// county_code with its keys, indexes and foreign keys.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../kernel/paths.ts';
import { ENGINE, testDatabase } from '../test/db.ts';
import { distributionViolations, readCatalogue } from './distribution-check.ts';
import { TABLE_CLASSES, tablesOf } from './distribution.ts';
import type { Database } from './engine.ts';
import { rehearsePartitioning } from './partition-rehearsal.ts';

describe(`Citus-ready schema (${ENGINE})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  it('classifies every table, and keys every distributed table and its co-located foreign keys by county_code', async () => {
    expect(distributionViolations(await readCatalogue(db))).toEqual([]);
  });

  it('names the table that breaks a rule', async () => {
    await sql`create table rogue_unclassified (id bigint primary key)`.execute(db.kysely);
    await sql`create table rogue_ledger (county_code text not null, id bigint primary key, voucher_no text unique,
      household_county text, household_id bigint,
      foreign key (household_county, household_id) references households (county_code, id))`.execute(db.kysely);
    await sql`create table rogue_lookup (code text primary key, county_code text, household_id bigint,
      foreign key (county_code, household_id) references households (county_code, id))`.execute(db.kysely);
    try {
      const classes = { ...TABLE_CLASSES, rogue_ledger: 'distributed', rogue_lookup: 'reference', rogue_gone: 'local' } as const;
      const found = distributionViolations(await readCatalogue(db), classes);
      expect(found.sort()).toEqual([
        'rogue_gone: classified in src/db/distribution.ts but no such table',
        'rogue_ledger: foreign key rogue_ledger_household_county_household_id_fkey → households is not co-located (county_code must map to county_code)',
        'rogue_ledger: primary key rogue_ledger_pkey (id) lacks county_code',
        'rogue_ledger: unique key rogue_ledger_voucher_no_key (voucher_no) lacks county_code',
        'rogue_lookup: foreign key rogue_lookup_county_code_household_id_fkey → households: a reference table may point only at reference tables',
        'rogue_unclassified: not classified in src/db/distribution.ts (distributed, reference or local)',
      ]);
      const rehearsal = await rehearsePartitioning(db, { classes: { rogue_ledger: 'distributed' } });
      expect(rehearsal.tables).toBe(0);
      expect(rehearsal.failures).toEqual([expect.stringMatching(/^rogue_ledger: .*partition/)]);
    } finally {
      await sql`drop table rogue_unclassified, rogue_ledger, rogue_lookup`.execute(db.kysely);
    }
  });

  it('hash-partitions every distributed table on county_code, with its rows and foreign keys', async () => {
    // a household in each of two counties, so that the copies spread over partitions
    await sql`insert into households (county_code, household_no, village_code, hukou, address)
      select v.county_code, v.county_code || '00000001', v.code, 'rural', '测试地址'
        from (select distinct on (county_code) county_code, code from areas where level = 'village' order by county_code, code limit 2) v`.execute(db.kysely);
    await sql`insert into members (county_code, household_id, id_number, name, sex, birth_date, relation, hukou, work_capacity)
      select county_code, id, county_code || '197003150011', '罗建国', 'male', '1970-03-15', 'head', 'rural', 'full'
        from households where household_no like '%00000001'`.execute(db.kysely);
    const rehearsal = await rehearsePartitioning(db, { partitions: 2 });
    expect(rehearsal.failures).toEqual([]);
    expect(rehearsal.tables).toBe(tablesOf('distributed').length);
    // On a fixture already partitioned (JIUZHU_TEST_PARTITIONS, src/test/global-setup.ts) the tables keep theirs.
    const already = ENGINE === 'postgres' ? Number(process.env.JIUZHU_TEST_PARTITIONS || 0) : 0;
    expect(rehearsal.partitions).toBe((already || 2) * tablesOf('distributed').length);
    expect(rehearsal.rows).toBeGreaterThanOrEqual(4);
    const declared = (await readCatalogue(db)).foreignKeys.filter((f) => TABLE_CLASSES[f.table] === 'distributed').length;
    expect(rehearsal.foreignKeys).toBe(declared);
  });

  it('docs/scale-out.md lists every distributed and reference table', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'scale-out.md'), 'utf8');
    const missing = [...tablesOf('distributed'), ...tablesOf('reference')].filter((t) => !doc.includes(`\`${t}\``));
    expect(missing).toEqual([]);
    expect(doc).toContain(`**Distributed on \`county_code\`** (${tablesOf('distributed').length} tables)`);
    expect(doc).toContain(`**Reference** (${tablesOf('reference').length} tables`);
  });
});
