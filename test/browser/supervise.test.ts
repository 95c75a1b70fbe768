import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, seriousViolations } from '../support/browser.js';
import {
  AGENCY,
  OTHER,
  at,
  openCase,
  recordAct,
  startScreensService,
  type ScreensFixture,
} from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser('the supervision dashboard in Chromium', () => {
  let f: ScreensFixture;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [f, browser] = await Promise.all([startScreensService(), launchBrowser()]);
    context = await browser.newContext({ locale: 'zh-CN' });
    page = await context.newPage();
    await page.goto(`${f.t.url}/signin`);
    await page.locator('#dev-token').fill(f.sam);
    await Promise.all([page.waitForURL(`${f.t.url}/`), page.getByRole('button', { name: '登录' }).click()]);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await f?.t.stop();
  });

  it('when acts are recorded, then each appears at the top of the live feed, linked to its case; other agencies do not', async () => {
    await page.goto(`${f.t.url}/supervise`);
    await page.locator('#live-feed[data-state="live"]').waitFor(WAIT);
    await openCase(f, 'sl-1');
    await recordAct(f, f.alice, 'sl-1', {
      type: 'EvidenceCollected',
      occurredAt: at('09:30'),
      officers: ['alice', 'bob'],
      data: { description: '现场照片' },
    });
    // an act of an agency the supervisor does not supervise, recorded before the last one shown below
    const other = await f.t.call('POST', '/v1/cases', {
      token: f.olga,
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
    await recordAct(f, f.alice, 'sl-1', {
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
    expect(await page.locator('#live-feed').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#live-feed').textContent()).not.toContain(OTHER);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the supervisor narrows the dashboard with the keyboard only, then the page shows that agency', async () => {
    await page.goto(`${f.t.url}/supervise`);
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
    await page.goto(`${f.t.url}/supervise?lang=en`);
    expect(await page.locator('h1').textContent()).toBe('Supervision');
    const chart = page.getByRole('img', { name: /month by month/ });
    expect(await chart.count()).toBe(1);
    expect(await page.locator('table caption', { hasText: 'month by month' }).count()).toBe(1);
    expect(await page.locator('th[scope="row"]').count()).toBe(12);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
