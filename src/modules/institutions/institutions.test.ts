// The institution register on the real database: registering with the full record, bad input named by
// field with nothing written (a wrong credit-code check character among it), update with the version,
// a rating per year, projects; a township reads its county's institutions and not another county's
// (404 exactly like a missing one); the demo rows stay valid; every write audited.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';

const HOME = {
  countyCode: '522701', name: '都匀市广惠敬老院', kind: 'nursing_home', address: '广惠路1号', areaCode: '522701001', creditCode: '12522701MB0000009Y',
  legalPersonStatus: 'registered', legalPersonRegisteredOn: '2014-05-20', posts: 6, staffManagement: 2, staffCare: 8, staffMedical: 1,
  beds: 120, careBeds: 50, bedsSelfCare: 60, bedsPartial: 30, bedsFull: 20, openedOn: '2010-09-01',
};

describe(`institution register (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const fieldsOf = (res: Awaited<ReturnType<typeof call>>) => errorOf(res).details.fields?.map((f) => f.field) ?? [];
  const counts = async () => {
    const { rows } = await sql<{ i: number; a: number; p: number; r: number }>`select (select count(*)::int from institutions) as i, (select count(*)::int from audit_log) as a,
      (select count(*)::int from institution_projects) as p, (select count(*)::int from institution_ratings) as r`.execute(t.db.kysely);
    return rows[0]!;
  };
  let id = 0;

  it('registers an institution with its full record; refuses bad input by field and writes nothing', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'guanghui.clerk', 'qiannan.admin', 'qiannan.auditor']) tokens[u] = await tokenFor(t.built, u);
    const made = await call('qiannan.admin', 'POST', '/users', { username: 'fuquan.approver', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' });
    expect(made.statusCode, made.body).toBe(201);
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);

    const before = await counts();
    const bad: [object, string, number][] = [
      [{ ...HOME, creditCode: '12522701MB00000091' }, 'creditCode', 400], // wrong check character (Y)
      [{ ...HOME, creditCode: '12522701MB000000' }, 'creditCode', 400],
      [{ ...HOME, creditCode: '12522701MB000000IY' }, 'creditCode', 400],
      [{ ...HOME, kind: 'hotel' }, 'kind', 400],
      [{ ...HOME, careBeds: 121 }, 'careBeds', 400],
      [{ ...HOME, bedsFull: 31 }, 'bedsFull', 400],
      [{ ...HOME, legalPersonRegisteredOn: null }, 'legalPersonRegisteredOn', 400],
      [{ ...HOME, areaCode: '522702001' }, 'areaCode', 400],
      [{ ...HOME, posts: -1 }, 'posts', 400],
      [{ ...HOME, countyCode: '522702' }, 'countyCode', 400],
    ];
    for (const [body, field, status] of bad) {
      const r = await call('duyun.approver', 'POST', '/institutions', body);
      expect(r.statusCode, r.body).toBe(status);
      expect(fieldsOf(r), JSON.stringify(body)).toContain(field);
    }
    expect((await call('guanghui.caseworker', 'POST', '/institutions', HOME)).statusCode).toBe(403);
    expect((await call('qiannan.auditor', 'POST', '/institutions', HOME)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);

    const res = await call('duyun.approver', 'POST', '/institutions', HOME);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as { id: number; kindLabel: string; countyName: string; areaName: string; staff: object; bedSummary: object; version: number; mayManage: boolean };
    id = d.id;
    expect(d).toMatchObject({ kindLabel: '敬老院（特困供养服务机构）', countyName: '都匀市', areaName: '广惠街道', version: 1, mayManage: true, creditCode: '12522701MB0000009Y' });
    expect(d.staff).toEqual({ management: 2, care: 8, medical: 1, total: 11 });
    expect(d.bedSummary).toEqual({ total: 120, care: 50, selfCare: 60, partial: 30, full: 20, unassigned: 10 });
    const after = await counts();
    expect([after.i - before.i, after.a - before.a]).toEqual([1, 1]);

    // The same credit code or name again: 409 naming the field.
    const again = await call('duyun.approver', 'POST', '/institutions', { ...HOME, name: '都匀市另一敬老院' });
    expect([again.statusCode, errorOf(again).code, fieldsOf(again)]).toEqual([409, 'institution_credit_code_taken', ['creditCode']]);
    const sameName = await call('duyun.approver', 'POST', '/institutions', { ...HOME, creditCode: null });
    expect([sameName.statusCode, errorOf(sameName).code]).toEqual([409, 'institution_exists']);
    // The old shape {countyCode, name, beds} still registers a nursing home.
    const minimal = await call('duyun.approver', 'POST', '/institutions', { countyCode: '522701', name: '文峰街道敬老院', beds: 40 });
    expect([minimal.statusCode, (minimal.json() as { kind: string }).kind]).toEqual([201, 'nursing_home']);
  });

  it('lets a township read its county\'s institutions and not another county\'s (404 like a missing one)', async () => {
    const list = (await call('guanghui.caseworker', 'GET', '/institutions')).json() as { items: { id: number; countyCode: string; name: string; kind: string }[] };
    expect(list.items.every((i) => i.countyCode === '522701')).toBe(true);
    expect(list.items.map((i) => i.name)).toEqual(expect.arrayContaining(['都匀市中心敬老院', '都匀市社会福利院', HOME.name]));
    // the demo rows stayed valid: the welfare home is one now
    expect(list.items.find((i) => i.name === '都匀市社会福利院')?.kind).toBe('welfare_home');
    const own = await call('guanghui.clerk', 'GET', `/institutions/${id}`);
    expect([own.statusCode, (own.json() as { mayManage: boolean }).mayManage]).toEqual([200, false]);

    const fuquanHome = await t.db.kysely.selectFrom('institutions').select('id').where('county_code', '=', '522702').executeTakeFirstOrThrow();
    const other = await call('guanghui.caseworker', 'GET', `/institutions/${fuquanHome.id}`);
    const missing = await call('guanghui.caseworker', 'GET', '/institutions/987654321');
    expect([other.statusCode, missing.statusCode]).toEqual([404, 404]);
    expect(other.body.replaceAll(String(fuquanHome.id), 'ID')).toBe(missing.body.replaceAll('987654321', 'ID'));
    const filtered = (await call('guanghui.caseworker', 'GET', '/institutions?county=522702')).json() as { items: unknown[] };
    expect(filtered.items).toEqual([]);
    // another county's approver: neither reads nor changes it
    expect((await call('fuquan.approver', 'GET', `/institutions/${id}`)).statusCode).toBe(404);
    expect((await call('fuquan.approver', 'PATCH', `/institutions/${id}`, { version: 1, posts: 1 })).statusCode).toBe(404);
    const kinds = (await call('qiannan.admin', 'GET', '/institutions?kind=welfare_home&status=open')).json() as { items: { kind: string }[] };
    expect(kinds.items.length).toBe(13);
    expect(kinds.items.every((i) => i.kind === 'welfare_home')).toBe(true);
  });

  it('updates with the version read; a stale version is refused; the change is audited', async () => {
    const r = await call('duyun.approver', 'PATCH', `/institutions/${id}`, { version: 1, posts: 8, staffCare: 10, legalPersonStatus: 'not_registered', legalPersonRegisteredOn: null });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ version: 2, posts: 8, legalPersonStatus: 'not_registered', staff: { care: 10, total: 13 } });
    const stale = await call('duyun.approver', 'PATCH', `/institutions/${id}`, { version: 1, posts: 9 });
    expect([stale.statusCode, errorOf(stale).code]).toEqual([409, 'institution_changed']);
    const badCode = await call('duyun.approver', 'PATCH', `/institutions/${id}`, { version: 2, creditCode: '91350100M000100Y44' });
    expect([badCode.statusCode, fieldsOf(badCode)]).toEqual([400, ['creditCode']]);
    const closing = await call('duyun.approver', 'PATCH', `/institutions/${id}`, { version: 2, status: 'closed' });
    expect([closing.statusCode, fieldsOf(closing)]).toEqual([400, ['closedOn']]);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity', '=', 'institution').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['institution.create', 'institution.update']);
    expect(audit[1]).toMatchObject({ before: { posts: 6, version: 1 }, after: { posts: 8, version: 2 } });
  });

  it('records a star rating per year with its assessment, and construction projects', async () => {
    const rating = { year: 2015, stars: 5, assessedOn: '2015-11-20', assessor: '贵州省民政厅', score: 92.5, note: '五星级敬老院' };
    const r = await call('duyun.approver', 'POST', `/institutions/${id}/ratings`, rating);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ latestStars: 5, ratings: [{ year: 2015, stars: 5, score: 92.5, assessor: '贵州省民政厅', createdBy: 'duyun.approver' }] });
    const twice = await call('duyun.approver', 'POST', `/institutions/${id}/ratings`, { ...rating, stars: 4 });
    expect([twice.statusCode, errorOf(twice).code, fieldsOf(twice)]).toEqual([409, 'institution_rated', ['year']]);
    for (const [body, field] of [[{ ...rating, year: 2014, stars: 6 }, 'stars'], [{ ...rating, year: 2016, assessedOn: '2015-12-01' }, 'assessedOn'], [{ ...rating, year: 2013, score: 100.5 }, 'score']] as const) {
      const bad = await call('duyun.approver', 'POST', `/institutions/${id}/ratings`, body);
      expect([bad.statusCode, fieldsOf(bad)], JSON.stringify(body)).toEqual([400, [field]]);
    }
    expect((await call('guanghui.caseworker', 'POST', `/institutions/${id}/ratings`, { ...rating, year: 2014 })).statusCode).toBe(403);

    const project = { name: '敬老院改扩建', fundingSource: 'central_lottery', amountFen: 120_000_000, status: 'building', year: 2015, startedOn: '2015-03-01' };
    const p = await call('duyun.approver', 'POST', `/institutions/${id}/projects`, project);
    expect(p.statusCode, p.body).toBe(201);
    const made = p.json() as { id: number; version: number; fundingLabel: string; statusLabel: string };
    expect(made).toMatchObject({ version: 1, fundingLabel: '中央彩票公益金', statusLabel: '在建' });
    const noDate = await call('duyun.approver', 'PATCH', `/institutions/${id}/projects/${made.id}`, { version: 1, status: 'completed' });
    expect([noDate.statusCode, fieldsOf(noDate)]).toEqual([400, ['completedOn']]);
    const done = await call('duyun.approver', 'PATCH', `/institutions/${id}/projects/${made.id}`, { version: 1, status: 'completed', completedOn: '2015-12-10' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ version: 2, status: 'completed', completedOn: '2015-12-10' });
    const stale = await call('duyun.approver', 'PATCH', `/institutions/${id}/projects/${made.id}`, { version: 1, amountFen: 1 });
    expect([stale.statusCode, errorOf(stale).code]).toEqual([409, 'institution_project_changed']);
    const badSource = await call('duyun.approver', 'POST', `/institutions/${id}/projects`, { ...project, fundingSource: 'bank' });
    expect([badSource.statusCode, fieldsOf(badSource)]).toEqual([400, ['fundingSource']]);

    const d = (await call('guanghui.caseworker', 'GET', `/institutions/${id}`)).json() as { projects: { status: string; amountFen: number }[]; ratings: unknown[] };
    expect(d.projects).toMatchObject([{ status: 'completed', amountFen: 120_000_000 }]);
    expect(d.ratings).toHaveLength(1);
    const actions = await t.db.kysely.selectFrom('audit_log').select('action').where('action', 'like', 'institution.%.%').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['institution.rating.add', 'institution.project.add', 'institution.project.update']);
  });
});
