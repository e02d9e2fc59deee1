// 政策找人 in a real browser (issue 21, must-have 2, staff side): a household of 广惠社区 with a poverty file and
// no case is registered (API); the township caseworker of 广惠街道 generates the visit tasks of the warning
// lists from the page, sees the counts, finds the household's task under 建档立卡未纳入救助 and records its
// outcome (已告知政策、邀请申请) with the date picked; the task is 已办结 and cannot be recorded twice.
// Every label in Chinese, no codes.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { dialogOk as ok, fillDate, loginAs, openDialog as dialog, openOption as option, pickOption } from './browser.ts';
import { accessibilityViolations } from './accessibility.ts';
import { browserSuite } from './suite.ts';

const COUNTY = '522701';
const VILLAGE = '522701001001'; // 广惠社区, 广惠街道
const HEAD = { name: '吴德芳', id: makeIdNumber(COUNTY, '1949-03-02', Math.floor(Math.random() * 400) * 2 + 1, 'female') };

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

browserSuite('政策找人 (browser)', (env) => {
  it('generates the visit tasks, finds a household\'s task and records its outcome once', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();

    await loginAs(page, base, 'guanghui.caseworker', /政策找人/);
    const created = await page.request.post(`${base}/api/v1/households`, { data: {
      household: { villageCode: VILLAGE, hukou: 'rural', address: '广惠路 58 号', phone: '13887650000', bankName: '农村信用社', bankAccount: '6230123400002222', povertyFile: true, agricultural: true, categories: [] },
      members: [{ idNumber: HEAD.id, name: HEAD.name, relation: 'head', hukou: 'rural', sex: 'female', workCapacity: 'none', disabilityKind: null, disabilityGrade: null, seriousIllness: false, student: false, categories: [], leftBehind: null }],
      incomes: [], assets: [],
    } });
    expect(created.status(), await created.text()).toBe(201);
    const { householdNo } = (await created.json()) as { householdNo: string };

    // Generate from the page: the township by default, every list; the counts come back per list.
    await page.getByRole('menuitem', { name: /政策找人/ }).click();
    await page.getByTestId('outreach-generate').click();
    await ok(page).click();
    const summary = dialog(page);
    await summary.getByText('任务已生成').waitFor();
    const text = await summary.innerText();
    expect(text).toContain('广惠街道');
    expect(text).toContain('建档立卡未纳入救助');
    expect(text).not.toMatch(/[a-z]+_[a-z]+/);
    await ok(page).click();

    // The list page meets WCAG 2.1 AA (axe-core: no serious or critical violation).
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // The household's task, under its list.
    await pickOption(page, page.getByTestId('outreach-kind'), '建档立卡未纳入救助');
    // The household is on more than one list (its 符合低保条件未纳入 task too): its row is the one of this list, also
    // while the table still shows every list's tasks (the filter's request in flight).
    const row = page.locator('tbody tr.ant-table-row', { hasText: householdNo }).filter({ hasText: '建档立卡未纳入救助' });
    for (let i = 0; i < 20 && !(await row.isVisible()); i++) {
      const next = page.locator('.ant-pagination-next:not(.ant-pagination-disabled)');
      if ((await next.count()) === 0) break;
      await next.click();
      await page.waitForTimeout(200);
    }
    await row.waitFor();
    expect(await row.innerText()).toContain(HEAD.name);
    expect(await row.innerText()).toContain('待走访');

    // Record the outcome with the date picked.
    await row.getByRole('button', { name: '登记结果' }).click();
    await pickOption(page, dialog(page).getByTestId('outreach-outcome'), '已告知政策、邀请申请');
    await fillDate(dialog(page).locator('.ant-picker input'), today());
    await ok(page).click();
    await dialog(page).waitFor({ state: 'detached' }).catch(() => undefined);

    // Closed: it leaves the open list, and the closed list shows it 已办结 with its outcome and no button.
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    await pickOption(page, page.getByTestId('outreach-status'), '已办结');
    const closed = page.locator('tbody tr.ant-table-row', { hasText: householdNo });
    await expect.poll(async () => ((await closed.count()) > 0 ? await closed.first().innerText() : ''), { timeout: 15_000 }).toContain('已办结');
    expect(await closed.first().innerText()).toContain('已告知政策、邀请申请');
    expect(await closed.first().getByRole('button', { name: '登记结果' }).count()).toBe(0);
    await page.close();
  }, 120_000);
});
