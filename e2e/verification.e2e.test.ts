// Economic status verification in a real browser: the county approver loads a vehicles snapshot (a car
// of the applicant's household); the township caseworker records the household's authorization on the
// case page, requests the verification, sees the car over the limit block the step, resolves it as a
// false match, records the result from the request, and the case moves on to 已核对.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { REPO_ROOT } from './server.ts';
import { confirmPopup, loginAs, pickOption } from './browser.ts';
import { browserSuite } from './suite.ts';

const SCREENSHOT = join(REPO_ROOT, 'test-output', 'e2e', 'verification.png');
const seq = 400 + Math.floor(Math.random() * 200) * 2;
const HEAD = { name: '罗核对', id: makeIdNumber('522701', '1971-07-08', seq + 1, 'male') };
const SPOUSE = { name: '吴核对', id: makeIdNumber('522701', '1973-09-10', seq, 'female') };

function daysAgo(n: number): string {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  return fmt.format(new Date(Date.now() - n * 86_400_000));
}

function member(id: string, name: string, relation: string) {
  return { idNumber: id, name, relation, hukou: 'urban', workCapacity: 'partial', disabilityKind: null, disabilityGrade: null, seriousIllness: false, student: false, categories: [], leftBehind: null };
}

const login = (page: Page, base: string, username: string) => loginAs(page, base, username, /(^| )案件$/);

browserSuite('economic status verification (browser)', (env) => {
  it('a caseworker resolves a finding and the case moves on', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();

    // The county approver loads the partner data: a car registered to the spouse, beside another person's.
    await login(page, base, 'duyun.approver');
    const snap = await page.request.post(`${base}/api/v1/verification/sources/vehicles/records`, {
      data: { snapshotDate: daysAgo(1), records: [{ idNumber: SPOUSE.id, item: '小型汽车', detail: '贵J·E2E01' }, { idNumber: makeIdNumber('522799', '1980-01-01', 7, 'male'), item: 'car', detail: '贵J·OTHER' }] },
    });
    expect(snap.status(), await snap.text()).toBe(201);

    // The caseworker: household, case and home visit through the API (their own tests cover the forms).
    await login(page, base, 'guanghui.caseworker');
    const household = {
      household: { villageCode: '522701001001', hukou: 'urban', address: '广惠路 77 号', phone: '13800004321', bankName: '农村信用社', bankAccount: '6230123400004321', povertyFile: false, agricultural: false, categories: [] },
      members: [member(HEAD.id, HEAD.name, 'head'), member(SPOUSE.id, SPOUSE.name, 'spouse')], incomes: [], assets: [],
    };
    const created = await page.request.post(`${base}/api/v1/households`, { data: household });
    expect(created.status(), await created.text()).toBe(201);
    const { householdNo } = (await created.json()) as { householdNo: string };
    const opened = await page.request.post(`${base}/api/v1/cases`, { data: { programme: 'dibao', householdNo, applicantIdNumber: HEAD.id, appliedOn: daysAgo(3) } });
    expect(opened.status(), await opened.text()).toBe(201);
    const { caseNo } = (await opened.json()) as { caseNo: string };
    const visited = await page.request.post(`${base}/api/v1/cases/${caseNo}/transitions`, { data: { action: 'home_visit', data: { date: daysAgo(2), staff: ['王明', '李芳'], findings: '家中无大件资产，情况属实' } } });
    expect(visited.status(), await visited.text()).toBe(200);

    await page.goto(`${base}/cases/${caseNo}`);
    const section = page.getByTestId('case-verification');
    await section.waitFor();
    await page.getByTestId('case-state').filter({ hasText: '已入户调查' }).waitFor();
    expect(await page.getByTestId('verification-request').isDisabled()).toBe(true);

    // 授权书 signed by the spouse, picked from the household's members (masked; nothing typed), then 发起核对.
    const maskedSpouse = `${SPOUSE.id.slice(0, 6)}********${SPOUSE.id.slice(14)}`;
    await pickOption(page, page.getByTestId('signer-member'), `${SPOUSE.name}（配偶）${maskedSpouse}`);
    await page.getByTestId('authorization-save').click();
    await section.getByText(`家庭成员 ${SPOUSE.name}`).waitFor();
    await page.getByTestId('verification-request').click();
    const finding = section.locator('tbody tr').filter({ hasText: '小型汽车' });
    await finding.waitFor();
    const row = await finding.innerText();
    expect(row).toContain(SPOUSE.name);
    expect(row).toContain('超出限额');
    expect(await section.locator('tbody tr').filter({ hasText: 'OTHER' }).count()).toBe(0);
    await section.getByText('1 项超限发现待处理').waitFor();
    expect(await page.getByTestId('verification-result').isDisabled()).toBe(true);

    // 处理: a false match, with a note.
    await pickOption(page, finding.getByTestId('resolution'), '误匹配');
    await finding.getByTestId('resolution-note').fill('车辆已于上月过户他人，登记信息滞后');
    await finding.getByTestId('resolution-save').click();
    await section.getByText('超限发现已全部处理').waitFor();
    await finding.getByText('误匹配').waitFor();

    // The step is no longer blocked: record the result from the request; the case moves on.
    const result = page.getByTestId('verification-result');
    await expect.poll(async () => result.isDisabled(), { timeout: 10_000 }).toBe(false);
    await result.click();
    // It asks first, saying which result from which request.
    await page.getByTestId('verification-result-confirm').filter({ hasText: /按核对请求 \S+（\d+ 人，比对发现 \d+ 项）记录核对结果「符合」/ }).waitFor();
    await confirmPopup(page);
    await page.getByTestId('case-state').filter({ hasText: '已核对' }).waitFor();
    const timeline = await page.getByTestId('case-timeline').innerText();
    expect(timeline).toContain('家庭经济状况核对');

    await mkdir(join(REPO_ROOT, 'test-output', 'e2e'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.close();
  });
});
