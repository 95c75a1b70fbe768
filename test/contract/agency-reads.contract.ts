import { headOf, seal, testSigner } from '../support/events.js';
import { agencyStream } from '../../src/ledger/streams.js';
import type { EventStore } from '../../src/ports/event-store.js';
import type { ContractTarget } from './event-store.contract.js';

/**
 * `readAgencies`, the read behind the pull feed: every EventStore adapter must give an agency's events (by their
 * streams' names), after a position, of some types, in global order, and nothing of other agencies' streams.
 */
export function agencyReadsContract(name: string, open: () => Promise<ContractTarget>): void {
  describe(`EventStore contract, reads by agency: ${name}`, () => {
    const signer = testSigner();
    let target: ContractTarget;
    let store: EventStore;
    let run = 0;

    beforeEach(async () => {
      target = await open();
      store = target.store;
      run += 1;
    });
    afterEach(async () => {
      await store.close();
      await target.dispose();
    });

    /** Agencies unique to this run (a real server keeps what earlier runs wrote); one has a character to escape. */
    const agencies = () => {
      const tag = `${process.pid}-${Date.now()}-${run}`;
      return { a: `a.${tag}`, b: `b-${tag}`, c: `c ${tag}` };
    };

    it('when several agencies write, then an agency read gives exactly its streams, in global order, resumable and typed', async () => {
      const { a, b, c } = agencies();
      const before = await store.headPosition();
      const caseA = agencyStream('case', a, 'x-1');
      const caseB = agencyStream('case', b, 'x-1');
      const accessA = agencyStream('access', a, 'x-1');
      const caseC = agencyStream('case', c, 'x:1');
      const a1 = seal(caseA, null, signer, 2);
      await store.append(caseA, a1, 'no_stream');
      await store.append(caseB, seal(caseB, null, signer, 3), 'no_stream');
      const c1 = seal(caseC, null, signer, 1);
      await store.append(caseC, c1, 'no_stream');
      const access = seal(accessA, null, signer, 1, { type: 'CaseAccessed' });
      await store.append(accessA, access, 'no_stream');
      const a2 = seal(caseA, headOf(a1), signer, 1, { type: 'HearingHeld' });
      await store.append(caseA, a2, 1);
      await store.append('ledger-checkpoints', seal('ledger-checkpoints', null, signer, 1), 'any').catch(() => {});

      const ofA = await store.readAgencies({ agencies: [a], after: before, limit: 100 });
      expect(ofA.map((r) => r.event.id)).toEqual([...a1, ...access, ...a2].map((e) => e.id));
      const positions = ofA.map((r) => r.position);
      expect(positions).toEqual([...positions].sort((x, y) => x - y));

      const paged = await store.readAgencies({ agencies: [a], after: positions[0]!, limit: 2 });
      expect(paged.map((r) => r.position)).toEqual(positions.slice(1, 3));
      const typed = await store.readAgencies({ agencies: [a], after: before, limit: 100, types: ['HearingHeld'] });
      expect(typed.map((r) => r.event.id)).toEqual([a2[0]!.id]);
      const two = await store.readAgencies({ agencies: [c, a], after: before, limit: 3 });
      expect(two.map((r) => r.event.id)).toEqual([a1[0]!.id, a1[1]!.id, c1[0]!.id]);
      expect(await store.readAgencies({ agencies: [a], after: positions[3]!, limit: 10 })).toEqual([]);
      expect(await store.readAgencies({ agencies: [`${a}x`], after: before, limit: 10 })).toEqual([]);
    });
  });
}
