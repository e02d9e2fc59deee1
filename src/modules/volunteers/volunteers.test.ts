// 社会力量参与 on the real database: a bad 统一社会信用代码 named and nothing written, one registration per
// code and per ID number in a county, a volunteer never confirming their own hours, figures on a hand-built
// set matching hand calculation (unconfirmed and other years' hours not counted), another county's records
// answered exactly as missing ones, read-only roles, masking in lists.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { creditCodeCheck } from '../../kernel/credit-code.ts';
import { ENGINE } from '../../test/db.ts';
import { idNumber } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';

/** A valid 统一社会信用代码 for a county and a serial (GB 32100 check character computed by the kernel). */
const code = (county: string, serial: number) => {
  const first = `51${county}MJ${String(serial).padStart(7, '0')}`;
  return `${first}${creditCodeCheck(first)!}`;
};

describe(`volunteers (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1/volunteers${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const fieldsOf = (res: Awaited<ReturnType<typeof call>>) => errorOf(res).details.fields?.map((f) => f.field) ?? [];
  const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Record<string, unknown> & { id: number };
  };
  const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db.kysely)).rows[0]!.n);
  const ids = { org: 0, team: 0, zhang: 0, li: 0, fuquanOrg: 0, fuquanVolunteer: 0, record: 0 };
  const zhangId = idNumber('1985-04-02', 'male');
  const liId = idNumber('1990-07-09', 'female');

  it('refuses a bad credit code by field and writes nothing; registers one organisation per code', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'guanghui.clerk', 'wenfeng.caseworker', 'qiannan.admin', 'qiannan.auditor']) tokens[u] = await tokenFor(t.built, u);
    const made = await t.built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(tokens['qiannan.admin']!), payload: { username: 'fuquan.approver', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' } });
    expect(made.statusCode, made.body).toBe(201);
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);

    const good = code('522701', 1);
    const wrongCheck = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    for (const bad of [wrongCheck, good.slice(0, 16), `${good.slice(0, 10)}I${good.slice(11)}`]) {
      const r = await call('duyun.approver', 'POST', '/organisations', { kind: 'charity', name: '都匀市慈善总会', creditCode: bad });
      expect([r.statusCode, fieldsOf(r)], bad).toEqual([400, ['creditCode']]);
    }
    expect(await count('social_organisations')).toBe(0);
    const auditBefore = await count('audit_log');

    const org = await ok('duyun.approver', 'POST', '/organisations', { kind: 'charity', name: '都匀市慈善总会', creditCode: good.toLowerCase(), charityRecognisedOn: '2017-03-01', contactPerson: '吴某', contactPhone: '0854-8221234' });
    expect(org).toMatchObject({ kind: 'charity', kindLabel: '慈善组织', creditCode: good, charityRecognisedOn: '2017-03-01', countyCode: '522701', mayManage: true, teams: 0 });
    ids.org = org.id;
    expect(await count('audit_log')).toBe(auditBefore + 1);

    const again = await call('duyun.approver', 'POST', '/organisations', { kind: 'volunteer_org', name: '另一个组织', creditCode: good });
    expect([again.statusCode, errorOf(again).code, fieldsOf(again)]).toEqual([409, 'volunteer_org_credit_code_taken', ['creditCode']]);
    const recognised = await call('duyun.approver', 'POST', '/organisations', { kind: 'volunteer_org', name: '都匀市志愿者协会', charityRecognisedOn: '2017-03-01' });
    expect([recognised.statusCode, fieldsOf(recognised)]).toEqual([400, ['charityRecognisedOn']]);
    // A township caseworker does not register county organisations; a village clerk and an auditor change nothing.
    for (const who of ['guanghui.caseworker', 'guanghui.clerk', 'qiannan.auditor']) {
      expect((await call(who, 'POST', '/organisations', { countyCode: '522701', kind: 'other', name: '某组织' })).statusCode, who).toBeGreaterThanOrEqual(400);
    }
    expect(await count('social_organisations')).toBe(1);
  });

  it('registers teams and volunteers in the caller\'s own area; one volunteer per ID number in a county; lists masked', async () => {
    const team = await ok('guanghui.caseworker', 'POST', '/teams', { organisationId: ids.org, name: '广惠街道邻里守望志愿服务队', areaCode: '522701001', leader: '陈队长' });
    expect(team).toMatchObject({ organisationName: '都匀市慈善总会', areaName: expect.any(String), members: 0 });
    ids.team = team.id;
    const elsewhere = await call('guanghui.caseworker', 'POST', '/teams', { organisationId: ids.org, name: '文峰队', areaCode: '522701002', leader: '某' });
    expect([elsewhere.statusCode, fieldsOf(elsewhere)]).toEqual([400, ['areaCode']]);

    const zhang = await ok('guanghui.caseworker', 'POST', '/people', { name: '张三丰', idNumber: zhangId, phone: '13812345678', areaCode: '522701001001', skills: ['medical', 'care_elderly'], registeredOn: '2019-05-01' });
    expect(zhang).toMatchObject({ name: '张三丰', idNumber: zhangId, skillLabels: ['医疗卫生', '养老照护'], confirmedMinutes: 0, mayManage: true });
    ids.zhang = zhang.id;
    const dup = await call('duyun.approver', 'POST', '/people', { name: '张三', idNumber: zhangId, areaCode: '522701002001', registeredOn: '2019-05-01' });
    expect([dup.statusCode, errorOf(dup).code, fieldsOf(dup)]).toEqual([409, 'volunteer_id_number_taken', ['idNumber']]);
    const badId = await call('guanghui.caseworker', 'POST', '/people', { name: '某', idNumber: `${liId.slice(0, 17)}${liId.endsWith('0') ? '1' : '0'}`, areaCode: '522701001001', registeredOn: '2019-05-01' });
    expect([badId.statusCode, fieldsOf(badId)]).toEqual([400, ['idNumber']]);
    const badSkill = await call('guanghui.caseworker', 'POST', '/people', { name: '某', idNumber: liId, areaCode: '522701001001', skills: ['cooking'], registeredOn: '2019-05-01' });
    expect(badSkill.statusCode).toBe(400);
    expect(await count('volunteers')).toBe(1);

    // The caseworker registers their own account as a volunteer (then they must not confirm their own hours).
    const me = await sql<{ id: string }>`select id from users where username = 'guanghui.caseworker'`.execute(t.db.kysely);
    const li = await ok('guanghui.caseworker', 'POST', '/people', { name: '李四', idNumber: liId, areaCode: '522701001001', registeredOn: '2019-06-01', userId: Number(me.rows[0]!.id) });
    ids.li = li.id;
    for (const v of [ids.zhang, ids.li]) await ok('guanghui.caseworker', 'POST', `/teams/${ids.team}/members`, { volunteerId: v, joinedOn: '2019-06-01' });
    const twice = await call('guanghui.caseworker', 'POST', `/teams/${ids.team}/members`, { volunteerId: ids.zhang, joinedOn: '2019-06-02' });
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'volunteer_already_member']);

    const list = await ok('guanghui.clerk', 'GET', '/people');
    const items = list.items as { name: string; idNumber: string; phone: string | null }[];
    expect(items.map((i) => i.name)).toEqual(['张*丰', '李*']);
    expect(items[0]).toMatchObject({ idNumber: `${zhangId.slice(0, 6)}********${zhangId.slice(-4)}`, phone: '138****5678' });
    const seen = await ok('guanghui.clerk', 'GET', `/people/${ids.zhang}`);
    expect(seen).toMatchObject({ name: '张*丰', mayManage: false, teams: [{ teamId: ids.team, joinedOn: '2019-06-01' }] });
  });

  it('never lets a volunteer confirm their own hours; only confirmed hours count', async () => {
    const rec = await ok('guanghui.caseworker', 'POST', '/service-records', { teamId: ids.team, volunteerId: ids.li, activity: '走访留守老人', servedOn: '2020-03-01', areaCode: '522701001001', minutes: 90 });
    expect(rec).toMatchObject({ confirmed: false, hours: 1.5, organisationId: ids.org });
    // By the volunteer's own account, by their ID number, by their name.
    const own = await call('guanghui.caseworker', 'POST', `/service-records/${rec.id}/confirm`, { confirmedOn: '2020-03-02' });
    expect([own.statusCode, errorOf(own).code]).toEqual([409, 'volunteer_self_confirmation']);
    const byId = await call('duyun.approver', 'POST', `/service-records/${rec.id}/confirm`, { confirmedOn: '2020-03-02', organiserName: '李小四', organiserIdNumber: liId });
    expect([byId.statusCode, errorOf(byId).code, fieldsOf(byId)]).toEqual([409, 'volunteer_self_confirmation', ['organiserIdNumber']]);
    const byName = await call('duyun.approver', 'POST', `/service-records/${rec.id}/confirm`, { confirmedOn: '2020-03-02', organiserName: '李四' });
    expect([byName.statusCode, errorOf(byName).code, fieldsOf(byName)]).toEqual([409, 'volunteer_self_confirmation', ['organiserName']]);
    expect((await ok('duyun.approver', 'GET', `/people/${ids.li}`)).confirmedMinutes).toBe(0);
    const early = await call('duyun.approver', 'POST', `/service-records/${rec.id}/confirm`, { confirmedOn: '2020-02-28', organiserName: '陈队长' });
    expect([early.statusCode, fieldsOf(early)]).toEqual([400, ['confirmedOn']]);

    const done = await ok('duyun.approver', 'POST', `/service-records/${rec.id}/confirm`, { confirmedOn: '2020-03-02', organiserName: '陈队长' });
    expect(done).toMatchObject({ confirmed: true, confirmedBy: '陈队长', confirmedOn: '2020-03-02' });
    const twice = await call('duyun.approver', 'POST', `/service-records/${rec.id}/confirm`, { confirmedOn: '2020-03-03' });
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'volunteer_record_confirmed']);
    expect((await ok('duyun.approver', 'GET', `/people/${ids.li}`)).confirmedMinutes).toBe(90);
    ids.record = rec.id;
    // A volunteer not in the team is refused for the team's record.
    const outsider = await ok('duyun.approver', 'POST', '/people', { name: '王五', idNumber: idNumber('1992-01-01', 'male'), areaCode: '522701002001', registeredOn: '2019-01-01' });
    const notMember = await call('duyun.approver', 'POST', '/service-records', { teamId: ids.team, volunteerId: outsider.id, activity: '助老', servedOn: '2020-03-01', areaCode: '522701001001', minutes: 30 });
    expect([notMember.statusCode, fieldsOf(notMember)]).toEqual([400, ['volunteerId']]);
  });

  it('figures of a year on a hand-built set match hand calculation', async () => {
    // 都匀: a charity (above) + a volunteer organisation + a social-work organisation; teams: 1 (above) + 1.
    const vo = await ok('duyun.approver', 'POST', '/organisations', { kind: 'volunteer_org', name: '都匀市志愿者协会' });
    await ok('duyun.approver', 'POST', '/organisations', { kind: 'social_work', name: '都匀市社工服务中心', creditCode: code('522701', 2) });
    await ok('duyun.approver', 'POST', '/teams', { organisationId: vo.id, name: '文峰志愿服务队', areaCode: '522701002', leader: '罗队长' });
    // Volunteers: 张, 李, 王 (2019) + 赵 registered 2021 (not counted in 2020).
    await ok('duyun.approver', 'POST', '/people', { name: '赵六', idNumber: idNumber('1995-02-02', 'female'), areaCode: '522701002001', registeredOn: '2021-01-05' });
    const rec = (volunteerId: number, servedOn: string, minutes: number) =>
      ok('duyun.approver', 'POST', '/service-records', { organisationId: vo.id, volunteerId, activity: '关爱服务', servedOn, areaCode: '522701002001', minutes });
    const a = await rec(ids.zhang, '2020-06-01', 45); // confirmed: counts
    const b = await rec(ids.zhang, '2020-12-31', 75); // confirmed: counts
    await rec(ids.zhang, '2020-07-01', 600); // unconfirmed: not counted
    const c = await rec(ids.zhang, '2019-12-31', 120); // confirmed, another year
    for (const r of [a, b, c]) await ok('duyun.approver', 'POST', `/service-records/${r.id}/confirm`, { confirmedOn: '2021-01-10', organiserName: '罗队长' });
    // 福泉: one charity, one volunteer with 60 confirmed minutes.
    const fo = await ok('fuquan.approver', 'POST', '/organisations', { kind: 'charity', name: '福泉市慈善会', creditCode: code('522702', 1) });
    const fv = await ok('fuquan.approver', 'POST', '/people', { name: '罗七', idNumber: idNumber('1980-01-01', 'male', '522702'), areaCode: '522702001001', registeredOn: '2020-01-01' });
    const fr = await ok('fuquan.approver', 'POST', '/service-records', { organisationId: fo.id, volunteerId: fv.id, activity: '助学', servedOn: '2020-05-05', areaCode: '522702001001', minutes: 60 });
    await ok('fuquan.approver', 'POST', `/service-records/${fr.id}/confirm`, { confirmedOn: '2020-05-06' });
    ids.fuquanOrg = fo.id; ids.fuquanVolunteer = fv.id;

    // 都匀 2020: records 90 (李, 2020-03-01) + 45 + 75 = 210 minutes = 3.5 hours, 3 records, 2 volunteers served.
    const duyun = { charities: 1, volunteerOrgs: 1, socialWork: 1, otherOrgs: 0, organisations: 3, teams: 2, volunteers: 3, records: 3, minutes: 210, hours: 3.5, servingVolunteers: 2 };
    const fuquan = { charities: 1, volunteerOrgs: 0, socialWork: 0, otherOrgs: 0, organisations: 1, teams: 0, volunteers: 1, records: 1, minutes: 60, hours: 1, servingVolunteers: 1 };
    const all = await ok('qiannan.admin', 'GET', '/figures?area=522700&year=2020');
    expect(all.items).toEqual([{ countyCode: '522701', countyName: '都匀市', ...duyun }, { countyCode: '522702', countyName: '福泉市', ...fuquan }]);
    expect(all.total).toEqual({ charities: 2, volunteerOrgs: 1, socialWork: 1, otherOrgs: 0, organisations: 4, teams: 2, volunteers: 4, records: 4, minutes: 270, hours: 4.5, servingVolunteers: 3 });
    // 2021: 赵 now registered (4 in 都匀), no service.
    const later = await ok('duyun.approver', 'GET', '/figures?year=2021');
    expect(later.items).toEqual([{ countyCode: '522701', countyName: '都匀市', ...duyun, volunteers: 4, records: 0, minutes: 0, hours: 0, servingVolunteers: 0 }]);
    // The county approver asking for the prefecture gets their own county only.
    expect(((await ok('duyun.approver', 'GET', '/figures?area=522700&year=2020')).items as { countyCode: string }[]).map((i) => i.countyCode)).toEqual(['522701']);
  });

  it('answers another county\'s records exactly as missing ones', async () => {
    const cases: [string, number, string][] = [['/organisations', ids.org, '社会组织'], ['/people', ids.zhang, '志愿者']];
    for (const [path, id, entity] of cases) {
      for (const probe of [id, 999_999]) {
        const res = await call('fuquan.approver', 'GET', `${path}/${probe}`);
        expect(res.statusCode).toBe(404);
        expect(res.body.replaceAll(String(probe), 'ID')).toBe(JSON.stringify({ error: { code: 'not_found', message: `${entity} ID 不存在`, details: { entity, id: 'ID' } } }));
      }
    }
    for (const probe of [ids.record, 999_999]) {
      const res = await call('fuquan.approver', 'POST', `/service-records/${probe}/confirm`, { confirmedOn: '2020-03-02', organiserName: '某' });
      expect(res.body.replaceAll(String(probe), 'ID')).toBe(JSON.stringify({ error: { code: 'not_found', message: '志愿服务记录 ID 不存在', details: { entity: '志愿服务记录', id: 'ID' } } }));
    }
    const member = await call('fuquan.approver', 'POST', `/teams/${ids.team}/members`, { volunteerId: ids.fuquanVolunteer, joinedOn: '2020-01-02' });
    expect(member.statusCode).toBe(404);
    const team = await call('fuquan.approver', 'POST', '/teams', { organisationId: ids.org, name: '越权队', areaCode: '522702001', leader: '某' });
    expect(team.statusCode).toBe(404);
    for (const path of ['/organisations', '/teams', '/people', '/service-records']) {
      const items = ((await ok('fuquan.approver', 'GET', path)).items as { countyCode: string }[]).map((i) => i.countyCode);
      expect(items.filter((c) => c !== '522702'), path).toEqual([]);
    }
    // A township caseworker of another township of the county reads the county's register, changes nothing of it.
    expect((await call('wenfeng.caseworker', 'POST', `/service-records/${ids.record}/confirm`, { confirmedOn: '2020-03-02', organiserName: '某' })).statusCode).toBe(403);
    expect((await call('wenfeng.caseworker', 'GET', `/people/${ids.li}`)).statusCode).toBe(200);
  });
});
