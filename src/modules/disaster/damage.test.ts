// The damage register, goods issued and the 冬春 needs survey on the real database: registering a household
// of the registry and one on the spot, the household type from its cases, two verifications by two staff,
// corrections with a version, voiding and registering again; another county's household refused exactly
// like a missing one; an area outside the event and bad input named by field with nothing written.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { damageEntryOf } from './index.ts';

const GUANGHUI = '522701001';
const WENFENG = '522701002';
const damage = { personsAffected: 4, personsHomeless: 2, deaths: 0, missing: 0, injured: 1, houseGrade: 'serious', houseStructure: 'brick_wood', roomsDamaged: 3, directLossFen: 2_500_000, recordedOn: '2015-07-17', note: '' };

describe(`disaster damage register, goods and winter needs (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(tokens[who]!), ...(payload ? { payload } : {}) });
  const fieldsOf = (res: Awaited<ReturnType<typeof call>>) => errorOf(res).details.fields?.map((f) => f.field) ?? [];
  const count = async (table: 'disaster_damage_entries' | 'households' | 'disaster_goods_issues' | 'disaster_winter_needs') =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db.kysely)).rows[0]?.n);
  const household = async (who: string, village: string, name: string) => {
    const res = await call(who, 'POST', '/households', householdInput(village, [memberInput({ idNumber: idNumber('1960-05-05', 'male', village.slice(0, 6)), name })]));
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { householdNo: string }).householdNo;
  };
  let eventNo = '';
  const h: Record<string, string> = {};
  const url = (rest = '') => `/disaster/events/${eventNo}/damage${rest}`;

  it('sets up an event, users and households', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'wenfeng.caseworker', 'qiannan.admin', 'qiannan.auditor']) tokens[u] = await tokenFor(t.built, u);
    for (const [username, role, areaCode] of [['fuquan.approver', 'county_approver', '522702'], ['guanghui.second', 'township_caseworker', GUANGHUI]] as const) {
      const made = await call('qiannan.admin', 'POST', '/users', { username, displayName: username, password: STRONG_PASSWORD, role, areaCode });
      expect(made.statusCode, made.body).toBe(201);
      tokens[username] = await tokenFor(t.built, username, STRONG_PASSWORD);
    }
    const e = await call('duyun.approver', 'POST', '/disaster/events', { kind: 'flood', name: '“7·15”洪涝灾害', startedOn: '2015-07-15', areas: [GUANGHUI, `${WENFENG}001`] });
    expect(e.statusCode, e.body).toBe(200);
    eventNo = (e.json() as { eventNo: string }).eventNo;
    h.guanghui = await household('guanghui.caseworker', `${GUANGHUI}001`, '罗建国');
    h.dibao = await household('guanghui.caseworker', `${GUANGHUI}001`, '吴大成');
    h.wenfengOut = await household('wenfeng.caseworker', `${WENFENG}002`, '韦小明');
    h.fuquan = await household('fuquan.approver', '522702001001', '罗福泉');
  });

  it('registers a household once; another county and a missing household get one answer; outside the event is named', async () => {
    const res = await call('guanghui.caseworker', 'POST', url(), { householdNo: h.guanghui, ...damage });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ householdNo: h.guanghui, headName: '罗*国', status: 'recorded', householdType: 'ordinary', addedOnSpot: false, areaCode: `${GUANGHUI}001`, version: 0 });
    const again = await call('duyun.approver', 'POST', url(), { householdNo: h.guanghui, ...damage });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'disaster_damage_registered']);
    expect(errorOf(again).message).toContain('已在灾害事件');

    const foreign = await call('duyun.approver', 'POST', url(), { householdNo: h.fuquan, ...damage });
    const missing = await call('duyun.approver', 'POST', url(), { householdNo: '52270100000000', ...damage });
    expect([foreign.statusCode, fieldsOf(foreign)]).toEqual([400, ['householdNo']]);
    expect([missing.statusCode, errorOf(missing).code]).toEqual([400, errorOf(foreign).code]);
    expect(errorOf(foreign).message.replace(h.fuquan!, 'N')).toBe(errorOf(missing).message.replace('52270100000000', 'N'));
    // Another township's caseworker: the household is out of scope, answered like a missing one.
    const township = await call('wenfeng.caseworker', 'POST', url(), { householdNo: h.dibao, ...damage });
    expect(errorOf(township).message.replace(h.dibao!, 'N')).toBe(errorOf(missing).message.replace('52270100000000', 'N'));
    expect((await call('fuquan.approver', 'POST', url(), { householdNo: h.fuquan, ...damage })).statusCode).toBe(404);

    const outside = await call('duyun.approver', 'POST', url(), { householdNo: h.wenfengOut, ...damage });
    expect([outside.statusCode, fieldsOf(outside)]).toEqual([400, ['householdNo']]);
    expect(errorOf(outside).message).toContain('不在灾害事件');
    expect((await call('qiannan.auditor', 'POST', url(), { householdNo: h.dibao, ...damage })).statusCode).toBe(403);
  });

  it('names bad input by field and writes nothing', async () => {
    const before = [await count('disaster_damage_entries'), await count('households')];
    const bad: [object, string][] = [
      [{ ...damage, householdNo: h.dibao, personsHomeless: 9 }, 'personsHomeless'],
      [{ ...damage, householdNo: h.dibao, houseGrade: 'flattened' }, 'houseGrade'],
      [{ ...damage, householdNo: h.dibao, houseStructure: 'straw' }, 'houseStructure'],
      [{ ...damage, householdNo: h.dibao, directLossFen: 12.5 }, 'directLossFen'],
      [{ ...damage, householdNo: h.dibao, recordedOn: '2015-07-01' }, 'recordedOn'],
      [{ ...damage, householdNo: h.dibao, houseGrade: 'none', roomsDamaged: 2 }, 'roomsDamaged'],
      [{ ...damage }, 'householdNo'],
      [{ ...damage, householdNo: h.dibao, newHousehold: householdInput(`${GUANGHUI}001`, [memberInput()]) }, 'householdNo'],
      [{ ...damage, newHousehold: householdInput(`${WENFENG}002`, [memberInput({ name: '杨新户' })]) }, 'newHousehold.household.villageCode'],
      [{ ...damage, newHousehold: householdInput(`${GUANGHUI}001`, [memberInput({ name: 'x' })]) }, 'newHousehold.members.0.name'],
    ];
    for (const [body, field] of bad) {
      const r = await call('duyun.approver', 'POST', url(), body);
      expect(r.statusCode, r.body).toBe(400);
      expect(fieldsOf(r), JSON.stringify(body)).toContain(field);
    }
    expect([await count('disaster_damage_entries'), await count('households')]).toEqual(before);
  });

  it('registers a household on the spot in the registry, and types a 低保 household', async () => {
    const res = await call('guanghui.caseworker', 'POST', url(), { ...damage, newHousehold: householdInput(`${GUANGHUI}001`, [memberInput({ name: '杨新户', idNumber: idNumber('1966-06-06') })]) });
    expect(res.statusCode, res.body).toBe(200);
    const entry = res.json() as { householdNo: string; addedOnSpot: boolean; headName: string };
    expect(entry).toMatchObject({ addedOnSpot: true, headName: '杨*户' });
    h.spot = entry.householdNo;
    const inRegistry = await call('guanghui.caseworker', 'GET', `/households/${entry.householdNo}`);
    expect(inRegistry.statusCode, inRegistry.body).toBe(200);

    const head = (await sql<{ id_number: string }>`select m.id_number from members m join households h on h.county_code = m.county_code and h.id = m.household_id where h.household_no = ${h.dibao}`.execute(t.db.kysely)).rows[0]!.id_number;
    const c = await call('guanghui.caseworker', 'POST', '/cases', { programme: 'dibao', householdNo: h.dibao, applicantIdNumber: head, appliedOn: '2015-06-01' });
    expect(c.statusCode, c.body).toBe(201);
    await sql`update cases set phase = 'payable' where case_no = ${(c.json() as { caseNo: string }).caseNo}`.execute(t.db.kysely);
    const dibao = await call('duyun.approver', 'POST', url(), { ...damage, householdNo: h.dibao, houseGrade: 'collapsed', houseStructure: 'earth_wood' });
    expect(dibao.json()).toMatchObject({ householdType: 'dibao', houseGrade: 'collapsed' });
  });

  it('corrects with the version read, verifies by two different staff, then refuses a correction', async () => {
    const ok = await call('guanghui.caseworker', 'PATCH', url(`/${h.guanghui}`), { ...damage, recordedOn: undefined, personsAffected: 5, version: 0 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ personsAffected: 5, version: 1 });
    const stale = await call('guanghui.caseworker', 'PATCH', url(`/${h.guanghui}`), { ...damage, recordedOn: undefined, version: 0 });
    expect([stale.statusCode, errorOf(stale).code]).toEqual([409, 'disaster_damage_changed']);

    const first = await call('guanghui.caseworker', 'POST', url(`/${h.guanghui}/verify`), { verifiedOn: '2015-07-18' });
    expect(first.json()).toMatchObject({ status: 'recorded', firstVerifiedBy: 'guanghui.caseworker', firstVerifiedOn: '2015-07-18' });
    const same = await call('guanghui.caseworker', 'POST', url(`/${h.guanghui}/verify`), { verifiedOn: '2015-07-19' });
    expect([same.statusCode, errorOf(same).code]).toEqual([409, 'disaster_damage_verifier']);
    expect(errorOf(same).message).toContain('guanghui.caseworker');
    const early = await call('guanghui.second', 'POST', url(`/${h.guanghui}/verify`), { verifiedOn: '2015-07-01' });
    expect([early.statusCode, fieldsOf(early)]).toEqual([400, ['verifiedOn']]);
    const second = await call('guanghui.second', 'POST', url(`/${h.guanghui}/verify`), { verifiedOn: '2015-07-19' });
    expect(second.json()).toMatchObject({ status: 'verified', firstVerifiedBy: 'guanghui.caseworker', secondVerifiedBy: 'guanghui.second' });
    const late = await call('duyun.approver', 'PATCH', url(`/${h.guanghui}`), { ...damage, recordedOn: undefined, version: 3 });
    expect([late.statusCode, errorOf(late).code]).toEqual([409, 'disaster_damage_state']);
    const third = await call('duyun.approver', 'POST', url(`/${h.guanghui}/verify`), { verifiedOn: '2015-07-19' });
    expect([third.statusCode, errorOf(third).code]).toEqual([409, 'disaster_damage_state']);
    // Another township sees no entry of Guanghui.
    expect((await call('wenfeng.caseworker', 'GET', url(`/${h.guanghui}`))).statusCode).toBe(404);
  });

  it('voids with a reason and registers the household again; lists with filters and totals', async () => {
    const noReason = await call('guanghui.caseworker', 'POST', url(`/${h.spot}/void`), { reason: ' ' });
    expect([noReason.statusCode, fieldsOf(noReason)]).toEqual([400, ['reason']]);
    const voided = await call('guanghui.caseworker', 'POST', url(`/${h.spot}/void`), { reason: '重复登记' });
    expect(voided.json()).toMatchObject({ status: 'void', voidReason: '重复登记' });
    const again = await call('guanghui.caseworker', 'POST', url(), { householdNo: h.spot, ...damage, houseGrade: 'general' });
    expect(again.json()).toMatchObject({ status: 'recorded', houseGrade: 'general', addedOnSpot: false });

    const list = (await call('duyun.approver', 'GET', url())).json() as { items: { householdNo: string; status: string; headName: string }[]; totals: { byGrade: Record<string, { households: number; persons: number }>; byStatus: Record<string, { households: number }>; directLossFen: number } };
    expect(list.items).toHaveLength(4);
    expect(list.totals.byStatus).toMatchObject({ recorded: { households: 2 }, verified: { households: 1 }, void: { households: 1 } });
    expect(list.totals.byGrade).toMatchObject({ serious: { households: 1, persons: 5 }, collapsed: { households: 1 }, general: { households: 1 }, none: { households: 0 } });
    expect(list.totals.directLossFen).toBe(3 * 2_500_000);
    expect(list.items.every((i) => i.headName.includes('*'))).toBe(true);
    const collapsed = (await call('duyun.approver', 'GET', url('?grade=collapsed&status=recorded'))).json() as { items: { householdNo: string }[] };
    expect(collapsed.items.map((i) => i.householdNo)).toEqual([h.dibao]);
    const paged = (await call('duyun.approver', 'GET', url('?limit=3'))).json() as { next: number | null };
    const rest = (await call('duyun.approver', 'GET', url(`?limit=3&after=${paged.next}`))).json() as { items: unknown[] };
    expect(rest.items).toHaveLength(1);
    const wenfeng = (await call('wenfeng.caseworker', 'GET', url())).json() as { items: unknown[] };
    expect(wenfeng.items).toEqual([]);
    const badArea = await call('wenfeng.caseworker', 'GET', url(`?area=${GUANGHUI}`));
    expect([badArea.statusCode, fieldsOf(badArea)]).toEqual([400, ['area']]);

    const ref = await damageEntryOf(t.db, systemScope('test'), eventNo, h.guanghui!);
    expect(ref).toMatchObject({ countyCode: '522701', householdNo: h.guanghui, houseGrade: 'serious', houseStructure: 'brick_wood', status: 'verified', areaCode: `${GUANGHUI}001` });
    expect(await damageEntryOf(t.db, systemScope('test'), eventNo, h.fuquan!)).toBeUndefined();

    const audited = await sql<{ action: string }>`select action from audit_log where entity = 'disaster_damage' order by id`.execute(t.db.kysely);
    expect(audited.rows.map((r) => r.action)).toEqual(['disaster.damage.record', 'disaster.damage.record', 'disaster.damage.record', 'disaster.damage.correct', 'disaster.damage.verify', 'disaster.damage.verify', 'disaster.damage.void', 'disaster.damage.record']);
  });

  it('records goods issued with totals per item in their units', async () => {
    const goods = `/disaster/events/${eventNo}/goods`;
    for (const [item, quantity, who] of [['quilt', 2, 'guanghui.caseworker'], ['rice', 50, 'guanghui.caseworker'], ['quilt', 1, 'duyun.approver']] as const) {
      const r = await call(who, 'POST', goods, { householdNo: item === 'quilt' && who === 'duyun.approver' ? h.dibao : h.guanghui, item, quantity, issuedOn: '2015-07-16' });
      expect(r.statusCode, r.body).toBe(200);
    }
    const before = await count('disaster_goods_issues');
    const bad: [object, string][] = [
      [{ householdNo: h.guanghui, item: 'other', quantity: 1, issuedOn: '2015-07-16' }, 'note'],
      [{ householdNo: h.guanghui, item: 'quilt', quantity: 0, issuedOn: '2015-07-16' }, 'quantity'],
      [{ householdNo: h.guanghui, item: 'gold', quantity: 1, issuedOn: '2015-07-16' }, 'item'],
      [{ householdNo: h.wenfengOut, item: 'quilt', quantity: 1, issuedOn: '2015-07-16' }, 'householdNo'],
      [{ householdNo: h.fuquan, item: 'quilt', quantity: 1, issuedOn: '2015-07-16' }, 'householdNo'],
    ];
    for (const [body, field] of bad) {
      const r = await call('duyun.approver', 'POST', goods, body);
      expect([r.statusCode, fieldsOf(r)], JSON.stringify(body)).toEqual([400, [field]]);
    }
    expect(await count('disaster_goods_issues')).toBe(before);
    const list = (await call('duyun.approver', 'GET', goods)).json() as { items: { itemLabel: string; unit: string }[]; totals: { item: string; itemLabel: string; unit: string; quantity: number; households: number }[] };
    expect(list.items).toHaveLength(3);
    expect(list.totals).toEqual([
      { item: 'quilt', itemLabel: '棉被', unit: '条', quantity: 3, households: 2 },
      { item: 'rice', itemLabel: '大米', unit: '公斤', quantity: 50, households: 1 },
    ]);
    const audited = await sql<{ n: string }>`select count(*) as n from audit_log where action = 'disaster.goods.issue'`.execute(t.db.kysely);
    expect(Number(audited.rows[0]?.n)).toBe(3);
  });

  it('surveys 冬春 needs once per season and household, in the autumn, with totals by class', async () => {
    const body = { season: '2015-2016', householdNo: h.guanghui, personsFirst: 1, personsSecond: 2, personsThird: 0, surveyedOn: '2015-10-12' };
    const ok = await call('guanghui.caseworker', 'POST', '/disaster/winter-needs', body);
    expect(ok.statusCode, ok.body).toBe(200);
    const twice = await call('duyun.approver', 'POST', '/disaster/winter-needs', { ...body, personsFirst: 3 });
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'disaster_winter_surveyed']);
    await call('duyun.approver', 'POST', '/disaster/winter-needs', { ...body, householdNo: h.wenfengOut, personsFirst: 0, personsSecond: 0, personsThird: 4, surveyedOn: '2015-09-30' });
    const bad: [object, string][] = [
      [{ ...body, householdNo: h.dibao, surveyedOn: '2016-01-05' }, 'surveyedOn'],
      [{ ...body, householdNo: h.dibao, season: '2015-2017' }, 'season'],
      [{ ...body, householdNo: h.dibao, personsFirst: 0, personsSecond: 0 }, 'personsFirst'],
      [{ ...body, householdNo: h.fuquan }, 'householdNo'],
    ];
    for (const [b, field] of bad) {
      const r = await call('duyun.approver', 'POST', '/disaster/winter-needs', b);
      expect([r.statusCode, fieldsOf(r)], JSON.stringify(b)).toEqual([400, [field]]);
    }
    const all = (await call('duyun.approver', 'GET', '/disaster/winter-needs?season=2015-2016')).json() as { items: unknown[]; totals: Record<string, number> };
    expect(all.totals).toEqual({ households: 2, personsFirst: 1, personsSecond: 2, personsThird: 4 });
    const guanghui = (await call('guanghui.caseworker', 'GET', '/disaster/winter-needs?season=2015-2016')).json() as { totals: Record<string, number> };
    expect(guanghui.totals).toEqual({ households: 1, personsFirst: 1, personsSecond: 2, personsThird: 0 });
    const other = (await call('fuquan.approver', 'GET', '/disaster/winter-needs?season=2015-2016')).json() as { items: unknown[] };
    expect(other.items).toEqual([]);
  });

  it('imports a 冬春 survey file whole or not at all, naming row and column, with an error report', async () => {
    const xlsx = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('冬春需求');
      ws.addRow(['户编号', '一类人数', '二类人数', '三类人数', '调查日期', '备注']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = (who: string, body: Buffer, path = '/disaster/winter-needs/import') =>
      t.built.app.inject({ method: 'POST', url: `/api/v1${path}?season=2016-2017`, headers: { ...bearer(tokens[who]!), 'content-type': 'application/octet-stream' }, payload: body });
    const before = await count('disaster_winter_needs');
    const bad = await xlsx([
      [h.guanghui!, 1, 0, 0, '2016-10-08', ''],
      [h.dibao!, 'x', 0, 0, '2016-10-08', ''],
      [h.spot!, 0, 1, 0, '2017-02-01', ''],
      [h.guanghui!, 0, 0, 1, '2016-10-09', ''],
      [h.fuquan!, 1, 0, 0, '2016-10-08', ''],
    ]);
    const refused = await upload('duyun.approver', bad);
    expect([refused.statusCode, errorOf(refused).code]).toEqual([400, 'disaster_winter_rejected']);
    const errors = (errorOf(refused).details as { errors: { row: number; column: string }[] }).errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([[3, '一类人数'], [4, '调查日期'], [5, '户编号'], [6, '户编号']]);
    expect(await count('disaster_winter_needs')).toBe(before);
    const report = await upload('duyun.approver', bad, '/disaster/winter-needs/import/errors.xlsx');
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('错误')?.rowCount).toBe(5);

    const good = await upload('duyun.approver', await xlsx([[h.guanghui!, 1, 2, 0, '2016-10-08', ''], [h.dibao!, 0, 0, 3, '2016-11-20', '危房']]));
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toEqual({ season: '2016-2017', households: 2, personsFirst: 1, personsSecond: 2, personsThird: 3 });
    const again = await upload('duyun.approver', await xlsx([[h.spot!, 1, 0, 0, '2016-10-08', ''], [h.dibao!, 1, 0, 0, '2016-10-08', '']]));
    expect([again.statusCode, (errorOf(again).details as { errors: { row: number }[] }).errors.map((e) => e.row)]).toEqual([400, [3]]);
    const township = await upload('wenfeng.caseworker', await xlsx([[h.guanghui!, 1, 0, 0, '2016-10-08', '']]));
    expect(errorOf(township).message).toContain('不存在或不在您的管辖范围内');
    const badHeader = await t.built.app.inject({ method: 'POST', url: '/api/v1/disaster/winter-needs/import?season=2016-2017&format=csv', headers: { ...bearer(tokens['duyun.approver']!), 'content-type': 'text/csv' }, payload: '户号,人数\n1,2\n' });
    expect([badHeader.statusCode, errorOf(badHeader).code]).toEqual([400, 'invalid_file']);
    const list = (await call('duyun.approver', 'GET', '/disaster/winter-needs?season=2016-2017')).json() as { totals: Record<string, number> };
    expect(list.totals).toEqual({ households: 2, personsFirst: 1, personsSecond: 2, personsThird: 3 });
  });
});
