// 供养服务机构 and 救助管理站 end to end in a real browser (issue 18, "Done when"): the county of 都匀市
// registers a nursing home of 5 beds on the register page; a 特困 case of 广惠街道 choosing institutional
// support in that home is approved (through the API, as the case tests walk it: cn-2021, May 2023); on the
// home's 入住与床位 tab the pending resident is admitted (beds used 0 / 5 → 1 / 5, the 集中供养 page shows
// the home at 1 resident, 20 %) and discharged with a reason (back to 0 / 5, the resident 已离院). Then a
// relief station (registered through the API) screens an adult who accepts help, takes them in, records a
// 寻亲 step and a 返乡 with ticket, escort and handover to the family: the record ends 返乡 with the whole
// timeline. Every page visited shows Chinese labels, never codes.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { dialogOk as ok, fillDate, loginAs, openDialog as dialog, openOption as option, pickOption } from './browser.ts';
import { REPO_ROOT } from './server.ts';
import { browserSuite } from './suite.ts';

const OUT = join(REPO_ROOT, 'test-output', 'e2e');
const COUNTY = '522701';
const VILLAGE = '522701001001'; // 广惠社区, 广惠街道
const HOME = '广惠街道颐养敬老院';
const STATION = '都匀市流浪乞讨人员救助管理站';
const seq = Math.floor(Math.random() * 400) * 2 + 1;
const ELDER = { name: '杨秋菊', id: makeIdNumber(COUNTY, '1944-03-18', seq, 'female') };

/** The date `n` days before today in China (YYYY-MM-DD). */
function daysAgo(n: number): string {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  return fmt.format(new Date(Date.now() - n * 86_400_000));
}
const TODAY = daysAgo(0);



/** The page's content shows no codes: no snake_case words, no English words (user names and record numbers aside). */
async function expectNoCodes(page: Page, where: string): Promise<void> {
  const text = (await page.locator('.ant-layout-content').first().innerText())
    .replace(/\b[a-z]+\.[a-z]+\b/g, ''); // user names (duyun.approver)
  expect(text, where).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  expect(text, where).not.toMatch(/\b[a-z]{2}-\d{4}\b/); // rule sets (cn-2021)
  expect(text, where).not.toMatch(/\b(nursing_home|relief_station|pending|admitted|discharged|institutional|street_outreach|accepted|screened|in_station|exited|returned_home|train|family)\b/i);
  expect(text.match(/\b[A-Za-z]{3,}\b/g) ?? [], where).toEqual([]);
}

/** POST to the API with the page's session; expects `status` and answers the body. */
async function post<T>(page: Page, url: string, data: object, status = 200): Promise<T> {
  const r = await page.request.post(url, { data });
  expect(r.status(), `${url}: ${await r.text()}`).toBe(status);
  return (await r.json()) as T;
}

