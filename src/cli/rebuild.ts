import { parseArgs } from 'node:util';
import { rebuildHelp } from './help-texts.js';
import pino from 'pino';
import { projectionsFor } from '../../projections/index.js';
import { loadConfig } from '../config.js';
import { openFreeTextKeys } from '../free-text-keys.js';
import { openEventStore, readModelPath } from '../compose.js';
import { requireExistingLog } from './existing-log.js';
import { lockDataFolder, type FolderLock } from '../adapters/sqlite/folder-lock.js';
import { systemClock } from '../adapters/clock/system-clock.js';
import { makePrivateFolder, refuseHalfRestored } from '../data-folder.js';
import { DataFolderInUse } from '../errors.js';
import type { EventStore } from '../ports/event-store.js';
import { builtBy, parallelRebuild, preparedPath, REBUILD_BATCH, rebuildReadModels } from '../read-models-rebuild.js';
import { namingDamagedStores } from './damaged-stores.js';
import { print, UsageError, type CliIo } from './io.js';
import { progressBar } from './progress.js';

/** `ledger rebuild`; a store SQLite cannot read is named, with what to do, as `ledger check` names it. */
export async function rebuild(argv: string[], io: CliIo): Promise<number> {
  return namingDamagedStores(
    () => loadConfig(io.env, io.cwd),
    () => rebuildCommand(argv, io),
  );
}

async function rebuildCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      batch: { type: 'string' },
      prepare: { type: 'boolean' },
      threads: { type: 'string' },
    },
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
  if (values.threads !== undefined && values.threads !== '1' && values.threads !== '2') {
    throw new UsageError('--threads must be 1 or 2');
  }
  const config = loadConfig(io.env, io.cwd);
  // a mistyped folder is refused before anything (the lock, an empty log) is made in it
  refuseHalfRestored(config.dataDir, 'its read models are not rebuilt');
  requireExistingLog(config, 'rebuild from');
  const projections = projectionsFor(config.utcOffsets);
  if (values.prepare && builtBy(readModelPath(config), projections)) {
    // the next start-up, with this code, would not use them: it keeps the read models in use
    print(
      io.stdout,
      `the read models in ${readModelPath(config)} were made by this version's projections: nothing to prepare ` +
        '(run "ledger rebuild --prepare" with the code of the version to upgrade to, before starting it)',
    );
    return 0;
  }
  const target = values.prepare ? preparedPath(readModelPath(config)) : readModelPath(config);
  // --prepare builds beside the read models in use and may run while the service serves; a rebuild may not
  const lock = values.prepare ? undefined : holdDataFolder(config.dataDir, systemClock.now());
  let events: EventStore;
  try {
    events = await openEventStore(config);
  } catch (err) {
    lock?.release();
    throw err;
  }
  let keys: Awaited<ReturnType<typeof openFreeTextKeys>>;
  try {
    keys = await openFreeTextKeys(config, pino({ level: 'silent' }), events);
  } catch (err) {
    await events.close();
    lock?.release();
    throw err;
  }
  const started = performance.now();
  let applied: number;
  let threads: number;
  try {
    const bar = progressBar(io.stderr as NodeJS.WritableStream & { isTTY?: boolean }, 'events');
    ({ applied, threads } = await rebuildReadModels(events, target, {
      batchSize,
      projections,
      // without --threads, as the service's start-up rebuild (LEDGER_REBUILD_THREADS)
      ...((values.threads ?? String(config.rebuildThreads)) === '1'
        ? {}
        : { parallel: parallelRebuild(config.utcOffsets, values.threads === '2' ? 0 : undefined) }),
      onProgress: (position, head) => bar.update(position, head),
      onWarning: (message) => print(io.stderr, `\nledger rebuild: ${message}`),
      holder: values.prepare ? 'ledger rebuild --prepare' : 'ledger rebuild',
      ...(keys ? { open: keys.open } : {}),
    }));
    bar.finish();
  } finally {
    keys?.close();
    await events.close();
    lock?.release();
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? Math.round(applied / seconds) : applied;
  print(
    io.stdout,
    `rebuilt the read models from ${applied.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s (${rate.toLocaleString('en-US')} events/s, ${threads === 1 ? '1 thread' : `${threads} threads`})` +
      (values.prepare ? `; prepared for the next start-up in ${target}` : ''),
  );
  return 0;
}

/** The data folder's lock for the rebuild, or a refusal that says how to go on while the service runs. */
function holdDataFolder(dir: string, now: Date): FolderLock {
  makePrivateFolder(dir);
  try {
    return lockDataFolder(dir, { command: 'ledger rebuild', since: now });
  } catch (err) {
    if (!(err instanceof DataFolderInUse)) throw err;
    const hint =
      err.holder?.command === 'ledger serve'
        ? 'stop the service first, or run "ledger rebuild --prepare" to build the read models for its next start-up'
        : 'wait until it ends';
    throw new DataFolderInUse(dir, err.holder, hint);
  }
}

export { rebuildHelp };
