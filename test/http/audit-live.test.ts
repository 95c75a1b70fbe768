import { caseStream } from '../../src/domain/case/acts.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { FrameReader, readFrames } from '../support/sse.js';

const AGENCY = 'county-justice';
const OTHER = 'city-market';
const today = new Date().toISOString().slice(0, 10);
let t: TestService;

async function setUp(agency: string): Promise<string> {
  const { officer } = await seedAgency(t, agency, { officers: [`a-${agency}`, `b-${agency}`], item: { code: 'P-1' } });
  const open = {
    caseId: `live-${agency}`,
    itemCode: 'P-1',
    title: 't',
    openedOn: today,
    officers: [`a-${agency}`, `b-${agency}`],
    parties: [{ kind: 'person', name: '王五', phone: '13800138000' }],
  };
  expect((await t.call('POST', '/v1/cases', { token: officer, body: open })).status).toBe(201);
  return officer;
}

beforeAll(async () => {
  t = await startTestService();
});
afterAll(() => t.stop());

describe('the live audit feed (Server-Sent Events)', () => {
  it('when a supervisor listens, then new events of the supervised agency arrive with their positions, without data, and other agencies stay out', async () => {
    const officer = await setUp(AGENCY);
    const otherOfficer = await setUp(OTHER);
    const supervisor = t.token('sup', 'province', ['supervisor'], [AGENCY]);
    const response = await fetch(`${t.url}/v1/audit/live`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const act = { type: 'EvidenceCollected', occurredAt: `${today}T00:09:00+08:00`, data: { description: '秘密线索' } };
    await t.call('POST', `/v1/cases/live-${OTHER}/acts`, { token: otherOfficer, body: act });
    const mine = await t.call('POST', `/v1/cases/live-${AGENCY}/acts`, { token: officer, body: act });
    const [frame] = await readFrames(response, 1);
    expect(frame).toMatchObject({
      id: String(mine.body.position),
      event: 'message',
      data: {
        type: 'EvidenceCollected',
        agency: AGENCY,
        stream: caseStream(AGENCY, `live-${AGENCY}`),
        hash: mine.body.hash,
      },
    });
    expect(JSON.stringify(frame!.data)).not.toContain('秘密线索');
  });

  it("when another agency's supervisor reads a case, then the read reaches the case agency's supervisors, not the reader agency's", async () => {
    const otherOfficer = t.token(`a-${OTHER}`, OTHER, ['officer']);
    const own = t.token('sup-own', AGENCY, ['supervisor']);
    const otherOwn = t.token('sup-other', OTHER, ['supervisor']);
    const listen = async (token: string) => {
      const res = await fetch(`${t.url}/v1/audit/live`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return new FrameReader(res);
    };
    const ownFrames = await listen(own);
    const otherFrames = await listen(otherOwn);
    // a supervisor of city-market who also supervises the county reads a county case
    const reader = t.token('sup-reader', OTHER, ['supervisor'], [AGENCY]);
    const read = await t.call('GET', `/v1/cases/live-${AGENCY}`, { token: reader });
    expect(read.status).toBe(200);
    const [seen] = await ownFrames.take(1);
    expect(seen).toMatchObject({ data: { type: 'CaseAccessed', stream: `access-${AGENCY}:live-${AGENCY}` } });
    // the city-market supervisor's next frame is the city-market act after it, not the county's access record
    const act = { type: 'EvidenceCollected', occurredAt: `${today}T00:09:00+08:00`, data: { description: 'x' } };
    const mine = await t.call('POST', `/v1/cases/live-${OTHER}/acts`, { token: otherOfficer, body: act });
    const [next] = await otherFrames.take(1);
    expect(next).toMatchObject({ id: String(mine.body.position), data: { type: 'EvidenceCollected' } });
    await Promise.all([ownFrames.close(), otherFrames.close()]);
  });

  it('when the token a stream was opened with is revoked, then the stream says so and ends before the next event', async () => {
    const officer = t.token(`a-${AGENCY}`, AGENCY, ['officer']);
    const supervisor = t.token('sup-revoked', AGENCY, ['supervisor']);
    const response = await fetch(`${t.url}/v1/audit/live`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(response.status).toBe(200);
    const frames = new FrameReader(response);
    const act = { type: 'EvidenceCollected', occurredAt: `${today}T00:09:00+08:00`, data: { description: 'x' } };
    const first = await t.call('POST', `/v1/cases/live-${AGENCY}/acts`, { token: officer, body: act });
    expect((await frames.take(1))[0]).toMatchObject({ id: String(first.body.position), event: 'message' });
    const { jti } = JSON.parse(Buffer.from(supervisor.split('.')[1]!, 'base64url').toString()) as { jti: string };
    const admin = t.token(`head-${AGENCY}`, AGENCY, ['admin']);
    const revoked = await t.call('POST', '/v1/tokens/revocations', { token: admin, body: { jti, reason: 'left' } });
    expect(revoked.status).toBe(201);
    await t.call('POST', `/v1/cases/live-${AGENCY}/acts`, { token: officer, body: act });
    const rest = await frames.take(2); // the stream ends after the first: at most one arrives
    expect(rest).toEqual([
      { id: undefined, event: 'expired', data: expect.objectContaining({ code: 'unauthenticated' }) },
    ]);
    // reconnecting with it is refused
    expect((await fetch(`${t.url}/v1/audit/live`, { headers: { authorization: `Bearer ${supervisor}` } })).status).toBe(
      401,
    );
  });

  it('when a client reconnects with Last-Event-ID, then it receives exactly the events after that position', async () => {
    const officer = t.token(`a-${AGENCY}`, AGENCY, ['officer']);
    const supervisor = t.token('sup2', AGENCY, ['supervisor']);
    const act = (d: string) => ({
      type: 'EvidenceCollected',
      occurredAt: `${today}T00:09:00+08:00`,
      data: { description: d },
    });
    const first = await t.call('POST', `/v1/cases/live-${AGENCY}/acts`, { token: officer, body: act('1') });
    const second = await t.call('POST', `/v1/cases/live-${AGENCY}/acts`, { token: officer, body: act('2') });
    const response = await fetch(`${t.url}/v1/audit/live`, {
      headers: { authorization: `Bearer ${supervisor}`, 'last-event-id': String(first.body.position) },
    });
    const frames = await readFrames(response, 1);
    expect(frames[0]!.id).toBe(String(second.body.position));
  });

  it('when a client opens the stream with ?after=, then it receives exactly the events after that position; Last-Event-ID wins over it', async () => {
    const officer = t.token(`a-${AGENCY}`, AGENCY, ['officer']);
    const supervisor = t.token('sup3', AGENCY, ['supervisor']);
    const act = (d: string) => ({
      type: 'EvidenceCollected',
      occurredAt: `${today}T00:09:00+08:00`,
      data: { description: d },
    });
    const first = await t.call('POST', `/v1/cases/live-${AGENCY}/acts`, { token: officer, body: act('3') });
    const second = await t.call('POST', `/v1/cases/live-${AGENCY}/acts`, { token: officer, body: act('4') });
    const third = await t.call('POST', `/v1/cases/live-${AGENCY}/acts`, { token: officer, body: act('5') });
    const byQuery = await fetch(`${t.url}/v1/audit/live?after=${first.body.position}`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    expect((await readFrames(byQuery, 2)).map((f) => f.id)).toEqual([
      String(second.body.position),
      String(third.body.position),
    ]);
    const both = await fetch(`${t.url}/v1/audit/live?after=${first.body.position}`, {
      headers: { authorization: `Bearer ${supervisor}`, 'last-event-id': String(second.body.position) },
    });
    expect((await readFrames(both, 1)).map((f) => f.id)).toEqual([String(third.body.position)]);
    const bad = await t.call('GET', '/v1/audit/live?after=x', { token: supervisor });
    expect(bad.status).toBe(400);
  });

  it('when ?after= is not a position, then 400 invalid_query naming after, as the pull feed answers it', async () => {
    const supervisor = t.token('sup5', AGENCY, ['supervisor']);
    for (const after of ['x', '-1', '1234567890123456']) {
      const live = await t.call('GET', `/v1/audit/live?after=${after}`, { token: supervisor });
      expect(live.status).toBe(400);
      expect(live.body).toMatchObject({
        code: 'invalid_query',
        detail: 'after must be a position (an integer of at most 15 digits)',
      });
    }
    const twice = await t.call('GET', '/v1/audit/live?after=1&after=2', { token: supervisor });
    expect(twice.body).toMatchObject({ status: 400, code: 'invalid_query' });
  });

  it('when ?after= or Last-Event-ID is beyond the head of the log, then 400 naming it, and nothing is streamed', async () => {
    const supervisor = t.token('sup6', AGENCY, ['supervisor']);
    const beyond = (await t.service.events.headPosition()) + 1;
    for (const after of [beyond, 123456789012345]) {
      const live = await t.call('GET', `/v1/audit/live?after=${after}`, { token: supervisor });
      expect([live.status, live.body.code]).toEqual([400, 'invalid_query']);
      expect(live.body.detail).toMatch(/^after is beyond the last position of the log/);
    }
    const header = await t.call('GET', '/v1/audit/live', {
      token: supervisor,
      headers: { 'last-event-id': String(beyond) },
    });
    expect([header.status, header.body.code]).toEqual([400, 'invalid_body']);
    expect(header.body.detail).toMatch(/^Last-Event-ID is beyond the last position of the log/);
  });

  it('when a frame is sent, then it has no event field, so EventSource dispatches it to onmessage', async () => {
    const officer = t.token(`a-${AGENCY}`, AGENCY, ['officer']);
    const supervisor = t.token('sup4', AGENCY, ['supervisor']);
    const before = await t.call('POST', `/v1/cases/live-${AGENCY}/acts`, {
      token: officer,
      body: { type: 'EvidenceCollected', occurredAt: `${today}T00:09:00+08:00`, data: { description: '6' } },
    });
    const response = await fetch(`${t.url}/v1/audit/live?after=${before.body.position - 1}`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    const reader = response.body!.getReader();
    let text = '';
    while (!/\n\nid: /.test(text) && !/^id: [\s\S]*\n\n/m.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    await reader.cancel();
    const block = text.split('\n\n').find((b) => b.startsWith('id: '))!;
    expect(block.split('\n').map((line) => line.slice(0, line.indexOf(':')))).toEqual(['id', 'data']);
  });

  it('when a non-supervisor or an anonymous client asks, then 403 and 401', async () => {
    expect((await t.call('GET', '/v1/audit/live', { token: t.token('o', AGENCY, ['officer']) })).status).toBe(403);
    expect((await t.call('GET', '/v1/audit/live')).status).toBe(401);
    const bad = await t.call('GET', '/v1/audit/live', {
      token: t.token('s', AGENCY, ['supervisor']),
      headers: { 'last-event-id': 'yesterday' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: 'invalid_body',
      detail: 'Last-Event-ID must be a position given by this stream',
    });
  });
});
