// The statistics dashboard in a real browser: a card per programme of the registry (its KPIs with the
// change on last year and its ECharts bars, demo data with recipients approved 2015-03), the working
// mechanisms, drill-down prefecture → county → township, a warning's list, English labels on request.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './server.ts';
import { browserSuite } from './suite.ts';

const OUT = join(REPO_ROOT, 'test-output', 'e2e');

browserSuite('stats dashboard (browser)', (env) => {
  it('renders charts and drills down prefecture → county → township', async () => {
    const { server, browser } = env();
    await mkdir(OUT, { recursive: true });
    const page = await browser.context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill('qiannan.admin');
    await page.getByLabel('密码').fill('jiuzhu-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(`${server.baseUrl}/stats?year=2015`);
    await page.getByTestId('stats-chart-dibao-persons').locator('canvas').waitFor();
    await page.getByTestId('stats-chart-hardship-persons').locator('canvas').waitFor();
    expect(await page.getByTestId('stats-area').innerText()).toContain('黔南');
    const dibao = page.getByTestId('stats-programme-dibao');
    expect(await dibao.innerText()).toContain('最低生活保障');
    const persons = await page.getByTestId('stats-kpi-dibao-persons').innerText();
    expect(persons).toContain('城乡低保人数');
    // Recipients approved in March 2015: none a year earlier.
    expect(persons).toContain('上年无可比数据');
    expect(Number(persons.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await page.getByTestId('stats-programme-hardship').innerText()).toContain('集中供养率');
    expect(await page.getByTestId('stats-mechanisms').innerText()).toContain('低保金发放（万元）');
    const units = page.getByTestId('stats-units');
    expect(await units.innerText()).toContain('都匀市');
    expect(await page.getByTestId('stats-report').getAttribute('href')).toContain('/api/v1/stats/report.docx?area=522700&year=2015');
    await page.screenshot({ path: join(OUT, 'stats.png'), fullPage: true });

    await page.getByTestId('drill-522701').click();
    await page.waitForURL(/area=522701&/);
    await page.getByTestId('stats-area').filter({ hasText: '都匀市' }).waitFor();
    await page.getByTestId('stats-chart-dibao-persons').locator('canvas').waitFor();
    await page.getByTestId('drill-522701001').click();
    await page.waitForURL(/area=522701001&/);
    await page.getByTestId('stats-area').filter({ hasText: '广惠' }).waitFor();
    await page.getByTestId('stats-chart-dibao-persons').locator('canvas').waitFor();
    await page.screenshot({ path: join(OUT, 'stats-township.png'), fullPage: true });

    await page.getByTestId('stats-up').click();
    await page.getByTestId('stats-area').filter({ hasText: '都匀市' }).waitFor();
    // The demo's approved cases are past their review date: the overdue-cases warning opens its cases.
    await page.getByTestId('warning-overdue_cases').locator('a').first().click();
    await page.waitForURL(/\/stats\/warnings\/overdue_cases\?area=522701/);
    const list = page.getByTestId('stats-warning-list');
    await list.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await list.innerText()).toContain('DB522701');
    await page.screenshot({ path: join(OUT, 'stats-warning-list.png'), fullPage: true });

    // English on request: the programmes' own labels in English.
    await page.goto(`${server.baseUrl}/stats?year=2015`);
    await page.getByTestId('stats-chart-dibao-persons').locator('canvas').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('stats-programme-dibao').getByText('Minimum living guarantee (dibao)').waitFor();
    expect(await page.getByTestId('stats-kpi-dibao-persons').innerText()).toContain('Dibao recipients (persons)');
    expect(await page.getByTestId('stats-programme-hardship').innerText()).toContain('Institutional support rate');
    expect(await page.getByTestId('stats-mechanisms').innerText()).toContain('Paid as dibao allowance (10,000 yuan)');
    expect(await page.getByTestId('stats-programme-dibao').innerText()).not.toContain('城乡低保人数');
    await page.screenshot({ path: join(OUT, 'stats-en.png'), fullPage: true });
  });
});
