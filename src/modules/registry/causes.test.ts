// Causes of poverty (致贫原因) of a household (issue 20, must-have 5): recorded on the form (several, one of
// them the main cause), audited like other household changes, refused with the field named and nothing
// written when unknown; read from the import's 致贫原因 column (Chinese names, the first one the main cause),
// a bad one naming its row and column; written back to the export with the main cause first.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { BuiltApp } from '../../server/app.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { householdInput, idNumber, memberInput } from '../../test/households.ts';
import { bearer, errorOf, testApp, tokenFor } from '../../test/http.ts';
import { HEADERS } from './transfer/columns.ts';

type Causes = { povertyCauses: string[]; mainPovertyCause: string | null };

describe(`causes of poverty of a household (${ENGINE})`, () => {
  let db: Database;
  let built: BuiltApp;
  let caseworker: string;
  let admin: string;
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

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
    built.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) });
  const households = async () => Number((await sql<{ n: number }>`select count(*) as n from households`.execute(db.kysely)).rows[0]?.n);
  const causesOf = async (no: string) => {
    const { household } = (await call('GET', `/households/${no}`, caseworker)).json() as { household: Causes };
    return { povertyCauses: household.povertyCauses, mainPovertyCause: household.mainPovertyCause };
  };
  const create = (over: Record<string, unknown>) => call('POST', '/households', caseworker, householdInput('522701001001', [memberInput({ idNumber: idNumber() })], over));

  it('records several causes with a main one; left out, the first is the main cause; none by default', async () => {
    const res = await create({ povertyCauses: ['illness', 'disaster'], mainPovertyCause: 'disaster' });
    expect(res.statusCode, res.body).toBe(201);
    householdNo = (res.json() as { householdNo: string }).householdNo;
    expect(await causesOf(householdNo)).toEqual({ povertyCauses: ['illness', 'disaster'], mainPovertyCause: 'disaster' });
    const first = (await create({ povertyCauses: ['schooling', 'lack_of_labour'] })).json() as { householdNo: string };
    expect(await causesOf(first.householdNo)).toEqual({ povertyCauses: ['schooling', 'lack_of_labour'], mainPovertyCause: 'schooling' });
    const none = (await create({})).json() as { householdNo: string };
    expect(await causesOf(none.householdNo)).toEqual({ povertyCauses: [], mainPovertyCause: null });
  });

  it('refuses an unknown cause or a main cause not among them, naming the field, writing nothing', async () => {
    const before = await households();
    const cases: { over: Record<string, unknown>; field: string }[] = [
      { over: { povertyCauses: ['illness', 'laziness'] }, field: 'household.povertyCauses.1' },
      { over: { povertyCauses: ['illness', 'illness'] }, field: 'household.povertyCauses' },
      { over: { povertyCauses: ['illness'], mainPovertyCause: 'disaster' }, field: 'household.mainPovertyCause' },
      { over: { mainPovertyCause: 'illness' }, field: 'household.mainPovertyCause' },
    ];
    for (const c of cases) {
      const res = await create(c.over);
      expect(res.statusCode, JSON.stringify(c.over)).toBe(400);
      expect(errorOf(res).details.fields?.map((f) => f.field), JSON.stringify(c.over)).toContain(c.field);
    }
    expect(await households()).toBe(before);
  });

  it('changes the causes like any household field: timeline and audit; a bad change writes nothing', async () => {
    const ok = await call('PATCH', `/households/${householdNo}`, caseworker, { povertyCauses: ['illness', 'disability'] });
    expect(ok.statusCode, ok.body).toBe(204);
    // The main cause (因灾) is no longer listed: the first one listed becomes the main cause.
    expect(await causesOf(householdNo)).toEqual({ povertyCauses: ['illness', 'disability'], mainPovertyCause: 'illness' });
    const main = await call('PATCH', `/households/${householdNo}`, caseworker, { mainPovertyCause: 'disability' });
    expect(main.statusCode).toBe(204);
    const timeline = (await call('GET', `/households/${householdNo}/timeline`, caseworker)).json() as { items: { action: string; before: Causes; after: Causes }[] };
    expect(timeline.items[0]).toMatchObject({ action: 'household.update', before: { mainPovertyCause: 'illness' }, after: { mainPovertyCause: 'disability' } });
    const audit = (await call('GET', `/audit?entity=household&entityId=${householdNo}`, admin)).json() as { items: { action: string }[] };
    expect(audit.items.filter((i) => i.action === 'registry.update')).toHaveLength(2);

    for (const [patch, field] of [[{ povertyCauses: ['flood'] }, 'povertyCauses.0'], [{ mainPovertyCause: 'schooling' }, 'mainPovertyCause']] as const) {
      const bad = await call('PATCH', `/households/${householdNo}`, caseworker, patch);
      expect(bad.statusCode).toBe(400);
      expect(errorOf(bad).details.fields?.[0]?.field).toBe(field);
    }
    expect(await causesOf(householdNo)).toEqual({ povertyCauses: ['illness', 'disability'], mainPovertyCause: 'disability' });
  });

  async function xlsx(rows: Record<string, string>[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('家庭成员');
    ws.addRow([...HEADERS]);
    for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? null));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  let born = 0;
  const row = (group: string, name: string, cause: string) => ({
    户序号: group, '村(社区)代码': '522701001001', 户籍性质: '农村', 家庭住址: '广惠路9号', 致贫原因: cause,
    姓名: name, 身份证号码: idNumber(`1960-01-${String(++born).padStart(2, '0')}`, 'male'), 与户主关系: '户主', 劳动能力: '有劳动能力',
  });
  const upload = (file: Buffer) => built.app.inject({ method: 'POST', url: '/api/v1/registry/imports?format=xlsx', headers: { ...bearer(caseworker), 'content-type': 'application/octet-stream' }, payload: file });
  const noOf = async (name: string) => ((await call('GET', `/households?name=${encodeURIComponent(name)}`, caseworker)).json() as { items: { householdNo: string }[] }).items[0]!.householdNo;

  it('imports the 致贫原因 column in Chinese, the first listed the main cause; a bad cause names its row and column', async () => {
    const before = await households();
    const bad = await upload(await xlsx([row('1', '罗因病', '因病致贫、缺劳动力'), row('2', '吴懒惰', '因病、懒惰')]));
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: unknown[] }).errors).toEqual([{ row: 3, column: '致贫原因', message: expect.stringContaining('“懒惰”无效') }]);
    expect(await households()).toBe(before);

    const res = await upload(await xlsx([row('1', '罗因病', '因病致贫、缺劳动力'), row('2', '吴因灾', '因学，因灾'), row('3', '杨无因', '')]));
    expect(res.statusCode, res.body).toBe(200);
    expect(await causesOf(await noOf('罗因病'))).toEqual({ povertyCauses: ['illness', 'lack_of_labour'], mainPovertyCause: 'illness' });
    expect(await causesOf(await noOf('吴因灾'))).toEqual({ povertyCauses: ['schooling', 'disaster'], mainPovertyCause: 'schooling' });
    expect(await causesOf(await noOf('杨无因'))).toEqual({ povertyCauses: [], mainPovertyCause: null });
  });

  it('exports the causes in Chinese, the main cause first', async () => {
    const res = await call('GET', '/households/export.xlsx?area=522701001001', caseworker);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const col = HEADERS.indexOf('致贫原因') + 1;
    const values: string[] = [];
    ws.eachRow((r, i) => {
      if (i > 1) values.push(String(r.getCell(col).value ?? ''));
    });
    expect(values).toContain('因残、因病');
  });
});
