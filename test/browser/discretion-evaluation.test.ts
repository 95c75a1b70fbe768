import type { Page } from 'playwright-core';
import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { AGENCY, DAY, at, openCase, recordAct } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

const BENCHMARK = {
  itemCode: 'P-001',
  agency: AGENCY,
  basis: '县司法局行政处罚裁量基准（2026）',
  circumstances: [
    { circumstance: 'minor', description: '首次违法且及时改正', minFen: 0, maxFen: 100_000 },
    { circumstance: 'serious', description: '多次违法', minFen: 300_000, maxFen: 800_000 },
  ],
};
const decision = (fineFen: number, documentNo: string) => ({
  type: 'DecisionIssued',
  occurredAt: at('10:00'),
  data: {
    decisionType: 'fine',
    fineFen,
    circumstance: 'serious',
    legalBasis: '《律师法》第五十条',
    documentNo,
    decidedOn: DAY,
  },
});

describeInBrowser('discretion benchmarks and case-file evaluation in Chromium', () => {
  const s = useScreensInBrowser();
  /** A supervisor of the county's own bureau: the one who evaluates its case files. */
  let sue: string;

  beforeAll(async () => {
    sue = s.f.t.token('sue', AGENCY, ['supervisor']);
    const set = await s.f.t.call('POST', '/v1/benchmarks', { token: s.f.admin, body: BENCHMARK });
    if (set.status !== 201) throw new Error(`benchmark: ${set.status} ${JSON.stringify(set.body)}`);
    for (const [caseId, fen] of [
      ['past-1', 400_000],
      ['past-2', 600_000],
    ] as const) {
      await openCase(s.f, caseId);
      await recordAct(s.f, s.f.alice, caseId, decision(fen, `县司罚〔2026〕${caseId}号`));
    }
    await recordAct(s.f, s.f.alice, 'past-1', {
      type: 'DecisionDisclosed',
      occurredAt: at('11:00'),
      data: { publishedOn: DAY },
    });
    await recordAct(s.f, s.f.alice, 'past-1', { type: 'CaseClosed', occurredAt: at('11:30'), data: { closedOn: DAY } });
    await openCase(s.f, 'disc-1');
    // the benchmarks, the past fines and the case are read from the read models: once they hold all of it
    await s.f.t.service.readModelsCaughtUp();
  });

  async function submit(page: Page, name = '提交'): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
  }

  it('when anyone opens the benchmarks page, then each circumstance and its range are listed in Chinese', async () => {
    const context = await s.newContext();
    const page = await context.newPage();
    await page.goto(`${s.f.t.url}/benchmarks`);
    expect(await page.locator('h1').textContent()).toBe('行政处罚裁量基准');
    const rows = await page.locator('section.benchmark tbody tr').allTextContents();
    expect(rows.join('|')).toContain('较重');
    expect(rows.join('|')).toContain('¥3,000.00 – ¥8,000.00');
    expect(await seriousViolations(page)).toEqual([]);
    // the history of the item's benchmark, every version with its reason, is a page of its own
    const history = await page.goto(`${s.f.t.url}/benchmarks/${AGENCY}/${BENCHMARK.itemCode}`);
    expect(history?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe(`${BENCHMARK.itemCode} 的裁量基准`);
    expect(await page.locator('ol.versions > li').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the officer proposes a fine outside its range, then the reason is asked for, and the past fines are shown', async () => {
    const { page: officer } = await s.signIn(s.f.alice);
    await officer.goto(`${s.f.t.url}/cases/${AGENCY}/disc-1/acts/LegalReviewRequested`);
    const similar = officer.locator('section.similar-fines');
    expect(await similar.locator('tbody tr').first().textContent()).toContain('轻微');
    // 较重: two past fines of 4 000 and 6 000 yuan; the median of an even count is the lower middle one
    const cells = await similar.locator('tbody tr').nth(1).locator('td').allTextContents();
    expect(cells).toEqual(['¥3,000.00 – ¥8,000.00', '2', '¥4,000.00', '¥4,000.00', '¥6,000.00']);
    expect(await officer.locator('svg#fines-serious').count()).toBe(1);
    expect(await seriousViolations(officer)).toEqual([]);
    await officer.locator('#f-data-proposed-decisionType').selectOption('fine');
    await officer.locator('#f-data-proposed-fineFen').fill('9000');
    await officer.locator('#f-data-proposed-legalBasis').fill('《律师法》第五十条');
    await officer.locator('#f-data-proposed-circumstance').selectOption('serious');
    await submit(officer);
    expect(await officer.locator('.error-summary').textContent()).toContain('须书面说明理由');
    expect(await seriousViolations(officer)).toEqual([]);
    await officer.locator('#f-data-proposed-deviationReason').fill('多次违法且拒不改正，从重处罚');
    await submit(officer);
    expect(officer.url()).toContain(`/cases/${AGENCY}/disc-1`);
    await officer.locator('.timeline strong', { hasText: '提请法制审核' }).waitFor(WAIT);
  });

  it('when the reviewer opens the review, then the fine is flagged outside the benchmark with its reason', async () => {
    const { page: reviewer } = await s.signIn(s.f.rita);
    await reviewer.goto(`${s.f.t.url}/cases/${AGENCY}/disc-1/acts/LegalReviewCompleted`);
    const flag = reviewer.locator('.discretion-outside');
    expect(await flag.textContent()).toContain('拟处罚款超出裁量基准');
    expect(await flag.textContent()).toContain('多次违法且拒不改正');
    expect(await reviewer.locator('svg#fines-serious').count()).toBe(1);
    expect(await seriousViolations(reviewer)).toEqual([]);
  });

  it('when the supervisor evaluates a closed case file, then a deduction needs a comment and the weak points show it', async () => {
    const { page: supervisor } = await s.signIn(sue);
    await supervisor.goto(`${s.f.t.url}/supervise/discretion`);
    expect(await supervisor.locator('tbody').textContent()).toContain('disc-1');
    expect(await seriousViolations(supervisor)).toEqual([]);

    await supervisor.goto(`${s.f.t.url}/cases/${AGENCY}/past-1`);
    await Promise.all([
      supervisor.waitForURL(/\/evaluate$/),
      supervisor.getByRole('link', { name: '评查本案卷' }).click(),
    ]);
    expect(await seriousViolations(supervisor)).toEqual([]);
    await supervisor.locator('#f-scores-documentsComplete-score').fill('6');
    await submit(supervisor, '提交评查');
    expect(await supervisor.locator('.error-summary').textContent()).toContain('“执法文书完备规范”扣分须填写说明');
    expect(await seriousViolations(supervisor)).toEqual([]);
    await supervisor.locator('#f-scores-documentsComplete-comment').fill('送达回证缺失');
    await submit(supervisor, '提交评查');
    expect(await supervisor.locator('#recorded + ul').textContent()).toContain('86 / 90');

    await supervisor.goto(`${s.f.t.url}/supervise/evaluations?year=2026`);
    const byRule = supervisor.locator('table').first();
    expect(await byRule.locator('tbody tr').first().textContent()).toContain('60%');
    expect(await seriousViolations(supervisor)).toEqual([]);
  });

  it("when the county's legal office, which supervises the bureau, evaluates one of its closed case files, then the form takes it and names the office beside the evaluator", async () => {
    const lin = s.f.t.token('lin', 'county-legal', ['supervisor'], [AGENCY]);
    const { page: legal } = await s.signIn(lin);
    await legal.goto(`${s.f.t.url}/cases/${AGENCY}/past-1`);
    await Promise.all([legal.waitForURL(/\/evaluate$/), legal.getByRole('link', { name: '评查本案卷' }).click()]);
    await submit(legal, '提交评查');
    const recorded = legal.locator('#recorded + ul');
    // the evaluator (not on the bureau's officer list: by id) and, beside, the office they are of
    await recorded.getByText('lin · county-legal').waitFor(WAIT);
    expect(await recorded.textContent()).toContain('90 / 90');
    expect(await seriousViolations(legal)).toEqual([]);
  });
});
