import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SqliteEventStore } from './adapters/sqlite/event-store.js';
import { LOCK_FILE, lockDataFolder, type FolderLock } from './adapters/sqlite/folder-lock.js';
import { PRIVATE_FILE_MODE } from './adapters/sqlite/private-file.js';
import { snapshotDatabase } from './adapters/sqlite/snapshot.js';
import pino from 'pino';
import { loadConfig, type Config } from './config.js';
import { systemClock } from './adapters/clock/system-clock.js';
import { FolderKeyObjects } from './adapters/filesystem/key-files.js';
import { FileKeyWrapper, loadOrCreateMasterKey } from './adapters/keys/master-key.js';
import { SharedDataKeyStore } from './adapters/keys/shared-data-key-store.js';
import { SqliteDataKeyStore } from './adapters/sqlite/data-key-store.js';
import { checkDataKeysCoverLog } from './data-key-check.js';
import { copyMedia, fileSha256, mirrorFolder, removeFilesNotIn, type MediaCopy, type MediaFault } from './data-copy.js';
import { makePrivateFolder, pathExists, refuseHalfRestored } from './data-folder.js';
import { ConfigError, DataFolderInUse } from './errors.js';

/**
 * A backup of the embedded default's data folder (`ledger backup`): a folder laid out as a data folder, holding
 * what the service cannot make again, copied so that the copies agree with one another while the service writes:
 *
 * 1. the webhook outbox (`webhooks.sqlite`), as of one moment (SQLite's online backup);
 * 2. then the log (`events.sqlite`), the same way;
 * 3. then the cases' data keys (`data-keys.sqlite`), the same way;
 * 4. then the keys folder (signing, token and session keys, the master key wrapping the data keys);
 * 5. then the media, each checked against its name (its SHA-256) as it is copied.
 *
 * Everything the log holds was written before the log was copied, so what it needs is copied after it: an act's
 * media are stored before the act is appended, a sealed value's data key before its event, a signature's key
 * before it signs. The outbox is copied before the log, so that it is never ahead of it. Read models are not
 * copied: they are the log's views, which the service makes again at its first start on the copy. A folder that
 * holds an earlier backup is brought up to date: its files are replaced, each only once its copy is complete (what
 * the log needs before the log, the outbox after it), only the media it lacks are copied and those it holds are
 * read back, and the data keys' folder of a media data-key store is mirrored, so that an erasure reaches the backup
 * too. Last, its data keys are opened with its master key, as the service's start-up does.
 */

/** The manifest's name in a backup folder, and what it says the folder is. */
export const BACKUP_MANIFEST = 'backup.json';
export const BACKUP_FORMAT = 'evidence-ledger-backup/1';
/** The work folder of a backup in progress, in the backup folder: its copies before they take their places. */
const WORK_PREFIX = '.backup-';

