// 政策找人 on the real database: the warning lists become tasks in one statement (a second run creates none),
// scoped lists (the village clerk its village, another county nothing), bad input named by field with nothing
// written, the outcome's rules (date bounds, `applied` needs a case of the household, once: 409) and the audit.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../kernel/clock.ts';
import { onFixedDate } from '../../test/clock.ts';
import { ENGINE } from '../../test/db.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { makeHousehold } from '../cases/testing.ts';
import { idNumber, memberInput } from '../../test/households.ts';
import type { OutreachTask, OutreachTaskList } from './contract.ts';

const VILLAGE = '522701001001';
const TOWNSHIP = '522701001';
const OTHER_VILLAGE = '522701001002';
const plus = (days: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe(`outreach (${ENGINE})`, () => {
  onFixedDate('2026-06-15');
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1/outreach${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const fieldsOf = (res: Awaited<ReturnType<typeof call>>) => errorOf(res).details.fields?.map((f) => f.field) ?? [];
  const ok = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Record<string, any>; // the tests read the JSON loosely
  };
  const tasks = async (who: string, query: string) => (await ok(who, 'GET', `/tasks?${query}`)) as OutreachTaskList;
  const taskCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from outreach_tasks`.execute(t.db.kysely)).rows[0]!.n);
  const auditCount = async (action: string) => Number((await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${action}`.execute(t.db.kysely)).rows[0]!.n);
  let poor = '';
  let poorHead = '';
  let other = '';
  let poorFile = '';
  let poorFileHead = '';

  it('generates the lists as tasks in one statement; a second run creates none', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'guanghui.clerk', 'qiannan.admin', 'qiannan.auditor']) tokens[u] = await tokenFor(t.built, u);
    const made = await t.built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(tokens['qiannan.admin']!), payload: { username: 'fuquan.approver', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' } });
    expect(made.statusCode, made.body).toBe(201);
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);
    // No income at all: eligible and not covered. A second one in another village of the township; a third with a poverty file.
    ({ householdNo: poor, headId: poorHead } = await makeHousehold(t.built, tokens['guanghui.caseworker']!, VILLAGE));
    ({ householdNo: other } = await makeHousehold(t.built, tokens['guanghui.caseworker']!, OTHER_VILLAGE, { members: [memberInput({ idNumber: idNumber('1966-06-06', 'male'), name: '吴有田', workCapacity: 'none' })] }));
    ({ householdNo: poorFile, headId: poorFileHead } = await makeHousehold(t.built, tokens['guanghui.caseworker']!, VILLAGE, { wageFen: 5_000_000, members: [memberInput({ idNumber: idNumber('1970-07-07', 'male'), name: '杨建档', workCapacity: 'full' })] }));
    await sql`update households set poverty_file = true where household_no = ${poorFile}`.execute(t.db.kysely);
    expect(await taskCount()).toBe(0);

    const first = await ok('guanghui.caseworker', 'POST', '/tasks/generate', { area: TOWNSHIP });
    const byKind = Object.fromEntries((first.counts as { kind: string; created: number }[]).map((c) => [c.kind, c.created]));
    expect(byKind.eligible_uncovered).toBeGreaterThanOrEqual(2);
    expect(byKind.poverty_uncovered).toBeGreaterThanOrEqual(1);
    expect(first.total).toBe(await taskCount());
    // The same lists as the warnings show (GET /stats/warnings/:kind).
    for (const kind of ['eligible_uncovered', 'near_dibao', 'poverty_uncovered']) {
      const res = await t.built.app.inject({ method: 'GET', url: `/api/v1/stats/warnings/${kind}?area=${TOWNSHIP}&limit=500`, headers: bearer(tokens['duyun.approver']!) });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { households: unknown[] }).households.length, kind).toBe(byKind[kind]);
    }
    expect(first).toMatchObject({ area: TOWNSHIP, createdOn: todayInChina(), dueOn: plus(15) });
    const { rows: mine } = await sql<{ kind: string; household_no: string; area_code: string; due_on: string }>`
      select o.kind, h.household_no, o.area_code, o.due_on::text as due_on from outreach_tasks o join households h on h.county_code = o.county_code and h.id = o.household_id
      where h.household_no in (${poor}, ${other}, ${poorFile}) order by h.household_no, o.kind`.execute(t.db.kysely);
    expect(mine.filter((r) => r.household_no === poor).map((r) => r.kind)).toContain('eligible_uncovered');
    expect(mine.find((r) => r.household_no === other)).toMatchObject({ area_code: OTHER_VILLAGE, kind: 'eligible_uncovered', due_on: plus(15) });
    expect(mine.filter((r) => r.household_no === poorFile).map((r) => r.kind)).toEqual(['poverty_uncovered']);

    const second = await ok('duyun.approver', 'POST', '/tasks/generate', { area: TOWNSHIP });
    expect(second.total).toBe(0);
    expect(await taskCount()).toBe(first.total);
    expect(await auditCount('outreach.tasks.generate')).toBe(2);
    const { rows: [entry] } = await sql<{ after: { counts: Record<string, number> } }>`select after from audit_log where action = 'outreach.tasks.generate' order by id limit 1`.execute(t.db.kysely);
    expect(entry!.after.counts).toEqual(byKind);
  });

  it('refuses bad input by field and writes nothing; another area answers as a missing one', async () => {
    const before = await taskCount();
    const audits = await auditCount('outreach.tasks.generate');
    const unknown = await call('guanghui.caseworker', 'POST', '/tasks/generate', { area: TOWNSHIP, kinds: ['near_dibao', 'rich_households'] });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown).some((f) => f.startsWith('kinds'))).toBe(true);
    const outside = await call('guanghui.caseworker', 'POST', '/tasks/generate', { area: '522701002' });
    const missing = await call('guanghui.caseworker', 'POST', '/tasks/generate', { area: '522701099' });
    expect([outside.statusCode, fieldsOf(outside)]).toEqual([400, ['area']]);
    expect(outside.body.replaceAll('522701002', 'X')).toBe(missing.body.replaceAll('522701099', 'X'));
    expect((await call('fuquan.approver', 'POST', '/tasks/generate', { area: TOWNSHIP })).statusCode).toBe(400);
    // The village clerk and the auditor do not generate.
    expect((await call('guanghui.clerk', 'POST', '/tasks/generate', { area: VILLAGE })).statusCode).toBe(403);
    expect((await call('qiannan.auditor', 'POST', '/tasks/generate', { area: TOWNSHIP })).statusCode).toBe(403);
    expect([await taskCount(), await auditCount('outreach.tasks.generate')]).toEqual([before, audits]);
  });

  it('lists tasks in scope: the clerk its village, the township all of it, another county nothing', async () => {
    const clerk = await tasks('guanghui.clerk', 'limit=200');
    expect(clerk.items.length).toBeGreaterThan(0);
    expect(clerk.items.every((i) => i.villageCode === VILLAGE)).toBe(true);
    expect(clerk.items.map((i) => i.householdNo)).not.toContain(other);
    const mineItem = clerk.items.find((i) => i.householdNo === poor && i.kind === 'eligible_uncovered');
    expect(mineItem).toMatchObject({ headName: '罗大成', kindLabel: '符合低保条件未纳入', status: 'open', statusLabel: '待走访', overdue: false, mayRecord: true, dueOn: plus(15) });
    expect(mineItem?.villageName).toMatch(/[\u4e00-\u9fa5]/);
    const township = await ok('guanghui.caseworker', 'GET', '/tasks?limit=1');
    expect(township.items).toHaveLength(1);
    expect(township.total).toBe(await taskCount());
    const filtered = await tasks('guanghui.caseworker', `village=${OTHER_VILLAGE}&kind=eligible_uncovered&status=open`);
    expect(filtered.items.map((i) => i.householdNo)).toContain(other);
    expect(filtered.items.every((i) => i.villageCode === OTHER_VILLAGE)).toBe(true);
    expect((await ok('guanghui.caseworker', 'GET', '/tasks?status=closed')).total).toBe(0);
    expect(fieldsOf(await call('guanghui.clerk', 'GET', `/tasks?village=${OTHER_VILLAGE}`))).toEqual(['village']);
    expect((await ok('fuquan.approver', 'GET', '/tasks')).items).toEqual([]);
    expect((await ok('qiannan.auditor', 'GET', '/tasks?limit=1')).items[0].mayRecord).toBe(false);
  });

  it('records an outcome once, dated within bounds; applied needs a case of the household', async () => {
    const { items } = await tasks('guanghui.clerk', 'limit=200');
    const task = items.find((i) => i.householdNo === poor && i.kind === 'eligible_uncovered') as OutreachTask;
    const filed = items.find((i) => i.householdNo === poorFile) as OutreachTask;
    expect([task, filed].every(Boolean)).toBe(true);
    const url = `/tasks/${task.id}/outcome`;
    // The county approver does not record; another township or county answers exactly as a missing task.
    expect((await call('fuquan.approver', 'POST', url, { outcome: 'invited', date: todayInChina() })).statusCode).toBe(403);
    const made = await t.built.app.inject({ method: 'POST', url: '/api/v1/users', headers: bearer(tokens['qiannan.admin']!), payload: { username: 'fuquan.caseworker', displayName: '福泉经办', password: STRONG_PASSWORD, role: 'township_caseworker', areaCode: '522702001' } });
    expect(made.statusCode, made.body).toBe(201);
    tokens['fuquan.caseworker'] = await tokenFor(t.built, 'fuquan.caseworker', STRONG_PASSWORD);
    tokens['wenfeng.caseworker'] = await tokenFor(t.built, 'wenfeng.caseworker');
    const missing = await call('fuquan.caseworker', 'POST', '/tasks/99999999/outcome', { outcome: 'invited', date: todayInChina() });
    for (const who of ['fuquan.caseworker', 'wenfeng.caseworker']) {
      const res = await call(who, 'POST', url, { outcome: 'invited', date: todayInChina() });
      expect(res.statusCode, who).toBe(404);
      expect(res.body.replaceAll(String(task.id), 'ID')).toBe(missing.body.replaceAll('99999999', 'ID'));
    }
    const future = await call('guanghui.clerk', 'POST', url, { outcome: 'invited', date: plus(1) });
    expect([future.statusCode, fieldsOf(future)]).toEqual([400, ['date']]);
    const early = await call('guanghui.clerk', 'POST', url, { outcome: 'invited', date: plus(-1) });
    expect([early.statusCode, fieldsOf(early)]).toEqual([400, ['date']]);
    const noCase = await call('guanghui.clerk', 'POST', url, { outcome: 'applied', date: todayInChina() });
    expect([noCase.statusCode, fieldsOf(noCase)]).toEqual([400, ['caseNo']]);
    // A case of another household is refused on caseNo.
    const otherCase = await t.built.app.inject({ method: 'POST', url: '/api/v1/cases', headers: bearer(tokens['guanghui.caseworker']!), payload: { programme: 'dibao', householdNo: poorFile, applicantIdNumber: poorFileHead, appliedOn: todayInChina() } });
    expect(otherCase.statusCode, otherCase.body).toBe(201);
    const wrong = await call('guanghui.clerk', 'POST', url, { outcome: 'applied', date: todayInChina(), caseNo: (otherCase.json() as { caseNo: string }).caseNo });
    expect([wrong.statusCode, fieldsOf(wrong)]).toEqual([400, ['caseNo']]);
    const bogus = await call('guanghui.clerk', 'POST', url, { outcome: 'applied', date: todayInChina(), caseNo: 'DB522701202699999999' });
    expect([bogus.statusCode, fieldsOf(bogus)]).toEqual([400, ['caseNo']]);
    expect(await auditCount('outreach.task.outcome')).toBe(0);

    const ownCase = await t.built.app.inject({ method: 'POST', url: '/api/v1/cases', headers: bearer(tokens['guanghui.caseworker']!), payload: { programme: 'dibao', householdNo: poor, applicantIdNumber: poorHead, appliedOn: todayInChina() } });
    expect(ownCase.statusCode, ownCase.body).toBe(201);
    const caseNo = (ownCase.json() as { caseNo: string }).caseNo;
    const done = await ok('guanghui.clerk', 'POST', url, { outcome: 'applied', date: todayInChina(), caseNo, note: '已上门宣传政策，户主当场提出申请' });
    expect(done).toMatchObject({ status: 'closed', outcome: 'applied', outcomeLabel: '已提出申请', caseNo, closedBy: 'guanghui.clerk', mayRecord: false, overdue: false });
    const again = await call('guanghui.caseworker', 'POST', url, { outcome: 'declined', date: todayInChina() });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'outreach_task_closed']);

    // Two outcomes racing: one wins, the other is 409.
    const race = (o: string) => call('guanghui.caseworker', 'POST', `/tasks/${filed.id}/outcome`, { outcome: o, date: todayInChina() });
    const [a, b] = await Promise.all([race('invited'), race('declined')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);

    const { rows } = await sql<{ action: string; entity_id: string }>`select action, entity_id from audit_log where action = 'outreach.task.outcome' order by id`.execute(t.db.kysely);
    expect(rows.map((r) => r.entity_id)).toEqual([`522701-${task.id}`, `522701-${filed.id}`]);
    expect((await ok('guanghui.caseworker', 'GET', '/tasks?status=closed')).total).toBe(2);
    // Only an open task blocks generation: households still on a list get a fresh open task after closure.
    const next = await ok('guanghui.caseworker', 'POST', '/tasks/generate', { area: VILLAGE, kinds: ['poverty_uncovered'] });
    expect(next.counts).toEqual([{ kind: 'poverty_uncovered', kindLabel: '建档立卡未纳入救助', created: 1 }]);
  });
});
