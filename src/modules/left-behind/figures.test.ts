// 留守 figures on a hand-built set, against hand calculation: a 都匀 household with a child (surveyed in two
// years) and an elder living alone and ill, a 福泉 household with a 留守妇女; visits in two years.
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { idNumber, memberInput } from '../../test/households.ts';
import { bearer, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { makeHousehold } from '../cases/testing.ts';

describe(`left-behind figures (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await t.built.app.inject({ method, url: `/api/v1/left-behind${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
    if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { personId: string };
  };

  it('counts persons by kind in the year, visits in the year and open warnings by county', async () => {
    for (const u of ['guanghui.caseworker', 'guanghui.clerk', 'qiannan.admin']) tokens[u] = await tokenFor(t.built, u);
    await t.built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(tokens['qiannan.admin']!), payload: { username: 'fuquan.approver', displayName: '福泉', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' } });
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);
    const kid = idNumber('2016-03-01', 'male');
    const gran = idNumber('1950-03-01', 'female');
    const wife = idNumber('1990-03-01', 'female', '522702');
    const a = await makeHousehold(t.built, tokens['guanghui.caseworker']!, '522701001001', { hukou: 'rural', members: [
      memberInput({ idNumber: gran, name: '杨奶奶', hukou: 'rural', workCapacity: 'none' }),
      memberInput({ idNumber: kid, name: '杨小明', relation: 'grandchild', hukou: 'rural', workCapacity: 'none' }),
    ] });
    const b = await makeHousehold(t.built, tokens['fuquan.approver']!, '522702001001', { hukou: 'rural', members: [memberInput({ idNumber: wife, name: '王某某', sex: 'female', hukou: 'rural' })] });
    const guardian = { name: '杨奶奶', relation: '祖母', able: true };
    // 都匀: the child in 2023 and 2024 (counted once, in 2024), the elder in 2024 living alone and ill.
    const child = await call('guanghui.clerk', 'POST', '/surveys', { householdNo: a.householdNo, idNumber: kid, year: 2023, kind: 'child', awayPlace: '深圳', guardian, surveyedOn: '2023-04-01', surveyedBy: '某' });
    await call('guanghui.clerk', 'POST', '/surveys', { householdNo: a.householdNo, idNumber: kid, year: 2024, kind: 'child', awayPlace: '深圳', guardian, surveyedOn: '2024-04-01', surveyedBy: '某' });
    const elder = await call('guanghui.clerk', 'POST', '/surveys', { householdNo: a.householdNo, idNumber: gran, year: 2024, kind: 'elder', awayPlace: '深圳', risks: ['living_alone', 'ill'], surveyedOn: '2024-04-01', surveyedBy: '某' });
    // 福泉: the woman in 2024.
    await call('fuquan.approver', 'POST', '/surveys', { householdNo: b.householdNo, idNumber: wife, year: 2024, kind: 'woman', awayPlace: '上海', surveyedOn: '2024-05-01', surveyedBy: '某' });
    // Visits: the child once in 2023 and twice in 2024, the elder once in 2024.
    for (const on of ['2023-06-01', '2024-06-01', '2024-09-01']) await call('guanghui.clerk', 'POST', `/persons/${child.personId}/visits`, { visitedOn: on, visitedBy: '某', findings: '学习生活正常' });
    await call('guanghui.clerk', 'POST', `/persons/${elder.personId}/visits`, { visitedOn: '2024-07-01', visitedBy: '某', findings: '身体尚可' });
    // A care plan for the child from 2024-05 (none by the end of 2023); the elder's alone_ill followed up in 2024.
    await call('guanghui.clerk', 'POST', `/persons/${child.personId}/care-plans`, { carerKind: 'village_cadre', carerName: '村主任', from: '2024-05-01' });
    await call('guanghui.caseworker', 'POST', `/persons/${elder.personId}/follow-ups`, { warning: 'alone_ill', action: 'referral', department: 'health', note: '转介卫生院', followedOn: '2024-08-01' });

    // Open warnings today (every last contact is in 2024, long past 30 days): 都匀 child no_visit, elder no_visit
    // (alone_ill followed up) = 2; 福泉 woman no_visit = 1.
    const duyun = { children: 1, elders: 1, women: 0, persons: 2, withCarePlan: 1, visits: 3, followUps: 1, openWarnings: 2 };
    const fuquan = { children: 0, elders: 0, women: 1, persons: 1, withCarePlan: 0, visits: 0, followUps: 0, openWarnings: 1 };
    expect(await call('qiannan.admin', 'GET', '/figures?area=522700&year=2024')).toEqual({
      area: '522700', areaName: '黔南布依族苗族自治州', year: 2024,
      items: [{ countyCode: '522701', countyName: '都匀市', ...duyun }, { countyCode: '522702', countyName: '福泉市', ...fuquan }],
      total: { children: 1, elders: 1, women: 1, persons: 3, withCarePlan: 1, visits: 3, followUps: 1, openWarnings: 3 },
    });
    const y2023 = await call('qiannan.admin', 'GET', '/figures?year=2023') as unknown as { items: unknown[] };
    expect(y2023.items).toEqual([
      { countyCode: '522701', countyName: '都匀市', children: 1, elders: 0, women: 0, persons: 1, withCarePlan: 0, visits: 1, followUps: 0, openWarnings: 2 },
      { countyCode: '522702', countyName: '福泉市', children: 0, elders: 0, women: 0, persons: 0, withCarePlan: 0, visits: 0, followUps: 0, openWarnings: 1 },
    ]);
    // A township caseworker sees its own persons only.
    const own = await call('guanghui.caseworker', 'GET', '/figures?area=522700&year=2024') as unknown as { items: { countyCode: string }[] };
    expect(own.items.map((i) => i.countyCode)).toEqual(['522701']);
  });
});
