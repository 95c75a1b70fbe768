import { caseStream } from '../../src/domain/case/acts.js';
import fc from 'fast-check';
import { ACT_TYPES } from '../../src/domain/case/acts.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * Bad input gets a clear error and changes nothing: thousands of generated bodies, from random JSON to valid
 * acts with one thing broken, sent to the act route of a real server.
 */
const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
let t: TestService;
let officer: string;

beforeAll(async () => {
  t = await startTestService();
  await seedAgency(t, AGENCY, { item: { code: 'P-1' } });
  officer = t.token('alice', AGENCY, ['officer']);
  const open = {
    caseId: 'prop-1',
    itemCode: 'P-1',
    title: 't',
    openedOn: today,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'person', name: '李四' }],
  };
  expect((await t.call('POST', '/v1/cases', { token: officer, body: open })).status).toBe(201);
});
afterAll(() => t.stop());

const valid = { type: 'EvidenceCollected', occurredAt: `${today}T00:09:00+08:00`, data: { description: '照片' } };
const keyOf = fc.constantFrom('type', 'occurredAt', 'data', 'officers', 'media', 'extra');

/** A valid body with one thing changed: a member dropped, replaced by any JSON, or the type swapped. */
const mutated = fc.oneof(
  keyOf.map((key) => {
    const copy: Record<string, unknown> = structuredClone(valid);
    delete copy[key];
    return copy;
  }),
  fc.tuple(keyOf, fc.jsonValue({ maxDepth: 3 })).map(([key, value]) => ({ ...structuredClone(valid), [key]: value })),
  fc
    .tuple(fc.constantFrom(...ACT_TYPES, 'TeaServed', ''), fc.jsonValue({ maxDepth: 2 }))
    .map(([type, data]) => ({ ...valid, type, data })),
  fc.jsonValue({ maxDepth: 2 }).map((value) => ({ ...valid, data: { description: value } })),
);

const body = fc.oneof(
  { weight: 2, arbitrary: mutated.map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) }, // mostly not JSON at all
);

describe('generated request bodies', () => {
  it('when thousands of generated bodies are posted as acts, then every answer is < 500, and only accepted ones add an event', async () => {
    let length = (await t.service.events.readStream(caseStream(AGENCY, 'prop-1'))).length;
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const res = await t.call('POST', '/v1/cases/prop-1/acts', {
          token: officer,
          body: text,
          headers: { 'content-type': 'application/json' },
        });
        expect(res.status).toBeLessThan(500);
        const after = (await t.service.events.readStream(caseStream(AGENCY, 'prop-1'))).length;
        if (res.status >= 400) {
          refused++;
          expect(typeof res.body?.code).toBe('string');
          expect(after).toBe(length);
        } else {
          accepted++;
          expect(after).toBe(length + 1);
        }
        length = after;
      }),
      { numRuns: 1000 },
    );
    expect(refused).toBeGreaterThan(500);
    expect(accepted).toBeGreaterThan(0);
  }, 120_000);

  it('when the body is larger than the limit, then 413 too_large', async () => {
    const huge = JSON.stringify({ ...valid, data: { description: 'x'.repeat(2 * 1024 * 1024) } });
    const res = await t.call('POST', '/v1/cases/prop-1/acts', { token: officer, body: huge });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('too_large');
  });
});
