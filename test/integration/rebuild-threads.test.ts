import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import Database from 'better-sqlite3';
import { PROJECTIONS, REBUILD_SECOND_THREAD } from '../../projections/index.js';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { lockDataFolder } from '../../src/adapters/sqlite/folder-lock.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { CHINA_STANDARD_TIME } from '../../src/domain/actor.js';
import { ed25519Signer, type Signer } from '../../src/ledger/ed25519.js';
import { sealEvents, type EventEnvelope, type StreamHead } from '../../src/ledger/envelope.js';
import { accessStream } from '../../src/app/access-log.js';
import { uuidv7Generator } from '../../src/app/ids.js';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { QUARANTINE } from '../../src/ports/read-models.js';
import {
  PARALLEL_REBUILD_FROM,
  parallelRebuild,
  readyReadModels,
  rebuildReadModels,
  type ParallelRebuild,
} from '../../src/read-models-rebuild.js';
import { accessRecord, seed } from '../../scripts/bench-projections-log.js';
import { runCli } from '../support/cli.js';
import { freshTempDir } from '../support/temp-dir.js';
import {
  CRITICAL_PICKY_PROJECTIONS,
  PICKY_PROJECTIONS,
  THREAD_PROJECTIONS_MODULE,
} from '../support/thread-projections.js';

/**
 * A rebuild on two threads (`rebuildReadModels` with `parallel`): each thread applies a part of the projections into
 * a file of its own, and the second file is taken into the first. Whatever the split, the read models must be those
 * a rebuild on one thread makes, byte for byte in every document.
 */
const tempDir = freshTempDir('rebuild-threads');
let logDir: string;
let events: SqliteEventStore;

beforeAll(async () => {
  logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-rebuild-threads-log-'));
  events = new SqliteEventStore({ path: path.join(logDir, 'events.sqlite') });
  // the registry, cases of 22 acts each (reviews, decisions, disclosures, media, hearings) and access records
  await seed(events, 1_500, ed25519Signer(generateKeyPairSync('ed25519').privateKey), () => {});
}, 120_000);

afterAll(async () => {
  await events.close();
  fs.rmSync(logDir, { recursive: true, force: true });
});

/** Every document, full-text row, index and meta value the file holds (rows by key, whatever their ids). */
function dump(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const names = (type: string) =>
      (db.prepare('SELECT name FROM sqlite_schema WHERE type = ? ORDER BY name').all(type) as { name: string }[]).map(
        (r) => r.name,
      );
    const tables = names('table').filter((name) => name.startsWith('doc_'));
    const docs = Object.fromEntries(
      tables.map((table) => {
        const rows = db.prepare(`SELECT * FROM ${table} ORDER BY key`).all() as Record<string, unknown>[];
        return [table, rows.map(({ id: _id, ...row }) => row)];
      }),
    );
    const texts = Object.fromEntries(
      names('table')
        .filter((name) => name.startsWith('fts_') && tables.includes(`doc_${name.slice(4)}`))
        .map((fts) => {
          const rows = db
            .prepare(`SELECT d.key AS key, f.body AS body FROM ${fts} f JOIN doc_${fts.slice(4)} d ON d.id = f.rowid`)
            .all() as { key: string; body: string }[];
          return [fts, rows.sort((a, b) => (a.key < b.key ? -1 : 1))];
        }),
    );
    const meta = Object.fromEntries(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [
        r.key,
        r.value, // the versions as text: in the same order too
      ]),
    );
    return { docs, texts, meta, indexes: names('index').filter((name) => name.startsWith('ix_')) };
  } finally {
    db.close();
  }
}

/**
 * The files in the test's folder, but the -wal and -shm files of the read models a test opened itself, and the
 * rebuilds' lock files (which stay, as the data folder's lock does).
 */
const beside = () =>
  fs
    .readdirSync(tempDir())
    .filter((name) => !/\.sqlite-(wal|shm)$/.test(name) && !name.endsWith('.rebuild.lock'))
    .sort();

/** Appends `count` access records of one case to `store`'s log, a thousand to an append. */
async function appendAccessRecords(store: SqliteEventStore, count: number, signer: Signer): Promise<void> {
  const caseId = '2025-county-justice-9999999';
  const stream = accessStream('county-justice', caseId);
  const newId = uuidv7Generator(systemClock);
  let head: StreamHead | null = null;
  for (let done = 0; done < count; done += 1000) {
    const drafts = Array.from({ length: Math.min(1000, count - done) }, () => accessRecord(caseId, newId));
    const sealed: EventEnvelope[] = sealEvents(stream, head, drafts, signer, new Date().toISOString());
    await store.append(stream, sealed, head ? head.revision : 'no_stream');
    const last: EventEnvelope = sealed[sealed.length - 1]!;
    head = { revision: last.revision, hash: last.hash };
  }
}

