import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { InvalidCursor, type Doc, type Projection, type Query } from '../../src/ports/read-models.js';
import { freshTempDir } from '../support/temp-dir.js';

const tempDir = freshTempDir('read-models');

/** A projection that only declares collections: the store is exercised directly. */
const shapes: Projection = {
  name: 'shapes',
  version: 3,
  collections: [
    { name: 'things', indexes: ['agency', 'on', 'flag', 'nested.when', 'maybe'] },
    { name: 'texts', indexes: ['agency'], text: (doc) => String(doc.body) },
  ],
  apply: () => [],
};

const open = (file = ':memory:') => new SqliteReadModelStore({ path: file, projections: [shapes] });

function fill(store: SqliteReadModelStore, count: number) {
  const changes = Array.from({ length: count }, (_, i) => ({
    collection: 'things',
    key: `k${String(i).padStart(3, '0')}`,
    doc: {
      agency: i % 2 ? 'a' : 'b',
      on: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
      flag: i % 3 === 0,
      nested: { when: i },
      ...(i % 4 === 0 ? {} : { maybe: `m${i % 5}` }),
    },
  }));
  store.commit(changes, count);
}

function allPages(store: SqliteReadModelStore, query: Omit<Parameters<SqliteReadModelStore['query']>[1], 'after'>) {
  const keys: unknown[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = store.query<Doc>('things', { ...query, ...(after ? { after } : {}) });
    keys.push(...page.items.map((d) => (d.nested as { when: number }).when));
    if (!page.next) return keys;
    after = page.next;
  }
  throw new Error('paging did not end');
}

