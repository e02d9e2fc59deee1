// Institution figures on a hand-built set (the demo rows removed): three counties, homes open, closed
// and not yet opened, registered before and after the year's end, ratings and completed projects of the
// year and of others — against hand calculation. And the 特困 check: only an open home of a kind that
// houses people may be chosen.
import { describe, expect, it } from 'vitest';
import type { Insertable } from 'kysely';
import { ENGINE } from '../../test/db.ts';
import { bearer, errorOf, tokenFor, useTestApp } from '../../test/http.ts';
import { requireInstitution } from './index.ts';
import type { InstitutionTable } from './tables.ts';

type Home = Insertable<InstitutionTable>;
const home = (county: string, name: string, o: Partial<Home> = {}): Home => ({ county_code: county, name, kind: 'nursing_home', beds: 0, ...o });
const reg = (on: string) => ({ legal_person_status: 'registered' as const, legal_person_registered_on: on });
const staff = (m: number, c: number, d: number) => ({ staff_management: m, staff_care: c, staff_medical: d });

describe(`institution figures (${ENGINE})`, () => {
  const t = useTestApp();
  const ids: Record<string, number> = {};

  it('match hand calculation per county and in total', async () => {
    const k = t.db.kysely;
    await k.deleteFrom('institutions').where('demo', '=', true).execute();
    const rows: Home[] = [
      // 都匀市: A and B nursing homes, C a welfare home; D closed mid-2015 and E opened in 2016 are not counted for 2015.
      home('522701', 'A', { ...reg('2014-05-01'), posts: 5, ...staff(2, 6, 1), beds: 100, care_beds: 40 }),
      home('522701', 'B', { posts: 3, ...staff(1, 4, 0), beds: 60, care_beds: 10 }),
      home('522701', 'C', { kind: 'welfare_home', ...reg('2013-01-01'), posts: 10, ...staff(3, 10, 2), beds: 80, care_beds: 30 }),
      home('522701', 'D', { ...reg('2010-01-01'), posts: 50, beds: 500, status: 'closed', closed_on: '2015-06-30' }),
      home('522701', 'E', { ...reg('2016-03-01'), posts: 50, beds: 500, opened_on: '2016-03-01' }),
      // 福泉市: F registered in 2015, G only in 2016 (not registered at the end of 2015), H long ago.
      home('522702', 'F', { ...reg('2015-11-01'), posts: 4, ...staff(1, 5, 1), beds: 50, care_beds: 20 }),
      home('522702', 'G', { ...reg('2016-01-10'), posts: 6, ...staff(2, 3, 1), beds: 40, care_beds: 10 }),
      home('522702', 'H', { ...reg('2012-01-01'), posts: 2, ...staff(1, 2, 0), beds: 30 }),
      // 荔波县: none.
    ];
    for (const r of rows) ids[r.name] = Number((await k.insertInto('institutions').values(r).returning('id').executeTakeFirstOrThrow()).id);
    const rate = (name: string, county: string, year: number, stars: number) =>
      k.insertInto('institution_ratings').values({ county_code: county, institution_id: ids[name]!, year, stars, assessed_on: `${year}-12-01`, assessor: '省民政厅', score_centi: null, created_by: 't' }).execute();
    await rate('A', '522701', 2015, 5);
    await rate('C', '522701', 2015, 4);
    await rate('F', '522702', 2015, 5);
    await rate('B', '522701', 2014, 3);
    const project = (name: string, county: string, source: 'central_lottery' | 'provincial' | 'local', amount: number, status: 'planned' | 'completed', completed: string | null) =>
      k.insertInto('institution_projects').values({ county_code: county, institution_id: ids[name]!, name: `${name}项目`, funding_source: source, amount_fen: amount, status, year: 2015,
        started_on: status === 'planned' ? null : '2014-06-01', completed_on: completed, created_by: 't' }).execute();
    await project('A', '522701', 'central_lottery', 1_000_000_00, 'completed', '2015-10-01');
    await project('F', '522702', 'provincial', 500_000_00, 'completed', '2015-12-31');
    await project('B', '522701', 'local', 300_000_00, 'planned', null);
    await project('H', '522702', 'central_lottery', 800_000_00, 'completed', '2014-12-31');

    const built = t.built;
    const admin = await tokenFor(built, 'qiannan.admin');
    const res = await built.app.inject({ method: 'GET', url: '/api/v1/institutions/figures?area=522700&year=2015', headers: bearer(admin) });
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as { areaName: string; rows: ({ countyCode: string } & Record<string, unknown>)[]; total: Record<string, unknown> };
    expect(f.areaName).toBe('黔南布依族苗族自治州');
    expect(f.rows).toHaveLength(13);
    const duyun = f.rows.find((r) => r.countyCode === '522701')!;
    const fuquan = f.rows.find((r) => r.countyCode === '522702')!;
    const libo = f.rows.find((r) => r.countyCode === '522722')!;
    expect(duyun).toMatchObject({
      institutions: 3, byKind: { nursing_home: 2, welfare_home: 1 }, nursingHomes: 2, registered: 1, registrationRate: 0.5, posts: 18,
      staff: { management: 6, care: 20, medical: 3, total: 29 }, beds: 240, careBeds: 80, stars: { 5: 1, 4: 1, 3: 0 },
      completedProjects: { central_lottery: 1, provincial: 0, local: 0 }, completedAmountFen: { central_lottery: 1_000_000_00 },
    });
    expect(fuquan).toMatchObject({
      institutions: 3, nursingHomes: 3, registered: 2, posts: 12, staff: { management: 4, care: 10, medical: 2, total: 16 }, beds: 120, careBeds: 30,
      stars: { 5: 1, 4: 0 }, completedProjects: { central_lottery: 0, provincial: 1, local: 0 },
    });
    expect(fuquan.registrationRate).toBeCloseTo(2 / 3, 10);
    expect(libo).toMatchObject({ institutions: 0, nursingHomes: 0, registrationRate: null, beds: 0 });
    expect(f.total).toMatchObject({
      institutions: 6, nursingHomes: 5, registered: 3, registrationRate: 0.6, posts: 30, staff: { total: 45 }, beds: 360, careBeds: 110,
      stars: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 2 }, completedProjects: { central_lottery: 1, provincial: 1, local: 0 }, completedAmountFen: { central_lottery: 1_000_000_00, provincial: 500_000_00, local: 0 },
    });

    // A township gets its county by default; another county is a field error, like an unknown area.
    const township = await tokenFor(built, 'guanghui.caseworker');
    const own = await built.app.inject({ method: 'GET', url: '/api/v1/institutions/figures?year=2015', headers: bearer(township) });
    expect(own.statusCode, own.body).toBe(200);
    expect((own.json() as { rows: { countyCode: string; registered: number }[] }).rows).toMatchObject([{ countyCode: '522701', registered: 1 }]);
    for (const area of ['522702', '529999', '522701001']) {
      const r = await built.app.inject({ method: 'GET', url: `/api/v1/institutions/figures?area=${area}&year=2015`, headers: bearer(township) });
      expect([r.statusCode, errorOf(r).details.fields?.[0]?.field], area).toEqual([400, 'area']);
    }
  });

  it('lets a 特困 case choose only an open home of its county that houses people', async () => {
    const k = t.db.kysely;
    const station = Number((await k.insertInto('institutions').values(home('522701', '都匀市救助管理站', { kind: 'relief_station' })).returning('id').executeTakeFirstOrThrow()).id);
    await expect(requireInstitution(t.db, '522701', ids['A']!)).resolves.toMatchObject({ name: 'A' });
    await expect(requireInstitution(t.db, '522702', ids['A']!)).rejects.toMatchObject({ status: 400, details: { fields: [{ field: 'data.institutionId' }] } });
    await expect(requireInstitution(t.db, '522701', ids['D']!)).rejects.toMatchObject({ message: expect.stringContaining('已关闭') });
    await expect(requireInstitution(t.db, '522701', station)).rejects.toMatchObject({ message: expect.stringContaining('不接收特困人员集中供养') });
  });
});
