import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { lockDataFolder, LOCK_FILE, type FolderLock } from './adapters/sqlite/folder-lock.js';
import { PRIVATE_FILE_MODE } from './adapters/sqlite/private-file.js';
import type { Config } from './config.js';
import { BACKUP_FORMAT, BACKUP_MANIFEST, BackupRefused, type BackupReport } from './data-backup.js';
import { copyMedia, fileSha256, mirrorFolder, syncFile, type MediaCopy, type MediaFault } from './data-copy.js';
import { dataKeysFault, isWithin, realPath, type DataKeysFault } from './data-backup.js';
import { makePrivateFolder, RESTORE_MARK } from './data-folder.js';
import { DataFolderInUse } from './errors.js';

/**
 * Restoring a backup of `ledger backup` (`ledger restore`) into the configured data folder, which holds no log yet:
 * every database and key file checked against the digest its manifest recorded before anything is copied, so a
 * backup damaged since it was made is refused whole rather than restored in part; then each copied to where the
 * configuration puts it (the master key to `LEDGER_MASTER_KEY_FILE`, the keys to `LEDGER_KEYS_DIR`, the data keys to
 * `LEDGER_DATA_KEYS_FILE`), the log last, and the media checked against their names as they are copied. The data
 * folder is held (`service.lock`) meanwhile, so no service starts on it half restored.
 */

export interface RestoreReport {
  /** The backup restored, as its manifest describes it. */
  readonly backup: { readonly folder: string; readonly createdAt: string; readonly lastPosition: number };
  readonly dataDir: string;
  /** Where each file of the backup went. */
  readonly files: readonly { readonly path: string; readonly to: string }[];
  readonly media: ({ readonly store: 'filesystem' } & MediaCopy) | { readonly store: 's3'; readonly bucket: string };
  readonly dataKeyObjects?: { readonly files: number };
  readonly faults: readonly (MediaFault | DataKeysFault)[];
}

export interface RestoreOptions {
  readonly config: Config;
  /** The backup folder (absolute). */
  readonly from: string;
  readonly now: () => Date;
  readonly progress?: (stage: 'digests' | 'media', done: number, total: number, unit: string) => void;
}

export async function restoreDataFolder(options: RestoreOptions): Promise<RestoreReport> {
  const { config, from } = options;
  const progress = options.progress ?? (() => {});
  if (config.eventStore.kind !== 'sqlite') {
    throw new BackupRefused('the log is in EventStoreDB (EVENTSTORE_URL): restore it with its own tools');
  }
  const log = config.eventStore.path;
  refuseNested(config.dataDir, from);
  // the backup folder held too: no backup into it may change its files while they are read
  const held = holdFolder(from, 'the backup folder', options.now(), true);
  try {
    const manifestText = readText(path.join(from, BACKUP_MANIFEST));
    const manifest = readManifest(from);
    const targets = manifest.files.map((file) => ({ ...file, to: targetOf(config, file.path) }));
    if (!targets.some((t) => t.path === 'events.sqlite')) {
      throw new BackupRefused(`${from}: the manifest lists no log (events.sqlite)`);
    }
    refuseOtherKeyStore(config, from, targets);
    refuseOtherMediaStore(config, from, manifest);
    // the data folder is held before the backup's files are hashed: a service running on it is named at once,
    // not after a long read of the backup
    const made = !fs.existsSync(config.dataDir);
    makePrivateFolder(config.dataDir);
    let lock: FolderLock;
    try {
      lock = holdFolder(config.dataDir, 'the data folder', options.now());
    } catch (err) {
      if (made) fs.rmSync(config.dataDir, { recursive: true, force: true });
      throw err;
    }
    try {
      try {
        await checkDigests(from, targets, progress);
      } catch (err) {
        // refused before anything was written: a data folder made for the restore is not left behind
        lock.release();
        if (made) fs.rmSync(config.dataDir, { recursive: true, force: true });
        throw err;
      }
      const mark = path.join(config.dataDir, RESTORE_MARK);
      // a mark half written (stopped before anything was copied) is no mark
      for (const name of fs.readdirSync(config.dataDir)) {
        if (name.startsWith(`${RESTORE_MARK}.`) && name.endsWith('.tmp')) fs.rmSync(path.join(config.dataDir, name));
      }
      // a restore stopped part way into this folder: what it wrote and still holds is kept, the rest is done
      const resumed = fs.existsSync(mark);
      const backupId = { folder: realPath(from), createdAt: manifest.createdAt };
      const done = resumed ? resumeStopped(mark, config.dataDir, backupId, targets) : new Set<string>();
      refuseOccupied(config, log, targets, resumed, done);
      writeMark(mark, {
        dataDir: realPath(config.dataDir),
        backup: backupId,
        files: targets.map((t) => ({ to: t.to, sha256: t.sha256 })),
      });
      const report = await copyRestored(options, targets, done, progress);
      // the backup unchanged all along (a backup into it while it was read, through a view the lock does not reach)
      if (readText(path.join(from, BACKUP_MANIFEST)) !== manifestText) {
        throw new BackupRefused(
          `${from} changed while it was restored (a backup into it?): run ledger restore again once it is done`,
        );
      }
      const keysFault = await dataKeysFault(config);
      fs.rmSync(mark);
      return {
        ...report,
        faults: keysFault ? [...report.faults, keysFault] : report.faults,
        backup: { folder: from, createdAt: manifest.createdAt, lastPosition: manifest.log.lastPosition },
      };
    } finally {
      lock.release();
    }
  } finally {
    held.release();
  }
}