const picky = (second: readonly string[]): ParallelRebuild => ({
  projections: { module: THREAD_PROJECTIONS_MODULE, name: 'PICKY_PROJECTIONS' },
  second,
  from: 0,
});

describe('a rebuild on two threads', () => {
  it("when the log is rebuilt with the service's split, then the read models are those of one thread", async () => {
    const one = path.join(tempDir(), 'one.sqlite');
    const two = path.join(tempDir(), 'two.sqlite');
    const alone = await rebuildReadModels(events, one, { projections: PROJECTIONS });
    const split = await rebuildReadModels(events, two, {
      projections: PROJECTIONS,
      parallel: parallelRebuild(CHINA_STANDARD_TIME, 0),
    });
    expect([alone.threads, split]).toEqual([1, { ...alone, threads: 2 }]);
    expect(alone.applied).toBe(await events.headPosition());
    const made = dump(two);
    expect(made).toEqual(dump(one));
    // not empty on either side of the split: case files, disclosures (searched), the Merkle tree, the heads map
    for (const table of ['doc_cases', 'doc_disclosures', 'doc_merkle', 'doc_heads', 'doc_access']) {
      expect(made.docs[table]!.length).toBeGreaterThan(0);
    }
    expect(made.texts.fts_disclosures!.length).toBeGreaterThan(0);
    expect(made.indexes.length).toBeGreaterThan(10);
    // nothing is left beside the read models
    expect(beside()).toEqual(['one.sqlite', 'two.sqlite']);
  }, 120_000);

  it('when a projection of the second thread quarantines events, then they are quarantined as with one thread', async () => {
    const one = path.join(tempDir(), 'one.sqlite');
    const two = path.join(tempDir(), 'two.sqlite');
    await rebuildReadModels(events, one, { projections: PICKY_PROJECTIONS });
    await rebuildReadModels(events, two, {
      projections: PICKY_PROJECTIONS,
      parallel: picky([...REBUILD_SECOND_THREAD, 'picky']),
    });
    expect(dump(two)).toEqual(dump(one));
    const store = new SqliteReadModelStore({ path: two, projections: PICKY_PROJECTIONS });
    try {
      // the hearings picky refused, found through the quarantine's index as the supervision view asks
      const hearings = store.count(QUARANTINE, { projection: 'picky' });
      expect(hearings).toBeGreaterThan(0);
      expect(store.count(QUARANTINE)).toBe(hearings);
    } finally {
      store.close();
    }
  }, 120_000);

  it("when a projection of one thread reads the other's documents, then the rebuild is made on one thread and says why", async () => {
    const one = path.join(tempDir(), 'one.sqlite');
    const two = path.join(tempDir(), 'two.sqlite');
    await rebuildReadModels(events, one, { projections: PICKY_PROJECTIONS });
    const warnings: string[] = [];
    // the heads map, left on the first thread, reads the Merkle tree's documents, on the second
    const result = await rebuildReadModels(events, two, {
      projections: PICKY_PROJECTIONS,
      parallel: picky(['merkle']),
      onWarning: (message) => warnings.push(message),
    });
    expect(result).toMatchObject({ applied: await events.headPosition(), threads: 1 });
    expect(warnings).toEqual([expect.stringContaining('collection merkle is not among')]);
    expect(warnings[0]).toContain('rebuilding on one thread');
    expect(dump(two)).toEqual(dump(one));
    expect(beside()).toEqual(['one.sqlite', 'two.sqlite']);
  }, 120_000);

  it('when a thread fails, then the read models in place stay as they were and nothing is left beside them', async () => {
    const target = path.join(tempDir(), 'models.sqlite');
    await rebuildReadModels(events, target, { projections: PROJECTIONS });
    const before = dump(target);
    // a critical projection that refuses hearings, on the second thread
    const failing = rebuildReadModels(events, target, {
      projections: CRITICAL_PICKY_PROJECTIONS,
      parallel: {
        projections: { module: THREAD_PROJECTIONS_MODULE, name: 'CRITICAL_PICKY_PROJECTIONS' },
        second: ['picky'],
        from: 0,
      },
    });
    await expect(failing).rejects.toThrow('picky refuses hearings');
    expect(dump(target)).toEqual(before);
    expect(beside()).toEqual(['models.sqlite']);
    // a split that names no projection is refused before anything is made
    await expect(
      rebuildReadModels(events, target, { projections: PROJECTIONS, parallel: picky(['no-such']) }),
    ).rejects.toThrow('no projection no-such');
    expect(beside()).toEqual(['models.sqlite']);
  }, 120_000);

  it('when ledger rebuild is told --threads 2, then it rebuilds on two threads what --threads 1 rebuilds on one', async () => {
    const dataDir = tempDir();
    const own = new SqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    try {
      await seed(own, 600, ed25519Signer(generateKeyPairSync('ed25519').privateKey), () => {});
    } finally {
      await own.close();
    }
    const models = path.join(dataDir, 'read-models.sqlite');
    const two = await runCli(['rebuild', '--threads', '2'], { LEDGER_DATA_DIR: dataDir });
    expect([two.code, two.stdout]).toEqual([0, expect.stringContaining('rebuilt the read models from 600 events')]);
    const made = dump(models);
    expect(made.docs.doc_heads!.length).toBe(600);
    // what a rebuild on two threads killed part way leaves, which any later rebuild removes, on one thread too
    fs.writeFileSync(`${models}.rebuild-part`, 'left by a rebuild that was killed');
    fs.writeFileSync(`${models}.rebuild-part-wal`, '');
    const one = await runCli(['rebuild', '--threads', '1'], { LEDGER_DATA_DIR: dataDir });
    expect(one.code).toBe(0);
    expect(dump(models)).toEqual(made);
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('.rebuild') && !name.endsWith('.lock'))).toEqual([]);
    expect([two.stdout, one.stdout]).toEqual([
      expect.stringContaining('2 threads)'),
      expect.stringContaining('1 thread)'),
    ]);
  }, 120_000);

  it('when ledger rebuild is not told --threads, then a log of 20,000 events is rebuilt on two, unless LEDGER_REBUILD_THREADS=1', async () => {
    const dataDir = tempDir();
    const own = new SqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    try {
      const signer = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
      // a log as long as the threshold: the registry and some cases, then access records (which cost little to
      // seal and to project) appended a thousand at a time
      const { events: seeded } = await seed(own, 600, signer, () => {});
      await appendAccessRecords(own, PARALLEL_REBUILD_FROM - seeded, signer);
      expect(await own.headPosition()).toBe(PARALLEL_REBUILD_FROM);
    } finally {
      await own.close();
    }
    const byDefault = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir });
    expect([byDefault.code, byDefault.stdout]).toEqual([0, expect.stringContaining('20,000 events')]);
    expect(byDefault.stdout).toContain('2 threads)');
    // as the service's start-up rebuild is told
    const configured = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir, LEDGER_REBUILD_THREADS: '1' });
    expect([configured.code, configured.stdout]).toEqual([0, expect.stringContaining('1 thread)')]);
  }, 240_000);

  it('when two rebuilds of the same read models run at once, then the second is refused, naming the first, and the first completes', async () => {
    const target = path.join(tempDir(), 'models.sqlite.next');
    const first = rebuildReadModels(events, target, {
      projections: PROJECTIONS,
      parallel: parallelRebuild(CHINA_STANDARD_TIME, 0),
      holder: 'ledger rebuild --prepare',
    });
    const second = rebuildReadModels(events, target, { projections: PROJECTIONS });
    await expect(second).rejects.toThrow(
      `the read models ${target} are being rebuilt by ledger rebuild --prepare (pid ${process.pid}`,
    );
    await expect(second).rejects.toMatchObject({ code: 'rebuild_in_progress' });
    expect(await first).toMatchObject({ applied: await events.headPosition(), threads: 2 });
    const one = path.join(tempDir(), 'one.sqlite');
    await rebuildReadModels(events, one, { projections: PROJECTIONS });
    expect(dump(target)).toEqual(dump(one));
  }, 120_000);

  it('when the service starts, then what a killed rebuild left beside its read models is removed, unless a rebuild runs', async () => {
    const models = path.join(tempDir(), 'read-models.sqlite');
    await rebuildReadModels(events, models, { projections: PROJECTIONS });
    const leftovers = [
      'read-models.sqlite.rebuild',
      'read-models.sqlite.rebuild-part-wal',
      'read-models.sqlite.next.rebuild',
      'read-models.sqlite.next.rebuild-part',
    ];
    for (const name of leftovers) fs.writeFileSync(path.join(tempDir(), name), 'left by a killed rebuild');
    // a rebuild of the prepared read models holds its lock: its files are its own
    const preparing = lockDataFolder(
      tempDir(),
      { command: 'ledger rebuild --prepare', since: new Date('2026-12-05T10:00:00Z') },
      'read-models.sqlite.next.rebuild.lock',
    );
    try {
      expect(await readyReadModels(events, models, { projections: PROJECTIONS })).toBe('current');
    } finally {
      preparing.release();
    }
    expect(beside().filter((name) => leftovers.includes(name))).toEqual([
      'read-models.sqlite.next.rebuild',
      'read-models.sqlite.next.rebuild-part',
    ]);
    expect(await readyReadModels(events, models, { projections: PROJECTIONS })).toBe('current');
    expect(beside().filter((name) => leftovers.includes(name))).toEqual([]);
  }, 120_000);
});
