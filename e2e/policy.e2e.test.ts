// The policy pages in a real browser: the parameter list with values and references, the standards
// simulator (a draft rural standard for 都匀市, current vs draft table and chart) and a household's explanation tab.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fillDate } from './browser.ts';
import { REPO_ROOT } from './server.ts';
import { browserSuite } from './suite.ts';

const OUT = join(REPO_ROOT, 'test-output', 'e2e');

browserSuite('policy pages (browser)', (env) => {

  it('lists parameters, simulates a draft standard and explains a household', async () => {
    const { server, browser } = env();
    await mkdir(OUT, { recursive: true });
    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill('qiannan.admin');
    await page.getByLabel('密码').fill('jiuzhu-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('menuitem', { name: /(^| )政策$/ }).click();
    await page.waitForURL('**/policy');

    await page.getByTestId('policy-filter').fill('dibao.standard.urban');
    const row = page.getByTestId('policy-parameters').locator('tbody tr').filter({ hasText: 'dibao.standard.urban' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('城市最低生活保障标准');
    await row.locator('.ant-table-row-expand-icon').click();
    await page.getByText('一档（都匀市、福泉市、都匀经济开发区）495元/月', { exact: false }).first().waitFor();
    await page.screenshot({ path: join(OUT, 'policy-parameters.png'), fullPage: true });

    await page.getByTestId('policy-nav').getByText('标准测算').click();
    await page.waitForURL('**/policy/simulator');
    const results = page.getByTestId('sim-results');
    await results.locator('tbody tr').filter({ hasText: '都匀市' }).waitFor();
    // A negative standard stays as typed and is refused at the field (not turned into 0); the run waits for a fix.
    await page.getByTestId('sim-rural-522701').fill('-5');
    await page.getByTestId('sim-rural-522701').press('Tab');
    await page.getByTestId('sim-negative').getByText('标准不能为负数').waitFor();
    expect(await page.getByTestId('sim-rural-522701').inputValue()).toBe('-5');
    expect(await page.getByTestId('sim-run').isDisabled()).toBe(true);
    // The demo's eligible households of 都匀市 are rural: raise its rural standard.
    await page.getByTestId('sim-rural-522701').fill('3000');
    await page.getByTestId('sim-rural-522701').press('Tab');
    await page.getByTestId('sim-run').click();
    await results.locator('tbody tr').filter({ hasText: '都匀市' }).filter({ hasText: '→' }).first().waitFor();
    await page.getByTestId('sim-chart').locator('canvas').waitFor();
    await page.screenshot({ path: join(OUT, 'policy-simulator.png'), fullPage: true });

    await page.getByRole('menuitem', { name: /(^| )家庭$/ }).click();
    await page.waitForURL('**/households');
    await page.getByTestId('household-search-submit').click();
    await page.getByTestId('household-table').locator('tbody tr.ant-table-row').first().click();
    await page.waitForURL(/\/households\/\d{14}$/);
    await page.getByRole('tab', { name: '测算说明' }).click();
    const explanation = page.getByTestId('policy-explanation');
    await fillDate(explanation.getByTestId('explain-month'), '2015-10');
    await explanation.getByTestId('explain-dibao').waitFor();
    await explanation.getByTestId('explain-worksheet').getByText('家庭人均月收入').waitFor();
    // The raw steps and parameter names only in the 技术明细 fold, opened on demand.
    expect(await explanation.innerText()).not.toContain('dibao.standard');
    await explanation.getByTestId('explain-technical-dibao').getByText('技术明细').click();
    await explanation.getByTestId('explain-parameter').first().waitFor();
    await page.screenshot({ path: join(OUT, 'policy-explanation.png'), fullPage: true });
  });
});
