// 受灾人员救助 and 农房保险 end to end in a real browser (issue 17, "Done when"): the county of 都匀市 records a
// flood over two townships; 广惠街道 and 文峰街道 register damaged houses (one collapsed, two seriously damaged,
// all with persons without a home) and two staff verify each; the county drafts a 过渡期生活救助 batch from
// the verified register (20 元 × persons × days each), draws and confirms the spot check, publishes the list,
// approves and decides it in one go; the payroll of the pay month pays every household its relief as a
// one-off; and the insurer's claim for the collapsed house is reported, assessed and paid on the 农房保险
// page. Every page visited shows Chinese labels, never codes.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { REPO_ROOT } from './server.ts';
import { confirmPopup, fillChecked, fillDate, loginAs, openOption as option, pickOption, submitAndSee } from './browser.ts';
import { browserSuite } from './suite.ts';

const OUT = join(REPO_ROOT, 'test-output', 'e2e');
const GUANGHUI = '522701001';
const WENFENG = '522701002';
// Support 2015-07-15 .. 2015-10-14: 17 + 31 + 30 + 14 = 92 days (exactly the three months allowed).
const DAYS = 92;
const RATE_YUAN = 20;


const pick = (page: Page, testId: string, text: string) => pickOption(page, page.getByTestId(testId), text);

/** The page's content shows no codes: no snake_case words, no English words (user names and record numbers aside). */
async function expectNoCodes(page: Page, where: string): Promise<void> {
  const text = (await page.locator('.ant-layout-content').first().innerText())
    .replace(/\b[a-z]+\.[a-z]+\b/g, ''); // user names (duyun.approver)
  expect(text, where).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  expect(text, where).not.toMatch(/\b[a-z]{2}-\d{4}\b/); // rule sets (cn-2012)
  expect(text, where).not.toMatch(/\b(transitional|winter_spring|collapsed|serious|flood|brick_wood|decided|draft|notice|approved|confirmed|reported|assessed|paid|one_off|disaster)\b/i);
  expect(text.match(/\b[A-Za-z]{3,}\b/g) ?? [], where).toEqual([]);
}

const yuan = (n: number) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2 }).format(n);

interface Damage { head: string; id: string; township: string; grade: 'collapsed' | 'serious'; affected: number; homeless: number }

