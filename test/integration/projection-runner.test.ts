import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readCaseFile } from '../../projections/case-file-read.js';
import { caseKey, type CaseFileDoc } from '../../projections/case-files.js';
import { PROJECTIONS } from '../../projections/index.js';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { InProcessApplier, type HandedEvent, type ProjectionApplier } from '../../src/app/projection-applier.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import type { EventEnvelope } from '../../src/ledger/envelope.js';
import type { EventStore } from '../../src/ports/event-store.js';
import { runCli } from '../support/cli.js';
import { COUNTING } from '../support/counting-projection.js';
import { act, items, opened, photo, record } from '../support/domain.js';
import { project, StreamWriter } from '../support/projection-spec.js';
import { seedAgency, startTestService } from '../support/service.js';
import { freshTempDir } from '../support/temp-dir.js';

const tempDir = freshTempDir('runner');

/** Signed events of a registry and `cases` cases of three or four acts each, stream by stream. */
function logOf(cases: number): EventEnvelope[][] {
  const writer = new StreamWriter();
  const streams: EventEnvelope[][] = [
    writer.registry('item-county-justice:P-001', 'ItemRegistered', { ...items['P-001'] }),
    writer.registry('officer-county-justice:alice', 'OfficerRegistered', {
      officerId: 'alice',
      name: '李执法',
      agency: 'county-justice',
      certificateNo: '1405-alice',
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    }),
  ];
  for (let i = 0; i < cases; i++) {
    const caseId = `c-${i}`;
    const opening = opened();
    const events = record(
      { ...opening, act: { ...opening.act, data: { ...opening.act.data, caseId } } as typeof opening.act },
      act('EvidenceCollected', { description: `证据 ${i}` }, { media: [photo], officers: ['alice', 'bob'] }),
      act('HearingHeld', { heldOn: '2019-09-21' }),
      ...(i % 2 ? [act('EvidenceCollected', { description: '补充' }, { officers: ['alice', 'bob'] })] : []),
    );
    streams.push(writer.caseEvents(caseId, events));
  }
  return streams;
}

async function append(store: EventStore, streams: EventEnvelope[][]): Promise<number> {
  let position = 0;
  for (const events of streams) position = (await store.append(events[0]!.stream, events, 'no_stream')).position;
  return position;
}