browserSuite('供养机构与救助管理站 (browser)', (env) => {
  it('a 特困 person is admitted to a new nursing home and discharged; a relief-station record goes from screening to return home', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const api = `${base}/api/v1`;
    const page = await browser.context.newPage();
    await mkdir(OUT, { recursive: true });

    // 1. The county registers a nursing home of 5 beds on the register page.
    await loginAs(page, base, 'duyun.approver');
    await page.goto(`${base}/institutions`);
    await page.getByRole('button', { name: '登记机构' }).click();
    await dialog(page).getByLabel('机构名称').fill(HOME);
    await dialog(page).getByLabel('床位总数').fill('5');
    await dialog(page).getByLabel('地址').fill('广惠路 108 号');
    await ok(page).click();
    await page.waitForURL(/\/institutions\/\d+$/);
    const homeId = Number(page.url().split('/').at(-1));
    await page.getByText(HOME).first().waitFor();
    await expectNoCodes(page, 'institution page');
    await page.goto(`${base}/institutions`);
    const listed = page.locator('tbody tr.ant-table-row', { hasText: HOME });
    await listed.waitFor();
    expect(await listed.innerText()).toMatch(/都匀市[\s\S]*敬老院（特困供养服务机构）[\s\S]*5/);
    await expectNoCodes(page, 'institution register');

    // 2. A 特困 case of 广惠街道 choosing institutional support in that home, approved (cn-2021, May 2023).
    await loginAs(page, base, 'guanghui.caseworker');
    const household = await post<{ householdNo: string }>(page, `${api}/households`, {
      household: { villageCode: VILLAGE, hukou: 'rural', address: '广惠路 12 号', phone: '13812345678', bankName: '农村信用社', bankAccount: '6230123412341234', povertyFile: false, agricultural: false, categories: [] },
      members: [{ idNumber: ELDER.id, name: ELDER.name, relation: 'head', hukou: 'rural', sex: 'female', workCapacity: 'none', disabilityKind: null, disabilityGrade: null, seriousIllness: false, student: false, categories: [], leftBehind: null }],
      incomes: [], assets: [],
    }, 201);
    const { caseNo } = await post<{ caseNo: string }>(page, `${api}/cases`, { programme: 'hardship', householdNo: household.householdNo, applicantIdNumber: ELDER.id, appliedOn: '2023-05-04' }, 201);
    const step = (action: string, body: object) => post<{ state: string }>(page, `${api}/cases/${caseNo}/transitions`, { action, ...body });
    await step('home_visit', { date: '2023-05-05', data: { date: '2023-05-05', staff: ['王明', '李芳'], findings: '独居老人，无劳动能力，无法定赡养人' } });
    await step('verify_economic_status', { date: '2023-05-08', data: { result: 'pass', note: '人工核对：无收入、无财产' } });
    await step('assess_self_care', { data: { date: '2023-05-09', assessor: '民政助理员', items: { eating: true, dressing: true, bedTransfer: true, toileting: false, indoorWalking: true, bathing: false } } });
    expect(await step('township_review', { date: '2023-05-10', data: { supportMode: 'institutional', institutionId: homeId, hasLegalSupporter: false, supporterAble: false } })).toMatchObject({ state: 'notice' });
    await step('submit_to_county', { date: '2023-05-18' });
    await loginAs(page, base, 'duyun.approver');
    const { batchNo } = await post<{ batchNo: string }>(page, `${api}/cases/batches`, { programme: 'hardship', caseNos: [caseNo], date: '2023-05-19' }, 201);
    const drawn = await post<{ cases: { caseNo: string; sampled: boolean }[] }>(page, `${api}/cases/batches/${batchNo}/sample`, { seed: caseNo, date: '2023-05-19' });
    if (drawn.cases.some((c) => c.sampled)) await step('county_visit', { date: '2023-05-19', data: { date: '2023-05-19', staff: ['张县审', '赵县核'], findings: '入户核实，情况属实' } });
    expect(await step('approve', { date: '2023-05-22' })).toMatchObject({ state: 'approved' });

    // 3. On the home's 入住与床位 tab the person waits for admission; the county admits them to a bed.
    await page.goto(`${base}/institutions/${homeId}`);
    await page.getByRole('tab', { name: '入住与床位' }).click();
    const bedsUsed = page.getByTestId('beds-used');
    await bedsUsed.filter({ hasText: '床位使用：0 / 5' }).waitFor();
    const row = page.getByTestId('residents-table').locator('tbody tr.ant-table-row', { hasText: caseNo });
    await row.waitFor();
    expect(await row.innerText()).toContain('待入住');
    await expectNoCodes(page, 'residents (pending)');
    await row.locator('[data-testid^="placement-admit-"]').click();
    await fillDate(dialog(page).getByTestId('placement-date'), daysAgo(10));
    await dialog(page).getByTestId('placement-bed').fill('2 号楼 3 床');
    await page.getByTestId('placement-submit').click();
    await bedsUsed.filter({ hasText: '床位使用：1 / 5' }).waitFor();
    await row.filter({ hasText: '在住' }).waitFor();
    expect(await row.innerText()).toContain(daysAgo(10));
    expect(await row.innerText()).toContain('部分丧失生活自理能力'); // two of six items unable
    await expectNoCodes(page, 'residents (admitted)');
    await page.screenshot({ path: join(OUT, 'institutions-admitted.png'), fullPage: true });

    // The 集中供养 page: the home has 1 resident of 5 beds today, 20 %.
    await page.goto(`${base}/placements`);
    const homeRow = page.getByTestId('placements-institutions').locator('tbody tr.ant-table-row', { hasText: HOME });
    await homeRow.waitFor();
    const cells = homeRow.locator('td');
    expect((await cells.allInnerTexts()).map((s) => s.trim()).slice(0, 5)).toEqual([HOME, '5', '1', '0', '20.0%']);
    await expectNoCodes(page, 'placements');

    // 4. Discharge with a reason: beds back to 0 / 5, the resident has left.
    await page.goto(`${base}/institutions/${homeId}`);
    await page.getByRole('tab', { name: '入住与床位' }).click();
    await bedsUsed.filter({ hasText: '床位使用：1 / 5' }).waitFor();
    await row.locator('[data-testid^="placement-discharge-"]').click();
    await dialog(page).getByTestId('placement-reason').fill('本人要求回乡由侄子照料，经评估同意离院');
    await page.getByTestId('placement-submit').click();
    await bedsUsed.filter({ hasText: '床位使用：0 / 5' }).waitFor();
    await row.filter({ hasText: '已离院' }).waitFor();
    expect(await row.innerText()).toContain(`${TODAY} 离院`);
    await expectNoCodes(page, 'residents (discharged)');
    await page.screenshot({ path: join(OUT, 'institutions-discharged.png'), fullPage: true });
    await page.goto(`${base}/placements`);
    await homeRow.waitFor();
    expect((await homeRow.locator('td').allInnerTexts()).map((s) => s.trim()).slice(0, 5)).toEqual([HOME, '5', '0', '0', '0.0%']);

    // 5. The relief station (registered through the API); a person met on the street accepts help.
    await post(page, `${api}/institutions`, { countyCode: COUNTY, name: STATION, kind: 'relief_station', beds: 20, address: '都匀市剑江路 5 号' }, 201);
    await page.goto(`${base}/relief-station`);
    await page.getByTestId('relief-new').click();
    const screening = dialog(page);
    // Only relief stations are offered (the demo's and the new one), never the county's nursing homes.
    await screening.locator('.ant-form-item', { hasText: '救助管理站' }).locator('.ant-select-selector').click();
    const choices = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await choices.first().waitFor();
    const offered = await choices.allInnerTexts();
    expect(offered).toContain(STATION);
    expect(offered.every((name) => name.endsWith('救助管理站'))).toBe(true);
    await option(page, STATION).click();
    await screening.getByLabel('发现（求助）地点').fill('都匀火车站广场');
    await screening.getByText('男', { exact: true }).click();
    await screening.getByLabel('大致年龄').fill('46');
    await screening.getByLabel(/^姓名/).fill('周长河');
    await screening.getByLabel(/^户籍地/).fill('四川省巴中市');
    // A lost click on 确定 (the dialog still open, no navigation) is clicked again.
    for (let attempt = 1; ; attempt++) {
      await ok(page).click();
      const moved = await page.waitForURL(/\/relief-station\/LQ\d+$/, { timeout: 10_000 }).then(() => true, () => false);
      if (moved) break;
      if (attempt === 3 || !(await ok(page).isVisible())) {
        await page.waitForURL(/\/relief-station\/LQ\d+$/);
        break;
      }
    }
    const recordNo = page.url().split('/').at(-1)!;
    const tag = page.locator('.ant-card').first().locator('.ant-tag').first();
    await tag.filter({ hasText: '已甄别' }).waitFor();
    await expectNoCodes(page, 'record (screened)');

    // 入站 with the first day's food and lodging.
    await page.getByTestId('relief-step-entry').click();
    await ok(page).click();
    await tag.filter({ hasText: '在站' }).waitFor();

    // 寻亲: the police check finds the family.
    await page.getByTestId('relief-step-family-searches').click();
    await pickOption(page, dialog(page).getByLabel('寻亲方式'), '公安核查');
    await dialog(page).getByLabel('结果').fill('经公安核查，其兄周长江在巴中市平昌县');
    await dialog(page).getByText('已找到亲属').click();
    await ok(page).click();
    const timeline = page.locator('.ant-timeline');
    await timeline.getByText('公安核查').waitFor();

    // 返乡 by train, 128.50 元 ticket, escorted, handed over to his brother.
    await page.getByTestId('relief-step-return').click();
    await dialog(page).getByLabel('目的地').fill('四川省巴中市平昌县');
    await dialog(page).getByLabel('车船票费用（元）').fill('128.5');
    await dialog(page).getByText('派员护送').click();
    await dialog(page).getByLabel(/^护送人员/).fill('王明、李芳');
    await dialog(page).getByLabel(/^接收人/).fill('周长江（其兄）');
    await ok(page).click();
    await tag.filter({ hasText: '返乡' }).waitFor();
    const steps = (await timeline.locator('.ant-timeline-item').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(steps.map((s) => s.split(' ')[1]?.split(/[：（]/)[0])).toEqual(['甄别', '处置', '入站', '服务', '服务', '寻亲', '返乡']);
    expect(steps.at(-1)).toContain(TODAY);
    expect(steps.at(-1)).toMatch(/四川省巴中市平昌县[\s\S]*128\.50[\s\S]*王明、李芳[\s\S]*周长江（其兄）/);
    expect(await page.locator('.ant-descriptions').innerText()).toContain('128.50');
    expect(await page.getByTestId('relief-step-return').count()).toBe(0); // no further steps
    await expectNoCodes(page, 'record (returned home)');
    await page.screenshot({ path: join(OUT, 'relief-station-record.png'), fullPage: true });

    // The list shows the record 返乡; the year's figures count one screening and one return home.
    await page.goto(`${base}/relief-station`);
    const rec = page.locator('tbody tr.ant-table-row', { hasText: recordNo });
    await rec.waitFor();
    expect(await rec.innerText()).toMatch(/周长河[\s\S]*自愿受助/);
    expect(await rec.innerText()).toContain('返乡');
    // The year's figures (this year by default): one screening, one person assisted and returned home.
    const figures = page.locator('.ant-card', { hasText: '本年度统计' });
    const total = figures.locator('tbody tr.ant-table-row').last();
    await total.filter({ hasText: '1' }).waitFor();
    expect((await total.locator('td').allInnerTexts()).map((x) => x.trim()).slice(1, 9)).toEqual(['1', '1', '1', '0', '0', '1', '0', '0']);
    await expectNoCodes(page, 'relief-station list');
  });
});
