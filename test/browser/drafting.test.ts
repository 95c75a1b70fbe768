import { pdfText } from '../support/documents.js';
import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { at, openCase, recordAct } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser('drafting a decision document in Chromium (文书制作)', () => {
  const s = useScreensInBrowser();

  beforeAll(async () => {
    await openCase(s.f, 'draft-1');
    await recordAct(s.f, s.f.alice, 'draft-1', {
      type: 'EvidenceCollected',
      occurredAt: at('09:30'),
      data: { description: '现场检查笔录' },
    });
    await s.f.t.service.readModelsCaughtUp();
  });

  it('when a handling officer fills the draft form from the case page, then the PDF and DOCX are offered and the PDF holds the filled decision', async () => {
    const { page } = await s.signIn(s.f.alice, { acceptDownloads: true });
    await page.goto(`${s.f.t.url}/cases/county-justice/draft-1`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '起草决定书' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('起草决定书');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('决定类型').selectOption('fine');
    await page.getByLabel('罚款金额', { exact: false }).fill('1500');
    await page.getByLabel('法律依据').fill('《律师法》第五十条');
    await page.getByLabel('决定书文号').fill('县司罚〔2026〕9号');
    await page.getByLabel('违法事实（可选）').fill('当事人未在执业场所公示律师执业信息');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '生成草稿' }).click()]);

    await page.getByRole('heading', { name: '草稿已生成' }).waitFor(WAIT);
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.getByRole('link', { name: '下载 PDF' }).click(),
    ]);
    const chunks: Buffer[] = [];
    for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
    const text = pdfText(Buffer.concat(chunks));
    expect(text).toContain('行政处罚决定书');
    expect(text).toContain('县司罚〔2026〕9号');
    expect(text).toContain('壹仟伍佰元整');
    expect(text).toContain('当事人未在执业场所公示律师执业信息');
    expect(await page.getByRole('link', { name: '下载 DOCX（可编辑）' }).count()).toBe(1);

    // the answer was a redirect to the draft's own page: switching the language, or reloading, shows the same draft
    // and posts nothing again
    const draftPage = page.url();
    expect(new URL(draftPage).pathname).toMatch(/^\/cases\/county-justice\/draft-1\/drafts\/[A-Za-z0-9-]+$/);
    const sha256 = await page.locator('section[aria-labelledby="draft-ready"] code').textContent();
    await Promise.all([page.waitForNavigation(WAIT), page.getByRole('link', { name: 'English' }).click()]);
    await page.getByRole('heading', { name: 'The draft is ready' }).waitFor(WAIT);
    expect(await page.locator('section[aria-labelledby="draft-ready"] code').textContent()).toBe(sha256);
    expect(await page.getByLabel('Document number').inputValue()).toBe('县司罚〔2026〕9号');
    // the facts typed are kept by the draft (sealed) and fill its page's form again
    expect(await page.locator('textarea[name="facts"]').inputValue()).toBe('当事人未在执业场所公示律师执业信息');
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { name: 'The draft is ready' }).waitFor(WAIT);
    expect(await page.locator('section[aria-labelledby="draft-ready"] code').textContent()).toBe(sha256);
  });

  it('when the form misses the legal basis, then the page says which field, in Chinese, and no draft is offered', async () => {
    const { page } = await s.signIn(s.f.alice);
    await page.goto(`${s.f.t.url}/cases/county-justice/draft-1/draft`);
    await page.getByLabel('决定类型').selectOption('warning');
    await page.getByLabel('决定书文号').fill('县司罚〔2026〕10号');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '生成草稿' }).click()]);
    await page.locator('.error-summary, [role=alert]').first().waitFor(WAIT);
    expect(await page.getByRole('heading', { name: '草稿已生成' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