/** Every document of every collection of a read-model file, for comparing two builds. */
function dump(file: string): Record<string, Record<string, unknown>> {
  const db = new Database(file, { readonly: true });
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'doc\\_%' ESCAPE '\\' ORDER BY name")
    .all() as { name: string }[];
  const result: Record<string, Record<string, unknown>> = {};
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT key, doc FROM ${name} ORDER BY key`).all() as { key: string; doc: string }[];
    result[name] = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.doc)]));
  }
  db.close();
  return result;
}

/** Where the child applies the batches: in its main thread, or on the projection thread. */
type Applier = 'in-process' | 'thread';

function runChild(eventsFile: string, modelsFile: string, crashAt: number, applier: Applier) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, '../support/projection-child.ts'),
      eventsFile,
      modelsFile,
      String(crashAt),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PROJECTION_APPLIER: applier } },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise<{ signal: NodeJS.Signals | null; code: number | null; output: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output })),
  );
}

describe('the projection runner', () => {
  it('when acts are appended while it follows the log, then each is applied and waitFor resolves at its position', async () => {
    const events = new SqliteEventStore({ path: path.join(tempDir(), 'e.sqlite') });
    const store = new SqliteReadModelStore({ path: ':memory:', projections: PROJECTIONS });
    const runner = new ProjectionRunner(events, store, PROJECTIONS);
    const stop = new AbortController();
    await runner.start(stop.signal);
    expect(runner.live()).toBe(true);
    const [registry1, registry2, first, second] = logOf(2);
    const position = await append(events, [registry1!, registry2!, first!]);
    expect(await runner.waitFor(position, 60_000)).toBe(true);
    expect(store.get<CaseFileDoc>('cases', caseKey('county-justice', 'c-0'))).toMatchObject({ revision: 2, position });
    expect(await runner.waitFor(position + 1_000, 50)).toBe(false);
    const later = await append(events, [second!]);
    expect(await runner.waitFor(later, 60_000)).toBe(true);
    expect(readCaseFile(store, 'county-justice', 'c-1')?.timeline).toHaveLength(4);
    stop.abort();
    expect(await runner.waitFor(later + 10, 5_000)).toBe(false); // stopped: no waiting
    await events.close();
    store.close();
  });

  it('when the store keeps events as text, then the runner hands the applier that text unparsed, and the lag figure comes from what the applier stored', async () => {
    const events = new SqliteEventStore({ path: path.join(tempDir(), 'e.sqlite'), writer: 'inline' });
    const store = new SqliteReadModelStore({ path: ':memory:', projections: PROJECTIONS });
    const inner = new InProcessApplier(store, PROJECTIONS);
    const handed: HandedEvent[] = [];
    const recording: ProjectionApplier = {
      open: () => inner.open(),
      reset: () => inner.reset(),
      close: () => inner.close(),
      apply: (batch, after) => (handed.push(...batch), inner.apply(batch, after)),
    };
    const now = Date.parse('2100-01-01T00:00:00Z');
    const runner = new ProjectionRunner(events, store, PROJECTIONS, { applier: recording, now: () => now });
    const stop = new AbortController();
    try {
      await runner.start(stop.signal);
      const streams = logOf(2);
      const position = await append(events, streams);
      expect(await runner.waitFor(position, 60_000)).toBe(true);
      expect(handed.map((e) => ('json' in e ? JSON.parse(e.json) : e))).toEqual(streams.flat());
      expect(handed.every((e) => 'json' in e && !('event' in e))).toBe(true);
      expect(readCaseFile(store, 'county-justice', 'c-1')?.timeline).toHaveLength(4);
      expect(runner.stats().lastLagMs).toBe(now - Date.parse(streams.flat().at(-1)!.recordedAt));
    } finally {
      stop.abort();
      await events.close();
      store.close();
    }
  });

  it('when a projection fails, then nothing of the batch is stored, the runner is not ready, and it recovers on retry', async () => {
    const events = new SqliteEventStore({ path: path.join(tempDir(), 'e.sqlite'), writer: 'inline' });
    let failures = 1;
    const flaky = {
      ...COUNTING,
      apply: (recorded: Parameters<typeof COUNTING.apply>[0], docs: Parameters<typeof COUNTING.apply>[1]) => {
        if (failures > 0) {
          failures -= 1;
          throw new Error('projection bug');
        }
        return COUNTING.apply(recorded, docs);
      },
    };
    const store = new SqliteReadModelStore({ path: ':memory:', projections: [flaky] });
    const errors: unknown[] = [];
    const liveAtError: boolean[] = [];
    const runner: ProjectionRunner = new ProjectionRunner(events, store, [flaky], {
      retryDelayMs: 20,
      onError: (e) => {
        errors.push(e);
        liveAtError.push(runner.live());
      },
    });
    const stop = new AbortController();
    try {
      await runner.start(stop.signal);
      const head = await append(events, logOf(1));
      expect(await runner.waitFor(head, 60_000)).toBe(true);
      expect(errors).toHaveLength(1);
      expect(liveAtError).toEqual([false]); // /readyz says not ready while the projection fails
      expect(store.get('event_counts', '*')).toEqual({ n: head }); // each event counted once despite the failed try
      for (let i = 0; i < 3_000 && !runner.live(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(runner.live()).toBe(true); // caught up again after the retry
    } finally {
      stop.abort();
      await events.close();
      store.close();
    }
  });

  it('when a batch is stored but its answer is lost (the applier’s thread stopped), then waitFor resolves once the runner reopens at the stored position', async () => {
    const events = new SqliteEventStore({ path: path.join(tempDir(), 'e.sqlite'), writer: 'inline' });
    const store = new SqliteReadModelStore({ path: ':memory:', projections: [COUNTING] });
    const inner = new InProcessApplier(store, [COUNTING]);
    const streams = logOf(1);
    const last = streams.flat().length; // the log is empty: its events take positions 1 to last
    let lost = 0;
    const losing: ProjectionApplier = {
      open: () => inner.open(),
      reset: () => inner.reset(),
      close: () => inner.close(),
      async apply(batch, after) {
        const applied = await inner.apply(batch, after);
        if (lost > 0 || batch.at(-1)?.position !== last) return applied;
        lost += 1;
        throw new Error('the thread stopped before its answer arrived');
      },
    };
    const errors: unknown[] = [];
    const runner = new ProjectionRunner(events, store, [COUNTING], {
      applier: losing,
      retryDelayMs: 20,
      onError: (e) => errors.push(e),
    });
    const stop = new AbortController();
    try {
      await runner.start(stop.signal);
      const head = await append(events, streams);
      expect(head).toBe(last);
      expect(await runner.waitFor(head, 60_000)).toBe(true); // nothing more arrives: only the reopening answers it
      expect({ lost, errors: errors.length, position: runner.position() }).toEqual({
        lost: 1,
        errors: 1,
        position: head,
      });
      expect(store.get('event_counts', '*')).toEqual({ n: head });
    } finally {
      stop.abort();
      await events.close();
      store.close();
    }
  });

  it('when the stored models come from other projection versions, then start rebuilds them from the start of the log', async () => {
    const file = path.join(tempDir(), 'rm.sqlite');
    const events = new SqliteEventStore({ path: path.join(tempDir(), 'e.sqlite'), writer: 'inline' });
    await append(events, logOf(3));
    const old = new SqliteReadModelStore({ path: file, projections: PROJECTIONS });
    old.reset([{ ...PROJECTIONS[1]!, version: 0 }]);
    old.commit([{ collection: 'officers', key: 'stale', doc: { agency: 'x' } }], 10_000);
    old.close();

    const store = new SqliteReadModelStore({ path: file, projections: PROJECTIONS });
    const runner = new ProjectionRunner(events, store, PROJECTIONS);
    expect(runner.outdated()).toBe(true);
    const stop = new AbortController();
    await runner.start(stop.signal);
    expect(store.get('officers', 'stale')).toBeUndefined();
    expect(store.count('cases')).toBe(3);
    expect(runner.outdated()).toBe(false);
    stop.abort();
    await events.close();
    store.close();
  });

  it.each<Applier>(['in-process', 'thread'])(
    'when the runner (%s) is killed between applying a batch and storing it, then the restart neither loses nor repeats an event',
    async (applier) => {
      const dir = tempDir();
      const eventsFile = path.join(dir, 'e.sqlite');
      const modelsFile = path.join(dir, 'rm.sqlite');
      const streams = logOf(25);
      const events = new SqliteEventStore({ path: eventsFile, writer: 'inline' });
      const head = await append(events, streams);
      await events.close();

      const crashed = await runChild(eventsFile, modelsFile, 60, applier);
      expect(crashed.signal).toBe('SIGKILL');
      expect(crashed.output).toContain('crashing before committing up to 63');
      const afterCrash = new SqliteReadModelStore({ path: modelsFile, projections: [...PROJECTIONS, COUNTING] });
      expect(afterCrash.position()).toBe(56); // 8 batches of 7 stored; the 9th was computed and lost
      expect(afterCrash.get('event_counts', '*')).toEqual({ n: 56 });
      afterCrash.close();

      const resumed = await runChild(eventsFile, modelsFile, 0, applier);
      expect(resumed.output).toContain(`caught up ${head}`);
      const store = new SqliteReadModelStore({ path: modelsFile, projections: [...PROJECTIONS, COUNTING] });
      expect(store.get('event_counts', '*')).toEqual({ n: head });
      for (const stream of streams) {
        expect(store.get('event_counts', stream[0]!.stream)).toEqual({ n: stream.length });
      }
      // and the case files are exactly those of an uninterrupted application of the same log
      const reference = project(PROJECTIONS, streams.flat());
      for (const { agency, caseId } of reference.all<CaseFileDoc>('cases')) {
        const stored = readCaseFile(store, agency, caseId);
        const expected = reference.file(agency, caseId)!;
        expect(stored?.timeline.map((t) => t.hash)).toEqual(expected.timeline.map((t) => t.hash));
      }
      store.close();
    },
  );
});

describe('ledger rebuild', () => {
  it('when the read models of a running service are rebuilt from the log, then they are identical', async () => {
    const dataDir = tempDir();
    const t = await startTestService({ LEDGER_DATA_DIR: dataDir });
    const { officer } = await seedAgency(t, 'county-justice');
    const open = (caseId: string) => ({
      caseId,
      itemCode: 'P-001',
      title: `案件 ${caseId}`,
      openedOn: '2026-11-02',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'person', name: '张三', idNumber: '110101199003070011' }],
    });
    for (const caseId of ['r-1', 'r-2']) {
      expect((await t.call('POST', '/v1/cases', { token: officer, body: open(caseId) })).status).toBe(201);
      const evidence = {
        type: 'EvidenceCollected',
        occurredAt: '2026-11-03T09:00:00+08:00',
        data: { description: 'x' },
      };
      const written = await t.call('POST', `/v1/cases/${caseId}/acts`, { token: officer, body: evidence });
      expect(written.status).toBe(201);
      const read = await t.call('GET', `/v1/cases/${caseId}?consistentWith=${written.body.position}`, {
        token: officer,
      });
      expect(read.body.timeline).toHaveLength(2);
    }
    expect(await t.service.readModelsCaughtUp()).toBe(true);
    await t.stop();
    const file = path.join(dataDir, 'read-models.sqlite');
    const live = dump(file);
    expect(Object.keys(live.doc_cases ?? {})).toEqual(['r-1', 'r-2'].map((id) => caseKey('county-justice', id)));

    const result = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/rebuilt the read models from \d+ events in [\d.]+ s \([\d,]+ events\/s, 1 thread\)/);
    expect(result.stderr).toContain('100%');
    expect(dump(file)).toEqual(live);

    // with a data-key file that holds none of the cases' keys, neither builds read models of [sealed] text
    const foreign = { LEDGER_DATA_DIR: dataDir, LEDGER_DATA_KEYS_FILE: path.join(dataDir, 'other-data-keys.sqlite') };
    for (const command of [['rebuild'], ['check']]) {
      const refused = await runCli(command, foreign);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('case-county-justice:r-2 (neither a key nor a record of its erasure)');
      expect(refused.stderr).toContain('LEDGER_DATA_KEY_STORE=media');
    }
    expect(dump(file)).toEqual(live);
  });

  it('when asked for help, then it says what it does and to stop the service first', async () => {
    const help = await runCli(['rebuild', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ledger rebuild');
    expect(help.stdout).toContain('Stop the service first');
    expect((await runCli(['rebuild', '--batch', 'many'])).code).toBe(2);
  });
});
