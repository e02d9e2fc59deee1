// 医疗救助 in a real browser, end to end: the township caseworker records an inpatient claim on the 医疗救助
// page (the hospital bill in yuan), submits it to the county (above the township's 3000 yuan), the county
// approver approves it, the county's next payroll carries it as a one-off line, and the prefecture's
// dashboard counts it on the programme's card.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { SETTLEMENT_COLUMNS } from '../src/modules/medical/index.ts';
import { REPO_ROOT } from './server.ts';
import { confirmPopup, fillDate, loginAs } from './browser.ts';
import { browserSuite } from './suite.ts';

const OUT = join(REPO_ROOT, 'test-output', 'e2e');

const member = (idNumber: string, name: string, relation: string) => ({
  idNumber, name, relation, hukou: 'rural', workCapacity: 'partial', disabilityKind: null, disabilityGrade: null, seriousIllness: true, student: false, categories: [], leftBehind: null,
});

browserSuite('医疗救助 (browser)', (env) => {
  it('a caseworker records an inpatient claim, the county approves it, it is paid in the next payroll and shows on the dashboard', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    await loginAs(page, base, 'guanghui.caseworker');
    const head = makeIdNumber('522701', '1966-03-04', 81, 'male');
    const created = await page.request.post(`${base}/api/v1/households`, {
      data: {
        household: { villageCode: '522701001001', hukou: 'rural', address: '广惠路 12 号', phone: '13800001212', bankName: '农村信用社', bankAccount: '6230123400001212', povertyFile: false, agricultural: true, categories: [] },
        members: [member(head, '杨石保', 'head')], incomes: [], assets: [],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { householdNo } = (await created.json()) as { householdNo: string };

    // 受理 on the 医疗救助 page: a 低保边缘 member's stay in hospital, 9000 yuan of eligible self-pay.
    await page.goto(`${base}/medical`);
    await page.getByTestId('claim-new').click();
    await page.getByTestId('claim-householdNo').fill(householdNo);
    await page.getByTestId('claim-applicantIdNumber').fill(head);
    await fillDate(page.getByTestId('claim-appliedOn'), '2015-12-02');
    await page.getByTestId('claim-diagnosis').fill('脑梗死');
    await page.getByTestId('claim-hospital').fill('黔南州人民医院');
    await fillDate(page.getByTestId('claim-admittedOn'), '2015-11-10');
    await fillDate(page.getByTestId('claim-dischargedOn'), '2015-11-28');
    await page.getByTestId('claim-totalCost').fill('30000');
    await page.getByTestId('claim-basicInsurance').fill('18000');
    await page.getByTestId('claim-eligibleSelfPay').fill('9000');
    await page.getByText('低保边缘家庭成员（非低保、特困对象时勾选）').click();
    await mkdir(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'medical-claim.png') });
    await page.getByTestId('claim-submit').click();
    await page.waitForURL(/\/cases\/YL522701\d{10}$/);
    const caseNo = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('case-state').filter({ hasText: '已受理' }).waitFor();
    await expect.poll(async () => (await page.getByTestId('case-timeline-data').allInnerTexts()).join('\n')).toContain('政策范围内个人自付：9,000.00 元');

    // Above the township's amount: (9000 − 1000) × 50% = 4000 yuan → to the county.
    await page.getByTestId('action-submit_to_county').click();
    const step = page.getByTestId('step-form');
    await step.waitFor();
    await fillDate(step.locator('#step_stepDate'), '2015-12-02');
    await page.getByTestId('step-submit').click();
    await step.waitFor({ state: 'detached' });
    await page.getByTestId('case-state').filter({ hasText: '县级审批中' }).waitFor();

    await loginAs(page, base, 'duyun.approver');
    await page.goto(`${base}/cases/${caseNo}`);
    await page.getByTestId('action-approve').click();
    await step.waitFor();
    await fillDate(step.locator('#step_stepDate'), '2015-12-03');
    await page.getByTestId('step-submit').click();
    await step.waitFor({ state: 'detached' });
    await page.getByTestId('case-state').filter({ hasText: '已救助' }).waitFor();
    expect(await page.getByTestId('case-decision-amount').innerText()).toContain('4,000.00');

    // The county's payroll of December pays it once, as a one-off line.
    await page.goto(`${base}/payroll`);
    await fillDate(page.getByTestId('payroll-period'), '2015-12');
    await page.getByTestId('payroll-run').click();
    await page.waitForURL('**/payroll/FF522701201512', { timeout: 60_000 });
    await page.getByTestId('payroll-status').filter({ hasText: '待审批' }).waitFor();
    expect(await page.getByTestId('payroll-by-programme').innerText()).toContain('医疗救助');
    const lines = (await (await page.request.get(`${base}/api/v1/payroll/FF522701201512/lines?programme=medical`)).json()) as { items: { oneOffFen: number; netFen: number }[] };
    expect(lines.items).toHaveLength(1);
    expect(lines.items[0]).toMatchObject({ oneOffFen: 400000, netFen: 400000 });

    // The prefecture's dashboard for 2015 counts it on the 医疗救助 card.
    await loginAs(page, base, 'qiannan.admin');
    await page.goto(`${base}/stats?year=2015`);
    // The dashboard serves the roll-up as of its last background refresh (数据截至…): reloaded until it counts the claim.
    await expect.poll(async () => {
      await page.reload();
      await page.getByTestId('stats-programme-medical').getByText('医疗救助', { exact: true }).waitFor();
      return page.getByTestId('stats-kpi-medical-times').innerText();
    }, { timeout: 30_000, interval: 1000 }).toMatch(/门诊、住院救助人次[\s\S]*1/);
    expect(await page.getByTestId('stats-kpi-medical-amount').innerText()).toContain('4,000');
    await page.screenshot({ path: join(OUT, 'medical-dashboard.png'), fullPage: true });
    await page.close();
  });

  it('the county prepares the 2016 premium-subsidy list; 医保 is shown a refused settlement file by row', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    await loginAs(page, base, 'duyun.approver');
    await page.goto(`${base}/medical/subsidy`);
    await page.getByTestId('subsidy-year').fill('2016');
    await fillDate(page.getByTestId('subsidy-as-of'), '2015-12-31');
    await page.getByTestId('subsidy-generate').click();
    await page.waitForURL(/\/medical\/subsidy\/ZC5227012016\d{6}$/, { timeout: 60_000 });
    const listNo = new URL(page.url()).pathname.split('/').pop() ?? '';
    // The demo's recipients of 都匀市, by their Chinese group names.
    await page.getByTestId('subsidy-entries').getByText('低保对象').first().waitFor();
    for (const step of ['review', 'approve'] as const) {
      await page.getByTestId(`subsidy-${step}`).click();
      await confirmPopup(page);
      await page.getByTestId(`subsidy-${step}`).waitFor({ state: 'detached' });
    }
    await page.getByText('已审批', { exact: true }).first().waitFor();
    const file = await page.request.get(`${base}/api/v1/medical/subsidy-lists/${listNo}/insurer-file?format=csv`);
    expect(file.status()).toBe(200);
    const text = await file.text();
    expect(text).toContain('收款方：医疗保障经办机构');
    expect(text).toContain('合计');
    // The insurer's answer for one person, uploaded on the list's page (now 已报送).
    const id = /\b(\d{17}[\dX])\b/.exec(text)?.[1] ?? '';
    expect(id).toMatch(/^522701/);
    await page.reload();
    await page.getByTestId('subsidy-result-file').setInputFiles({ name: 'result.csv', mimeType: 'text/csv', buffer: Buffer.from(`公民身份号码,参保结果,原因\n${id},已参保,\n`) });
    await page.getByTestId('subsidy-result-done').waitFor();
    await page.screenshot({ path: join(OUT, 'medical-subsidy.png'), fullPage: true });

    await loginAs(page, base, 'duyun.medical');
    await page.goto(`${base}/medical/settlements`);
    await page.getByText('一站式结算导入').first().waitFor();
    const header = SETTLEMENT_COLUMNS.map((c) => c.header).join(',');
    const row = ['S-E2E-1', '查无此人', makeIdNumber('522701', '1950-01-01', 91, 'male'), '低保对象', '都匀市人民医院', '住院', '否', '2015-11-01', '2015-11-05', '2015-11-05', '3000', '2000', '0', '800', '560', '0'].join(',');
    await page.locator('input[type=file]').setInputFiles({ name: 'settle.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row}\n`) });
    await page.getByTestId('settlement-submit').click();
    await page.getByTestId('settlement-refused').waitFor();
    expect(await page.getByTestId('settlement-errors').innerText()).toContain('未在本县登记');
    await page.screenshot({ path: join(OUT, 'medical-settlement-refused.png'), fullPage: true });
    await page.close();
  });
});
