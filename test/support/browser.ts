import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumLaunchOptions, chromiumPath, chromiumUnavailable, SHARED_CHROMIUM_VARIABLE } from '../global-setup.js';

/** `describe`, or, when Chromium cannot run, one printed line saying so and no tests. */
export function describeInBrowser(name: string, body: () => void): void {
  const reason = chromiumUnavailable();
  if (reason) {
    describe(name, () => {
      it.skip(`needs Chromium: ${reason}`, () => {});
    });
    console.log(`${name}: browser tests not run: ${reason}`);
    return;
  }
  describe(name, body);
}

/**
 * A Chromium for one test file: a connection to the run's shared Chromium when the global set-up started one (see
 * `startSharedChromium`), else one started for the file. Either way the file works in contexts of its own, which
 * share no cookies, storage or cache with any other file's, and `close()` closes them (and the browser, if the
 * file's own).
 */
export async function launchBrowser(): Promise<Browser> {
  const shared = process.env[SHARED_CHROMIUM_VARIABLE];
  if (shared) return chromium.connect(shared, { timeout: 60_000 });
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(chromiumUnavailable());
  return chromium.launch(chromiumLaunchOptions(executablePath));
}

const require = createRequire(__filename);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it stands and returns the serious and critical
 * violations, each with the selectors of the elements at fault.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // evaluated through the DevTools protocol, which the pages' Content-Security-Policy (no inline script) allows (a
  // session of the protocol of its own costs less than Playwright's evaluate of half a megabyte of source), once to
  // a document
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    const session = await page.context().newCDPSession(page);
    try {
      const { exceptionDetails } = await session.send('Runtime.evaluate', { expression: AXE_SOURCE });
      if (exceptionDetails) throw new Error(`axe-core did not load: ${exceptionDetails.text}`);
    } finally {
      await session.detach();
    }
  }
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<any> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // every violation in full; of what passed or did not apply, axe then keeps one node, which costs less
      resultTypes: ['violations'],
    });
    return (result.violations as any[]).map((v) => ({
      id: v.id as string,
      impact: v.impact as string | null,
      help: v.help as string,
      nodes: (v.nodes as any[]).map((n) => String(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * A new Chinese browser context signed in to the portal at `baseUrl` with a dev token through the sign-in page (as a
 * person would), on the home page once the sign-in has answered. `options` are added to the context's (and may override
 * its locale).
 */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  token: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signin`);
  await page.locator('#dev-token').fill(token);
  await Promise.all([
    page.waitForURL(`${baseUrl}/`, { timeout: 60_000 }),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
  return { context, page };
}