async function copyRestored(
  { config, from }: RestoreOptions,
  targets: readonly Target[],
  done: ReadonlySet<string>,
  progress: NonNullable<RestoreOptions['progress']>,
): Promise<Omit<RestoreReport, 'backup'>> {
  const faults: MediaFault[] = [];
  const media =
    config.blobStore.kind === 'filesystem'
      ? {
          store: 'filesystem' as const,
          ...(await copyMedia(path.join(from, 'media'), config.blobStore.dir, faults, (done, total) =>
            progress('media', done, total, 'media'),
          )),
        }
      : ({ store: 's3', bucket: config.blobStore.bucket } as const);
  const keysFolder = path.join(from, 'media', 'data-keys');
  const dataKeyObjects =
    config.dataKeyStore.kind === 'media' && config.blobStore.kind === 'filesystem' && fs.existsSync(keysFolder)
      ? {
          files: mirrorFolder(keysFolder, path.join(config.blobStore.dir, 'data-keys'), { removeOthers: false }).files,
        }
      : undefined;
  // what the log needs first, the log last
  const ordered = [
    ...targets.filter((t) => t.path !== 'events.sqlite'),
    ...targets.filter((t) => t.path === 'events.sqlite'),
  ];
  for (const file of ordered) {
    if (!done.has(file.to)) copyPrivate(path.join(from, file.path), file.to, file.sha256);
  }
  return {
    dataDir: config.dataDir,
    files: ordered.map(({ path: p, to }) => ({ path: p, to })),
    media,
    ...(dataKeyObjects ? { dataKeyObjects } : {}),
    faults,
  };
}

type Target = BackupReport['files'][number] & { readonly to: string };

/** Every file as the manifest recorded it, before anything is copied. */
async function checkDigests(
  from: string,
  targets: readonly Target[],
  progress: NonNullable<RestoreOptions['progress']>,
): Promise<void> {
  for (const [i, file] of targets.entries()) {
    progress('digests', i, targets.length, 'files');
    const source = path.join(from, file.path);
    let actual: string;
    try {
      actual = await fileSha256(source);
    } catch (err) {
      throw new BackupRefused(`${source} cannot be read: ${(err as Error).message}`);
    }
    if (actual !== file.sha256) {
      throw new BackupRefused(
        `${source} is not the file the backup made (its SHA-256 differs from ${BACKUP_MANIFEST})`,
      );
    }
  }
  progress('digests', targets.length, targets.length, 'files');
}

