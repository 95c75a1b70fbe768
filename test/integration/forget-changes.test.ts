import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { InProcessApplier } from '../../src/app/projection-applier.js';
import { sealEvents } from '../../src/ledger/envelope.js';
import type { Change, Doc, Projection } from '../../src/ports/read-models.js';
import { draft, RECORDED_AT, testSigner } from '../support/events.js';

/**
 * A change that `forget`s (a case's erased text, docs/privacy.md) leaves no copy of what it replaces in the
 * read-model file, full-text index included, where an ordinary rewrite leaves the index's entries until its
 * segments merge; and it stays a forgetting change whatever later events of the same batch write over it.
 */

/** Two characters whose UTF-8 the trigram index keeps whole: the first is the only four-byte one of these texts. */
const RUN = '𠮷祥';
const TEXT = `当事人在城关镇${RUN}巷冒用律师名义代写诉状`;

const searched: Projection = {
  name: 'searched',
  version: 1,
  collections: [{ name: 'texts', text: (doc) => String((doc as Doc & { body: string }).body) }],
  apply: () => [],
};

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-forget-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The file's bytes once its write-ahead log is checkpointed into it and emptied. */
function fileBytes(file: string): Buffer {
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    return fs.readFileSync(file);
  } finally {
    db.close();
  }
}

function storeWithText(): { store: SqliteReadModelStore; file: string } {
  const file = path.join(dir, 'models.sqlite');
  const store = new SqliteReadModelStore({ path: file, projections: [searched] });
  store.reset([searched]);
  store.commit([{ collection: 'texts', key: 'case-1', doc: { body: TEXT } }], 1);
  return { store, file };
}

describe('forgetting a searched document', () => {
  it('when a change forgets the text it replaces, then its three-character runs are gone from the file', () => {
    const { store, file } = storeWithText();
    expect(store.search('texts', `"${RUN}巷"`, { limit: 10 })).toHaveLength(1);
    expect(fileBytes(file).includes(Buffer.from(RUN))).toBe(true);
    store.commit([{ collection: 'texts', key: 'case-1', doc: { body: '[erased]' }, forget: true }], 2);
    expect(store.search('texts', `"${RUN}巷"`, { limit: 10 })).toEqual([]);
    store.close();
    expect(fileBytes(file).includes(Buffer.from(RUN))).toBe(false);
  });

  it('when an ordinary change replaces the text, then the index may keep its runs (which is why erasure forgets)', () => {
    const { store, file } = storeWithText();
    store.commit([{ collection: 'texts', key: 'case-1', doc: { body: '[erased]' } }], 2);
    store.close();
    expect(fileBytes(file).includes(Buffer.from(RUN))).toBe(true);
  });

  it('when a change forgets, then the index is left deleting the ordinary way for the writes after it', () => {
    const { store, file } = storeWithText();
    store.commit([{ collection: 'texts', key: 'case-1', doc: { body: '[erased]' }, forget: true }], 2);
    store.close();
    const db = new Database(file, { readonly: true });
    const setting = db.prepare("SELECT v FROM fts_texts_config WHERE k = 'secure-delete'").get() as { v: number };
    db.close();
    expect(setting.v).toBe(0);
  });

  it('when a later event of the same batch writes over a forgetting change, then the batch still forgets', () => {
    const written: Change[] = [];
    const erasing: Projection = {
      ...searched,
      apply: ({ event }) => [
        {
          collection: 'texts',
          key: 'case-1',
          doc: { body: event.type },
          ...(event.type === 'Erased' ? { forget: true } : {}),
        },
      ],
    };
    const store = new SqliteReadModelStore({ path: ':memory:', projections: [erasing] });
    const commit = store.commit.bind(store);
    store.commit = (changes, position) => {
      written.push(...changes);
      commit(written, position);
    };
    const applier = new InProcessApplier(store, [erasing]);
    applier.resetSync();
    const sealed = sealEvents(
      'texts-1',
      null,
      [draft({ type: 'Erased' }), draft({ type: 'Decided' })],
      testSigner(),
      RECORDED_AT,
    );
    applier.applySync(sealed.map((event, i) => ({ position: i + 1, event })));
    expect(written).toEqual([{ collection: 'texts', key: 'case-1', doc: { body: 'Decided' }, forget: true }]);
    store.close();
  });
});
