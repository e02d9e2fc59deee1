// 灾害救助 in a real browser (the first part of issue 17): a county records a flood, a township reports its
// 灾情 and corrects it; the events list and the event page show kinds, levels and areas by their Chinese
// names, the latest version of each area's report and the totals.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './server.ts';
import { loginAs } from './browser.ts';
import { browserSuite } from './suite.ts';

const OUT = join(REPO_ROOT, 'test-output', 'e2e');
const figures = (affected: number) => ({
  affectedPersons: affected, relocatedPersons: 120, deaths: 0, missing: 0, housesCollapsed: 3, housesSeriouslyDamaged: 8, housesGenerallyDamaged: 21,
  cropAffectedHa100: 15050, cropFailedHa100: 2000, directLossFen: 180_000_000,
});

browserSuite('灾害救助 (browser)', (env) => {
  it('a county records a flood; the township reports and corrects its 灾情; the pages show names, versions and totals', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    await loginAs(page, base, 'duyun.approver');
    const created = await page.request.post(`${base}/api/v1/disaster/events`, {
      data: { kind: 'flood', name: '“6·18”洪涝灾害', startedOn: '2015-06-18', responseLevel: 'IV', areas: ['522701001', '522701001001'] },
    });
    expect(created.status(), await created.text()).toBe(200);
    const { eventNo } = (await created.json()) as { eventNo: string };

    await loginAs(page, base, 'guanghui.caseworker');
    for (const affected of [1500, 1650]) {
      const r = await page.request.post(`${base}/api/v1/disaster/events/${eventNo}/reports`, { data: { areaCode: '522701001', asOf: '2015-06-20', ...figures(affected) } });
      expect(r.status(), await r.text()).toBeLessThan(300);
    }

    await loginAs(page, base, 'duyun.approver');
    await page.goto(`${base}/disaster`);
    const list = page.getByTestId('events-table');
    await list.getByText('洪涝').first().waitFor();
    await page.goto(`${base}/disaster/${eventNo}`);
    const latest = page.getByTestId('latest-table');
    await latest.getByText('广惠街道').first().waitFor();
    expect(await page.getByTestId('totals-row').innerText()).toContain('1650');
    // The versions load after the latest figures.
    await expect.poll(() => page.getByTestId('history-table').innerText(), { timeout: 15_000 }).toContain('1500');
    const history = await page.getByTestId('history-table').innerText();
    expect(history).toContain('1500');
    expect(history).toContain('1650');
    const body = await page.locator('main, .ant-layout-content').first().innerText();
    expect(body).not.toMatch(/\bflood\b|522701001\b/);
    await mkdir(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'disaster-event.png'), fullPage: true });
    await page.close();
  });
});