/** Holds a folder as a service holds its data folder; a backup folder on a read-only disk cannot be, nor written. */
function holdFolder(dir: string, what: string, since: Date, readOnlyOk = false): FolderLock {
  try {
    return lockDataFolder(dir, { command: 'ledger restore', since });
  } catch (err) {
    if (err instanceof DataFolderInUse) {
      const hint = err.holder?.command === 'ledger serve' ? ': stop the service first' : '';
      throw new BackupRefused(`${err.message.replace('the data folder', what)}${hint}`);
    }
    // a folder that cannot be written (a read-only disk or mount, an immutable folder or lock file): no backup
    // writes it either
    const code = String((err as { code?: unknown }).code ?? '');
    const readOnly = code.startsWith('SQLITE_READONLY') || ['EROFS', 'EPERM', 'EACCES'].includes(code);
    if (readOnlyOk && (readOnly || !writable(dir))) return { file: path.join(dir, LOCK_FILE), release: () => {} };
    throw err;
  }
}

function writable(dir: string): boolean {
  const probe = path.join(dir, `.restore-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

/** The data folder and the backup folder apart: neither in the other (a link above either counts). */
function refuseNested(dataDir: string, from: string): void {
  const [data, backup] = [realPath(dataDir), realPath(from)];
  if (isWithin(data, backup) || isWithin(backup, data)) {
    throw new BackupRefused(
      `${dataDir} is the backup folder, or in it, or holds it: restore into a folder apart from it`,
    );
  }
}

interface Mark {
  /** The data folder the mark was written in (its real path): a folder moved since is not this one. */
  readonly dataDir: string;
  /** The backup restored: its folder and when it was made (a restore taken up again restores the same one). */
  readonly backup: { readonly folder: string; readonly createdAt: string };
  /** What the restore writes, each with the digest of the file it writes there. */
  readonly files: readonly { readonly to: string; readonly sha256: string }[];
}

function writeMark(mark: string, content: Mark): void {
  const temp = `${mark}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
  syncFile(temp);
  fs.renameSync(temp, mark);
  syncFile(path.dirname(mark));
}

/**
 * Takes up a restore stopped part way into this data folder: the files its mark names that hold what this restore
 * writes there (their digests) are in place already, and are kept; half-written copies it left in the folder are
 * removed. Nothing else is touched, least of all a file outside the folder (a keys folder elsewhere may be another
 * deployment's by now): one that holds something else makes the restore refuse. A mark written in another folder
 * (this one was moved) is refused.
 */
function resumeStopped(mark: string, dataDir: string, backup: Mark['backup'], targets: readonly Target[]): Set<string> {
  let content: Partial<Mark> | undefined;
  try {
    content = JSON.parse(fs.readFileSync(mark, 'utf8')) as Partial<Mark>;
  } catch {
    content = undefined;
  }
  if (typeof content?.dataDir !== 'string') {
    throw new BackupRefused(`${mark} is not a restore's mark: remove the folder and restore again`);
  }
  const folder = realPath(dataDir);
  if (content.dataDir !== folder) {
    throw new BackupRefused(
      `${mark} was written by a restore into ${content.dataDir}, not this folder (it was moved): remove this folder ` +
        'and restore again',
    );
  }
  if (content.backup?.folder !== backup.folder || content.backup.createdAt !== backup.createdAt) {
    throw new BackupRefused(
      `${mark} was written by a restore of another backup, or of this one before it was made again ` +
        `(${content.backup?.folder ?? 'unknown'}, made ${content.backup?.createdAt ?? 'unknown'}): run that restore ` +
        'again, or remove this folder and restore again',
    );
  }
  // the same places as then: a restore run again under another configuration would leave what the first wrote
  const then = new Set((content.files ?? []).map((f) => f?.to));
  const moved = targets.filter(({ to }) => !then.has(to));
  if (moved.length > 0 || then.size !== targets.length) {
    const written = [...then].filter((to) => typeof to === 'string' && !targets.some((t) => t.to === to));
    throw new BackupRefused(
      `the restore stopped in ${dataDir} wrote to other places than this configuration names (` +
        `${written.join(', ')}): run it again with the same LEDGER_KEYS_DIR, LEDGER_MASTER_KEY_FILE and ` +
        'LEDGER_DATA_KEYS_FILE, or remove this folder and what it wrote there',
    );
  }
  // the folder is held: what is in its media's tmp/ is a medium this restore was copying when it stopped
  const temps = path.join(dataDir, 'media', 'tmp');
  if (fs.existsSync(temps))
    for (const name of fs.readdirSync(temps)) fs.rmSync(path.join(temps, name), { force: true, recursive: true });
  const done = new Set<string>();
  for (const { to, sha256 } of targets) {
    // the places are this restore's own: its half-written copies there are its own too
    fs.rmSync(partialOf(to), { force: true });
    if (fs.existsSync(to) && sha256Of(to) === sha256) done.add(to);
  }
  return done;
}

function readManifest(from: string): BackupReport {
  let manifest: BackupReport;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(from, BACKUP_MANIFEST), 'utf8')) as BackupReport;
  } catch (err) {
    throw new BackupRefused(
      `${from} holds no readable backup manifest (${BACKUP_MANIFEST}): ${(err as Error).message}`,
    );
  }
  if (manifest?.format !== BACKUP_FORMAT) {
    throw new BackupRefused(`${from}/${BACKUP_MANIFEST} is not a manifest of ${BACKUP_FORMAT}`);
  }
  if ((manifest as { incomplete?: unknown }).incomplete === true || !Array.isArray(manifest.files)) {
    throw new BackupRefused(
      `${from}: a backup into this folder stopped before it was complete: run ledger backup into it again`,
    );
  }
  for (const file of manifest.files) {
    if (
      typeof file?.path !== 'string' ||
      typeof file.sha256 !== 'string' ||
      !/^(events|data-keys|webhooks)\.sqlite$|^keys\/[^/\\]+$/.test(file.path) ||
      file.path.includes('..')
    ) {
      throw new BackupRefused(`${from}/${BACKUP_MANIFEST} names a file a backup does not hold: ${String(file?.path)}`);
    }
  }
  return manifest;
}

