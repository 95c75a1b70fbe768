import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from './browser.js';
import { startScreensService, type ScreensFixture } from './screens.js';

export interface ScreensInBrowser {
  /** The screens' service and its users' tokens (set before the file's tests run). */
  readonly f: ScreensFixture;
  /** A new Chinese context signed in with `token`, on the home page; closed with the file. */
  signIn(token: string): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * For a browser test file of the signed-in screens: starts the screens' service and a Chromium before its tests
 * and closes both, with every context `signIn` opened, after them. Call it inside `describeInBrowser`.
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
    async signIn(token) {
      const signed = await signedInPage(browser!, this.f.t.url, token);
      contexts.push(signed.context);
      return signed;
    },
  };
}
