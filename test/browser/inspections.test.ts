import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, seriousViolations } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { INSPECTION_AGENCY, PLAN_ID, seedDrawnPlan, seedPlan } from '../support/inspections.js';
import { startTestService, type TestService } from '../support/service.js';

/**
 * The "double random, one public" pages: the list and a plan, server-rendered, Chinese first, readable without
 * JavaScript and without serious axe violations; the plan page's script re-runs the draw in Chromium and agrees
 * with `ledger draw verify`.
 */
describeInBrowser('the inspection pages', () => {
  let svc: TestService;
  let browser: Browser;
  let page: Page;
  let plan: any;

  beforeAll(async () => {
    [svc, browser] = await Promise.all([startTestService(), launchBrowser()]);
    await seedDrawnPlan(svc);
    plan = (await svc.call('GET', `/v1/inspections/${INSPECTION_AGENCY}/${PLAN_ID}`)).body;
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });

  it('when the list is opened, then it shows the plan in Chinese, links to it, and has no serious axe violation', async () => {
    await page.goto(`${svc.url}/inspections`);
    expect(await page.locator('h1').textContent()).toBe('“双随机、一公开”抽查');
    const link = page.locator(`a[href="/inspections/${INSPECTION_AGENCY}/${PLAN_ID}"]`);
    expect(await link.textContent()).toBe(plan.title);
    expect(await page.locator('nav a[href="/inspections"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the plan page is read without JavaScript, then the seed, the targets and the inspectors are on it', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const bare = await context.newPage();
    await bare.goto(`${svc.url}/inspections/${INSPECTION_AGENCY}/${PLAN_ID}`);
    expect(await bare.locator('#draw-seed').textContent()).toBe(plan.draw.seed);
    const rows = await bare.locator('#draw-targets tbody tr').all();
    expect(rows).toHaveLength(plan.draw.targets.length);
    for (const [i, target] of plan.draw.targets.entries()) {
      expect(await rows[i]!.getAttribute('data-subject')).toBe(target.subjectId);
      expect(await rows[i]!.textContent()).toContain(target.inspectors.join('、'));
    }
    expect(await bare.locator('#draw-run').isVisible()).toBe(false);
    expect(await bare.locator('#draw-check pre').textContent()).toContain(
      `ledger draw verify --agency ${INSPECTION_AGENCY}`,
    );
    await context.close();
  });

  it('when the browser re-runs the draw, then it matches, and its seed and targets are those of ledger draw verify', async () => {
    await page.goto(`${svc.url}/inspections/${INSPECTION_AGENCY}/${PLAN_ID}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('#draw-run');
    await page.waitForSelector('#draw-result[data-valid]', { timeout: 60_000 });
    const result = page.locator('#draw-result');
    expect(await result.getAttribute('data-valid')).toBe('true');
    const cli = await runCli([
      'draw',
      'verify',
      '--agency',
      INSPECTION_AGENCY,
      '--plan',
      PLAN_ID,
      '--url',
      svc.url,
      '--json',
    ]);
    expect(cli.code).toBe(0);
    const report = JSON.parse(cli.stdout);
    expect(await result.getAttribute('data-seed')).toBe(report.seed);
    expect(JSON.parse((await result.getAttribute('data-targets'))!)).toEqual(report.targets);
    expect(await result.textContent()).toContain('复核一致');
  });

  it('when a plan awaits its draw, then its page says at which ledger size the draw is made', async () => {
    const other = await startTestService();
    try {
      const { drawAtSize } = await seedPlan(other);
      await other.service.readModelsCaughtUp();
      await page.goto(`${other.url}/inspections/${INSPECTION_AGENCY}/${PLAN_ID}?lang=en`);
      expect(await page.locator('.notice').textContent()).toContain(`${drawAtSize} records`);
      expect(await page.locator('#draw-run').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await other.stop();
    }
  });

  it('when an unknown plan is asked, then the portal answers 404', async () => {
    const res = await page.goto(`${svc.url}/inspections/${INSPECTION_AGENCY}/no-such-plan`);
    expect(res?.status()).toBe(404);
  });
});
