// 离线采集 in a real browser: the village clerk downloads the village, goes offline (the page reloads from
// the service worker), records a new household and a home visit, comes back online; the household reaches
// the registry, and the phone number changed on the server meanwhile is shown field by field for the clerk
// to choose — nothing overwritten until the choice is written.
import { join } from 'node:path';
import { request, type APIRequestContext } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { accessibilityViolations, pageWidths } from './accessibility.ts';
import { confirmPopup, loginAs } from './browser.ts';
import { REPO_ROOT } from './server.ts';
import { browserSuite } from './suite.ts';

const VILLAGE = '522701001001';
const seq = 100 + Math.floor(Math.random() * 400) * 2;
const GIVEN = '山水林田湖草沙石松竹梅兰';
const pick = () => GIVEN[Math.floor(Math.random() * GIVEN.length)] ?? '山';
const VISITED = { name: `潘${pick()}${pick()}`, id: makeIdNumber('522701', '1959-05-06', seq + 1, 'male') };
const NEW_HEAD = { name: `莫${pick()}${pick()}`, id: makeIdNumber('522701', '1975-11-02', seq + 3, 'male') };
const WRONG_ID = NEW_HEAD.id.slice(0, 17) + (NEW_HEAD.id.endsWith('0') ? '1' : '0');
/** A 1×1 PNG: the photo of a document. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const member = (id: string, name: string) => ({
  idNumber: id, name, relation: 'head', hukou: 'rural', workCapacity: 'full', disabilityKind: null, disabilityGrade: null,
  seriousIllness: false, student: false, categories: [], leftBehind: null,
});

async function signedIn(base: string, username: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: base });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password: 'jiuzhu-demo' } });
  expect(res.status(), await res.text()).toBe(200);
  return ctx;
}

browserSuite('offline village intake (browser)', (env) => {
  it('records a household and a home visit offline, syncs them online and shows the conflicting field for the clerk to resolve', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;

    // A household of the clerk's village, through the API as the township caseworker.
    const caseworker = await signedIn(base, 'guanghui.caseworker');
    const created = await caseworker.post('/api/v1/households', { data: {
      household: { villageCode: VILLAGE, hukou: 'rural', address: '广惠路 8 号', phone: '13800001234', bankName: '', bankAccount: '', povertyFile: false, agricultural: true, categories: [] },
      members: [member(VISITED.id, VISITED.name)],
    } });
    expect(created.status(), await created.text()).toBe(201);
    const { householdNo } = (await created.json()) as { householdNo: string };

    const page = await browser.context.newPage();
    await loginAs(page, base, 'guanghui.clerk', /离线采集/);
    await page.getByRole('menuitem', { name: /离线采集/ }).click();
    await page.waitForURL('**/offline');
    await page.getByTestId('offline-download').click();
    await page.getByTestId('offline-downloaded').filter({ hasText: '户家庭可离线入户调查' }).waitFor();
    // WCAG 2.1 AA (axe-core: no serious or critical violation).
    expect(await accessibilityViolations(page)).toEqual([]);

    // The service worker has taken control and kept the shell and this page's files (one more online load).
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    await page.reload();
    await page.getByTestId('offline-downloaded').filter({ hasText: '户家庭可离线入户调查' }).waitFor();

    await browser.context.setOffline(true);
    await page.reload();
    await page.getByTestId('offline-status').filter({ hasText: '无网络' }).waitFor();
    await page.getByTestId('offline-downloaded').filter({ hasText: '户家庭可离线入户调查' }).waitFor();
    expect(await page.getByTestId('offline-sync').isDisabled()).toBe(true);

    // A new household: a wrong check digit is refused in the browser with the server's own message.
    await page.locator('#household_address').fill('新寨组 3 号');
    await page.locator('#members_0_idNumber').fill(WRONG_ID);
    await page.locator('#members_0_name').fill(NEW_HEAD.name);
    await page.getByTestId('offline-household-save').click();
    await page.getByTestId('offline-household-errors').filter({ hasText: '校验码错误' }).waitFor();
    expect(await page.getByRole('tab', { name: /本机记录（0）/ }).count()).toBe(1);
    await page.locator('#members_0_idNumber').fill(NEW_HEAD.id);
    await page.getByTestId('photo-input').first().setInputFiles({ name: '户口簿.png', mimeType: 'image/png', buffer: PNG });
    const pad = page.getByTestId('signature-pad').first();
    const box = await pad.boundingBox();
    if (!box) throw new Error('signature pad not shown');
    await page.mouse.move(box.x + 20, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 90, { steps: 5 });
    await page.mouse.up();
    await page.getByTestId('offline-household-save').click();
    await page.getByRole('tab', { name: /本机记录（1）/ }).waitFor();
    // A person already registered passes the browser's checks; only the server knows (出错 after the sync).
    await page.locator('#household_address').fill('新寨组 4 号');
    await page.locator('#members_0_idNumber').fill(VISITED.id);
    await page.locator('#members_0_name').fill(VISITED.name);
    await page.getByTestId('offline-household-save').click();
    await page.getByRole('tab', { name: /本机记录（2）/ }).waitFor();

    // A home visit: the phone number and the address as found, with the findings.
    await page.getByRole('tab', { name: '入户调查' }).click();
    await page.getByTestId('visit-household').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: householdNo }).click();
    await page.locator('#phone').fill('13722223333');
    await page.locator('#address').fill('广惠路 10 号');
    await page.locator('#findings').fill('房屋漏雨，户主腿伤');
    await page.getByTestId('offline-visit-save').click();
    await page.getByRole('tab', { name: /本机记录（3）/ }).click();
    await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'e2e', 'offline-queue.png'), fullPage: true });
    const entries = page.getByTestId('offline-entry');
    await entries.filter({ hasText: '待同步' }).nth(2).waitFor();
    expect(await entries.filter({ hasText: `新建家庭：${NEW_HEAD.name}` }).innerText()).toContain('照片 1 张，已签字');

    // Meanwhile the caseworker changes the phone number on the server.
    const changed = await caseworker.patch(`/api/v1/households/${householdNo}`, { data: { phone: '13900001111' } });
    expect(changed.status(), await changed.text()).toBe(204);

    // Online again: the queue syncs by itself.
    await browser.context.setOffline(false);
    const newEntry = entries.filter({ hasText: `新建家庭：${NEW_HEAD.name}` });
    await newEntry.filter({ hasText: '已同步' }).waitFor();
    const visit = entries.filter({ hasText: '入户调查' }).filter({ hasText: householdNo });
    await visit.filter({ hasText: '冲突' }).waitFor();
    // The visit's findings went to the server before the fields: the conflict holds back only the fields.
    await visit.getByTestId('offline-entry-visit').filter({ hasText: '已上传' }).waitFor();
    const visits = (await (await caseworker.get(`/api/v1/households/${householdNo}/visits`)).json()) as { items: { findings: string; source: string }[] };
    expect(visits.items.map((v) => [v.findings, v.source])).toEqual([['房屋漏雨，户主腿伤', 'offline']]);

    // The registered person: refused with the server's message, in Chinese; the clerk may delete the entry.
    const refused = entries.filter({ hasText: `新建家庭：${VISITED.name}` });
    await refused.filter({ hasText: '出错' }).waitFor();
    expect(await refused.getByTestId('offline-entry-error').innerText()).toContain(`已在本辖区登记（户编号 ${householdNo}）`);
    await refused.getByRole('button', { name: '删除此记录' }).click();
    await confirmPopup(page);
    await refused.waitFor({ state: 'detached' });

    // The new household is in the registry.
    const found = await caseworker.post('/api/v1/households/search', { data: { idNumber: NEW_HEAD.id } });
    const hits = ((await found.json()) as { items: { householdNo: string; villageCode: string }[] }).items;
    expect(hits).toHaveLength(1);
    expect(hits[0]?.villageCode).toBe(VILLAGE);
    expect(await newEntry.innerText()).toContain(`户编号 ${hits[0]?.householdNo ?? ''}`);

    // The conflicting field with its three values; nothing of the visit written yet.
    const row = visit.getByTestId('conflict-panel').locator('tbody tr');
    expect(await row.count()).toBe(1);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual(['联系电话', '13800001234', '13722223333', '13900001111']);
    const current = async () => ((await (await caseworker.get(`/api/v1/households/${householdNo}?unmask=true`)).json()) as { household: { phone: string; address: string } }).household;
    expect(await current()).toMatchObject({ phone: '13900001111', address: '广惠路 8 号' });

    // Saving without a choice is refused; choosing 本机填写 writes it (and the address with it).
    await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'e2e', 'offline-conflict.png'), fullPage: true });
    await visit.getByTestId('conflict-submit').click();
    await visit.getByText('请为每一项选择保留的值').waitFor();
    await row.getByLabel('本机填写').check();
    await visit.getByTestId('conflict-submit').click();
    await visit.filter({ hasText: '已同步' }).waitFor();
    expect(await current()).toMatchObject({ phone: '13722223333', address: '广惠路 10 号' });

    // Signing out wipes the device store.
    await page.getByTestId('offline-page').waitFor();
    // Evaluated in the page (the Node side has no DOM types).
    const databases = async () => (await page.evaluate('indexedDB.databases().then((ds) => ds.map((d) => d.name))')) as string[];
    expect(await databases()).toContain('jiuzhu-offline');
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await expect.poll(databases).not.toContain('jiuzhu-offline');

    // The caseworker's household page shows the new household's document photo and signature under 入户调查.
    await loginAs(page, base, 'guanghui.caseworker');
    await page.goto(`${base}/households/${hits[0]?.householdNo ?? ''}`);
    await page.getByRole('tab', { name: '入户调查' }).click();
    const shown = page.getByTestId('visit').filter({ hasText: '新建家庭时采集的证件照片' });
    await shown.filter({ hasText: '离线采集' }).waitFor();
    await shown.getByTestId('visit-photo').locator('img').waitFor();
    await shown.getByTestId('visit-signature').locator('img').waitFor();
    // A visit entered on the web, with a photo.
    await page.locator('#visitedOn').fill(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }));
    await page.keyboard.press('Enter');
    await page.locator('#findings').fill('复查：证件齐全');
    await page.getByTestId('visits-tab').locator('input[type=file]').setInputFiles({ name: '房屋.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('visit-save').click();
    await page.getByTestId('visit').filter({ hasText: '复查：证件齐全' }).filter({ hasText: '网页录入' }).getByTestId('visit-photo').locator('img').waitFor();
    await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'e2e', 'household-visits.png'), fullPage: true });
    await caseworker.dispose();
  });

  it('fits a phone: at 360 px the page needs no sideways scrolling and meets WCAG 2.1 AA', async () => {
    const { server, browser } = env();
    const chromium = browser.context.browser();
    if (!chromium) throw new Error('no browser');
    const phone = await chromium.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
    try {
      const page = await phone.newPage();
      await loginAs(page, server.baseUrl, 'guanghui.clerk');
      await page.goto(`${server.baseUrl}/offline`);
      await page.getByTestId('offline-download').waitFor();
      // The sync on opening has ended (a loading button is drawn faded).
      await page.locator('.ant-btn-loading').waitFor({ state: 'detached' });
      const { scroll, client } = await pageWidths(page);
      expect(scroll, `${scroll}px wide in a ${client}px viewport`).toBeLessThanOrEqual(client);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'e2e', 'offline-360.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });
}, { uiOnly: true });
