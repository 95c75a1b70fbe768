import fs from 'node:fs';
import path from 'node:path';
import { lockDataFolder, LOCK_FILE, type FolderLock } from './adapters/sqlite/folder-lock.js';
import { PRIVATE_FILE_MODE } from './adapters/sqlite/private-file.js';
import type { Config } from './config.js';
import { BACKUP_FORMAT, BACKUP_MANIFEST, BackupRefused, type BackupReport } from './data-backup.js';
import { copyMedia, fileSha256, mirrorFolder, type MediaCopy, type MediaFault } from './data-copy.js';
import { makePrivateFolder } from './data-folder.js';
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
  readonly faults: readonly MediaFault[];
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
  const manifest = readManifest(from);
  const targets = manifest.files.map((file) => ({ ...file, to: targetOf(config, file.path) }));
  if (!targets.some((t) => t.path === 'events.sqlite')) {
    throw new BackupRefused(`${from}: the manifest lists no log (events.sqlite)`);
  }
  refuseOccupied(config, log, targets);
  // every file as the manifest recorded it, before anything is copied
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
  makePrivateFolder(config.dataDir);
  let lock: FolderLock;
  try {
    lock = lockDataFolder(config.dataDir, { command: 'ledger restore', since: options.now() });
  } catch (err) {
    if (err instanceof DataFolderInUse) throw new BackupRefused(err.message);
    throw err;
  }
  try {
    // a service starting between two checks would have made a log of its own: look again under the lock
    refuseOccupied(config, log, targets);
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
            files: mirrorFolder(keysFolder, path.join(config.blobStore.dir, 'data-keys'), { removeOthers: false })
              .files,
          }
        : undefined;
    // what the log needs first, the log last: a restore stopped part way leaves no log to start a service on
    const ordered = [
      ...targets.filter((t) => t.path !== 'events.sqlite'),
      ...targets.filter((t) => t.path === 'events.sqlite'),
    ];
    for (const file of ordered) copyPrivate(path.join(from, file.path), file.to);
    return {
      backup: { folder: from, createdAt: manifest.createdAt, lastPosition: manifest.log.lastPosition },
      dataDir: config.dataDir,
      files: ordered.map(({ path: p, to }) => ({ path: p, to })),
      media,
      ...(dataKeyObjects ? { dataKeyObjects } : {}),
      faults,
    };
  } finally {
    lock.release();
  }
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

/** A data folder that holds a log, or any file the restore would write, is never overwritten. */
function refuseOccupied(config: Config, log: string, targets: readonly { readonly to: string }[]): void {
  if (fs.existsSync(log)) {
    throw new BackupRefused(
      `${config.dataDir} holds a log already (${path.basename(log)}): restore into an empty data folder, ` +
        'and move this one aside rather than overwrite it',
    );
  }
  const taken = targets.find(({ to }) => fs.existsSync(to));
  if (taken) throw new BackupRefused(`${taken.to} exists already: restore where none of the backup's files are`);
  const entries = fs.existsSync(config.dataDir) ? fs.readdirSync(config.dataDir) : [];
  const others = entries.filter((name) => name !== LOCK_FILE && !['keys', 'media'].includes(name));
  if (others.length > 0) {
    throw new BackupRefused(
      `${config.dataDir} is not empty (${others.slice(0, 3).join(', ')}): restore into an empty folder`,
    );
  }
}

function copyPrivate(from: string, to: string): void {
  makePrivateFolder(path.dirname(to));
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  fs.chmodSync(to, PRIVATE_FILE_MODE);
}
