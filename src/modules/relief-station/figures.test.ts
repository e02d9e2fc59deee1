// 救助管理站 figures on a hand-built set, against hand calculation: two stations of two counties, records met
// in 2015 and one in 2014 that exited in 2015; a township user gets its own county only.
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { bearer, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { addInstitution } from './test-fixture.ts';

describe(`relief-station figures (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.built.app.inject({ method, url: `/api/v1/relief-station${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
    if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { recordNo: string };
  };
  const person = (station: number, metOn: string, extra: object = {}) => ({
    stationId: station, source: 'walk_in', metOn, place: '车站', sex: 'male', name: '某', approxAge: 40, identityStatus: 'claimed', health: 'healthy',
    mentalIllness: 'none', infectiousDisease: false, decision: 'accepted', decidedOn: metOn, ...extra,
  });
  const refusal = (station: number, metOn: string) => ({ stationId: station, source: 'street_outreach', metOn, place: '桥下', sex: 'male', approxAge: 50, decision: 'refused', decidedOn: metOn });

  it('counts screenings, assisted, minors, returns, referrals and the average stay by county', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'qiannan.admin']) tokens[u] = await tokenFor(t.built, u);
    await t.built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(tokens['qiannan.admin']!), payload: { username: 'fuquan.approver', displayName: '福泉', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' } });
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);
    const duyun = await addInstitution(t.db, '522701', '都匀市流浪乞讨人员救助管理站');
    const home = await addInstitution(t.db, '522701', '都匀市托养中心', 'welfare_home');
    const fuquan = await addInstitution(t.db, '522702', '福泉市流浪乞讨人员救助管理站');
    const ret = { transport: 'bus', ticketFen: 3000, escort: false, handedOverTo: 'family', destination: '贵阳市', receiver: '家属' };

    // 都匀 2015: 5 met — 3 accepted, 1 refused, 1 minor to the centre. Exits in 2015: A returns after 3 days, B after 5 days,
    // C (the minor) is picked up after 2 days. One record met 2014-12-28 returns 2015-01-02 (5 days): counted as a return
    // and a stay of 2015, not as a screening of 2015.
    const a = await call('duyun.approver', 'POST', '/records', person(duyun, '2015-03-01'));
    await call('duyun.approver', 'POST', `/records/${a.recordNo}/entry`, { enteredOn: '2015-03-01' });
    await call('duyun.approver', 'POST', `/records/${a.recordNo}/return`, { ...ret, returnedOn: '2015-03-04' });
    const b = await call('duyun.approver', 'POST', '/records', person(duyun, '2015-04-01'));
    await call('duyun.approver', 'POST', `/records/${b.recordNo}/entry`, { enteredOn: '2015-04-01' });
    await call('duyun.approver', 'POST', `/records/${b.recordNo}/referral`, { institutionCountyCode: '522701', institutionId: home, referredOn: '2015-04-06', receiver: '托养中心' });
    const c = await call('duyun.approver', 'POST', '/records', person(duyun, '2015-05-01', { approxAge: 12, decision: 'minor_to_protection_centre' }));
    await call('duyun.approver', 'POST', `/records/${c.recordNo}/entry`, { enteredOn: '2015-05-01' });
    await call('duyun.approver', 'POST', `/records/${c.recordNo}/exit`, { kind: 'family_pickup', exitedOn: '2015-05-03', receiver: '父' });
    await call('duyun.approver', 'POST', '/records', person(duyun, '2015-06-01'));
    await call('duyun.approver', 'POST', '/records', refusal(duyun, '2015-07-01'));
    const old = await call('duyun.approver', 'POST', '/records', person(duyun, '2014-12-28'));
    await call('duyun.approver', 'POST', `/records/${old.recordNo}/entry`, { enteredOn: '2014-12-28' });
    await call('duyun.approver', 'POST', `/records/${old.recordNo}/return`, { ...ret, returnedOn: '2015-01-02' });
    // 福泉 2015: 2 refusals and 1 accepted who is still in the station; one record of 2016.
    await call('fuquan.approver', 'POST', '/records', refusal(fuquan, '2015-02-01'));
    await call('fuquan.approver', 'POST', '/records', refusal(fuquan, '2015-02-02'));
    const f = await call('fuquan.approver', 'POST', '/records', person(fuquan, '2015-11-01'));
    await call('fuquan.approver', 'POST', `/records/${f.recordNo}/entry`, { enteredOn: '2015-11-01' });
    await call('fuquan.approver', 'POST', '/records', person(fuquan, '2016-01-05'));

    const duyunRow = { screenings: 5, assisted: 4, accepted: 3, refused: 1, minors: 1, returnedHome: 2, referred: 1, averageStayDays: 3.8 }; // (3+5+2+5)/4 = 3.75 → 3.8
    const fuquanRow = { screenings: 3, assisted: 1, accepted: 1, refused: 2, minors: 0, returnedHome: 0, referred: 0, averageStayDays: null };
    const all = await call('qiannan.admin', 'GET', '/figures?area=522700&year=2015');
    expect(all).toEqual({
      area: '522700', areaName: '黔南布依族苗族自治州', year: 2015,
      items: [{ countyCode: '522701', countyName: '都匀市', ...duyunRow }, { countyCode: '522702', countyName: '福泉市', ...fuquanRow }],
      total: { screenings: 8, assisted: 5, accepted: 4, refused: 3, minors: 1, returnedHome: 2, referred: 1, averageStayDays: 3.8 },
    });
    const own = await call('guanghui.caseworker', 'GET', '/figures?year=2015') as unknown as { area: string; items: { countyCode: string }[] };
    expect([own.area, own.items.map((i) => i.countyCode)]).toEqual(['522701', ['522701']]);
    const wide = await call('guanghui.caseworker', 'GET', '/figures?area=522700&year=2015') as unknown as { items: { countyCode: string }[] };
    expect(wide.items.map((i) => i.countyCode)).toEqual(['522701']);
    const other = await t.built.app.inject({ method: 'GET', url: '/api/v1/relief-station/figures?area=522702&year=2015', headers: bearer(tokens['guanghui.caseworker']!) });
    expect(other.statusCode).toBe(400);
  });
});
