import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openEventStore, readModelPath } from '../compose.js';
import { SqliteReadModelStore } from '../adapters/sqlite/read-model-store.js';
import { ProjectionRunner } from '../app/projection-runner.js';
import { PROJECTIONS } from '../../projections/index.js';
import { print, UsageError, type CliIo } from './io.js';
import { progressBar } from './progress.js';

/**
 * Events applied per transaction by a rebuild: large, so that the documents many events change (a case's row, the
 * Merkle tree's) are written once per batch rather than once per event.
 */
export const REBUILD_BATCH = 10_000;

export const rebuildHelp = `Usage: ledger rebuild [--batch N]

Drops every read model (case files, the disclosure feed, the supervision views, the registries' public lists)
and rebuilds them from the log, with progress on stderr and the rate at the end.

The new read models are built beside the old ones (LEDGER_DATA_DIR/read-models.sqlite.rebuild) and replace
them only when complete, so an interrupted rebuild leaves the old ones in place. Stop the service first: a
running service keeps the read models it opened. The service also rebuilds on its own at start-up when the
projections' versions changed.

Options:
  --batch N   events applied per transaction (default 10000)
  -h, --help  this help
`;

export async function rebuild(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, batch: { type: 'string' } },
  });
  if (values.help) {
    print(io.stdout, rebuildHelp);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const batchSize = values.batch === undefined ? REBUILD_BATCH : Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
    throw new UsageError('--batch must be an integer from 1 to 100000');
  }
  const config = loadConfig(io.env, io.cwd);
  const target = readModelPath(config);
  const building = `${target}.rebuild`;
  removeDatabase(building);
  const events = openEventStore(config);
  const started = performance.now();
  let applied = 0;
  try {
    const store = new SqliteReadModelStore({ path: building, projections: PROJECTIONS, bulk: true });
    try {
      const runner = new ProjectionRunner(events, store, PROJECTIONS, { batchSize });
      await runner.reset();
      const head = await events.headPosition();
      const bar = progressBar(io.stderr as NodeJS.WritableStream & { isTTY?: boolean }, 'events');
      bar.update(0, head);
      await runner.catchUp({ until: head, onProgress: (position) => bar.update(position, head) });
      store.finishBulk();
      bar.finish();
      applied = runner.stats().eventsApplied;
    } finally {
      store.close();
    }
  } catch (err) {
    removeDatabase(building);
    throw err;
  } finally {
    await events.close();
  }
  removeDatabase(target);
  fs.renameSync(building, target);
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? Math.round(applied / seconds) : applied;
  print(
    io.stdout,
    `rebuilt the read models from ${applied.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s (${rate.toLocaleString('en-US')} events/s)`,
  );
  return 0;
}

/** A SQLite database is its file and, in WAL mode, the -wal and -shm files beside it. */
function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}
