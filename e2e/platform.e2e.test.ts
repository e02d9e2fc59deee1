// The platform shell in a real browser: sign in, Chinese by default, English on request,
// area picker limited to the user's scope, sign out; a phone's layout (390 px) and the parameter page at 1366 px.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './server.ts';
import { browserSuite } from './suite.ts';
import { loginAs } from './browser.ts';
import { pageWidths } from './accessibility.ts';
import { makeIdNumber } from '../src/kernel/id-number.ts';


const SCREENSHOT = join(REPO_ROOT, 'test-output', 'e2e', 'platform.png');
const PASSWORD = 'jiuzhu-demo';

interface Me {
  user: { displayName: string; areaCode: string; areaName: string };
}
interface Children {
  items: { name: string }[];
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

async function post<T>(page: Page, url: string, data: object, status = 200): Promise<T> {
  const r = await page.request.post(url, { data });
  expect(r.status(), `${url}: ${await r.text()}`).toBe(status);
  return (await r.json()) as T;
}

async function menuLabels(page: Page): Promise<string[]> {
  return page.getByTestId('side-menu').getByRole('menuitem').allInnerTexts();
}

interface Todo {
  cards: { kind: string; programme: string | null; state: string | null; count: number; overdue: number; link: string }[];
  overdueTotal: number;
}

browserSuite('platform shell (browser)', (env) => {

  it('signs in, switches language, offers only areas in scope, signs out', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    // What the built files come with (README "Serving the web UI"): precompressed, hashed ones cached for good.
    const assets: { url: string; encoding: string | undefined; cache: string | undefined }[] = [];
    page.on('response', (res) => {
      if (!res.url().includes('/assets/')) return;
      const headers = res.headers();
      assets.push({ url: res.url(), encoding: headers['content-encoding'], cache: headers['cache-control'] });
    });

    // A visitor without a session lands on the login page, in Chinese.
    await page.goto(`${base}/`);
    await page.waitForURL('**/login');
    await page.getByText('社会救助信息系统').first().waitFor();

    // A wrong password shows the API's refusal on the form.
    await page.getByLabel('用户名').fill('guanghui.caseworker');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('用户名或密码错误').waitFor();

    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('menuitem', { name: '一门受理' }).waitFor();

    // The layout in Chinese: glossary terms in the menu, the user and role in the header.
    const me = (await getJson<Me>(page, `${base}/api/v1/auth/me`)).user;
    const chinese = await menuLabels(page);
    expect(chinese).toEqual(
      expect.arrayContaining(['首页', '家庭', '案件', '一门受理', '家庭经济状况核对', '发放', '统计', '区划', '用户']),
    );
    // The audit trail is for approvers, prefecture staff and auditors, not the township window.
    expect(chinese).not.toContain('审计');
    const header = page.getByTestId('current-user');
    expect(await header.innerText()).toContain(me.displayName);
    expect(await header.innerText()).toContain('乡镇(街道)受理员');
    expect(await header.innerText()).toContain(me.areaName);
    await page.getByText(`欢迎，${me.displayName}`).waitFor();
    // The home page shows the user's 待办 (cards, or a calm empty state), and neither it nor the login page loaded ECharts.
    await page.getByTestId('todo').locator('[data-testid="todo-cards"], [data-testid="todo-empty"]').first().waitFor();
    const scripts = assets.filter((a) => a.url.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.filter((a) => /\/echarts-/.test(a.url))).toEqual([]);
    for (const a of scripts) expect(a.cache, a.url).toBe('public, max-age=31536000, immutable');
    // Brotli or gzip, whichever the browser asks for (files under 1 KB go as they are).
    expect(scripts.filter((a) => a.encoding === 'br' || a.encoding === 'gzip').length).toBeGreaterThan(0);

    // English on request, for labels and the role name alike.
    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: 'One-window intake' }).waitFor();
    const english = await menuLabels(page);
    expect(english).toEqual(expect.arrayContaining(['Home', 'Households', 'Cases', 'Disbursement', 'Areas', 'Users']));
    expect(english).not.toContain('一门受理');
    expect(await header.innerText()).toContain('Township caseworker');
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    // The password dialog, loaded on the first click, opens and closes.
    await page.getByTestId('change-password').click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    await dialog.getByLabel('Current password').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The area picker offers the user's own township and its villages, nothing else.
    const villages = (await getJson<Children>(page, `${base}/api/v1/areas/${me.areaCode}/children`)).items;
    expect(villages.length).toBeGreaterThan(0);
    await page.getByTestId('area-picker').click();
    const tree = page.getByRole('tree');
    await tree.getByRole('treeitem', { name: villages[0]?.name ?? '' }).waitFor();
    const offered = (await tree.getByRole('treeitem').allInnerTexts()).map((s) => s.trim());
    expect(offered.sort()).toEqual([me.areaName, ...villages.map((v) => v.name)].sort());
    expect(offered).toContain('广惠街道');
    expect(offered).not.toContain('文峰街道');
    expect(offered).not.toContain('都匀市');

    await mkdir(join(REPO_ROOT, 'test-output', 'e2e'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Choosing a village makes it the working area shown in the picker.
    const village = villages[0]?.name ?? '';
    // A full-page screenshot resizes the page for a moment, which may close the picker's list.
    if (!(await tree.getByRole('treeitem', { name: village }).isVisible())) await page.getByTestId('area-picker').click();
    await tree.getByRole('treeitem', { name: village }).click();
    await page.getByTestId('area-picker').getByText(village).filter({ visible: true }).waitFor();

    // Signing out ends the session: back to the login page, and / no longer opens the layout.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.goto(`${base}/`);
    await page.waitForURL('**/login');
    const after = await page.request.get(`${base}/api/v1/auth/me`);
    expect(after.status()).toBe(401);
    await page.close();
  });

  it('a county approver sets a village 城镇 or 农村 on the areas page', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    // Chinese again (the test above left the browser in English).
    await page.goto(`${base}/login`);
    await page.evaluate('window.localStorage.clear()');
    await loginAs(page, base, 'duyun.approver');
    await page.goto(`${base}/areas`);
    await page.getByTestId('area-search').fill('广惠社区居民委员会');
    await page.getByTestId('area-search').press('Enter');
    await page.getByTestId('area-search-results').getByText('广惠社区居民委员会').first().click();
    const urban = page.getByTestId('area-urban');
    await urban.getByText('按村（居）委会名称推定').waitFor();
    expect(await urban.getByRole('radio', { name: '城镇' }).isChecked()).toBe(true);
    await urban.getByText('农村').click();
    await page.getByText('城乡属性已保存').waitFor();
    await urban.getByText('人工设定').waitFor();
    const area = await getJson<{ area: { urban: boolean; urbanSource: string } }>(page, `${base}/api/v1/areas/522701001001`);
    expect(area.area).toMatchObject({ urban: false, urbanSource: 'manual' });
    await page.close();
  });

