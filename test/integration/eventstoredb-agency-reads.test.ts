import { EventStoreDbEventStore } from '../../src/adapters/eventstoredb/event-store.js';
import { agencyStream } from '../../src/ledger/streams.js';
import { EventStoreDbStandIn } from '../support/eventstoredb-standin.js';
import { seal, testSigner } from '../support/events.js';

const signer = testSigner();

describe('reads by agency on an EventStoreDB server that sends no caught-up mark (before 23.10)', () => {
  it("when the agency's newest event is not the log's newest, then the read still ends, with the agency's events", async () => {
    const standIn = await EventStoreDbStandIn.start({ caughtUp: false });
    // without the mark the read ends at its deadline with what it found by then: a deadline a busy machine meets
    // (500 ms was not always: the subscription had delivered nothing yet); the read waits all of it
    const store = new EventStoreDbEventStore({ connectionString: standIn.url, retryDelayMs: 20, readTimeoutMs: 5_000 });
    try {
      const mine = agencyStream('case', 'county-justice', 'c-1');
      const theirs = agencyStream('case', 'city-market', 'c-1');
      const events = seal(mine, null, signer, 2);
      await store.append(mine, events, 'no_stream');
      await store.append(theirs, seal(theirs, null, signer, 1), 'no_stream');
      const read = await store.readAgencies({ agencies: ['county-justice'], limit: 10 });
      expect(read.map((r) => r.event.id)).toEqual(events.map((e) => e.id));
    } finally {
      await store.close();
      await standIn.stop();
    }
  });
});
