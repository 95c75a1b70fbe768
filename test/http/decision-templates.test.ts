import { decisionTemplateStream } from '../../src/domain/drafting/agency-templates.js';
import { DEFAULT_TEMPLATES } from '../../src/domain/drafting/default-templates.js';
import { docxText, pdfText } from '../support/documents.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const OTHER = 'city-market';
const today = new Date().toISOString().slice(0, 10);

let t: TestService;
let admin: string;
let otherAdmin: string;
let alice: string;

beforeAll(async () => {
  t = await startTestService();
  ({ admin } = await seedAgency(t, AGENCY, { officers: ['alice', 'bob'] }));
  ({ admin: otherAdmin } = await seedAgency(t, OTHER, { officers: ['olga', 'oscar'] }));
  alice = t.token('alice', AGENCY, ['officer']);
});
afterAll(() => t.stop());

const OWN = {
  title: '司法行政处罚决定书',
  issuer: '某县司法局',
  sections: [
    { heading: '当事人', paragraphs: ['{parties}'] },
    { heading: '本局查明', paragraphs: ['经本局调查核实：{facts}', '依照{legalBasis}，本局决定：{decision}'] },
    { align: 'right', paragraphs: ['{issuer}', '{decidedOn}'] },
  ],
  remedies: { reviewBody: '某县人民政府', reviewDays: 60, court: '某县人民法院', litigationMonths: 6 },
};
const route = (type = 'fine', agency = AGENCY) => `/v1/agencies/${agency}/decision-templates/${type}`;
const put = (body: unknown, token = admin, path = route(), headers: Record<string, string> = {}) =>
  t.call('PUT', path, { token, body, headers });

/** A case of alice's with an inspection's findings, ready to draft. */
async function openCase(caseId: string): Promise<number> {
  const opened = await t.call('POST', '/v1/cases', {
    token: alice,
    body: {
      caseId,
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某律师事务所' }],
    },
  });
  expect(opened.status).toBe(201);
  const act = await t.call('POST', `/v1/cases/${caseId}/acts`, {
    token: alice,
    body: {
      type: 'OnSiteInspectionRecorded',
      occurredAt: `${today}T00:09:00+08:00`,
      data: { location: '律所办公室', findings: '执业场所未公示执业信息', credentialsShown: true, partyNotified: true },
    },
  });
  expect(act.status).toBe(201);
  return act.body.position as number;
}

async function draft(caseId: string, at: number) {
  const res = await t.call('POST', `/v1/cases/${caseId}/drafts?consistentWith=${at}`, {
    token: alice,
    body: {
      decisionType: 'fine',
      fineFen: 150_000,
      legalBasis: '《律师法》第五十条',
      documentNo: '县司罚〔2026〕7号',
      decidedOn: today,
    },
  });
  expect(res.status).toBe(201);
  const file = async (href: string) => {
    const got = await fetch(t.url + href, { headers: { authorization: `Bearer ${alice}` } });
    return Buffer.from(await got.arrayBuffer());
  };
  return {
    body: res.body,
    pdf: pdfText(await file(res.body.pdf.href)),
    docx: docxText(await file(res.body.docx.href)),
  };
}

