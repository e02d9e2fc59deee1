// 政府购买服务 on the real database: contracts refused by field with nothing written (dates, amount, a provider
// of another county or a charity), terminated once; tasks within the contract's period only; the performance
// record confirmed by someone else than its recorder; overdue tasks; the village assistant sees their own
// village and records only their own tasks; another county answers exactly as missing; evaluation ratings
// from the parameters; figures on a hand-built set equal a hand count; the report paragraph.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ENGINE } from '../../test/db.ts';
import { idNumber } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { makeHousehold } from '../cases/testing.ts';
import { purchaseParagraph } from './service/report-part.ts';

const GUANGHUI = '522701001001';
const WENFENG = '522701002001';

describe(`purchased services (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.built.app.inject({ method, url: url.startsWith('/api') ? url : `/api/v1/purchased-services${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const fieldsOf = (res: Awaited<ReturnType<typeof call>>) => errorOf(res).details.fields?.map((f) => f.field).sort() ?? [];
  const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Record<string, unknown> & { id: number };
  };
  const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db.kysely)).rows[0]!.n);
  const ids = { socialWork: 0, charity: 0, fuquanOrg: 0, a: 0, b: 0, c: 0, wu: 0, t1: 0, t2: 0, t3: 0, t4: 0 };
  const contract = (over: object = {}) => ({ providerId: ids.socialWork, kind: 'service', title: '广惠街道社会救助服务项目', periodFrom: '2020-01-01', periodTo: '2020-12-31', amountFen: 12_000_000, signedOn: '2019-12-20', ...over });

  it('registers a contract, refusing bad fields with nothing written; terminates once, with a reason', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'guanghui.clerk', 'wenfeng.caseworker', 'qiannan.admin', 'qiannan.auditor']) tokens[u] = await tokenFor(t.built, u);
    const made = await t.built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(tokens['qiannan.admin']!), payload: { username: 'fuquan.approver', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' } });
    expect(made.statusCode, made.body).toBe(201);
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);
    const org = (who: string, kind: string, name: string) => ok(who, 'POST', '/api/v1/volunteers/organisations', { kind, name });
    ids.socialWork = (await org('duyun.approver', 'social_work', '都匀市社工服务中心')).id;
    ids.charity = (await org('duyun.approver', 'charity', '都匀市慈善总会')).id;
    ids.fuquanOrg = (await org('fuquan.approver', 'social_work', '福泉市社工服务中心')).id;
    const audit = await count('audit_log');

    for (const amountFen of [0, -5, 1.5]) {
      const r = await call('duyun.approver', 'POST', '/contracts', contract({ amountFen }));
      expect([r.statusCode, fieldsOf(r)], String(amountFen)).toEqual([400, ['amountFen']]);
    }
    const badDay = await call('duyun.approver', 'POST', '/contracts', contract({ periodFrom: '2020-02-30' }));
    expect([badDay.statusCode, fieldsOf(badDay)]).toEqual([400, ['periodFrom']]);
    const backwards = await call('duyun.approver', 'POST', '/contracts', contract({ periodFrom: '2020-12-31', periodTo: '2020-01-01', providerId: ids.fuquanOrg }));
    expect([backwards.statusCode, fieldsOf(backwards)]).toEqual([400, ['periodTo', 'providerId']]);
    const charity = await call('duyun.approver', 'POST', '/contracts', contract({ providerId: ids.charity }));
    expect([charity.statusCode, fieldsOf(charity)]).toEqual([400, ['providerId']]);
    const future = await call('duyun.approver', 'POST', '/contracts', contract({ signedOn: '2099-01-01' }));
    expect([future.statusCode, fieldsOf(future)]).toEqual([400, ['signedOn']]);
    // Only the county approver registers contracts; the auditor never writes.
    for (const who of ['guanghui.caseworker', 'guanghui.clerk', 'qiannan.auditor', 'qiannan.admin']) {
      expect((await call(who, 'POST', '/contracts', contract({ countyCode: '522701' }))).statusCode, who).toBe(403);
    }
    expect([await count('purchase_contracts'), await count('audit_log')]).toEqual([0, audit]);

    const a = await ok('duyun.approver', 'POST', '/contracts', contract());
    expect(a).toMatchObject({ countyCode: '522701', providerName: '都匀市社工服务中心', kind: 'service', kindLabel: '服务性', status: 'active', statusLabel: '履行中', amountFen: 12_000_000, tasks: 0, mayManage: true });
    expect(a.contractNo).toMatch(/^GM5227012019\d{6}$/);
    ids.a = a.id;
    expect(await count('audit_log')).toBe(audit + 1);
    const b = await ok('duyun.approver', 'POST', '/contracts', contract({ kind: 'administrative', title: '低保事务性经办', periodFrom: '2020-06-01', periodTo: '2021-05-31', amountFen: 3_456_789, signedOn: '2020-05-20' }));
    ids.b = b.id;
    const noReason = await call('duyun.approver', 'POST', `/contracts/${ids.b}/terminate`, { on: '2020-09-30' });
    expect([noReason.statusCode, fieldsOf(noReason)]).toEqual([400, ['reason']]);
    const early = await call('duyun.approver', 'POST', `/contracts/${ids.b}/terminate`, { on: '2020-05-01', reason: '承接机构退出' });
    expect([early.statusCode, fieldsOf(early)]).toEqual([400, ['on']]);
    const ended = await ok('duyun.approver', 'POST', `/contracts/${ids.b}/terminate`, { on: '2020-09-30', reason: '承接机构退出' });
    expect(ended).toMatchObject({ status: 'terminated', statusLabel: '已终止', closedOn: '2020-09-30', closeReason: '承接机构退出' });
    const again = await call('duyun.approver', 'POST', `/contracts/${ids.b}/end`, { on: '2020-10-01' });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'purchase_contract_status']);
    ids.c = (await ok('fuquan.approver', 'POST', '/contracts', contract({ providerId: ids.fuquanOrg, title: '福泉市留守人员关爱服务', amountFen: 500_000 }))).id;
  });

  it('registers the village assistants; tasks within the contract period; performance confirmed by someone else', async () => {
    const clerk = await sql<{ id: string }>`select id from users where username = 'guanghui.clerk'`.execute(t.db.kysely);
    const caseworker = await sql<{ id: string }>`select id from users where username = 'guanghui.caseworker'`.execute(t.db.kysely);
    const wuId = idNumber('1980-03-03', 'female');
    const wu = { name: '吴协理', idNumber: wuId, phone: '13800001234', villageCode: GUANGHUI, employedFrom: '2019-01-01', funding: 'contract', contractId: ids.a, userId: Number(clerk.rows[0]!.id) };
    const badId = await call('duyun.approver', 'POST', '/assistants', { ...wu, idNumber: `${wuId.slice(0, 17)}${wuId.endsWith('0') ? '1' : '0'}` });
    expect([badId.statusCode, fieldsOf(badId)]).toEqual([400, ['idNumber']]);
    const bad = await call('duyun.approver', 'POST', '/assistants', { ...wu, contractId: undefined, userId: Number(caseworker.rows[0]!.id), employedTo: '2018-01-01' });
    expect([bad.statusCode, fieldsOf(bad)]).toEqual([400, ['contractId', 'employedTo', 'userId']]);
    expect((await call('guanghui.caseworker', 'POST', '/assistants', wu)).statusCode).toBe(403);
    expect(await count('assistance_assistants')).toBe(0);
    const assistant = await ok('duyun.approver', 'POST', '/assistants', wu);
    expect(assistant).toMatchObject({ idNumber: wuId, fundingLabel: '政府购买服务', username: 'guanghui.clerk', inPost: true });
    ids.wu = assistant.id;
    const twice = await call('duyun.approver', 'POST', '/assistants', { ...wu, userId: undefined });
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'assistance_assistant_taken']);
    await ok('duyun.approver', 'POST', '/assistants', { name: '韦协理', idNumber: idNumber('1982-02-02', 'male'), villageCode: WENFENG, employedFrom: '2019-01-01', employedTo: '2020-06-30', funding: 'village' });
    await ok('fuquan.approver', 'POST', '/assistants', { name: '罗协理', idNumber: idNumber('1983-02-02', 'male', '522702'), villageCode: '522702001001', employedFrom: '2020-01-01', funding: 'village' });

    const h = await makeHousehold(t.built, tokens['guanghui.caseworker']!, GUANGHUI);
    const task = (over: object) => ({ contractId: ids.a, kind: 'home_visit', villageCode: GUANGHUI, assignedOn: '2020-03-01', dueOn: '2020-03-31', ...over });
    const outside = [
      [{ assignedOn: '2019-12-31' }, ['assignedOn']], [{ dueOn: '2021-01-05' }, ['dueOn']], [{ dueOn: '2020-02-01' }, ['dueOn']],
      [{ villageCode: '522702001001' }, ['villageCode']], [{ householdNo: `${h.householdNo.slice(0, 6)}99999999` }, ['householdNo']], [{ workerName: undefined }, ['workerName']],
    ] as const;
    for (const [over, fields] of outside) {
      const r = await call('guanghui.caseworker', 'POST', '/tasks', task({ workerName: '社工小李', ...over }));
      expect([r.statusCode, fieldsOf(r)], JSON.stringify(over)).toEqual([400, fields]);
    }
    const elsewhere = await call('guanghui.caseworker', 'POST', '/tasks', task({ villageCode: WENFENG, workerName: '社工小李' }));
    expect([elsewhere.statusCode, fieldsOf(elsewhere)]).toEqual([400, ['villageCode']]);
    const terminated = await call('duyun.approver', 'POST', '/tasks', task({ contractId: ids.b, assignedOn: '2020-07-01', dueOn: '2020-07-31', workerName: '某' }));
    expect([terminated.statusCode, errorOf(terminated).code]).toEqual([409, 'purchase_contract_status']);
    expect(await count('purchase_tasks')).toBe(0);

    const t1 = await ok('guanghui.caseworker', 'POST', '/tasks', task({ householdNo: h.householdNo, assistantId: ids.wu }));
    expect(t1).toMatchObject({ kindLabel: '入户走访核查', assistantName: '吴协理', status: 'assigned', overdue: true, householdNo: h.householdNo });
    ids.t1 = t1.id;
    ids.t2 = (await ok('guanghui.caseworker', 'POST', '/tasks', task({ kind: 'dispersed_care', assignedOn: '2020-04-01', dueOn: '2020-04-30', workerName: '社工小李' }))).id;
    ids.t3 = (await ok('duyun.approver', 'POST', '/tasks', task({ kind: 'case_work', villageCode: WENFENG, assignedOn: '2020-05-01', dueOn: '2020-05-31', workerName: '社工小王' }))).id;
    ids.t4 = (await ok('guanghui.caseworker', 'POST', '/tasks', task({ kind: 'other', workerName: '社工小李' }))).id;
    const cancelled = await ok('guanghui.caseworker', 'POST', `/tasks/${ids.t4}/cancel`, { cancelledOn: '2020-03-05', reason: '对象已迁出' });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusLabel: '已取消', overdue: false });

    // The village assistant: their village's tasks, 我的任务, and only their own tasks to record.
    const seen = (await ok('guanghui.clerk', 'GET', '/tasks')).items as { id: number; mayPerform: boolean }[];
    expect(seen.map((x) => x.id)).toEqual([ids.t4, ids.t2, ids.t1]);
    expect(((await ok('guanghui.clerk', 'GET', '/tasks?mine=true')).items as { id: number }[]).map((x) => x.id)).toEqual([ids.t1]);
    expect(seen.find((x) => x.id === ids.t1)?.mayPerform).toBe(true);
    expect((await call('guanghui.clerk', 'POST', `/tasks/${ids.t2}/perform`, { doneOn: '2020-04-20', minutes: 60, findings: '已照料' })).statusCode).toBe(403);
    const tooEarly = await call('guanghui.clerk', 'POST', `/tasks/${ids.t1}/perform`, { doneOn: '2020-02-28', minutes: 60, findings: '入户核查' });
    expect([tooEarly.statusCode, fieldsOf(tooEarly)]).toEqual([400, ['doneOn']]);
    const tomorrow = await call('guanghui.clerk', 'POST', `/tasks/${ids.t1}/perform`, { doneOn: '2099-01-01', minutes: 60, findings: '入户核查' });
    expect([tomorrow.statusCode, fieldsOf(tomorrow)]).toEqual([400, ['doneOn']]);
    const done = await ok('guanghui.clerk', 'POST', `/tasks/${ids.t1}/perform`, { doneOn: '2020-03-20', minutes: 60, findings: '入户核查，家庭情况属实' });
    expect(done).toMatchObject({ status: 'done', overdue: false, confirmed: false, performedBy: '广惠街道社区协理员', mayPerform: false });
    expect((await call('guanghui.clerk', 'POST', `/tasks/${ids.t1}/perform`, { doneOn: '2020-03-20', minutes: 60, findings: '再次' })).statusCode).toBe(409);

    // The caseworker records T2 and may not confirm it; the county approver does.
    await ok('guanghui.caseworker', 'POST', `/tasks/${ids.t2}/perform`, { doneOn: '2020-04-20', minutes: 90, findings: '上门照料' });
    const own = await call('guanghui.caseworker', 'POST', `/tasks/${ids.t2}/confirm`, { confirmedOn: '2020-04-21' });
    expect([own.statusCode, errorOf(own).code]).toEqual([409, 'purchase_task_self_confirmation']);
    expect(await ok('duyun.approver', 'POST', `/tasks/${ids.t2}/confirm`, { confirmedOn: '2020-04-21' })).toMatchObject({ confirmed: true, confirmedOn: '2020-04-21' });
    const beforeDone = await call('guanghui.caseworker', 'POST', `/tasks/${ids.t1}/confirm`, { confirmedOn: '2020-03-19' });
    expect([beforeDone.statusCode, fieldsOf(beforeDone)]).toEqual([400, ['confirmedOn']]);
    await ok('guanghui.caseworker', 'POST', `/tasks/${ids.t1}/confirm`, { confirmedOn: '2020-03-21' });
    expect((await call('duyun.approver', 'POST', `/tasks/${ids.t1}/confirm`, { confirmedOn: '2020-03-22' })).statusCode).toBe(409);

    // Overdue: still assigned after the due date.
    expect(((await ok('duyun.approver', 'GET', '/tasks?overdue=true')).items as { id: number; overdue: boolean }[]).map((x) => [x.id, x.overdue])).toEqual([[ids.t3, true]]);
    expect(((await ok('duyun.approver', 'GET', '/contracts')).items as { id: number; tasks: number; tasksDone: number; tasksOverdue: number }[]).find((c) => c.id === ids.a))
      .toMatchObject({ tasks: 3, tasksDone: 2, tasksOverdue: 1 });
    // The assistants: the village assistant their own village, masked; the approver all, in full.
    const mine = (await ok('guanghui.clerk', 'GET', '/assistants')).items as { name: string; idNumber: string; openTasks: number }[];
    expect(mine).toEqual([expect.objectContaining({ name: '吴协理', idNumber: `${wuId.slice(0, 6)}********${wuId.slice(-4)}`, openTasks: 0 })]);
    expect(((await ok('duyun.approver', 'GET', '/assistants')).items as { idNumber: string }[]).map((x) => x.idNumber)).toContain(wuId);
  });

  it('answers another county\'s (or township\'s) contract and task exactly as missing ones; the auditor reads only', async () => {
    const cases: [string, string, object | undefined][] = [
      ['GET', '/contracts/ID', undefined], ['POST', '/contracts/ID/end', { on: '2020-12-31' }], ['POST', '/tasks/ID/confirm', { confirmedOn: '2020-04-01' }],
      ['POST', '/tasks/ID/cancel', { cancelledOn: '2020-04-01', reason: '越权' }],
    ];
    for (const [method, path, payload] of cases) {
      const id = path.startsWith('/contracts') ? ids.a : ids.t3;
      const entity = path.startsWith('/contracts') ? '购买服务合同' : '服务任务';
      for (const probe of [id, 999_999]) {
        const res = await call('fuquan.approver', method as 'GET' | 'POST', path.replace('ID', String(probe)), payload);
        expect(res.statusCode).toBe(404);
        expect(res.body.replaceAll(String(probe), 'ID')).toBe(JSON.stringify({ error: { code: 'not_found', message: `${entity} ID 不存在`, details: { entity, id: 'ID' } } }));
      }
    }
    const task = await call('fuquan.approver', 'POST', '/tasks', { contractId: ids.a, kind: 'home_visit', villageCode: '522702001001', assignedOn: '2020-03-01', dueOn: '2020-03-31', workerName: '某' });
    expect(task.statusCode).toBe(404);
    // A township caseworker of another township: the other township's task reads as missing.
    expect((await call('wenfeng.caseworker', 'POST', `/tasks/${ids.t1}/confirm`, { confirmedOn: '2020-04-01' })).statusCode).toBe(404);
    expect(((await ok('wenfeng.caseworker', 'GET', '/tasks')).items as { id: number }[]).map((x) => x.id)).toEqual([ids.t3]);
    expect(((await ok('fuquan.approver', 'GET', '/contracts')).items as { countyCode: string }[]).map((x) => x.countyCode)).toEqual(['522702']);
    expect((await call('qiannan.auditor', 'GET', `/contracts/${ids.a}`)).statusCode).toBe(200);
    expect((await call('qiannan.auditor', 'POST', `/tasks/${ids.t3}/cancel`, { cancelledOn: '2020-06-01', reason: '审计' })).statusCode).toBe(403);
  });

  it('rates evaluations by the parameters; figures on a hand-built set equal a hand count; the report paragraph', async () => {
    const excellent = await ok('duyun.approver', 'POST', '/evaluations', { contractId: ids.a, year: 2020, score: 95, evaluatedOn: '2021-01-15', remarks: '服务规范' });
    expect(excellent).toMatchObject({ rating: 'excellent', ratingLabel: '优秀', tasksAssigned: 3, tasksDone: 2, tasksConfirmed: 2, tasksOverdue: 1 });
    expect(await ok('duyun.approver', 'POST', '/evaluations', { contractId: ids.b, year: 2020, score: 59, evaluatedOn: '2021-01-15' })).toMatchObject({ rating: 'fail', ratingLabel: '不合格' });
    expect(await ok('fuquan.approver', 'POST', '/evaluations', { contractId: ids.c, year: 2020, score: 60, evaluatedOn: '2021-01-15' })).toMatchObject({ rating: 'pass', ratingLabel: '合格' });
    const twice = await call('duyun.approver', 'POST', '/evaluations', { contractId: ids.a, year: 2020, score: 80, evaluatedOn: '2021-01-16' });
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'purchase_evaluation_exists']);
    const outOfPeriod = await call('duyun.approver', 'POST', '/evaluations', { contractId: ids.a, year: 2019, score: 101, evaluatedOn: '2021-01-16' });
    expect([outOfPeriod.statusCode, fieldsOf(outOfPeriod)]).toEqual([400, ['score']]);
    const wrongYear = await call('duyun.approver', 'POST', '/evaluations', { contractId: ids.a, year: 2019, score: 80, evaluatedOn: '2021-01-16' });
    expect([wrongYear.statusCode, fieldsOf(wrongYear)]).toEqual([400, ['year']]);

    // 都匀 2020: contracts A (12万) and B (in force 2020-06-01..09-30); tasks T1 home visit and T2 care done and
    // confirmed, T3 case work overdue, T4 cancelled (not counted); 吴 in post at the year's end, 韦 left on 06-30.
    const kinds = (over: Record<string, [number, number, number, number]>) => ['home_visit', 'dispersed_care', 'left_behind_visit', 'case_work', 'other'].map((kind) => {
      const [assigned, done, confirmed, overdue] = over[kind] ?? [0, 0, 0, 0];
      return expect.objectContaining({ kind, assigned, done, confirmed, overdue });
    });
    const duyun = { contracts: 2, amountFen: 15_456_789, tasksAssigned: 3, tasksDone: 2, tasksConfirmed: 2, tasksOverdue: 1, assistants: 1 };
    const fuquan = { contracts: 1, amountFen: 500_000, tasksAssigned: 0, tasksDone: 0, tasksConfirmed: 0, tasksOverdue: 0, assistants: 1 };
    const all = await ok('qiannan.admin', 'GET', '/figures?area=522700&year=2020');
    expect(all.items).toEqual([
      { countyCode: '522701', countyName: '都匀市', ...duyun, byKind: kinds({ home_visit: [1, 1, 1, 0], dispersed_care: [1, 1, 1, 0], case_work: [1, 0, 0, 1] }) },
      { countyCode: '522702', countyName: '福泉市', ...fuquan, byKind: kinds({}) },
    ]);
    const total = all.total as { contracts: number; amountFen: number; tasksConfirmed: number; assistants: number };
    expect(total).toMatchObject({ contracts: 3, amountFen: 15_956_789, tasksAssigned: 3, tasksConfirmed: 2, tasksOverdue: 1, assistants: 2 });
    // 2021: no contract in force (B was terminated in 2020); T3 is still overdue now; 吴 and 罗 in post.
    const later = await ok('duyun.approver', 'GET', '/figures?year=2021');
    expect(later.items).toEqual([expect.objectContaining({ countyCode: '522701', contracts: 0, amountFen: 0, tasksAssigned: 0, tasksOverdue: 1, assistants: 1 })]);
    // The village assistant asking for another county is refused by field.
    const foreign = await call('guanghui.clerk', 'GET', '/figures?area=522702&year=2020');
    expect([foreign.statusCode, fieldsOf(foreign)]).toEqual([400, ['area']]);

    expect(purchaseParagraph(2020, '全州', total)).toBe('2020年全州政府购买社会救助服务合同3份、金额15.96万元，完成入户走访等服务2次；配备村（社区）社会救助协理员2名。');
    expect(purchaseParagraph(2021, '全县', { contracts: 0, amountFen: 0, tasksConfirmed: 0, assistants: 1 })).toBe('2021年全县配备村（社区）社会救助协理员1名。');
    expect(purchaseParagraph(2021, '全县', { contracts: 0, amountFen: 0, tasksConfirmed: 0, assistants: 0 })).toBeNull();
  });
});
