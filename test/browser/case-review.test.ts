import type { Page } from 'playwright-core';
import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { AGENCY, recordAct } from '../support/screens.js';

describeInBrowser('the legal review on the case screen: a major, complex case and its time limit, in Chromium', () => {
  const s = useScreensInBrowser();
  let page: Page;

  beforeAll(async () => {
    const opened = await s.f.t.call('POST', '/v1/cases', {
      token: s.f.alice,
      body: {
        caseId: 'cx-1',
        itemCode: 'P-001',
        title: '某律所违规执业案',
        openedOn: '2026-01-05',
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某某律师事务所' }],
      },
    });
    expect(opened.status).toBe(201);
    await recordAct(s.f, s.f.alice, 'cx-1', {
      type: 'CaseMarkedComplex',
      occurredAt: '2026-01-06T09:00:00+08:00',
      data: { reason: '法律适用争议较大' },
    });
    await recordAct(s.f, s.f.alice, 'cx-1', {
      type: 'LegalReviewRequested',
      occurredAt: '2026-01-06T10:00:00+08:00',
      data: { proposed: { decisionType: 'warning', legalBasis: '《律师法》第五十条' } },
    });
    await s.f.t.service.readModelsCaughtUp();
    ({ page } = await s.signIn(s.f.alice));
  }, 120_000);

  it('when a marked case waits for a counsel opinion past its review time limit, then the screen says both, with no serious axe violation', async () => {
    await page.goto(`${s.f.t.url}/cases/${AGENCY}/cx-1`);
    const counsel = page.locator('section[aria-labelledby="counsel"]');
    expect(await counsel.locator('h2').textContent()).toBe('重大、疑难、复杂案件');
    expect(await counsel.textContent()).toContain('法律适用争议较大');
    expect(await counsel.locator('.notice').textContent()).toContain('尚待法律顾问或公职律师出具意见');
    const deadline = page.locator('section[aria-labelledby="reviews"] .review-deadline');
    // five working days from Tuesday 2026-01-06 end on Tuesday 2026-01-13; the fixture's day is 2026-03-02
    expect(await deadline.textContent()).toContain('2026-01-13（5个工作日）');
    expect(await deadline.locator('.timeliness-overdue').textContent()).toBe('已逾期');
    expect(await page.locator('a[href$="/acts/CounselOpinionRecorded"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
