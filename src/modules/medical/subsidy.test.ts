// 资助参保 end to end on a small county: recipients written as the cases engine writes entitlements
// (特困 person, 低保 household of 3, a person in both, an exited and a suspended case, another county),
// amounts checked by hand against the parameters (150 yuan contribution in 2016, 60 yuan for 低保, 特困 in
// full, capped by the contribution), the review workflow with its 409s, the insurer's file read back,
// the result import (a bad file refused whole with row numbers), figures and scope.
import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../kernel/files/table.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ENGINE } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, STRONG_PASSWORD, tokenFor, useTestApp } from '../../test/http.ts';
import { addCase, addDecision, rows } from '../payroll/testing.ts';
import { generateSubsidyList } from './index.ts';

const DUYUN = '522701';
const FUQUAN = '522702';
const HARDSHIP_FEN = 15_000; // 2016 contribution 150 yuan (medical.premium.individual_contribution), 特困 in full
const DIBAO_FEN = 6_000; // medical.premium_subsidy.dibao: 60 yuan at 522700

describe(`premium subsidy lists (${ENGINE})`, () => {
  const t = useTestApp();
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object | Buffer, headers: Record<string, string> = {}) =>
    t.built.app.inject({ method, url: `/api/v1${url}`, headers: { ...bearer(tokens[who]!), ...headers }, ...(payload ? { payload } : {}) });

  /** A household made through the API; returns its database id and its members' ids by ID number. */
  async function household(who: string, village: string, people: { key: string; relation: string; county?: string }[]) {
    const members = people.map((p) => { ids[p.key] = idNumber('1960-05-01', 'male', p.county ?? DUYUN); return memberInput({ idNumber: ids[p.key], name: `罗${'甲乙丙丁戊己庚辛壬癸'[Object.keys(ids).length % 10]}${'一二三四五六七八九十'[Math.floor(Object.keys(ids).length / 10)]}`, relation: p.relation }); });
    const res = await call(who, 'POST', '/households', householdInput(village, members));
    expect(res.statusCode, res.body).toBe(201);
    const no = (res.json() as { householdNo: string }).householdNo;
    const [h] = await rows<{ id: number; county_code: string }>(t.db, `select id, county_code from households where household_no = '${no}'`);
    const m = await rows<{ id: number; id_number: string }>(t.db, `select id, id_number from members where household_id = ${h!.id}`);
    return { county: h!.county_code, householdId: Number(h!.id), member: (key: string) => Number(m.find((x) => x.id_number === ids[key])!.id) };
  }
  async function granted(h: { county: string; householdId: number; member: (k: string) => number }, programme: 'dibao' | 'hardship', applicant: string, then?: { kind: 'exit' | 'suspend'; month: string }) {
    const c = await addCase(t.db, { county: h.county, householdId: h.householdId, programme, memberId: h.member(applicant) });
    await addDecision(t.db, { county: h.county, caseId: c.caseId }, { kind: 'approve', effectiveMonth: '2015-01', amountFen: 30_000 });
    if (then) await addDecision(t.db, { county: h.county, caseId: c.caseId }, { kind: then.kind, effectiveMonth: then.month, state: then.kind === 'exit' ? 'exited' : 'suspended' });
  }

  it('sets up recipients in two counties', async () => {
    for (const u of ['duyun.approver', 'guanghui.caseworker', 'qiannan.admin', 'duyun.medical']) tokens[u] = await tokenFor(t.built, u);
    const made = await call('qiannan.admin', 'POST', '/users', { username: 'fuquan.approver', displayName: '福泉审批', password: STRONG_PASSWORD, role: 'county_approver', areaCode: FUQUAN });
    expect(made.statusCode, made.body).toBe(201);
    tokens['fuquan.approver'] = await tokenFor(t.built, 'fuquan.approver', STRONG_PASSWORD);
    await granted(await household('duyun.approver', '522701001001', [{ key: 'A', relation: 'head' }]), 'hardship', 'A');
    await granted(await household('duyun.approver', '522701002001', [{ key: 'B1', relation: 'head' }, { key: 'B2', relation: 'spouse' }, { key: 'B3', relation: 'child' }]), 'dibao', 'B1');
    const both = await household('duyun.approver', '522701001001', [{ key: 'C', relation: 'head' }, { key: 'D', relation: 'spouse' }]);
    await granted(both, 'dibao', 'C');
    await granted(both, 'hardship', 'C');
    await granted(await household('duyun.approver', '522701001001', [{ key: 'E', relation: 'head' }]), 'dibao', 'E', { kind: 'exit', month: '2015-06' });
    await granted(await household('duyun.approver', '522701002001', [{ key: 'F', relation: 'head' }]), 'hardship', 'F', { kind: 'suspend', month: '2015-10' });
    await granted(await household('fuquan.approver', '522702001001', [{ key: 'G', relation: 'head', county: FUQUAN }]), 'dibao', 'G');
  }, 60_000);

  let listNo = '';
  it('generates the county list: each person once, 特困 in full, 低保 the fixed amount; refuses a second list and bad input', async () => {
    expect((await call('guanghui.caseworker', 'POST', '/medical/subsidy-lists', { countyCode: DUYUN, year: 2016, asOf: '2015-12-31' })).statusCode).toBe(403);
    const res = await call('duyun.approver', 'POST', '/medical/subsidy-lists', { countyCode: DUYUN, year: 2016, asOf: '2015-12-31' });
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json() as { listNo: string; persons: number; amountFen: number; status: string };
    listNo = g.listNo;
    expect(listNo).toMatch(/^ZC5227012016\d{6}$/);
    expect(g).toMatchObject({ status: 'draft', persons: 6, amountFen: 2 * HARDSHIP_FEN + 4 * DIBAO_FEN });
    const entries = await rows<{ id_number: string; group: string; contribution_fen: string; subsidy_fen: string }>(t.db, `select id_number, "group", contribution_fen, subsidy_fen from medical_subsidy_entries order by id_number`);
    const byId = new Map(entries.map((e) => [e.id_number, e]));
    expect([...byId.keys()].sort()).toEqual(['A', 'B1', 'B2', 'B3', 'C', 'D'].map((k) => ids[k]).sort());
    for (const k of ['A', 'C']) expect(byId.get(ids[k]!)).toMatchObject({ group: 'hardship' });
    for (const k of ['B1', 'B2', 'B3', 'D']) expect(byId.get(ids[k]!)).toMatchObject({ group: 'dibao' });
    expect(entries.map((e) => [Number(e.contribution_fen), Number(e.subsidy_fen)]).filter(([c, s]) => c !== HARDSHIP_FEN || (s !== HARDSHIP_FEN && s !== DIBAO_FEN))).toEqual([]);

    const again = await call('duyun.approver', 'POST', '/medical/subsidy-lists', { countyCode: DUYUN, year: 2016, asOf: '2015-11-30' });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'subsidy_list_exists']);
    for (const [body, field] of [[{ countyCode: DUYUN, year: 'abc', asOf: '2015-12-31' }, 'year'], [{ countyCode: DUYUN, year: 2016, asOf: '2015-13-01' }, 'asOf'], [{ countyCode: FUQUAN, year: 2016, asOf: '2015-12-31' }, 'countyCode']] as const) {
      const bad = await call('duyun.approver', 'POST', '/medical/subsidy-lists', body);
      expect(bad.statusCode, bad.body).toBe(400);
      expect(errorOf(bad).details.fields?.map((f) => f.field)).toContain(field);
    }
    // a county without recipients: nothing written
    await expect(generateSubsidyList(t.db, systemScope('test'), { countyCode: '522722', year: 2016, asOf: '2015-12-31' })).rejects.toMatchObject({ status: 409, code: 'subsidy_list_empty' });
    expect(await rows(t.db, `select id from medical_subsidy_lists where county_code = '522722'`)).toEqual([]);
  });

  it('reviews: masked entries, exclude and include move the totals, wrong states are 409, every step audited', async () => {
    const page = await call('duyun.approver', 'GET', `/medical/subsidy-lists/${listNo}/entries?group=dibao&limit=2`);
    expect(page.statusCode, page.body).toBe(200);
    const p = page.json() as { items: { id: number; idNumber: string; groupLabel: string }[]; next: number | null };
    expect(p.items).toHaveLength(2);
    expect(p.items[0]!.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(p.items[0]!.groupLabel).toBe('低保对象');
    const rest = (await call('duyun.approver', 'GET', `/medical/subsidy-lists/${listNo}/entries?group=dibao&after=${p.next}`)).json() as { items: unknown[] };
    expect(rest.items).toHaveLength(2);
    const all = (await call('duyun.approver', 'GET', `/medical/subsidy-lists/${listNo}/entries?unmask=true`)).json() as { items: { id: number; idNumber: string }[] };
    const d = all.items.find((e) => e.idNumber === ids.D)!;
    const wrong = await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/approve`);
    expect([wrong.statusCode, errorOf(wrong).code]).toEqual([409, 'subsidy_list_status']);
    expect((await call('duyun.approver', 'GET', `/medical/subsidy-lists/${listNo}/insurer-file`)).statusCode).toBe(409);
    const noReason = await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/entries/${d.id}/exclude`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const ex = await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/entries/${d.id}/exclude`, { reason: '已在外地参保' });
    expect(ex.json()).toMatchObject({ excluded: true, persons: 5, amountFen: 2 * HARDSHIP_FEN + 3 * DIBAO_FEN });
    expect((await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/entries/${d.id}/include`)).json()).toMatchObject({ excluded: false, persons: 6 });
    await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/entries/${d.id}/exclude`, { reason: '已在外地参保' });
    const reviewed = await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/review`);
    expect(reviewed.json()).toMatchObject({ status: 'reviewed', statusLabel: '已审核', persons: 5, amountFen: 2 * HARDSHIP_FEN + 3 * DIBAO_FEN, reviewedBy: 'duyun.approver' });
    expect((await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/entries/${d.id}/include`)).statusCode).toBe(409);
    expect((await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/review`)).statusCode).toBe(409);
    // another county's approver: the list does not exist for them
    expect((await call('fuquan.approver', 'GET', `/medical/subsidy-lists/${listNo}`)).statusCode).toBe(404);
    expect((await call('fuquan.approver', 'POST', `/medical/subsidy-lists/${listNo}/approve`)).statusCode).toBe(404);
    expect((await call('guanghui.caseworker', 'POST', `/medical/subsidy-lists/${listNo}/approve`)).statusCode).toBe(403);
    const approved = await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/approve`);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: 'duyun.approver' });
    expect((await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/void`)).statusCode).toBe(409);
    const detail = (await call('duyun.approver', 'GET', `/medical/subsidy-lists/${listNo}`)).json() as { byGroup: { group: string; persons: number; amountFen: number }[]; excluded: number };
    expect(detail.byGroup).toEqual([expect.objectContaining({ group: 'hardship', persons: 2, amountFen: 2 * HARDSHIP_FEN }), expect.objectContaining({ group: 'dibao', persons: 3, amountFen: 3 * DIBAO_FEN })]);
    expect(detail.excluded).toBe(1);
    // the township caseworker sees its own township's entries only
    const own = (await call('guanghui.caseworker', 'GET', `/medical/subsidy-lists/${listNo}/entries`)).json() as { items: { villageCode: string }[] };
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((e) => e.villageCode.startsWith('522701001'))).toBe(true);
  });

  it('exports the insurer file (full ID numbers, totals row) and marks the list exported', async () => {
    const res = await call('duyun.approver', 'GET', `/medical/subsidy-lists/${listNo}/insurer-file?format=xlsx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const table = await readTableFile(res.rawPayload, 'xlsx');
    const text = table.map((r) => r.cells.map((c) => (c === undefined ? '' : String(c))));
    expect(text.slice(0, 3).join('|')).toContain('收款方：医疗保障经办机构');
    expect(text[0]![0]).toContain('2016');
    expect(text[1]![0]).toContain(listNo);
    expect(text[3]).toEqual(['序号', '姓名', '公民身份号码', '人员类别', '所属乡镇（街道）', '所属村（居）', '个人缴费标准（元）', '资助金额（元）', '个人自付（元）']);
    const data = table.slice(4, -1);
    expect(data).toHaveLength(5);
    expect(data.map((r) => r.cells[2]).sort()).toEqual(['A', 'B1', 'B2', 'B3', 'C'].map((k) => ids[k]).sort());
    expect(data.filter((r) => r.cells[3] === '特困人员').every((r) => r.cells[7] === 150 && r.cells[8] === 0)).toBe(true);
    expect(data.filter((r) => r.cells[3] === '低保对象').every((r) => r.cells[7] === 60 && r.cells[8] === 90)).toBe(true);
    expect(table.at(-1)!.cells.slice(6)).toEqual([750, 480, 270]);
    const csv = await call('duyun.approver', 'GET', `/medical/subsidy-lists/${listNo}/insurer-file?format=csv`);
    expect(csv.body).toContain('合计,5人,,,,,750.00,480.00,270.00');
    const status = (await call('duyun.approver', 'GET', `/medical/subsidy-lists/${listNo}`)).json() as { status: string; exportedOn: string | null };
    expect(status.status).toBe('exported');
    expect(status.exportedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const audit = await rows<{ action: string }>(t.db, `select action from audit_log where entity = 'medical_subsidy_list' and entity_id = '${listNo}' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['medical.subsidy.generate', 'medical.subsidy.unmask', 'medical.subsidy.exclude', 'medical.subsidy.include', 'medical.subsidy.exclude', 'medical.subsidy.review', 'medical.subsidy.approve', 'medical.subsidy.export', 'medical.subsidy.export']);
  });

  it('imports the insurer result: a bad file is refused whole with row numbers; a good one replaces the results', async () => {
    const csv = (lines: string[]) => Buffer.from(`公民身份号码,参保结果,原因\n${lines.join('\n')}\n`);
    const bad = csv([`${ids.A},已参保,`, `${idNumber()},已参保,`, `${ids.B1},参保了,`, `${ids.A},未参保,重复`, `${ids.D},已参保,`]);
    const res = await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/result?format=csv`, bad, { 'content-type': 'text/csv' });
    expect(res.statusCode, res.body).toBe(400);
    const e = errorOf(res);
    expect(e.code).toBe('subsidy_result_rejected');
    const errors = e.details.errors as { row: number; column: string; message: string }[];
    expect(errors.map((x) => [x.row, x.column])).toEqual([[3, '公民身份号码'], [4, '参保结果'], [5, '公民身份号码'], [6, '公民身份号码']]);
    expect(errors[0]!.message).toBe('第3行：公民身份号码不在本名单中');
    expect(await rows(t.db, `select id from medical_subsidy_entries where result <> 'pending'`)).toEqual([]);
    const report = await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/result/error-report?format=csv`, bad, { 'content-type': 'text/csv' });
    expect(report.statusCode).toBe(200);
    expect((await readTableFile(report.rawPayload, 'xlsx')).length).toBe(5);

    const good = csv([`${ids.A},已参保,`, `${ids.B1},已参保,`, `${ids.B2},未参保,已在外省参保`, `${ids.B3},已参保,`, `${ids.C},已参保,`]);
    const ok = await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/result?format=csv`, good, { 'content-type': 'text/csv' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ rows: 5, enrolled: 4, refused: 1, pending: 0 });
    const again = await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/result?format=csv`, csv([`${ids.A},已参保,`, `${ids.B2},已参保,`]), { 'content-type': 'text/csv' });
    expect(again.json()).toMatchObject({ enrolled: 2, refused: 0, pending: 3 });
    await call('duyun.approver', 'POST', `/medical/subsidy-lists/${listNo}/result?format=csv`, good, { 'content-type': 'text/csv' });
  });

  it('figures by county and township, within scope', async () => {
    const pref = (await call('qiannan.admin', 'GET', '/medical/subsidy-figures?area=522700&year=2016')).json() as { items: { areaCode: string; persons: number; amountFen: number; enrolled: number; refused: number; lists: number }[]; total: { persons: number } };
    expect(pref.items.find((i) => i.areaCode === DUYUN)).toMatchObject({ lists: 1, persons: 5, amountFen: 2 * HARDSHIP_FEN + 3 * DIBAO_FEN, enrolled: 4, refused: 1 });
    expect(pref.total.persons).toBe(5);
    // The statistics count the approved list too (its approval marked its villages for the roll-up).
    const stats = (await call('qiannan.admin', 'GET', `/stats/figures?area=${DUYUN}&year=2016`)).json() as { programmes: { code: string; total: { key: string; value: number | null }[] }[] };
    const medical = stats.programmes.find((p) => p.code === 'medical')!.total;
    expect([medical.find((f) => f.key === 'subsidisedPersons')?.value, medical.find((f) => f.key === 'subsidyAmount')?.value]).toEqual([5, 2 * HARDSHIP_FEN + 3 * DIBAO_FEN]);
    const county = (await call('duyun.approver', 'GET', `/medical/subsidy-figures?area=${DUYUN}&year=2016`)).json() as { items: { areaCode: string; persons: number }[] };
    expect(county.items.filter((i) => i.persons > 0).map((i) => [i.areaCode, i.persons])).toEqual([['522701001', 2], ['522701002', 3]]);
    expect((await call('guanghui.caseworker', 'GET', `/medical/subsidy-figures?area=${DUYUN}&year=2016`)).statusCode).toBe(404);
    expect((await call('fuquan.approver', 'GET', `/medical/subsidy-figures?area=${DUYUN}&year=2016`)).statusCode).toBe(404);
    const own = (await call('guanghui.caseworker', 'GET', '/medical/subsidy-figures?area=522701001&year=2016')).json() as { total: { persons: number } };
    expect(own.total.persons).toBe(2);
    // 医保 (a partner) sees its referrals and settlement imports, not the lists.
    expect((await call('duyun.medical', 'GET', `/medical/subsidy-figures?area=${DUYUN}&year=2016`)).statusCode).toBe(403);
    expect((await call('duyun.medical', 'GET', '/medical/subsidy-lists')).statusCode).toBe(403);
  });

  it('caps the 低保 amount by the contribution, and a voided list makes room for a new one', async () => {
    const param = await call('qiannan.admin', 'POST', '/policy/parameters/medical.premium_subsidy.dibao/values', { area: FUQUAN, effective: '2015-12-01', value: 200, reference: '测试：高于个人缴费的定额' });
    expect(param.statusCode, param.body).toBeLessThan(300);
    const first = await call('fuquan.approver', 'POST', '/medical/subsidy-lists', { countyCode: FUQUAN, year: 2016, asOf: '2015-12-31' });
    expect(first.json()).toMatchObject({ persons: 1, amountFen: HARDSHIP_FEN });
    const no = (first.json() as { listNo: string }).listNo;
    expect((await call('fuquan.approver', 'POST', `/medical/subsidy-lists/${no}/void`)).json()).toMatchObject({ status: 'void', statusLabel: '已作废' });
    const second = await call('fuquan.approver', 'POST', '/medical/subsidy-lists', { countyCode: FUQUAN, year: 2016, asOf: '2015-12-31' });
    expect(second.statusCode, second.body).toBe(200);
    expect((second.json() as { listNo: string }).listNo).not.toBe(no);
    const listed = (await call('fuquan.approver', 'GET', '/medical/subsidy-lists?year=2016')).json() as { items: { listNo: string; countyCode: string }[] };
    expect(listed.items.every((i) => i.countyCode === FUQUAN)).toBe(true);
    expect(listed.items).toHaveLength(2);
  });
});
