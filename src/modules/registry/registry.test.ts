import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, testApp, tokenFor } from '../../test/http.ts';

describe(`household registry over HTTP (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let caseworker: string;
  let admin: string;
  const headId = idNumber('1958-06-01', 'male');
  const spouseId = idNumber('1961-02-11', 'female');
  let householdNo = '';

  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    caseworker = await tokenFor(built, 'guanghui.caseworker');
    admin = await tokenFor(built, 'qiannan.admin');
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, token: string, payload?: object) =>
    built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });

  it('creates a household with members, incomes and assets', async () => {
    const body = householdInput('522701001001', [
      memberInput({ idNumber: headId, name: '罗建国', categories: ['elderly'] }),
      memberInput({ idNumber: spouseId, name: '吴秀英', relation: 'spouse', workCapacity: 'none', disabilityKind: 'physical', disabilityGrade: 2 }),
    ]);
    body.incomes = [{ memberIdNumber: headId, kind: 'pension', amountFen: 30000, period: 'month', source: '城乡居民养老保险' }] as never[];
    body.assets = [{ memberIdNumber: null, kind: 'house', valueFen: 5000000, note: '自建房' }] as never[];
    const res = await call('POST', '/households', caseworker, body);
    expect(res.statusCode).toBe(201);
    householdNo = (res.json() as { householdNo: string }).householdNo;
    expect(householdNo).toMatch(/^522701\d{8}$/);
  });

  it('finds it by name prefix, exact ID, village and category, masked', async () => {
    // The same filters by URL (GET) and in a body (POST, the only way for an ID number).
    const searches: [string, () => ReturnType<typeof call>][] = [
      ...['name=罗建', 'area=522701001001', 'category=elderly'].map((q): [string, () => ReturnType<typeof call>] => [q, () => call('GET', `/households?${encodeURI(q)}`, caseworker)]),
      ['idNumber (body)', () => call('POST', '/households/search', caseworker, { idNumber: headId })],
      ['name (body)', () => call('POST', '/households/search', caseworker, { name: '罗建' })],
    ];
    for (const [q, search] of searches) {
      const res = await search();
      expect(res.statusCode, q).toBe(200);
      const body = res.json() as { total: number; items: { householdNo: string; headIdNumber: string; size: number }[] };
      const item = body.items.find((i) => i.householdNo === householdNo);
      expect(item, q).toMatchObject({ size: 2, headIdNumber: `${headId.slice(0, 6)}********${headId.slice(14)}` });
    }
    const none = await call('GET', '/households?name=不存在', caseworker);
    expect((none.json() as { total: number }).total).toBe(0);
  });

  it('shows personal data masked, and unmasked only with an audit entry', async () => {
    const masked = (await call('GET', `/households/${householdNo}`, caseworker)).json() as { masked: boolean; household: { phone: string; bankAccount: string }; members: { idNumber: string }[] };
    expect(masked.masked).toBe(true);
    expect(masked.household.phone).toBe('138****5678');
    expect(masked.household.bankAccount).toBe('************1234');
    expect(masked.members[0]?.idNumber).not.toBe(headId);
    const open = (await call('GET', `/households/${householdNo}?unmask=true`, caseworker)).json() as { members: { idNumber: string }[] };
    expect(open.members[0]?.idNumber).toBe(headId);
    const audit = (await call('GET', `/audit?entity=household&entityId=${householdNo}`, admin)).json() as { items: { action: string }[] };
    expect(audit.items.map((i) => i.action)).toContain('registry.unmask');
    const auditor = await tokenFor(built, 'qiannan.auditor');
    expect((await call('GET', `/households/${householdNo}?unmask=true`, auditor)).statusCode).toBe(403);
  });

  it('edits a member and shows the change on the timeline', async () => {
    const res = await call('PUT', `/households/${householdNo}/members`, caseworker, memberInput({ idNumber: spouseId, name: '吴秀英', relation: 'spouse', workCapacity: 'none', disabilityKind: 'physical', disabilityGrade: 1, seriousIllness: true }));
    expect(res.statusCode).toBe(204);
    const tl = (await call('GET', `/households/${householdNo}/timeline`, caseworker)).json() as { items: { action: string; actorName: string; before: { disabilityGrade: number } | null; after: { disabilityGrade: number } | null }[] };
    expect(tl.items[0]).toMatchObject({ action: 'member.update', actorName: 'guanghui.caseworker', before: { disabilityGrade: 2 }, after: { disabilityGrade: 1 } });
    expect(tl.items.at(-1)?.action).toBe('household.create');
  });

  it('refuses the same person in a household of another county, naming the field and where', async () => {
    await call('POST', '/users', admin, { username: 'fuquan.registry', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: '522702' });
    const fuquan = await tokenFor(built, 'fuquan.registry', STRONG_PASSWORD);
    const res = await call('POST', '/households', fuquan, householdInput('522702001001', [memberInput({ idNumber: headId, name: '罗建国' })], { address: '福泉' }));
    expect(res.statusCode).toBe(409);
    const err = errorOf(res);
    expect(err.code).toBe('id_number_registered');
    expect(err.details.fields?.[0]?.field).toBe('members.0.idNumber');
    // Only that the person is registered elsewhere: no county name, no household number.
    expect(err.message).toBe('身份证号码已在其他县（市、区）登记，一人只能属于一个家庭；请先办理迁出');
    expect(res.body).not.toMatch(/都匀|5227010/);
    // The lookup beyond the caller's scope is audited, although the write was refused.
    const { rows } = await sql<{ entity_id: string }>`select entity_id from audit_log where action = 'registry.duplicate_lookup' and actor_name = 'fuquan.registry'`.execute(db.kysely);
    expect(rows.map((r) => r.entity_id)).toEqual([headId]);
    const count = (await call('POST', '/households/search', admin, { idNumber: headId })).json() as { total: number };
    // An ID number never travels in a URL: the GET search refuses it, naming the field.
    const inUrl = await call('GET', `/households?idNumber=${headId}`, admin);
    expect(inUrl.statusCode).toBe(400);
    expect(errorOf(inUrl).details.fields?.[0]).toMatchObject({ field: 'idNumber', message: expect.stringContaining('POST /api/v1/households/search') });
    expect(count.total).toBe(1);
  });

  it('refuses bad input naming the field and stores nothing', async () => {
    const bad = householdInput('522701001001', [memberInput({ idNumber: `${headId.slice(0, 17)}${headId[17] === '0' ? '1' : '0'}`, name: '张三' })]);
    const res = await call('POST', '/households', caseworker, bad);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details.fields?.[0]).toMatchObject({ field: 'members.0.idNumber', message: expect.stringContaining('校验码') });
    const twoHeads = await call('POST', '/households', caseworker, householdInput('522701001001', [memberInput({ name: '张三' }), memberInput({ name: '张四' })]));
    expect(twoHeads.statusCode).toBe(400);
    expect(errorOf(twoHeads).details.fields?.[0]?.field).toBe('members');
    const elsewhere = await call('POST', '/households', caseworker, householdInput('522701002001', [memberInput({ name: '张三' })]));
    expect(elsewhere.statusCode).toBe(400);
    expect(errorOf(elsewhere).details.fields?.[0]).toEqual({ field: 'household.villageCode', message: '区划 522701002001 不存在或不在您的管辖范围内' });
  });

  it('refuses a member change with a bad ID number or no reason, naming the field; ID numbers are not in URLs', async () => {
    const badId = await call('POST', `/households/${householdNo}/members/remove`, caseworker, { idNumber: `${spouseId.slice(0, 17)}Z`, reason: '迁出' });
    expect(badId.statusCode).toBe(400);
    expect(errorOf(badId).details.fields?.[0]?.field).toBe('idNumber');
    const noReason = await call('POST', `/households/${householdNo}/members/move`, caseworker, { idNumber: spouseId, toHouseholdNo: householdNo, relation: 'spouse' });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).details.fields?.[0]?.field).toBe('reason');
    expect((await call('DELETE', `/households/${householdNo}/members/${spouseId}?reason=x`, caseworker)).statusCode).toBe(404);
    expect((await call('PUT', `/households/${householdNo}/members/${spouseId}`, caseworker, memberInput({ idNumber: spouseId, name: '改名' }))).statusCode).toBe(404);
    const detail = (await call('GET', `/households/${householdNo}?unmask=true`, caseworker)).json() as { members: { idNumber: string; name: string }[] };
    expect(detail.members.map((m) => [m.idNumber, m.name])).toEqual([[headId, '罗建国'], [spouseId, '吴秀英']]);
  });

  it('moves a member to another household, recorded on both timelines', async () => {
    const other = await call('POST', '/households', caseworker, householdInput('522701001002', [memberInput({ name: '罗小军' })]));
    const otherNo = (other.json() as { householdNo: string }).householdNo;
    const res = await call('POST', `/households/${householdNo}/members/move`, caseworker, { idNumber: spouseId, toHouseholdNo: otherNo, relation: 'spouse', reason: '婚姻变动' });
    expect(res.statusCode).toBe(204);
    const from = (await call('GET', `/households/${householdNo}/timeline`, caseworker)).json() as { items: { action: string }[] };
    const to = (await call('GET', `/households/${otherNo}/timeline`, caseworker)).json() as { items: { action: string }[] };
    expect(from.items[0]?.action).toBe('member.move_out');
    expect(to.items[0]?.action).toBe('member.move_in');
    const found = (await call('POST', '/households/search', caseworker, { idNumber: spouseId })).json() as { items: { householdNo: string }[] };
    expect(found.items.map((i) => i.householdNo)).toEqual([otherNo]);
  });
});
