import { startReplicas, type Replicas } from '../support/replicas.js';
import { seedAgency } from '../support/service.js';

/**
 * Two replicas on one EventStoreDB (its TEST DOUBLE): a replica that keeps registry entries and case states folded
 * in memory decides each act on what the other replica recorded before it, however recently.
 */
const AGENCY = 'county-justice';
let r: Replicas;
let admin: string;
let officer: string;

const now = Date.now();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const act = (n: number) => ({
  type: 'EvidenceCollected',
  occurredAt: new Date(now - 60_000 + n).toISOString(),
  data: { description: `询问笔录 ${n}` },
});

beforeAll(async () => {
  r = await startReplicas();
  ({ admin } = await seedAgency(r.a, AGENCY));
  officer = r.a.token('alice', AGENCY, ['officer']);
});
afterAll(async () => r?.stop());

describe('registry facts and case heads across replicas', () => {
  it("when one replica ends an officer's certificate, then the other, which has just decided an act of that officer's case, refuses the next at once", async () => {
    const opened = await r.b.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId: 'facts-1',
        itemCode: 'P-001',
        title: '某律所未公示执业信息案',
        openedOn: day(now - 120_000),
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某律师事务所' }],
      },
    });
    expect(opened.status).toBe(201);
    // the second replica now holds the case, bob and alice folded
    const first = await r.b.call('POST', '/v1/cases/facts-1/acts', { token: officer, body: act(1) });
    expect(first.status).toBe(201);

    const ended = await r.a.call('POST', '/v1/officers/bob/amendments', {
      token: admin,
      body: { changes: { validTo: day(now - 120_000 - 86_400_000) }, reason: '证件到期' },
    });
    expect(ended.status).toBe(201);
    const refused = await r.b.call('POST', '/v1/cases/facts-1/acts', { token: officer, body: act(2) });
    expect([refused.status, refused.body.code, refused.body.officerId]).toEqual([422, 'certificate_invalid', 'bob']);

    const renewed = await r.a.call('POST', '/v1/officers/bob/amendments', {
      token: admin,
      body: { changes: { validTo: '2035-12-31' }, reason: '证件换发' },
    });
    expect(renewed.status).toBe(201);
    const accepted = await r.b.call('POST', '/v1/cases/facts-1/acts', { token: officer, body: act(3) });
    expect([accepted.status, accepted.body.revision]).toEqual([201, 2]);
  });

  it('when one replica records an act on a case the other has just written, then the other continues after it', async () => {
    const onA = await r.a.call('POST', '/v1/cases/facts-1/acts', { token: officer, body: act(4) });
    expect([onA.status, onA.body.revision]).toEqual([201, 3]);
    const onB = await r.b.call('POST', '/v1/cases/facts-1/acts', { token: officer, body: act(5) });
    expect([onB.status, onB.body.revision]).toEqual([201, 4]);
    const events = await r.b.call('GET', '/v1/cases/facts-1/events', { token: officer });
    const recorded = events.body.events as { id: string; revision: number }[];
    expect(recorded.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(recorded.slice(3).map((e) => e.id)).toEqual([onA.body.eventId, onB.body.eventId]);
  });
});
