// Bulk re-rating (批量调标) in a real browser: the county approver drafts the 低保 list of 都匀市 for a
// month, sees the counts, totals, the policy basis and a household's worksheet in Chinese (no codes),
// and discards the draft (approval needs another approver: rerate.test.ts).
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { fillDate, loginAs } from './browser.ts';
import { browserSuite } from './suite.ts';

browserSuite('bulk re-rating (browser)', (env) => {
  it('drafts, shows the worksheet in Chinese and discards', async () => {
    const { server, browser } = env();
    const page: Page = await browser.context.newPage();
    const base = server.baseUrl;
    await loginAs(page, base, 'duyun.approver', /批量调标/);
    await page.getByRole('menuitem', { name: /批量调标/ }).click();
    await page.getByTestId('rerate-form').waitFor();
    await fillDate(page.getByTestId('rerate-month'), '2016-01');
    await page.getByTestId('rerate-draft').click();
    await page.waitForURL(/\/cases\/rerate\/TB522701\d{10}$/);
    await expect.poll(() => page.getByTestId('rerate-status').textContent()).toBe('待审批');
    await page.getByText('政策依据').waitFor();
    const items = page.getByTestId('rerate-items');
    // A household whose amount is worked out (a 需复核 one has no amount, only the reason): the first outcome listed.
    for (const outcome of ['增加', '减少', '不变']) {
      await page.locator('.ant-radio-button-wrapper', { hasText: outcome }).click();
      await items.locator('.ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => undefined);
      if ((await items.locator('.ant-table-row-expand-icon').count()) > 0) break;
    }
    await items.locator('.ant-table-row-expand-icon').first().click();
    const worksheet = page.getByTestId('rerate-worksheet').first();
    await worksheet.waitFor();
    const text = (await worksheet.textContent()) ?? '';
    expect(text).toMatch(/元/);
    expect(text).not.toMatch(/[a-z_]{4,}/);
    await page.getByTestId('rerate-discard').click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => page.getByTestId('rerate-status').textContent()).toBe('已作废');
    await page.close();
  }, 120_000);
});
