import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { FileKeyWrapper, loadOrCreateMasterKey } from '../../src/adapters/keys/master-key.js';
import { SqliteDataKeyStore } from '../../src/adapters/sqlite/data-key-store.js';
import { caseCodec } from '../../src/app/case-service.js';
import { sealDraft } from '../../src/app/personal-data.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { ThreadApplier } from '../../src/app/thread-applier.js';
import type { EventEnvelope } from '../../src/ledger/envelope.js';
import type { StoredEvent } from '../../src/ports/event-store.js';
import type { Projection } from '../../src/ports/read-models.js';
import { CASES, caseKey, type CaseSummaryDoc } from '../../projections/case-files.js';
import type { ProjectionThreadData } from '../../src/projection-thread.js';
import { act, opened, record } from '../support/domain.js';
import { StreamWriter } from '../support/projection-spec.js';
import { freshTempDir } from '../support/temp-dir.js';
import * as threadProjections from '../support/thread-projections.js';

const tempDir = freshTempDir('projection-thread');
const writer = new StreamWriter();
let cases = 0;

/** A new case of two acts. */
function aCase(): EventEnvelope[] {
  const caseId = `c-${++cases}`;
  const opening = opened();
  return writer.caseEvents(
    caseId,
    record(
      { ...opening, act: { ...opening.act, data: { ...opening.act.data, caseId } } as typeof opening.act },
      act('HearingHeld', { heldOn: '2019-09-21' }),
    ),
  );
}

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Waits, turn by turn, until `done` holds (at most `turns` turns); answers whether it does. */
async function eventually(done: () => boolean, turns = 2_000): Promise<boolean> {
  for (let i = 0; i < turns && !done(); i++) await nextTurn();
  return done();
}

type ListName = 'GATED_PROJECTIONS' | 'EXITING_PROJECTIONS' | 'THROWING_PROJECTIONS';

/** A runner over a SQLite log whose projections (the export `name` of thread-projections) run on their thread. */
async function threadRunner(name: ListName, shared: Record<string, SharedArrayBuffer>) {
  const projections = threadProjections[name] as readonly Projection[];
  const file = path.join(tempDir(), 'rm.sqlite');
  const events = new SqliteEventStore({ path: path.join(tempDir(), 'e.sqlite'), writer: 'inline' });
  const applier = new ThreadApplier({
    entry: new URL('../../src/projection-thread.ts', import.meta.url),
    data: {
      path: file,
      projections: { module: threadProjections.THREAD_PROJECTIONS_MODULE, name },
      ...shared,
    } satisfies ProjectionThreadData & Record<string, unknown>,
  });
  await applier.open();
  const store = new SqliteReadModelStore({ path: file, projections, readonly: true });
  const errors: Error[] = [];
  const liveAtError: boolean[] = [];
  const runner: ProjectionRunner = new ProjectionRunner(events, store, projections, {
    applier,
    retryDelayMs: 20,
    onError: (err) => {
      errors.push(err as Error);
      liveAtError.push(runner.live());
    },
  });
  const stop = new AbortController();
  const append = async (stream: EventEnvelope[]) =>
    (await events.append(stream[0]!.stream, stream, 'no_stream')).position;
  return {
    events,
    store,
    runner,
    errors,
    liveAtError,
    append,
    start: () => runner.start(stop.signal),
    async close() {
      stop.abort();
      await applier.close();
      store.close();
      await events.close();
    },
  };
}

