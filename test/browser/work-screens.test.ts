import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ACT_FORM_TYPES } from '../../src/web/forms/acts.js';
import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { AGENCY, DAY, openCase } from '../support/screens.js';
import { asVideo } from '../support/media-bytes.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser('the signed-in screens in Chromium: the tour of a major case', () => {
  const s = useScreensInBrowser();
  let officer: Page;
  let supervisor: Page;
  const mediaStatuses: number[] = [];

  beforeAll(async () => {
    ({ page: officer } = await s.signIn(s.f.alice));
    officer.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/media/')) mediaStatuses.push(res.status());
    });
    ({ page: supervisor } = await s.signIn(s.f.sam));
    await supervisor.goto(`${s.f.t.url}/supervise`);
    await supervisor.locator('#live-feed[data-state="live"]').waitFor(WAIT);
  });

  /** Follows the case page's link to an act's form. */
  async function openActForm(page: Page, label: string): Promise<void> {
    await Promise.all([
      page.waitForURL(/\/acts\//),
      page.locator('ul.actions').getByRole('link', { name: label }).click(),
    ]);
  }

  async function submit(page: Page): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '提交' }).click()]);
  }

  /** Waits for the supervisor's live feed to show an act of this type. */
  async function fedAct(label: string): Promise<void> {
    const exactly = new RegExp(`^${label}$`);
    await supervisor.locator('#live-feed li strong').filter({ hasText: exactly }).first().waitFor(WAIT);
  }

  it('when the officer opens a case from the form, then the case page shows it, and the supervisor sees it live', async () => {
    await officer.goto(`${s.f.t.url}/work`);
    expect(await seriousViolations(officer)).toEqual([]);
    await Promise.all([officer.waitForURL(/\/cases\/new$/), officer.getByRole('link', { name: '立案' }).click()]);
    expect(await seriousViolations(officer)).toEqual([]);
    await officer.getByLabel('案件编号').fill('tour-1');
    await officer.getByLabel('执法事项编码').fill('P-001');
    await officer.getByLabel('案由').fill('某律所未公示执业信息案');
    await officer.getByLabel('承办执法人员编号').fill('alice, bob');
    await officer.getByLabel('当事人类型').selectOption('organization');
    await officer.getByLabel('当事人名称或姓名').fill('某某律师事务所');
    await submit(officer);
    expect(officer.url()).toContain(`/cases/${AGENCY}/tour-1`);
    expect(await officer.locator('h1').textContent()).toBe('某律所未公示执业信息案');
    expect(await seriousViolations(officer)).toEqual([]);
    await fedAct('立案');
  });

  it('when a seizure is sent without its recording, then the error is in Chinese, focused, and links to the upload', async () => {
    await openActForm(officer, '查封扣押');
    await officer.getByLabel('查封扣押的财物').fill('电动车一辆');
    await officer.getByLabel('法律依据').fill('《行政强制法》第二十二条');
    await submit(officer);
    const summary = officer.locator('.error-summary');
    expect(await summary.textContent()).toContain('查封扣押、强制拆除须附全程音频或视频记录');
    await officer.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), null, WAIT);
    expect(await officer.getByLabel('查封扣押的财物').inputValue()).toBe('电动车一辆');
    expect(await seriousViolations(officer)).toEqual([]);
  });

  it('when the seizure is sent with a video, then the case page plays it (a range request is answered 206)', async () => {
    await officer.getByLabel('上传音像记录、照片或文书').setInputFiles({
      name: '现场.mp4',
      mimeType: 'video/mp4',
      buffer: asVideo(randomBytes(64 * 1024)),
    });
    await submit(officer);
    expect(officer.url()).toContain(`/cases/${AGENCY}/tour-1`);
    await officer.locator('.timeline strong', { hasText: '查封扣押' }).waitFor(WAIT);
    const video = officer.locator('video');
    expect(await video.count()).toBe(1);
    await officer.waitForFunction(
      () => {
        const v = document.querySelector('video');
        return (
          v !== null && (v.readyState >= 1 || v.networkState === HTMLMediaElement.NETWORK_IDLE || v.error !== null)
        );
      },
      null,
      WAIT,
    );
    expect(mediaStatuses).toContain(206);
    expect(await seriousViolations(officer)).toEqual([]);
    await fedAct('查封扣押');
  });

  it('when the officer requests the review with the keyboard only, then the request is recorded', async () => {
    await openActForm(officer, '提请法制审核');
    await tabTo(officer, 'f-data-proposed-decisionType');
    await officer.keyboard.press('ArrowDown'); // 警告
    await officer.keyboard.press('ArrowDown'); // 罚款
    expect(await officer.locator('#f-data-proposed-decisionType').inputValue()).toBe('fine');
    await officer.keyboard.press('Tab');
    await officer.keyboard.insertText('20000');
    await officer.keyboard.press('Tab');
    await officer.keyboard.insertText('《律师法》第五十条');
    await Promise.all([officer.waitForNavigation(), officer.keyboard.press('Enter')]);
    await officer.locator('.timeline strong', { hasText: '提请法制审核' }).waitFor(WAIT);
    await fedAct('提请法制审核');
  });

  it('when the reviewer approves through the ten-item checklist, then the review is recorded', async () => {
    const { page: reviewer } = await s.signIn(s.f.rita);
    await reviewer.goto(`${s.f.t.url}/reviews`);
    expect(await seriousViolations(reviewer)).toEqual([]);
    await Promise.all([
      reviewer.waitForURL(/LegalReviewCompleted$/),
      reviewer.getByRole('link', { name: '审核' }).click(),
    ]);
    expect(await reviewer.locator('.notice').textContent()).toContain('¥20,000.00');
    expect(await seriousViolations(reviewer)).toEqual([]);
    await reviewer.getByLabel('审核通过').check();
    for (const check of [
      '执法主体合法',
      '执法人员具备执法资格',
      '执法程序合法',
      '案件事实清楚',
      '证据合法充分',
      '适用法律法规准确',
      '适用裁量基准适当',
      '执法行为在法定权限内',
      '执法文书完备规范',
    ]) {
      await reviewer.getByLabel(check).check();
    }
    await reviewer.getByLabel('审核意见').fill('事实清楚，证据充分，程序合法，同意。');
    await submit(reviewer);
    await reviewer
      .locator('.timeline strong')
      .filter({ hasText: /^法制审核$/ })
      .waitFor(WAIT);
    await fedAct('法制审核');
  });

  it('when the officer decides as reviewed and publishes, then the case page shows the decision, and the supervisor each act', async () => {
    await officer.reload();
    await openActForm(officer, '作出决定');
    await officer.getByLabel('决定类型').selectOption('fine');
    await officer.getByLabel('罚款金额（元）').fill('20000');
    await officer.getByLabel('法律依据').fill('《律师法》第五十条');
    await officer.getByLabel('决定书文号').fill('县司罚决字〔2026〕1号');
    await submit(officer);
    await officer.locator('.timeline strong', { hasText: '作出决定' }).waitFor(WAIT);
    await openActForm(officer, '公示决定');
    expect(await officer.getByLabel('公示日期').inputValue()).toBe(DAY);
    await submit(officer);
    await officer.locator('.timeline strong', { hasText: '公示决定' }).waitFor(WAIT);
    expect(await officer.locator('dd.status').textContent()).toBe('已公示');
    expect(await seriousViolations(officer)).toEqual([]);
    await fedAct('作出决定');
    await fedAct('公示决定');
  });

  it('when the supervisor looks at the dashboard, then it has no serious accessibility violation and opens the case file', async () => {
    expect(await seriousViolations(supervisor)).toEqual([]);
    await supervisor.reload();
    expect(await supervisor.locator('#major').count()).toBe(1);
    await shoot(supervisor, 'dashboard');
    await Promise.all([
      supervisor.waitForURL(/\/cases\//),
      supervisor.locator('#major ~ div').getByRole('link', { name: 'tour-1' }).click(),
    ]);
    expect(await supervisor.locator('section[aria-labelledby="access"] table').count()).toBe(1);
    expect(await seriousViolations(supervisor)).toEqual([]);
    await shoot(supervisor, 'case-file');
  });

  it('when a reader opens the decision from the home page, then it shows the decision and the badge verifies it in the browser', async () => {
    const context = await s.newContext();
    const reader = await context.newPage();
    const decision = reader.getByRole('link', { name: '县司罚决字〔2026〕1号' });
    // the public list follows the log: the reader looks again until the decision is listed
    for (let looks = 0; ; looks += 1) {
      await reader.goto(`${s.f.t.url}/`);
      if ((await decision.count()) > 0) break;
      if (looks === 120) throw new Error('the published decision never reached the home page');
      await reader.waitForTimeout(500);
    }
    await Promise.all([reader.waitForURL(new RegExp(`/disclosures/${AGENCY}/tour-1$`)), decision.first().click()]);
    expect(await reader.locator('h1').textContent()).toBe('县司罚决字〔2026〕1号');
    expect(await reader.locator('dl.fields').textContent()).toContain('《律师法》第五十条');
    // the badge's script fetched the proof and the checkpoint and checked both here
    await reader.locator('#ledger-badge[data-verified]').waitFor(WAIT);
    expect(await reader.locator('#ledger-badge').getAttribute('data-verified')).toBe('true');
    expect(await seriousViolations(reader)).toEqual([]);
  });

  it('when each act form is opened, then none has a serious accessibility violation', async () => {
    const forms = await officer.context().newPage();
    for (const type of ACT_FORM_TYPES) {
      const response = await forms.goto(`${s.f.t.url}/cases/${AGENCY}/tour-1/acts/${type}`);
      expect({ type, status: response?.status() }).toEqual({ type, status: 200 });
      expect({ type, violations: await seriousViolations(forms) }).toEqual({ type, violations: [] });
    }
    await forms.close();
  });
});

