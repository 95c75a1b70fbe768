import { openCase, seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * The `ETag` of a case's file and of a page of its events changes whenever the answer does, also where the case's
 * stream did not move (an item amended into a major one; a last page that now has a next one), so a poll with
 * `If-None-Match` is answered `304` only while nothing it shows has changed; and its revision part is what
 * `If-Match` on the case's next act compares.
 */
let t: TestService;
let officer: string;
let admin: string;

const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
const TAG = /^"(\d+)\.[A-Za-z0-9_-]{22}"$/;

beforeAll(async () => {
  t = await startTestService();
  ({ admin } = await seedAgency(t, AGENCY, { reviewers: ['rita'] }));
  officer = t.token('alice', AGENCY, ['officer']);
  for (const caseId of ['e-1', 'f-1']) expect((await openCase(t, officer, caseId)).status).toBe(201);
}, 120_000);
afterAll(() => t.stop());

const get = (route: string, headers: Record<string, string> = {}) => t.call('GET', route, { token: officer, headers });
const act = (caseId: string, type: string, data: object, headers: Record<string, string> = {}) =>
  t.call('POST', `/v1/cases/${caseId}/acts`, {
    token: officer,
    headers,
    body: { type, occurredAt: `${today}T00:10:00+08:00`, data },
  });

describe('ETags of the reads of a case', () => {
  it('when a page of events was the last and an act is recorded, then the same page is no longer 304: it has a next, under another tag', async () => {
    const first = await get('/v1/cases/e-1/events?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.next).toBeUndefined();
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(TAG);
    expect(TAG.exec(tag)![1]).toBe('0');
    expect((await get('/v1/cases/e-1/events?limit=1', { 'if-none-match': tag })).status).toBe(304);

    expect((await act('e-1', 'EvidenceCollected', { description: '现场照片' })).status).toBe(201);
    const again = await get('/v1/cases/e-1/events?limit=1', { 'if-none-match': tag });
    expect(again.status).toBe(200);
    expect(typeof again.body.next).toBe('string');
    expect(again.body.events.map((e: { revision: number }) => e.revision)).toEqual([0]);
    const newTag = again.headers.get('etag')!;
    expect(newTag).not.toBe(tag);
    expect(TAG.exec(newTag)![1]).toBe('0');
    expect((await get('/v1/cases/e-1/events?limit=1', { 'if-none-match': newTag })).status).toBe(304);
  });

  it('when an amendment makes the proposed fine major, then the file is not 304 under its old tag although its revision is the same, and its tag serves as If-Match', async () => {
    const proposed = { decisionType: 'fine', fineFen: 500_000, legalBasis: '《律师法》第五十条' };
    expect((await act('f-1', 'LegalReviewRequested', { proposed })).status).toBe(201);
    const before = await get(`/v1/cases/f-1?consistentWith=${(await t.service.events.readAll()).length}`);
    expect(before.status).toBe(200);
    expect(before.body.major).toBe(false);
    const tag = before.headers.get('etag')!;
    expect(TAG.exec(tag)![1]).toBe(String(before.body.revision));
    expect((await get('/v1/cases/f-1', { 'if-none-match': tag })).status).toBe(304);

    const amended = await t.call('POST', '/v1/items/P-001/amendments', {
      token: admin,
      body: { changes: { major: { fineFenAtLeast: 100_000 } }, reason: '重大执法决定标准调整' },
    });
    expect(amended.status).toBe(201);
    const after = await get(`/v1/cases/f-1?consistentWith=${amended.body.position}`, { 'if-none-match': tag });
    expect(after.status).toBe(200);
    expect([after.body.major, after.body.revision]).toEqual([true, before.body.revision]);
    const newTag = after.headers.get('etag')!;
    expect(newTag).not.toBe(tag);
    expect(TAG.exec(newTag)![1]).toBe(String(before.body.revision));

    // the file's tag names the revision a write compares: current, it is written; after that act, a conflict
    const written = await act('f-1', 'EvidenceCollected', { description: '补充材料' }, { 'if-match': newTag });
    expect([written.status, written.body.revision]).toEqual([201, before.body.revision + 1]);
    const stale = await act('f-1', 'EvidenceCollected', { description: '再补充' }, { 'if-match': newTag });
    expect([stale.status, stale.body.code]).toEqual([409, 'revision_conflict']);
  });

  it('when If-Match is a weak tag of the current revision, then 409 revision_conflict (a weak tag never matches If-Match) and nothing is recorded', async () => {
    expect((await openCase(t, officer, 'w-1')).status).toBe(201);
    for (let i = 0; i < 4; i++)
      expect((await act('w-1', 'EvidenceCollected', { description: `材料${i}` })).status).toBe(201);
    const file = await get(`/v1/cases/w-1?consistentWith=${await t.service.events.headPosition()}`);
    expect(file.body.revision).toBe(4);
    const head = await t.service.events.headPosition();

    for (const tag of ['W/"4"', `W/${file.headers.get('etag')}`]) {
      const weak = await act('w-1', 'EvidenceCollected', { description: '再补充' }, { 'if-match': tag });
      expect([tag, weak.status, weak.body.code]).toEqual([tag, 409, 'revision_conflict']);
      expect(weak.body.detail).toContain('weak entity tag, which never matches');
    }
    expect(await t.service.events.headPosition()).toBe(head);
    // the same revision as a strong tag is written
    const strong = await act('w-1', 'EvidenceCollected', { description: '再补充' }, { 'if-match': '"4"' });
    expect([strong.status, strong.body.revision]).toEqual([201, 5]);
  });
});