describe('the projection thread', () => {
  it('when a projection holds its thread busy, then this thread keeps answering HTTP and running timers meanwhile', async () => {
    const gate = new Int32Array(new SharedArrayBuffer(8));
    const t = await threadRunner('GATED_PROJECTIONS', { gate: gate.buffer as SharedArrayBuffer });
    const server = http.createServer((_req, res) => res.end('pong'));
    try {
      await t.start();
      const head = await t.append(aCase());
      expect(await eventually(() => Atomics.load(gate, 1) > 0)).toBe(true); // the projection is spinning
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const answers: string[] = [];
      for (let i = 0; i < 3; i++) answers.push(await (await fetch(url)).text());
      let ticks = 0;
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(() => resolve(++ticks), 1));
      // all answered while the first event is still being applied: nothing of the batch is stored yet
      expect({ answers, ticks, entered: Atomics.load(gate, 1), position: t.runner.position() }).toEqual({
        answers: ['pong', 'pong', 'pong'],
        ticks: 3,
        entered: 1,
        position: 0,
      });
      Atomics.store(gate, 0, 1); // release the projection
      expect(await t.runner.waitFor(head, 60_000)).toBe(true);
      expect(t.store.get('event_counts', '*')).toEqual({ n: head });
      expect(t.store.count('gated_seen')).toBe(head);
    } finally {
      Atomics.store(gate, 0, 1);
      server.close();
      await t.close();
    }
  });

  it('when the thread dies while applying a batch, then the runner is not ready, logs, and a new thread applies the log from the stored position', async () => {
    const crashes = new Int32Array(new SharedArrayBuffer(4));
    const t = await threadRunner('EXITING_PROJECTIONS', { crashes: crashes.buffer as SharedArrayBuffer });
    try {
      const head = await t.append(aCase());
      await t.start(); // resolves once caught up: after the second thread applied the batch
      expect(Atomics.load(crashes, 0)).toBe(1);
      expect(t.errors.map((e) => e.name)).toEqual(['ProjectionThreadStopped']);
      expect(t.errors[0]!.message).toContain('exit code 70');
      expect(t.liveAtError).toEqual([false]);
      expect(t.runner.position()).toBe(head);
      expect(t.store.get('event_counts', '*')).toEqual({ n: head }); // each event once
      expect(t.runner.live()).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('when the thread dies while idle, then the runner goes not ready, logs it, and follows the log again on a new thread', async () => {
    const crashes = new Int32Array(new SharedArrayBuffer(4));
    const t = await threadRunner('THROWING_PROJECTIONS', { crashes: crashes.buffer as SharedArrayBuffer });
    try {
      await t.start();
      const first = await t.append(aCase());
      expect(await t.runner.waitFor(first, 60_000)).toBe(true);
      expect(await eventually(() => t.errors.length > 0)).toBe(true); // the thread threw after the batch
      expect(t.errors.map((e) => e.name)).toEqual(['ProjectionThreadStopped']);
      expect(t.errors[0]!.message).toContain('a bug outside any batch');
      expect(t.liveAtError).toEqual([false]);
      expect(await eventually(() => t.runner.live())).toBe(true); // resubscribed with a new thread
      const second = await t.append(aCase());
      expect(await t.runner.waitFor(second, 60_000)).toBe(true);
      expect(t.store.get('event_counts', '*')).toEqual({ n: second });
      expect(t.errors).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('when the applier is closed, then its thread closes the store and ends, and nothing more is asked of it', async () => {
    const file = path.join(tempDir(), 'rm.sqlite');
    const applier = new ThreadApplier({
      entry: new URL('../../src/projection-thread.ts', import.meta.url),
      data: {
        path: file,
        projections: { module: threadProjections.THREAD_PROJECTIONS_MODULE, name: 'PICKY_PROJECTIONS' },
      } satisfies ProjectionThreadData,
    });
    const stream = aCase().filter((e) => e.type !== 'HearingHeld');
    await applier.reset();
    expect((await applier.apply(stream.map((event, i) => ({ position: i + 1, event })))).position).toBe(stream.length);
    await applier.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false); // the last connection closed cleanly: the log is folded in
    await expect(applier.open()).rejects.toMatchObject({ name: 'ProjectionThreadStopped' });
  });

  it.each([true, false])(
    'when the thread is given the embedded data-key store (%s), then it opens the sealed free text of the batches itself; else the projections see [sealed]',
    async (withKeys) => {
      const dir = tempDir();
      const keys = { dataKeysFile: path.join(dir, 'data-keys.sqlite'), masterKeyFile: path.join(dir, 'master.key') };
      const dataKeys = new SqliteDataKeyStore(
        keys.dataKeysFile,
        new FileKeyWrapper(loadOrCreateMasterKey(keys.masterKeyFile)),
        { now: () => new Date('2019-09-20T00:00:00Z') },
      );
      const stream = caseStream('county-justice', '2019-042'); // the case opened() opens
      const key = await dataKeys.ensure(stream);
      dataKeys.close();
      const [event] = writer.seal(
        stream,
        record(opened()).map((e) => sealDraft(caseCodec.toDraft(e, e.id), key)),
      );
      const title = '某律师事务所未公示执业信息案';
      expect(JSON.stringify(event)).not.toContain(title);
      const file = path.join(dir, 'rm.sqlite');
      const applier = new ThreadApplier({
        entry: new URL('../../src/projection-thread.ts', import.meta.url),
        data: {
          path: file,
          projections: { module: threadProjections.THREAD_PROJECTIONS_MODULE, name: 'PICKY_PROJECTIONS' },
          ...(withKeys ? { freeText: keys } : {}),
        } satisfies ProjectionThreadData,
      });
      const store = new SqliteReadModelStore({ path: file, projections: threadProjections.PICKY_PROJECTIONS });
      try {
        await applier.reset();
        const stored: StoredEvent = { position: 1, stream, json: JSON.stringify(event) };
        expect((await applier.apply([stored])).position).toBe(1);
        const row = store.get<CaseSummaryDoc>(CASES, caseKey('county-justice', '2019-042'));
        expect(row?.title).toBe(withKeys ? title : '[sealed]');
      } finally {
        await applier.close();
        store.close();
      }
    },
  );
});
