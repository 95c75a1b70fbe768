import type { Page } from 'playwright-core';
import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { seedOverdueDecisions } from '../support/screens.js';

const LATE = 12; // decisions never published: more than the dashboard's ten rows

describeInBrowser('a supervision list in full, a page at a time, in Chromium', () => {
  const s = useScreensInBrowser();
  let page: Page;

  beforeAll(async () => {
    await seedOverdueDecisions(s.f, 'bl', LATE);
    ({ page } = await s.signIn(s.f.sam));
  }, 180_000);

  it('when the supervisor follows "see all" and then the next page, then the rest of the list is shown, with no serious axe violation', async () => {
    await page.goto(`${s.f.t.url}/supervise`);
    const section = page.locator('section[aria-labelledby="overdue"]');
    expect(await section.locator('tbody tr').count()).toBe(10);
    await Promise.all([
      page.waitForURL(`${s.f.t.url}/supervise/lists/overdue-disclosures`, { timeout: 60_000 }),
      section.getByRole('link', { name: '查看全部（10+ 项）' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('未按期公示的执法决定');
    expect(await page.locator('tbody tr').count()).toBe(LATE); // 50 to a page: all of them
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${s.f.t.url}/supervise/lists/overdue-disclosures?limit=10`);
    await Promise.all([
      page.waitForURL(/cursor=/, { timeout: 60_000 }),
      page.getByRole('link', { name: '下一页' }).click(),
    ]);
    expect(await page.locator('tbody tr').count()).toBe(LATE - 10);
    expect(await page.locator('tbody a').first().textContent()).toBe('bl-11');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
