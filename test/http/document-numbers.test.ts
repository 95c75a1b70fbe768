import { issueWarning, openCase, seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * One document number (文书号) names one decision of an agency: a decision, or a correction of one, that gives a
 * number another case's decision bears is refused (`409 document_number_taken`, naming that case) and records
 * nothing, and a draft under it is refused too; a number corrected away is free again; another agency's numbers are
 * its own.
 */
const AGENCY = 'county-justice';
const OTHER = 'city-market';
/** Today in China, where the agencies are: their decisions are dated today. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

let t: TestService;
let officer: string;
let otherOfficer: string;

beforeAll(async () => {
  t = await startTestService();
  ({ officer } = await seedAgency(t, AGENCY));
  ({ officer: otherOfficer } = await seedAgency(t, OTHER));
});
afterAll(() => t?.stop());

/** Opens a case; answers the opening's log position. */
async function opened(caseId: string, token = officer): Promise<number> {
  const res = await openCase(t, token, caseId);
  if (res.status !== 201) throw new Error(`opening ${caseId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.position;
}

const issue = (caseId: string, documentNo: string, token = officer) => issueWarning(t, token, caseId, documentNo);

const correct = (caseId: string, decisionId: string, documentNo: string) =>
  t.call('POST', `/v1/cases/${caseId}/acts`, {
    token: officer,
    body: {
      type: 'RecordCorrected',
      occurredAt: new Date().toISOString(),
      data: { corrects: decisionId, reason: '文书号笔误', data: { documentNo } },
    },
  });

/** The case's timeline once the read models have applied the log up to `position` (a write's). */
async function timeline(caseId: string, position: number): Promise<{ type: string; eventId: string }[]> {
  const res = await t.call('GET', `/v1/cases/${caseId}?consistentWith=${position}`, { token: officer });
  if (res.status !== 200) throw new Error(`reading ${caseId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.timeline;
}

describe('document numbers of decisions', () => {
  it('when a second case is decided under a number the first bears, then it is refused naming the first, and nothing is recorded', async () => {
    await opened('dn-1');
    const dn2 = await opened('dn-2');
    expect((await issue('dn-1', '县司告〔2026〕1号')).status).toBe(201);
    const before = await timeline('dn-2', dn2);
    const refused = await issue('dn-2', '县司告〔2026〕1号');
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'document_number_taken', heldBy: 'dn-1' });
    expect(refused.body.detail).toContain('dn-1');
    // under a number of its own, it is decided; read after that, the refused decision is nowhere
    const own = await issue('dn-2', '县司告〔2026〕2号');
    expect(own.status).toBe(201);
    const after = await timeline('dn-2', own.body.position);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((e) => e.type)).toEqual(['DecisionIssued']);
  });

  it('when another agency uses the same number, then it is its own', async () => {
    await opened('dn-1', otherOfficer);
    expect((await issue('dn-1', '县司告〔2026〕1号', otherOfficer)).status).toBe(201);
  });

  it("when a decision's number is corrected, then the new number is taken and the old one is free", async () => {
    await opened('dn-3');
    await opened('dn-4');
    const issued = await issue('dn-3', '县司告〔2026〕3号');
    expect(issued.status).toBe(201);
    const decision = (await timeline('dn-3', issued.body.position)).find((e) => e.type === 'DecisionIssued')!;
    // corrected to a number another case bears: refused as a decision would be
    const taken = await correct('dn-3', decision.eventId, '县司告〔2026〕2号');
    expect([taken.status, taken.body.code, taken.body.heldBy]).toEqual([409, 'document_number_taken', 'dn-2']);
    expect((await correct('dn-3', decision.eventId, '县司告〔2026〕33号')).status).toBe(201);
    // 3号 was corrected away: free for another case; 33号 is dn-3's now
    const theNew = await issue('dn-4', '县司告〔2026〕33号');
    expect([theNew.status, theNew.body.heldBy]).toEqual([409, 'dn-3']);
    expect((await issue('dn-4', '县司告〔2026〕3号')).status).toBe(201);
    // the case corrected may correct its number back to what it bears: nothing refuses its own
    const back = await correct('dn-3', decision.eventId, '县司告〔2026〕33号');
    expect(back.status).toBe(201);
  });

  it("when a published decision's number is corrected, then its case file and public entry bear the new one, and the case given the old one next is alone under it", async () => {
    const disclose = async (caseId: string) => {
      const res = await t.call('POST', `/v1/cases/${caseId}/acts`, {
        token: officer,
        body: { type: 'DecisionDisclosed', occurredAt: new Date().toISOString(), data: { publishedOn: today } },
      });
      expect(res.status).toBe(201);
      return res.body.position as number;
    };
    await opened('dn-20');
    await opened('dn-21');
    const issued = await issue('dn-20', '县司告〔2026〕20号');
    expect(issued.status).toBe(201);
    await disclose('dn-20');
    const decision = (await timeline('dn-20', issued.body.position)).find((e) => e.type === 'DecisionIssued')!;
    expect((await correct('dn-20', decision.eventId, '县司告〔2026〕200号')).status).toBe(201);
    expect((await issue('dn-21', '县司告〔2026〕20号')).status).toBe(201);
    const last = await disclose('dn-21');

    const file = await t.call('GET', `/v1/cases/dn-20?consistentWith=${last}`, { token: officer });
    expect(file.body.decision.documentNo).toBe('县司告〔2026〕200号');
    const list = await t.call('GET', `/v1/disclosures?agency=${AGENCY}&consistentWith=${last}&limit=100`);
    const numbers = Object.fromEntries(
      (list.body.items as { caseId: string; documentNo: string }[])
        .filter((i) => i.caseId === 'dn-20' || i.caseId === 'dn-21')
        .map((i) => [i.caseId, i.documentNo]),
    );
    expect(numbers).toEqual({ 'dn-20': '县司告〔2026〕200号', 'dn-21': '县司告〔2026〕20号' });
  });

  it('when several cases are decided under one number at the same moment, then one is recorded and the others refused', async () => {
    const cases = ['dn-6', 'dn-7', 'dn-8', 'dn-9'];
    for (const caseId of cases) await opened(caseId);
    const answers = await Promise.all(cases.map((caseId) => issue(caseId, '县司告〔2026〕6号')));
    const recorded = answers.filter((a) => a.status === 201);
    expect(recorded).toHaveLength(1);
    const holder = cases[answers.indexOf(recorded[0]!)];
    for (const refused of answers.filter((a) => a.status !== 201)) {
      expect([refused.status, refused.body.code, refused.body.heldBy]).toEqual([409, 'document_number_taken', holder]);
    }
    // and a correction racing a decision for another free number: one of them has it
    const [decided, corrected] = await Promise.all([
      issue(
        cases.find((c) => c !== holder)!,
        '县司告〔2026〕7号',
      ),
      correct(holder!, recorded[0]!.body.eventId, '县司告〔2026〕7号'),
    ]);
    expect([decided.status, corrected.status].sort()).toEqual([201, 409]);
  });

  it('when a decision is drafted under a number another case bears, then the draft is refused before it is printed', async () => {
    await opened('dn-5');
    const draft = (documentNo: string) =>
      t.call('POST', '/v1/cases/dn-5/drafts', {
        token: officer,
        body: {
          decisionType: 'warning',
          legalBasis: '《律师法》第五十条',
          documentNo,
          decidedOn: today,
          reasons: '当事人经责令改正后仍未公示',
        },
      });
    const taken = await draft('县司告〔2026〕1号');
    expect([taken.status, taken.body.code, taken.body.heldBy]).toEqual([409, 'document_number_taken', 'dn-1']);
    const free = await draft('县司告〔2026〕5号');
    expect([free.status, free.body.documentNo]).toEqual([201, '县司告〔2026〕5号']);
  });
});
