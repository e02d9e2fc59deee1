// One-window intake in a real browser: the 广惠 township window records a request of a registered
// household, assesses its needs and splits it (分办) to two partner departments (医疗保障 and 教育);
// each partner logs in, sees only its own department's referral (the other one is refused), accepts it
// and returns a result; the window's request page then shows 办结. The second partner user is created
// through the API by the prefecture administrator.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { request, type Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../src/kernel/id-number.ts';
import { STRONG_PASSWORD } from '../src/test/passwords.ts';
import { chooseOption, seeLaterProgramme, loginAs, pickOption } from './browser.ts';
import { REPO_ROOT } from './server.ts';
import { browserSuite } from './suite.ts';

const SCREENSHOT = join(REPO_ROOT, 'test-output', 'e2e', 'intake.png');
const PASSWORD = 'jiuzhu-demo';
const seq = Math.floor(Math.random() * 400) * 2;
const GIVEN = '春夏秋冬东南西北';
const pick = () => GIVEN[Math.floor(Math.random() * GIVEN.length)] ?? '春';
const HEAD = { name: `韦${pick()}${pick()}`, id: makeIdNumber('522701', '1968-09-12', seq + 1, 'male') };
const SPOUSE = { name: `蒙${pick()}${pick()}`, id: makeIdNumber('522701', '1970-01-20', seq, 'female') };
const EDUCATION_USER = `duyun.edu${Date.now().toString(36)}`;

function member(id: string, name: string, relation: string) {
  return { idNumber: id, name, relation, hukou: 'urban', workCapacity: 'partial', disabilityKind: null, disabilityGrade: null, seriousIllness: relation === 'head', student: false, categories: [], leftBehind: null };
}

// The education user is created here, so it has a password the policy accepts; demo users keep theirs.
const login = (page: Page, base: string, username: string) => loginAs(page, base, username, /(^| )一门受理$/, username === EDUCATION_USER ? STRONG_PASSWORD : PASSWORD);

/** A partner: the board lists only its own department's referral of the request; accept, return the result. */
async function partnerHandles(page: Page, base: string, username: string, own: { id: string; dept: string; name: string }, other: string, requestNo: string): Promise<void> {
  await login(page, base, username);
  await page.getByRole('menuitem', { name: /(^| )一门受理$/ }).click();
  // Partners do not read whole requests: the intake menu opens their board.
  await page.waitForURL('**/intake/referrals');
  const board = page.getByTestId('referral-board');
  const row = board.locator('tbody tr').filter({ hasText: requestNo });
  await row.waitFor();
  expect(await row.count()).toBe(1);
  expect(await row.innerText()).toContain(own.dept);
  const depts = await board.locator('tbody tr').allInnerTexts();
  expect(depts.every((text) => text.includes(own.dept))).toBe(true);
  // The other department's referral is refused by the server.
  await page.goto(`${base}/intake/referrals/${other}`);
  await page.locator('.ant-result').waitFor();
  expect(await page.locator('.ant-result').innerText()).toMatch(/转办事项 \d+ 不存在/);

  await page.goto(`${base}/intake/referrals`);
  await page.getByTestId('referral-board').locator('tbody tr').filter({ hasText: requestNo }).getByRole('link').click();
  await page.waitForURL(`**/intake/referrals/${own.id}`);
  // The department reads what the window recorded: the situation and the needs assessment (yuan, in Chinese).
  const situation = page.getByTestId('referral-situation');
  await situation.getByText('户主患重病住院，子女上学费用困难').waitFor();
  expect(await page.getByTestId('referral-assessment').innerText()).toMatch(/家庭人口\s*2[\s\S]*有重病\s*是[\s\S]*12,?345\.67/);
  await page.getByTestId('referral-accept').click();
  await page.locator('#referralStep_note').fill('已接收，安排专人办理');
  await page.getByTestId('referral-step-submit').click();
  await page.getByTestId('referral-status-tag').filter({ hasText: '办理中' }).waitFor();
  await page.getByTestId('referral-result').click();
  await chooseOption(page, 'referralStep_outcome', '已救助');
  await page.locator('#referralStep_result').fill(`${own.dept}部门已按规定给予救助`);
  await page.getByTestId('referral-step-submit').click();
  await page.getByTestId('referral-status-tag').filter({ hasText: '已办结' }).waitFor();
  const events = await page.getByTestId('referral-events').innerText();
  expect(events).toMatch(/转办[\s\S]*接收[\s\S]*反馈结果/);
  // The partner is named as staff know it (都匀市医保局), not by its login.
  expect(events).toContain(`接收 · ${own.name}`);
  expect(events).not.toContain(username);
}

