import { parseAgencyStream } from '../../src/domain/streams.js';
import { holdAppendsTogether } from '../support/held-appends.js';
import { officerKeyPair } from '../support/officer-keys.js';
import { startReplicas, type Replicas } from '../support/replicas.js';
import { seedAgency } from '../support/service.js';

/**
 * Two replicas on one EventStoreDB (its TEST DOUBLE), which share no locks: a key is held by one officer of the
 * agency however close together two admins register it for two officers, one on each replica.
 */
const AGENCY = 'county-justice';
let r: Replicas;
let admin: string;

beforeAll(async () => {
  r = await startReplicas();
  ({ admin } = await seedAgency(r.a, AGENCY));
}, 120_000);
afterAll(async () => r?.stop());

describe('one key, one officer, across replicas', () => {
  it('when each replica registers the same key for another officer at the same moment, then exactly one is registered and the other is 409 officer_key_taken', async () => {
    const otherAdmin = r.b.token('head-2', AGENCY, ['admin']);
    for (let round = 0; round < 3; round++) {
      const { spki } = officerKeyPair();
      const body = { publicKey: spki, validFrom: '2026-01-01' };
      // the first write of each registration (of the key's claim, or of the officer's stream) waits for the other's
      const held = holdAppendsTogether([r.a.service.events, r.b.service.events], (stream) => {
        const parsed = parseAgencyStream(stream);
        return parsed?.agency === AGENCY && (parsed.category === 'officer' || parsed.category === 'officerkey');
      });
      const [first, second] = await Promise.all([
        r.a.call('POST', '/v1/officers/alice/keys', { token: admin, body }).finally(held.release),
        r.b.call('POST', '/v1/officers/bob/keys', { token: otherAdmin, body }).finally(held.release),
      ]).finally(held.restore);
      expect([round, [first.status, second.status].sort()]).toEqual([round, [201, 409]]);
      const refused = first.status === 409 ? first : second;
      expect(refused.body.code).toBe('officer_key_taken');
      const keyId = (first.status === 201 ? first : second).body.keyId as string;
      const registeredTo: string[] = [];
      for (const officer of ['alice', 'bob']) {
        const events = await r.a.service.events.readStream(`officer-${AGENCY}:${officer}`);
        if (events.some(({ event }) => event.type === 'OfficerKeyRegistered' && event.data.keyId === keyId))
          registeredTo.push(officer);
      }
      expect([round, registeredTo]).toEqual([round, [first.status === 201 ? 'alice' : 'bob']]);
    }
  }, 120_000);
});
