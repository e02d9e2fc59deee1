// Launches Debian's chromium through playwright-core (no bundled browser download).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface E2EBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * The worker's one Chromium: the browser files run one after the other in one process (vitest.config.ts), and
 * each gets a context of its own in it rather than a Chromium of its own (about a second a file). It ends with
 * the worker: Chromium quits when the pipe to its parent closes, so vitest stopping the worker (SIGTERM, which
 * Playwright is told not to take over) leaves nothing behind.
 */
let shared: Promise<Browser> | undefined;

/** A fresh browser context (cookies, storage and cache of its own, like a new profile) in the worker's headless Chromium. */
export async function launchBrowser(): Promise<E2EBrowser> {
  shared ??= chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  let browser: Browser;
  try {
    browser = await shared;
  } catch (e) {
    shared = undefined;
    throw e;
  }
  if (!browser.isConnected()) {
    shared = undefined;
    return launchBrowser();
  }
  // Reduced motion: the app then draws lists, dialogs and charts where they end up, without animation
  // (web/src/theme/motion.ts): nothing moves under a click, and Chromium draws no animation frames.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
    },
  };
}

/** A programme this server's registry does not have yet (as 临时救助 will be added), with opening questions. */
export const LATER_PROGRAMME = {
  code: 'later_claim', serialPrefix: 'LT', kind: 'claim', recipient: 'household', openCases: 'many', intake: true, schedule: 'one_off', payee: 'recipient',
  labels: { 'zh-CN': { name: '试办临时救助', short: '试办', benefit: '临时救助金' }, en: { name: 'Trial temporary assistance', short: 'Trial', benefit: 'temporary assistance' } },
  ruleSets: [], states: [{ code: 'accepted', label: '已受理', phase: 'pending' }], actions: [{ code: 'accept', label: '受理' }],
  opening: {
    type: 'object', additionalProperties: false, required: ['kind'],
    properties: {
      kind: { title: '救助类型', anyOf: [{ type: 'string', const: 'emergency', title: '急难型' }, { type: 'string', const: 'expense', title: '支出型' }] },
      urgent: { title: '情况紧急', type: 'boolean', default: false },
      months: { title: '救助月数', type: 'integer', minimum: 1, maximum: 12 },
      method: { title: '发放方式', default: 'transfer', anyOf: [{ type: 'string', const: 'cash', title: '现金' }, { type: 'string', const: 'transfer', title: '转账' }] },
    },
  },
};

/** The page sees the server's programmes plus LATER_PROGRAMME in GET /programmes (what the web builds its lists and forms from). */
export async function seeLaterProgramme(page: Page): Promise<void> {
  await page.route('**/api/v1/programmes', async (route) => {
    const res = await route.fetch();
    const body = (await res.json()) as { items: unknown[] };
    await route.fulfill({ response: res, json: { ...body, items: [...body.items, LATER_PROGRAMME] } });
  });
}

/**
 * Picks the option titled `title` in the antd Select whose input has the id `id`, and waits until the select
 * shows it. Under load the open list can still be moving into place when the option is pressed: the release
 * then lands beside it and nothing is chosen (seen in e2e/intake.e2e.test.ts: the form went off without the
 * field, and the page stayed where it was), or the list keeps moving and is drawn again under the pointer (seen on
 * PostgreSQL in CI: the click waited its whole 30 s). So each press is bounded and the choice is made again, as a
 * user would, until the select shows it (four tries at most).
 */
export async function chooseOption(page: Page, id: string, title: string): Promise<void> {
  const select = page.locator('.ant-select', { has: page.locator(`#${id}`) });
  // This select's own list (antd keeps closed lists in the DOM; another select may offer the same title).
  const option = page.locator(`.ant-select-dropdown:visible:has(#${id}_list) .ant-select-item-option[title="${title}"]`);
  const shown = select.locator(`.ant-select-selection-item[title="${title}"]`);
  for (let attempt = 1; ; attempt++) {
    try {
      // Centred, the list opens inside the viewport rather than flipping and moving while it is pressed.
      await select.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      if (!(await option.isVisible())) await select.click({ timeout: 5_000 });
      await option.click({ timeout: 5_000 });
      await shown.waitFor({ timeout: 2_000 });
      return;
    } catch (e) {
      if (attempt === 4) throw e;
      // A list that kept moving (or was drawn again) under the pointer is closed and opened afresh.
      if (!(await shown.isVisible())) await page.keyboard.press('Escape');
    }
  }
}