  it('fits a phone at 390 px: one-line header, a menu drawer, lists inside the screen; the parameters at 1366 px', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const chromium = browser.context.browser();
    if (!chromium) throw new Error('no browser');
    const phone = await chromium.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
    try {
      const page = await phone.newPage();
      const fits = async (what: string) => {
        const { scroll, client } = await pageWidths(page);
        // On failure, the elements reaching past the viewport's right edge say what widens the page.
        const past = scroll > client
          ? await page.evaluate<string>("[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).slice(0, 8).map((e) => `${e.tagName}.${String(e.className).slice(0, 60)}`).join(' | ')")
          : '';
        expect(scroll, `${what}: ${scroll}px wide in a ${client}px viewport; past its edge: ${past}`).toBeLessThanOrEqual(client);
      };
      await page.goto(`${base}/login`);
      await page.getByRole('button', { name: '登录' }).waitFor();
      await fits('login');
      await loginAs(page, base, 'guanghui.caseworker');
      await page.getByText('欢迎，').first().waitFor();
      const header = await page.locator('.ant-layout-header').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(64);
      await fits('home');
      // The user is an icon: its panel holds who is signed in and the logout.
      await page.getByRole('button', { name: /^当前用户/ }).click();
      await page.getByTestId('current-user').getByText('乡镇(街道)受理员').waitFor();
      await page.getByTestId('logout').waitFor();
      await page.keyboard.press('Escape');

      // The menu is a drawer opened by the header's button, closed by choosing a page.
      await page.getByRole('button', { name: '打开菜单' }).click();
      const drawer = page.locator('.ant-drawer-content-wrapper');
      await drawer.getByRole('menuitem', { name: /(^| )家庭$/ }).click();
      await page.waitForURL('**/households');
      await drawer.waitFor({ state: 'hidden' });
      await page.getByTestId('household-search-submit').click();
      const first = page.getByTestId('household-table').locator('tbody tr.ant-table-row').first();
      await first.waitFor();
      await fits('household list');
      await first.click();
      await page.getByTestId('household-page').waitFor();
      await fits('household page');
      await page.goto(`${base}/cases`);
      await page.getByTestId('case-inbox').locator('tbody tr').first().waitFor();
      await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      await fits('case inbox');
      await page.getByTestId('case-inbox').locator('tbody tr.ant-table-row a').first().click();
      await page.getByTestId('case-page').waitFor();
      await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      await fits('case page');
      await page.goto(`${base}/payroll`);
      await page.getByTestId('payroll-table').locator('tbody tr').first().waitFor();
      await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
      await fits('payroll list');
      await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'e2e', 'platform-390.png'), fullPage: true });
    } finally {
      await phone.close();
    }

    // The parameter page on a 1366 px screen: no sideways scrolling, the name column readable.
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loginAs(page, base, 'guanghui.caseworker');
    await page.goto(`${base}/policy`);
    await page.getByTestId('policy-parameters').locator('tbody tr.ant-table-row').first().waitFor();
    const { scroll, client } = await pageWidths(page);
    expect(scroll, `${scroll}px wide in a ${client}px viewport`).toBeLessThanOrEqual(client);
    const name = await page.getByTestId('policy-parameters').locator('thead th', { hasText: '参数' }).boundingBox();
    expect(name?.width).toBeGreaterThanOrEqual(120);
    await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'e2e', 'policy-1366.png'), fullPage: true });
    await page.close();
  });
  it("home page: a county approver's 待办 card opens the inbox filtered to its state", async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const api = `${base}/api/v1`;
    const page = await browser.context.newPage();
    // Work for the county: a 低保 case of 广惠街道 carried to the county (its deadlines long past).
    await loginAs(page, base, 'guanghui.caseworker');
    const id = makeIdNumber('522701', '1958-06-12', Math.floor(Math.random() * 400) * 2 + 1, 'male');
    const { householdNo } = await post<{ householdNo: string }>(page, `${api}/households`, {
      household: { villageCode: '522701001001', hukou: 'urban', address: '广惠路 20 号', phone: '13812345679', bankName: '农村信用社', bankAccount: '6230123412349876', povertyFile: false, agricultural: false, categories: [] },
      members: [{ idNumber: id, name: '待办户', relation: 'head', hukou: 'urban', sex: 'male', workCapacity: 'none', disabilityKind: null, disabilityGrade: null, seriousIllness: false, student: false, categories: [], leftBehind: null }],
      incomes: [], assets: [],
    }, 201);
    const { caseNo } = await post<{ caseNo: string }>(page, `${api}/cases`, { programme: 'dibao', householdNo, applicantIdNumber: id, appliedOn: '2023-03-01' }, 201);
    const step = (action: string, body: object) => post<{ state: string }>(page, `${api}/cases/${caseNo}/transitions`, { action, ...body });
    await step('home_visit', { date: '2023-03-03', data: { date: '2023-03-03', staff: ['王明', '李芳'], findings: '家中无大件资产，情况属实' } });
    await step('verify_economic_status', { date: '2023-03-06', data: { result: 'pass', note: '人工核对：无收入、无财产' } });
    await step('township_review', { date: '2023-03-08' });
    await step('submit_to_county', { date: '2023-03-16' });

    await loginAs(page, base, 'duyun.approver');
    const todo = await getJson<Todo>(page, `${api}/me/todo`);
    const card = todo.cards.find((c) => c.kind === 'case_state' && c.count > 0);
    expect(card, JSON.stringify(todo.cards)).toBeDefined();
    const { programme, state, count, overdue } = card!;
    expect(overdue).toBeGreaterThan(0);
    // No card for the window's work (registering requests), which a county approver does not do.
    expect(todo.cards.map((c) => c.kind)).not.toContain('pending_registration');
    const shown = page.getByTestId(`todo-card-${programme}-${state}`);
    await shown.waitFor();
    const text = await shown.innerText();
    expect(text).toContain(String(count));
    // Its title names the programme and the state in Chinese (低保 · 县级审核中), no code.
    const stateLabel = /· (\S+)/.exec(text)?.[1] ?? '';
    expect(stateLabel).toMatch(/^[\u4e00-\u9fa5（）]+$/);
    // The overdue list names the case, its area by the full path, and how late it is.
    const late = page.getByTestId('todo-overdue').getByTestId(`overdue-${caseNo}`);
    expect(await late.innerText()).toMatch(/黔南布依族苗族自治州 › 都匀市 › 广惠街道 › 广惠社区居民委员会[\s\S]*\d+ 天/);
    await page.screenshot({ path: join(REPO_ROOT, 'test-output', 'e2e', 'home-county.png'), fullPage: true });
    await shown.click();
    await page.waitForURL((u) => u.pathname === '/cases' && u.searchParams.get('programme') === programme && u.searchParams.get('state') === state);
    // The inbox opens with the card's filter applied: the same count, the state chosen in its filter.
    await page.getByTestId('case-inbox-total').filter({ hasText: `共 ${count} 件` }).waitFor();
    expect(await page.getByTestId('inbox-state').innerText()).toContain(stateLabel);
    await page.getByTestId('case-inbox').getByText(caseNo).waitFor();
    await page.context().clearCookies();
    await page.close();
  });
}, { uiOnly: true });
