import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { FrameReader } from '../support/sse.js';

const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
let t: TestService;

beforeAll(async () => {
  t = await startTestService();
});
afterAll(() => t.stop());

describe('a supervisor following an officer in real time', () => {
  it('when an officer records an act, then it is in the live stream and, with consistentWith, in the case file at once', async () => {
    const { officer } = await seedAgency(t, AGENCY);
    const supervisor = t.token('sup', 'province', ['supervisor'], [AGENCY]);
    const open = {
      caseId: 'ryw-1',
      itemCode: 'P-001',
      title: '现场检查',
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某公司' }],
    };
    expect((await t.call('POST', '/v1/cases', { token: officer, body: open })).status).toBe(201);
    const live = await fetch(`${t.url}/v1/audit/live`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(live.status).toBe(200);
    const frames = new FrameReader(live);

    for (let i = 0; i < 5; i++) {
      const act = {
        type: 'EvidenceCollected',
        occurredAt: `${today}T00:09:0${i}+08:00`,
        officers: ['alice', 'bob'],
        data: { description: `证据 ${i}` },
      };
      const written = await t.call('POST', '/v1/cases/ryw-1/acts', { token: officer, body: act });
      expect(written.status).toBe(201);
      // read-your-writes: no polling, no sleep; the first read after the write already has it
      const file = await t.call('GET', `/v1/cases/ryw-1?consistentWith=${written.body.position}`, {
        token: supervisor,
      });
      expect(file.status).toBe(200);
      expect(file.body.revision).toBe(written.body.revision);
      expect(file.body.timeline.at(-1)).toMatchObject({
        eventId: written.body.eventId,
        hash: written.body.hash,
        position: written.body.position,
        data: { description: `证据 ${i}` },
      });
      // the stream also carries the supervisor's own reads (access events): the act's frame is among the next two
      const next = await frames.take(i === 0 ? 1 : 2);
      const frame = next.find((f) => f.id === String(written.body.position));
      expect(frame).toMatchObject({ data: { type: 'EvidenceCollected', hash: written.body.hash } });
    }
    await frames.close();
  });

  it("when the position asked for is beyond the log, then 400 at once: no write gave it (a lagging replica's 503 is in test/replicas)", async () => {
    const officer = t.token('alice', AGENCY, ['officer']);
    const res = await t.call('GET', '/v1/cases/ryw-1?consistentWith=999999999', { token: officer });
    expect([res.status, res.body.code]).toEqual([400, 'invalid_query']);
    const bad = await t.call('GET', '/v1/cases/ryw-1?consistentWith=soon', { token: officer });
    expect(bad).toMatchObject({ status: 400, body: { code: 'invalid_query' } });
  });
});