/** The open dropdown's option with this text (antd keeps closed dropdowns in the DOM). */
export const openOption = (page: Page, text: string): Locator =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();

/** The open dialog (antd keeps closed ones in the DOM) and its OK button. */
export const openDialog = (page: Page): Locator => page.locator('.ant-modal-wrap:visible .ant-modal').last();
export const dialogOk = (page: Page): Locator => openDialog(page).locator('.ant-modal-footer .ant-btn-primary');

/**
 * Opens the select that `trigger` lies in (or is), types `search` when given, picks the option with `text` and
 * waits for the list to close (an open list covers the next field), until the select shows the choice (three
 * tries): under load the click's release can land on the form behind the list and choose nothing (as
 * `chooseOption`, for selects found by what they show rather than by id).
 */
export async function pickOption(page: Page, trigger: Locator, text: string, search?: string): Promise<void> {
  const select = trigger.locator('xpath=ancestor-or-self::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const shown = select.locator('.ant-select-selection-item', { hasText: text });
  for (let attempt = 1; ; attempt++) {
    await trigger.click();
    if (search) await page.keyboard.type(search);
    await openOption(page, text).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => page.keyboard.press('Escape'));
    try {
      await shown.first().waitFor({ timeout: 2_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/**
 * Answers the open Popconfirm with its primary button, again while it stays open (three tries): under load the
 * first click can land while the bubble is still growing in, and nothing happens (CI: a payroll stayed 待审批).
 */
export async function confirmPopup(page: Page): Promise<void> {
  const open = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
  for (let attempt = 1; ; attempt++) {
    await open.locator('.ant-btn-primary').click();
    try {
      await open.waitFor({ state: 'detached', timeout: 3_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/**
 * Fills an input and reads it back, filling again if the value did not hold (three tries). Under load a fill can
 * land while the form is still re-rendering from its previous state, and the old value then stays.
 */
export async function fillChecked(input: Locator, value: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await input.fill(value);
    if ((await input.inputValue()) === value) return;
    if (attempt === 3) throw new Error(`the field kept "${await input.inputValue()}" instead of "${value}"`);
  }
}

/**
 * Types an ISO date into a date field (antd DatePicker: web/src/components/DateInput.tsx) and confirms it with
 * Enter; the picker shows the date only once it has taken it, so a date it refused is typed again.
 */
export async function fillDate(input: Locator, isoDate: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await input.fill(isoDate);
    await input.press('Enter');
    if ((await input.inputValue()) === isoDate) return;
    if (attempt === 3) throw new Error(`the date field kept "${await input.inputValue()}" instead of "${isoDate}"`);
  }
}

/**
 * Clicks `submit` and waits for `done` to show (or, with `state: 'detached'`, to leave the page); if the page shows
 * an error it did not show before the click, fails with its text (a refused step otherwise reads as a 30 s timeout
 * on the text that never came).
 */
export async function submitAndSee(page: Page, submit: Locator, done: Locator, { state = 'visible', timeout = 30_000 }: { state?: 'visible' | 'detached'; timeout?: number } = {}): Promise<void> {
  const errors = page.locator('.ant-alert-error:visible');
  const before = (await errors.allInnerTexts()).join('\n');
  await submit.click();
  const deadline = Date.now() + timeout;
  for (;;) {
    const reached = state === 'visible' ? await done.first().isVisible() : (await done.count()) === 0;
    if (reached) return;
    const now = (await errors.allInnerTexts()).join('\n');
    if (now !== '' && now !== before) throw new Error(`the page answered with an error: ${now}`);
    if (Date.now() > deadline) throw new Error(`${String(done)} did not become ${state} within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}


/** Logs in as a demo account (password jiuzhu-demo) after clearing the session; waits for the menu item `menu` when given, else for leaving the login page. */
export async function loginAs(page: Page, base: string, username: string, menu?: RegExp, password = 'jiuzhu-demo'): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  if (menu) await page.getByRole('menuitem', { name: menu }).waitFor();
  else await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}
