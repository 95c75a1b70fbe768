import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from './browser.js';
import { startScreensService, type ScreensFixture } from './screens.js';

export interface ScreensInBrowser {
  /** The screens' service and its users' tokens (set before the file's tests run). */
  readonly f: ScreensFixture;
  /**
   * A new Chinese context signed in with `token`, on the home page; closed with the file. `options` are added to the
   * context's (`acceptDownloads`, say) and may override its locale.
   */
  signIn(token: string, options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** A new context signed in as no one, Chinese unless `options` say otherwise; closed with the file. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * For a browser test file of the signed-in screens: starts the screens' service and a Chromium before its tests
 * and closes both, with every context `signIn` or `newContext` opened, after them. Call it inside `describeInBrowser`.
 */
export function useScreensInBrowser(): ScreensInBrowser {
  let fixture: ScreensFixture | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    [fixture, browser] = await Promise.all([startScreensService(), launchBrowser()]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await fixture?.t.stop();
  });
  return {
    get f() {
      if (!fixture) throw new Error('the screens service is started in beforeAll');
      return fixture;
    },
    async signIn(token, options) {
      const signed = await signedInPage(browser!, this.f.t.url, token, options);
      contexts.push(signed.context);
      return signed;
    },
    async newContext(options) {
      if (!browser) throw new Error('the browser is launched in beforeAll');
      const context = await browser.newContext({ locale: 'zh-CN', ...options });
      contexts.push(context);
      return context;
    },
  };
}
