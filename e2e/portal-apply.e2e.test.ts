// The citizen portal's 政策计算器 and 申请救助 in a real browser at 360 px: the policy check before
// sign-in (village chosen by name), sign-in with the code the SMS provider logged, the 政策找人 suggestion on
// 我的 leading to the application for 低保
// with a document and the authorisation signed on the canvas; it shows in 我的申请, and when the township
// caseworker records the home visit the citizen sees the case move on; the caseworker sees the document and the
// signature under 申请材料 on the request page. A new applicant (not in the registry) applies with the household
// facts (village by name) and sees the application wait for the window; the caseworker sees the 待登记立案 part.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { householdInput, idNumber, memberInput } from '../src/test/households.ts';
import { accessibilityViolations, pageWidths } from './accessibility.ts';
import { loginAs } from './browser.ts';
import { REPO_ROOT } from './server.ts';
import { browserSuite } from './suite.ts';

/** Draws a signature on the authorisation's pad. */
async function signOnPad(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('no signature pad');
  await page.mouse.move(box.x + 30, box.y + 60);
  await page.mouse.down();
  for (const [dx, dy] of [[60, 40], [120, 80], [180, 30], [240, 90]] as const) await page.mouse.move(box.x + dx, box.y + dy, { steps: 4 });
  await page.mouse.up();
}

/** 州, 县, 乡镇 by name, then the township's first village (each select's own list: a closing one may still show). */
async function pickGuanghuiVillage(page: Page): Promise<void> {
  for (const [i, name] of ['黔南', '都匀市', '广惠', ''].entries()) {
    const options = page.locator(`.ant-select-dropdown:visible:has(#area-level-${i}_list) .ant-select-item-option`);
    await page.getByTestId(`area-${i}`).click();
    await (name ? options.filter({ hasText: name }) : options).first().click();
    await page.getByTestId(`area-${i}`).locator('.ant-select-selection-item').waitFor();
  }
}

const OUT = join(REPO_ROOT, 'test-output', 'e2e');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** At 360 px: no horizontal scroll, and no serious or critical WCAG 2.1 AA violation (axe-core). */
async function fitsAndAccessible(page: Page, where: string): Promise<void> {
  const { scroll, client } = await pageWidths(page);
  expect(scroll, `${where}: ${scroll}px wide in a ${client}px viewport`).toBeLessThanOrEqual(client);
  expect(await accessibilityViolations(page), where).toEqual([]);
}

