import { SqliteReadModelStore } from '../../../src/adapters/sqlite/read-model-store.js';
import { CACHED_DOCS, InProcessApplier } from '../../../src/app/projection-applier.js';
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

/** What a `Spread` event asks: documents to read, and `count` documents `<prefix>0`, `<prefix>1`, … to write. */
interface SpreadData {
  readonly reads?: string[];
  readonly writes?: { readonly prefix: string; readonly count: number };
}

/** Reads and writes the documents its event names. */
const spread: Projection = {
  name: 'spread',
  version: 1,
  collections: [{ name: 'counted' }],
  apply({ event }, docs) {
    const { reads = [], writes } = event.data as SpreadData;
    for (const key of reads) docs.get('counted', key);
    const written = Array.from({ length: writes?.count ?? 0 }, (_, i) => `${writes!.prefix}${i}`);
    return written.map((key) => ({ collection: 'counted', key, doc: { n: 1 } }));
  },
};

/** A store over `:memory:` whose reads are listed in `reads`, and whose next commit fails when `failNext` is set. */
function watchedStore(projection: Projection = lookups) {
  const store = new SqliteReadModelStore({ path: ':memory:', projections: [projection] });
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

test('when more documents are used than the cache holds, then those used lately stay and the others are read from the store again', async () => {
  const { store, reads } = watchedStore(spread);
  const applier = new InProcessApplier(store, [spread]);
  await applier.reset();
  let position = 1;
  const batch = async (data: SpreadData) => {
    const sealed = sealEvents('spread-1', head, [draft({ type: 'Spread', data: { ...data } })], signer, RECORDED_AT);
    head = headOf(sealed);
    await applier.apply([{ position, event: sealed[0]! }]);
    position++;
  };
  // a full generation of documents, then a few more: the first generation becomes the older one
  await batch({ writes: { prefix: 'w', count: CACHED_DOCS } });
  await batch({ writes: { prefix: 'x', count: 10 } });
  reads.length = 0;
  await batch({ reads: ['w0', 'x0'] }); // w0, from the older generation, moves to the newer
  expect(reads).toEqual([]);
  // another full generation: the older one, with w1 in it, is dropped; w0 moved on and stays
  await batch({ writes: { prefix: 'y', count: CACHED_DOCS } });
  await batch({ reads: ['w0', 'w1', 'y0'] });
  expect(reads).toEqual(['w1']);
  store.close();
}, 60_000);
