import crypto from 'node:crypto';
import { draftStream } from '../../src/app/decision-drafts.js';
import { accessStream, deniedAccessStream } from '../../src/app/access-log.js';
import { docxText, pdfText } from '../support/documents.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);

let t: TestService;
let alice: string;
let carol: string;
let outsider: string;

beforeAll(async () => {
  t = await startTestService();
  await seedAgency(t, AGENCY, { officers: ['alice', 'bob', 'carol'] });
  alice = t.token('alice', AGENCY, ['officer']);
  carol = t.token('carol', AGENCY, ['officer']);
  outsider = t.token('olga', 'city-market', ['officer']);
});
afterAll(() => t.stop());

const DRAFT = {
  decisionType: 'fine',
  fineFen: 150_000,
  legalBasis: '《律师法》第五十条',
  documentNo: '县司罚〔2026〕7号',
  decidedOn: today,
  reasons: '当事人经责令改正后仍未公示',
};

/** A case with an inspection and a piece of evidence, as a draft reads it. */
async function openCase(caseId: string): Promise<number> {
  const opened = await t.call('POST', '/v1/cases', {
    token: alice,
    body: {
      caseId,
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某律师事务所', idNumber: '31110000MD0123456X' }],
    },
  });
  expect(opened.status).toBe(201);
  const acts = [
    {
      type: 'OnSiteInspectionRecorded',
      occurredAt: `${today}T00:09:00+08:00`,
      data: {
        location: '律所办公室',
        findings: '执业场所未公示律师执业信息',
        credentialsShown: true,
        partyNotified: true,
      },
    },
    { type: 'EvidenceCollected', occurredAt: `${today}T00:09:30+08:00`, data: { description: '现场检查笔录' } },
  ];
  let position = opened.body.position as number;
  for (const body of acts) {
    const res = await t.call('POST', `/v1/cases/${caseId}/acts`, { token: alice, body });
    expect(res.status).toBe(201);
    position = res.body.position;
  }
  return position;
}

