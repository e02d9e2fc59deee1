// The monthly payroll in a real browser: the county approver of 都匀市 runs the payroll of 2015-12 for
// the demo recipients the server approved on its first start (2015-03, so the first payroll also pays
// the arrears from 2015-04), approves it and downloads a bank file; the payroll shows as exported and a
// recipient's household page lists the payment. The demo has no cash or insurer payments (no programme
// of the demo pays them yet), so the page's rows of a cash list and a payee file are shown from a listing
// extended in the browser; their files are tested on the server (src/modules/payroll/one-off.test.ts).
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './server.ts';
import { confirmPopup, fillDate, loginAs, pickOption } from './browser.ts';
import { browserSuite } from './suite.ts';

const SCREENSHOT = join(REPO_ROOT, 'test-output', 'e2e', 'payroll.png');

const login = (page: Page, base: string, username: string) => loginAs(page, base, username, /(^| )发放$/);

browserSuite('payroll (browser)', (env) => {
  it('a county approver runs, approves and exports the payroll of a month', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    await login(page, base, 'duyun.approver');

    await page.getByRole('menuitem', { name: /(^| )发放$/ }).click();
    await page.waitForURL('**/payroll');
    await fillDate(page.getByTestId('payroll-period'), '2015-12');
    expect(await page.getByTestId('payroll-county').inputValue()).toBe('都匀市');
    await page.getByTestId('payroll-run').click();
    await page.waitForURL('**/payroll/FF522701201512', { timeout: 60_000 });
    await page.getByTestId('payroll-status').filter({ hasText: '待审批' }).waitFor();
    const lines = page.getByTestId('payroll-lines').locator('tbody tr.ant-table-row');
    await lines.first().waitFor();
    // demo recipients approved 2015-03-10 are paid from 2015-04: the first payroll pays April–November as arrears
    expect(await lines.first().innerText()).toMatch(/2015-04起/);
    const byProgramme = await page.getByTestId('payroll-by-programme').innerText();
    // the programme's name comes from the programme registry
    expect(byProgramme).toContain('最低生活保障');
    expect(byProgramme).toContain('特困人员救助供养');
    expect(byProgramme).toContain('合计');

    // The lines by township and by person, searched on the server, with the count.
    const api = `${base}/api/v1/payroll/FF522701201512`;
    const detail = (await (await page.request.get(api)).json()) as { total: { lines: number }; byTownship: { townshipCode: string; townshipName: string; lines: number }[] };
    const total = page.getByTestId('payroll-lines-total');
    await total.filter({ hasText: `共 ${detail.total.lines} 笔` }).waitFor();
    const township = detail.byTownship[0]!;
    const inTownship = detail.byTownship.filter((t) => t.townshipCode === township.townshipCode).reduce((n, t) => n + t.lines, 0);
    await pickOption(page, page.getByTestId('payroll-lines-township'), township.townshipName);
    await total.filter({ hasText: `共 ${inTownship} 笔` }).waitFor();
    const someone = ((await (await page.request.get(`${api}/lines?limit=1&unmask=true&township=${township.townshipCode}`)).json()) as { items: { idNumber: string }[] }).items[0]!;
    await page.getByTestId('payroll-lines-search').fill(someone.idNumber);
    await page.getByTestId('payroll-lines-search').press('Enter');
    await total.filter({ hasText: /^共 1 笔/ }).waitFor();
    expect(await lines.count()).toBe(1);
    await page.getByTestId('payroll-lines-search').fill('');
    await page.getByTestId('payroll-lines-search').press('Enter');
    await total.filter({ hasText: `共 ${inTownship} 笔` }).waitFor();

    // A second run of the same month changes nothing (the API answers the existing payroll).
    const again = await page.request.post(`${base}/api/v1/payroll/runs`, { data: { period: '2015-12', countyCode: '522701' } });
    expect(await again.json()).toMatchObject({ payrollNo: 'FF522701201512', written: false, status: 'draft' });

    await page.getByTestId('payroll-approve').click();
    // antd's own words in Chinese too (zh_CN really applied): 取消 / 确定, not Cancel / OK.
    const bubble = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
    await bubble.waitFor();
    expect((await bubble.locator('.ant-btn').allInnerTexts()).map((b) => b.replace(/\s+/g, ''))).toEqual(['取消', '确定']);
    await confirmPopup(page);
    await page.getByTestId('payroll-status').filter({ hasText: '已审批' }).waitFor();

    const files = page.getByTestId('payroll-files');
    await files.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await files.locator('tbody tr.ant-table-row').first().innerText()).toContain('代发文件');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bank-file-csv-0').click()]);
    const saved = await download.path();
    const csv = (await readFile(saved, 'utf8')).replace(/^\ufeff/, '').split('\r\n');
    expect(csv[0]).toBe('流水号,姓名,身份证号码,账号,金额（元）,用途');
    expect(csv[1]).toMatch(/^FF522701201512-\d+,/);
    // masked: the box for the unmasked file was not ticked
    expect(csv[1]!.split(',')[2]).toMatch(/\*{8}/);
    // Unmasked, the download asks first, naming the file and its count; then the file holds the full ID numbers.
    await page.getByTestId('payroll-unmask').click();
    await page.getByTestId('bank-file-csv-0').click();
    await page.getByTestId('payroll-unmask-confirm').filter({ hasText: /将以明文导出代发文件「.+」（\d+ 笔，[\d,]+\.\d{2} 元）/ }).waitFor();
    const [plain] = await Promise.all([page.waitForEvent('download'), confirmPopup(page)]);
    const unmasked = (await readFile(await plain.path(), 'utf8')).replace(/^\ufeff/, '').split('\r\n');
    expect(unmasked[1]!.split(',')[2]).toMatch(/^\d{17}[\dX]$/);
    await page.getByTestId('payroll-unmask').click();
    // a payroll with a cash list and an institution's file lists them beside the banks, each with its download
    const listing = `**/api/v1/payroll/FF522701201512/files`;
    await page.route(listing, async (route) => {
      const real = (await (await route.fetch()).json()) as { payrollNo: string; items: object[] };
      const extra = [
        { kind: 'cash', key: '', label: '现金发放表', lines: 2, netFen: 100_000, bank: null, bankLabel: null },
        { kind: 'payee', key: 'institution', label: '供养服务机构（集中供养）', lines: 1, netFen: 50_000, bank: null, bankLabel: null },
      ];
      await route.fulfill({ json: { ...real, items: [...real.items, ...extra] } });
    });
    await page.reload();
    await page.getByTestId('payroll-status').filter({ hasText: '已导出' }).waitFor();
    await page.getByTestId('cash-file-csv-0').waitFor();
    const rows = await files.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows.at(-2)).toMatch(/现金发放表[\s\S]*现金发放表[\s\S]*1,000\.00/);
    expect(rows.at(-1)).toMatch(/收款方文件[\s\S]*供养服务机构（集中供养）/);
    expect(await page.getByTestId('cash-file-csv-0').getAttribute('href')).toBe('/api/v1/payroll/FF522701201512/file?kind=cash&format=csv&unmask=false');
    expect(await page.getByTestId('payee-file-xlsx-0').getAttribute('href')).toBe('/api/v1/payroll/FF522701201512/file?kind=payee&key=institution&format=xlsx&unmask=false');
    await page.unroute(listing);

    // The household of the first line shows the payment on its page.
    const householdNo = (await lines.first().locator('a').first().innerText()).trim();
    await lines.first().locator('a').first().click();
    await page.waitForURL(`**/households/${householdNo}`);
    await page.getByRole('tab', { name: '发放记录' }).click();
    await page.getByTestId('payment-history').getByText('FF522701201512').waitFor();

    await page.goto(`${base}/payroll/FF522701201512`);
    await page.getByTestId('payroll-status').filter({ hasText: '已导出' }).waitFor();
    await lines.first().waitFor();
    await mkdir(join(REPO_ROOT, 'test-output', 'e2e'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});
