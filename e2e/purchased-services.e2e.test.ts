// 政府购买服务 end to end in a real browser: the county of 都匀市 registers a contract on the page with its
// amount in 元 (kept in fen, shown in 元); a task assigned (through the API) to the village's 社会救助协理员 —
// the demo village clerk — is in their 我的任务, recorded by them on the page and confirmed by the township
// caseworker. Every page visited shows Chinese labels, never codes.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { dialogOk as ok, loginAs, openDialog as dialog, openOption as option, pickOption } from './browser.ts';
import { browserSuite } from './suite.ts';

const VILLAGE = '522701001001'; // 广惠社区, 广惠街道
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const YEAR = TODAY.slice(0, 4);
const PROVIDER = '都匀市阳光社会工作服务中心';

const select = (page: Page, label: string, text: string) => pickOption(page, dialog(page).locator('.ant-form-item', { hasText: label }).locator('.ant-select-selector'), text);

/** The page's content shows no codes: no snake_case words, no English words (record numbers aside). */
async function expectNoCodes(page: Page, where: string): Promise<void> {
  const text = await page.locator('.ant-layout-content').first().innerText();
  expect(text, where).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  expect(text.match(/\b[A-Za-z]{3,}\b/g) ?? [], where).toEqual([]);
}

async function post<T>(page: Page, url: string, data: object): Promise<T> {
  const r = await page.request.post(url, { data });
  expect(r.status(), `${url}: ${await r.text()}`).toBe(200);
  return (await r.json()) as T;
}

browserSuite('政府购买服务 (browser)', (env) => {
  it('a contract registered in 元, a task recorded by the village assistant and confirmed by the township', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const api = `${base}/api/v1`;
    const page = await browser.context.newPage();

    // 1. The county registers the provider (API) and the contract (page), the amount in 元.
    await loginAs(page, base, 'duyun.approver');
    await post(page, `${api}/volunteers/organisations`, { kind: 'social_work', name: PROVIDER });
    await page.goto(`${base}/purchased-services`);
    await page.getByTestId('ps-new-contract').click();
    await select(page, '承接机构', PROVIDER);
    await select(page, '服务类别', '服务性');
    await dialog(page).getByLabel('合同名称').fill('广惠街道社会救助服务项目');
    await dialog(page).getByLabel('服务期限起').fill(`${YEAR}-01-01`);
    await dialog(page).getByLabel('服务期限止').fill(`${YEAR}-12-31`);
    await dialog(page).getByLabel('合同金额（元）').fill('123456.78');
    await ok(page).click();
    const row = page.locator('tbody tr.ant-table-row', { hasText: '广惠街道社会救助服务项目' });
    await row.waitFor();
    expect(await row.innerText()).toContain('123,456.78');
    expect(await row.innerText()).toContain('履行中');
    await expectNoCodes(page, 'contracts');
    const contracts = await (await page.request.get(`${api}/purchased-services/contracts`)).json() as { items: { id: number; amountFen: number }[] };
    expect(contracts.items[0]!.amountFen).toBe(12_345_678);

    // 2. The village clerk is registered as the village's 社会救助协理员; a home visit is assigned to them (API).
    const users = await (await page.request.get(`${api}/users`)).json() as { items: { id: number; username: string }[] };
    const clerk = users.items.find((u) => u.username === 'guanghui.clerk')!;
    const assistant = await post<{ id: number }>(page, `${api}/purchased-services/assistants`, {
      name: '吴协理', idNumber: makeIdNumber('522701', '1980-03-03', 7, 'female'), villageCode: VILLAGE, employedFrom: `${YEAR}-01-01`, funding: 'contract', contractId: contracts.items[0]!.id, userId: clerk.id,
    });
    await post(page, `${api}/purchased-services/tasks`, { contractId: contracts.items[0]!.id, kind: 'home_visit', villageCode: VILLAGE, assignedOn: TODAY, dueOn: `${YEAR}-12-31`, assistantId: assistant.id, description: '入户核查家庭经济状况' });

    // 3. The assistant sees it in 我的任务 and records it.
    await loginAs(page, base, 'guanghui.clerk');
    await page.goto(`${base}/purchased-services`);
    await page.getByRole('tab', { name: '任务' }).click();
    const task = page.locator('tbody tr.ant-table-row', { hasText: '入户走访核查' });
    await task.waitFor();
    await task.getByRole('button', { name: '登记服务' }).click();
    await dialog(page).getByLabel('服务时长（分钟）').fill('45');
    await dialog(page).getByLabel('服务情况').fill('入户核查，家庭情况属实');
    await ok(page).click();
    await task.getByText('已完成').waitFor();
    await expectNoCodes(page, 'tasks (assistant)');

    // 4. The township caseworker confirms it.
    await loginAs(page, base, 'guanghui.caseworker');
    await page.goto(`${base}/purchased-services`);
    await page.getByRole('tab', { name: '任务' }).click();
    await task.getByRole('button', { name: '确认' }).click();
    await ok(page).click();
    await task.getByText('已确认').waitFor();
    await page.getByRole('tab', { name: '统计' }).click();
    await page.getByText('年末在岗协理员').first().waitFor();
    await expectNoCodes(page, 'figures');
  });
});
