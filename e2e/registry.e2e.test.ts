// The household registry in a real browser: create a household through the form (with a wrong
// check digit first; a menu click asks before typed work is lost; members take the household's 户籍), find
// it by the head's name, edit a member, read the change history, and apply for 低保 from the household page.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { REPO_ROOT } from './server.ts';
import { accessibilityViolations } from './accessibility.ts';
import { pickOption } from './browser.ts';
import { browserSuite } from './suite.ts';


const SCREENSHOT = join(REPO_ROOT, 'test-output', 'e2e', 'registry.png');
const VILLAGE = '广惠社区居民委员会';

/** Unique enough for a reused server (JIUZHU_E2E_BASE_URL): a random sequence and given name. */
const seq = Math.floor(Math.random() * 400) * 2;
const GIVEN = '山水林田湖草沙石松竹梅兰';
const pick = () => GIVEN[Math.floor(Math.random() * GIVEN.length)] ?? '山';
const HEAD = { name: `韦${pick()}${pick()}`, id: makeIdNumber('522701', '1968-04-12', seq + 1, 'male') };
const SPOUSE = { name: `蒙${pick()}${pick()}`, id: makeIdNumber('522701', '1970-09-23', seq, 'female') };
/** The head's number with its last character changed: a wrong check digit. */
const WRONG_ID = HEAD.id.slice(0, 17) + (HEAD.id.endsWith('0') ? '1' : '0');

/** Chooses `option` in the antd Select (within `scope`) whose input has the id `id`. */
async function choose(page: Page, scope: Locator | Page, id: string, option: string): Promise<void> {
  // The chosen value's label lies over the input; click the select itself.
  await pickOption(page, scope.locator('.ant-select-selector').filter({ has: page.locator(`#${id}`) }), option);
}

/** The error messages antd shows under the form field of the input `field`. */
function fieldErrors(page: Page, field: Locator): Locator {
  return page.locator('.ant-form-item').filter({ has: field }).locator('.ant-form-item-explain-error');
}

