// 微心愿 end to end in a real browser (issue 19, "Done when"): the village clerk of 广惠社区 records a wish
// for a household of the village with its consent and publishes it; the wish wall shows it with the
// village's name only (no household number, no name); the county (都匀市) claims it for a volunteer team
// picked from the register (organisation and team registered through the API first), then records it
// fulfilled with a photo reference; the household page's 社会救助与慈善帮扶 tab shows the fulfilled wish
// under charity with its total. Every page visited shows Chinese labels, never codes.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { dialogOk as ok, loginAs, openDialog as dialog, openOption as option, pickOption } from './browser.ts';
import { REPO_ROOT } from './server.ts';
import { browserSuite } from './suite.ts';

const OUT = join(REPO_ROOT, 'test-output', 'e2e');

const COUNTY = '522701';
const VILLAGE = '522701001001'; // 广惠社区, 广惠街道
const HEAD = { name: '龙秀英', id: makeIdNumber(COUNTY, '1952-06-11', Math.floor(Math.random() * 400) * 2 + 1, 'female') };
const WISH = '一台取暖器，冬天老人屋里太冷';
const ORG = '都匀市青年志愿者协会';
const TEAM = '广惠街道暖冬志愿服务队';


/** The page's content shows no codes: no snake_case words, no English words (user names aside). */
async function expectNoCodes(page: Page, where: string): Promise<void> {
  const text = (await page.locator('.ant-layout-content').first().innerText()).replace(/\b[a-z]+\.[a-z]+\b/g, '');
  expect(text, where).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  expect(text.match(/\b[A-Za-z]{3,}\b/g) ?? [], where).toEqual([]);
}

async function post<T>(page: Page, url: string, data: object, status = 200): Promise<T> {
  const r = await page.request.post(url, { data });
  expect(r.status(), `${url}: ${await r.text()}`).toBe(status);
  return (await r.json()) as T;
}

browserSuite('微心愿 (browser)', (env) => {
  it('a wish goes from the village clerk to the wall, is claimed for a registered team, fulfilled, and shows on the household page', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const api = `${base}/api/v1`;
    const page = await browser.context.newPage();

    // Setup through the API: the household of the village (the clerk's) and the county's register.
    await loginAs(page, base, 'guanghui.clerk');
    const { householdNo } = await post<{ householdNo: string }>(page, `${api}/households`, {
      household: { villageCode: VILLAGE, hukou: 'rural', address: '广惠路 36 号', phone: '13887654321', bankName: '农村信用社', bankAccount: '6230123400001111', povertyFile: false, agricultural: false, categories: [] },
      members: [{ idNumber: HEAD.id, name: HEAD.name, relation: 'head', hukou: 'rural', sex: 'female', workCapacity: 'none', disabilityKind: null, disabilityGrade: null, seriousIllness: false, student: false, categories: [], leftBehind: null }],
      incomes: [], assets: [],
    }, 201);

    // 1. The village clerk records the wish with the household's consent and publishes it.
    await page.goto(`${base}/wishes`);
    await page.getByRole('tab', { name: '心愿登记' }).click();
    await page.getByTestId('wish-new').click();
    await dialog(page).getByLabel('户编号').fill(householdNo);
    await dialog(page).getByLabel(/^心愿内容/).fill(WISH);
    await dialog(page).getByLabel('价值（元）').fill('300');
    await dialog(page).getByLabel('同意人').fill('户主本人');
    await ok(page).click();
    const row = page.locator('tbody tr.ant-table-row', { hasText: WISH });
    await row.filter({ hasText: '已登记' }).waitFor();
    await row.getByRole('button', { name: '发布' }).click();
    await ok(page).click();
    await row.filter({ hasText: '已发布' }).waitFor();

    // 2. The wall shows the wish with the village's name only.
    await page.getByRole('tab', { name: '心愿墙' }).click();
    const onWall = page.locator('.ant-tabs-tabpane-active tbody tr.ant-table-row', { hasText: WISH });
    await onWall.waitFor();
    const wallText = await onWall.innerText();
    expect(wallText).toContain('广惠社区居民委员会');
    for (const secret of [householdNo, HEAD.name, HEAD.id, '广惠路 36 号', '13887654321']) expect(wallText).not.toContain(secret);
    await expectNoCodes(page, 'wish wall');

    // 3. The county registers an organisation and its team (API), then claims the wish for the team from the register.
    await loginAs(page, base, 'duyun.approver');
    const org = await post<{ id: number }>(page, `${api}/volunteers/organisations`, { kind: 'volunteer_org', name: ORG });
    await post(page, `${api}/volunteers/teams`, { organisationId: org.id, name: TEAM, areaCode: '522701001', leader: '杨队长' });
    await page.goto(`${base}/wishes`);
    await page.getByRole('tab', { name: '心愿登记' }).click();
    await row.getByRole('button', { name: '认领' }).click();
    await pickOption(page, dialog(page).locator('.ant-form-item', { hasText: '社会力量登记' }).locator('.ant-select-selector'), TEAM, '暖冬');
    expect(await dialog(page).innerText()).toContain(`${TEAM}（${ORG} · 广惠街道）`);
    await ok(page).click();
    await row.filter({ hasText: '已认领' }).waitFor();
    expect(await row.innerText()).toContain(`志愿服务队伍 ${TEAM}`);

    // 4. Fulfilled with a photo reference.
    await row.getByRole('button', { name: '实现' }).click();
    await dialog(page).getByLabel(/^确认凭证编号/).fill('照片 GH-2026-001');
    await ok(page).click();
    await row.filter({ hasText: '已实现' }).waitFor();
    await expectNoCodes(page, 'wishes');

    // 5. The household page shows the fulfilled wish under charity, beside government assistance.
    await page.goto(`${base}/households/${householdNo}`);
    await page.getByRole('tab', { name: '社会救助与慈善帮扶' }).click();
    const section = page.getByTestId('household-assistance');
    const charity = section.locator('tbody tr.ant-table-row', { hasText: WISH });
    await charity.waitFor();
    expect(await charity.innerText()).toMatch(new RegExp(`微心愿：${WISH}[\\s\\S]*志愿服务队伍 · ${TEAM}[\\s\\S]*300\\.00`));
    expect(await page.getByTestId('assistance-charity-total').innerText()).toBe('合计 300.00 元');
    expect(await page.getByTestId('assistance-government-total').innerText()).toBe('合计 0.00 元');
    await expectNoCodes(page, 'household assistance');
    await mkdir(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'wishes-household-assistance.png'), fullPage: true });
  });
});
