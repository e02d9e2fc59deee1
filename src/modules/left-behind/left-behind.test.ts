// 留守 persons on the real database: a child surveyed without a guardian is a warning at once; a visit clears
// the no-visit warning; a follow-up closes a warning and is audited; bad input named by field with nothing
// written; another county (or township) answers exactly as a missing person; the auditor reads only.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { onFixedDate } from '../../test/clock.ts';
import { ENGINE } from '../../test/db.ts';
import { idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { makeHousehold } from '../cases/testing.ts';
import { addDays } from './service/warnings.ts';

interface Warning { warning: string; open: boolean; since: string; followUp: { action: string } | null }
interface File { personId: string; warnings: Warning[]; visits: unknown[]; carePlan: { carerName: string } | null; mayRecord: boolean; idNumber: string }

describe(`left-behind persons (${ENGINE})`, () => {
  const today = onFixedDate('2026-06-15');
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1/left-behind${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const fieldsOf = (res: Awaited<ReturnType<typeof call>>) => errorOf(res).details.fields?.map((f) => f.field) ?? [];
  const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db.kysely)).rows[0]!.n);
  const year = Number(today.slice(0, 4));

  it('warns of a child without a guardian at once, of no visit until a visit, and records follow-ups', async () => {
    for (const u of ['guanghui.clerk', 'guanghui.caseworker', 'wenfeng.caseworker', 'qiannan.admin', 'qiannan.auditor']) tokens[u] = await tokenFor(t.built, u);
    const made = await t.built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(tokens['qiannan.admin']!), payload: { username: 'fuquan.approver', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' } });
    expect(made.statusCode, made.body).toBe(201);
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);
    const childId = idNumber(`${year - 8}-05-01`, 'male');
    const elderId = idNumber('1950-02-01', 'female');
    const h = await makeHousehold(t.built, tokens['guanghui.caseworker']!, '522701001001', { hukou: 'rural', members: [
      memberInput({ idNumber: elderId, name: '罗奶奶', hukou: 'rural', workCapacity: 'none' }),
      memberInput({ idNumber: childId, name: '罗小宝', relation: 'grandchild', hukou: 'rural', workCapacity: 'none', student: true }),
    ] });

    // A child with no guardian: the answer carries the warning; the risk no_guardian is added.
    const child = await call('guanghui.clerk', 'POST', '/surveys', { householdNo: h.householdNo, idNumber: childId, year, kind: 'child', awayPlace: '广东省东莞市', surveyedOn: today, surveyedBy: '村协理员 吴某' });
    expect(child.statusCode, child.body).toBe(200);
    const c = child.json() as { personId: string; risks: string[]; warnings: Warning[]; idNumber: string };
    expect(c.risks).toEqual(['no_guardian']);
    expect(c.idNumber).not.toBe(childId);
    expect(c.warnings.map((w) => [w.warning, w.open])).toEqual([['no_guardian', true]]);

    // An elder living alone and ill, surveyed 40 days ago (same year when possible), never visited since.
    const old = addDays(today, -40);
    const elder = await call('guanghui.clerk', 'POST', '/surveys', {
      householdNo: h.householdNo, idNumber: elderId, year: Number(old.slice(0, 4)), kind: 'elder', awayPlace: '浙江省杭州市', guardian: { name: '罗大成', relation: '儿子', able: true },
      risks: ['living_alone', 'ill'], surveyedOn: old, surveyedBy: '吴某',
    });
    expect(elder.statusCode, elder.body).toBe(200);
    const e = elder.json() as { personId: string; warnings: Warning[] };
    expect(e.warnings.map((w) => [w.warning, w.open, w.since])).toEqual([['no_visit', true, addDays(old, 31)], ['alone_ill', true, old]]);
    const listed = (await call('guanghui.caseworker', 'GET', '/warnings?area=522701001')).json() as { items: { personId: string; warning: string }[] };
    expect(listed.items.map((i) => [i.personId, i.warning]).sort()).toEqual([[c.personId, 'no_guardian'], [e.personId, 'alone_ill'], [e.personId, 'no_visit']].sort());

    // A visit clears the no-visit warning; a follow-up (referral to health) closes alone_ill, audited.
    const visit = await call('guanghui.clerk', 'POST', `/persons/${e.personId}/visits`, { visitedOn: today, visitedBy: '吴某', findings: '老人独居，慢性病服药中，生活可自理' });
    expect(visit.statusCode, visit.body).toBe(200);
    expect((visit.json() as File).warnings.map((w) => [w.warning, w.open])).toEqual([['alone_ill', true]]);
    const follow = await call('guanghui.caseworker', 'POST', `/persons/${e.personId}/follow-ups`, { warning: 'alone_ill', action: 'referral', department: 'health', note: '转介乡镇卫生院签约家庭医生', followedOn: today });
    expect(follow.statusCode, follow.body).toBe(200);
    expect((follow.json() as File).warnings).toMatchObject([{ warning: 'alone_ill', open: false, followUp: { action: 'referral', requestNo: expect.stringMatching(/^SL\d{16}$/) } }]);
    // The referral is opened at the window: the department's referral runs from the follow-up's day.
    const referred = await sql<{ department: string; channel: string; person_id_number: string }>`select p.department, r.channel, r.person_id_number from intake_parts p join intake_requests r on r.county_code = p.county_code and r.id = p.request_id where p.kind = 'referral'`.execute(t.db.kysely);
    expect(referred.rows).toEqual([{ department: 'health', channel: 'village', person_id_number: elderId }]);
    // A child without a guardian: the village clerk may not open a 临时救助 case (nothing written); the township opens it.
    const requests = await count('intake_requests');
    const byClerk = await call('guanghui.clerk', 'POST', `/persons/${c.personId}/follow-ups`, { warning: 'no_guardian', action: 'temporary_case', note: '儿童无人监护，先行救助', followedOn: today });
    expect(byClerk.statusCode, byClerk.body).toBe(403);
    expect([await count('intake_requests'), await count('left_behind_follow_ups')]).toEqual([requests, 1]);
    const opened = await call('guanghui.caseworker', 'POST', `/persons/${c.personId}/follow-ups`, { warning: 'no_guardian', action: 'temporary_case', months: 2, note: '儿童无人监护，启动临时救助', followedOn: today });
    expect(opened.statusCode, opened.body).toBe(200);
    const caseNo = ((opened.json() as File).warnings.find((w) => w.warning === 'no_guardian')?.followUp as { caseNo: string } | null)?.caseNo;
    const tempCase = await sql<{ programme: string; state: string }>`select programme, state from cases where case_no = ${caseNo ?? ''}`.execute(t.db.kysely);
    expect(tempCase.rows).toMatchObject([{ programme: 'temporary' }]);
    const plan = await call('guanghui.clerk', 'POST', `/persons/${c.personId}/care-plans`, { carerKind: 'village_cadre', carerName: '村主任 罗某', visitIntervalDays: 7, from: today });
    expect(plan.statusCode, plan.body).toBe(200);
    expect((plan.json() as File).carePlan?.carerName).toBe('村主任 罗某');
    expect(((await call('guanghui.clerk', 'GET', '/warnings')).json() as { items: { warning: string }[] }).items.map((i) => i.warning)).toEqual([]);
    const audit = await sql<{ action: string }>`select action from audit_log where entity = 'left_behind_person' order by id`.execute(t.db.kysely);
    expect(audit.rows.map((a) => a.action)).toEqual(['left_behind.survey.create', 'left_behind.survey.create', 'left_behind.visit.create', 'left_behind.follow_up.create', 'left_behind.follow_up.create', 'left_behind.care_plan.create']);

    // Bad input is named by field and nothing is written.
    const before = [await count('left_behind_surveys'), await count('left_behind_visits'), await count('left_behind_follow_ups'), await count('left_behind_care_plans')];
    const survey = { householdNo: h.householdNo, idNumber: childId, year, kind: 'child', awayPlace: '东莞', surveyedOn: today, surveyedBy: '吴某' };
    const bad: [string, object, string][] = [
      ['/surveys', { ...survey, kind: 'baby' }, 'kind'],
      ['/surveys', { ...survey, surveyedOn: '2015-02-30' }, 'surveyedOn'],
      ['/surveys', { ...survey, year: year - 1 }, 'surveyedOn'],
      ['/surveys', { ...survey, idNumber: idNumber('1990-01-01') }, 'idNumber'],
      ['/surveys', { ...survey, idNumber: elderId, kind: 'child', year: year - 1, surveyedOn: `${year - 1}-06-01` }, 'kind'],
      ['/surveys', { ...survey, kind: 'woman' }, 'kind'],
      ['/surveys', { ...survey, risks: ['lonely'] }, 'risks.0'],
      ['/surveys', { ...survey, awayPlace: '' }, 'awayPlace'],
      [`/persons/${e.personId}/visits`, { visitedOn: addDays(today, 1), visitedBy: '吴某', findings: '未来的走访' }, 'visitedOn'],
      [`/persons/${e.personId}/visits`, { visitedOn: today, visitedBy: '吴某', findings: '' }, 'findings'],
      [`/persons/${e.personId}/follow-ups`, { warning: 'no_visit', action: 'temporary_case', months: 0, note: '启动临时救助', followedOn: today }, 'months'],
      [`/persons/${e.personId}/follow-ups`, { warning: 'no_visit', action: 'none', months: 1, note: '无需处置', followedOn: today }, 'months'],
      [`/persons/${e.personId}/follow-ups`, { warning: 'no_visit', action: 'temporary_case', caseNo: 'LS000000', note: '关联案件', followedOn: today }, 'caseNo'],
      [`/persons/${e.personId}/follow-ups`, { warning: 'no_visit', action: 'none', department: 'health', note: '无需处置', followedOn: today }, 'department'],
      [`/persons/${c.personId}/care-plans`, { carerKind: 'friend', carerName: '某', from: today }, 'carerKind'],
    ];
    for (const [url, body, field] of bad) {
      const r = await call('guanghui.clerk', 'POST', url, body);
      expect(r.statusCode, `${url} ${JSON.stringify(body)} ${r.body}`).toBe(400);
      expect(fieldsOf(r), JSON.stringify(body)).toContain(field);
    }
    const dup = await call('guanghui.clerk', 'POST', '/surveys', survey);
    expect([dup.statusCode, errorOf(dup).code]).toEqual([409, 'left_behind_duplicate_survey']);
    expect([await count('left_behind_surveys'), await count('left_behind_visits'), await count('left_behind_follow_ups'), await count('left_behind_care_plans')]).toEqual(before);

    // Another county, another township: exactly as missing; the auditor reads only.
    const missing = `522701-999999999`;
    for (const who of ['fuquan.approver', 'wenfeng.caseworker']) {
      for (const [url, id] of [[`/persons/${c.personId}`, c.personId], [`/persons/${missing}`, missing]] as const) {
        const res = await call(who, 'GET', url);
        expect(res.statusCode).toBe(404);
        expect(res.body.replaceAll(id, 'ID')).toBe(JSON.stringify({ error: { code: 'not_found', message: '留守人员 ID 不存在', details: { entity: '留守人员', id: 'ID' } } }));
      }
      expect((await call(who, 'POST', `/persons/${c.personId}/visits`, { visitedOn: today, visitedBy: '某', findings: '越权走访' })).statusCode).toBe(404);
      expect(((await call(who, 'GET', '/surveys')).json() as { items: unknown[] }).items).toEqual([]);
      expect(((await call(who, 'GET', '/warnings')).json() as { items: unknown[] }).items).toEqual([]);
    }
    expect((await call('fuquan.approver', 'POST', '/surveys', { ...survey, year: year - 1, surveyedOn: `${year - 1}-03-01` })).statusCode).toBe(404);
    const audited = await call('qiannan.auditor', 'GET', `/persons/${c.personId}`);
    expect([audited.statusCode, (audited.json() as File).mayRecord]).toEqual([200, false]);
    expect((await call('qiannan.auditor', 'POST', `/persons/${c.personId}/visits`, { visitedOn: today, visitedBy: '某', findings: '审计走访' })).statusCode).toBe(403);
  });
  it("keeps the registry member's 留守 flag at the kind of the person's latest survey, audited as a member change", async () => {
    tokens['guanghui.clerk'] = await tokenFor(t.built, 'guanghui.clerk');
    tokens['guanghui.caseworker'] = await tokenFor(t.built, 'guanghui.caseworker');
    const womanId = idNumber(`${year - 62}-01-10`, 'female');
    const h = await makeHousehold(t.built, tokens['guanghui.caseworker']!, '522701001001', { hukou: 'rural', members: [memberInput({ idNumber: womanId, name: '陈阿婆', sex: 'female', hukou: 'rural', workCapacity: 'none' })] });
    const flag = async () => {
      const res = await t.built.app.inject({ method: 'GET', url: `/api/v1/households/${h.householdNo}`, headers: bearer(tokens['guanghui.caseworker']!) });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { members: { leftBehind: string | null }[] }).members[0]!.leftBehind;
    };
    const survey = (kind: string, y: number) => call('guanghui.clerk', 'POST', '/surveys', { householdNo: h.householdNo, idNumber: womanId, year: y, kind, awayPlace: '广州', guardian: { name: '陈某', relation: '儿子', able: true }, surveyedOn: `${y}-01-15`, surveyedBy: '吴某' });
    expect(await flag()).toBeNull();
    expect((await survey('woman', year - 1)).statusCode).toBe(200);
    expect(await flag()).toBe('woman');
    // Surveyed this year as an elder: the latest kind wins; a survey of an earlier year recorded later leaves it.
    expect((await survey('elder', year)).statusCode).toBe(200);
    expect(await flag()).toBe('elder');
    expect((await survey('woman', year - 2)).statusCode).toBe(200);
    expect(await flag()).toBe('elder');
    // A refused survey (a duplicate) changes nothing.
    expect((await survey('elder', year)).statusCode).toBe(409);
    expect(await flag()).toBe('elder');
    // Two changes, each in the household's timeline and the audit log as a member change.
    const timeline = await t.built.app.inject({ method: 'GET', url: `/api/v1/households/${h.householdNo}/timeline`, headers: bearer(tokens['guanghui.caseworker']!) });
    const changes = (timeline.json() as { items: { action: string; before: { leftBehind?: string | null } | null; after: { leftBehind?: string | null } }[] }).items.filter((i) => i.action === 'member.update');
    expect(changes.map((c) => [c.before?.leftBehind, c.after.leftBehind]).sort()).toEqual([[null, 'woman'], ['woman', 'elder']].sort());
    const audit = await sql<{ n: string }>`select count(*) as n from audit_log where action = 'registry.member.update' and entity_id = ${h.householdNo}`.execute(t.db.kysely);
    expect(Number(audit.rows[0]!.n)).toBe(2);
  });
});
