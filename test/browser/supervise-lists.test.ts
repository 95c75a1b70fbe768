import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, signedInPage, seriousViolations } from '../support/browser.js';
import { seedOverdueDecisions, startScreensService, type ScreensFixture } from '../support/screens.js';

const LATE = 12; // decisions never published: more than the dashboard's ten rows

describeInBrowser('a supervision list in full, a page at a time, in Chromium', () => {
  let f: ScreensFixture;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [f, browser] = await Promise.all([startScreensService(), launchBrowser()]);
    await seedOverdueDecisions(f, 'bl', LATE);
    ({ context, page } = await signedInPage(browser, f.t.url, f.sam));
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await f?.t.stop();
  });

  it('when the supervisor follows "see all" and then the next page, then the rest of the list is shown, with no serious axe violation', async () => {
    await page.goto(`${f.t.url}/supervise`);
    const section = page.locator('section[aria-labelledby="overdue"]');
    expect(await section.locator('tbody tr').count()).toBe(10);
    await Promise.all([
      page.waitForURL(`${f.t.url}/supervise/lists/overdue-disclosures`, { timeout: 60_000 }),
      section.getByRole('link', { name: '查看全部（10+ 项）' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('逾期未公示的执法决定');
    expect(await page.locator('tbody tr').count()).toBe(LATE); // 50 to a page: all of them
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${f.t.url}/supervise/lists/overdue-disclosures?limit=10`);
    await Promise.all([
      page.waitForURL(/cursor=/, { timeout: 60_000 }),
      page.getByRole('link', { name: '下一页' }).click(),
    ]);
    expect(await page.locator('tbody tr').count()).toBe(LATE - 10);
    expect(await page.locator('tbody a').first().textContent()).toBe('bl-11');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
