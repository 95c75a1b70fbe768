import { CHECKS_PASSED } from '../support/domain.js';
import { AGENCY, at, openCase, page, recordAct, startScreensService, type ScreensFixture } from '../support/screens.js';

// The decision's form (DecisionIssued) comes filled in with the proposal the legal review passed: the officer records
// what was reviewed rather than typing it again, and a proposal still waiting for its review fills in nothing.

let f: ScreensFixture;
const proposed = {
  decisionType: 'fine',
  fineFen: 150_050,
  legalBasis: '《律师法》第五十条第一款',
  circumstance: 'serious',
};

beforeAll(async () => {
  f = await startScreensService();
  for (const caseId of ['dp-passed', 'dp-pending', 'dp-rejected', 'dp-drafted']) {
    await openCase(f, caseId);
    await recordAct(f, f.alice, caseId, { type: 'LegalReviewRequested', occurredAt: at('09:00'), data: { proposed } });
  }
  await recordAct(f, f.rita, 'dp-passed', {
    type: 'LegalReviewCompleted',
    occurredAt: at('10:00'),
    data: { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
  });
  await recordAct(f, f.rita, 'dp-drafted', {
    type: 'LegalReviewCompleted',
    occurredAt: at('10:00'),
    data: { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
  });
  await recordAct(f, f.rita, 'dp-rejected', {
    type: 'LegalReviewCompleted',
    occurredAt: at('10:00'),
    data: { outcome: 'returned', opinion: '事实不清，退回补充调查', checks: { ...CHECKS_PASSED, factsClear: false } },
  });
  await f.t.service.readModelsCaughtUp();
}, 60_000);
afterAll(() => f.t.stop());

const formOf = (caseId: string) => page(f, `/cases/${AGENCY}/${caseId}/acts/DecisionIssued`, f.alice);
const valueOf = (text: string, name: string) =>
  new RegExp(`name="${name.replace(/\./g, '\\.')}"[^>]*value="([^"]*)"`).exec(text)?.[1];
const selectedOf = (text: string, name: string) => {
  const select = new RegExp(`<select[^>]*name="${name.replace(/\./g, '\\.')}"[\\s\\S]*?</select>`).exec(text)?.[0];
  return select && /<option value="([^"]*)"\s*selected/.exec(select)?.[1];
};

