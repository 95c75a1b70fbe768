// CPU time of the main thread per event on the projection path, apart from the HTTP request path: the service
// (compiled, as `npm run bench` runs it) records `--acts` acts of part (f) of the bench (64 cases, each act with
// sealed free text) into a fresh data folder and stops; then this process follows that log with the projection
// runner as the service does (the embedded store's subscription, the projections on their own thread), in live-sized
// batches of `--batch` events, and reads the main thread's user + system CPU from /proc around it. `--opener main`
// opens the sealed free text on this thread, as the service does with the shared data-key store; by default the
// projection thread opens it, as with the embedded one. Each figure is one run of `--runs`.
//
//   node --import tsx scripts/cpu-projection-path.ts [--acts 4000] [--batch 8] [--opener thread|main] [--runs 3]
//
// Linux only (/proc).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECTIONS } from '../projections/index.js';
import { FileKeyWrapper, loadOrCreateMasterKey } from '../src/adapters/keys/master-key.js';
import { SqliteDataKeyStore } from '../src/adapters/sqlite/data-key-store.js';
import { SqliteEventStore } from '../src/adapters/sqlite/event-store.js';
import { systemClock } from '../src/adapters/clock/system-clock.js';
import { freeTextOpener } from '../src/app/free-text-opener.js';
import { ProjectionRunner } from '../src/app/projection-runner.js';
import { openThreadedReadModels } from '../src/compose.js';
import { CHINA_STANDARD_TIME } from '../src/domain/actor.js';
import { request, seedActs, start, stop } from './bench-http.js';

const { values } = parseArgs({
  options: {
    acts: { type: 'string', default: '4000' },
    batch: { type: 'string', default: '8' },
    opener: { type: 'string', default: 'thread' },
    runs: { type: 'string', default: '3' },
  },
});
const acts = Number(values.acts);
const batchSize = Number(values.batch);
const threadOpens = values.opener !== 'main';

/** CPU seconds (user + system) of this process's main thread. */
function mainThreadCpu(): number {
  const stat = fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ on Linux
}

/** The service records `acts` acts of part (f) into `dir`, 64 clients at a time, and stops. */
async function record(dir: string): Promise<void> {
  const env = { LEDGER_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  const service = await start(['bin/ledger.js', 'serve'], env);
  try {
    const { officer, act } = await seedActs(service.port, env);
    let next = 0;
    await Promise.all(
      Array.from({ length: 64 }, async (_, c) => {
        while (next++ < acts) await request(service.port, 'POST', `/v1/cases/bench-${c}/acts`, officer, act);
      }),
    );
  } finally {
    await stop(service);
  }
}

/** Follows a copy of the log in `dir` from its start until caught up; the main thread's CPU per event, in µs. */
async function follow(dir: string): Promise<{ events: number; perEvent: number }> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cpu-path-'));
  try {
    for (const file of ['events.sqlite', 'data-keys.sqlite'])
      fs.copyFileSync(path.join(dir, file), path.join(copy, file));
    const keys = {
      dataKeysFile: path.join(copy, 'data-keys.sqlite'),
      masterKeyFile: path.join(dir, 'keys', 'master.key'),
    };
    const events = new SqliteEventStore({ path: path.join(copy, 'events.sqlite') });
    const dataKeys = new SqliteDataKeyStore(
      keys.dataKeysFile,
      new FileKeyWrapper(loadOrCreateMasterKey(keys.masterKeyFile)),
      systemClock,
    );
    const { store, applier } = await openThreadedReadModels(
      path.join(copy, 'read-models.sqlite'),
      CHINA_STANDARD_TIME,
      threadOpens ? keys : undefined,
    );
    const open = threadOpens ? {} : { open: freeTextOpener(dataKeys) };
    const runner = new ProjectionRunner(events, store, PROJECTIONS, { applier, batchSize, ...open });
    const head = await events.headPosition();
    const stopped = new AbortController();
    const before = mainThreadCpu();
    await runner.start(stopped.signal);
    const cpu = mainThreadCpu() - before;
    stopped.abort();
    await applier.close();
    store.close();
    dataKeys.close();
    await events.close();
    return { events: head, perEvent: (cpu / head) * 1e6 };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cpu-path-log-'));
try {
  await record(dir);
  for (let run = 0; run < Number(values.runs); run++) {
    const { events, perEvent } = await follow(dir);
    console.log(
      `projection path, opened on the ${threadOpens ? 'projection' : 'main'} thread, batches of ${batchSize}: ` +
        `${events} events, main thread ${perEvent.toFixed(1)} µs of CPU per event`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
