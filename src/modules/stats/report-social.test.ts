// The annual report's 社会力量参与 (volunteers, then wishes: one section) and 留守人员关爱 sections on a
// hand-built 都匀市 of 2016, every number counted by hand in the comments; 福泉市 and a township beside it.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { idNumber, memberInput } from '../../test/households.ts';
import { bearer, tokenFor, useTestApp } from '../../test/http.ts';
import { makeHousehold } from '../cases/testing.ts';

describe(`the report's social-participation and 留守 sections (${ENGINE})`, () => {
  const t = useTestApp();

  it('carries the volunteers, wishes and 留守 paragraphs with hand-counted figures', async () => {
    const k = t.db.kysely;
    const by = { recorded_by: 't' };
    // Organisations of 都匀市: charity A, volunteer organisation C, social-work D active, charity B dissolved
    // → 慈善组织1个、志愿服务组织1个、社会工作服务机构1个; 福泉市 has one charity of its own.
    const org = async (county: string, kind: string, name: string, status = 'active') =>
      Number((await k.insertInto('social_organisations').values({ county_code: county, kind: kind as 'charity', name, status: status as 'active', ...by }).returning('id').executeTakeFirstOrThrow()).id);
    await org('522701', 'charity', '都匀慈善会');
    const b = await org('522701', 'charity', '已注销慈善会', 'dissolved');
    const c = await org('522701', 'volunteer_org', '都匀志愿者协会');
    await org('522701', 'social_work', '都匀社工中心');
    await org('522702', 'charity', '福泉慈善会');
    // Teams: two of C, one of the dissolved B (not counted) → 志愿服务队伍2支.
    const team = async (o: number, name: string) => Number((await k.insertInto('volunteer_teams').values({ county_code: '522701', organisation_id: o, name, area_code: '522701001', leader: '队长', ...by }).returning('id').executeTakeFirstOrThrow()).id);
    const t1 = await team(c, '一队');
    await team(c, '二队');
    await team(b, '旧队');
    // Volunteers registered by the end of 2016: three (a fourth in 2017) → 注册志愿者3人.
    const vol = async (n: number, on: string) => Number((await k.insertInto('volunteers').values({ county_code: '522701', name: `志愿者${n}`, id_number: idNumber(`198${n}-01-01`), area_code: '522701001', registered_on: on, phone: null, skills: [], user_id: null, ...by }).returning('id').executeTakeFirstOrThrow()).id);
    const [v1, v2, v3] = [await vol(1, '2015-03-01'), await vol(2, '2016-02-01'), await vol(3, '2016-12-31')];
    await vol(4, '2017-01-02');
    // Confirmed service of 2016: v1 90 min, v2 45 min → 135 min = 2.25 hours by 2 volunteers; v1's unconfirmed
    // hour and v3's service of 2015 do not count.
    const serve = (v: number, on: string, minutes: number, confirmed: boolean) => k.insertInto('volunteer_service_records').values({
      county_code: '522701', team_id: t1, organisation_id: c, volunteer_id: v, activity: '入户探访', served_on: on, area_code: '522701001', minutes,
      confirmed_by_name: confirmed ? '队长' : null, confirmed_on: confirmed ? on : null, ...by,
    }).execute();
    await serve(v1!, '2016-03-01', 90, true);
    await serve(v2!, '2016-05-01', 45, true);
    await serve(v1!, '2016-06-01', 60, false);
    await serve(v3!, '2015-12-31', 120, true);

    // Campaigns running in 2016 for 都匀市: the prefecture's 点亮微心愿 (from January) and the county's 情暖千万家
    // (from June); the county's campaign of 2015 and 福泉市's do not count for 都匀市.
    const campaign = async (area: string, name: string, from: string, to: string) =>
      Number((await k.insertInto('wish_campaigns').values({ area_code: area, name, from_on: from, to_on: to, created_by: 't' }).returning('id').executeTakeFirstOrThrow()).id);
    const light = await campaign('522700', '点亮微心愿', '2016-01-01', '2016-12-31');
    await campaign('522701', '情暖千万家', '2016-06-01', '2016-08-31');
    await campaign('522701', '旧活动', '2015-01-01', '2015-12-31');
    await campaign('522702', '福泉助学', '2016-03-01', '2016-05-31');

    // The 留守 household of 广惠: a child born 2008 and a grandmother born 1945.
    const caseworker = await tokenFor(t.built, 'guanghui.caseworker');
    const clerk = await tokenFor(t.built, 'guanghui.clerk');
    const kid = idNumber('2008-05-01', 'male');
    const gran = idNumber('1945-03-01', 'female');
    const h = await makeHousehold(t.built, caseworker, '522701001001', { hukou: 'rural', members: [
      memberInput({ idNumber: gran, name: '杨奶奶', sex: 'female', hukou: 'rural', workCapacity: 'none' }),
      memberInput({ idNumber: kid, name: '杨小明', relation: 'grandchild', hukou: 'rural', workCapacity: 'none' }),
    ] });
    const household = await k.selectFrom('households').select('id').where('household_no', '=', h.householdNo).executeTakeFirstOrThrow();

    // Wishes: two published in 2016 (one fulfilled in March, 200 yuan; one still waiting), one published in 2015 and
    // fulfilled in January 2016 (300 yuan) → 发布2个，实现2个、价值500.00元.
    const wish = (n: number, o: { published: string; fulfilled?: string; valueFen: number }) => k.insertInto('wishes').values({
      county_code: '522701', wish_no: `WX5227012016${String(n).padStart(6, '0')}`, household_id: Number(household.id), village_code: '522701001001', campaign_id: light,
      kind: 'item', description: '一个书包', value_fen: o.valueFen, consent_on: '2015-11-01', consent_by: '户主', recorded_on: '2015-11-01',
      status: o.fulfilled ? 'fulfilled' : 'published', published_on: o.published,
      ...(o.fulfilled ? { claimant_kind: 'volunteer' as const, claimant_name: '志愿者1', claimed_on: o.published, fulfilled_on: o.fulfilled, confirmation_kind: 'photo' as const, confirmation_ref: '照片1' } : {}),
      created_by: 't',
    }).execute();
    await wish(1, { published: '2016-02-01', fulfilled: '2016-03-01', valueFen: 200_00 });
    await wish(2, { published: '2016-04-01', valueFen: 100_00 });
    await wish(3, { published: '2015-12-01', fulfilled: '2016-01-10', valueFen: 300_00 });
    // Donations received in 2016: 15,000 yuan to the campaign and goods worth 500 yuan to the household → 2笔、1.55万元;
    // one of 2015 does not count.
    const donate = (o: object) => k.insertInto('charity_donations').values({ county_code: '522701', donor_kind: 'enterprise', donor_name: '某公司', form: 'cash', value_fen: 1, received_on: '2016-01-01', ...by, ...o }).execute();
    await donate({ campaign_id: light, value_fen: 15_000_00, received_on: '2016-06-01' });
    await donate({ household_id: Number(household.id), form: 'goods', goods_description: '棉被', goods_quantity: 2, value_fen: 500_00, received_on: '2016-07-01' });
    await donate({ campaign_id: light, value_fen: 999_00, received_on: '2015-12-20' });

    // 留守 of 2016: the child and the grandmother (living alone and ill) surveyed → 留守儿童1人、留守老人1人; a care plan
    // for the child → 1人落实了关爱计划; visits 2 + 1 in 2016 (one of 2017 not) → 3次; the grandmother's alone_ill
    // followed up → 处置预警1件.
    const call = async (url: string, payload: object) => {
      const res = await t.built.app.inject({ method: 'POST', url: `/api/v1/left-behind${url}`, headers: bearer(clerk), payload });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { personId: string };
    };
    const guardian = { name: '杨奶奶', relation: '祖母', able: true };
    const child = await call('/surveys', { householdNo: h.householdNo, idNumber: kid, year: 2016, kind: 'child', awayPlace: '深圳', guardian, surveyedOn: '2016-03-01', surveyedBy: '某' });
    const elder = await call('/surveys', { householdNo: h.householdNo, idNumber: gran, year: 2016, kind: 'elder', awayPlace: '深圳', risks: ['living_alone', 'ill'], surveyedOn: '2016-03-01', surveyedBy: '某' });
    await call(`/persons/${child.personId}/care-plans`, { carerKind: 'village_cadre', carerName: '村主任', from: '2016-04-01' });
    for (const [p, on] of [[child, '2016-05-01'], [child, '2016-09-01'], [elder, '2016-06-01'], [elder, '2017-01-05']] as const) {
      await call(`/persons/${p.personId}/visits`, { visitedOn: on, visitedBy: '某', findings: '生活正常' });
    }
    await call(`/persons/${elder.personId}/follow-ups`, { warning: 'alone_ill', action: 'referral', department: 'health', note: '转介卫生院', followedOn: '2016-07-01' });

    const admin = await tokenFor(t.built, 'qiannan.admin');
    const report = async (area: string) => {
      const doc = await t.built.app.inject({ method: 'GET', url: `/api/v1/stats/report.docx?area=${area}&year=2016`, headers: bearer(admin) });
      expect(doc.statusCode, doc.body).toBe(200);
      return (await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    };
    const volunteers = '2016年，全县有慈善组织1个、志愿服务组织1个、社会工作服务机构1个，志愿服务队伍2支，注册志愿者3人；全年2名志愿者参与志愿服务，经确认的服务时长2.25小时。';
    const wishes = '2016年全县开展“点亮微心愿”“情暖千万家”等活动，发布微心愿2个，实现2个、价值500.00元，接受慈善捐赠2笔、1.55万元。';
    const leftBehind = (place: string) => `2016年${place}排查摸底留守儿童1人、留守老人1人，其中1人落实了关爱计划；全年走访留守人员3次，处置预警1件。`;
    const duyun = await report('522701');
    expect(duyun).toMatch(new RegExp(`（[一二三四五六七八九十]+）社会力量参与${volunteers}${wishes}（[一二三四五六七八九十]+）留守人员关爱${leftBehind('全县')}（[一二三四五六七八九十]+）社会救助工作机制`));

    // 福泉市: its charity and the prefecture's campaign beside its own; no 留守 record → no 留守 section.
    const fuquan = await report('522702');
    expect(fuquan).toContain('社会力量参与2016年，全县有慈善组织1个。2016年全县开展“点亮微心愿”“福泉助学”等活动。');
    expect(fuquan).not.toContain('留守人员关爱');
    // The township of 广惠: the 留守 section only (the register and the wishes' figures are the county's).
    const township = await report('522701001');
    expect(township).toContain(`留守人员关爱${leftBehind('全乡（镇）')}`);
    expect(township).not.toContain('社会力量参与');
  });
});
