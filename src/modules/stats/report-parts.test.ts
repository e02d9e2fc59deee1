// The sections other modules add to the annual report (report/parts.ts): 供养服务机构建设 (institutions, with the
// placements' bed use and 集中供养率) and 救助管理工作 (relief stations), on a hand-built set (the demo
// institutions removed), every number worked out by hand in the comments; the 工作机制 heading follows them.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { bearer, tokenFor, useTestApp } from '../../test/http.ts';
import { hardshipCase, hardshipEntitlement, insertStay } from '../placements/testing.ts';
import { statsProgrammes } from './domain/catalogue.ts';
import { numeral } from './report/annual.ts';

describe(`the report's institution and relief-station sections (${ENGINE})`, () => {
  const t = useTestApp();

  it('writes both paragraphs in the seed\'s form with hand-computed numbers', async () => {
    const k = t.db.kysely;
    await k.deleteFrom('institutions').where('demo', '=', true).execute();
    const add = async (county: string, name: string, o: Record<string, unknown>) =>
      Number((await k.insertInto('institutions').values({ county_code: county, name, kind: 'nursing_home', beds: 0, ...o }).returning('id').executeTakeFirstOrThrow()).id);
    const reg = (on: string) => ({ legal_person_status: 'registered' as const, legal_person_registered_on: on });
    // 都匀市: A (registered, 4 beds), B (not registered, 6 beds), the relief station S (no beds). 福泉市: F (registered 2015-11, 10 beds).
    // Nursing homes 3, registered 2 → 66.67% → 66.7%; posts 5 + 3 + 4 = 12; staff 9 + 5 + 7 = 21; nursing-home beds 20.
    const a = await add('522701', 'A', { ...reg('2014-05-01'), posts: 5, staff_management: 2, staff_care: 6, staff_medical: 1, beds: 4 });
    const b = await add('522701', 'B', { posts: 3, staff_management: 1, staff_care: 4, staff_medical: 0, beds: 6 });
    const s = await add('522701', '都匀市救助管理站', { kind: 'relief_station' });
    const f = await add('522702', 'F', { ...reg('2015-11-01'), posts: 4, staff_management: 1, staff_care: 5, staff_medical: 1, beds: 10 });
    // Ratings of 2015: A and F five stars, B four (B's three stars of 2014 do not count) → 五星级2个、四星级1个.
    const rate = (id: number, county: string, year: number, stars: number) =>
      k.insertInto('institution_ratings').values({ county_code: county, institution_id: id, year, stars, assessed_on: `${year}-12-01`, assessor: '省民政厅', score_centi: null, created_by: 't' }).execute();
    await rate(a, '522701', 2015, 5);
    await rate(f, '522702', 2015, 5);
    await rate(b, '522701', 2015, 4);
    await rate(b, '522701', 2014, 3);
    // Projects completed in 2015: one of each source → 3所; a planned one and one completed in 2014 do not count.
    const project = (id: number, county: string, source: string, status: string, started: string | null, completed: string | null) =>
      k.insertInto('institution_projects').values({ county_code: county, institution_id: id, name: '项目', funding_source: source as 'local', amount_fen: 100_000_00, status: status as 'planned', year: 2015, started_on: started, completed_on: completed, created_by: 't' }).execute();
    await project(a, '522701', 'central_lottery', 'completed', '2014-06-01', '2015-10-01');
    await project(f, '522702', 'provincial', 'completed', '2014-06-01', '2015-12-31');
    await project(b, '522701', 'local', 'completed', '2015-01-01', '2015-06-01');
    await project(b, '522701', 'central_lottery', 'planned', null, null);
    await project(f, '522702', 'local', 'completed', '2013-06-01', '2014-12-31');

    // 特困 of 都匀市: 2014-12: c0 institutional, c1, c2, c3 → 1 of 4 = 25%; 2015-12: c0, c1 (institutional from 2015-03),
    // c2, c3, c4 (institutional from 2015-02) → 3 of 5 = 60%: up 35 points.
    const township = await tokenFor(t.built, 'guanghui.caseworker');
    const c = [];
    for (let i = 0; i < 5; i++) c.push(await hardshipCase(t.db, t.built, township));
    await hardshipEntitlement(t.db, c[0]!.caseId, { month: '2014-01', institutional: true });
    await hardshipEntitlement(t.db, c[1]!.caseId, { month: '2014-01' });
    await hardshipEntitlement(t.db, c[1]!.caseId, { month: '2015-03', institutional: true });
    await hardshipEntitlement(t.db, c[2]!.caseId, { month: '2014-01' });
    await hardshipEntitlement(t.db, c[3]!.caseId, { month: '2014-01' });
    await hardshipEntitlement(t.db, c[4]!.caseId, { month: '2015-02', institutional: true });
    // Five residents all year in 都匀市's 10 beds: 5 × 365 ÷ (10 × 365) = 50%; 福泉市's 10 beds empty: 0% (the lowest);
    // in total 1825 ÷ (20 × 365) = 25%. Five residents at the year's end.
    for (const [i, home] of [a, a, a, b, b].entries()) await insertStay(t.db, c[i]!, home, '2014-12-01', null);

    // Relief station of 都匀市 in 2015: P accepted and returned home, Q a minor to the protection centre and picked up,
    // R refused, U accepted and still in → screened 4, assisted 3 (all but the refusal), 1 minor, 1 returned home.
    const county = await tokenFor(t.built, 'duyun.approver');
    const post = async (url: string, payload: object) => {
      const res = await t.built.app.inject({ method: 'POST', url: `/api/v1/relief-station${url}`, headers: bearer(county), payload });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { recordNo: string };
    };
    const person = (metOn: string, extra: object = {}) => ({
      stationId: s, source: 'walk_in', metOn, place: '车站', sex: 'male', name: '某', approxAge: 40, identityStatus: 'claimed', health: 'healthy',
      mentalIllness: 'none', infectiousDisease: false, decision: 'accepted', decidedOn: metOn, ...extra,
    });
    const p = await post('/records', person('2015-03-01'));
    await post(`/records/${p.recordNo}/entry`, { enteredOn: '2015-03-01' });
    await post(`/records/${p.recordNo}/return`, { transport: 'bus', ticketFen: 3000, escort: true, escortNames: ['王某'], handedOverTo: 'family', destination: '贵阳市', receiver: '家属', returnedOn: '2015-03-04' });
    const q = await post('/records', person('2015-05-01', { approxAge: 12, decision: 'minor_to_protection_centre' }));
    await post(`/records/${q.recordNo}/entry`, { enteredOn: '2015-05-01' });
    await post(`/records/${q.recordNo}/exit`, { kind: 'family_pickup', exitedOn: '2015-05-03', receiver: '父' });
    await post('/records', { stationId: s, source: 'street_outreach', metOn: '2015-07-01', place: '桥下', sex: 'male', approxAge: 50, decision: 'refused', decidedOn: '2015-07-01' });
    await post('/records', person('2015-08-01'));

    const admin = await tokenFor(t.built, 'qiannan.admin');
    const doc = await t.built.app.inject({ method: 'GET', url: '/api/v1/stats/report.docx?area=522700&year=2015', headers: bearer(admin) });
    expect(doc.statusCode, doc.body).toBe(200);
    const text = (await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const n = statsProgrammes().length;
    expect(text).toContain(`（${numeral(n + 1)}）供养服务机构建设2015年全州新建（改扩建）敬老院3所（中央彩票公益金补助1所、省级补助1所、地方1所）；`
      + '全州敬老院3所，其中2所完成事业单位法人登记，占66.7%，有编制人员12个、管理服务人员21人；2015年评定五星级敬老院2个、四星级1个；'
      + '敬老院床位20张，床位利用率25%，最低的县（市、区）为福泉市（0%）；特困人员集中供养率60%，比上年提高35个百分点。');
    expect(text).toContain(`（${numeral(n + 2)}）救助管理工作2015年全州救助管理机构排查、甄别求助人员4人（次），对自愿受助者实施救助3人（次），其中未成年人1人（次），护送返乡1人（次）。`);
    expect(text).toContain(`（${numeral(n + 3)}）社会救助工作机制`);

    // 福泉市 alone: no relief-station records → no 救助管理 section; no resident all year → no bed-use rate; no 特困 → no
    // 集中供养率.
    const fq = await t.built.app.inject({ method: 'GET', url: '/api/v1/stats/report.docx?area=522702&year=2015', headers: bearer(admin) });
    const fqText = (await (await JSZip.loadAsync(fq.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(fqText).toContain(`（${numeral(n + 1)}）供养服务机构建设2015年全县新建（改扩建）敬老院1所（省级补助1所）；全县敬老院1所，其中1所完成事业单位法人登记，占100%，有编制人员4个、管理服务人员7人；2015年评定五星级敬老院1个；敬老院床位10张。`);
    expect(fqText).not.toContain('救助管理工作');
    expect(fqText).toContain(`（${numeral(n + 2)}）社会救助工作机制`);
  });
});
