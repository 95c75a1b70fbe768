import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { InProcessApplier, type ProjectionApplier } from '../../src/app/projection-applier.js';
import { ThreadApplier } from '../../src/app/thread-applier.js';
import type { EventEnvelope } from '../../src/ledger/envelope.js';
import type { RecordedEvent } from '../../src/ports/event-store.js';
import { QUARANTINE, type QuarantineDoc, type ReadModelStore } from '../../src/ports/read-models.js';
import type { ProjectionThreadData } from '../../src/projection-thread.js';
import { act, items, opened, record } from '../support/domain.js';
import { StreamWriter } from '../support/projection-spec.js';
import { freshTempDir } from '../support/temp-dir.js';
import { PICKY_PROJECTIONS, THREAD_PROJECTIONS_MODULE } from '../support/thread-projections.js';

/**
 * One contract for both ways of applying projections: on the calling thread (`:memory:` stores, tests,
 * `ledger rebuild`) and on the projection thread (the service). Same documents, same position, same quarantine.
 */
const tempDir = freshTempDir('appliers');
const PROJECTIONS = PICKY_PROJECTIONS;

interface Opened {
  readonly applier: ProjectionApplier;
  /** Reads what the applier stored. */
  readonly reader: ReadModelStore;
  close(): Promise<void>;
}

const kinds: [string, (file: string) => Promise<Opened>][] = [
  [
    'in process',
    async (file) => {
      const store = new SqliteReadModelStore({ path: file, projections: PROJECTIONS });
      return { applier: new InProcessApplier(store, PROJECTIONS), reader: store, close: async () => store.close() };
    },
  ],
  [
    'on the projection thread',
    async (file) => {
      const applier = new ThreadApplier({
        entry: new URL('../../src/projection-thread.ts', import.meta.url),
        data: {
          path: file,
          projections: { module: THREAD_PROJECTIONS_MODULE, name: 'PICKY_PROJECTIONS' },
        } satisfies ProjectionThreadData,
      });
      await applier.open();
      const reader = new SqliteReadModelStore({ path: file, projections: PROJECTIONS, readonly: true });
      return {
        applier,
        reader,
        close: async () => {
          await applier.close();
          reader.close();
        },
      };
    },
  ],
];

/** A registry entry and `cases` cases of an opening, evidence and (every other case) a hearing, in log order. */
function log(cases: number): RecordedEvent[] {
  const writer = new StreamWriter();
  const streams: EventEnvelope[][] = [
    writer.registry('item-county-justice:P-001', 'ItemRegistered', { ...items['P-001'] }),
  ];
  for (let i = 0; i < cases; i++) {
    const opening = opened();
    const caseId = `c-${i}`;
    const events = record(
      { ...opening, act: { ...opening.act, data: { ...opening.act.data, caseId } } as typeof opening.act },
      act('EvidenceCollected', { description: `证据 ${i}` }, { officers: ['alice', 'bob'] }),
      ...(i % 2 ? [act('HearingHeld', { heldOn: '2019-09-21' })] : []),
    );
    streams.push(writer.caseEvents(caseId, events));
  }
  return streams.flat().map((event, i) => ({ position: i + 1, event }));
}

/** Every stored row of every collection, and the stored position, as the file holds them. */
function dump(file: string): { position: string; docs: Record<string, Record<string, unknown>> } {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'doc\\_%' ESCAPE '\\' ORDER BY name")
      .all() as { name: string }[];
    const docs: Record<string, Record<string, unknown>> = {};
    for (const { name } of tables) {
      const rows = db.prepare(`SELECT key, doc FROM ${name} ORDER BY key`).all() as { key: string; doc: string }[];
      docs[name] = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.doc)]));
    }
    const position = (db.prepare("SELECT value FROM meta WHERE key = 'position'").get() as { value: string }).value;
    return { position, docs };
  } finally {
    db.close();
  }
}

/** The read models of `events` applied in one batch, with the failed batch retried event by event. */
async function reference(events: readonly RecordedEvent[]) {
  const file = path.join(tempDir(), 'reference.sqlite');
  const store = new SqliteReadModelStore({ path: file, projections: PROJECTIONS });
  const applier = new InProcessApplier(store, PROJECTIONS);
  await applier.reset();
  await applier.apply(events).catch(() => undefined); // picky refuses the hearings: the batch fails once
  await applier.apply(events);
  store.close();
  return dump(file);
}

describe.each(kinds)('the projection applier %s', (_kind, open) => {
  it('when a log is applied in batches, then it stores the documents and position of applying it event by event', async () => {
    const events = log(6);
    const expected = await reference(events);
    expect(Object.keys(expected.docs.doc_cases ?? {})).toHaveLength(6);
    const file = path.join(tempDir(), 'rm.sqlite');
    const { applier, close } = await open(file);
    try {
      await applier.reset();
      let after = 0;
      for (let i = 0; i < events.length; i += 4) {
        const batch = events.slice(i, i + 4);
        const applied = await applier.apply(batch, after).catch(async () => applier.apply(batch, after));
        expect(applied.position).toBe(batch.at(-1)!.position);
        after = applied.position;
      }
      expect(await applier.open()).toBe(events.length);
    } finally {
      await close();
    }
    expect(dump(file)).toEqual(expected);
  });

  it('when a projection cannot apply an event, then the batch stores nothing and its retry quarantines that event alone', async () => {
    const events = log(2); // the second case holds a hearing
    const hearing = events.find((r) => r.event.type === 'HearingHeld')!;
    const { applier, reader, close } = await open(path.join(tempDir(), 'rm.sqlite'));
    try {
      await applier.reset();
      await expect(applier.apply(events, 0)).rejects.toThrow('picky refuses hearings');
      expect(await applier.open()).toBe(0);
      expect(reader.get('event_counts', '*')).toBeUndefined();

      const applied = await applier.apply(events, 0);
      expect(applied).toMatchObject({ position: events.length, events: events.length, commits: events.length });
      expect(applied.quarantined.map((q) => [q.projection, q.eventId, q.position])).toEqual([
        ['picky', hearing.event.id, hearing.position],
      ]);
      const stored = reader.query<QuarantineDoc>(QUARANTINE, { orderBy: 'position', limit: 10 }).items;
      expect(stored).toEqual(applied.quarantined);
      expect(reader.get('event_counts', '*')).toEqual({ n: events.length }); // every other projection applied it
      expect(reader.get('picky_seen', hearing.event.id)).toBeUndefined();
      expect(reader.position()).toBe(events.length);
    } finally {
      await close();
    }
  });

  it('when a batch follows one that was not stored, then it is refused and nothing is stored', async () => {
    const events = log(2).filter((r) => r.event.type !== 'HearingHeld');
    const { applier, reader, close } = await open(path.join(tempDir(), 'rm.sqlite'));
    try {
      await applier.reset();
      const [first, second] = [events.slice(0, 2), events.slice(2)];
      await expect(applier.apply(second, first.at(-1)!.position)).rejects.toMatchObject({ name: 'BatchOutOfOrder' });
      expect(await applier.open()).toBe(0);
      await applier.apply(first, 0);
      expect((await applier.apply(second, first.at(-1)!.position)).position).toBe(events.at(-1)!.position);
      expect(reader.get('event_counts', '*')).toEqual({ n: events.length });
    } finally {
      await close();
    }
  });
});
