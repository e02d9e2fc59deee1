// Disaster events and their 灾情 reports on the real database: recording an event with its areas, bad
// input named by field, another county's approver answered 404, reports and a correction as version 2
// with totals over the latest versions, the append-only trigger, and a township reporting only for itself.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';

const GUANGHUI = '522701001';
const WENFENG = '522701002';
const figures = (n: number) => ({
  affectedPersons: 100 * n, relocatedPersons: 10 * n, deaths: 0, missing: 0, housesCollapsed: n, housesSeriouslyDamaged: 2 * n, housesGenerallyDamaged: 3 * n,
  cropAffectedHa100: 1000 * n, cropFailedHa100: 100 * n, directLossFen: 1_000_000 * n,
});

describe(`disaster events and reports (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const fieldsOf = (res: Awaited<ReturnType<typeof call>>) => errorOf(res).details.fields?.map((f) => f.field) ?? [];
  const event = { kind: 'flood', name: '“7·15”洪涝灾害', startedOn: '2015-07-15', responseLevel: 'IV', areas: [GUANGHUI, `${WENFENG}001`] };
  let eventNo = '';

  it('records an event with its areas; names bad fields; another county gets 404', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'wenfeng.caseworker', 'qiannan.admin', 'qiannan.auditor']) tokens[u] = await tokenFor(t.built, u);
    const made = await call('qiannan.admin', 'POST', '/users', { username: 'fuquan.approver', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' });
    expect(made.statusCode, made.body).toBe(201);
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);

    expect((await call('guanghui.caseworker', 'POST', '/disaster/events', event)).statusCode).toBe(403);
    const res = await call('duyun.approver', 'POST', '/disaster/events', event);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json() as { eventNo: string; kindLabel: string; countyName: string; responseLevelLabel: string };
    eventNo = e.eventNo;
    expect(eventNo).toMatch(/^SJ5227012015\d{6}$/);
    expect(e).toMatchObject({ kindLabel: '洪涝', countyName: '都匀市', responseLevelLabel: 'Ⅳ级' });

    const bad: [object, string][] = [
      [{ ...event, kind: 'meteor' }, 'kind'],
      [{ ...event, endedOn: '2015-07-01' }, 'endedOn'],
      [{ ...event, startedOn: '2015-02-30' }, 'startedOn'],
      [{ ...event, areas: [GUANGHUI, '522702001'] }, 'areas.1'],
      [{ ...event, areas: ['522701'] }, 'areas.0'],
      [{ ...event, areas: [GUANGHUI, GUANGHUI] }, 'areas.1'],
    ];
    for (const [body, field] of bad) {
      const r = await call('duyun.approver', 'POST', '/disaster/events', body);
      expect(r.statusCode, r.body).toBe(400);
      expect(fieldsOf(r), JSON.stringify(body)).toContain(field);
    }
    for (const url of [`/disaster/events/${eventNo}`, `/disaster/events/${eventNo}/reports`]) {
      const r = await call('fuquan.approver', 'GET', url);
      expect([r.statusCode, r.body.includes('广惠')]).toEqual([404, false]);
    }
    expect((await call('fuquan.approver', 'POST', `/disaster/events/${eventNo}/end`, { endedOn: '2015-07-20' })).statusCode).toBe(404);
    const list = (await call('fuquan.approver', 'GET', '/disaster/events')).json() as { items: unknown[] };
    expect(list.items).toEqual([]);
    const own = (await call('guanghui.caseworker', 'GET', '/disaster/events?year=2015')).json() as { items: { eventNo: string; areaNames: string[] }[] };
    expect(own.items.map((i) => i.eventNo)).toEqual([eventNo]);
    expect(own.items[0]!.areaNames).toEqual(['广惠街道']);
  });

  it('takes reports and a correction as version 2; totals use the latest versions', async () => {
    const village = `${GUANGHUI}001`;
    const r1 = await call('guanghui.caseworker', 'POST', `/disaster/events/${eventNo}/reports`, { areaCode: village, asOf: '2015-07-16', ...figures(1) });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({ version: 1, areaName: expect.any(String) });
    const r2 = await call('guanghui.caseworker', 'POST', `/disaster/events/${eventNo}/reports`, { areaCode: village, asOf: '2015-07-16', ...figures(2), note: '更正' });
    expect(r2.json()).toMatchObject({ version: 2 });
    const w = await call('duyun.approver', 'POST', `/disaster/events/${eventNo}/reports`, { areaCode: `${WENFENG}001`, asOf: '2015-07-16', ...figures(5) });
    expect(w.statusCode, w.body).toBe(200);

    const detail = (await call('duyun.approver', 'GET', `/disaster/events/${eventNo}`)).json() as { latest: { areaCode: string; version: number }[]; totals: Record<string, number>; areas: { areaName: string }[]; mayEnd: boolean };
    expect(detail.latest.map((l) => [l.areaCode, l.version])).toEqual([[village, 2], [`${WENFENG}001`, 1]]);
    expect(detail.totals).toEqual(figures(7));
    expect(detail.areas.map((a) => a.areaName)).toContain('广惠街道');
    expect(detail.mayEnd).toBe(true);
    // The township's own report stands for its villages in the totals.
    await call('duyun.approver', 'POST', `/disaster/events/${eventNo}/reports`, { areaCode: GUANGHUI, asOf: '2015-07-17', ...figures(3) });
    const after = (await call('duyun.approver', 'GET', `/disaster/events/${eventNo}`)).json() as { totals: Record<string, number> };
    expect(after.totals).toEqual(figures(8));

    const versions = (await call('guanghui.caseworker', 'GET', `/disaster/events/${eventNo}/reports?area=${GUANGHUI}`)).json() as { items: { areaCode: string; asOf: string; version: number }[] };
    expect(versions.items.map((v) => [v.areaCode, v.asOf, v.version])).toEqual([[GUANGHUI, '2015-07-17', 1], [village, '2015-07-16', 2], [village, '2015-07-16', 1]]);

    const badArea = await call('duyun.approver', 'POST', `/disaster/events/${eventNo}/reports`, { areaCode: `${WENFENG}002`, asOf: '2015-07-16', ...figures(1) });
    expect([badArea.statusCode, fieldsOf(badArea)]).toEqual([400, ['areaCode']]);
    const negative = await call('duyun.approver', 'POST', `/disaster/events/${eventNo}/reports`, { areaCode: village, asOf: '2015-07-16', ...figures(1), deaths: -1 });
    expect([negative.statusCode, fieldsOf(negative)]).toEqual([400, ['deaths']]);
    const early = await call('duyun.approver', 'POST', `/disaster/events/${eventNo}/reports`, { areaCode: village, asOf: '2015-07-01', ...figures(1) });
    expect([early.statusCode, fieldsOf(early)]).toEqual([400, ['asOf']]);
  });

  it('refuses an UPDATE or DELETE of a report (append-only trigger)', async () => {
    await expect(sql`update disaster_reports set deaths = 99`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    await expect(sql`delete from disaster_reports`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
  });

  it('lets a township caseworker report only for its own township', async () => {
    const other = await call('wenfeng.caseworker', 'POST', `/disaster/events/${eventNo}/reports`, { areaCode: `${GUANGHUI}001`, asOf: '2015-07-18', ...figures(1) });
    expect([other.statusCode, fieldsOf(other)]).toEqual([400, ['areaCode']]);
    const own = await call('wenfeng.caseworker', 'POST', `/disaster/events/${eventNo}/reports`, { areaCode: `${WENFENG}001`, asOf: '2015-07-18', ...figures(1) });
    expect(own.statusCode, own.body).toBe(200);
    const seen = (await call('wenfeng.caseworker', 'GET', `/disaster/events/${eventNo}`)).json() as { latest: { areaCode: string }[]; areas: { areaCode: string }[]; mayEnd: boolean };
    expect(seen.latest.map((l) => l.areaCode)).toEqual([`${WENFENG}001`]);
    expect(seen.areas.map((a) => a.areaCode)).toEqual([`${WENFENG}001`]);
    expect(seen.mayEnd).toBe(false);
    expect((await call('qiannan.auditor', 'POST', `/disaster/events/${eventNo}/reports`, { areaCode: GUANGHUI, asOf: '2015-07-18', ...figures(1) })).statusCode).toBe(403);
  });

  it('ends an event once, not before it started', async () => {
    const early = await call('duyun.approver', 'POST', `/disaster/events/${eventNo}/end`, { endedOn: '2015-07-01' });
    expect([early.statusCode, fieldsOf(early)]).toEqual([400, ['endedOn']]);
    const ok = await call('duyun.approver', 'POST', `/disaster/events/${eventNo}/end`, { endedOn: '2015-07-25' });
    expect([ok.statusCode, (ok.json() as { endedOn: string }).endedOn]).toEqual([200, '2015-07-25']);
    const again = await call('duyun.approver', 'POST', `/disaster/events/${eventNo}/end`, { endedOn: '2015-07-26' });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'disaster_event_ended']);
    const audited = await sql<{ action: string }>`select action from audit_log where entity in ('disaster_event', 'disaster_report') order by id`.execute(t.db.kysely);
    expect(audited.rows.map((r) => r.action)).toEqual(['disaster.event.create', 'disaster.report.add', 'disaster.report.add', 'disaster.report.add', 'disaster.report.add', 'disaster.report.add', 'disaster.event.end']);
  });
});
