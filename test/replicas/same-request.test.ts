import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { caseStream } from '../../src/domain/case/acts.js';
import { clockAhead, startReplicas, type Replicas } from '../support/replicas.js';
import { seedAgency } from '../support/service.js';

/** Two replicas on one EventStoreDB (its TEST DOUBLE): the same request sent to both at once. */
const AGENCY = 'county-justice';
let r: Replicas;
const keysRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-data-keys-'));

beforeAll(async () => {
  // distinct clocks: the two replicas seal the same request into events with different hashes; one data-key file
  // (as replicas on one host may share it; across hosts they share the media bucket's): each reads the other's
  // sealed title, so the second compares the stored opening with its own request
  r = await startReplicas({
    clocks: [clockAhead(0), clockAhead(7)],
    env: { LEDGER_DATA_KEYS_FILE: path.join(keysRoot, 'data-keys.sqlite') },
  });
  await seedAgency(r.a, AGENCY);
}, 60_000);
afterAll(async () => {
  await r?.stop();
  fs.rmSync(keysRoot, { recursive: true, force: true });
});

const opening = (caseId: string) => ({
  caseId,
  itemCode: 'P-001',
  title: '某律所未公示执业信息案',
  openedOn: new Date().toISOString().slice(0, 10),
  officers: ['alice', 'bob'],
  parties: [{ kind: 'organization', name: '某律师事务所' }],
});

describe('the same request on two replicas at once', () => {
  it.each([
    ['the first replica', 0],
    ['the second replica', 1],
  ])(
    'when both replicas decide the same idempotent request on one revision and %s appends first, then one answers 201 and the other 200 with the same event',
    async (_name, first) => {
      const caseId = `dup-${first}`;
      const officer = r.a.token('alice', AGENCY, ['officer']);
      const gate = r.standIn.holdAppends((stream) => stream === caseStream(AGENCY, caseId));
      const send = (t: typeof r.a) =>
        t.call('POST', '/v1/cases', {
          token: officer,
          body: opening(caseId),
          headers: { 'idempotency-key': `open-${caseId}` },
        });
      const replicas = first === 0 ? [r.a, r.b] : [r.b, r.a];
      const answers: Promise<Awaited<ReturnType<typeof send>>>[] = [];
      answers.push(send(replicas[0]!));
      await gate.waitUntilHeld(1);
      answers.push(send(replicas[1]!));
      await gate.waitUntilHeld(2); // both decided on the empty stream, with their own recordedAt
      gate.release();
      const [winner, loser] = await Promise.all(answers);

      expect(winner!.status).toBe(201);
      expect(loser!.status).toBe(200);
      expect(loser!.body).toEqual(winner!.body);
      const stored = r.standIn.events().filter((e) => e.stream === caseStream(AGENCY, caseId));
      expect(stored).toHaveLength(1);
    },
    30_000,
  );
});
