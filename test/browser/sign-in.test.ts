import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, seriousViolations } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';
import { startOidcProvider, type OidcProvider } from '../support/oidc-provider.js';
import { freePort } from '../support/oidc-flow.js';

describeInBrowser('signing in to the portal in Chromium', () => {
  let provider: OidcProvider;
  let svc: TestService;
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    const port = await freePort();
    const callback = `http://127.0.0.1:${port}/signin/callback`;
    // the provider on localhost, the portal on 127.0.0.1: two sites, as an agency's provider and portal are
    [provider, browser] = await Promise.all([
      startOidcProvider({
        host: 'localhost',
        clients: [{ client_id: 'ledger-portal', client_secret: 'browser-test-secret', redirect_uris: [callback] }],
        accounts: { wang: { name: '王执法', agency: 'county-a', roles: ['officer'] } },
      }),
      launchBrowser(),
    ]);
    svc = await startTestService({
      PORT: String(port),
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'ledger-portal',
      OIDC_CLIENT_SECRET: 'browser-test-secret',
      OIDC_REDIRECT_URL: callback,
      OIDC_SCOPES: 'openid profile ledger',
      OIDC_PROVIDER_NAME: '统一身份认证',
      PORTAL_DEV_SIGNIN: 'true', // both ways on one page, for the accessibility check
    });
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'zh-CN' });
  });
  afterEach(() => context.close());
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
    await provider?.close();
  });

  it("when a user signs in through the provider's own login and consent pages, then they land back signed in, named in the header", async () => {
    const page = await context.newPage();
    await page.goto(`${svc.url}/`);
    await page.getByRole('link', { name: '登录' }).click();
    await page.getByRole('link', { name: '使用统一身份认证登录' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill('wang');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${svc.url}/`);
    await page.locator('header .who').waitFor();
    expect(await page.locator('header .who').textContent()).toBe('王执法 · county-a');
    expect(await page.getByRole('button', { name: '退出' }).count()).toBe(1);
  });

  it('when the sign-in page is checked with axe, then it has no serious or critical violation', async () => {
    const page = await context.newPage();
    await page.goto(`${svc.url}/signin`);
    expect(await page.locator('h1').textContent()).toBe('登录');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when someone uses only the keyboard, then the development sign-in opens a session and sign-out ends it', async () => {
    const page = await context.newPage();
    await page.goto(`${svc.url}/signin`);
    await tabTo(page, 'dev-token');
    await page.keyboard.insertText(svc.token('alice', 'county-a', ['officer']));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('登录');
    await Promise.all([page.waitForURL(`${svc.url}/`), page.keyboard.press('Enter')]);
    expect(await page.locator('header .who').textContent()).toBe('alice · county-a');
    await tabTo(page, undefined, '退出');
    // the page is already at `/`, so waiting for that URL would not wait: wait for the signed-out page itself
    const signedOut = page.waitForResponse(
      (r) => r.url() === `${svc.url}/` && r.request().method() === 'GET' && r.status() === 200,
    );
    await page.keyboard.press('Enter');
    await signedOut;
    await page.waitForLoadState('domcontentloaded');
    expect(await page.locator('header .who').count()).toBe(0);
    expect(await page.getByRole('link', { name: '登录' }).count()).toBeGreaterThan(0);
  });
});

/** Presses Tab until the element with this id (or the button with this text) has the focus. */
async function tabTo(page: Page, id: string | undefined, text?: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      id: document.activeElement?.id,
      text: document.activeElement?.textContent?.trim(),
    }));
    if ((id !== undefined && focused.id === id) || (text !== undefined && focused.text === text)) return;
  }
  throw new Error(`Tab never reached ${id ?? text}`);
}
