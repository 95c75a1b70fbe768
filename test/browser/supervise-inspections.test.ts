import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, signedInPage, seriousViolations } from '../support/browser.js';
import { INSPECTION_AGENCY, PLAN_ID, planBody, seedDrawnPlan } from '../support/inspections.js';
import { startTestService, type TestService } from '../support/service.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser('inspections not drawn or with outcomes overdue on /supervise/inspections, in Chromium', () => {
  let svc: TestService;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let targets: { subjectId: string; inspectors: string[] }[];

  beforeAll(async () => {
    [svc, browser] = await Promise.all([startTestService(), launchBrowser()]);
    const seeded = await seedDrawnPlan(svc);
    targets = seeded.drawn.targets as typeof targets;
    // a plan of the next quarter, never drawn
    const body = planBody(1_000_000, { planId: 'P-undrawn', title: '第二季度抽查', startsOn: '2026-04-02' });
    const planned = await svc.call('POST', '/v1/inspections', {
      token: seeded.admin,
      body: { ...body, endsOn: '2026-06-30' },
    });
    expect(planned.status).toBe(201);
    await svc.service.readModelsCaughtUp();
    ({ context, page } = await signedInPage(browser, svc.url, svc.token('sam', INSPECTION_AGENCY, ['supervisor'])));
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await svc?.stop();
  });

  it('when the dashboard is open, then it links to the page; within the period nothing is overdue', async () => {
    await page.goto(`${svc.url}/supervise`);
    await Promise.all([
      page.waitForURL(/\/supervise\/inspections$/, WAIT),
      page.getByRole('link', { name: '逾期未抽取或未录入结果的抽查' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('逾期未抽取或未录入结果的双随机抽查');
    await page.getByLabel('截至日期').fill('2026-03-31');
    await Promise.all([page.waitForURL(/asOf=2026-03-31/, WAIT), page.getByRole('button', { name: '查看' }).click()]);
    expect(await page.locator('main').textContent()).toContain('没有逾期未抽取或未录入结果的抽查。');
  });

  it('when a day after the period is chosen, then each drawn target is a row linked to its plan, with no serious axe violation', async () => {
    await page.getByLabel('截至日期').fill('2026-04-02');
    await Promise.all([page.waitForURL(/asOf=2026-04-02/, WAIT), page.getByRole('button', { name: '查看' }).click()]);
    const rows = page.locator('tbody tr');
    // the drawn plan's targets; the plan not drawn starts that day, so is not late yet
    expect(await rows.count()).toBe(targets.length);
    expect(await rows.first().locator(`a[href="/inspections/${INSPECTION_AGENCY}/${PLAN_ID}"]`).count()).toBe(1);
    const cells = (await rows.first().locator('td').allTextContents()).map((s) => s.trim());
    expect(cells.slice(1, 4)).toEqual([INSPECTION_AGENCY, '2026-03-31', '2']);
    expect(cells[4]).toContain(targets[0]!.subjectId);
    // the inspectors by the names the officer list gives (test/support/service.ts: 执法人员<id>)
    expect(cells[5]).toBe(targets[0]!.inspectors.map((i: string) => `执法人员${i}（${i}）`).join('、'));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when a plan is still not drawn the day after its period began, then it has a row saying so, with no serious axe violation', async () => {
    await page.getByLabel('截至日期').fill('2026-04-03');
    await Promise.all([page.waitForURL(/asOf=2026-04-03/, WAIT), page.getByRole('button', { name: '查看' }).click()]);
    const row = page.locator('tbody tr', {
      has: page.locator(`a[href="/inspections/${INSPECTION_AGENCY}/P-undrawn"]`),
    });
    const cells = (await row.locator('td').allTextContents()).map((s) => s.trim());
    expect(cells.slice(1)).toEqual([
      INSPECTION_AGENCY,
      '2026-04-02',
      '1',
      '尚未摇号抽取（检查期限已于 2026-04-02 开始）',
      '—',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
