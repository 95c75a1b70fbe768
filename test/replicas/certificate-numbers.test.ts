import { certificateClaimStream } from '../../src/domain/registry/certificate-claims.js';
import { holdAppendsTogether } from '../support/held-appends.js';
import { startReplicas, type Replicas } from '../support/replicas.js';

/**
 * Two replicas on one EventStoreDB (its TEST DOUBLE), which share no locks: one certificate number lists one officer
 * of the agency however close together two registrations take it, one on each replica, because a registration
 * claims its number in the log first; a number an officer gave up is free for another on either replica.
 */
const AGENCY = 'county-justice';
let r: Replicas;
beforeAll(async () => {
  r = await startReplicas();
}, 120_000);
afterAll(async () => r?.stop());

const admin = (on: 'a' | 'b') => r[on].token(`head-${AGENCY}`, AGENCY, ['admin']);
const register = (on: 'a' | 'b', officerId: string, certificateNo: string) =>
  r[on].call('POST', '/v1/officers', {
    token: admin(on),
    body: {
      officerId,
      name: `执法人员${officerId}`,
      agency: AGENCY,
      certificateNo,
      validFrom: '2024-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    },
  });

/** The officers the number's claims named, in order. */
async function claims(certificateNo: string): Promise<string[]> {
  const events = await r.a.service.events.readStream(certificateClaimStream(AGENCY, certificateNo));
  return events.map(({ event }) => event.data.officerId as string);
}

describe('one certificate number, one officer in service, across replicas', () => {
  it('when each replica registers another officer under one number at the same moment, then one is registered and the other is 409 naming it', async () => {
    for (let round = 0; round < 3; round++) {
      const [first, second] = [`north-${round}`, `south-${round}`];
      const number = `1405-00${round}`;
      // both claims wait for each other: both replicas have read the number free when either appends
      const held = holdAppendsTogether([r.a.service.events, r.b.service.events], (stream) =>
        stream.startsWith('certificate-'),
      );
      const answers = await Promise.all([
        register('a', first, number).finally(held.release),
        // its digit full-width: compared with full-width forms folded, the same number
        register('b', second, `1405-00${String.fromCharCode(0xff10 + round)}`).finally(held.release),
      ]).finally(held.restore);
      expect([round, answers.map((a) => a.status).sort()]).toEqual([round, [201, 409]]);
      const winner = answers[0]!.status === 201 ? first : second;
      expect(answers.find((a) => a.status === 409)!.body).toMatchObject({ code: 'certificate_taken', heldBy: winner });
      expect([round, await claims(number)]).toEqual([round, [winner]]);
    }
  }, 120_000);

  it('when an officer is given another number on one replica, then the other replica registers another officer under the old one', async () => {
    expect((await register('a', 'east', '1405-EAST')).status).toBe(201);
    const refused = await register('b', 'west', '1405-EAST');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'certificate_taken', heldBy: 'east' });
    const renumbered = await r.a.call('POST', '/v1/officers/east/amendments', {
      token: admin('a'),
      body: { changes: { certificateNo: '1405-EAST-2' }, reason: '换发执法证' },
    });
    expect(renumbered.status).toBe(201);
    expect((await register('b', 'west', '1405-EAST')).status).toBe(201);
    expect(await claims('1405-EAST')).toEqual(['east', 'west']);
    expect(await claims('1405-EAST-2')).toEqual(['east']);
  }, 120_000);
});
