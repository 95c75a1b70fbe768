import { SqliteReadModelStore } from '../../../src/adapters/sqlite/read-model-store.js';
import { InProcessApplier } from '../../../src/app/projection-applier.js';
import type { RecordedEvent } from '../../../src/ports/event-store.js';
import type { Doc, Projection } from '../../../src/ports/read-models.js';
import { sealEvents, type StreamHead } from '../../../src/ledger/envelope.js';
import { draft, headOf, testSigner, RECORDED_AT } from '../../support/events.js';

/**
 * The applier reads each stored document once: every event of a batch that looks up the same registry entry (or
 * finds it missing) costs one read of the store, what the batch itself wrote is read from the batch, and what
 * earlier batches read or stored is kept for the next ones, as long as it is what the store holds.
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

/** A store over `:memory:` whose reads are listed in `reads`, and whose next commit fails when `failNext` is set. */
function watchedStore() {
  const store = new SqliteReadModelStore({ path: ':memory:', projections: [lookups] });
  const reads: string[] = [];
  const state = { failNext: false };
  const get = store.get.bind(store);
  store.get = ((collection: string, key: string) => {
    reads.push(key);
    return get(collection, key);
  }) as typeof store.get;
  const commit = store.commit.bind(store);
  store.commit = (changes, position) => {
    if (state.failNext) {
      state.failNext = false;
      throw new Error('the disk is full');
    }
    commit(changes, position);
  };
  return { store, reads, state };
}

test('when every event of a batch reads the same stored documents, then the store is read once per document', async () => {
  const { store, reads } = watchedStore();
  const applier = new InProcessApplier(store, [lookups]);
  await applier.reset();

  await applier.apply(events(['Look', 'Look', 'Count', 'Look', 'Count'], 1));

  expect(reads.sort()).toEqual(['entry', 'never-written']);
  expect(store.get<Doc & { n: number }>('counted', 'entry')).toEqual({ n: 2 });
  store.close();
});

test('when a later batch reads documents earlier batches read or stored, then the store is not read again', async () => {
  const { store, reads } = watchedStore();
  const applier = new InProcessApplier(store, [lookups]);
  await applier.reset();
  await applier.apply(events(['Count'], 1));
  reads.length = 0;

  await applier.apply(events(['Look', 'Count'], 2));
  await applier.apply(events(['Count', 'Look'], 4));

  expect(reads).toEqual([]);
  expect(store.get<Doc & { n: number }>('counted', 'entry')).toEqual({ n: 3 });
  store.close();
});

test('when a batch is not stored, then the next batches read the stored documents again, not the lost ones', async () => {
  const { store, reads, state } = watchedStore();
  const applier = new InProcessApplier(store, [lookups]);
  await applier.reset();
  await applier.apply(events(['Count'], 1));
  const lost = events(['Count', 'Count'], 2);
  state.failNext = true;
  await expect(applier.apply(lost)).rejects.toThrow('the disk is full');
  reads.length = 0;

  await applier.apply(lost); // again, event by event
  await applier.apply(events(['Count'], 4));

  expect(reads).toContain('entry');
  expect(store.get<Doc & { n: number }>('counted', 'entry')).toEqual({ n: 4 });
  store.close();
});

test('when the read models are reset, then nothing read before is kept', async () => {
  const { store, reads } = watchedStore();
  const applier = new InProcessApplier(store, [lookups]);
  await applier.reset();
  await applier.apply(events(['Count', 'Count'], 1));
  await applier.reset();
  reads.length = 0;

  await applier.apply(events(['Count'], 1));

  expect(reads).toContain('entry');
  expect(store.get<Doc & { n: number }>('counted', 'entry')).toEqual({ n: 1 });
  store.close();
});
