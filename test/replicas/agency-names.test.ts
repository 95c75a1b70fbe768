import { agencyNameClaimStream } from '../../src/domain/registry/agency-name-claims.js';
import { holdAppendsTogether } from '../support/held-appends.js';
import { startReplicas, type Replicas } from '../support/replicas.js';

/**
 * Two replicas on one EventStoreDB (its TEST DOUBLE), which share no locks: one name names one agency however close
 * together two agencies' admins take it, one on each replica, because a profile claims its name in the log first;
 * a name an agency gave up is free for another on either replica.
 */
let r: Replicas;
beforeAll(async () => {
  r = await startReplicas();
}, 120_000);
afterAll(async () => r?.stop());

const setName = (on: 'a' | 'b', agency: string, name: string) =>
  r[on].call('PUT', `/v1/agencies/${agency}/profile`, {
    token: r[on].token(`head-${agency}`, agency, ['admin']),
    body: { agency, name },
  });

/** The agencies the name's claims named, in order. */
async function claims(name: string): Promise<string[]> {
  const events = await r.a.service.events.readStream(agencyNameClaimStream(name));
  return events.map(({ event }) => event.data.agency as string);
}

describe('one name, one agency, across replicas', () => {
  it('when each replica gives the same name to another agency at the same moment, then one takes it and the other is 409 naming it', async () => {
    for (let round = 0; round < 3; round++) {
      const [first, second] = [`north-${round}`, `south-${round}`];
      const name = `第${round}县司法局`;
      // both claims wait for each other: both replicas have read the name free when either appends
      const held = holdAppendsTogether([r.a.service.events, r.b.service.events], (stream) =>
        stream.startsWith('agencyname-'),
      );
      const answers = await Promise.all([
        setName('a', first, name).finally(held.release),
        // its digit full-width: compared with full-width forms folded, the same name
        setName('b', second, `第${String.fromCharCode(0xff10 + round)}县司法局`).finally(held.release),
      ]).finally(held.restore);
      expect([round, answers.map((a) => a.status).sort()]).toEqual([round, [201, 409]]);
      const winner = answers[0]!.status === 201 ? first : second;
      expect(answers.find((a) => a.status === 409)!.body).toMatchObject({ code: 'agency_name_taken', heldBy: winner });
      expect([round, await claims(name)]).toEqual([round, [winner]]);
    }
  }, 120_000);

  it('when an agency renames itself on one replica, then the other replica gives its old name to another agency', async () => {
    expect((await setName('a', 'east', '东县司法局')).status).toBe(201);
    const refused = await setName('b', 'west', '东县司法局');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'agency_name_taken', heldBy: 'east' });
    expect((await setName('a', 'east', '东区司法局')).status).toBe(201);
    expect((await setName('b', 'west', '东县司法局')).status).toBe(201);
    expect(await claims('东县司法局')).toEqual(['east', 'west']);
    expect(await claims('东区司法局')).toEqual(['east']);
  }, 120_000);
});
