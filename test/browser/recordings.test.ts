import type { Browser, BrowserContext } from 'playwright-core';
import { describeInBrowser, launchBrowser, seriousViolations } from '../support/browser.js';
import { AGENCY, type ScreensFixture } from '../support/screens.js';
import { recordingFixture } from '../web/recording-fixture.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser('the recording list and the devices in Chromium', () => {
  let f: ScreensFixture;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    [f, browser] = await Promise.all([recordingFixture(), launchBrowser()]);
    context = await browser.newContext({ locale: 'zh-CN' });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await f?.t.stop();
  });

  it('when the public list is opened from the navigation, then it shows the floors and the entries, and axe finds no serious violation', async () => {
    const page = await context.newPage();
    await page.goto(`${f.t.url}/`);
    await Promise.all([
      page.waitForURL(/\/recording-list/, WAIT),
      page.getByRole('link', { name: '音像记录事项' }).click(),
    ]);
    await page.goto(`${f.t.url}/recording-list?agency=${AGENCY}`);
    expect((await page.locator('h1').textContent())?.trim()).toBe('音像记录事项清单');
    expect(await page.locator('#floors-heading + p + .table-wrap tbody tr').count()).toBe(2);
    expect(await page.locator('section[aria-labelledby="entries-heading"]').textContent()).toContain('公告张贴过程');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('when a supervisor signs in and opens the devices page from the dashboard, then the device and its recording show, and axe finds no serious violation', async () => {
    const page = await context.newPage();
    await page.goto(`${f.t.url}/signin`);
    await page.locator('#dev-token').fill(f.sam);
    await Promise.all([page.waitForURL(`${f.t.url}/`, WAIT), page.getByRole('button', { name: '登录' }).click()]);
    await page.goto(`${f.t.url}/supervise`);
    await Promise.all([
      page.waitForURL(/\/supervise\/devices/, WAIT),
      page.getByRole('link', { name: '执法记录仪与音像记录' }).click(),
    ]);
    expect((await page.locator('h1').textContent())?.trim()).toBe('执法记录仪与音像记录');
    await page.getByRole('link', { name: 'cam-07' }).click();
    await page.waitForURL(/deviceId=cam-07/, WAIT);
    expect(await page.locator('#recordings-heading').textContent()).toContain('cam-07');
    expect(await page.getByRole('link', { name: 'rec-1' }).getAttribute('href')).toBe(`/cases/${AGENCY}/rec-1`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
