import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { AGENCY, at, openCase, recordAct } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser('issuing a drafted decision and setting the review time limit, in Chromium', () => {
  const s = useScreensInBrowser();

  beforeAll(async () => {
    await openCase(s.f, 'bi-1');
    await recordAct(s.f, s.f.alice, 'bi-1', {
      type: 'EvidenceCollected',
      occurredAt: at('09:30'),
      data: { description: '现场检查笔录' },
    });
    await s.f.t.service.readModelsCaughtUp();
  }, 120_000);

  it('when an officer drafts a decision and issues it from the draft, then the case page names the issued PDF, with no serious axe violation', async () => {
    const { page } = await s.signIn(s.f.alice);
    await page.goto(`${s.f.t.url}/cases/${AGENCY}/bi-1/draft`);
    await page.getByLabel('决定类型').selectOption('fine');
    await page.getByLabel('罚款金额', { exact: false }).fill('1500');
    await page.getByLabel('法律依据').fill('《律师法》第五十条');
    await page.getByLabel('决定书文号').fill('县司罚〔2026〕31号');
    await Promise.all([page.waitForNavigation(WAIT), page.getByRole('button', { name: '生成草稿' }).click()]);
    const sha256 = (await page.locator('#draft-ready ~ p code').textContent())!.trim();
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);

    await Promise.all([page.waitForNavigation(WAIT), page.getByRole('link', { name: '签发此草稿' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('作出决定');
    const issued = page.locator('section[aria-labelledby="issued-document"]');
    expect(await issued.locator('code').textContent()).toBe(sha256);
    expect(await page.getByLabel('决定类型').inputValue()).toBe('fine');
    expect(await page.getByLabel('罚款金额', { exact: false }).inputValue()).toBe('1500.00');
    expect(await page.getByLabel('决定书文号').inputValue()).toBe('县司罚〔2026〕31号');
    expect(await seriousViolations(page)).toEqual([]);

    await Promise.all([
      page.waitForURL(new RegExp(`/cases/${AGENCY}/bi-1\\?consistentWith=`), WAIT),
      page.getByRole('button', { name: '提交' }).click(),
    ]);
    const document = page.locator('#decision-document');
    await document.waitFor(WAIT);
    expect(await document.locator('code').textContent()).toBe(sha256);
    expect(await document.getByRole('link', { name: '下载决定书' }).getAttribute('href')).toBe(`/media/${sha256}`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when an administrator sends the review time limit empty and then filled in, then the errors name both fields and the new limit is shown, with no serious axe violation', async () => {
    const { page } = await s.signIn(s.f.admin);
    await page.goto(`${s.f.t.url}/admin/review-settings`);
    await Promise.all([page.waitForNavigation(WAIT), page.getByRole('button', { name: '保存' }).click()]);
    await page.locator('.error-summary').waitFor(WAIT);
    // both fields were left empty: both are named, each linked to its field and marked
    expect(await page.locator('.error-summary a').allTextContents()).toEqual([
      expect.stringContaining('审核时限（工作日）'),
      expect.stringContaining('调整理由'),
    ]);
    expect(await page.getByLabel('调整理由').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('审核时限（工作日）').fill('8');
    await page.getByLabel('调整理由').fill('依局务会决定调整');
    await Promise.all([page.waitForNavigation(WAIT), page.getByRole('button', { name: '保存' }).click()]);
    expect(await page.locator('#review-limit').textContent()).toBe('8个工作日（本机关设定，第 1 版）');
    expect(await page.locator('p.notice[role=status]').textContent()).toContain('审核时限已调整');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