/**
 * With `SCREENSHOTS_DIR` (`npm run screenshots`), the signed-in screens are shot there beside the public pages, at a
 * desktop width; otherwise nothing is written.
 */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: path.join(dir, `${name}-desktop.png`), fullPage: true });
}

/** Presses Tab until the element with this id has the focus. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`Tab never reached ${id}`);
}

describeInBrowser('going back to a recorded act form in Chromium', () => {
  const s = useScreensInBrowser();

  it('when the officer goes back to a recorded evidence form and submits it again, then a warning in Chinese says it was recorded and nothing more is, until it is submitted once more', async () => {
    await openCase(s.f, 'back-1');
    await s.f.t.service.readModelsCaughtUp();
    const events = async () => (await s.f.t.service.events.readStream(caseStream(AGENCY, 'back-1'))).length;
    const { page } = await s.signIn(s.f.alice);
    const submit = () => Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '提交' }).click()]);
    await page.goto(`${s.f.t.url}/cases/${AGENCY}/back-1/acts/EvidenceCollected`);
    await page.getByLabel('说明').fill('现场照片二');
    await submit();
    expect(page.url()).toMatch(new RegExp(`/cases/${AGENCY}/back-1\\?`));
    const recorded = await events();
    await page.goBack(WAIT);
    await page.getByLabel('说明').waitFor(WAIT);
    // the browser puts back what was typed, or the officer types it again: the same act either way
    if ((await page.getByLabel('说明').inputValue()) !== '现场照片二') await page.getByLabel('说明').fill('现场照片二');
    await submit();
    expect(await page.locator('.error-summary').textContent()).toContain('已记录过内容完全相同的一项');
    expect(await page.getByLabel('说明').inputValue()).toBe('现场照片二');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await events()).toBe(recorded);
    await submit();
    expect(page.url()).toMatch(new RegExp(`/cases/${AGENCY}/back-1\\?`));
    expect(await events()).toBe(recorded + 1);
  });
});