describe("the decision's form after the legal review", () => {
  it('when the review passed the proposal, then the form is filled in with it and says so', async () => {
    const { status, text } = await formOf('dp-passed');
    expect(status).toBe(200);
    expect(selectedOf(text, 'data.decisionType')).toBe('fine');
    expect(valueOf(text, 'data.fineFen')).toBe('1500.50');
    expect(valueOf(text, 'data.legalBasis')).toBe(proposed.legalBasis);
    expect(selectedOf(text, 'data.circumstance')).toBe('serious');
    expect(text).toContain('法制审核通过的拟作决定');
    expect(text).toContain('表单已按审核通过的拟作决定填写');
  });

  it('when the decision is issued from a draft of the passed proposal, then the circumstance the draft lacks is filled in from it; from another fine, not', async () => {
    const draftOf = async (fineFen: number, documentNo: string) => {
      const body = {
        decisionType: 'fine',
        fineFen,
        legalBasis: proposed.legalBasis,
        documentNo,
        decidedOn: at('00:00').slice(0, 10),
      };
      const res = await f.t.call('POST', '/v1/cases/dp-drafted/drafts', { token: f.alice, body });
      expect(res.status).toBe(201);
      return res.body.draftId as string;
    };
    const same = await page(
      f,
      `/cases/${AGENCY}/dp-drafted/acts/DecisionIssued?draft=${await draftOf(proposed.fineFen, '县司罚〔2026〕31号')}`,
      f.alice,
    );
    expect(valueOf(same.text, 'data.documentNo')).toBe('县司罚〔2026〕31号');
    expect(selectedOf(same.text, 'data.circumstance')).toBe('serious');
    const other = await page(
      f,
      `/cases/${AGENCY}/dp-drafted/acts/DecisionIssued?draft=${await draftOf(100_000, '县司罚〔2026〕32号')}`,
      f.alice,
    );
    expect(valueOf(other.text, 'data.fineFen')).toBe('1000.00');
    expect(selectedOf(other.text, 'data.circumstance') ?? '').toBe('');
  });

  it('when the review is still waiting, or returned the proposal, then nothing is filled in', async () => {
    for (const caseId of ['dp-pending', 'dp-rejected']) {
      const { status, text } = await formOf(caseId);
      expect({ caseId, status }).toEqual({ caseId, status: 200 });
      expect({ caseId, fine: valueOf(text, 'data.fineFen') ?? '' }).toEqual({ caseId, fine: '' });
      expect({ caseId, basis: valueOf(text, 'data.legalBasis') ?? '' }).toEqual({ caseId, basis: '' });
      expect(text).not.toContain('法制审核通过的拟作决定');
    }
  });

  it('when a new review is requested after the one that passed, then the form waits for it: nothing is filled in', async () => {
    await recordAct(f, f.alice, 'dp-passed', {
      type: 'LegalReviewRequested',
      occurredAt: at('11:00'),
      data: { proposed: { ...proposed, fineFen: 200_000 } },
    });
    await f.t.service.readModelsCaughtUp();
    const { text } = await formOf('dp-passed');
    expect(valueOf(text, 'data.fineFen') ?? '').toBe('');
    expect(text).not.toContain('法制审核通过的拟作决定');
  });

  it('when the passed proposal is a fine outside its benchmark, with its reason, then the reason is filled in too, and the form is recorded as it comes', async () => {
    const benchmark = await f.t.call('POST', '/v1/benchmarks', {
      token: f.admin,
      body: {
        itemCode: 'P-001',
        agency: AGENCY,
        basis: '县司法局行政处罚裁量基准（2026）',
        circumstances: [{ circumstance: 'serious', description: '多次违法', minFen: 300_000, maxFen: 800_000 }],
      },
    });
    expect(benchmark.status).toBe(201);
    const outside = { ...proposed, fineFen: 900_000, deviationReason: '拒不改正，从重处罚' };
    await openCase(f, 'dp-outside');
    await recordAct(f, f.alice, 'dp-outside', {
      type: 'LegalReviewRequested',
      occurredAt: at('09:00'),
      data: { proposed: outside },
    });
    await recordAct(f, f.rita, 'dp-outside', {
      type: 'LegalReviewCompleted',
      occurredAt: at('10:00'),
      data: { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
    });
    await f.t.service.readModelsCaughtUp();
    const { text } = await formOf('dp-outside');
    expect(valueOf(text, 'data.fineFen')).toBe('9000.00');
    expect(text).toMatch(/name="data\.deviationReason"[^>]*>拒不改正，从重处罚<\/textarea>/);
    // sent as it comes, with the document's number: recorded
    const form = new URLSearchParams();
    for (const m of text.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) form.append(m[1]!, m[2]!);
    for (const m of text.matchAll(/<select[^>]*name="([^"]+)"[\s\S]*?<\/select>/g)) {
      const chosen = /<option value="([^"]*)"\s*selected/.exec(m[0])?.[1];
      if (chosen !== undefined) form.set(m[1]!, chosen);
    }
    for (const m of text.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) form.set(m[1]!, m[2]!);
    form.set('data.documentNo', '县司罚〔2026〕12号');
    const sent = await fetch(`${f.t.url}/cases/${AGENCY}/dp-outside/acts/DecisionIssued`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', authorization: `Bearer ${f.admin}` },
      body: form,
    });
    expect(sent.status).toBe(303);
  });

  it('when the case is decided, then the form says nothing of a passed proposal', async () => {
    await f.t.service.readModelsCaughtUp();
    const { text } = await formOf('dp-outside');
    expect(text).not.toContain('法制审核通过的拟作决定');
  });
});