describe('the SQLite read-model store', () => {
  it('when changes are committed, then documents and position are stored together and survive reopening', () => {
    const file = path.join(tempDir(), 'rm.sqlite');
    const store = open(file);
    expect(store.position()).toBe(0);
    store.commit([{ collection: 'things', key: 'x', doc: { agency: 'a', on: '2026-01-01' } }], 17);
    store.close();
    const again = open(file);
    expect(again.position()).toBe(17);
    expect(again.get('things', 'x')).toEqual({ agency: 'a', on: '2026-01-01' });
    again.commit([{ collection: 'things', key: 'x', doc: null }], 18);
    expect(again.get('things', 'x')).toBeUndefined();
    expect(again.count('things')).toBe(0);
    again.close();
  });

  it('when a commit fails part-way, then neither its documents nor its position are stored', () => {
    const store = open();
    store.commit([{ collection: 'things', key: 'a', doc: { agency: 'a' } }], 1);
    const failing = (function* () {
      yield { collection: 'things', key: 'b', doc: { agency: 'b' } };
      throw new Error('projection failed mid-batch');
    })();
    expect(() => store.commit(failing, 2)).toThrow('projection failed mid-batch');
    expect(store.position()).toBe(1);
    expect(store.get('things', 'b')).toBeUndefined();
    store.close();
  });

  it('when a query filters, ranges and pages in either direction, then every matching document comes once in order', () => {
    const store = open();
    fill(store, 101);
    const expected = Array.from({ length: 101 }, (_, i) => i).filter((i) => i % 2 === 1 && i % 28 >= 4 && i % 28 <= 19);
    const byDate = (a: number, b: number) => (a % 28) - (b % 28) || a - b; // keys sort like the numbers
    const asc = allPages(store, {
      where: { agency: 'a' },
      range: { member: 'on', from: '2026-01-05', to: '2026-01-20' },
      orderBy: 'on',
      limit: 7,
    });
    expect(asc).toEqual([...expected].sort(byDate));
    const desc = allPages(store, {
      where: { agency: 'a' },
      range: { member: 'on', from: '2026-01-05', to: '2026-01-20' },
      orderBy: 'on',
      direction: 'desc',
      limit: 5,
    });
    expect(desc).toEqual([...expected].sort(byDate).reverse());
    store.close();
  });

  it('when the order member is missing from some documents, then paging still returns each document once', () => {
    const store = open();
    fill(store, 40);
    for (const direction of ['asc', 'desc'] as const) {
      const seen = allPages(store, { orderBy: 'maybe', direction, limit: 3 });
      expect([...seen].sort((a, b) => (a as number) - (b as number))).toEqual(Array.from({ length: 40 }, (_, i) => i));
    }
    store.close();
  });

  it('when a query names booleans, lists and nested members, then it matches them as JSON holds them', () => {
    const store = open();
    fill(store, 30);
    const flagged = store.query<Doc>('things', { where: { flag: true }, limit: 100 }).items;
    expect(flagged.map((d) => (d.nested as { when: number }).when)).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24, 27]);
    const some = store.query<Doc>('things', { where: { 'nested.when': [2, 5, 99] }, limit: 100 }).items;
    expect(some).toHaveLength(2);
    expect(store.query('things', { where: { agency: [] }, limit: 10 }).items).toEqual([]);
    expect(store.query('things', { where: { maybe: null }, limit: 100 }).items).toHaveLength(8);
    store.close();
  });

  it('when a member is not indexed or a cursor is not one of ours, then the query is refused', () => {
    const store = open();
    fill(store, 3);
    expect(() => store.query('things', { where: { 'agency) OR (1': 'x' }, limit: 1 })).toThrow(/not an indexed/);
    expect(() => store.query('things', { orderBy: 'body', limit: 1 })).toThrow(/not an indexed/);
    expect(() => store.query('things', { after: 'bm90IGEgY3Vyc29y', limit: 1 })).toThrow(InvalidCursor);
    expect(() => store.query('nothing', { limit: 1 })).toThrow(/no collection/);
    store.close();
  });

  it("when a cursor is another collection's or another order's, then the query is refused rather than paged from it", () => {
    const store = open();
    fill(store, 6);
    store.commit(
      ['t1', 't2', 't3'].map((key) => ({ collection: 'texts', key, doc: { agency: 'a', body: key } })),
      7,
    );
    const byDate = store.query('things', { orderBy: 'on', limit: 2 }).next!;
    const byKey = store.query('things', { limit: 2 }).next!;
    const texts = store.query('texts', { limit: 1 }).next!;
    // each cursor goes on in its own list, whatever the filters
    expect(store.query('things', { orderBy: 'on', after: byDate, limit: 2 }).items).toHaveLength(2);
    expect(store.query('things', { where: { agency: 'a' }, after: byKey, limit: 2 }).items.length).toBeGreaterThan(0);
    expect(store.query('texts', { after: texts, limit: 5 }).items).toHaveLength(2);
    for (const [query, cursor] of [
      [{ limit: 2 }, texts],
      [{ limit: 2 }, byDate],
      [{ orderBy: 'on', limit: 2 }, byKey],
      [{ orderBy: 'on', direction: 'desc', limit: 2 }, byDate],
    ] as const) {
      expect(() => store.query('things', { ...query, after: cursor })).toThrow(InvalidCursor);
    }
    expect(() => store.query('texts', { limit: 2, after: byKey })).toThrow(InvalidCursor);
    store.close();
  });

  it('when Chinese text is searched, then trigram matching finds it, closest first, and follows updates and deletes', () => {
    const store = open();
    store.commit(
      [
        { collection: 'texts', key: 't1', doc: { agency: 'a', body: '某律师事务所未按规定公示执业信息' } },
        {
          collection: 'texts',
          key: 't2',
          doc: { agency: 'a', body: '律师事务所未按规定公示执业信息，再次检查仍未公示执业信息' },
        },
        { collection: 'texts', key: 't3', doc: { agency: 'a', body: '违法建筑强制拆除' } },
        { collection: 'texts', key: 't4', doc: { agency: 'b', body: '未按规定公示执业信息' } },
      ],
      4,
    );
    const hits = store.search('texts', '"公示执" OR "执业信"', { where: { agency: 'a' }, limit: 10 });
    expect(hits.map((h) => h.key).sort()).toEqual(['t1', 't2']);
    expect(hits[0]!.key).toBe('t2'); // more occurrences rank closer
    store.commit([{ collection: 'texts', key: 't2', doc: { agency: 'a', body: '违法建筑' } }], 5);
    store.commit([{ collection: 'texts', key: 't1', doc: null }], 6);
    expect(store.search('texts', '"公示执"', { where: { agency: 'a' }, limit: 10 })).toEqual([]);
    expect(
      store
        .search('texts', '"违法建"', { limit: 10 })
        .map((h) => h.key)
        .sort(),
    ).toEqual(['t2', 't3']);
    store.close();
  });

  it('when a query asks for texts containing words, then it keeps the documents holding all of them, in its order, paged', () => {
    const store = open();
    const text = (key: string, agency: string, body: string) => ({
      collection: 'texts',
      key,
      doc: { key, agency, body },
    });
    store.commit(
      [
        text('t1', 'a', '县司罚〔2026〕1号 张** 未按规定公示执业信息'),
        text('t2', 'a', '县司罚〔2026〕2号 李* ABC律师事务所'),
        text('t3', 'b', '市监罚〔2026〕3号 张** 100%_合规'),
        text('t4', 'a', '县司罚〔2026〕4号 张** abc事务所'),
      ],
      4,
    );
    const keys = (query: Omit<Query, 'limit' | 'after'>) => {
      const found: unknown[] = [];
      let after: string | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const page = store.query<Doc>('texts', { ...query, limit: 1, ...(after ? { after } : {}) });
        found.push(...page.items.map((d) => d.key));
        if (!page.next) return found;
        after = page.next;
      }
      throw new Error('paging did not end');
    };
    // a one-character word (a masked name) matches too, and ASCII letters match in either case
    expect(keys({ contains: ['张'] })).toEqual(['t1', 't3', 't4']);
    expect(keys({ contains: ['abc', '事务所'] })).toEqual(['t2', 't4']);
    expect(keys({ contains: ['张'], where: { agency: 'a' }, direction: 'desc' })).toEqual(['t4', 't1']);
    // LIKE's wildcards are matched as themselves
    expect(keys({ contains: ['%_'] })).toEqual(['t3']);
    expect(keys({ contains: ['0%'] })).toEqual(['t3']);
    expect(keys({ contains: ['2026', '〕9号'] })).toEqual([]);
    expect(() => store.query('things', { contains: ['x'], limit: 1 })).toThrow(/not searched/);
    store.close();
  });

  it('when reset, then every collection is empty, the position is 0 and the versions are those given', () => {
    const store = open();
    fill(store, 5);
    store.commit([{ collection: 'texts', key: 't', doc: { agency: 'a', body: '执业信息公示' } }], 6);
    expect(store.versions()).toEqual({});
    store.reset([shapes]);
    expect(store.position()).toBe(0);
    expect(store.count('things')).toBe(0);
    expect(store.search('texts', '"执业信"', { limit: 5 })).toEqual([]);
    expect(store.versions()).toEqual({ shapes: 3 });
    store.close();
  });

  it("when rows are read by key prefix, then they come in key order, paged, and no other parent's rows among them", () => {
    const store = open();
    const rows = ['case-a:1/0000000002', 'case-a:1/0000000000', 'case-a:10/0000000000', 'case-a:1/0000000001'];
    store.commit(
      rows.map((key) => ({ collection: 'things', key, doc: { agency: 'a', on: key } })),
      1,
    );
    const first = store.query<Doc>('things', { keyPrefix: 'case-a:1/', limit: 2 });
    expect(first.items.map((d) => d.on)).toEqual(['case-a:1/0000000000', 'case-a:1/0000000001']);
    const second = store.query<Doc>('things', { keyPrefix: 'case-a:1/', limit: 2, after: first.next! });
    expect(second.items.map((d) => d.on)).toEqual(['case-a:1/0000000002']);
    expect(second.next).toBeUndefined();
    const ranged = store.query<Doc>('things', {
      keyPrefix: 'case-a:1/',
      keyFrom: 'case-a:1/0000000001',
      keyBefore: 'case-a:1/0000000002',
      limit: 10,
    });
    expect(ranged.items.map((d) => d.on)).toEqual(['case-a:1/0000000001']);
    store.close();
  });

  it('when a document is rewritten, then its indexed members and its searched text follow it, and only it', () => {
    const store = open();
    fill(store, 10);
    store.commit(
      [{ collection: 'things', key: 'k003', doc: { agency: 'c', on: '2026-02-01', flag: false, nested: { when: 3 } } }],
      11,
    );
    expect(store.query<Doc>('things', { where: { agency: 'c' }, limit: 10 }).items).toHaveLength(1);
    expect([store.count('things', { agency: 'a' }), store.count('things', { agency: 'b' })]).toEqual([4, 5]); // k003 left a
    expect(
      store
        .query<Doc>('things', { where: { flag: true }, limit: 10 })
        .items.map((d) => (d.nested as { when: number }).when),
    ).toEqual([0, 6, 9]);
    store.commit([{ collection: 'texts', key: 't', doc: { agency: 'a', body: '执业信息公示' } }], 12);
    store.commit([{ collection: 'texts', key: 't', doc: { agency: 'b', body: '执业信息公示' } }], 13); // same text
    expect(store.search('texts', '"执业信"', { where: { agency: 'b' }, limit: 5 }).map((h) => h.key)).toEqual(['t']);
    store.commit([{ collection: 'texts', key: 't', doc: { agency: 'b', body: '违法建筑' } }], 14);
    expect(store.search('texts', '"执业信"', { limit: 5 })).toEqual([]);
    expect(store.search('texts', '"违法建"', { limit: 5 }).map((h) => h.key)).toEqual(['t']);
    store.close();
  });

  it('when a row is rewritten commit after commit, with failed commits, one-event commits and deletes between, then its members and text follow what is stored', () => {
    const store = open();
    const agencies = () => ['a', 'b', 'c', 'd'].map((agency) => store.count('texts', { agency }));
    const found = (word: string) => store.search('texts', `"${word}"`, { limit: 5 }).map((h) => h.key);
    const write = (agency: string, body: string) => ({ collection: 'texts', key: 't', doc: { agency, body } });
    store.commit([write('a', '执业信息公示')], 1);
    store.commit([write('b', '执业信息公示')], 2);
    store.commit([write('b', '违法建筑')], 3);
    expect([agencies(), found('违法建'), found('执业信')]).toEqual([[0, 1, 0, 0], ['t'], []]);
    // a commit that rewrote the row and was undone: the next rewrite to the same values must still be stored
    const failing = (function* () {
      yield write('c', '无照经营');
      throw new Error('projection failed mid-batch');
    })();
    expect(() => store.commit(failing, 4)).toThrow('projection failed mid-batch');
    expect([agencies(), found('无照经')]).toEqual([[0, 1, 0, 0], []]);
    store.commit([write('c', '无照经营')], 4);
    expect([agencies(), found('无照经'), found('违法建')]).toEqual([[0, 0, 1, 0], ['t'], []]);
    // written event by event, then by batches again
    const recorded = {
      position: 5,
      event: { id: 'e5', stream: 's', type: 'T', actor: { agency: 'a' }, recordedAt: '' },
    };
    store.commitEvent(recorded as never, [{ projection: shapes, changes: [write('d', '执业信息公示')] }], []);
    store.commit([write('c', '无照经营')], 6);
    expect([agencies(), found('无照经'), found('执业信')]).toEqual([[0, 0, 1, 0], ['t'], []]);
    // deleted and written again: a new row
    store.commit([{ collection: 'texts', key: 't', doc: null }], 7);
    store.commit([write('a', '违法建筑')], 8);
    store.commit([write('b', '违法建筑')], 9);
    expect([agencies(), found('违法建'), found('无照经')]).toEqual([[0, 1, 0, 0], ['t'], []]);
    expect(store.get('texts', 't')).toEqual({ agency: 'b', body: '违法建筑' });
    store.close();
  });

  it('when a searched document is rewritten with the same text, then its full-text row is not written again', () => {
    const file = path.join(tempDir(), 'fts.sqlite');
    const store = new SqliteReadModelStore({ path: file, projections: [shapes] });
    // every write to an FTS5 table adds to its segment data; a row left alone adds nothing
    const segments = () => {
      const db = new Database(file, { readonly: true });
      const row = db.prepare('SELECT count(*) AS n, sum(length(block)) AS bytes FROM fts_texts_data').get();
      db.close();
      return JSON.stringify(row);
    };
    store.commit([{ collection: 'texts', key: 't', doc: { agency: 'a', body: '执业信息公示' } }], 1);
    const written = segments();
    store.commit([{ collection: 'texts', key: 't', doc: { agency: 'b', body: '执业信息公示' } }], 2);
    expect(segments()).toBe(written);
    expect(store.search('texts', '"执业信"', { where: { agency: 'b' }, limit: 5 }).map((h) => h.key)).toEqual(['t']);
    store.commit([{ collection: 'texts', key: 't', doc: { agency: 'b', body: '违法建筑' } }], 3);
    expect(segments()).not.toBe(written);
    store.close();
  });

  it('when loaded in bulk, then the member indexes are made at the end and queries answer as for a store kept row by row', () => {
    const file = path.join(tempDir(), 'bulk.sqlite');
    const bulk = new SqliteReadModelStore({ path: file, projections: [shapes], bulk: true });
    const indexes = () => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'ix_things_%'").all()
          .length;
      } finally {
        db.close();
      }
    };
    fill(bulk, 40);
    expect(indexes()).toBe(0);
    bulk.finishBulk();
    expect(indexes()).toBe(5);
    const kept = open();
    fill(kept, 40);
    const queries: Query[] = [
      { where: { agency: 'a' }, orderBy: 'on', limit: 100 },
      { where: { flag: true }, range: { member: 'nested.when', from: 5, to: 30 }, limit: 100 },
    ];
    for (const query of queries) {
      expect(bulk.query('things', query)).toEqual(kept.query('things', query));
    }
    bulk.close();
    kept.close();
  });

  it('when a file was written in another layout, then it is emptied on opening and its versions forgotten, so it is rebuilt', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const store = new SqliteReadModelStore({ path: file, projections: [shapes] });
    store.reset([shapes]);
    fill(store, 3);
    store.close();
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'layout'").run();
    db.close();
    const reopened = new SqliteReadModelStore({ path: file, projections: [shapes] });
    expect(reopened.versions()).toEqual({});
    expect(reopened.position()).toBe(0);
    expect(reopened.count('things')).toBe(0);
    reopened.close();
  });

  it('when a document nests deeper than SQLite reads JSON, then it is refused and quarantined, and one at the limit is stored', () => {
    const file = path.join(tempDir(), 'deep.sqlite');
    const store = new SqliteReadModelStore({ path: file, projections: [shapes] });
    const nested = (levels: number): unknown => {
      let value: unknown = [];
      for (let i = 1; i < levels; i++) value = [value];
      return value;
    };
    const commit = (position: number, key: string, doc: Doc) =>
      store.commitEvent(
        {
          position,
          event: { id: `e${position}`, stream: 's', type: 'T', actor: { agency: 'a' }, recordedAt: '' },
        } as never,
        [{ projection: shapes, changes: [{ collection: 'things', key, doc }] }],
        [],
      );
    // the document itself is the outermost level: 999 more make SQLite's 1,000, 1,000 more are one too many
    expect(commit(1, 'limit', { agency: 'a', deep: nested(999) })).toEqual([]);
    // brackets inside strings do not nest
    expect(commit(2, 'text', { agency: 'a', body: '[{'.repeat(2_000) })).toEqual([]);
    const refused = commit(3, 'over', { agency: 'a', deep: nested(1_000) });
    expect(refused.map((q) => [q.projection, q.eventId, q.reason])).toEqual([
      ['shapes', 'e3', expect.stringMatching(/too deep/)],
    ]);
    expect([store.get('things', 'over'), store.position(), store.count('things')]).toEqual([undefined, 3, 2]);
    store.close();
    // what is stored, SQLite's JSON functions read
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT key, json_valid(doc) AS valid FROM doc_things ORDER BY key').all()).toEqual([
      { key: 'limit', valid: 1 },
      { key: 'text', valid: 1 },
    ]);
    expect(db.prepare('SELECT json_valid(?) AS valid').get(JSON.stringify({ deep: nested(1_000) }))).toEqual({
      valid: 0,
    });
    db.close();
  });

  it('when a document is rewritten without its text or deleted, then the text does not linger in the file', () => {
    const file = path.join(tempDir(), 'erased.sqlite');
    const store = new SqliteReadModelStore({ path: file, projections: [shapes] });
    const secret = (name: string) => `当事人${name}的住址`.repeat(8);
    store.commit(
      [
        { collection: 'things', key: 'kept', doc: { agency: 'a', note: secret('张三') } },
        { collection: 'things', key: 'gone', doc: { agency: 'a', note: secret('李四') } },
        { collection: 'texts', key: 't', doc: { agency: 'a', body: secret('王五') } },
      ],
      1,
    );
    store.commit(
      [
        { collection: 'things', key: 'kept', doc: { agency: 'a', note: '[erased]' } },
        { collection: 'things', key: 'gone', doc: null },
        { collection: 'texts', key: 't', doc: { agency: 'a', body: '[erased]' } },
      ],
      2,
    );
    store.close(); // the last connection's close checkpoints the log into the file and removes it
    const bytes = fs.readFileSync(file);
    for (const name of ['张三', '李四', '王五']) expect(bytes.includes(Buffer.from(secret(name)))).toBe(false);
    expect(bytes.includes(Buffer.from('[erased]'))).toBe(true);
  });

  it('when a file is made, then its pages are of 8 KiB', () => {
    const file = path.join(tempDir(), 'pages.sqlite');
    new SqliteReadModelStore({ path: file, projections: [shapes] }).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('page_size', { simple: true })).toBe(8192);
    db.close();
  });
});
