import { SqliteReadModelStore } from '../../../src/adapters/sqlite/read-model-store.js';
import { InProcessApplier } from '../../../src/app/projection-applier.js';
import type { RecordedEvent } from '../../../src/ports/event-store.js';
import type { Doc, Projection } from '../../../src/ports/read-models.js';
import { sealEvents, type StreamHead } from '../../../src/ledger/envelope.js';
import { draft, headOf, testSigner, RECORDED_AT } from '../../support/events.js';

/**
 * A batch reads each stored document once: every event of a batch that looks up the same registry entry (or finds
 * it missing) costs one read of the store, and what the batch itself wrote is read from the batch.
 */
const lookups: Projection = {
  name: 'lookups',
  version: 1,
  collections: [{ name: 'counted' }],
  apply({ event }, docs) {
    const entry = docs.get<Doc & { n: number }>('counted', 'entry');
    docs.get('counted', 'never-written');
    return event.type === 'Count' ? [{ collection: 'counted', key: 'entry', doc: { n: (entry?.n ?? 0) + 1 } }] : [];
  },
};

const signer = testSigner();
let head: StreamHead | null = null;

/** The next events of one stream, recorded from log position `from` on. */
function events(types: readonly string[], from: number): RecordedEvent[] {
  const sealed = sealEvents(
    'lookups-1',
    head,
    types.map((type) => draft({ type })),
    signer,
    RECORDED_AT,
  );
  head = headOf(sealed);
  return sealed.map((event, i) => ({ position: from + i, event }));
}

test('when every event of a batch reads the same stored documents, then the store is read once per document', async () => {
  const store = new SqliteReadModelStore({ path: ':memory:', projections: [lookups] });
  const applier = new InProcessApplier(store, [lookups]);
  await applier.reset();
  await applier.apply(events(['Count'], 1));
  const reads: string[] = [];
  const get = store.get.bind(store);
  store.get = ((collection: string, key: string) => {
    reads.push(key);
    return get(collection, key);
  }) as typeof store.get;

  await applier.apply(events(['Look', 'Look', 'Count', 'Look', 'Count'], 2));

  expect(reads.sort()).toEqual(['entry', 'never-written']);
  expect(store.get<Doc & { n: number }>('counted', 'entry')).toEqual({ n: 3 });
  store.close();
});
