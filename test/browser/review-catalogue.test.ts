import type { Browser, BrowserContext } from 'playwright-core';
import { describeInBrowser, launchBrowser, seriousViolations } from '../support/browser.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const COUNTY = 'county-justice';
const FOOD_FINES = {
  entryId: 'RC-01',
  description: '食品安全领域五千元以上罚款',
  decisionTypes: ['fine'],
  fields: ['食品安全'],
  amountFenAtLeast: 500_000,
};
const SUSPENSIONS = { entryId: 'RC-02', description: '责令停产停业', decisionTypes: ['business_suspension'] };

describeInBrowser('the published review catalogue in Chromium', () => {
  let t: TestService;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    const started = startTestService();
    [t, browser] = await Promise.all([started, launchBrowser()]);
    const { admin } = await seedAgency(t, COUNTY);
    for (const [entries, reason] of [
      [[FOOD_FINES], '首次编制'],
      [[FOOD_FINES, SUSPENSIONS], '年度动态调整'],
    ] as const) {
      const body = { agency: COUNTY, level: 'county', entries, reason };
      const res = await t.call('PUT', `/v1/agencies/${COUNTY}/review-catalogue`, { token: admin, body });
      if (res.status !== 201) throw new Error(`review-catalogue: ${res.status} ${JSON.stringify(res.body)}`);
    }
    context = await browser.newContext({ locale: 'zh-CN' });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.stop();
  });

  it('when the catalogue is opened, then the current entries and both versions show in Chinese without script, and axe finds no serious violation', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${t.url}/published/review-catalogue?agency=${COUNTY}`);
    expect(response?.status()).toBe(200);
    expect((await page.locator('h1').textContent())?.trim()).toBe('重大执法决定法制审核目录清单');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('script').count()).toBe(0);
    const entries = page.locator('section[aria-labelledby="entries-heading"] tbody tr');
    expect(await entries.count()).toBe(2);
    expect(await entries.nth(0).textContent()).toContain('食品安全');
    expect(await page.locator('section[aria-labelledby="history-heading"] tbody tr').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
