import type { Page } from 'playwright-core';
import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { AGENCY, OTHER, at, openCase, recordAct } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser('the supervision dashboard in Chromium', () => {
  const s = useScreensInBrowser();
  let page: Page;

  beforeAll(async () => {
    ({ page } = await s.signIn(s.f.sam));
  });

  it('when acts are recorded, then each appears at the top of the live feed, linked to its case; other agencies do not', async () => {
    await page.goto(`${s.f.t.url}/supervise`);
    await page.locator('#live-feed[data-state="live"]').waitFor(WAIT);
    await openCase(s.f, 'sl-1');
    await recordAct(s.f, s.f.alice, 'sl-1', {
      type: 'EvidenceCollected',
      occurredAt: at('09:30'),
      officers: ['alice', 'bob'],
      data: { description: '现场照片' },
    });
    // an act of an agency the supervisor does not supervise, recorded before the last one shown below
    const other = await s.f.t.call('POST', '/v1/cases', {
      token: s.f.olga,
      body: {
        caseId: 'sl-other',
        itemCode: 'P-001',
        title: '他机关案件',
        openedOn: '2026-03-02',
        officers: ['olga', 'oscar'],
        parties: [{ kind: 'person', name: '李四' }],
      },
    });
    expect(other.status).toBe(201);
    await recordAct(s.f, s.f.alice, 'sl-1', {
      type: 'HearingHeld',
      occurredAt: at('10:30'),
      data: { heldOn: '2026-03-02' },
    });
    const feed = page.locator('#live-feed li');
    await feed.filter({ hasText: '听证' }).waitFor(WAIT);
    expect(await feed.first().locator('strong').textContent()).toBe('听证');
    expect(await feed.locator('strong').allTextContents()).toEqual(['听证', '调查取证', '立案']);
    // each act's time in the agency's local time: the evidence as typed (09:30 in China), the opening as the
    // service stamped it, at 10:xx UTC, which is 18:xx there
    const times = feed.locator('time');
    expect(await times.nth(1).textContent()).toBe('2026-03-02 09:30');
    expect(await times.nth(2).getAttribute('datetime')).toMatch(/^2026-03-02T10:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(await times.nth(2).textContent()).toMatch(/^2026-03-02 18:\d{2}$/);
    expect(await feed.first().getByRole('link', { name: 'sl-1' }).getAttribute('href')).toBe(`/cases/${AGENCY}/sl-1`);
    // who recorded it, by the name the agency's officer list gives (test/support/service.ts: 执法人员alice)
    expect(await feed.first().locator('.muted').textContent()).toBe(`${AGENCY} · 执法人员alice（alice）`);
    expect(await page.locator('#live-feed').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#live-feed').textContent()).not.toContain(OTHER);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the supervisor narrows the dashboard with the keyboard only, then the page shows that agency', async () => {
    await page.goto(`${s.f.t.url}/supervise`);
    for (let presses = 0; presses < 60; presses += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) === 'f-agency') break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-agency');
    await page.keyboard.press('ArrowDown'); // the first agency after "all"
    const chosen = await page.locator('#f-agency').inputValue();
    expect(chosen).not.toBe('');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/agency=/), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('agency')).toBe(chosen);
    expect(await page.locator('#f-agency').inputValue()).toBe(chosen);
  });

  it('when the dashboard is read in English, then the chart is an image with a title and its figures are a table, and axe finds nothing serious', async () => {
    await page.goto(`${s.f.t.url}/supervise?lang=en`);
    expect(await page.locator('h1').textContent()).toBe('Supervision');
    const chart = page.getByRole('img', { name: /month by month/ });
    expect(await chart.count()).toBe(1);
    expect(await page.locator('table caption', { hasText: 'month by month' }).count()).toBe(1);
    expect(await page.locator('th[scope="row"]').count()).toBe(12);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
