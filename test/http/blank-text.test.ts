import { seedAgency, startTestService, type TestService } from '../support/service.js';

// Free text a request states (an act's description, a case's title, an amendment's reason, …) has a visible
// character: text of spaces, tabs, line breaks, ideographic spaces (U+3000) or zero-width characters alone states
// nothing, and is refused as the schema's pattern says, before anything is recorded; so is text holding a control
// character other than tab, line feed and carriage return.

const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
let t: TestService;
let officer: string;
let admin: string;

beforeAll(async () => {
  t = await startTestService();
  ({ officer, admin } = await seedAgency(t, AGENCY));
});
afterAll(() => t.stop());

const BLANKS = [' ', '\t\n', '\u3000\u3000', '\u200B', '\uFEFF\u200D', '\u00AD', '\u3164', '\u2800', '\u200E\u202E'];

describe('free text that is white space alone', () => {
  it("when a case's title, an act's description or an item amendment's reason is blank, then 400 invalid_body at that member and nothing is recorded", async () => {
    const open = (title: string) => ({
      caseId: `blank-${title.length}-${title.charCodeAt(0)}`,
      itemCode: 'P-001',
      title,
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某公司' }],
    });
    for (const blank of BLANKS) {
      const refused = await t.call('POST', '/v1/cases', { token: officer, body: open(blank) });
      expect([refused.status, refused.body.code, refused.body.pointer]).toEqual([400, 'invalid_body', '/title']);
      const caseId = open(blank).caseId;
      expect((await t.call('GET', `/v1/cases/${caseId}`, { token: officer })).status).toBe(404);
    }
    const opened = await t.call('POST', '/v1/cases', { token: officer, body: open('检查') });
    expect(opened.status).toBe(201);
    const act = (description: string) => ({
      type: 'EvidenceCollected',
      occurredAt: `${today}T00:09:30+08:00`,
      officers: ['alice', 'bob'],
      data: { description },
    });
    const route = `/v1/cases/${opened.body.caseId}/acts`;
    for (const blank of BLANKS) {
      const refused = await t.call('POST', route, { token: officer, body: act(blank) });
      expect([refused.status, refused.body.code, refused.body.pointer]).toEqual([
        400,
        'invalid_body',
        '/data/description',
      ]);
    }
    const events = await t.call('GET', `/v1/cases/${opened.body.caseId}/events`, { token: officer });
    expect(events.body.events.map((e: { type: string }) => e.type)).toEqual(['CaseOpened']);
    // text with white space around it states something
    expect((await t.call('POST', route, { token: officer, body: act(' 现场照片\n') })).status).toBe(201);

    for (const blank of BLANKS) {
      const body = { changes: { legalBasis: '《律师法》第五十条第一款' }, reason: blank };
      const refused = await t.call('POST', '/v1/items/P-001/amendments', { token: admin, body });
      expect([refused.status, refused.body.code, refused.body.pointer]).toEqual([400, 'invalid_body', '/reason']);
    }
  });

  it("when a subject's name is blank, then 400 invalid_body at /name and no subject is registered", async () => {
    const subject = (name: string) => ({
      subjectId: `s-${name.length}-${name.charCodeAt(0)}`,
      agency: AGENCY,
      name,
      kind: 'enterprise',
      sector: 'legal-services',
    });
    for (const blank of BLANKS) {
      const refused = await t.call('POST', '/v1/subjects', { token: admin, body: subject(blank) });
      expect([refused.status, refused.body.code, refused.body.pointer]).toEqual([400, 'invalid_body', '/name']);
    }
    expect((await t.call('POST', '/v1/subjects', { token: admin, body: subject('某律师事务所') })).status).toBe(201);
  });
});

describe('free text holding a control character', () => {
  it("when a case's title or an officer's name or certificate number holds one, then 400 invalid_body at that member and nothing is recorded", async () => {
    for (const [i, title] of ['检查\u0000', '\u001b[31m检查', '检查\u007f', '检查\u000b记录', '检查\u0085'].entries()) {
      const body = {
        caseId: `control-${i}`,
        itemCode: 'P-001',
        title,
        openedOn: today,
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某公司' }],
      };
      const refused = await t.call('POST', '/v1/cases', { token: officer, body });
      expect([refused.status, refused.body.code, refused.body.pointer]).toEqual([400, 'invalid_body', '/title']);
      expect((await t.call('GET', `/v1/cases/control-${i}`, { token: officer })).status).toBe(404);
    }
    const register = (name: string, certificateNo: string) => ({
      officerId: 'carol',
      name,
      agency: AGENCY,
      certificateNo,
      validFrom: '2026-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    });
    const name = await t.call('POST', '/v1/officers', { token: admin, body: register('陈\u0007晓', 'JS-1') });
    expect([name.status, name.body.pointer]).toEqual([400, '/name']);
    const number = await t.call('POST', '/v1/officers', { token: admin, body: register('陈晓', '\u200B') });
    expect([number.status, number.body.pointer]).toEqual([400, '/certificateNo']);
    // a token revocation's subject too
    const revoked = await t.call('POST', '/v1/tokens/revocations', {
      token: admin,
      body: { sub: 'alice\u0000', before: new Date().toISOString() },
    });
    expect([revoked.status, revoked.body.code]).toEqual([400, 'invalid_body']);
    // tabs and line breaks inside text are text
    expect((await t.call('POST', '/v1/officers', { token: admin, body: register('陈\t晓', 'JS-1\r\n') })).status).toBe(
      201,
    );
  });
});
