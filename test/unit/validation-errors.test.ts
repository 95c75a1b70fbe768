import path from 'node:path';
import { InvalidBody, loadValidators, MAX_REPORTED_ERRORS } from '../../src/http/validation.js';

/*
 * A body refused by its schema names every place it breaks it (`errors`, as RFC 9457's example extension does), not
 * only the first: a form or a client then corrects them all at once. `pointer` still names the first, as before.
 */

const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
const OPEN_CASE = 'urn:evidence-ledger:schema:command:open-case';
const RECORD_ACT = 'urn:evidence-ledger:schema:command:record-act';

function refusal(schemaId: string, body: unknown): InvalidBody {
  try {
    validate(schemaId, body);
  } catch (err) {
    if (err instanceof InvalidBody) return err;
    throw err;
  }
  throw new Error('the body was accepted');
}

const opening = {
  caseId: 'c-1',
  itemCode: 'P-001',
  title: '某律所未公示执业信息案',
  openedOn: '2026-03-02',
  officers: ['alice', 'bob'],
  parties: [{ kind: 'organization', name: '某某律师事务所' }],
};

describe('every error of a refused body', () => {
  it('when a member must be a constant or one of a few values, then the detail names them (never the value sent)', () => {
    const disabled = refusal('urn:evidence-ledger:schema:command:change-webhook', { enabled: false });
    expect(disabled.details.errors).toEqual([expect.objectContaining({ pointer: '/enabled', detail: 'must be true' })]);
    const kind = refusal(OPEN_CASE, { ...opening, parties: [{ kind: 'firm-xyz', name: '某某律师事务所' }] });
    expect(kind.details.errors).toEqual([
      expect.objectContaining({ pointer: '/parties/0/kind', detail: 'must be one of "person", "organization"' }),
    ]);
    expect(JSON.stringify(kind.details)).not.toContain('firm-xyz');
  });

  it('when a body is valid, then nothing is refused', () => {
    expect(() => validate(OPEN_CASE, opening)).not.toThrow();
  });

  it('when two members are wrong and one is missing, then each is named, a missing one where it is missing', () => {
    const { title: _, ...untitled } = opening;
    const err = refusal(OPEN_CASE, { ...untitled, openedOn: '2026-3-2', officers: 'alice' });
    const errors = err.details.errors as { pointer: string; detail: string }[];
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/officers', '/openedOn', '/title']);
    expect(errors.every((e) => typeof e.detail === 'string' && e.detail.length > 0)).toBe(true);
    expect(err.details.pointer).toEqual(expect.any(String)); // the first, as before
  });

  it("when an act's data misses two members, then both are named under /data, not the other act types' members", () => {
    const err = refusal(RECORD_ACT, { type: 'PropertySeized', occurredAt: '2026-03-02T09:30:00+08:00', data: {} });
    const pointers = (err.details.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/data/items', '/data/legalBasis']));
    expect(pointers.every((p) => p.startsWith('/data/'))).toBe(true);
  });

  it('when a member breaks its schema in many ways, then it is named once', () => {
    const err = refusal(OPEN_CASE, { ...opening, openedOn: 7 });
    expect(err.details.errors).toEqual([{ pointer: '/openedOn', detail: expect.any(String), kind: 'type' }]);
  });

  it('when a body breaks its schema in more places than are reported, then the first are', () => {
    const parties = Array.from({ length: 40 }, () => ({ kind: 'organization', name: 5 }));
    const err = refusal(OPEN_CASE, { ...opening, parties });
    expect((err.details.errors as unknown[]).length).toBe(MAX_REPORTED_ERRORS);
  });

  it.each([
    ['an absent member', { title: undefined }, '/title', 'missing', undefined],
    ['an empty text', { title: '' }, '/title', 'missing', undefined],
    ['no officer', { officers: [] }, '/officers', 'missing', undefined],
    ['a text too long', { title: 'x'.repeat(10_001) }, '/title', 'too_long', 10_000],
    // spaces alone fill in nothing: missing, as an empty text is
    ['a text of spaces only', { title: '   ' }, '/title', 'missing', undefined],
    ['a date written otherwise', { openedOn: '2026-3-2' }, '/openedOn', 'format', undefined],
    ['a number for a text', { title: 7 }, '/title', 'type', undefined],
    ['a kind not allowed', { parties: [{ kind: 'robot', name: 'x' }] }, '/parties/0/kind', 'choice', undefined],
  ])('when a body has %s, then its error says what kind of fault it is', (_what, change, pointer, kind, limit) => {
    const body = { ...opening, ...change } as Record<string, unknown>;
    for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k];
    const err = refusal(OPEN_CASE, body);
    expect(err.details.errors).toContainEqual({
      pointer,
      detail: expect.any(String),
      kind,
      ...(limit === undefined ? {} : { limit }),
    });
  });

  it('when a member the schema does not allow is sent, then the error names that member, not the object holding it', () => {
    const err = refusal(OPEN_CASE, { ...opening, extra: 1 });
    expect(err.details.pointer).toBe('/extra');
    expect(err.details.errors).toEqual([{ pointer: '/extra', detail: expect.any(String), kind: 'other' }]);
  });

  it('when a text that needs several characters is left empty, then it is missing, not too short', () => {
    const filing = 'urn:evidence-ledger:schema:command:file-application';
    const body = (phone: string) => ({
      agency: 'a',
      itemCode: 'L-001',
      applicant: { kind: 'person', name: '王小明', phone },
      request: '申请',
    });
    expect(refusal(filing, body('')).details.errors).toEqual([
      { pointer: '/applicant/phone', detail: expect.any(String), kind: 'missing' },
    ]);
    expect(refusal(filing, body('12')).details.errors).toEqual([
      { pointer: '/applicant/phone', detail: expect.any(String), kind: 'too_short', limit: 3 },
    ]);
  });

  it('when a number is past its bounds, then the error says which bound', () => {
    const settings = 'urn:evidence-ledger:schema:command:set-review-settings';
    const low = refusal(settings, { agency: 'a', reviewWorkingDays: 0, reason: 'r' });
    expect(low.details.errors).toEqual([
      { pointer: '/reviewWorkingDays', detail: expect.any(String), kind: 'too_small', limit: 1 },
    ]);
    const high = refusal(settings, { agency: 'a', reviewWorkingDays: 61, reason: 'r' });
    expect(high.details.errors).toEqual([
      { pointer: '/reviewWorkingDays', detail: expect.any(String), kind: 'too_large', limit: 60 },
    ]);
  });
});
