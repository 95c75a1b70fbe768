import fs from 'node:fs';
import path from 'node:path';
import {
  APPLICANT_PERSONAL_FIELDS,
  APPLICATION_FREE_TEXT_FIELDS,
  dataKeyScope,
  DRAFT_FREE_TEXT_FIELDS,
  FREE_TEXT_FIELDS,
  PARTY_PERSONAL_FIELDS,
  personalPaths,
} from '../../../src/domain/personal-fields.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { declareAnnotations, loadValidators } from '../../../src/http/validation.js';
import { MAX_EVENT_DATA_BYTES } from '../../../src/ledger/json-bounds.js';
import { sealValue } from '../../../src/ledger/sealed-field.js';

const schemaDir = path.resolve(__dirname, '../../../schemas');

/** Every `x-personal` annotation under `schema`, as [JSON path of the schema member, annotation]. */
function annotations(schema: unknown, at = ''): [string, unknown][] {
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema).flatMap(([key, value]) =>
    key === 'x-personal' ? [[at, value] as [string, unknown]] : annotations(value, `${at}/${key}`),
  );
}

describe('personal fields', () => {
  it('when the schemas are scanned, then x-personal marks exactly the party members the sealing list names', () => {
    const files = (fs.readdirSync(schemaDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.json'));
    const found = files.flatMap((f) =>
      annotations(JSON.parse(fs.readFileSync(path.join(schemaDir, f), 'utf8'))).map(([at, v]) => [f, at, v]),
    );
    const mark = (field: string) => (field === 'name' ? { exceptWhere: { kind: 'organization' } } : true);
    const byPlace = (a: unknown[], b: unknown[]) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`);
    expect(found.sort(byPlace)).toEqual(
      [
        ...APPLICANT_PERSONAL_FIELDS.map((field) => [
          path.join('commands', 'file-application.schema.json'),
          `/$defs/applicant/properties/${field}`,
          mark(field),
        ]),
        ...APPLICATION_FREE_TEXT_FIELDS.map((field) => [
          path.join('commands', 'file-application.schema.json'),
          `/properties/${field}`,
          true,
        ]),
        ...DRAFT_FREE_TEXT_FIELDS.map((field) => [
          path.join('commands', 'draft-decision.schema.json'),
          `/properties/${field}`,
          true,
        ]),
        ...PARTY_PERSONAL_FIELDS.map((field) => ['defs.schema.json', `/$defs/party/properties/${field}`, mark(field)]),
        ...Object.entries(FREE_TEXT_FIELDS).flatMap(([type, fields]) =>
          // a member inside another (`proposed/deviationReason`) is marked in the act's schema where it sits
          fields.map((field) => [
            path.join('acts', `${type}.schema.json`),
            field
              .split('/')
              .map((member) => `/properties/${member}`)
              .join(''),
            true,
          ]),
        ),
      ].sort(byPlace),
    );
  });

  it("when a case is opened, then a person's name and every party's identifiers and contacts are personal", () => {
    const data = {
      parties: [
        { kind: 'person', name: '张三', idNumber: '1', phone: '2', address: '3' },
        { kind: 'organization', name: '某公司', idNumber: '9' },
      ],
    };
    expect(personalPaths('CaseOpened', { ...data, title: '张三无证经营案' })).toEqual([
      '/title',
      '/parties/0/name',
      '/parties/0/idNumber',
      '/parties/0/phone',
      '/parties/0/address',
      '/parties/1/idNumber',
    ]);
  });

  it("when an application is filed, then a person's name, identifiers and contacts and the request are personal, an organisation's name not", () => {
    const applicant = { kind: 'person', name: '王小明', idNumber: '1', phone: '2', email: 'a@b.cn', address: '3' };
    expect(personalPaths('ApplicationFiled', { applicant, request: '申请' })).toEqual([
      '/applicant/name',
      '/applicant/idNumber',
      '/applicant/phone',
      '/applicant/email',
      '/applicant/address',
      '/request',
    ]);
    expect(
      personalPaths('ApplicationFiled', { applicant: { kind: 'organization', name: '某所', phone: '2' } }),
    ).toEqual(['/applicant/phone']);
  });

  it('when an act with free text is recorded, then its free text is personal and nothing else of it', () => {
    expect(personalPaths('EvidenceCollected', { description: '张三的陈述' })).toEqual(['/description']);
    expect(
      personalPaths('OnSiteInspectionRecorded', {
        location: '某路1号',
        findings: '张三在场',
        credentialsShown: true,
        partyNotified: true,
      }),
    ).toEqual(['/location', '/findings']);
    expect(personalPaths('RecordCorrected', { corrects: 'x', reason: '笔误', data: {} })).toEqual(['/reason', '/data']);
    expect(personalPaths('RecordingAttached', { description: '询问张三的录像', relatesTo: 'e' })).toEqual([
      '/description',
    ]);
    expect(personalPaths('CounselOpinionRecorded', { opinion: '同意', counsel: 'a', givenOn: '2026-01-01' })).toEqual([
      '/opinion',
    ]);
    expect(personalPaths('PropertySeized', { items: '张三的货车一辆', legalBasis: '《行政强制法》' })).toEqual([
      '/items',
    ]);
    expect(personalPaths('ForcedDemolition', { target: '张三在某路1号的棚屋', legalBasis: '《行政强制法》' })).toEqual([
      '/target',
    ]);
    expect(personalPaths('ReviewDisagreementResolved', { outcome: 'review_upheld', reasoning: '张三…' })).toEqual([
      '/reasoning',
    ]);
    expect(personalPaths('CredentialsShown', { note: '向张三出示执法证' })).toEqual(['/note']);
    expect(personalPaths('CredentialsShown', {})).toEqual([]);
    expect(personalPaths('PartyNotified', { grounds: '张三涉嫌…', rights: '告知张三陈述、申辩权' })).toEqual([
      '/grounds',
      '/rights',
    ]);
    expect(personalPaths('DocumentServed', { document: '送达张三的决定书', method: 'direct' })).toEqual(['/document']);
  });

  it("when a fine leaves its benchmark or a review is requested, then the reason and the materials are sealed, the proposal's terms not", () => {
    const decision = {
      decisionType: 'fine',
      fineFen: 900_000,
      legalBasis: '《律师法》第五十条',
      documentNo: '县司罚〔2026〕1号',
      decidedOn: '2026-01-01',
      circumstance: 'serious',
    };
    expect(personalPaths('DecisionIssued', { ...decision, deviationReason: '张三系低保户，从轻处罚' })).toEqual([
      '/deviationReason',
    ]);
    expect(personalPaths('DecisionIssued', decision)).toEqual([]);
    const { documentNo: _n, decidedOn: _d, ...proposed } = decision;
    const materials = ['调查终结报告', '张三的询问笔录'];
    expect(
      personalPaths('LegalReviewRequested', { proposed: { ...proposed, deviationReason: '张三多次违法' }, materials }),
    ).toEqual(['/proposed/deviationReason', '/materials']);
    expect(personalPaths('LegalReviewRequested', { proposed })).toEqual([]);
  });

  it("when a decision is drafted, then the facts and reasons written are personal, sealed under the case's key, and nothing else of the draft", () => {
    const draft = { draftId: 'd-1', caseId: 'c-1', decisionType: 'fine', documentNo: '县司罚〔2026〕7号' };
    expect(
      personalPaths('DecisionDrafted', { ...draft, facts: '张三未公示', reasons: '经责令改正后仍未改正' }),
    ).toEqual(['/facts', '/reasons']);
    expect(personalPaths('DecisionDrafted', draft)).toEqual([]);
    // the draft's own stream holds it, the case's key seals it: erasing the case erases it
    const stream = 'draft-county-justice:d-1';
    expect(dataKeyScope({ stream, type: 'DecisionDrafted', data: draft })).toBe('case-county-justice:c-1');
    const act = { stream: 'case-county-justice:c-1', type: 'EvidenceCollected', data: { description: '陈述' } };
    expect(dataKeyScope(act)).toBe('case-county-justice:c-1');
  });

  it('when another act is recorded, then none of its members is sealed', () => {
    expect(personalPaths('CaseClosed', { closedOn: '2026-01-01' })).toEqual([]);
    expect(personalPaths('CaseMarkedComplex', { reason: '案情复杂' })).toEqual([]);
  });

  it('when a free-text field as long as a body may send it is sealed, then the published event schema accepts the sealed value', () => {
    // the schemas alone, as an integrator validating the log's events uses them (not the service's body bounds)
    const ajv = new Ajv2020({ strict: true });
    ajvFormats.default(ajv);
    declareAnnotations(ajv);
    for (const file of fs.readdirSync(schemaDir, { recursive: true, encoding: 'utf8' })) {
      if (file.endsWith('.schema.json')) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8')));
    }
    const valid = (id: string, data: unknown) => ajv.getSchema(id)!(data);
    const where = { eventId: '0190d6e2-7a4b-7c3d-8e9f-0a1b2c3d4e5f', path: '/description' };
    // 10,000 characters of three UTF-8 bytes each: the ciphertext is some 40,000 base64url characters
    const longest = '据'.repeat(10_000);
    expect(valid('urn:evidence-ledger:schema:act:EvidenceCollected', { description: longest })).toBe(true);
    const sealed = sealValue(Buffer.alloc(32, 1), { iv: Buffer.alloc(12), salt: Buffer.alloc(32) }, where, longest);
    expect(sealed.ct.length).toBeGreaterThan(40_000);
    expect(valid('urn:evidence-ledger:schema:event:EvidenceCollected', { description: sealed })).toBe(true);
    // the data the ledger signs is at most MAX_EVENT_DATA_BYTES in canonical form, so no ciphertext is longer
    const tooLong = { ...sealed, ct: 'A'.repeat(MAX_EVENT_DATA_BYTES + 1) };
    expect(valid('urn:evidence-ledger:schema:event:EvidenceCollected', { description: tooLong })).toBe(false);
  });

  it('when a recorded CaseOpened holds sealed members, then its event schema accepts them and no malformed seal', () => {
    const validate = loadValidators(schemaDir);
    const where = { eventId: '0190d6e2-7a4b-7c3d-8e9f-0a1b2c3d4e5f', path: '/parties/0/name' };
    const sealed = sealValue(Buffer.alloc(32, 1), { iv: Buffer.alloc(12), salt: Buffer.alloc(32) }, where, '张三');
    const data = (name: unknown) => ({
      caseId: 'c-1',
      itemCode: 'P-001',
      title: '某案',
      openedOn: '2019-09-20',
      officers: ['alice'],
      parties: [{ kind: 'person', name, idNumber: sealed }],
    });
    const id = 'urn:evidence-ledger:schema:event:CaseOpened';
    expect(() => validate(id, data(sealed))).not.toThrow();
    expect(() => validate(id, data('张三'))).not.toThrow(); // events recorded before sealing
    expect(() => validate(id, data({ ...sealed, sealed: 'rot13' }))).toThrow();
    expect(() => validate(id, data({ ...sealed, extra: 1 }))).toThrow();
    // a client never submits a sealed value: the command's party takes clear text only
    const { caseId: _caseId, ...body } = data(sealed);
    const { caseId: _clearId, ...clear } = data('张三');
    expect(() => validate('urn:evidence-ledger:schema:command:open-case', body)).toThrow();
    expect(() =>
      validate('urn:evidence-ledger:schema:command:open-case', {
        ...clear,
        parties: [{ kind: 'person', name: '张三' }],
      }),
    ).not.toThrow();
  });
});