browserSuite('受灾人员救助与农房保险 (browser)', (env) => {
  it('a flood, damaged houses in two townships, one transitional batch decided, paid by the payroll, and an insurer claim paid', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    await mkdir(OUT, { recursive: true });

    // 1. The county records the flood over 广惠街道 and 文峰街道.
    await loginAs(page, base, 'duyun.approver');
    await page.goto(`${base}/disaster`);
    await page.getByTestId('event-new').click();
    await page.getByTestId('event-areas').click();
    for (const township of ['广惠街道', '文峰街道']) {
      await page.keyboard.type(township.slice(0, 2));
      await page.locator('.ant-select-tree-title').getByText(township, { exact: true }).click();
    }
    await page.getByTestId('event-name').click();
    await page.getByTestId('event-name').fill('“7·15”洪涝灾害');
    await fillDate(page.getByTestId('event-startedOn'), '2015-07-15');
    await page.getByTestId('event-submit').click();
    await page.waitForURL(/\/disaster\/SJ\d{16}$/);
    const eventNo = page.url().split('/').at(-1)!;
    await page.getByText('广惠街道、文峰街道').waitFor();
    await expectNoCodes(page, 'event page');

    // 2. 广惠街道 registers a collapsed house on the spot (the page), a seriously damaged one (the API) …
    const households: (Damage & { no: string })[] = [];
    const a: Damage = { head: '罗倒房', id: makeIdNumber('522701', '1961-04-12', 731, 'male'), township: GUANGHUI, grade: 'collapsed', affected: 4, homeless: 4 };
    await loginAs(page, base, 'guanghui.caseworker');
    await page.goto(`${base}/disaster/${eventNo}`);
    await page.getByTestId('damage-new').click();
    // The switch, again while the dialog is still zooming in and the first click did not take.
    const fresh = page.getByTestId('damage-fresh');
    await expect.poll(async () => (await fresh.getAttribute('aria-checked')) === 'true' || (await fresh.click(), false), { timeout: 15_000 }).toBe(true);
    await pick(page, 'damage-village', '广惠街道');
    await page.getByTestId('damage-headName').fill(a.head);
    await page.getByTestId('damage-headIdNumber').fill(a.id);
    await page.getByTestId('damage-address').fill('广惠路31号');
    await page.getByTestId('damage-personsAffected').fill(String(a.affected));
    await page.getByTestId('damage-personsHomeless').fill(String(a.homeless));
    await pick(page, 'damage-houseGrade', '倒塌');
    await page.getByTestId('damage-roomsDamaged').fill('3');
    await fillDate(page.getByTestId('damage-recordedOn'), '2015-07-16');
    await page.getByTestId('damage-submit').click();
    const table = page.getByTestId('damage-table');
    await table.getByText('罗*房').waitFor();
    households.push({ ...a, no: (await table.locator('tbody tr', { hasText: '罗*房' }).locator('td').first().innerText()).trim() });

    /** Registers a household not yet in the registry through the API (as the page does), in a village of the township. */
    const register = async (d: Damage, address: string): Promise<void> => {
      const villages = await page.request.get(`${base}/api/v1/areas/${d.township}/children`);
      expect(villages.status(), await villages.text()).toBe(200);
      const villageCode = ((await villages.json()) as { items: { code: string }[] }).items[0]!.code;
      const r = await page.request.post(`${base}/api/v1/disaster/events/${eventNo}/damage`, { data: {
        newHousehold: {
          household: { villageCode, hukou: 'rural', address, phone: '', bankName: '', bankAccount: '', povertyFile: false, agricultural: true, categories: [] },
          members: [{ idNumber: d.id, name: d.head, relation: 'head', hukou: 'rural', workCapacity: 'full', disabilityKind: null, disabilityGrade: null, seriousIllness: false, student: false, categories: [], leftBehind: null }],
        },
        recordedOn: '2015-07-16', personsAffected: d.affected, personsHomeless: d.homeless, houseGrade: d.grade, houseStructure: 'brick_wood', roomsDamaged: 2,
      } });
      expect(r.status(), await r.text()).toBe(200);
      households.push({ ...d, no: ((await r.json()) as { householdNo: string }).householdNo });
    };
    await register({ head: '吴严损', id: makeIdNumber('522701', '1966-09-03', 733, 'female'), township: GUANGHUI, grade: 'serious', affected: 3, homeless: 2 }, '广惠路33号');

    /** The first verification of the township's entries, on the event page. */
    const verify = async (householdNo: string, on: string) => {
      await page.getByTestId(`verify-${householdNo}`).click();
      await fillChecked(page.getByTestId('verify-value'), on);
      await submitAndSee(page, page.getByTestId('verify-submit'), page.getByTestId('verify-submit'), { state: 'detached' });
    };
    await page.reload();
    for (const h of households) await verify(h.no, '2015-07-16');
    await table.getByText('guanghui.caseworker（2015-07-16）').first().waitFor();

    // … and 文峰街道 one more seriously damaged house, which its caseworker verifies.
    await loginAs(page, base, 'wenfeng.caseworker');
    await register({ head: '杨积水', id: makeIdNumber('522701', '1972-01-20', 735, 'male'), township: WENFENG, grade: 'serious', affected: 5, homeless: 3 }, '文峰路35号');
    await page.goto(`${base}/disaster/${eventNo}`);
    await verify(households[2]!.no, '2015-07-16');
    // 文峰街道 sees its own entry only.
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);

    // The county's approver verifies all three a second time: each now verified by two staff.
    await loginAs(page, base, 'duyun.approver');
    await page.goto(`${base}/disaster/${eventNo}`);
    for (const h of households) await verify(h.no, '2015-07-17');
    await page.getByTestId('damage-totals').getByText('已核查 3 户').waitFor();
    expect(await page.getByTestId('damage-totals').innerText()).toContain('3 户 12 人');
    await expectNoCodes(page, 'damage register');

    // 3. The county drafts a 过渡期生活救助 batch for the event.
    await page.goto(`${base}/disaster/batches`);
    await page.getByTestId('batch-new').click();
    await pick(page, 'batch-kind', '过渡期生活救助');
    await pick(page, 'batch-event', '“7·15”洪涝灾害');
    await fillDate(page.getByTestId('batch-startDate'), '2015-07-15');
    await fillDate(page.getByTestId('batch-endDate'), '2015-10-14');
    await fillDate(page.getByTestId('batch-date'), '2015-07-20');
    await page.getByTestId('batch-payMonth').fill('2015-08');
    await page.getByTestId('batch-submit').click();
    await page.waitForURL(/\/disaster\/batches\/ZP\d{16}$/);
    const batchNo = page.url().split('/').at(-1)!;
    await page.getByTestId('batch-status').filter({ hasText: '草拟' }).waitFor();
    expect(await page.getByTestId('batch-households').innerText()).toBe('3');
    const members = page.getByTestId('batch-members').locator('tbody tr.ant-table-row');
    await expect.poll(() => members.count()).toBe(3);
    // each household: 20 元 × its persons without a home × 92 days
    const amounts = households.map((h) => ({ ...h, yuan: RATE_YUAN * h.homeless * DAYS }));
    for (const h of amounts) {
      const row = members.filter({ hasText: h.no });
      expect(await row.innerText()).toContain(yuan(h.yuan));
    }
    expect(amounts[0]!.yuan).toBe(7360); // 罗倒房: 20 × 4 × 92
    const total = amounts.reduce((s, h) => s + h.yuan, 0);
    expect(await page.getByTestId('batch-amount').innerText()).toBe(yuan(total));
    // the worksheet: the rule set by name, 92 days at 20 元 per person and day
    const worksheet = await page.getByTestId('batch-worksheet').innerText();
    expect(worksheet).toMatch(/适用规则集\s+2012 年办法/);
    expect(worksheet).toMatch(/救助天数\s+92 天/);
    expect(worksheet).toMatch(/过渡期生活救助标准（每人每天）\s+20\.00 元/);
    await expectNoCodes(page, 'batch draft');

    // The spot check: at least 30 % drawn, every sampled household confirmed 属实.
    await fillDate(page.getByTestId('batch-step-date'), '2015-07-20');
    await page.getByTestId('batch-sample').click();
    await page.getByTestId('batch-check-confirm').first().waitFor();
    while (await page.getByTestId('batch-check-confirm').count() > 0) {
      const before = await page.getByTestId('batch-check-confirm').count();
      await page.getByTestId('batch-check-confirm').first().click();
      await expect.poll(() => page.getByTestId('batch-check-confirm').count()).toBe(before - 1);
    }
    // The head's figures follow the last confirmation's answer.
    await expect.poll(() => page.getByTestId('batch-head').innerText()).toMatch(/抽查比例 \d+%，抽中 (\d+) 户，已查 \1 户，剔除 0 户/);

    // The public notice from 07-21 (7 days, to 07-27), approval on 07-28, decision on 07-29.
    await fillDate(page.getByTestId('batch-step-date'), '2015-07-21');
    await page.getByTestId('batch-notice').click();
    await page.getByTestId('batch-status').filter({ hasText: '公示中' }).waitFor();
    expect(await page.getByTestId('batch-head').innerText()).toContain('2015-07-21 ~ 2015-07-27');
    await fillDate(page.getByTestId('batch-step-date'), '2015-07-28');
    await page.getByTestId('batch-approve').click();
    await page.getByTestId('batch-status').filter({ hasText: '已审批' }).waitFor();
    await fillDate(page.getByTestId('batch-step-date'), '2015-07-29');
    await page.getByTestId('batch-decide').click();
    await confirmPopup(page);
    await page.getByTestId('batch-status').filter({ hasText: '已决定' }).waitFor();
    expect(await page.getByTestId('batch-head').innerText()).toContain('2015-07-29');
    await expectNoCodes(page, 'decided batch');
    await page.screenshot({ path: join(OUT, 'disaster-relief-batch.png'), fullPage: true });
    await page.goto(`${base}/disaster/batches`);
    const listed = page.getByTestId('batches-table').locator('tbody tr.ant-table-row', { hasText: batchNo });
    await listed.waitFor();
    expect(await listed.innerText()).toMatch(/过渡期生活救助[\s\S]*已决定/);
    await expectNoCodes(page, 'batches list');

    // 4. The payroll of 2015-08 pays every household its relief as a one-off.
    await page.goto(`${base}/payroll`);
    await fillDate(page.getByTestId('payroll-period'), '2015-08');
    await page.getByTestId('payroll-run').click();
    await page.waitForURL('**/payroll/FF522701201508', { timeout: 60_000 });
    await page.getByTestId('payroll-status').filter({ hasText: '待审批' }).waitFor();
    const relief = page.getByTestId('payroll-by-programme').locator('tbody tr', { hasText: '受灾人员救助' });
    await relief.waitFor();
    expect(await relief.innerText()).toContain(yuan(total));
    // the lines of the three households (past the first page of lines): the relief as 一次性救助 and as the net amount
    const lines = page.getByTestId('payroll-lines').locator('tbody tr.ant-table-row');
    await lines.first().waitFor();
    while (await page.getByTestId('payroll-lines-more').count() > 0) {
      const before = await lines.count();
      await page.getByTestId('payroll-lines-more').click();
      await expect.poll(() => lines.count()).toBeGreaterThan(before);
    }
    for (const h of amounts) {
      const cells = await lines.filter({ hasText: h.no }).locator('td').allInnerTexts();
      expect(cells[0], h.no).toBe('受灾人员救助');
      // 当月, 补发, 一次性救助, 重发, 扣回, 实发 follow the account (and the 乡镇 column)
      expect(cells.slice(8, 14), h.no).toEqual(['0.00', '0.00', yuan(h.yuan), '0.00', '0.00', yuan(h.yuan)]);
    }
    const townships = await page.locator('tbody tr', { hasText: '受灾人员救助' }).allInnerTexts();
    expect(townships.find((r) => r.includes('广惠街道'))).toContain(yuan(amounts[0]!.yuan + amounts[1]!.yuan));
    expect(townships.find((r) => r.includes('文峰街道'))).toContain(yuan(amounts[2]!.yuan));
    await expectNoCodes(page, 'payroll');
    await page.screenshot({ path: join(OUT, 'disaster-relief-payroll.png'), fullPage: true });
    // The collapsed house's household lists the payment on its page.
    await page.goto(`${base}/households/${households[0]!.no}`);
    await page.getByRole('tab', { name: '发放记录' }).click();
    const history = page.getByTestId('payment-history');
    await history.getByText('FF522701201508').waitFor();
    expect(await history.innerText()).toContain(yuan(amounts[0]!.yuan));

    // 5. 农房保险: the 2015 policy, every rural household insured, the collapsed house's claim reported, assessed and paid.
    await page.goto(`${base}/disaster/insurance`);
    await page.getByTestId('policy-new').click();
    const policy = page.locator('.ant-modal');
    await policy.getByLabel('保单号').fill('黔南农房2015-0001');
    await policy.getByLabel('承保保险公司').fill('中国人民财产保险股份有限公司黔南州分公司');
    await policy.getByLabel('每户保费（元）').fill('60');
    // sums insured per house by structure (钢混, 砖混, 砖木, 土木, 其他)
    for (const [structure, sum] of [['reinforced_concrete', '50000'], ['brick_concrete', '40000'], ['brick_wood', '30000'], ['earth_wood', '20000'], ['other', '10000']] as const) {
      await policy.locator(`#sums_${structure}`).fill(sum);
    }
    await policy.locator('.ant-btn-primary').click();
    await policy.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '参保农户' }).click();
    await page.getByTestId('insured-generate').click();
    await page.getByTestId('insured-generated').filter({ hasText: /新增参保 \d+ 户，共 \d+ 户/ }).waitFor();
    await page.getByRole('tab', { name: '理赔' }).click();
    await page.getByTestId('claim-report').click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByTestId('claim-event').click();
    await page.locator('.ant-select-item-option', { hasText: '“7·15”洪涝灾害' }).click();
    await dialog.getByLabel('户编号').fill(households[0]!.no);
    await fillDate(dialog.getByLabel('报案日期'), '2015-07-18');
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'detached' });
    const claim = page.locator('.ant-tabs-tabpane-active tbody tr.ant-table-row', { hasText: '“7·15”洪涝灾害' });
    await claim.filter({ hasText: '已报案' }).waitFor();
    expect(await claim.innerText()).toMatch(/砖木[\s\S]*倒塌/);
    await claim.getByRole('button', { name: '查勘定损' }).click();
    await dialog.getByLabel('核定损失（元）').fill('35000');
    await fillDate(dialog.getByLabel('定损日期'), '2015-07-22');
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'detached' });
    // 砖木 sum insured 30,000 × 100 % for a collapsed house, below the assessed loss
    await claim.filter({ hasText: '已查勘定损' }).waitFor();
    expect(await claim.innerText()).toContain('30,000.00');
    await claim.getByRole('button', { name: '登记赔付' }).click();
    expect(await dialog.getByLabel('赔付金额（元）').inputValue()).toBe('30000.00');
    await fillDate(dialog.getByLabel('赔付日期'), '2015-08-10');
    await dialog.getByLabel('赔款支付凭证号').fill('人保黔南赔字2015第0815号');
    await dialog.locator('.ant-btn-primary').click();
    await dialog.waitFor({ state: 'detached' });
    await claim.filter({ hasText: '已赔付' }).waitFor();
    expect(await claim.innerText()).toMatch(/30,000\.00[\s\S]*30,000\.00[\s\S]*已赔付/);
    await expectNoCodes(page, 'insurance claims');
    await page.screenshot({ path: join(OUT, 'disaster-relief-insurance.png'), fullPage: true });
    await page.getByRole('tab', { name: '对账' }).click();
    await page.getByText('保险赔款与倒损住房补助均可全额享受').waitFor();
    await expectNoCodes(page, 'insurance reconciliation');
    await page.close();
  });
});