const bytes = async (route: string, token: string) => {
  const res = await fetch(t.url + route, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
};
const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

describe('drafting decision documents over HTTP (文书制作)', () => {
  it("when a handling officer drafts a fine, then the PDF and DOCX are stored, readable by the case's readers, and hold the case's text", async () => {
    const at = await openCase('d-1');
    const res = await t.call('POST', `/v1/cases/d-1/drafts?consistentWith=${at}`, { token: alice, body: DRAFT });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      caseId: 'd-1',
      decisionType: 'fine',
      documentNo: '县司罚〔2026〕7号',
      template: { source: 'default' },
      pdf: { contentType: 'application/pdf' },
      docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    });
    expect(res.body.documentSha256).toBe(res.body.pdf.sha256);
    expect(res.headers.get('location')).toBe(res.body.pdf.href);

    const pdf = await bytes(res.body.pdf.href, alice);
    expect([pdf.status, pdf.type, sha256(pdf.body)]).toEqual([200, 'application/pdf', res.body.pdf.sha256]);
    const text = pdfText(pdf.body);
    expect(text).toContain('行政处罚决定书');
    expect(text).toContain('某某律师事务所');
    expect(text).toContain('执业场所未公示律师执业信息');
    const docx = await bytes(res.body.docx.href, t.token('bob', AGENCY, ['officer']));
    expect([docx.status, sha256(docx.body)]).toEqual([200, res.body.docx.sha256]);
    expect(docxText(docx.body)).toContain('壹仟伍佰元整（1,500.00 元）');

    const recorded = await t.service.events.readStream(draftStream(AGENCY, res.body.draftId));
    expect(recorded.map((r) => [r.event.type, r.event.data.caseId])).toEqual([['DecisionDrafted', 'd-1']]);
    // the draft keeps the decision it proposes, which the portal's decision form is filled in from
    expect(recorded[0]!.event.data).toMatchObject({
      decisionType: 'fine',
      fineFen: 150_000,
      legalBasis: '《律师法》第五十条',
      documentNo: '县司罚〔2026〕7号',
      decidedOn: today,
    });
    // the reasons written are kept sealed under the case's data key, never in clear; the answer names none
    expect(recorded[0]!.event.data.reasons).toMatchObject({ sealed: 'aes-256-gcm/v1' });
    expect(recorded[0]!.event.data).not.toHaveProperty('facts');
    expect(JSON.stringify(recorded[0]!.event)).not.toContain(DRAFT.reasons);
    expect(Object.keys(res.body).sort()).toEqual(
      ['caseId', 'decisionType', 'docx', 'documentNo', 'documentSha256', 'draftId', 'pdf', 'template'].sort(),
    );
    const trail = await t.service.events.readStream(accessStream(AGENCY, 'd-1'));
    expect(trail.map((r) => r.event.data.action)).toEqual(['read_case', 'read_media', 'read_media']);
    // each file read is named by its digest, as a medium's read is
    expect(trail.map((r) => r.event.data.media)).toEqual([undefined, res.body.pdf.sha256, res.body.docx.sha256]);
  });

  it('when the agency has recorded its name, then a draft of the shipped template is issued in that name', async () => {
    const named = await t.call('PUT', `/v1/agencies/${AGENCY}/profile`, {
      token: t.token('head', AGENCY, ['admin']),
      body: { agency: AGENCY, name: '某某县司法局' },
    });
    expect(named.status).toBe(201);
    const at = await openCase('d-named');
    const res = await t.call('POST', `/v1/cases/d-named/drafts?consistentWith=${at}`, {
      token: alice,
      body: { ...DRAFT, documentNo: '县司罚〔2026〕8号' },
    });
    expect(res.status).toBe(201);
    const text = docxText((await bytes(res.body.docx.href, alice)).body);
    expect(text).toContain('某某县司法局（印章）');
    expect(text).not.toContain(`${AGENCY}（印章）`);
  });

  it("when another agency asks for a draft's file, or a draft under another case, then it is not found", async () => {
    await openCase('d-2');
    const at = await openCase('d-2b');
    const res = await t.call('POST', `/v1/cases/d-2/drafts?consistentWith=${at}`, { token: alice, body: DRAFT });
    expect(res.status).toBe(201);
    expect((await bytes(res.body.pdf.href, outsider)).status).toBe(404);
    // a case alice may read that has no such draft: 404 of the draft, and no read or refusal of the case recorded
    const trails = async () =>
      (
        await Promise.all(
          [accessStream(AGENCY, 'd-2b'), deniedAccessStream(AGENCY, 'alice')].map((s) =>
            t.service.events.readStream(s),
          ),
        )
      ).map((events) => events.length);
    const before = await trails();
    const elsewhere = await bytes(`/v1/cases/d-2b/drafts/${res.body.draftId}/pdf`, alice);
    expect(elsewhere.status).toBe(404);
    expect(JSON.parse(elsewhere.body.toString('utf8'))).toMatchObject({
      code: 'not_found',
      detail: `no draft ${res.body.draftId} of case d-2b`,
    });
    expect(await trails()).toEqual(before);
    expect((await bytes(`/v1/cases/d-2/drafts/${res.body.draftId}/toString`, alice)).status).toBe(404);
    // not yet an act: no case references the file, so it is no medium anyone reads
    expect((await bytes(`/v1/media/${res.body.documentSha256}`, alice)).status).toBe(404);
  });

  it('when a draft is asked for again under its Idempotency-Key, then the first draft is answered (200) and no other is made; another decision under the key is 422', async () => {
    const at = await openCase('d-key');
    const ask = (body: object, key = 'draft-1') =>
      t.call('POST', `/v1/cases/d-key/drafts?consistentWith=${at}`, {
        token: alice,
        body,
        headers: { 'idempotency-key': key },
      });
    const first = await ask(DRAFT);
    expect(first.status).toBe(201);
    const before = await t.service.events.headPosition();
    const again = await ask(DRAFT);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.body.pdf.href);
    const other = await ask({ ...DRAFT, fineFen: 200_000 });
    expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
    // the reasons are kept (sealed) with the draft: other reasons under the key are another request too
    const reasons = await ask({ ...DRAFT, reasons: '当事人拒不改正' });
    expect([reasons.status, reasons.body.code]).toEqual([422, 'idempotency_key_reused']);
    // neither made a draft nor stored a file: only the retrievals of the case file are recorded
    const after = await t.service.events.readAll({ after: before });
    expect(after.map((r) => r.event.type).filter((x) => x !== 'CaseAccessed')).toEqual([]);
    // another key is another draft
    const second = await ask(DRAFT, 'draft-2');
    expect(second.status).toBe(201);
    expect(second.body.draftId).not.toBe(first.body.draftId);
  });

  it('when an officer who does not handle the case, or a bad body, asks for a draft, then it is refused and nothing is stored', async () => {
    const at = await openCase('d-3');
    const before = await t.service.events.headPosition();
    const other = await t.call('POST', `/v1/cases/d-3/drafts?consistentWith=${at}`, { token: carol, body: DRAFT });
    expect([other.status, other.body.code]).toEqual([403, 'forbidden']);
    const bad = await t.call('POST', '/v1/cases/d-3/drafts', { token: alice, body: { ...DRAFT, fineFen: 1.5 } });
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid_body']);
    const none = await t.call('POST', '/v1/cases/no-such/drafts', { token: alice, body: DRAFT });
    expect(none.status).toBe(404);
    // the refused attempts leave only their access records, no draft and no media
    const after = await t.service.events.readAll({ after: before });
    expect(after.map((r) => r.event.type).filter((x) => x !== 'CaseAccessed' && x !== 'CaseAccessDenied')).toEqual([]);
  });

  it('when the draft is issued, then DecisionIssued must carry the file it names, and the case file shows the issued document', async () => {
    const at = await openCase('d-4');
    const draft = await t.call('POST', `/v1/cases/d-4/drafts?consistentWith=${at}`, { token: alice, body: DRAFT });
    expect(draft.status).toBe(201);
    const file = await t.call('GET', '/v1/cases/d-4', { token: alice });
    expect(file.body.decision).toBeUndefined(); // a draft decides nothing

    const { reasons: _reasons, ...decision } = DRAFT;
    const issue = (media: string[]) =>
      t.call('POST', '/v1/cases/d-4/acts', {
        token: alice,
        body: {
          type: 'DecisionIssued',
          occurredAt: `${today}T00:15:00+08:00`,
          data: { ...decision, documentSha256: draft.body.documentSha256 },
          media,
        },
      });
    const missing = await issue([draft.body.docx.sha256]);
    expect([missing.status, missing.body.code]).toEqual([422, 'decision_document_not_attached']);
    const issued = await issue([draft.body.documentSha256]);
    expect(issued.status).toBe(201);
    const after = await t.call('GET', `/v1/cases/d-4?consistentWith=${issued.body.position}`, { token: alice });
    expect(after.body.decision).toMatchObject({
      documentNo: '县司罚〔2026〕7号',
      document: { sha256: draft.body.documentSha256, contentType: 'application/pdf', size: draft.body.pdf.size },
    });
    const medium = await bytes(`/v1/media/${draft.body.documentSha256}`, alice);
    expect([medium.status, sha256(medium.body)]).toEqual([200, draft.body.documentSha256]);
    // decided, the case is drafted no more: 409 naming its status, and nothing is stored
    const again = await t.call('POST', `/v1/cases/d-4/drafts?consistentWith=${issued.body.position}`, {
      token: alice,
      body: { ...DRAFT, documentNo: '县司罚〔2026〕8号' },
    });
    expect([again.status, again.body.code, again.body.caseStatus]).toEqual([409, 'act_out_of_order', 'decided']);
  });
});