/** Where a file of the backup goes under this configuration. */
function targetOf(config: Config, file: string): string {
  if (file === 'events.sqlite') return (config.eventStore as { path: string }).path;
  if (file === 'data-keys.sqlite') return config.dataKeysFile;
  if (file === 'webhooks.sqlite') return path.join(config.dataDir, 'webhooks.sqlite');
  if (file === 'keys/master.key') return config.masterKeyFile;
  return path.join(config.keysDir, file.slice('keys/'.length));
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

const partialOf = (to: string) => `${to}.restoring`;

/**
 * A backup whose data keys are kept one way restored where they are kept the other would leave them behind: the
 * backup of a media data-key store holds `media/data-keys/`, that of the SQLite one `data-keys.sqlite`.
 */
function refuseOtherKeyStore(config: Config, from: string, targets: readonly Target[]): void {
  const inMedia = fs.existsSync(path.join(from, 'media', 'data-keys'));
  const inFile = targets.some((t) => t.path === 'data-keys.sqlite');
  if (inMedia && config.dataKeyStore.kind === 'sqlite') {
    throw new BackupRefused(
      `${from} keeps its data keys beside the media (media/data-keys): restore with LEDGER_DATA_KEY_STORE=media`,
    );
  }
  if (inFile && config.dataKeyStore.kind === 'media') {
    throw new BackupRefused(
      `${from} keeps its data keys in data-keys.sqlite: restore with LEDGER_DATA_KEY_STORE=sqlite (the default)`,
    );
  }
}

/**
 * A backup whose media are kept one way restored where they are kept the other would leave them behind, or leave
 * the restored log naming media its store does not hold: the backup of a media folder holds them in `media/`, that
 * of an S3 deployment none (they are in its bucket).
 */
function refuseOtherMediaStore(config: Config, from: string, manifest: BackupReport): void {
  const kept = (manifest.media as { store?: unknown } | undefined)?.store;
  if (kept === 'filesystem' && config.blobStore.kind === 's3') {
    throw new BackupRefused(
      `${from} keeps its media in a media folder (media/), not in an S3 bucket: restore without S3_BUCKET and ` +
        "the other S3_* variables (the media then go to the data folder's media/)",
    );
  }
  if (kept === 's3' && config.blobStore.kind === 'filesystem') {
    const bucket = String((manifest.media as { bucket?: unknown }).bucket);
    throw new BackupRefused(
      `${from} holds no media, they are in the S3 bucket ${bucket}: restore with S3_BUCKET=${bucket} and the ` +
        'other S3_* variables of the service it was made from',
    );
  }
}

/**
 * A data folder that holds a log, or any file at all, is never restored into (but the folders a service or a
 * restore makes before writing: `keys/`, `media/` with nothing in them), nor a keys folder that holds a file.
 */
function refuseOccupied(
  config: Config,
  log: string,
  targets: readonly { readonly to: string }[],
  resumed: boolean,
  done: ReadonlySet<string>,
): void {
  if (fs.existsSync(log) && !done.has(log)) {
    throw new BackupRefused(
      `${config.dataDir} holds a log already (${path.basename(log)}): restore into an empty data folder, ` +
        'and move this one aside rather than overwrite it (or, when it is a restore of its own that completed, ' +
        'start the service on it)',
    );
  }
  const taken = targets.find(({ to }) => fs.existsSync(to) && !done.has(to));
  if (taken) {
    throw new BackupRefused(
      resumed
        ? `${taken.to} holds other than what this restore writes there: something changed it since the restore ` +
            'stopped (another deployment using that folder?): find out what before moving it, or restore elsewhere'
        : `${taken.to} exists already: restore where none of the backup's files are`,
    );
  }

  // a stopped restore's media stay: each was checked against its name as it was copied, and is copied no more
  const media = resumed && config.blobStore.kind === 'filesystem' ? path.resolve(config.blobStore.dir) : undefined;
  const kept = new Set([...done].map((file) => path.resolve(file)));
  for (const dir of new Set([config.dataDir, config.keysDir])) {
    const found = firstFile(
      dir,
      (file) =>
        kept.has(file) ||
        (resumed && file.endsWith('.restoring')) ||
        (path.dirname(file) === path.resolve(config.dataDir) &&
          (path.basename(file) === LOCK_FILE || path.basename(file).startsWith(RESTORE_MARK))),
      (folder) => folder === media,
    );
    if (found) {
      throw new BackupRefused(`${dir} is not empty (${path.relative(dir, found)}): restore into an empty folder`);
    }
  }
}

/** The first file below `dir` (a folder with none: undefined), but those `skip` passes (by full path). */
function firstFile(
  dir: string,
  skip: (file: string) => boolean,
  skipFolder: (folder: string) => boolean = () => false,
): string | undefined {
  if (!fs.existsSync(dir) || skipFolder(path.resolve(dir))) return undefined;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.resolve(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = firstFile(full, skip, skipFolder);
      if (inner) return inner;
    } else if (!skip(full)) return full;
  }
  return undefined;
}

/**
 * Copies a file of the backup to its place, whole or not at all (written beside, synced, checked against the
 * digest the manifest recorded, then named), never over a file that is there.
 */
function copyPrivate(from: string, to: string, sha256: string): void {
  makePrivateFolder(path.dirname(to));
  const partial = partialOf(to);
  fs.copyFileSync(from, partial);
  fs.chmodSync(partial, PRIVATE_FILE_MODE);
  syncFile(partial);
  if (sha256Of(partial) !== sha256) {
    fs.rmSync(partial);
    throw new BackupRefused(`${from} changed while it was restored (a backup into it?): run ledger restore again`);
  }
  fs.linkSync(partial, to);
  fs.rmSync(partial);
  syncFile(path.dirname(to));
}