export interface BackupFile {
  /** The path in the backup folder, with `/`. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** A medium not copied, or data keys the backup's master key does not open. */
export type BackupFault =
  MediaFault | { readonly code: 'data_keys_unopened'; readonly path: string; readonly detail: string };

export interface BackupReport {
  readonly format: typeof BACKUP_FORMAT;
  readonly folder: string;
  /** When the log was copied (the service's clock), ISO 8601. */
  readonly createdAt: string;
  /** The log as copied: the position of its last event (0 for an empty log). */
  readonly log: { readonly lastPosition: number };
  /** The databases and keys copied, with their digests. */
  readonly files: readonly BackupFile[];
  /** The media of the data folder, and those this backup copied (the others were in the backup folder already). */
  readonly media: ({ readonly store: 'filesystem' } & MediaCopy) | { readonly store: 's3'; readonly bucket: string };
  /** The data keys' folder of a media data-key store, mirrored (absent with the SQLite data-key store). */
  readonly dataKeyObjects?: { readonly files: number; readonly removed: number };
  readonly faults: readonly BackupFault[];
}

export type BackupStage = 'webhooks' | 'log' | 'data keys' | 'media';

export interface BackupOptions {
  readonly config: Config;
  /** The backup folder (absolute): missing, empty, or holding an earlier backup. */
  readonly to: string;
  readonly now: () => Date;
  /** Told of each stage as it starts, and of its progress in `unit`s. */
  readonly progress?: (stage: BackupStage, done: number, total: number, unit: string) => void;
  /**
   * Run once the copy is complete, while the backup folder is still locked (`ledger backup` checks the copy in it):
   * a second backup into the folder is refused until it ends.
   */
  readonly whileLocked?: (report: BackupReport) => Promise<void>;
}

export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

export async function backupDataFolder(options: BackupOptions): Promise<BackupReport> {
  const { config, to } = options;
  if (config.eventStore.kind !== 'sqlite') {
    // its backup tools copy it; the webhook outbox here must not be copied after the log (below), which this
    // command cannot order with another tool's backup
    throw new BackupRefused(
      'the log is in EventStoreDB (EVENTSTORE_URL): back the deployment up as docs/operations.md says for it',
    );
  }
  refuseHalfRestored(config.dataDir, 'it is not backed up');
  checkFolders(config, config.eventStore.path, to);
  makePrivateFolder(to);
  let lock: FolderLock;
  try {
    lock = lockDataFolder(to, { command: 'ledger backup', since: options.now() });
  } catch (err) {
    if (!(err instanceof DataFolderInUse)) throw err;
    // another backup into it finishes; a service on it makes it a data folder, not a backup folder
    const hint =
      err.holder?.command === 'ledger serve'
        ? 'a service runs on it: it is a data folder now, back up elsewhere'
        : 'let it finish first';
    throw new BackupRefused(`${err.message.replace('the data folder', 'the backup folder')}: ${hint}`);
  }
  const work = path.join(to, `${WORK_PREFIX}${randomUUID()}`);
  try {
    // what a backup killed part way left (the lock says no other one runs): never read, only in the way
    for (const name of fs.readdirSync(to)) {
      if (name.startsWith(WORK_PREFIX)) fs.rmSync(path.join(to, name), { recursive: true, force: true });
    }
    fs.rmSync(path.join(to, 'media', 'tmp'), { recursive: true, force: true });
    // a folder a first backup is filling says so from the start: a rerun after it was stopped takes it up again
    if (!fs.existsSync(path.join(to, BACKUP_MANIFEST))) markIncomplete(to);
    makePrivateFolder(work);
    const report = await copyAll(options, work);
    await options.whileLocked?.(report);
    return report;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    lock.release();
  }
}

/** The real path of the nearest folder that exists, and the rest below it: a link anywhere above counts. */
export function realPath(p: string): string {
  const full = path.resolve(p);
  try {
    return fs.realpathSync(full);
  } catch {
    const parent = path.dirname(full);
    return parent === full ? full : path.join(realPath(parent), path.basename(full));
  }
}

/** Whether `child` is `parent` or below it (both real paths). */
export function isWithin(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The backup folder may not be the data folder, in it, or hold it; nor a folder holding something else. */
function checkFolders(config: Config, log: string, to: string): void {
  const target = realPath(to);
  const data = realPath(config.dataDir);
  if (isWithin(target, data) || isWithin(data, target)) {
    throw new BackupRefused(`${to} is the data folder, or in it, or holds it: back up to a folder apart from it`);
  }
  if (!pathExists(log)) {
    throw new BackupRefused(
      `no event store in ${config.dataDir}: there is no log here to back up (is LEDGER_DATA_DIR right?)`,
    );
  }
  let entries: string[];
  try {
    entries = fs.readdirSync(to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') throw new BackupRefused(`${to} is not a folder`);
    throw err;
  }
  // the lock file and the work folders a backup makes (one running, which then refuses to share the folder, or one
  // killed part way, whose leavings are cleared) are no one else's files
  if (entries.every((name) => name === LOCK_FILE || name.startsWith(WORK_PREFIX))) return;
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(to, BACKUP_MANIFEST), 'utf8'));
  } catch {
    manifest = undefined;
  }
  if ((manifest as { format?: unknown } | undefined)?.format !== BACKUP_FORMAT) {
    throw new BackupRefused(`${to} is not empty and holds no backup (${BACKUP_MANIFEST}): choose an empty folder`);
  }
}

