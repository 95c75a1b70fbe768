import { accessStream } from '../../src/app/access-log.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { EventStoreDbStandIn } from '../support/eventstoredb-standin.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * The whole service with `EVENTSTORE_URL` pointing at the TEST DOUBLE of an EventStoreDB node
 * (`test/support/eventstoredb-standin.ts`): the log lives behind the gRPC protocol, the read models stay in SQLite.
 */
const AGENCY = 'county-justice';
let standIn: EventStoreDbStandIn;
let t: TestService;

beforeAll(async () => {
  standIn = await EventStoreDbStandIn.start();
  t = await startTestService({ EVENTSTORE_URL: `esdb://127.0.0.1:${standIn.port}?tls=false` });
});
afterAll(async () => {
  await t?.stop();
  await standIn?.stop();
});

describe('the service on EventStoreDB (over the TEST DOUBLE of the server)', () => {
  it('when an officer opens a case, then its case file is read back over HTTP and its events are in EventStoreDB', async () => {
    const { officer } = await seedAgency(t, AGENCY);
    const today = new Date().toISOString().slice(0, 10);
    const opened = await t.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId: 'esdb-1',
        itemCode: 'P-001',
        title: '某律所未公示执业信息案',
        openedOn: today,
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某律师事务所' }],
      },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ caseId: 'esdb-1', revision: 0, type: 'CaseOpened' });

    const file = await t.call('GET', `/v1/cases/esdb-1?consistentWith=${opened.body.position}`, { token: officer });
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({
      caseId: 'esdb-1',
      agency: AGENCY,
      itemCode: 'P-001',
      status: 'open',
      revision: 0,
      officers: ['alice', 'bob'],
    });
    expect(file.body.timeline).toEqual([
      expect.objectContaining({ type: 'CaseOpened', revision: 0, hash: opened.body.hash }),
    ]);

    const stored = standIn.events().filter((e) => e.stream === caseStream(AGENCY, 'esdb-1'));
    expect(stored.map((e) => e.type)).toEqual(['CaseOpened']);
    expect(standIn.events().some((e) => e.stream === accessStream(AGENCY, 'esdb-1') && e.type === 'CaseAccessed')).toBe(
      true,
    );
    expect((await t.call('GET', '/readyz')).status).toBe(200);
  });

  it('when the service runs on EVENTSTORE_URL, then it writes, reads and follows the log over the protocol', () => {
    expect(standIn.calls.batchAppend).toBeGreaterThan(0);
    expect(standIn.calls.reads).toBeGreaterThan(0);
    expect(standIn.calls.subscriptions).toBeGreaterThan(0);
  });
});
