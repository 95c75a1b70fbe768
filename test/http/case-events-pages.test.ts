import { accessStream } from '../../src/app/access-log.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

let t: TestService;
let officer: string;

const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
const ACTS = 11;

beforeAll(async () => {
  t = await startTestService();
  officer = t.token('alice', AGENCY, ['officer']);
  await seedAgency(t, AGENCY);
  const open = {
    caseId: 'p-1',
    itemCode: 'P-001',
    title: '检查',
    openedOn: today,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某公司' }],
  };
  expect((await t.call('POST', '/v1/cases', { token: officer, body: open })).status).toBe(201);
  const acts = Array.from({ length: ACTS }, (_, i) => ({
    type: 'EvidenceCollected',
    occurredAt: `${today}T00:10:00+08:00`,
    data: { description: `照片 ${i}` },
  }));
  expect((await t.call('POST', '/v1/cases/p-1/acts:batch', { token: officer, body: { acts } })).status).toBe(201);
}, 120_000);
afterAll(() => t.stop());

const eventsOf = (query: string) => t.call('GET', `/v1/cases/p-1/events${query}`, { token: officer });

describe('pages of a case’s events', () => {
  it('when a case has more events than the limit, then pages chain through next and together give every event once, in order', async () => {
    const accessBefore = (await t.service.events.readStream(accessStream(AGENCY, 'p-1'))).length;
    const stored = await t.service.events.readStream(caseStream(AGENCY, 'p-1'));
    expect(stored).toHaveLength(ACTS + 1);
    const pages: { events: { id: string; revision: number; position: number }[]; next?: string }[] = [];
    let query = '?limit=5';
    for (;;) {
      const page = await eventsOf(query);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ caseId: 'p-1', agency: AGENCY });
      const last = page.body.events[page.body.events.length - 1];
      expect(page.headers.get('etag')).toMatch(new RegExp(`^"${last.revision}\\.[A-Za-z0-9_-]{22}"$`));
      pages.push(page.body);
      if (page.body.next === undefined) break;
      expect(typeof page.body.next).toBe('string');
      query = `?limit=5&cursor=${encodeURIComponent(page.body.next)}`;
    }
    expect(pages.map((p) => p.events.length)).toEqual([5, 5, 2]);
    const served = pages.flatMap((p) => p.events);
    expect(served.map((e) => e.id)).toEqual(stored.map((r) => r.event.id));
    expect(served.map((e) => e.revision)).toEqual(stored.map((_, i) => i));
    expect(served.map((e) => e.position)).toEqual(stored.map((r) => r.position));
    // one access record per request, whatever the page
    const access = await t.service.events.readStream(accessStream(AGENCY, 'p-1'));
    expect(access.slice(accessBefore).map((r) => r.event.data.action)).toEqual([
      'read_events',
      'read_events',
      'read_events',
    ]);
  });

  it('when no limit is given, then a page holds up to 100 events and, when that is all, no next', async () => {
    const page = await eventsOf('');
    expect(page.status).toBe(200);
    expect(page.body.events).toHaveLength(ACTS + 1);
    expect(page.body).not.toHaveProperty('next');
  });

  it('when the limit is exactly the events left, then the page has no next', async () => {
    const page = await eventsOf(`?limit=${ACTS + 1}`);
    expect(page.body.events).toHaveLength(ACTS + 1);
    expect(page.body).not.toHaveProperty('next');
  });

  it('when the cursor is malformed or the limit out of range, then 400 invalid_query and nothing is recorded', async () => {
    const accessBefore = (await t.service.events.readStream(accessStream(AGENCY, 'p-1'))).length;
    const first = await eventsOf('?limit=5');
    const good = first.body.next as string;
    const forged = [
      'not-a-cursor',
      Buffer.from('r-1').toString('base64url'),
      Buffer.from('r01').toString('base64url'),
      Buffer.from('5').toString('base64url'),
      `${good}=`,
    ];
    for (const cursor of forged) {
      const bad = await eventsOf(`?cursor=${encodeURIComponent(cursor)}`);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('invalid_query');
    }
    for (const query of ['?limit=0', '?limit=1001', '?limit=-1', '?limit=ten', '?limit=5&limit=6', '?cursor=']) {
      const bad = await eventsOf(query);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('invalid_query');
    }
    expect((await eventsOf('?limit=1000')).status).toBe(200);
    const access = await t.service.events.readStream(accessStream(AGENCY, 'p-1'));
    expect(access.length - accessBefore).toBe(2); // the first page and the limit=1000 page
  });

  it('when a cursor points past the last event, then the page is empty with no next', async () => {
    const cursor = Buffer.from(`r${ACTS + 5}`).toString('base64url');
    const page = await eventsOf(`?cursor=${cursor}`);
    expect(page.status).toBe(200);
    expect(page.body.events).toEqual([]);
    expect(page.body).not.toHaveProperty('next');
  });

  it('when another agency asks for a page, then 404 as for the whole case', async () => {
    const other = t.token('olga', 'city-market', ['officer']);
    const cursor = Buffer.from('r5').toString('base64url');
    const page = await t.call('GET', `/v1/cases/p-1/events?cursor=${cursor}`, { token: other });
    expect(page.status).toBe(404);
    expect(page.body.code).toBe('not_found');
  });
});
