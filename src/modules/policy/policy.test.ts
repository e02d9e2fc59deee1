import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { defaultParameterRows, PARAMETERS_DIR } from '../../policy/index.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, testApp, tokenFor } from '../../test/http.ts';
import { markParametersUsed, syncParameterFiles } from './service/parameters.ts';

describe(`policy parameters and explanations over HTTP (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let admin: string;
  let caseworker: string;
  beforeAll(async () => {
    db = await testDatabase();
    built = await testApp(db);
    admin = await tokenFor(built, 'qiannan.admin');
    caseworker = await tokenFor(built, 'guanghui.caseworker');
  });
  afterAll(async () => {
    await built.app.close();
    await db.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
    built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  const count = async (table: 'policy_values' | 'audit_log') => Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('loads the files once: loading again changes nothing', async () => {
    const values = await count('policy_values');
    expect(values).toBe(defaultParameterRows().length);
    const audits = await count('audit_log');
    expect(await syncParameterFiles(db)).toEqual({ inserted: 0, updated: 0, parsed: false });
    expect(await count('policy_values')).toBe(values);
    expect(await count('audit_log')).toBe(audits);
  });

  it('updates an unused file value, and refuses a changed used one naming the parameter', async () => {
    const rows = defaultParameterRows();
    const changed = (name: string, area: string, value: number) => rows.map((r) => (r.name === name && r.area === area ? { ...r, value } : r));
    expect(await syncParameterFiles(db, changed('dibao.standard.urban', '522722', 450))).toEqual({ inserted: 0, updated: 1, parsed: true });
    expect(await syncParameterFiles(db)).toEqual({ inserted: 0, updated: 1, parsed: true });
    await db.kysely.transaction().execute((tx) => markParametersUsed(tx, [{ name: 'dibao.standard.urban', area: '522723', ruleSet: null, effective: '2015-01-01' }]));
    await expect(syncParameterFiles(db, changed('dibao.standard.urban', '522723', 450))).rejects.toThrow(/"dibao\.standard\.urban" \(area 522723.*already used/);
    expect(await syncParameterFiles(db)).toEqual({ inserted: 0, updated: 0, parsed: false });
  });

  it('syncs a parameter file edited since the last start, and skips unchanged files without parsing them', async () => {
    const root = await mkdtemp(join(tmpdir(), 'jiuzhu-parameters-'));
    try {
      await cp(PARAMETERS_DIR, root, { recursive: true });
      expect(await syncParameterFiles(db, { root })).toEqual({ inserted: 0, updated: 0, parsed: false });
      const file = join(root, 'dibao/standard/urban.yaml');
      const text = await readFile(file, 'utf8');
      const edited = text.replace(/(area: "522722"\n\s+effective: 2015-01-01\n\s+value: )440/, '$1460');
      expect(edited).not.toBe(text);
      await writeFile(file, edited);
      expect(await syncParameterFiles(db, { root })).toEqual({ inserted: 0, updated: 1, parsed: true });
      const urban = (await call('GET', '/policy/parameters/dibao.standard.urban', caseworker)).json() as { values: { area: string; value: unknown }[] };
      expect(urban.values.find((v) => v.area === '522722')?.value).toBe(460);
      expect(await syncParameterFiles(db, { root })).toEqual({ inserted: 0, updated: 0, parsed: false });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
    expect(await syncParameterFiles(db)).toEqual({ inserted: 0, updated: 1, parsed: true });
  });

  it('lists parameters with current values, references and areas, for every role', async () => {
    const res = await call('GET', '/policy/parameters?prefix=dibao.standard', caseworker);
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { name: string; unit: string; values: { area: string; value: unknown; current: boolean; valueReference: string | null }[] }[] }).items;
    expect(items.map((i) => i.name)).toEqual(['dibao.standard.rural', 'dibao.standard.urban']);
    const duyun = items[1]?.values.find((v) => v.area === '522701');
    expect(duyun).toMatchObject({ value: 495, current: true });
    expect(duyun?.valueReference).toContain('黔南州');
    const partner = await tokenFor(built, 'duyun.medical');
    expect((await call('GET', '/policy/parameters/dibao.standard.urban', partner)).statusCode).toBe(200);
  });

  it('adds a dated value (prefecture admin), refusing out-of-scope areas and missing references by field', async () => {
    const path = '/policy/parameters/dibao.standard.urban/values';
    const outside = await call('POST', path, admin, { area: 'CN', effective: '2016-01-01', value: 520, reference: '测试' });
    expect(outside.statusCode).toBe(400);
    expect(errorOf(outside).details.fields?.[0]).toEqual({ field: 'area', message: '区划 CN 不存在或不在您的管辖范围内' });
    const noReference = await call('POST', path, admin, { area: '522701', effective: '2016-01-01', value: 520 });
    expect(noReference.statusCode).toBe(400);
    expect(errorOf(noReference).details.fields?.[0]?.field).toBe('reference');
    const badValue = await call('POST', path, admin, { area: '522701', effective: '2016-01-01', value: 'five hundred', reference: '测试' });
    expect(errorOf(badValue).details.fields?.[0]?.field).toBe('value');
    const badDate = await call('POST', path, admin, { area: '522701', effective: '2016-13-01', value: 520, reference: '测试' });
    expect(errorOf(badDate).details.fields?.[0]?.field).toBe('effective');
    const approver = await tokenFor(built, 'duyun.approver');
    expect((await call('POST', path, approver, { area: '522701', effective: '2016-01-01', value: 520, reference: '测试' })).statusCode).toBe(403);
    const audits = await count('audit_log');
    const ok = await call('POST', path, admin, { area: '522701', effective: '2016-01-01', value: 520, reference: '黔南州民政局 2016 年调标通知（测试）' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ area: '522701', value: 520, origin: 'api', createdBy: 'qiannan.admin', used: false });
    expect(await count('audit_log')).toBe(audits + 1);
  });

  it('edits an unused value; a used one cannot be edited but can be superseded', async () => {
    const param = (await call('GET', '/policy/parameters/dibao.standard.urban', admin)).json() as { values: { id: number; area: string; effective: string; origin: string }[] };
    const mine = param.values.find((v) => v.origin === 'api' && v.area === '522701');
    expect(mine).toBeDefined();
    const url = `/policy/parameters/dibao.standard.urban/values/${mine?.id}`;
    expect((await call('PATCH', url, admin, { value: 525 })).statusCode).toBe(204);
    const fromFile = param.values.find((v) => v.origin === 'file' && v.area === '522701');
    const fileEdit = await call('PATCH', `/policy/parameters/dibao.standard.urban/values/${fromFile?.id}`, admin, { value: 500 });
    expect(fileEdit.statusCode).toBe(409);
    await db.kysely.transaction().execute((tx) => markParametersUsed(tx, [{ name: 'dibao.standard.urban', area: '522701', ruleSet: null, effective: '2016-01-01' }]));
    const used = await call('PATCH', url, admin, { value: 530 });
    expect(used.statusCode).toBe(409);
    expect(errorOf(used).code).toBe('parameter_value_used');
    expect(errorOf(used).message).toContain('替代');
    const earlier = await call('POST', '/policy/parameters/dibao.standard.urban/values', admin, { area: '522701', effective: '2015-12-01', value: 530, reference: '测试' });
    expect(earlier.statusCode).toBe(409);
    const later = await call('POST', '/policy/parameters/dibao.standard.urban/values', admin, { area: '522701', effective: '2016-07-01', value: 530, reference: '黔南州民政局 2016 年下半年调标（测试）' });
    expect(later.statusCode).toBe(201);
    const after = (await call('GET', '/policy/parameters/dibao.standard.urban', admin)).json() as { values: { area: string; effective: string; value: number }[] };
    expect(after.values.filter((v) => v.area === '522701').map((v) => [v.effective, v.value])).toEqual([['2015-01-01', 495], ['2016-01-01', 525], ['2016-07-01', 530]]);
  });

  it('explains a known household: the hand-computed benefit, with parameters, areas and references', async () => {
    // 广惠社区 (都匀市, urban 495 yuan): head with wages 600 yuan/month (and 200 yuan assistance, not counted),
    // spouse with grade-2 disability, a pupil. Per capita 7200 × 12 / 36 = 200 yuan < 495.
    // Gap 295 each; top-up: spouse 20% (重残) = 99, pupil 10% = 49.5; shares rounded to the yuan:
    // 295 + 394 + 344.5 → 345 = 1034 yuan.
    const head = idNumber('1965-04-02', 'male');
    const body = householdInput('522701001001', [
      memberInput({ idNumber: head, name: '罗明德' }),
      memberInput({ idNumber: idNumber('1967-08-09', 'female'), name: '王素芬', relation: 'spouse', workCapacity: 'none', disabilityKind: 'physical', disabilityGrade: 2 }),
      memberInput({ idNumber: idNumber('2005-03-01', 'male'), name: '罗小明', relation: 'child', student: true }),
    ]);
    body.incomes = [
      { memberIdNumber: head, kind: 'wage', amountFen: 60000, period: 'month', source: '灵活就业' },
      { memberIdNumber: null, kind: 'assistance', amountFen: 20000, period: 'month', source: '临时救助' },
    ] as never[];
    const created = await call('POST', '/households', caseworker, body);
    expect(created.statusCode).toBe(201);
    const householdNo = (created.json() as { householdNo: string }).householdNo;
    const res = await call('GET', `/policy/explain?householdNo=${householdNo}&month=2015-10`, caseworker);
    expect(res.statusCode).toBe(200);
    type Step = { name: string; value: unknown; parameters: { name: string; area: string; reference: string; value: unknown }[] };
    const body2 = res.json() as { members: { name: string }[]; dibaoBenefit: { value: { total: number; perCapitaIncome: number; members: { share: number }[] }; steps: Step[] }; nearDibao: { value: { nearDibao: boolean } }; singlePersonDibao: { value: { available: boolean } } };
    expect(body2.dibaoBenefit.value.perCapitaIncome).toBe(20000);
    expect(body2.dibaoBenefit.value.members.map((m) => m.share)).toEqual([29500, 39400, 34500]);
    expect(body2.dibaoBenefit.value.total).toBe(103400);
    expect(body2.nearDibao.value.nearDibao).toBe(false);
    expect(body2.singlePersonDibao.value.available).toBe(false);
    expect(body2.members.map((m) => m.name)).toEqual(['罗*德', '王*芬', '罗*明']);
    const standard = body2.dibaoBenefit.steps.flatMap((s) => s.parameters).find((p) => p.name === 'dibao.standard.urban');
    expect(standard).toMatchObject({ area: '522701', value: 49500 });
    expect(standard?.reference).toContain('黔南州民政局2015年工作总结');
    // The same computation as the caseworker's worksheet: Chinese lines, members by masked name, the documents.
    const worksheet = (res.json() as { worksheet: { label: string; expression: string; amountFen: number | null; basis: string }[] }).worksheet;
    expect(worksheet.map((l) => [l.label, l.expression])).toEqual([
      ['保障标准', '城市 495.00 元/人·月'],
      ['家庭月收入', '600.00 元（另有 200.00 元按规定不计入）'],
      ['家庭人均月收入', '600.00 ÷ 3 人 = 200.00 元'],
      ['收入条件', '人均 200.00 元 < 标准 495.00 元，符合'],
      ['补差', '(495.00 − 200.00) × 3 人 = 885.00 元'],
      ['分类施保', '王*芬 重病重残 495.00 × 20% = 99.00 元'],
      ['分类施保', '罗*明 在校学生 495.00 × 10% = 49.50 元'],
      ['取整', '按 1 元四舍五入：罗*明 344.50 → 345.00 元'],
      ['合计', '885.00 + 99.00 + 49.50 + 0.50 = 1034.00 元/月'],
    ]);
    expect(worksheet[0]?.basis).toBe('黔南州民政局2015年工作总结：一档（都匀市、福泉市、都匀经济开发区）495元/月');
    expect(worksheet.reduce((s, l) => s + (l.amountFen ?? 0), 0)).toBe(103400);
    const other = await tokenFor(built, 'wenfeng.caseworker');
    expect((await call('GET', `/policy/explain?householdNo=${householdNo}&month=2015-10`, other)).statusCode).toBe(404);
  });

  it('simulates within the caller\'s scope only, refusing a draft for another area by field', async () => {
    const own = await call('POST', '/policy/simulate', caseworker, { month: '2015-10', draft: [] });
    expect(own.statusCode).toBe(200);
    const result = own.json() as { counties: { county: string; current: { households: number; monthly: number } }[] };
    expect(result.counties.map((c) => c.county)).toEqual(['522701']);
    expect(result.counties[0]?.current).toMatchObject({ households: 1, monthly: 103400 });
    const foreign = await call('POST', '/policy/simulate', caseworker, { month: '2015-10', draft: [{ name: 'dibao.standard.urban', area: '522701002', value: 600 }] });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).details.fields?.[0]?.field).toBe('draft.0.area');
    const partner = await tokenFor(built, 'duyun.medical');
    expect((await call('POST', '/policy/simulate', partner, { month: '2015-10', draft: [] })).statusCode).toBe(403);
  });
});