describe("an agency's decision templates over HTTP (文书模板)", () => {
  it("when the admin records the agency's fine template, then the list, the history and the next draft use it", async () => {
    const set = await put({ template: OWN, reason: '本机关统一文书格式' }, admin, route(), {
      'idempotency-key': 'tpl-1',
    });
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ agency: AGENCY, decisionType: 'fine', version: 1, revision: 0 });
    const retry = await put({ template: OWN, reason: '本机关统一文书格式' }, admin, route(), {
      'idempotency-key': 'tpl-1',
    });
    expect([retry.status, retry.body.hash]).toEqual([200, set.body.hash]);

    const list = await t.call('GET', `/v1/agencies/${AGENCY}/decision-templates`);
    expect(list.status).toBe(200);
    const byType = Object.fromEntries(list.body.items.map((i: { decisionType: string }) => [i.decisionType, i]));
    expect(byType.fine).toEqual({ decisionType: 'fine', source: 'agency', version: 1, template: OWN });
    expect(byType.warning).toEqual({
      decisionType: 'warning',
      source: 'default',
      version: 0,
      template: JSON.parse(JSON.stringify(DEFAULT_TEMPLATES.warning)),
    });
    const elsewhere = await t.call('GET', `/v1/agencies/${OTHER}/decision-templates/fine`);
    expect(elsewhere.body).toMatchObject({ source: 'default', version: 0, history: [] });

    const one = await t.call('GET', route());
    expect(one.body).toMatchObject({
      agency: AGENCY,
      decisionType: 'fine',
      source: 'agency',
      version: 1,
      template: OWN,
    });
    expect(one.body.history).toEqual([
      expect.objectContaining({ version: 1, change: 'set', reason: '本机关统一文书格式' }),
    ]);

    const drafted = await draft('tpl-d1', await openCase('tpl-d1'));
    expect(drafted.body.template).toEqual({ source: 'agency', agency: AGENCY, version: 1 });
    for (const text of [drafted.pdf, drafted.docx]) {
      expect(text).toContain('司法行政处罚决定书');
      expect(text).toContain('经本局调查核实：执业场所未公示执业信息');
      expect(text).not.toContain('救济途径');
    }
  });

  it('when the admin returns the type to the shipped template, then the reset is in the history and drafts use the default', async () => {
    const reset = await put({ template: null, reason: '恢复系统默认模板' });
    expect([reset.status, reset.body.version]).toEqual([201, 2]);
    const again = await put({ template: null, reason: '再次恢复' });
    expect([again.status, again.body.code]).toEqual([409, 'version_unchanged']);

    const one = await t.call('GET', route());
    expect(one.body).toMatchObject({ source: 'default', version: 2, template: { title: '行政处罚决定书' } });
    expect(one.body.history.map((h: { change: string }) => h.change)).toEqual(['set', 'reset']);
    expect(one.body.history[0].template).toEqual(OWN);

    const drafted = await draft('tpl-d2', await openCase('tpl-d2'));
    expect(drafted.body.template).toEqual({ source: 'default' });
    expect(drafted.pdf).toContain('救济途径');
    expect(drafted.pdf).not.toContain('司法行政处罚决定书');
  });

  it("when an officer, another agency's admin or nobody changes a template, then it is refused and nothing is recorded", async () => {
    const stream = decisionTemplateStream(AGENCY, 'warning');
    const body = { template: OWN, reason: 'r' };
    expect((await put(body, alice, route('warning'))).status).toBe(403);
    const foreign = await put(body, otherAdmin, route('warning'));
    expect([foreign.status, foreign.body.code]).toEqual([403, 'forbidden']);
    expect((await t.call('PUT', route('warning'), { body })).status).toBe(401);
    expect(await t.service.events.readStream(stream)).toEqual([]);
  });

  it('when a template is malformed or names an unknown decision type, then it is refused and nothing is recorded', async () => {
    const stream = decisionTemplateStream(AGENCY, 'warning');
    const paragraph = (text: string) => ({ ...OWN, sections: [{ paragraphs: [text] }] });
    const unknown = await put({ template: paragraph('罚款{amount}元'), reason: 'r' }, admin, route('warning'));
    expect([unknown.status, unknown.body.code]).toEqual([400, 'invalid_body']);
    const noReason = await put({ template: OWN }, admin, route('warning'));
    expect([noReason.status, noReason.body.code]).toEqual([400, 'invalid_body']);
    const embedded = await put({ template: paragraph('当事人：{parties}'), reason: 'r' }, admin, route('warning'));
    expect([embedded.status, embedded.body.code]).toEqual([422, 'template_invalid']);
    expect((await put({ template: OWN, reason: 'r' }, admin, route('toString'))).status).toBe(404);
    expect((await t.call('GET', route('no_such_type'))).status).toBe(404);
    expect(await t.service.events.readStream(stream)).toEqual([]);
  });
});
