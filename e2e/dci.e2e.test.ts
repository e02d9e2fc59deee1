// 对外接口 in a real browser (issue 22, the connected systems from the web): a prefecture admin registers a system
// (areas from the tree, attributes by name, a PEM key), reads its secret once, opens it and revokes it after the
// red confirmation; each state of the page without code text and without a serious accessibility violation.
import crypto from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { accessibilityViolations } from './accessibility.ts';
import { loginAs } from './browser.ts';
import { codeTextOnPage } from './codeText.ts';
import { browserSuite } from './suite.ts';

const pem = crypto.generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();

async function clean(page: Page, where: string): Promise<void> {
  expect(await codeTextOnPage(page), `${where}: code text`).toEqual([]);
  expect(await accessibilityViolations(page), `${where}: accessibility`).toEqual([]);
}

browserSuite('对外接口: register, secret once, details, revoke (browser)', (env) => {
  it('walks a connected system from registration to revocation', async () => {
    const { server, browser } = env();
    const page = await browser.context.newPage();
    await loginAs(page, server.baseUrl, 'qiannan.admin', /对外接口/);
    await page.getByRole('menuitem', { name: /对外接口/ }).click();
    await page.getByTestId('dci-clients').waitFor();
    await clean(page, 'list');

    await page.getByTestId('dci-register').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByLabel('系统名称').fill('黔南州医疗保障局');
    await drawer.getByLabel('接入编号').fill('yibao.browser');
    await page.locator('#areaCodes').click();
    await page.locator('.ant-select-tree-node-content-wrapper[title="都匀市"]').click();
    // The list closes on a click elsewhere in the drawer (Escape would close the drawer too).
    await drawer.locator('.ant-drawer-title').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    for (const a of ['姓名', '公民身份号码', '年龄']) await page.locator('#attributes').getByText(a, { exact: true }).click();
    await page.locator('#unmasked').getByText('公民身份号码', { exact: true }).click();
    await drawer.getByLabel('回调地址').fill('https://yibao.example.gov.cn/dci/');
    await drawer.getByLabel('对方公钥').fill(pem);
    await clean(page, 'register form');
    await page.getByTestId('dci-register-submit').click();

    const secret = page.getByTestId('dci-secret');
    await secret.waitFor();
    expect((await secret.inputValue()).length).toBeGreaterThan(30);
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').innerText()).toContain('只显示这一次');
    await clean(page, 'secret');
    await page.getByTestId('dci-secret-close').click();
    await secret.waitFor({ state: 'detached' });

    const row = page.getByTestId('dci-clients').locator('tr', { hasText: '黔南州医疗保障局' });
    await row.waitFor();
    expect(await row.innerText()).toContain('都匀市');
    await row.getByRole('button', { name: '详情' }).click();
    await page.getByTestId('dci-subscriptions').waitFor();
    await page.locator('.ant-drawer-open .ant-spin-spinning').first().waitFor({ state: 'detached' });
    await clean(page, 'details');
    await page.keyboard.press('Escape');
    await page.getByTestId('dci-transactions').waitFor({ state: 'detached' });

    await row.getByRole('button', { name: '停用' }).click();
    const confirm = page.locator('.ant-modal-confirm:visible');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('令牌立即失效');
    await clean(page, 'revoke confirmation');
    await confirm.getByRole('button', { name: '确认停用' }).click();
    await expect.poll(() => row.innerText()).toContain('已停用');
  });
}, { uiOnly: true });
