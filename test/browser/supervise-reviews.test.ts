import type { Page } from 'playwright-core';
import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { AGENCY, recordAct } from '../support/screens.js';

describeInBrowser('legal reviews past their time limit on the supervision dashboard, in Chromium', () => {
  const s = useScreensInBrowser();
  let page: Page;

  beforeAll(async () => {
    const opened = await s.f.t.call('POST', '/v1/cases', {
      token: s.f.alice,
      body: {
        caseId: 'lr-b',
        itemCode: 'P-001',
        title: '某律所未公示执业信息案',
        openedOn: '2026-01-05',
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某某律师事务所' }],
      },
    });
    expect(opened.status).toBe(201);
    await recordAct(s.f, s.f.alice, 'lr-b', {
      type: 'LegalReviewRequested',
      occurredAt: '2026-01-06T09:00:00+08:00',
      data: { proposed: { decisionType: 'warning', legalBasis: '《律师法》第五十条' } },
    });
    await s.f.t.service.readModelsCaughtUp();
    ({ page } = await s.signIn(s.f.sam));
  }, 120_000);

  it('when a review is past its last day, then the list shows it linked to its case, with no serious axe violation', async () => {
    await page.goto(`${s.f.t.url}/supervise`);
    const section = page.locator('section[aria-labelledby="overdue-reviews"]');
    expect(await section.locator('h2').textContent()).toBe('超过审核时限的法制审核');
    expect(await section.locator(`a[href="/cases/${AGENCY}/lr-b"]`).textContent()).toBe('lr-b');
    expect(await section.locator('td').nth(2).textContent()).toBe('2026-01-06');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("when the supervisor follows the list's link, then each agency's time limit is shown beside the overdue reviews, with no serious axe violation", async () => {
    await Promise.all([
      page.waitForURL(`${s.f.t.url}/supervise/reviews`, { timeout: 60_000 }),
      page.getByRole('link', { name: '各单位审核时限及全部逾期审核' }).click(),
    ]);
    const limits = page.locator('section[aria-labelledby="review-limits"]');
    expect(await limits.locator('tr', { hasText: AGENCY }).locator('td').nth(1).textContent()).toBe(
      '5个工作日（系统默认）',
    );
    const overdue = page.locator('section[aria-labelledby="overdue-reviews"]');
    expect(await overdue.locator(`a[href="/cases/${AGENCY}/lr-b"]`).textContent()).toBe('lr-b');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
