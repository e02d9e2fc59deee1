// 受灾户登记, 物资发放 and 冬春需求调查 in a real browser: a township registers a household not yet in the
// registry from the event page (新登记户), two staff verify it, goods are issued with totals per item in
// their units, and a household's 冬春 needs are recorded; the pages show Chinese labels, never codes.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { REPO_ROOT } from './server.ts';
import { fillChecked, fillDate, loginAs, pickOption, submitAndSee } from './browser.ts';
import { browserSuite } from './suite.ts';

const OUT = join(REPO_ROOT, 'test-output', 'e2e');

browserSuite('受灾户登记 (browser)', (env) => {
  it('registers a household on the spot, verifies it twice, issues goods and records 冬春 needs', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    await loginAs(page, base, 'duyun.approver');
    const created = await page.request.post(`${base}/api/v1/disaster/events`, { data: { kind: 'hail', name: '“8·02”风雹灾害', startedOn: '2015-08-02', areas: ['522701001'] } });
    expect(created.status(), await created.text()).toBe(200);
    const { eventNo } = (await created.json()) as { eventNo: string };

    await loginAs(page, base, 'guanghui.caseworker');
    await page.goto(`${base}/disaster/${eventNo}`);
    await page.getByTestId('damage-new').click();
    // The switch, again while the dialog is still zooming in and the first click did not take.
    const fresh = page.getByTestId('damage-fresh');
    await expect.poll(async () => (await fresh.getAttribute('aria-checked')) === 'true' || (await fresh.click(), false), { timeout: 15_000 }).toBe(true);
    await pickOption(page, page.getByTestId('damage-village'), '广惠');
    await page.getByTestId('damage-headName').fill('杨冰雹');
    await page.getByTestId('damage-headIdNumber').fill(makeIdNumber('522701', '1958-03-03', 417, 'male'));
    await page.getByTestId('damage-address').fill('广惠路9号');
    await page.getByTestId('damage-personsAffected').fill('3');
    await fillDate(page.getByTestId('damage-recordedOn'), '2015-08-03');
    await page.getByTestId('damage-submit').click();
    const table = page.getByTestId('damage-table');
    await table.getByText('杨*雹').waitFor();
    const householdNo = (await table.locator('tbody tr td').first().innerText()).trim();
    expect(householdNo).toMatch(/^\d{14}$/);
    expect(await table.innerText()).toContain('待核查');

    await page.getByTestId(`verify-${householdNo}`).click();
    await fillDate(page.getByTestId('verify-value'), '2015-08-04');
    await submitAndSee(page, page.getByTestId('verify-submit'), table.getByText('guanghui.caseworker（2015-08-04）'));

    await loginAs(page, base, 'duyun.approver');
    await page.goto(`${base}/disaster/${eventNo}`);
    await page.getByTestId(`verify-${householdNo}`).click();
    await fillDate(page.getByTestId('verify-value'), '2015-08-05');
    await submitAndSee(page, page.getByTestId('verify-submit'), page.getByTestId('damage-table').getByText('已核查'));
    expect(await page.getByTestId('damage-totals').innerText()).toContain('1 户 3 人');

    await page.getByRole('tab', { name: '物资发放' }).click();
    await page.getByTestId('goods-householdNo').fill(householdNo);
    await page.getByTestId('goods-quantity').fill('2');
    await fillDate(page.getByTestId('goods-issuedOn'), '2015-08-03');
    await page.getByTestId('goods-submit').click();
    await page.getByTestId('goods-totals').getByText('棉被').waitFor();
    expect(await page.getByTestId('goods-totals').innerText()).toContain('条');
    const body = await page.locator('main, .ant-layout-content').first().innerText();
    expect(body).not.toMatch(/\b(quilt|hail|recorded|verified|brick_wood|general)\b/);
    await mkdir(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'disaster-goods.png'), fullPage: true });

    // 救助统计: the register by grade, goods per item, the chart; labels in Chinese
    await page.getByRole('tab', { name: '救助统计' }).click();
    await page.getByTestId('figures-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('figures-goods').innerText()).toContain('棉被');
    expect(await page.getByTestId('figures-relief').innerText()).toContain('应急救助');
    const figuresBody = await page.getByTestId('event-figures').innerText();
    expect(figuresBody).not.toMatch(/\b(quilt|emergency|housing|collapsed|verified)\b/);
    await page.screenshot({ path: join(OUT, 'disaster-figures.png'), fullPage: true });

    await page.goto(`${base}/disaster/winter`);
    await pickOption(page, page.getByTestId('winter-season'), '2015—2016');
    await page.getByTestId('winter-new').click();
    await page.getByTestId('winter-householdNo').fill(householdNo);
    await page.getByTestId('winter-personsFirst').fill('2');
    await fillDate(page.getByTestId('winter-surveyedOn'), '2015-10-10');
    await page.getByTestId('winter-submit').click();
    await page.getByTestId('winter-table').getByText(householdNo).waitFor();
    expect(await page.getByTestId('winter-totals').innerText()).toContain('一类 2 人');
    // The same household again from a file: refused whole, the row and column named.
    await page.getByTestId('winter-file').setInputFiles({ name: '冬春需求.csv', mimeType: 'text/csv', buffer: Buffer.from(`户编号,一类人数,二类人数,三类人数,调查日期,备注\n${householdNo},1,0,0,2015-10-11,\n`) });
    expect(await page.getByTestId('winter-import-error').innerText()).toContain('第 2 行「户编号」');
    await page.screenshot({ path: join(OUT, 'disaster-winter.png'), fullPage: true });
    await page.close();
  });
});
