// 临时救助 in a real browser, end to end: the township caseworker opens an urgent claim (急难型, 先行救助,
// cash) from the case page's form with the programme's own questions and pays it first; the county
// approver's next payroll carries it as a one-off line in the cash list; the prefecture's dashboard
// counts it on the programme's card.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { REPO_ROOT } from './server.ts';
import { confirmPopup, fillDate, loginAs } from './browser.ts';
import { browserSuite } from './suite.ts';

const OUT = join(REPO_ROOT, 'test-output', 'e2e');

const login = (page: Page, base: string, username: string) => loginAs(page, base, username);

const member = (idNumber: string, name: string, relation: string) => ({
  idNumber, name, relation, hukou: 'urban', workCapacity: 'partial', disabilityKind: null, disabilityGrade: null, seriousIllness: false, student: false, categories: [], leftBehind: null,
});

interface Line { name: string; programme: string; oneOffFen: number; netFen: number; method: string }

browserSuite('临时救助 (browser)', (env) => {
  it('a caseworker pays urgent temporary assistance first; it is a one-off cash line of the next payroll and on the dashboard', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    await login(page, base, 'guanghui.caseworker');

    // A household of two in 广惠社区 (the registry form has its own test).
    const head = makeIdNumber('522701', '1979-05-06', 71, 'male');
    const created = await page.request.post(`${base}/api/v1/households`, {
      data: {
        household: { villageCode: '522701001001', hukou: 'urban', address: '广惠路 99 号', phone: '13800009999', bankName: '农村信用社', bankAccount: '6230123400009999', povertyFile: false, agricultural: false, categories: [] },
        members: [member(head, '龙火生', 'head'), member(makeIdNumber('522701', '1981-07-08', 72, 'female'), '龙水英', 'spouse')], incomes: [], assets: [],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { householdNo } = (await created.json()) as { householdNo: string };

    // 受理: the programme by its name, its own questions.
    await page.goto(`${base}/cases`);
    await page.getByTestId('case-new').click();
    await page.getByTestId('case-new-programme').getByText('临时救助', { exact: true }).click();
    await page.locator('#newCase_householdNo').fill('龙火生');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: householdNo }).click();
    await fillDate(page.locator('#newCase_appliedOn'), '2015-12-01');
    const form = page.getByTestId('case-new-form');
    await form.getByText('急难型', { exact: true }).click();
    await form.getByText('先行救助（情况紧急', { exact: false }).click();
    await page.locator('#newCase_details_months').fill('1');
    await form.getByText('现金', { exact: true }).click();
    await form.getByText('村（社区）报告', { exact: true }).click();
    await page.locator('#newCase_details_hardship').fill('夜间房屋失火，衣被和口粮全部烧毁');
    await mkdir(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'temporary-opening.png') });
    await page.getByTestId('case-new-submit').click();
    await page.waitForURL(/\/cases\/LS522701\d{10}$/);
    const caseNo = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('case-state').filter({ hasText: '已受理' }).waitFor();
    const answers = await page.getByTestId('case-timeline-data').allInnerTexts();
    expect(answers).toEqual(expect.arrayContaining(['救助类型：急难型', '发放方式：现金']));

    // 先行救助: the township pays it at once (2 persons × 495 yuan × 1 month, within its 1000 yuan).
    await page.getByTestId('action-grant_first').click();
    const step = page.getByTestId('step-form');
    await step.waitFor();
    await fillDate(step.locator('#step_stepDate'), '2015-12-01');
    await page.getByTestId('step-submit').click();
    await step.waitFor({ state: 'detached' });
    await page.getByTestId('case-state').filter({ hasText: '已先行救助' }).waitFor();
    expect(await page.getByTestId('case-decision-amount').innerText()).toContain('990.00');
    // Paid once, in the month of the decision: no "monthly amount" on a claim.
    expect(await page.getByTestId('case-decision').innerText()).toContain('救助金额（一次性）');
    await page.screenshot({ path: join(OUT, 'temporary-case.png'), fullPage: true });

    // The county approver's payroll of December: the claim is a one-off line, paid in cash.
    await login(page, base, 'duyun.approver');
    await page.goto(`${base}/payroll`);
    await fillDate(page.getByTestId('payroll-period'), '2015-12');
    await page.getByTestId('payroll-run').click();
    await page.waitForURL('**/payroll/FF522701201512', { timeout: 60_000 });
    await page.getByTestId('payroll-status').filter({ hasText: '待审批' }).waitFor();
    expect(await page.getByTestId('payroll-by-programme').innerText()).toContain('临时救助');
    const lines = (await (await page.request.get(`${base}/api/v1/payroll/FF522701201512/lines?programme=temporary`)).json()) as { items: Line[] };
    expect(lines.items).toHaveLength(1);
    expect(lines.items[0]).toMatchObject({ programme: 'temporary', oneOffFen: 99000, netFen: 99000, method: 'cash' });
    await page.getByTestId('payroll-approve').click();
    await confirmPopup(page);
    await page.getByTestId('payroll-status').filter({ hasText: '已审批' }).waitFor();
    await page.getByTestId('payroll-files').getByText('现金发放表').first().waitFor();
    await page.getByTestId('cash-file-csv-0').waitFor();

    // The prefecture's dashboard for 2015: the programme's card counts the claim.
    await login(page, base, 'qiannan.admin');
    await page.goto(`${base}/stats?year=2015`);
    const card = page.getByTestId('stats-programme-temporary');
    // The dashboard serves the roll-up as of its last background refresh (数据截至…): reloaded until it counts the claim.
    await expect.poll(async () => {
      await page.reload();
      await card.getByText('临时救助', { exact: true }).waitFor();
      const times = await page.getByTestId('stats-kpi-temporary-times').innerText();
      return Number(times.replace(/\D/g, '').slice(0, 1));
    }, { timeout: 30_000, interval: 1000 }).toBe(1);
    expect(await page.getByTestId('stats-kpi-temporary-persons').innerText()).toMatch(/临时救助人次[\s\S]*2/);
    await page.screenshot({ path: join(OUT, 'temporary-dashboard.png'), fullPage: true });
    expect(caseNo).toMatch(/^LS/);
    await page.close();
  });
});
