import type { BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { AGENCY, at, DAY, openCase, recordAct } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser('case files past their retention on /supervise/retention, in Chromium', () => {
  const s = useScreensInBrowser();
  let context: BrowserContext;
  let page: Page;
  let refused: string;

  beforeAll(async () => {
    await openCase(s.f, 'rt-b');
    const decision = { decisionType: 'warning', legalBasis: '《律师法》第五十条', documentNo: '县司告〔2026〕3号' };
    await recordAct(s.f, s.f.alice, 'rt-b', {
      type: 'DecisionIssued',
      occurredAt: at('10:00'),
      data: { ...decision, decidedOn: DAY },
    });
    await recordAct(s.f, s.f.alice, 'rt-b', {
      type: 'DecisionDisclosed',
      occurredAt: at('10:01'),
      data: { publishedOn: DAY },
    });
    await recordAct(s.f, s.f.alice, 'rt-b', { type: 'CaseClosed', occurredAt: at('10:02'), data: { closedOn: DAY } });
    await openCase(s.f, 'rt-e');
    const erasure = { ground: 'retention_expired', reason: '保管期限届满' };
    expect((await s.f.t.call('POST', '/v1/cases/rt-e/erasure', { token: s.f.admin, body: erasure })).status).toBe(201);
    // an online application refused the same day, never a case
    const licensing = {
      code: 'L-001',
      agency: AGENCY,
      name: '律师执业许可',
      category: 'licensing',
      legalBasis: '《律师法》第六条',
    };
    expect((await s.f.t.call('POST', '/v1/items', { token: s.f.admin, body: licensing })).status).toBe(201);
    const application = {
      agency: AGENCY,
      itemCode: 'L-001',
      applicant: { kind: 'person', name: '李四海', phone: '13700001111' },
      request: '申请律师执业证',
    };
    const filed = await s.f.t.call('POST', '/v1/applications', { body: application });
    expect(filed.status).toBe(201);
    refused = filed.body.applicationId as string;
    const refusal = { reason: '材料不齐全', legalBasis: '《行政许可法》第三十二条' };
    const rejection = await s.f.t.call('POST', `/v1/applications/${refused}/rejection`, {
      token: s.f.alice,
      body: refusal,
    });
    expect(rejection.status).toBe(201);
    await s.f.t.service.readModelsCaughtUp();
    ({ context, page } = await s.signIn(s.f.sam));
  }, 120_000);

  it('when the dashboard is open, then it links to the page, and today nothing is past its retention', async () => {
    await page.goto(`${s.f.t.url}/supervise`);
    await Promise.all([
      page.waitForURL(/\/supervise\/retention$/, WAIT),
      page.getByRole('link', { name: '保管期限届满的案卷' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('保管期限届满待删除个人信息的案卷');
    expect(await page.locator('main').textContent()).toContain('没有保管期限届满待删除的案卷。');
    expect(await page.locator('#erasures tbody tr').textContent()).toMatch(/rt-e[\s\S]*head-[\s\S]*保存期限已届满/);
  });

  it("when a day past the penalty category's 30 years is chosen in the form, then the refused application and the case are listed, each with its erase command, with no serious axe violation", async () => {
    await page.getByLabel('截至日期').fill('2056-03-03');
    await Promise.all([page.waitForURL(/asOf=2056-03-03/, WAIT), page.getByRole('button', { name: '查看' }).click()]);
    const rows = page.locator('#due tbody tr');
    expect(await rows.count()).toBe(2);
    const cells = async (n: number) =>
      (await rows.nth(n).locator('td').allTextContents()).map((cell) => cell.replace(/\s+/g, ' ').trim());
    expect(await cells(0)).toEqual([
      `不予受理的申请 ${refused}`,
      AGENCY,
      '律师执业许可',
      DAY,
      '10年（不予受理的申请）',
      '2036-03-02',
      '7306',
      `ledger erase --application ${refused} --ground retention_expired --reason "保管期限届满（10年）"`,
    ]);
    expect(await rows.nth(1).locator(`a[href="/cases/${AGENCY}/rt-b"]`).textContent()).toBe('rt-b');
    expect(await cells(1)).toEqual([
      'rt-b',
      AGENCY,
      '未按规定公示执业信息',
      DAY,
      '30年（类别默认）',
      '2056-03-02',
      '1',
      'ledger erase --case rt-b --ground retention_expired --reason "保管期限届满（30年）"',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the refused application is erased, then it leaves the list and the case stays', async () => {
    const erasure = { ground: 'retention_expired', reason: '保管期限届满（10年）' };
    const erased = await s.f.t.call('POST', `/v1/applications/${refused}/erasure`, { token: s.f.admin, body: erasure });
    expect(erased.status).toBe(201);
    await s.f.t.service.readModelsCaughtUp();
    await page.reload();
    const rows = page.locator('#due tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.locator('td').first().textContent()).toContain('rt-b');
  });

  it('when the page is read in English, then the same case shows with English heads', async () => {
    const english = await s.newContext({ locale: 'en' });
    try {
      const cookies = await context.cookies();
      await english.addCookies(cookies);
      const p = await english.newPage();
      await p.goto(`${s.f.t.url}/supervise/retention?asOf=2056-03-02&lang=en`);
      expect(await p.locator('h1').textContent()).toBe('Case files past their retention, personal data not yet erased');
      expect(await p.locator('tbody td').nth(4).textContent()).toContain("30 years (category's default)");
      expect(await seriousViolations(p)).toEqual([]);
    } finally {
      await english.close();
    }
  });
});
