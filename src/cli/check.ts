import { IntegrityFault, ReadModelsDamaged } from '../errors.js';
import { namingDamagedStores } from './damaged-stores.js';
import { checkHelp } from './help-texts.js';
import { createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import pino from 'pino';
import { openBlobStore, openEventStore, readModelPath } from '../compose.js';
import { requireExistingLog } from './existing-log.js';
import { openFreeTextKeys } from '../free-text-keys.js';
import { SqliteReadModelStore } from '../adapters/sqlite/read-model-store.js';
import { isWritableFolder, snapshotDatabase } from '../adapters/sqlite/snapshot.js';
import { projectionsFor } from '../../projections/index.js';
import type { Projection } from '../ports/read-models.js';
import { CHECKPOINTS, type CheckpointDoc } from '../../projections/checkpoints.js';
import { readQuarantine } from '../adapters/sqlite/quarantine.js';
import { readKeyring } from '../adapters/keys/file-keyring.js';
import { checkLedger } from '../app/ledger-check.js';
import { keyResolver } from '../ledger/ed25519.js';
import { CHECKPOINT_STREAM } from '../../projections/merkle.js';
import { print, UsageError, type CliIo } from './io.js';
import { progressBar } from './progress.js';

/** The check reports faults itself; what the media store would log (a temporary object left) is not its concern. */
const quietLog = pino({ level: 'silent' });

/**
 * `ledger check`. A store SQLite cannot read stops it; which file is damaged, and what to do, is then named: the
 * log, the data keys or the webhook outbox (restore it from a backup) or the read models (a rebuild makes them
 * again from the log).
 */
export async function check(argv: string[], io: CliIo): Promise<number> {
  return namingDamagedStores(
    () => loadConfig(io.env, io.cwd),
    () => checkCommand(argv, io),
  );
}

async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      media: { type: 'boolean' },
      'skip-read-models': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  if (values.help) {
    print(io.stdout, checkHelp);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  const config = loadConfig(io.env, io.cwd);
  // a folder without its event store is not an empty log: nothing is made where there is nothing to check
  requireExistingLog(config, 'check');
  const ring = readKeyring(config.keysDir);
  if (!ring) throw new Error(`no keyring in ${config.keysDir}: nothing was ever signed here`);
  const eventKeys = ring.keys.filter((k) => k.purpose === 'event').map((k) => createPublicKey(k.publicKeyPem));
  // the keyring records the suite its event keys sign in: the log's, whatever this shell's LEDGER_CRYPTO_SUITE
  const suite = ring.keys.some((k) => k.purpose === 'event' && k.algorithm === 'SM2-SM3') ? 'sm2' : 'ed25519';
  if (io.env.LEDGER_CRYPTO_SUITE && io.env.LEDGER_CRYPTO_SUITE !== suite) {
    // not a fault of the log, but a service started with this setting would refuse to start
    print(
      io.stderr,
      `ledger check: LEDGER_CRYPTO_SUITE is ${io.env.LEDGER_CRYPTO_SUITE}, but this log is signed in the ${suite} ` +
        `suite: the log is checked in ${suite}, and \`ledger serve\` would refuse to start with that setting`,
    );
  }
  // the read models are copied, and rebuilt to compare, in a folder of the system's temporary folder (TMPDIR): about
  // twice the size of read-models.sqlite, removed when the check ends or fails; what a check interrupted (Ctrl-C,
  // a kill) left there, the next check removes
  const temporary = io.env.TMPDIR?.trim() || os.tmpdir();
  removeLeftScratch(temporary);
  // a log on a read-only disk (an archived backup, a snapshot) is checked from copies: SQLite cannot open it there
  const readOnly = config.eventStore.kind === 'sqlite' && !isWritableFolder(path.dirname(config.eventStore.path));
  const skipReadModels = values['skip-read-models'] === true;
  const scratch =
    skipReadModels && !readOnly ? undefined : fs.mkdtempSync(path.join(temporary, `${SCRATCH_PREFIX}${process.pid}-`));
  try {
    const checked = readOnly ? await copiesOfReadOnly(config, scratch!, io) : config;
    return await checkWith(
      checked,
      { media: values.media === true, json: values.json === true },
      io,
      suite,
      eventKeys,
      skipReadModels ? undefined : scratch,
      readOnly ? path.join(scratch!, 'copies', 'read-models.sqlite') : readModelPath(config),
    );
  } finally {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The configuration that checks a log on a read-only disk: its databases (the log, the data keys where they are on a
 * disk that cannot be written either, the read models) copied into `scratch`, each as of the one moment nothing
 * writes them; the keys and media are read where they are. Says so on stderr, with where and how much.
 */
async function copiesOfReadOnly(config: Config, scratch: string, io: CliIo): Promise<Config> {
  const copies = path.join(scratch, 'copies');
  fs.mkdirSync(copies, { mode: 0o700 });
  const eventStorePath = config.eventStore.kind === 'sqlite' ? config.eventStore.path : '';
  const copyDataKeys =
    config.dataKeyStore.kind === 'sqlite' &&
    fs.existsSync(config.dataKeysFile) &&
    !isWritableFolder(path.dirname(config.dataKeysFile));
  const files = [
    { from: eventStorePath, to: path.join(copies, 'events.sqlite') },
    ...(copyDataKeys ? [{ from: config.dataKeysFile, to: path.join(copies, 'data-keys.sqlite') }] : []),
    ...(fs.existsSync(readModelPath(config))
      ? [{ from: readModelPath(config), to: path.join(copies, 'read-models.sqlite') }]
      : []),
  ];
  const bytes = files.reduce((sum, f) => sum + sizeWithLog(f.from), 0);
  print(
    io.stderr,
    `ledger check: ${path.dirname(eventStorePath)} cannot be written (a read-only disk or folder): its databases are ` +
      `checked from copies in ${copies} (${(bytes / 2 ** 20).toFixed(1)} MiB, removed when the check ends)`,
  );
  try {
    for (const { from, to } of files) await snapshotDatabase(from, to);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const named = new Error(
      `the databases could not be copied into ${copies} (TMPDIR, the system's temporary folder): ` +
        `${(err as Error).message}; free space there or set TMPDIR to a folder with room`,
      { cause: err },
    );
    throw Object.assign(named, code === undefined ? {} : { code });
  }
  return {
    ...config,
    eventStore: { kind: 'sqlite', path: files[0]!.to },
    ...(copyDataKeys ? { dataKeysFile: files[1]!.to } : {}),
  };
}

/** A database file's size with its `-wal`'s. */
function sizeWithLog(file: string): number {
  const wal = `${file}-wal`;
  return fs.statSync(file).size + (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
}

/** The name of a check's scratch folder: this prefix, the process id of the check, a random suffix. */
const SCRATCH_PREFIX = 'ledger-check-';

/**
 * Removes the scratch folders of checks that ended without removing theirs (interrupted, killed): those whose
 * process is gone. A folder of a check still running, or of a process id taken again since, is left.
 */
export function removeLeftScratch(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = new RegExp(`^${SCRATCH_PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid === undefined || processRuns(Number(pid))) continue;
    fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // another user's: running
  }
}

/** The check itself, the read models copied into `scratchDir` unless it is undefined (`--skip-read-models`). */
async function checkWith(
  config: Config,
  values: { readonly media: boolean; readonly json: boolean },
  io: CliIo,
  suite: 'sm2' | 'ed25519',
  eventKeys: KeyObject[],
  scratchDir: string | undefined,
  readModelsFile: string,
): Promise<number> {
  const blobs = values.media ? await openBlobStore(config, quietLog) : undefined;
  // The read models first, as of one moment: the log is read after, so it holds everything they were built from.
  const stores: SqliteReadModelStore[] = [];
  // made as the service makes them: the acts dated by the agencies' days
  const projections = projectionsFor(config.utcOffsets);
  const readModels =
    scratchDir === undefined ? undefined : await readModelCopies(readModelsFile, scratchDir, projections);
  if (readModels) stores.push(readModels.stored, readModels.scratch);
  const events = await openEventStore(config);
  // the read models hold free text opened with the data keys: the scratch rebuild opens it the same way (and refuses
  // a data-key store that cannot open the log's sealed data, as the service does)
  let keys: Awaited<ReturnType<typeof openFreeTextKeys>>;
  try {
    keys = readModels ? await openFreeTextKeys(config, quietLog, events) : undefined;
  } catch (err) {
    // a log with an event that cannot be read: the walk below names it, and the read models are not compared
    if (err instanceof IntegrityFault) keys = undefined;
    else {
      await events.close();
      blobs?.close?.();
      for (const store of stores) store.close();
      throw err;
    }
  }
  const stderr = io.stderr as NodeJS.WritableStream & { isTTY?: boolean };
  const bars = {
    events: progressBar(stderr, 'events'),
    'read-models': progressBar(stderr, 'events (read models)'),
    media: progressBar(stderr, 'media'),
  };
  let stage: keyof typeof bars | undefined;
  try {
    const report = await checkLedger(
      {
        events,
        serviceKeys: keyResolver(eventKeys),
        suite,
        noteKeys: eventKeys,
        checkpointStream: CHECKPOINT_STREAM,
        quarantined: readQuarantine(readModelsFile),
        ...(blobs ? { blobs } : {}),
        ...(readModels
          ? {
              readModels: { ...readModels, projections, ...(keys ? { open: keys.open } : {}) },
              recordedCheckpoints: recordedCheckpoints(readModels.stored),
            }
          : {}),
      },
      {
        media: values.media ?? false,
        onProgress: (now, done, total) => {
          if (stage !== now && stage) bars[stage].finish();
          stage = now;
          bars[now].update(done, total);
        },
      },
    );
    if (stage) bars[stage].finish();
    if (values.json) {
      // with --media, where the media were read from, as the text report says it
      const media = values.media ? { media: { ...report.media, store: mediaStoreName(config.blobStore) } } : {};
      print(io.stdout, JSON.stringify({ ...report, ...media }, null, 2));
    } else {
      const latest = report.checkpoints.latest;
      print(
        io.stdout,
        [
          `events      ${report.events.toLocaleString('en-US')} in ${report.streams.toLocaleString('en-US')} streams`,
          `merkle tree ${report.tree.size.toLocaleString('en-US')} leaves, root ${report.tree.rootHash}`,
          `checkpoints ${report.checkpoints.checked}` +
            (latest
              ? `; the latest (size ${latest.size}) ${latest.matches ? 'matches' : 'DOES NOT match'} the events`
              : ''),
          ...(report.readModels
            ? [
                report.readModels.checked
                  ? `read models ${report.readModels.documents.toLocaleString('en-US')} documents compared with the log up to position ${report.readModels.position}`
                  : `read models not compared: ${report.readModels.skipped ?? ''}`,
              ]
            : []),
          ...(values.media
            ? [
                `media       ${report.media.found} re-hashed` +
                  (report.media.found < report.media.checked
                    ? ` (${report.media.checked - report.media.found} not found)`
                    : '') +
                  `, ${report.media.bytes.toLocaleString('en-US')} bytes, ` +
                  `read from ${mediaStoreName(config.blobStore)}`,
              ]
            : []),
          report.faultCount === 0 ? 'no fault found' : `${report.faultCount} fault(s):`,
          ...report.faults.map(
            (f) =>
              `  ${f.code}: ${f.detail}${f.stream ? ` [stream ${f.stream}]` : ''}${f.eventId ? ` [event ${f.eventId}]` : ''}${f.position ? ` [position ${f.position}]` : ''}`,
          ),
          ...(report.faultCount > report.faults.length
            ? [`  ... and ${report.faultCount - report.faults.length} more`]
            : []),
        ].join('\n'),
      );
    }
    return report.faultCount === 0 ? 0 : 1;
  } finally {
    await events.close();
    blobs?.close?.();
    keys?.close();
    for (const store of stores) store.close();
  }
}

/**
 * The copies of the read models a check compares (`openReadModelCopies`), in `scratchDir`; a copy that cannot be made
 * there (the temporary folder full, or not writable) names that folder and what to do, never only SQLite's words.
 */
async function readModelCopies(file: string, scratchDir: string, projections: ReturnType<typeof projectionsFor>) {
  try {
    return await openReadModelCopies(file, scratchDir, projections);
  } catch (err) {
    if (err instanceof ReadModelsDamaged || !isSqliteStorageError(err)) throw err;
    throw new Error(
      `the read models could not be copied into ${scratchDir} (TMPDIR, the system's temporary folder; the copy ` +
        `and its rebuild take about twice the size of ${file}): ${(err as Error).message}; free ` +
        'space there, set TMPDIR to a folder with room, or pass --skip-read-models',
    );
  }
}

/** SQLite's failures to write or open a file: a full disk, a folder that cannot be written. */
function isSqliteStorageError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(FULL|CANTOPEN|READONLY|IOERR|PERM)/.test(code);
}

/** A copy of the stored read models (SQLite's online backup) and an empty store to rebuild into; none if absent. */
async function openReadModelCopies(
  file: string,
  dir: string,
  projections: readonly Projection[],
): Promise<{ stored: SqliteReadModelStore; scratch: SqliteReadModelStore } | undefined> {
  if (!fs.existsSync(file)) return undefined;
  const copy = path.join(dir, 'stored.sqlite');
  await snapshotDatabase(file, copy);
  return {
    stored: new SqliteReadModelStore({ path: copy, projections }),
    scratch: new SqliteReadModelStore({ path: path.join(dir, 'rebuilt.sqlite'), projections }),
  };
}

/** The checkpoints the read models record as issued. */
function recordedCheckpoints(store: SqliteReadModelStore): { eventId: string; size: number }[] {
  const out: { eventId: string; size: number }[] = [];
  let after: string | undefined;
  for (;;) {
    const page = store.entries(CHECKPOINTS, { limit: 1000, ...(after === undefined ? {} : { after }) });
    for (const { doc } of page) {
      const { eventId, size } = doc as CheckpointDoc;
      if (typeof eventId === 'string') out.push({ eventId, size });
    }
    if (page.length < 1000) return out;
    after = page[page.length - 1]!.key;
  }
}

/** Where `--media` read the media from, said beside its figures: a medium missing there may be elsewhere. */
function mediaStoreName(store: Config['blobStore']): string {
  if (store.kind === 'filesystem') return `the folder ${store.dir} (S3_BUCKET is not set)`;
  return `the S3 bucket ${store.bucket}${store.endpoint ? ` at ${store.endpoint}` : ''}`;
}

export { checkHelp };
