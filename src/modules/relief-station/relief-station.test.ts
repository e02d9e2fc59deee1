// 救助管理站 on the real database: a record from screening to return home (issue 18's done-when), the minor
// rule, the refusal's minimum data, the overdue list and the long-stay reason, bad input named by field,
// another county's record answered exactly as a missing one, read-only roles, and the audit trail.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { idNumber } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { addInstitution } from './test-fixture.ts';

interface Detail {
  recordNo: string; status: string; decision: string; minor: boolean; displayName: string; idNumber: string | null; name: string | null; description: string | null;
  birthDate: string | null; approxAge: number | null; hukouPlace: string | null; identityStatus: string | null; health: string | null; overdue: boolean;
  stayDays: number | null; exitKind: string | null; journey: { escort: boolean; escortNames: string[]; ticketFen: number; receiver: string } | null;
  timeline: { kind: string; on: string; label: string }[]; services: { service: string }[]; searches: { method: string; found: boolean }[]; longStay: { kind: string } | null; mayManage: boolean;
}

describe(`relief-station records (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1/relief-station${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const fieldsOf = (res: Awaited<ReturnType<typeof call>>) => errorOf(res).details.fields?.map((f) => f.field) ?? [];
  let station = 0;
  let home = 0;
  const adult = idNumber('1970-03-05', 'male', '510902');
  const screening = () => ({
    stationId: station, source: 'street_outreach', metOn: '2015-08-01', place: '都匀市火车站广场', sex: 'male', name: '王某', idNumber: adult, hukouPlace: '四川省遂宁市',
    identityStatus: 'claimed', health: 'healthy', mentalIllness: 'none', infectiousDisease: false, decision: 'accepted', decidedOn: '2015-08-01',
  });
  const create = async (body: object, who = 'duyun.approver') => {
    const res = await call(who, 'POST', '/records', body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Detail;
  };

  it('takes a record from screening to return home, with the timeline and the ID number masked in lists', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'guanghui.clerk', 'qiannan.admin', 'qiannan.auditor']) tokens[u] = await tokenFor(t.built, u);
    const made = await t.built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(tokens['qiannan.admin']!), payload: { username: 'fuquan.approver', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' } });
    expect(made.statusCode, made.body).toBe(201);
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);
    station = await addInstitution(t.db, '522701', '都匀市流浪乞讨人员救助管理站');
    home = await addInstitution(t.db, '522701', '都匀市托养中心', 'welfare_home');

    const r = await create(screening());
    expect(r.recordNo).toMatch(/^LQ5227012015\d{6}$/);
    expect(r).toMatchObject({ status: 'screened', decision: 'accepted', minor: false, displayName: '王某', idNumber: adult, birthDate: '1970-03-05', mayManage: true });
    const no = r.recordNo;
    const step = async (path: string, body: object) => {
      const res = await call('duyun.approver', 'POST', `/records/${no}/${path}`, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Detail;
    };
    await step('entry', { enteredOn: '2015-08-01', services: ['food', 'lodging'] });
    await step('services', { service: 'clothing', providedOn: '2015-08-02' });
    await step('family-searches', { method: 'police_check', searchedOn: '2015-08-02', result: '公安核查户籍信息属实', found: false });
    await step('family-searches', { method: 'family_contact', searchedOn: '2015-08-03', result: '联系到其兄，同意接收', found: true });
    const done = await step('return', {
      returnedOn: '2015-08-05', destination: '四川省遂宁市船山区', transport: 'train', ticketFen: 18_650, escort: false, handedOverTo: 'family', receiver: '王某某（兄）',
    });
    expect(done).toMatchObject({ status: 'exited', exitKind: 'returned_home', stayDays: 4, overdue: false, journey: { escort: false, ticketFen: 18_650, receiver: '王某某（兄）' } });
    expect(done.services.map((s) => s.service)).toEqual(['food', 'lodging', 'clothing']);
    expect(done.timeline.map((s) => s.kind)).toEqual(['screened', 'decided', 'entered', 'service', 'service', 'service', 'family_search', 'family_search', 'returned']);
    // Once exited, no further step.
    const again = await call('duyun.approver', 'POST', `/records/${no}/entry`, { enteredOn: '2015-08-06' });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'relief_station_status']);

    // Township caseworkers of the county read (masked); a village clerk does not; only the county approver writes.
    const list = await call('guanghui.caseworker', 'GET', '/records');
    expect(list.statusCode, list.body).toBe(200);
    const items = (list.json() as { items: { recordNo: string; idNumber: string }[] }).items;
    expect(items.map((i) => i.recordNo)).toEqual([no]);
    expect(items[0]!.idNumber).toBe(`${adult.slice(0, 6)}********${adult.slice(-4)}`);
    const seen = (await call('guanghui.caseworker', 'GET', `/records/${no}`)).json() as Detail;
    expect([seen.idNumber, seen.mayManage]).toEqual([items[0]!.idNumber, false]);
    expect((await call('guanghui.clerk', 'GET', '/records')).statusCode).toBe(403);
    expect((await call('guanghui.caseworker', 'POST', '/records', screening())).statusCode).toBe(403);
    expect((await call('qiannan.auditor', 'POST', '/records', { ...screening(), countyCode: '522701' })).statusCode).toBe(403);
    const audit = await sql<{ action: string }>`select action from audit_log where entity = 'relief_station_record' and entity_id = ${no} order by id`.execute(t.db.kysely);
    expect(audit.rows.map((a) => a.action)).toEqual(['relief_station.record.create', 'relief_station.record.enter', 'relief_station.record.service', 'relief_station.record.family_search', 'relief_station.record.family_search', 'relief_station.record.return']);
  });

  it('keeps a minor from refusing or leaving alone; the handover is recorded', async () => {
    const minor = { ...screening(), name: '小李', idNumber: idNumber('2002-06-01', 'male', '522701'), hukouPlace: undefined };
    for (const decision of ['accepted', 'refused']) {
      const body = decision === 'refused' ? { stationId: station, source: 'police', metOn: '2015-08-01', place: '汽车站', sex: 'male', approxAge: 13, decision, decidedOn: '2015-08-01' } : { ...minor, decision };
      const res = await call('duyun.approver', 'POST', '/records', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(fieldsOf(res)).toContain('decision');
    }
    const r = await create({ ...minor, decision: 'minor_to_protection_centre' });
    expect(r.minor).toBe(true);
    await call('duyun.approver', 'POST', `/records/${r.recordNo}/entry`, { enteredOn: '2015-08-01' });
    const left = await call('duyun.approver', 'POST', `/records/${r.recordNo}/exit`, { kind: 'left_voluntarily', exitedOn: '2015-08-02' });
    expect([left.statusCode, errorOf(left).code, fieldsOf(left)]).toEqual([409, 'relief_station_minor_exit', ['kind']]);
    const alone = await call('duyun.approver', 'POST', `/records/${r.recordNo}/return`, { returnedOn: '2015-08-02', destination: '都匀市', transport: 'bus', ticketFen: 0, escort: false, handedOverTo: 'family', receiver: '李父' });
    expect([alone.statusCode, fieldsOf(alone)]).toEqual([409, ['escort']]);
    // A flagged minor (by appearance) is a minor whatever the stated age.
    const flagged = await call('duyun.approver', 'POST', '/records', { ...screening(), idNumber: undefined, approxAge: 19, minor: true });
    expect([flagged.statusCode, fieldsOf(flagged)]).toEqual([400, ['decision']]);
    const pickup = await call('duyun.approver', 'POST', `/records/${r.recordNo}/exit`, { kind: 'family_pickup', exitedOn: '2015-08-03', receiver: '李某（父）' });
    expect(pickup.statusCode, pickup.body).toBe(200);
    expect(pickup.json()).toMatchObject({ status: 'exited', exitKind: 'family_pickup', exitReceiver: '李某（父）' });
  });

  it('keeps only the minimum of a refusal and refuses to store a name or ID number', async () => {
    const refusal = { stationId: station, source: 'street_outreach', metOn: '2015-09-10', place: '剑江河滨公园', sex: 'female', approxAge: 55, decision: 'refused', decidedOn: '2015-09-10' };
    const withName = await call('duyun.approver', 'POST', '/records', { ...refusal, name: '张某', idNumber: adult });
    expect(withName.statusCode).toBe(400);
    expect(errorOf(withName).code).toBe('relief_station_refusal_data');
    expect(fieldsOf(withName)).toEqual(['name', 'idNumber']);
    const r = await create(refusal);
    expect(r).toMatchObject({ status: 'refused', displayName: '', name: null, idNumber: null, birthDate: null, hukouPlace: null, identityStatus: null, health: null, approxAge: 55 });
    const row = await sql<Record<string, unknown>>`select * from relief_station_records where record_no = ${r.recordNo}`.execute(t.db.kysely);
    const kept = Object.entries(row.rows[0]!).filter(([, v]) => v !== null).map(([k]) => k).sort();
    expect(kept).toEqual(['approx_age', 'county_code', 'created_at', 'decided_on', 'decision', 'id', 'institution_id', 'met_on', 'minor', 'place', 'record_no', 'recorded_by', 'sex', 'source', 'status', 'updated_at', 'version']);
    // The database refuses it too.
    await expect(sql`update relief_station_records set name = '张某' where record_no = ${r.recordNo}`.execute(t.db.kysely)).rejects.toThrow();
    const step = await call('duyun.approver', 'POST', `/records/${r.recordNo}/entry`, { enteredOn: '2015-09-10' });
    expect(step.statusCode).toBe(409);
  });

  it('lists stays beyond the limit as overdue until a reason is recorded; an exit after the limit needs one', async () => {
    const a = await create({ ...screening(), idNumber: undefined, name: undefined, description: '男，约60岁，左腿残疾，着灰色外套', approxAge: 60, metOn: '2015-10-01', decidedOn: '2015-10-01' });
    expect(a.displayName).toBe('无名氏');
    await call('duyun.approver', 'POST', `/records/${a.recordNo}/entry`, { enteredOn: '2015-10-01' });
    const overdue = (await call('duyun.approver', 'GET', '/records?overdue=true')).json() as { items: { recordNo: string; stayLimitDays: number; overdue: boolean }[] };
    expect(overdue.items.map((i) => [i.recordNo, i.stayLimitDays, i.overdue])).toEqual([[a.recordNo, 10, true]]);
    const noReason = await call('duyun.approver', 'POST', `/records/${a.recordNo}/exit`, { kind: 'left_voluntarily', exitedOn: '2015-10-20' });
    expect([noReason.statusCode, errorOf(noReason).code, fieldsOf(noReason)]).toEqual([409, 'relief_station_long_stay', ['longStayReason']]);
    const approved = await call('duyun.approver', 'POST', `/records/${a.recordNo}/long-stay`, { kind: 'referral_pending', reason: '身份不明，联系托养机构中', on: '2015-10-11' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(((await call('duyun.approver', 'GET', '/records?overdue=true')).json() as { items: unknown[] }).items).toEqual([]);
    const referred = await call('duyun.approver', 'POST', `/records/${a.recordNo}/referral`, { institutionCountyCode: '522701', institutionId: home, referredOn: '2015-10-21', receiver: '托养中心 刘主任' });
    expect(referred.statusCode, referred.body).toBe(200);
    expect(referred.json()).toMatchObject({ exitKind: 'referred', stayDays: 20, referredTo: { name: '都匀市托养中心' }, longStay: { kind: 'referral_pending' } });
  });

  it('names bad fields; another county answers exactly as a missing record', async () => {
    const bad: [object, string][] = [
      [{ ...screening(), source: 'airport' }, 'source'],
      [{ ...screening(), metOn: '2015-02-30' }, 'metOn'],
      [{ ...screening(), idNumber: `${adult.slice(0, 17)}${adult.endsWith('0') ? '1' : '0'}` }, 'idNumber'],
      [{ ...screening(), sex: 'female' }, 'sex'],
      [{ ...screening(), decidedOn: '2015-07-31' }, 'decidedOn'],
      [{ ...screening(), health: undefined }, 'health'],
      [{ ...screening(), name: undefined }, 'description'],
      [{ ...screening(), mentalIllness: 'suspected' }, 'decision'],
      [{ ...screening(), stationId: 999_999_999 }, 'stationId'],
      [{ ...screening(), stationId: home }, 'stationId'],
      [{ ...screening(), metOn: '2099-01-01', decidedOn: '2099-01-01' }, 'metOn'],
    ];
    for (const [body, field] of bad) {
      const r = await call('duyun.approver', 'POST', '/records', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(r), JSON.stringify(body)).toContain(field);
    }
    const r = await create(screening());
    const esc = await call('duyun.approver', 'POST', `/records/${r.recordNo}/return`, { returnedOn: '2015-08-02', destination: '四川', transport: 'train', ticketFen: 100, escort: true, handedOverTo: 'family', receiver: '某' });
    expect([esc.statusCode, fieldsOf(esc)]).toEqual([400, ['escortNames']]);
    const missing = r.recordNo.replace(/\d{6}$/, '999999');
    for (const [url, id] of [[`/records/${r.recordNo}`, r.recordNo], [`/records/${missing}`, missing]] as const) {
      const res = await call('fuquan.approver', 'GET', url);
      expect(res.statusCode).toBe(404);
      expect(res.body.replaceAll(id, 'ID')).toBe(JSON.stringify({ error: { code: 'not_found', message: '救助记录 ID 不存在', details: { entity: '救助记录', id: 'ID' } } }));
    }
    expect((await call('fuquan.approver', 'POST', `/records/${r.recordNo}/entry`, { enteredOn: '2015-08-01' })).statusCode).toBe(404);
    expect(((await call('fuquan.approver', 'GET', '/records')).json() as { items: unknown[] }).items).toEqual([]);
    const stations = (await call('fuquan.approver', 'GET', '/stations')).json() as { items: { name: string }[] };
    expect(stations.items.map((s) => s.name)).not.toContain('都匀市流浪乞讨人员救助管理站');
    const foreign = await call('fuquan.approver', 'POST', '/records', { ...screening(), countyCode: '522701' });
    expect([foreign.statusCode, fieldsOf(foreign)]).toEqual([400, ['countyCode']]);
  });
});