browserSuite('portal policy check and application (browser)', (env) => {
  it('checks the policy before sign-in, signs in, follows the 政策找人 suggestion to apply for 低保 with a document and a signature, and sees the case move', async () => {
    const { server, browser } = env();
    await mkdir(OUT, { recursive: true });
    // A registered household with a mobile number, made through the staff API.
    const login = await fetch(`${server.baseUrl}/api/v1/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'guanghui.clerk', password: 'jiuzhu-demo' }) });
    const { token } = (await login.json()) as { token: string };
    const head = memberInput({ name: '岑桂兰', relation: 'head', idNumber: idNumber('1949-05-06', 'female') });
    const made = await fetch(`${server.baseUrl}/api/v1/households`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(householdInput('522701001001', [head], { phone: '13955556666' })),
    });
    expect(made.status, await made.clone().text()).toBe(201);
    // 政策找人: the township turns its warning lists into visit tasks; the household (no income) is on one.
    const staff = await fetch(`${server.baseUrl}/api/v1/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'guanghui.caseworker', password: 'jiuzhu-demo' }) });
    const { token: caseworker } = (await staff.json()) as { token: string };
    const generated = await fetch(`${server.baseUrl}/api/v1/outreach/tasks/generate`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${caseworker}` }, body: JSON.stringify({ area: '522701001001' }),
    });
    expect(generated.status, await generated.clone().text()).toBe(200);

    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.baseUrl}/portal/policy-check`);
    await pickGuanghuiVillage(page);
    await page.getByTestId('check-size').fill('1');
    await page.getByTestId('check-income').fill('0');
    await page.getByTestId('check-submit').click();
    const result = page.getByTestId('check-result');
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain('最低生活保障');
    expect(text).toContain('可能符合');
    expect(text).toContain('仅供参考，以审核为准');
    await page.screenshot({ path: join(OUT, 'portal-policy-check.png'), fullPage: true });
    await fitsAndAccessible(page, 'policy check');

    await page.goto(`${server.baseUrl}/portal/login`);
    await page.getByTestId('signin-id').fill(head.idNumber as string);
    await page.getByTestId('signin-phone').fill('13955556666');
    await page.getByTestId('signin-get-code').click();
    let code: string | undefined;
    for (let i = 0; i < 50 && !code; i++) {
      code = [...server.output().matchAll(/验证码为 (\d{6})/g)].at(-1)?.[1];
      if (!code) await page.waitForTimeout(200);
    }
    expect(code).toMatch(/^\d{6}$/);
    await page.getByTestId('signin-code').fill(code ?? '');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('home-greeting').waitFor();
    // Signed in, the citizen is told what the household may apply for, and goes to apply from there.
    const suggestion = page.getByTestId('home-suggestions');
    await suggestion.getByText('您家可能符合最低生活保障条件').waitFor();
    await suggestion.getByRole('link', { name: '在线申请' }).click();
    await page.waitForURL('**/portal/apply?programme=dibao');
    await page.getByRole('radio', { name: '最低生活保障' }).check();
    await page.getByTestId('apply-description').fill('独居老人，没有收入');
    await page.getByTestId('apply-files').setInputFiles({ name: '户口本.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('apply-file-list').getByText('户口本.png').waitFor();
    await page.getByTestId('apply-authorised').check();
    await fitsAndAccessible(page, 'application form');
    await signOnPad(page);
    await page.getByTestId('apply-submit').click();
    const done = page.getByTestId('apply-done');
    await page.locator('[data-testid=apply-done], [data-testid=apply-error], .ant-form-item-explain-error').first().waitFor().catch(() => undefined);
    if (!(await done.isVisible())) {
      await page.screenshot({ path: join(OUT, 'portal-apply-failed.png'), fullPage: true });
      throw new Error(`application not made: ${await page.locator('main').innerText()}`);
    }
    expect(await done.innerText()).toMatch(/受理编号 SL\d{16}/);
    await page.getByTestId('apply-mine').getByText('最低生活保障').waitFor();
    await page.screenshot({ path: join(OUT, 'portal-apply.png'), fullPage: true });
    await fitsAndAccessible(page, 'application made');

    // The township caseworker acts on the case (入户调查, through the staff API); the citizen sees it move on.
    const mine = await page.request.get(`${server.baseUrl}/api/portal/v1/cases`);
    const { items } = (await mine.json()) as { items: { caseNo: string; state: string }[] };
    expect(items).toHaveLength(1);
    const { caseNo, state: before } = items[0]!;
    await page.goto(`${server.baseUrl}/portal/cases`);
    await page.getByTestId('cases-list').getByText(before).first().waitFor();
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const visited = await fetch(`${server.baseUrl}/api/v1/cases/${caseNo}/transitions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${caseworker}` },
      body: JSON.stringify({ action: 'home_visit', date: today, data: { date: today, staff: ['王明', '李芳'], findings: '独居，无收入来源，情况属实' } }),
    });
    expect(visited.status, await visited.clone().text()).toBe(200);
    await page.reload();
    await page.getByTestId('cases-list').getByText('已入户调查').waitFor();
    expect(await page.getByTestId('cases-list').innerText()).not.toContain(before);
    await page.screenshot({ path: join(OUT, 'portal-case-moved.png'), fullPage: true });

    // The caseworker opens the online request: 申请材料 has the uploaded file (a thumbnail) and the signature with its hash.
    const applications = (await (await page.request.get(`${server.baseUrl}/api/portal/v1/applications`)).json()) as { items: { requestNo: string }[] };
    const staffPage = await browser.context.newPage();
    await loginAs(staffPage, server.baseUrl, 'guanghui.caseworker');
    await staffPage.goto(`${server.baseUrl}/intake/${applications.items[0]?.requestNo ?? ''}`);
    const documents = staffPage.getByTestId('request-documents');
    await documents.getByText('户口本.png').waitFor();
    await documents.getByTestId('request-documents-signature').waitFor();
    expect(await documents.innerText()).toMatch(/SHA-256：[0-9a-f]{64}/);
    await documents.locator('img').first().waitFor();
    await staffPage.screenshot({ path: join(OUT, 'intake-request-documents.png'), fullPage: true });
  });

  it('a new applicant (not in the registry) applies with the household facts; the application waits for the window to register the household', async () => {
    const { server, browser } = env();
    await browser.context.clearCookies(); // signed out: the first citizen's session is in the shared context
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.baseUrl}/portal/login`);
    await page.getByTestId('signin-id').fill(idNumber('1984-10-11', 'female'));
    await page.getByTestId('signin-phone').fill('13977778888');
    const codes = [...server.output().matchAll(/验证码为 (\d{6})/g)].length;
    await page.getByTestId('signin-get-code').click();
    let code: string | undefined;
    for (let i = 0; i < 50 && !code; i++) {
      const all = [...server.output().matchAll(/验证码为 (\d{6})/g)];
      code = all.length > codes ? all.at(-1)?.[1] : undefined;
      if (!code) await page.waitForTimeout(200);
    }
    expect(code).toMatch(/^\d{6}$/);
    await page.getByTestId('signin-code').fill(code ?? '');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('home-greeting').waitFor();
    await page.goto(`${server.baseUrl}/portal/apply`);
    await page.getByTestId('apply-new-applicant').waitFor();
    await page.getByRole('radio', { name: '最低生活保障' }).check();
    await page.getByTestId('apply-new-name').fill('罗春燕');
    await page.getByTestId('apply-new-phone').fill('13977778888');
    await pickGuanghuiVillage(page);
    await page.getByTestId('apply-new-size').fill('3');
    await page.getByTestId('apply-new-income').fill('800');
    await page.getByTestId('apply-description').fill('丈夫去世，独自抚养两个孩子');
    await page.getByTestId('apply-authorised').check();
    await fitsAndAccessible(page, 'new applicant form');
    await signOnPad(page);
    await page.getByTestId('apply-submit').click();
    const done = page.getByTestId('apply-done');
    await page.locator('[data-testid=apply-done], [data-testid=apply-error], .ant-form-item-explain-error').first().waitFor().catch(() => undefined);
    if (!(await done.isVisible())) {
      await page.screenshot({ path: join(OUT, 'portal-apply-new-failed.png'), fullPage: true });
      throw new Error(`application not made: ${await page.locator('main').innerText()}`);
    }
    expect(await done.innerText()).toContain('待窗口登记家庭');
    await page.getByTestId('apply-mine').getByText('待窗口登记家庭').waitFor();
    await page.screenshot({ path: join(OUT, 'portal-apply-new.png'), fullPage: true });

    // The township caseworker sees the 待登记立案 part with 立案 and 结束; a household number not registered → the field's error.
    const requestNo = (await done.innerText()).match(/SL\d{16}/)?.[0] ?? '';
    const staffPage = await browser.context.newPage();
    await loginAs(staffPage, server.baseUrl, 'guanghui.caseworker');
    await staffPage.goto(`${server.baseUrl}/intake/${requestNo}`);
    await staffPage.getByTestId('part-status-1').getByText('待登记立案').waitFor();
    await staffPage.getByTestId('pending-close-1').waitFor();
    await staffPage.getByTestId('pending-open-1').click();
    await staffPage.getByTestId('pending-household-no').fill('52270100000099');
    await staffPage.getByTestId('pending-submit').click();
    await staffPage.locator('.ant-modal .ant-form-item-explain-error').getByText(/未找到户编号/).waitFor();
    await staffPage.screenshot({ path: join(OUT, 'intake-pending-part.png'), fullPage: true });
  });
});
