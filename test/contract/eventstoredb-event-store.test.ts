import { EventStoreDbEventStore } from '../../src/adapters/eventstoredb/event-store.js';
import { EventStoreDbStandIn } from '../support/eventstoredb-standin.js';
import { agencyReadsContract } from './agency-reads.contract.js';
import { eventStoreContract } from './event-store.contract.js';

/**
 * The event-store contract against the EventStoreDB adapter: always over the TEST DOUBLE of the server
 * (`test/support/eventstoredb-standin.ts`, the real wire protocol, in memory), and over a real EventStoreDB or
 * KurrentDB when `EVENTSTORE_URL` names one. EventStoreDB keeps no index of event ids across streams, so the two
 * tests of ids reused elsewhere are skipped for this adapter (docs/architecture.md, "The EventStoreDB adapter").
 */
const limits = { reusedIdsUndetected: true };
const realServer = process.env.EVENTSTORE_URL;

console.log('EventStoreDB contract: running over the TEST DOUBLE (test/support/eventstoredb-standin.ts)');
const overStandIn = async () => {
  const standIn = await EventStoreDbStandIn.start();
  const store = new EventStoreDbEventStore({ connectionString: standIn.url, retryDelayMs: 20 });
  return { store, dispose: () => standIn.stop() };
};
eventStoreContract('EventStoreDB adapter over the protocol-level TEST DOUBLE', overStandIn, limits);
agencyReadsContract('EventStoreDB adapter over the protocol-level TEST DOUBLE', overStandIn);

if (realServer) {
  console.log(`EventStoreDB contract: also running against the real server at EVENTSTORE_URL=${realServer}`);
  eventStoreContract(
    `EventStoreDB adapter against the real server at ${realServer}`,
    async () => ({
      store: new EventStoreDbEventStore({ connectionString: realServer }),
      dispose: async () => {},
    }),
    limits,
  );
  agencyReadsContract(`EventStoreDB adapter against the real server at ${realServer}`, async () => ({
    store: new EventStoreDbEventStore({ connectionString: realServer }),
    dispose: async () => {},
  }));
} else {
  console.log(
    'EventStoreDB contract: the real-server run is SKIPPED: EVENTSTORE_URL is not set (no EventStoreDB server ' +
      'here); set it to an esdb:// connection string to run the same contract against a real server',
  );
}
