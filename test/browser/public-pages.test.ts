import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { describeInBrowser, launchBrowser, seriousViolations } from '../support/browser.js';
import type { TestService } from '../support/service.js';
import { COUNTY, publicFixture } from '../web/public-fixture.js';

/**
 * Where the screenshots go: `SCREENSHOTS_DIR` (`npm run screenshots` sets it to `docs/screenshots`, which the README
 * links), else a temporary folder, so every run takes them and checks they are PNG images.
 */
const SHOTS = process.env.SCREENSHOTS_DIR
  ? path.resolve(process.env.SCREENSHOTS_DIR)
  : fs.mkdtempSync(path.join(os.tmpdir(), 'public-shots-'));

const PAGES = [
  { route: '/', h1: '行政执法公示与监督平台', shot: 'home' },
  { route: '/disclosures', h1: '执法决定公示', shot: 'disclosures' },
  { route: `/disclosures/${COUNTY}/pub-1`, h1: '县司罚〔2026〕1号', shot: 'decision' },
  { route: '/disclosures/redaction', h1: '如何核验脱敏公示' },
  { route: '/officers', h1: '执法人员名单' },
  { route: '/items', h1: '执法事项清单' },
  { route: '/statistics', h1: '2026 年度行政执法统计', shot: 'statistics' },
  { route: '/statistics/2025', h1: '2025 年度行政执法统计' },
] as const;

const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

describeInBrowser('the public pages in Chromium', () => {
  let t: TestService;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    [{ t }, browser] = await Promise.all([publicFixture(), launchBrowser()]);
  }, 120_000);
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'zh-CN' });
  });
  afterEach(() => context.close());
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it.each(PAGES)('when $route is opened, then its heading shows and axe finds no serious violation', async (p) => {
    const page = await context.newPage();
    const response = await page.goto(t.url + p.route);
    expect(response?.status()).toBe(200);
    expect((await page.locator('h1').textContent())?.trim()).toBe(p.h1);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the decision page is opened, then its ledger badge names the event and the script verifies it', async () => {
    const page = await context.newPage();
    await page.goto(`${t.url}/disclosures/${COUNTY}/pub-1`);
    const badge = page.locator('#ledger-badge');
    expect(await badge.getAttribute('data-event-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await badge.getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('dl.fields').textContent()).toContain('已按期公示');
    // the masked name's commitment, and the way to the page that says how a party proves it
    expect(await page.locator('code.digest').first().textContent()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await page.locator('a[href="/disclosures/redaction"]').count()).toBe(1);
    // the badge script checks the event against the signed log in this browser
    await page.waitForSelector('#ledger-badge[data-verified]', { timeout: 60_000 });
    expect(await badge.getAttribute('data-verified')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the statistics page is opened, then each chart is an image with a name and a table beside it', async () => {
    const page = await context.newPage();
    await page.goto(`${t.url}/statistics`);
    const charts = page.getByRole('img');
    expect(await charts.count()).toBe(4);
    expect(await page.getByRole('img', { name: '执法决定数量（按类型）' }).count()).toBe(1);
    expect(await page.locator('section.figure table').count()).toBe(4);
  });

  it('when the filter form is used with the keyboard only, then it narrows the list to what was chosen', async () => {
    const page = await context.newPage();
    await page.goto(`${t.url}/disclosures`);
    const focused = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
    // Tab from the top of the page to the search field
    for (let i = 0; i < 40 && (await focused()) !== 'q'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('q');
    // a document number's tail both a penalty and a licence carry; the category narrows it to the licence
    await page.keyboard.type('〔2026〕1号');
    for (const name of ['agency', 'itemCode', 'category']) {
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(name);
    }
    // the category list: 全部, 行政处罚, 行政许可
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('select[name=category]').inputValue()).toBe('licensing');
    // on through the two date fields (Chromium tabs through each part of a date) to the button
    const tag = () => page.evaluate(() => document.activeElement?.tagName);
    for (let i = 0; i < 12 && (await tag()) !== 'BUTTON'; i++) await page.keyboard.press('Tab');
    expect(await tag()).toBe('BUTTON');
    await Promise.all([page.waitForURL(/category=licensing/), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('〔2026〕1号');
    const links = await page.locator('ul.cards a').allTextContents();
    expect(links).toEqual(['市许〔2026〕1号']);
    expect(await page.locator('select[name=category]').inputValue()).toBe('licensing');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the main pages are shot at a phone and a desktop width, then PNG images are written, and at the phone width nothing is wider than the screen', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const [name, viewport] of Object.entries(WIDTHS)) {
      const shots = await browser.newContext({ locale: 'zh-CN', viewport });
      const page = await shots.newPage();
      for (const p of PAGES) {
        if (!('shot' in p) && name !== 'phone') continue;
        await page.goto(t.url + p.route);
        if (name === 'phone') {
          // usable on a phone: the page reflows to the screen (WCAG 1.4.10), so nobody scrolls sideways to read it
          const { scrollWidth, clientWidth } = await page.evaluate(() => {
            const { scrollWidth, clientWidth } = document.documentElement;
            return { scrollWidth, clientWidth };
          });
          expect({ route: p.route, scrollWidth }).toEqual({ route: p.route, scrollWidth: clientWidth });
        }
        if (!('shot' in p)) continue;
        if (p.shot === 'decision') await page.waitForSelector('#ledger-badge[data-verified]', { timeout: 60_000 });
        const file = path.join(SHOTS, `${p.shot}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect([...fs.readFileSync(file).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      }
      await shots.close();
    }
  });
});
