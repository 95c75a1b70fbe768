import type { Browser, BrowserContext } from 'playwright-core';
import { describeInBrowser, launchBrowser, seriousViolations } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';

describeInBrowser('the portal frame in Chromium', () => {
  let svc: TestService;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    [svc, browser] = await Promise.all([startTestService(), launchBrowser()]);
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'zh-CN' });
  });
  afterEach(() => context.close());
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });

  it('when the home page is opened, then it is in Chinese, styled, and has no serious accessibility violation', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${svc.url}/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.title()).resolves.toContain('行政执法公示与监督平台');
    const stylesheet = await page.evaluate(() => document.styleSheets.length);
    expect(stylesheet).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when an element breaks an accessibility rule, then the axe check reports it (the check is live)', async () => {
    const page = await context.newPage();
    await page.goto(`${svc.url}/`);
    await page.evaluate(() => document.querySelector('main')!.append(document.createElement('img')));
    expect((await seriousViolations(page)).map((v) => v.id)).toContain('image-alt');
  });

  it('when the reader follows the language switch, then the page and the next ones are in English', async () => {
    const page = await context.newPage();
    await page.goto(`${svc.url}/`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto(`${svc.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when a browser asks for a page that does not exist, then it gets the portal 404 page in its language', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${svc.url}/no-such-page`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('页面不存在');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