browserSuite('one-window intake (browser)', (env) => {
  it('records a request at the window, splits it to two departments, each acts, and the request is 办结', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;

    // A second partner user (education) through the API, as the prefecture administrator.
    const admin = await request.newContext({ baseURL: base });
    const signIn = await admin.post('/api/v1/auth/login', { data: { username: 'qiannan.admin', password: PASSWORD } });
    expect(signIn.status(), await signIn.text()).toBe(200);
    const user = await admin.post('/api/v1/users', { data: { username: EDUCATION_USER, displayName: '都匀市教育局', password: STRONG_PASSWORD, role: 'partner', areaCode: '522701', department: 'education' } });
    expect(user.status(), await user.text()).toBe(201);
    await admin.dispose();

    const page = await browser.context.newPage();
    await login(page, base, 'guanghui.caseworker');

    // The household through the API (the registry form has its own test).
    const household = {
      household: { villageCode: '522701001001', hukou: 'urban', address: '广惠路 12 号', phone: '13800004321', bankName: '农村信用社', bankAccount: '6230123400004321', povertyFile: false, agricultural: false, categories: [] },
      members: [member(HEAD.id, HEAD.name, 'head'), member(SPOUSE.id, SPOUSE.name, 'spouse')],
      incomes: [],
      assets: [],
    };
    const created = await page.request.post(`${base}/api/v1/households`, { data: household });
    expect(created.status(), await created.text()).toBe(201);
    const { householdNo } = (await created.json()) as { householdNo: string };

    // 受理登记 at the window: the household found by the head's name, the head chosen as the person.
    await page.getByRole('menuitem', { name: /(^| )一门受理$/ }).click();
    await page.waitForURL('**/intake');
    await page.getByTestId('intake-new').click();
    await page.waitForURL('**/intake/new');
    await page.locator('#intakeForm_person_householdNo').fill(HEAD.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: householdNo }).click();
    await page.locator('.ant-select', { has: page.locator('#intakeForm_person_idNumber') }).filter({ hasText: HEAD.name }).waitFor();
    await page.locator('#intakeForm_description').fill('户主患重病住院，子女上学费用困难');

    // Without any part the server refuses, and the page shows its message.
    await page.getByTestId('intake-submit').click();
    await page.getByTestId('intake-form-errors').filter({ hasText: '至少办理或转办一项' }).waitFor();

    // A case part offers the programmes the window may open, by their Chinese names from the API (removed again here).
    const registry = (await (await page.request.get(`${base}/api/v1/programmes`)).json()) as { items: { intake: boolean; labels: Record<'zh-CN', { name: string }> }[] };
    await page.getByTestId('add-case-part').click();
    const programmes = page.getByTestId('part-0-programme');
    await programmes.getByRole('radio').first().waitFor();
    expect(await programmes.locator('label').allInnerTexts()).toEqual(registry.items.filter((p) => p.intake).map((p) => p.labels['zh-CN'].name));
    expect(await programmes.getByRole('radio').first().isChecked()).toBe(true);
    await page.getByTestId('part-0').getByRole('button', { name: /删除/ }).click();
    await page.getByTestId('part-0').waitFor({ state: 'detached' });

    // Needs assessment: a rigid medical expense in yuan; the household size comes from the registry.
    expect(await page.locator('#intakeForm_assessment_householdSize').inputValue()).toBe('2');
    await page.getByText('有重病').click();
    await page.getByTestId('add-expense').click();
    await page.locator('#intakeForm_assessment_rigidExpenses_0_amountYuan').fill('12345.67');
    // 分办: medical assistance to 医疗保障, education assistance to 教育.
    await page.getByTestId('add-referral-part').click();
    await chooseOption(page, 'intakeForm_parts_0_department', '医疗保障');
    await chooseOption(page, 'intakeForm_parts_0_need', '医疗救助');
    await page.getByTestId('add-referral-part').click();
    await chooseOption(page, 'intakeForm_parts_1_department', '教育');
    await chooseOption(page, 'intakeForm_parts_1_need', '教育救助');
    await page.getByTestId('intake-submit').click();
    await page.waitForURL(/\/intake\/SL\d{16}$/);
    const requestNo = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('request-open').waitFor();
    const parts = page.getByTestId('request-parts');
    expect(await parts.locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('request-assessment').innerText()).toContain('12,345.67 元');
    const links = await parts.locator('a[href^="/intake/referrals/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const [medical, education] = links.map((h) => h.split('/').pop() ?? '');
    expect(medical && education).toBeTruthy();

    // The request is in the window's list, not yet completed.
    await page.goto(`${base}/intake`);
    const listed = page.getByTestId('intake-requests').locator('tbody tr').filter({ hasText: requestNo });
    await listed.waitFor();
    expect(await listed.innerText()).toContain('0/2');

    // Each partner department sees and handles only its own referral.
    await partnerHandles(page, base, 'duyun.medical', { id: medical ?? '', dept: '医疗保障', name: '都匀市医保局' }, education ?? '', requestNo);
    await partnerHandles(page, base, EDUCATION_USER, { id: education ?? '', dept: '教育', name: '都匀市教育局' }, medical ?? '', requestNo);

    // Back at the window: every part closed, the request is 办结.
    await login(page, base, 'guanghui.caseworker');
    await page.goto(`${base}/intake/${requestNo}`);
    await page.getByTestId('request-completed').waitFor();
    expect(await page.getByTestId('request-completed').innerText()).toContain('办结');
    const closed = await page.getByTestId('request-parts').innerText();
    expect(closed.match(/已办结/g)?.length).toBe(2);
    expect(closed).toContain('按时办结');

    await mkdir(join(REPO_ROOT, 'test-output', 'e2e'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await page.goto(`${base}/intake`);
    const done = page.getByTestId('intake-requests').locator('tbody tr').filter({ hasText: requestNo });
    await done.getByTestId('completed-tag').waitFor();
    expect(await done.innerText()).toContain('2/2');
    await page.close();
  });

  it('opens a case part of a programme added to the registry later, with its opening questions sent as the part\'s details', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    await seeLaterProgramme(page);
    await login(page, base, 'guanghui.caseworker');
    const head = { name: `覃${pick()}${pick()}`, id: makeIdNumber('522701', '1979-07-07', seq + 5, 'male') };
    const h = await page.request.post(`${base}/api/v1/households`, {
      data: {
        household: { villageCode: '522701001001', hukou: 'urban', address: '广惠路 30 号', phone: '13800006789', bankName: '农村信用社', bankAccount: '6230123400006789', povertyFile: false, agricultural: false, categories: [] },
        members: [member(head.id, head.name, 'head')], incomes: [], assets: [],
      },
    });
    expect(h.status(), await h.text()).toBe(201);
    const { householdNo } = (await h.json()) as { householdNo: string };

    await page.goto(`${base}/intake/new`);
    await page.locator('#intakeForm_person_householdNo').fill(head.id);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: householdNo }).click();
    await page.locator('.ant-select', { has: page.locator('#intakeForm_person_idNumber') }).filter({ hasText: head.name }).waitFor();
    await page.getByTestId('add-case-part').click();
    const part = page.getByTestId('part-0');
    await part.getByText('试办临时救助', { exact: true }).click();
    await part.getByText('救助类型').waitFor();
    await part.getByText('支出型', { exact: true }).click();
    await page.locator('#intakeForm_parts_0_details_months').fill('2');
    await part.getByText('现金', { exact: true }).click();
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/v1/intake/requests') && r.method() === 'POST');
    await page.getByTestId('intake-submit').click();
    const body = (await sent).postDataJSON() as { parts: object[] };
    expect(body.parts).toEqual([{ kind: 'case', programme: 'later_claim', note: '', details: { kind: 'expense', urgent: false, months: 2, method: 'cash' } }]);
    // This server's registry does not have it yet: its refusal (parts.0.programme) lands on the part's programme.
    await part.getByText(/未知的救助项目/).waitFor();
    await page.close();
  });

  it('registers a named complaint about a recipient: flagged case, investigation, no closing before feedback, fraud recovery', async () => {
    const { server, browser } = env();
    const base = server.baseUrl;
    const page = await browser.context.newPage();
    await login(page, base, 'guanghui.caseworker');

    // A pending 低保 case of a new household, through the API.
    const head = { name: `潘${pick()}${pick()}`, id: makeIdNumber('522701', '1966-03-03', seq + 3, 'male') };
    const h = await page.request.post(`${base}/api/v1/households`, {
      data: {
        household: { villageCode: '522701001001', hukou: 'urban', address: '广惠路 20 号', phone: '13800005678', bankName: '农村信用社', bankAccount: '6230123400005678', povertyFile: false, agricultural: false, categories: [] },
        members: [member(head.id, head.name, 'head')], incomes: [], assets: [],
      },
    });
    expect(h.status(), await h.text()).toBe(201);
    const { householdNo } = (await h.json()) as { householdNo: string };
    const opened = await page.request.post(`${base}/api/v1/cases`, { data: { programme: 'dibao', householdNo, applicantIdNumber: head.id } });
    expect(opened.status(), await opened.text()).toBe(201);
    const { caseNo } = (await opened.json()) as { caseNo: string };

    // 举报登记: named, about the recipient of the case.
    await page.goto(`${base}/intake/complaints`);
    await page.getByTestId('complaint-new').click();
    await page.waitForURL('**/intake/complaints/new');
    await page.locator('#complaintForm_complainant_name').fill('王举报');
    await page.locator('#complaintForm_complainant_phone').fill('13900009999');
    // The subject found by part of the household's address (no case number typed): the option names the person.
    await pickOption(page, page.locator('#complaintForm_subject_caseNo'), caseNo, '广惠路 20');
    expect(await page.getByTestId('complaint-form').locator('.ant-select-selection-item').filter({ hasText: caseNo }).innerText()).toContain(`${head.name} ${head.id.slice(0, 6)}********${head.id.slice(14)}`);
    await page.locator('#complaintForm_content').fill('该户隐瞒经营收入，骗取低保');
    await page.getByTestId('complaint-submit').click();
    await page.waitForURL(/\/intake\/complaints\/JB\d{16}$/);
    await page.getByText('已标记县级入户核查').first().waitFor();
    const flagged = await page.request.get(`${base}/api/v1/cases/${caseNo}`);
    expect(((await flagged.json()) as { flags: string[] }).flags).toContain('complaint');

    // A click on the dialog's button as it settles can be lost (seen on a loaded machine): clicked again while the
    // dialog stays open without an answer (a loading button ignores clicks, so nothing is submitted twice).
    const stepModal = async (action: string, fill: () => Promise<void>, { refused = false } = {}) => {
      await page.getByTestId(`complaint-${action}`).click();
      await fill();
      const submit = page.getByTestId('complaint-step-submit');
      for (let attempt = 1; ; attempt++) {
        await submit.click();
        if (refused) {
          // A refused step shows the server's message in the dialog; a lost click is clicked again.
          const shown = await page.getByTestId('complaint-step-error').waitFor({ timeout: 5_000 }).then(() => true, () => false);
          if (shown || attempt === 3) return;
          continue;
        }
        const gone = await submit.waitFor({ state: 'detached', timeout: 5_000 }).then(() => true, () => false);
        if (gone) return;
        if (attempt === 3 || (await page.getByTestId('complaint-step-error').count()) > 0) throw new Error(`the ${action} dialog stayed open`);
      }
    };
    const status = (text: string) => page.getByTestId('complaint-status').filter({ hasText: text }).waitFor();
    await stepModal('assign', () => page.locator('#complaintStep_assignee').fill('县民政局监察室'));
    await status('调查中');
    await stepModal('conclude', async () => {
      await chooseOption(page, 'complaintStep_conclusion', '查实');
      await page.locator('#complaintStep_finding').fill('查实该户有经营收入未申报');
    });
    await status('已查结');

    // A named complaint is not closed before the feedback to the complainant: the server's message.
    await stepModal('close', async () => undefined, { refused: true });
    await page.getByTestId('complaint-step-error').filter({ hasText: '实名举报须先记录向举报人反馈' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('complaint-step-error').waitFor({ state: 'detached' });

    await stepModal('feedback', () => page.locator('#complaintStep_content').fill('已电话告知举报人调查结果'));
    await page.getByTestId('complaint-feedback-list').getByText('已电话告知举报人调查结果').waitFor();
    // The area by its names and the recorder by display name, not 522701001001 and a login.
    expect(await page.getByTestId('complaint-area').innerText()).toBe('黔南布依族苗族自治州 › 都匀市 › 广惠街道 › 广惠社区居民委员会');
    expect(await page.getByTestId('complaint-feedback-list').innerText()).toContain('广惠街道窗口经办员');

    // Fraud recovery: amounts in yuan, fine 2 × the amount obtained.
    await stepModal('recovery', async () => {
      await page.locator('#complaintStep_obtainedYuan').fill('3600');
      await page.locator('#complaintStep_recoveredYuan').fill('1000.5');
      await page.locator('#complaintStep_fineMultiple').fill('2');
    });
    const recovery = page.getByTestId('complaint-recovery-list').locator('tbody tr').filter({ hasText: '7,200.00 元' });
    await recovery.waitFor();
    expect(await recovery.innerText()).toContain('1,000.50 元');

    await stepModal('close', async () => undefined);
    await status('已办结');
    await page.close();
  });
});
