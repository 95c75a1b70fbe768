import path from 'node:path';
import { caseStream } from '../../src/domain/case/acts.js';
import { parseAgencyStream } from '../../src/ledger/streams.js';
import { loadValidators } from '../../src/http/validation.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const A = 'county-justice';
const B = 'city-market';
const today = new Date().toISOString().slice(0, 10);
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
let t: TestService;
let officerA: string;
let officerB: string;

async function openCase(agency: string, officer: string, caseId: string): Promise<void> {
  const body = {
    caseId,
    itemCode: 'P-1',
    title: 't',
    openedOn: today,
    officers: [`a-${agency}`, `b-${agency}`],
    parties: [{ kind: 'person', name: '王五' }],
  };
  expect((await t.call('POST', '/v1/cases', { token: officer, body })).status).toBe(201);
}

const act = (description: string) => ({
  type: 'EvidenceCollected',
  occurredAt: `${today}T00:09:00+08:00`,
  officers: [`a-${A}`, `b-${A}`],
  data: { description },
});

beforeAll(async () => {
  t = await startTestService();
  officerA = (await seedAgency(t, A, { officers: [`a-${A}`, `b-${A}`], item: { code: 'P-1' } })).officer;
  officerB = (await seedAgency(t, B, { officers: [`a-${B}`, `b-${B}`], item: { code: 'P-1' } })).officer;
  await openCase(A, officerA, 'feed-1');
  await openCase(B, officerB, 'feed-1');
});
afterAll(() => t.stop());

const integrationOf = (agency: string) => t.token(`sys-${agency}`, agency, ['integration']);

/** Every event of the feed from `after`, following `Link: rel="next"` until a page is empty. */
async function drain(token: string, query: string): Promise<{ position: number; event: any }[]> {
  const events: { position: number; event: any }[] = [];
  let next: string | undefined = `/v1/events?${query}`;
  for (let pages = 0; next && pages < 100; pages++) {
    const res = await t.call('GET', next, { token });
    expect(res.status).toBe(200);
    expect(() => validate('urn:evidence-ledger:schema:response:event-feed', res.body)).not.toThrow();
    if (res.body.events.length === 0) break;
    events.push(...res.body.events);
    next = /^<([^>]+)>; rel="next"$/.exec(res.headers.get('link') ?? '')?.[1];
  }
  return events;
}

describe('the pull feed GET /v1/events', () => {
  it("when an integration pulls its agency's feed in pages, then it gets every event of its agency once, in log order, signed, and none of another agency", async () => {
    const events = await drain(integrationOf(A), 'limit=2');
    expect(events.length).toBeGreaterThan(3);
    const positions = events.map((e) => e.position);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(new Set(positions).size).toBe(positions.length);
    for (const { event } of events) {
      expect(parseAgencyStream(event.stream)?.agency).toBe(A);
      expect(event.sig.alg).toBe('Ed25519');
    }
    expect(events.map((e) => e.event.stream)).toContain(caseStream(A, 'feed-1'));
    const ofB = await drain(integrationOf(B), 'limit=500');
    expect(ofB.every(({ event }) => parseAgencyStream(event.stream)?.agency === B)).toBe(true);
    expect(ofB.map((e) => e.position)).not.toEqual(expect.arrayContaining([positions[0]]));
  });

  it('when after is beyond the head of the log, then 400 invalid_query naming after; the head itself is an empty page', async () => {
    const token = integrationOf(A);
    const head = await t.service.events.headPosition();
    const atHead = await t.call('GET', `/v1/events?after=${head}`, { token });
    expect([atHead.status, atHead.body]).toEqual([200, { events: [], next: head }]);
    for (const after of [head + 1, 123456789012345]) {
      const beyond = await t.call('GET', `/v1/events?after=${after}`, { token });
      expect([beyond.status, beyond.body.code]).toEqual([400, 'invalid_query']);
      expect(beyond.body.detail).toMatch(/^after is beyond the last position of the log/);
    }
  });

  it('when a page is asked again, then it is the same page: positions are stable', async () => {
    const first = await t.call('GET', '/v1/events?limit=3', { token: integrationOf(A) });
    const again = await t.call('GET', '/v1/events?limit=3', { token: integrationOf(A) });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('when a consumer polls at the head with If-None-Match, then 304 until an event of its agency arrives, and only then 200 with it', async () => {
    const token = integrationOf(A);
    const head = await drain(token, 'limit=500');
    const after = head[head.length - 1]!.position;
    const poll = await t.call('GET', `/v1/events?after=${after}`, { token });
    expect(poll.status).toBe(200);
    expect(poll.body).toEqual({ events: [], next: after });
    expect(poll.headers.get('link')).toBe(`</v1/events?after=${after}>; rel="next"`);
    const etag = poll.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const quiet = await t.call('GET', `/v1/events?after=${after}`, { token, headers: { 'if-none-match': etag } });
    expect(quiet.status).toBe(304);
    expect(quiet.body).toBeUndefined();

    // another agency's event changes nothing for this consumer
    await t.call('POST', '/v1/cases/feed-1/acts', {
      token: officerB,
      body: { ...act('b'), officers: [`a-${B}`, `b-${B}`] },
    });
    expect(
      (await t.call('GET', `/v1/events?after=${after}`, { token, headers: { 'if-none-match': etag } })).status,
    ).toBe(304);

    const mine = await t.call('POST', '/v1/cases/feed-1/acts', { token: officerA, body: act('a') });
    expect(mine.status).toBe(201);
    const fresh = await t.call('GET', `/v1/events?after=${after}`, { token, headers: { 'if-none-match': etag } });
    expect(fresh.status).toBe(200);
    expect(fresh.body.events.map((e: { position: number }) => e.position)).toEqual([mine.body.position]);
    expect(fresh.body.next).toBe(mine.body.position);
    expect(fresh.headers.get('etag')).not.toBe(etag);
  });

  it('when types are given, then only those types come, the next link keeps them, and unknown or malformed types are 400', async () => {
    const token = integrationOf(A);
    const res = await t.call('GET', '/v1/events?types=CaseOpened,EvidenceCollected&limit=1', { token });
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: { event: { type: string } }) => e.event.type)).toEqual(['CaseOpened']);
    expect(res.headers.get('link')).toBe(
      `</v1/events?after=${res.body.next}&types=CaseOpened,EvidenceCollected&limit=1>; rel="next"`,
    );
    const all = await drain(token, 'types=EvidenceCollected');
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((e) => e.event.type === 'EvidenceCollected')).toBe(true);
    for (const query of [
      'types=Nope',
      'types=CaseOpened,CaseOpened',
      'types=',
      'types=a&types=b',
      'after=-1',
      'after=x',
      'limit=0',
      'limit=501',
    ]) {
      const bad = await t.call('GET', `/v1/events?${query}`, { token });
      expect([query, bad.status, bad.body.code]).toEqual([query, 400, 'invalid_query']);
    }
  });

  it('when a supervisor pulls, then it reads its own and its supervised agencies; an officer is 403 and no token 401', async () => {
    const supervisor = t.token('sup', 'province', ['supervisor'], [A]);
    const events = await drain(supervisor, 'limit=500');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every(({ event }) => [A, 'province'].includes(parseAgencyStream(event.stream)!.agency))).toBe(true);
    const admin = await drain(t.token('adm', B, ['admin']), 'limit=500');
    expect(admin.every(({ event }) => parseAgencyStream(event.stream)?.agency === B)).toBe(true);
    expect((await t.call('GET', '/v1/events', { token: officerA })).status).toBe(403);
    expect((await t.call('GET', '/v1/events')).status).toBe(401);
  });
});
