import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchBrowser, seriousViolations } from '../support/browser.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { AGENCY, fixtureClock } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser('online applications in Chromium (网上申请)', () => {
  let t: TestService;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let dir: string;
  let receipt: { id: string; code: string };

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestService({}, { clock: fixtureClock() }), launchBrowser()]);
    await seedAgency(t, AGENCY, { item: { code: 'L-001', category: 'licensing' } });
    dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'apply-browser-'));
    fs.writeFileSync(path.join(dir, '申请书.pdf'), '%PDF-1.4\n% 申请书\n%%EOF\n');
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(
    options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
  ): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', ...options });
    contexts.push(context);
    return context.newPage();
  }

  it('when the forms are opened on the narrowest common phone (375 px), then nothing is wider than the screen', async () => {
    const page = await newPage({ viewport: { width: 375, height: 800 } });
    for (const route of ['/apply', '/apply/progress']) {
      await page.goto(`${t.url}${route}`);
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const { scrollWidth, clientWidth } = document.documentElement;
        return { scrollWidth, clientWidth };
      });
      expect({ route, scrollWidth }).toEqual({ route, scrollWidth: clientWidth });
    }
  });

  it('when a person files an application without scripts, then the receipt shows the id and the lookup code', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${t.url}/apply`);
    expect(await page.locator('h1').textContent()).toBe('网上申请行政许可');
    await page.getByLabel('申请事项').selectOption(`${AGENCY}/L-001`);
    await page.getByLabel('公民（个人）').check();
    await page.getByLabel('姓名或单位名称').fill('王小明');
    await page.getByLabel('联系电话').fill('13800000000');
    await page.getByLabel('申请内容').fill('申请律师执业证');
    await page.getByLabel('申请材料').setInputFiles(path.join(dir, '申请书.pdf'));
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '提交申请' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('申请回执');
    receipt = {
      id: (await page.locator('#receipt-id').textContent())!,
      code: (await page.locator('#receipt-code').textContent())!,
    };
    expect(receipt.code).toMatch(/^[A-Z2-7]{26}$/);
    expect(await page.getAttribute('#ledger-badge', 'data-event-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the form and the receipt are opened with scripts, then they are accessible and the badge verifies the filing', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/apply`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('申请事项').selectOption(`${AGENCY}/L-001`);
    await page.getByLabel('法人或其他组织').check();
    await page.getByLabel('姓名或单位名称').fill('某某律师事务所');
    await page.getByLabel('联系电话').fill('010-12345678');
    await page.getByLabel('申请内容').fill('申请律师事务所执业许可');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '提交申请' }).click()]);
    await page.waitForSelector('#ledger-badge[data-verified]', WAIT);
    expect(await page.getAttribute('#ledger-badge', 'data-verified')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the applicant looks up the progress with the code, then the status shows and nothing personal', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/apply/progress`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('受理机关', { exact: true }).fill(AGENCY);
    await page.getByLabel('申请编号').fill(receipt.id);
    await page.getByLabel('查询码').fill(receipt.code.toLowerCase());
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '查询' }).click()]);
    expect(await page.locator('#progress-status').textContent()).toBe('已提交，待受理');
    expect(await page.locator('main').textContent()).not.toContain('王小明');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when an officer opens the queue, reads the application and its file, and accepts it, then its case page opens', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/signin`);
    await page.locator('#dev-token').fill(t.token('alice', AGENCY, ['officer']));
    await Promise.all([page.waitForURL(`${t.url}/`), page.getByRole('button', { name: '登录' }).click()]);
    await page.goto(`${t.url}/work/applications`);
    expect(await page.locator('h1').textContent()).toBe('网上申请受理');
    expect(await seriousViolations(page)).toEqual([]);
    // the application as filed, with its file, before it is decided
    await Promise.all([
      page.waitForURL(`${t.url}/work/applications/${receipt.id}`),
      page.locator(`a[href="/work/applications/${receipt.id}"]`).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe(`网上申请 ${receipt.id}`);
    await expect(page.locator('main').textContent()).resolves.toContain('申请律师执业证');
    expect(await seriousViolations(page)).toEqual([]);
    const file = await page.request.get(
      `${t.url}${await page.getByRole('link', { name: '申请书.pdf' }).getAttribute('href')}`,
    );
    expect([file.status(), (await file.body()).toString()]).toEqual([200, '%PDF-1.4\n% 申请书\n%%EOF\n']);
    await page.goBack();
    await page.locator(`#f-officers-${receipt.id}`).fill('alice, bob');
    await Promise.all([
      page.waitForURL(new RegExp(`/cases/${AGENCY}/${receipt.id}`)),
      page.locator(`form[action="/work/applications/${receipt.id}/acceptance"] button`).click(),
    ]);
    await expect(page.locator('main').textContent()).resolves.toContain('王小明');
  });

  it('when a supervisor opens the overdue applications, then the page lists none yet, accessibly, and the application as filed opens from its case', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/signin`);
    await page.locator('#dev-token').fill(t.token('sam', AGENCY, ['supervisor']));
    await Promise.all([page.waitForURL(`${t.url}/`), page.getByRole('button', { name: '登录' }).click()]);
    await page.goto(`${t.url}/supervise/applications`);
    expect(await page.locator('h1').textContent()).toBe('逾期未受理的网上申请');
    await expect(page.locator('main').textContent()).resolves.toContain('没有逾期未受理的申请。');
    expect(await seriousViolations(page)).toEqual([]);
    // the case opened from the application leads the supervisor to it as filed, without the officers' forms
    await page.goto(`${t.url}/cases/${AGENCY}/${receipt.id}`);
    await Promise.all([
      page.waitForURL(`${t.url}/work/applications/${receipt.id}`),
      page.getByRole('link', { name: '查看申请内容和材料' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe(`网上申请 ${receipt.id}`);
    await expect(page.locator('main').textContent()).resolves.toContain('申请律师执业证');
    expect(await page.locator('main form').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the reader switches to English, then the filing form is in English', async () => {
    const page = await newPage();
    await page.goto(`${t.url}/apply?lang=en`);
    expect(await page.locator('h1').textContent()).toBe('Apply online for a licence');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
