import { AGENCY, DAY, page, recordAct, startScreensService, type ScreensFixture } from '../support/screens.js';
import { CHECKS_PASSED } from '../support/domain.js';

let f: ScreensFixture;

beforeAll(async () => {
  f = await startScreensService();
  // a case put to legal review in January and never reviewed: past its time limit on the fixture's day
  const opened = await f.t.call('POST', '/v1/cases', {
    token: f.alice,
    body: {
      caseId: 'lr-1',
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: '2026-01-05',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某律师事务所' }],
    },
  });
  expect(opened.status).toBe(201);
  const proposed = { decisionType: 'warning', legalBasis: '《律师法》第五十条' };
  await recordAct(f, f.alice, 'lr-1', {
    type: 'LegalReviewRequested',
    occurredAt: '2026-01-06T09:00:00+08:00',
    data: { proposed },
  });
  // another, stated as reviewed the next day, on time, but recorded only on the fixture's day
  const second = await f.t.call('POST', '/v1/cases', {
    token: f.alice,
    body: {
      caseId: 'lr-2',
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: '2026-01-05',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某律师事务所' }],
    },
  });
  expect(second.status).toBe(201);
  await recordAct(f, f.alice, 'lr-2', {
    type: 'LegalReviewRequested',
    occurredAt: '2026-01-06T09:00:00+08:00',
    data: { proposed },
  });
  await recordAct(f, f.rita, 'lr-2', {
    type: 'LegalReviewCompleted',
    occurredAt: '2026-01-07T09:00:00+08:00',
    data: { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
  });
  await f.t.service.readModelsCaughtUp();
}, 60_000);
afterAll(() => f.t.stop());

describe('the supervision dashboard: legal reviews past their time limit (审核时限)', () => {
  it('when a review is past its last day, then the dashboard counts it and lists it with its case, in Chinese and English', async () => {
    const api = await f.t.call('GET', `/v1/audit/overdue-reviews?agency=${AGENCY}`, { token: f.sam });
    expect(api.body.items).toMatchObject([
      { caseId: 'lr-1', status: 'overdue', workingDays: 5 },
      { caseId: 'lr-2', status: 'recorded_late', completedOn: '2026-01-07', recordedOn: DAY },
    ]);
    const { dueBy, daysOverdue } = api.body.items[0];
    const res = await page(f, '/supervise', f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /<a href="#overdue-reviews"><strong>2<\/strong> <span>超过审核时限的法制审核<\/span><\/a>/,
    );
    expect(res.text).toContain(`${api.body.items[1].daysOverdue}（载明按期，${DAY}才录入）`);
    expect(res.text).toContain('<h2 id="overdue-reviews">超过审核时限的法制审核</h2>');
    expect(res.text).toContain(`<a href="/cases/${AGENCY}/lr-1">lr-1</a>`);
    expect(res.text).toContain(`${dueBy}（5个工作日）`);
    expect(res.text).toMatch(new RegExp(`<td>\\s*${daysOverdue}\\s*</td>`));
    const en = await page(f, '/supervise?lang=en', f.sam);
    expect(en.text).toContain('Legal reviews past their time limit');
    expect(en.text).toContain(`${dueBy} (5 working days)`);
    expect(en.text).toContain(`(stated on time, recorded on ${DAY})`);
  });
});
