// 存量对象导入 in a real browser: the county approver of 都匀市 opens the page from the menu, uploads a
// previous system's file with a bad row (the errors table names it, nothing is imported), then a clean
// one: the check lists the amount warning of the row, the import makes the household's 低保 case, shown
// on its case page as 迁移导入.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { REPO_ROOT } from './server.ts';
import { fillDate, loginAs } from './browser.ts';
import { browserSuite } from './suite.ts';

const OUT = join(REPO_ROOT, 'test-output', 'e2e');
const HEADER = '户编号,救助项目,类别,供养机构,对象身份证号码,保障成员身份证号码,批准日期,月保障金额,最近复核日期';

browserSuite('存量对象导入 (browser)', (env) => {
  it('a county approver imports a caseload file: a bad row is named and nothing imported; a clean file checked, then imported', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    await loginAs(page, base, 'guanghui.caseworker');
    const head = makeIdNumber('522701', '1958-09-09', 77, 'male');
    const created = await page.request.post(`${base}/api/v1/households`, {
      data: {
        household: { villageCode: '522701001001', hukou: 'urban', address: '广惠路 77 号', phone: '13800007777', bankName: '农村信用社', bankAccount: '6230123400007777', povertyFile: false, agricultural: false, categories: [] },
        members: [{ idNumber: head, name: '迁移户', relation: 'head', hukou: 'urban', workCapacity: 'partial', disabilityKind: null, disabilityGrade: null, seriousIllness: false, student: false, categories: [], leftBehind: null }],
        incomes: [], assets: [],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { householdNo } = (await created.json()) as { householdNo: string };

    await loginAs(page, base, 'duyun.approver', /存量对象导入$/);
    await page.getByRole('menuitem', { name: /存量对象导入$/ }).click();
    await page.waitForURL('**/cases/import');
    await fillDate(page.getByTestId('caseload-month'), '2015-12');
    const upload = (rows: string) => page.locator('input[type=file]').setInputFiles({ name: 'old.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n${rows}\n`) });

    await upload(`${householdNo},低保,B类,,,,2015-03-10,520,\n52270199999999,低保,B类,,,,2015-03-10,300,`);
    await page.getByTestId('caseload-check').click();
    await page.getByTestId('caseload-refused').waitFor();
    const errors = await page.getByTestId('caseload-errors').innerText();
    expect(errors).toContain('3');
    expect(errors).toContain('户编号 52270199999999 未登记或不属于本县');

    await upload(`${householdNo},低保,B类,,,,2015-03-10,520,2015-09-01`);
    await page.getByTestId('caseload-check').click();
    await page.getByTestId('caseload-checked').waitFor();
    expect(await page.getByTestId('caseload-checked').innerText()).toContain('可导入低保 1 户');
    expect(await page.getByTestId('caseload-warnings').innerText()).toContain('原系统金额 520.00 元');
    await page.getByTestId('caseload-submit').click();
    await page.getByTestId('caseload-done').waitFor();
    expect(await page.getByTestId('caseload-done').innerText()).toContain('自 2015-12 起发放');
    await mkdir(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'caseload-import.png'), fullPage: true });

    const cases = await page.request.get(`${base}/api/v1/cases/by-household/${householdNo}`);
    const item = ((await cases.json()) as { items: { caseNo: string }[] }).items[0];
    expect(item?.caseNo).toMatch(/^DB5227012015\d{6}$/);
    await page.goto(`${base}/cases/${item!.caseNo}`);
    await page.getByText('迁移导入').first().waitFor();
  }, 180_000);
});
