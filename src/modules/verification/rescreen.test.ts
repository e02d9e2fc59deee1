// A rescreen matches only what changed since the last one of the county: with nothing new it joins no
// partner data and writes nothing; a new snapshot, a newly approved case or a corrected member is still found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { memberInput } from '../../test/households.ts';
import { testApp, tokenFor } from '../../test/http.ts';
import { makeIdNumber } from '../../kernel/id-number.ts';
import { approvedDibao, caller } from '../cases/testing.ts';
import type { RawRecord } from './domain/records.ts';
import type { Source } from './domain/sources.ts';
import { noiseRecords } from './testing.ts';

type Run = { findings: number; warnings: number; casesWithFindings: number; increment: { freshCases: number; newSnapshots: number; cases: number } };

describe(`rescreen after rescreen (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let call: ReturnType<typeof caller>;
  let township: string;
  let county: string;

  const snapshot = async (source: Source, records: RawRecord[]) => {
    const res = await call('POST', `/verification/sources/${source}/records`, county, { snapshotDate: '2026-11-01', records });
    expect(res.statusCode, res.body).toBe(201);
  };
  const rescreen = async () => {
    const res = await call('POST', '/verification/rescreens', county, {});
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Run;
  };
  const findingsOf = async (caseNo: string) => {
    const c = await db.kysely.selectFrom('cases').select(['county_code', 'id']).where('case_no', '=', caseNo).executeTakeFirstOrThrow();
    return db.kysely.selectFrom('verification_findings').select(['source', 'item', 'id_number']).where('county_code', '=', c.county_code).where('case_id', '=', c.id).execute();
  };

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    call = caller(built);
    township = await tokenFor(built, 'guanghui.caseworker');
    county = await tokenFor(built, 'duyun.approver');
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  it('joins nothing and writes nothing when nothing is new; finds a new snapshot\'s hit, a newly approved case and a member\'s corrected name', async () => {
    const first = await approvedDibao(built, { township, county });
    await snapshot('bank_deposits', noiseRecords('bank_deposits', 50, 11));
    const initial = await rescreen();
    expect(initial.increment.freshCases).toBe(initial.increment.cases);

    const idle = await rescreen();
    expect(idle).toMatchObject({ findings: 0, warnings: 0, increment: { freshCases: 0, newSnapshots: 0, cases: initial.increment.cases } });
    const requests = await db.kysely.selectFrom('verification_requests').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'rescreen').executeTakeFirstOrThrow();

    // A new snapshot: only it is joined, for the cases already rescreened.
    await snapshot('hukou', [...noiseRecords('hukou', 50, 12), { idNumber: first.headId, name: '罗大成', item: '死亡注销', eventDate: '2026-10-20' }]);
    const death = await rescreen();
    expect(death).toMatchObject({ findings: 1, warnings: 1, increment: { freshCases: 0, newSnapshots: 1 } });
    expect((await findingsOf(first.caseNo)).map((f) => f.source)).toEqual(['hukou']);

    // A person in a snapshot already consumed, whose case is approved afterwards: matched against every snapshot.
    const head = makeIdNumber('522701', '1969-09-09', 733, 'male');
    await snapshot('securities', [...noiseRecords('securities', 50, 13), { idNumber: head, item: 'securities', amount: 880000 }]);
    expect((await rescreen()).increment).toMatchObject({ freshCases: 0, newSnapshots: 1 });
    const later = await approvedDibao(built, { township, county }, { members: [memberInput({ idNumber: head, name: '韦后批', relation: 'head' })] });
    const newcomer = await rescreen();
    expect(newcomer).toMatchObject({ findings: 1, increment: { freshCases: 1, newSnapshots: 0, cases: initial.increment.cases + 1 } });
    expect(await findingsOf(later.caseNo)).toEqual([{ source: 'securities', item: 'securities', id_number: head }]);

    // A member's name corrected to the one a consumed record (name + birth date, no ID number) carries.
    const spouse = await db.kysely.selectFrom('members as m').innerJoin('cases as c', (j) => j.onRef('c.county_code', '=', 'm.county_code').onRef('c.household_id', '=', 'm.household_id'))
      .select(['m.county_code', 'm.id', 'm.id_number', 'm.birth_date']).where('c.case_no', '=', first.caseNo).where('m.relation', '=', 'spouse').executeTakeFirstOrThrow();
    await snapshot('commercial_insurance', [...noiseRecords('commercial_insurance', 50, 14), { name: '吴晓梅', birthDate: spouse.birth_date, item: 'policy', amount: 5000 }]);
    expect((await rescreen()).findings).toBe(0);
    await db.kysely.updateTable('members').set({ name: '吴晓梅' }).where('county_code', '=', spouse.county_code).where('id', '=', spouse.id).execute();
    const corrected = await rescreen();
    expect(corrected).toMatchObject({ findings: 1, increment: { freshCases: 1, newSnapshots: 0 } });
    expect((await findingsOf(first.caseNo)).map((f) => `${f.source}/${f.id_number}`).sort()).toEqual(['commercial_insurance/' + spouse.id_number, 'hukou/' + first.headId].sort());

    // Nothing new again: no join, no request, no finding.
    expect(await rescreen()).toMatchObject({ findings: 0, increment: { freshCases: 0, newSnapshots: 0 } });
    const after = await db.kysely.selectFrom('verification_requests').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'rescreen').executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(requests.n) + 3);
  });

  it('writes a new finding on a case already flagged, and leaves the case as it is (no new version)', async () => {
    const c = await approvedDibao(built, { township, county });
    const state = () => db.kysely.selectFrom('cases').select(['flags', 'review_due', 'version']).where('case_no', '=', c.caseNo).executeTakeFirstOrThrow();
    const before = await state();
    await snapshot('hukou', [...noiseRecords('hukou', 50, 21), { idNumber: c.headId, name: '罗大成', item: '死亡注销', eventDate: '2026-10-21' }]);
    expect(await rescreen()).toMatchObject({ findings: 1, warnings: 1 });
    const flagged = await state();
    expect(flagged.flags).toEqual(['verification_warning']);
    expect(flagged.version).toBe(before.version + 1);

    // A deposit far over the limit: a second breaking finding, the same warning, the case untouched.
    await snapshot('bank_deposits', [...noiseRecords('bank_deposits', 50, 22), { idNumber: c.headId, item: 'deposit', amount: 900_000_000 }]);
    expect(await rescreen()).toMatchObject({ findings: 1, warnings: 1 });
    expect((await findingsOf(c.caseNo)).map((f) => f.source).sort()).toEqual(['bank_deposits', 'hukou']);
    expect(await state()).toEqual(flagged);
  });
});