async function copyAll(options: BackupOptions, work: string): Promise<BackupReport> {
  const { config, to } = options;
  const progress = options.progress ?? (() => {});
  const pages = (stage: BackupStage) => (done: number, total: number) => progress(stage, done, total, 'pages');
  // 1. the webhook outbox, before the log: it records how far into the log it has routed, and a copy behind the
  // log's routes the rest again (a receiver may get a delivery twice, by its id), where one ahead would skip events
  const databases: { file: string; name: string; stage: BackupStage }[] = [];
  const webhooks = path.join(config.dataDir, 'webhooks.sqlite');
  if (fs.existsSync(webhooks)) databases.push({ file: webhooks, name: 'webhooks.sqlite', stage: 'webhooks' });
  for (const { file, name, stage } of databases) await copyDatabase(file, path.join(work, name), pages(stage));
  // 2. the log, as of one moment; what it needs is copied after it
  // every act acknowledged before this moment is in the copy (the copy reads the log as of a moment after it)
  const createdAt = options.now().toISOString();
  const copy = path.join(work, 'events.sqlite');
  await copyDatabase((config.eventStore as { path: string }).path, copy, pages('log'));
  const log = { lastPosition: await lastPositionOf(copy) };
  const earlier = path.join(to, 'events.sqlite');
  if (fs.existsSync(earlier)) await refuseAnotherLog(earlier, copy, to);
  // 3. the data keys
  if (config.dataKeyStore.kind === 'sqlite' && fs.existsSync(config.dataKeysFile)) {
    databases.push({ file: config.dataKeysFile, name: 'data-keys.sqlite', stage: 'data keys' });
    await copyDatabase(config.dataKeysFile, path.join(work, 'data-keys.sqlite'), pages('data keys'));
  }
  // 4. the keys: the keys folder, and the master key wherever it is configured (the copy is a data folder of the
  // default layout, so both land in its keys/)
  const keyFiles = copyKeys(config, path.join(work, 'keys'));
  // 5. the media, straight into the backup folder: content-addressed, a medium once there never changes
  const faults: MediaFault[] = [];
  const media =
    config.blobStore.kind === 'filesystem'
      ? {
          store: 'filesystem' as const,
          ...(await copyMedia(
            config.blobStore.dir,
            path.join(to, 'media'),
            faults,
            (done, total) => progress('media', done, total, 'media'),
            { verifyHeld: true },
          )),
        }
      : ({ store: 's3', bucket: config.blobStore.bucket } as const);
  const dataKeyObjects =
    config.dataKeyStore.kind === 'media' && config.blobStore.kind === 'filesystem'
      ? mirrorFolder(path.join(config.blobStore.dir, 'data-keys'), path.join(to, 'media', 'data-keys'))
      : undefined;
  // every copy complete, each replaces its earlier version: what the log needs before it, the outbox after it, so
  // that a backup stopped between two of these leaves no copy the log needs older than it, nor an outbox ahead of
  // it; then the manifest says what is there
  markIncomplete(to);
  const files: BackupFile[] = [];
  const placed = async (name: string) => files.push(await place(work, to, name));
  const after = databases.filter(({ name }) => name === 'webhooks.sqlite');
  for (const { name } of databases) if (!after.some((d) => d.name === name)) await placed(name);
  for (const name of keyFiles) await placed(name);
  forgetRetiredKeys(path.join(to, 'keys'), keyFiles);
  await placed('events.sqlite');
  for (const { name } of after) await placed(name);
  const keysFault = await dataKeysFault(
    loadConfig({
      LEDGER_DATA_DIR: to,
      LEDGER_DATA_KEY_STORE: config.dataKeyStore.kind,
      LEDGER_DATA_KEYS_CHECK: 'refuse',
    }),
  );
  const report: BackupReport = {
    format: BACKUP_FORMAT,
    folder: to,
    createdAt,
    log,
    files,
    media,
    ...(dataKeyObjects ? { dataKeyObjects } : {}),
    faults: keysFault ? [...faults, keysFault] : faults,
  };
  writeFileAtomically(path.join(to, BACKUP_MANIFEST), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** Data keys a folder's master key does not open: what a service started on the folder would refuse. */
export interface DataKeysFault {
  readonly code: 'data_keys_unopened';
  readonly path: string;
  readonly detail: string;
}

/**
 * Whether the master key of the data folder `folder` configures opens its data keys for the log's newest sealed
 * data, as the service's start-up asks (`checkDataKeysCoverLog`): a backup run without the service's
 * `LEDGER_MASTER_KEY_FILE` would copy the data keys without the key that opens them, and a service on a copy of it
 * would refuse to start. Data keys kept in an S3 bucket are not in a folder, and not checked here.
 */
export async function dataKeysFault(folder: Config): Promise<DataKeysFault | undefined> {
  if (folder.dataKeyStore.kind === 'media' && folder.blobStore.kind !== 'filesystem') return undefined;
  const objects = folder.blobStore.kind === 'filesystem' ? path.join(folder.blobStore.dir, 'data-keys') : '';
  const master = folder.masterKeyFile;
  const held = folder.dataKeyStore.kind === 'sqlite' ? fs.existsSync(folder.dataKeysFile) : hasFiles(objects);
  const hint = "is LEDGER_MASTER_KEY_FILE set as the service's?";
  if (!fs.existsSync(master)) {
    if (!held) return undefined;
    return { code: 'data_keys_unopened', path: master, detail: `there are data keys but no master key: ${hint}` };
  }
  const wrapper = new FileKeyWrapper(loadOrCreateMasterKey(master));
  const dataKeys =
    folder.dataKeyStore.kind === 'sqlite'
      ? new SqliteDataKeyStore(folder.dataKeysFile, wrapper, systemClock)
      : new SharedDataKeyStore(new FolderKeyObjects(objects), wrapper, systemClock);
  const events = openLog((folder.eventStore as { path: string }).path);
  try {
    await checkDataKeysCoverLog(folder, { events, dataKeys, log: pino({ level: 'silent' }) });
    return undefined;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return {
      code: 'data_keys_unopened',
      path: master,
      detail: `the master key does not open the data keys (${hint}): ${err.message}`,
    };
  } finally {
    dataKeys.close?.();
    await events.close();
  }
}

function hasFiles(dir: string): boolean {
  if (!fs.existsSync(dir)) return false;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .some((e) => e.isFile() || (e.isDirectory() && e.name !== 'tmp' && hasFiles(path.join(dir, e.name))));
}

/** A database copied as of one moment; a failure names both files (SQLite's own message names neither). */
async function copyDatabase(file: string, to: string, progress: (done: number, total: number) => void): Promise<void> {
  try {
    await snapshotDatabase(file, to, progress);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const named = new Error(`cannot copy ${file} to ${to}: ${(err as Error).message}`, { cause: err });
    throw Object.assign(named, code === undefined ? {} : { code }); // a full disk's code, said by the command
  }
}

/**
 * Marks the backup folder's manifest incomplete (a new one when there is none): from here until the backup writes
 * its own, the folder's files are not all of one backup, and `ledger restore` refuses it.
 */
function markIncomplete(to: string): void {
  const file = path.join(to, BACKUP_MANIFEST);
  let manifest: Record<string, unknown> = { format: BACKUP_FORMAT };
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // none yet: a first backup
  }
  writeFileAtomically(file, `${JSON.stringify({ ...manifest, incomplete: true }, null, 2)}\n`);
}

/**
 * A backup folder holds an earlier state of the log it backs up, or none: the log being copied must hold every
 * event of the folder's, at the same positions. Anything else (another deployment's log, or a data folder restored
 * by copying the backup folder and written to since, named by mistake) would be lost by replacing it.
 */
async function refuseAnotherLog(earlier: string, copy: string, to: string): Promise<void> {
  const [held, source] = [openLog(earlier), openLog(copy)];
  try {
    const last = await held.headPosition();
    if (last === 0) return;
    const sourceLast = await source.headPosition();
    const refuse = (why: string) =>
      new BackupRefused(
        `${to} holds ${why} than the data folder's: it is not an earlier backup of this log, and backing up into it ` +
          'would lose it (back up into another folder)',
      );
    if (sourceLast < last) throw refuse(`a longer log (${last} events, against ${sourceLast})`);
    for (const position of new Set([1, last])) {
      const [a] = await held.readAll({ after: position - 1, limit: 1 });
      const [b] = await source.readAll({ after: position - 1, limit: 1 });
      if (!a || !b || a.event.id !== b.event.id || a.event.hash !== b.event.hash) {
        throw refuse(`another log (its event at position ${position} differs)`);
      }
    }
  } finally {
    await Promise.all([held.close(), source.close()]);
  }
}

function openLog(file: string): SqliteEventStore {
  return new SqliteEventStore({ path: file, writer: 'inline' });
}

async function lastPositionOf(file: string): Promise<number> {
  const store = openLog(file);
  try {
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

/**
 * Copies the keys into `into` (made owner-only): the files of the keys folder, and the master key as `master.key`
 * wherever it is configured, so that the backup folder opens as a data folder of the default layout; returns their
 * paths as the backup folder names them.
 */
function copyKeys(config: Config, into: string): string[] {
  makePrivateFolder(into);
  const master = path.resolve(config.masterKeyFile);
  const sources = fs.existsSync(config.keysDir)
    ? fs
        .readdirSync(config.keysDir, { withFileTypes: true })
        .filter((entry) => entry.isFile() && path.resolve(config.keysDir, entry.name) !== master)
        .map((entry) => ({ from: path.join(config.keysDir, entry.name), name: entry.name }))
        .filter(({ name }) => name !== 'master.key')
    : [];
  if (fs.existsSync(master)) sources.push({ from: master, name: 'master.key' });
  return sources.map(({ from, name }) => {
    fs.copyFileSync(from, path.join(into, name));
    fs.chmodSync(path.join(into, name), PRIVATE_FILE_MODE);
    return `keys/${name}`;
  });
}

/**
 * Removes from the backup's keys folder every file the data folder's keys no longer hold (`kept`, as the backup
 * names them), its bytes overwritten first: the private half of a key a rotation retired (`ledger keys rotate`
 * deletes it so that it can sign nothing more) must not live on in the backups taken before the rotation.
 */
function forgetRetiredKeys(folder: string, kept: readonly string[]): void {
  removeFilesNotIn(folder, new Set(kept.map((name) => path.relative('keys', name))));
}

/** Moves a finished copy from the work folder to its place in the backup folder, and describes it. */
async function place(work: string, to: string, name: string): Promise<BackupFile> {
  const from = path.join(work, name);
  const into = path.join(to, name);
  makePrivateFolder(path.dirname(into));
  const bytes = fs.statSync(from).size;
  const sha256 = await fileSha256(from);
  // a database copied over an older one: SQLite's files beside the older one would be read with the new one
  for (const suffix of ['-wal', '-shm']) fs.rmSync(into + suffix, { force: true });
  fs.renameSync(from, into);
  return { path: name, bytes, sha256 };
}

function writeFileAtomically(file: string, text: string): void {
  const temp = `${file}.${randomUUID()}.tmp`;
  fs.writeFileSync(temp, text, { mode: PRIVATE_FILE_MODE });
  fs.renameSync(temp, file);
}