browserSuite('household registry (browser)', (env) => {

  it('creates a household, finds it, edits a member and shows the change in the history', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    // The UI works under the server's Content-Security-Policy: the browser refuses nothing.
    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) refused.push(m.text());
    });
    // No ID number ever travels in a URL: every address the page asks for is kept and checked at the end.
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));

    await page.goto(`${base}/login`);
    await page.getByLabel('用户名').waitFor();
    // The login page and the household list meet WCAG 2.1 AA (axe-core: no serious or critical violation).
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('用户名').fill('guanghui.caseworker');
    await page.getByLabel('密码').fill('jiuzhu-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('menuitem', { name: /(^| )家庭$/ }).click();
    await page.waitForURL('**/households');
    await page.getByRole('button', { name: '新建家庭' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '新建家庭' }).click();
    await page.waitForURL('**/households/new');

    // The village tree starts at the caseworker's township; only villages can be chosen.
    await page.getByTestId('village-select').click();
    await page.getByRole('tree').getByRole('treeitem', { name: VILLAGE }).click();
    await page.locator('#household_address').fill('广惠路 18 号');
    await page.locator('#household_phone').fill('13812345678');

    // Typed work is not lost by a stray click: the menu asks first, and staying keeps the page and what was typed.
    await page.getByRole('menuitem', { name: /(^| )家庭$/ }).click();
    const leave = page.locator('.ant-modal-confirm').filter({ hasText: '离开此页？' });
    await leave.getByText('未保存的内容将丢失').waitFor();
    await leave.getByTestId('unsaved-stay').click();
    await leave.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/households/new');
    expect(await page.locator('#household_address').inputValue()).toBe('广惠路 18 号');

    // Members inherit the household's 户籍: the head follows the household's change, a new member starts with it.
    const hukouOf = (i: number) => page.getByTestId(`member-${i}`).locator('.ant-select').filter({ has: page.locator(`#members_${i}_hukou`) }).locator('.ant-select-selection-item');
    await page.locator('#household_hukou').getByText('城镇', { exact: true }).click();
    await hukouOf(0).filter({ hasText: '城镇' }).waitFor();

    await page.locator('#members_0_idNumber').fill(WRONG_ID);
    await page.locator('#members_0_name').fill(HEAD.name);
    await page.getByTestId('add-member').click();
    await page.locator('#members_1_idNumber').fill(SPOUSE.id);
    await page.locator('#members_1_name').fill(SPOUSE.name);
    expect(await hukouOf(1).innerText()).toBe('城镇');
    await choose(page, page, 'members_1_relation', '配偶');

    // The server checks the check digit; its Chinese message lands on that very field.
    await page.getByTestId('create-submit').click();
    const idErrors = fieldErrors(page, page.locator('#members_0_idNumber'));
    await idErrors.filter({ hasText: '校验码错误' }).waitFor();
    expect(await idErrors.innerText()).toContain(`身份证号码校验码错误，应为${HEAD.id.slice(17)}`);

    await page.locator('#members_0_idNumber').fill(HEAD.id);
    await page.getByTestId('create-submit').click();
    await page.waitForURL(/\/households\/\d{14}$/);
    const householdNo = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('member-table').getByText(SPOUSE.name).waitFor();

    // Found in the list by the head's name, ID number masked as the API gives it.
    await page.getByRole('menuitem', { name: /(^| )家庭$/ }).click();
    await page.waitForURL('**/households');
    await page.getByLabel('姓名（前缀）').fill(HEAD.name);
    await page.getByTestId('household-search-submit').click();
    const row = page.getByTestId('household-table').locator('tbody tr').filter({ hasText: householdNo });
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain(HEAD.name);
    expect(rowText).toContain(`${HEAD.id.slice(0, 6)}********${HEAD.id.slice(14)}`);
    expect(rowText).toContain(VILLAGE);

    // By the spouse's ID number: found, and the number stays out of the address bar.
    await page.getByLabel('姓名（前缀）').fill('');
    await page.getByLabel('身份证号码').fill(SPOUSE.id);
    await page.getByTestId('household-search-submit').click();
    await page.getByTestId('household-table').locator('tbody tr').filter({ hasText: householdNo }).waitFor();
    expect(page.url()).not.toContain(SPOUSE.id);
    // The export of that search is a real .xlsx, asked for by POST.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('household-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^家庭查询导出.*\.xlsx$/);
    const file = await readFile((await download.path()) as string);
    expect(file.subarray(0, 2).toString()).toBe('PK');
    await row.click();
    await page.waitForURL(`**/households/${householdNo}`);

    // Masked by default; 查看明文 shows the data in full and says the view is audited.
    const members = page.getByTestId('member-table');
    const maskedSpouse = `${SPOUSE.id.slice(0, 6)}********${SPOUSE.id.slice(14)}`;
    await members.getByText(maskedSpouse).waitFor();
    await page.getByTestId('mask-notice').getByText('个人信息已脱敏显示').waitFor();
    await page.getByTestId('unmask').click();
    await members.getByText(SPOUSE.id).waitFor();
    await page.getByTestId('mask-notice').getByText('本次查看已记入审计日志').waitFor();
    await page.getByTestId('remask').click();
    await members.getByText(maskedSpouse).waitFor();

    // Editing from the masked view first shows the data in full (audited), then opens the form.
    await page.getByTestId('member-edit-1').click();
    await page.getByTestId('mask-notice').getByText('本次查看已记入审计日志').waitFor();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('member-form').waitFor();
    expect(await dialog.locator('#idNumber').inputValue()).toBe(SPOUSE.id);
    await choose(page, dialog, 'workCapacity', '部分丧失劳动能力');
    await dialog.locator('#seriousIllness').click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').waitFor();
    await members.getByText('部分丧失劳动能力').waitFor();

    // The history says who changed what, in Chinese, with before → after.
    await page.getByRole('tab', { name: '变更记录' }).click();
    const update = page.getByTestId('timeline-entry').filter({ hasText: '修改成员信息' });
    await update.waitFor();
    const changes = update.getByTestId('timeline-change');
    expect(await changes.filter({ hasText: '劳动能力' }).innerText()).toMatch(/劳动能力：\s*有劳动能力\s*→\s*部分丧失劳动能力/);
    expect(await changes.filter({ hasText: '重病' }).innerText()).toMatch(/重病：\s*否\s*→\s*是/);
    expect(await update.innerText()).toContain(SPOUSE.name);
    await page.getByTestId('timeline-entry').filter({ hasText: '新建家庭' }).waitFor();

    await mkdir(join(REPO_ROOT, 'test-output', 'e2e'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // 申请救助 from the household page: the household is fixed, its head the applicant; the new case opens.
    await page.getByTestId('household-apply').click();
    const apply = page.getByTestId('case-new-form');
    await apply.waitFor();
    expect(await apply.locator('.ant-select-disabled .ant-select-selection-item').innerText()).toContain(householdNo);
    await page.getByRole('radio', { name: new RegExp(HEAD.name) }).waitFor();
    expect(await page.getByRole('radio', { name: new RegExp(HEAD.name) }).isChecked()).toBe(true);
    await apply.getByText('最低生活保障', { exact: true }).click();
    await page.getByTestId('case-new-submit').click();
    await page.waitForURL(/\/cases\/DB\d{16}$/);
    await page.getByTestId('case-state').filter({ hasText: '已受理' }).waitFor();
    expect(refused).toEqual([]);
    expect(urls.filter((u) => u.includes(HEAD.id) || u.includes(SPOUSE.id))).toEqual([]);
    await page.close();
  });
});
