import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { FolderKeyObjects } from './adapters/filesystem/key-files.js';
import { FileKeyWrapper, loadOrCreateMasterKey } from './adapters/keys/master-key.js';
import { SharedDataKeyStore } from './adapters/keys/shared-data-key-store.js';
import { SqliteDataKeyStore, holdsWrappedKeys } from './adapters/sqlite/data-key-store.js';
import type { Config } from './config.js';
import { makeSettingFolder, masterKeyFolderVariable } from './data-folder.js';
import { ConfigError } from './errors.js';
import type { BlobStore } from './ports/blob-store.js';
import type { Clock } from './ports/clock.js';
import { DataKeyNotErasable, type DataKeyStore } from './ports/data-keys.js';

/**
 * The cases' data keys (docs/privacy.md), wrapped by the master key: the embedded SQLite file, or, with
 * `LEDGER_DATA_KEY_STORE=media`, objects under `data-keys/` in the media store the replicas share (the media
 * bucket, or `LEDGER_DATA_KEY_BUCKET`, through the media store's S3 client; else the media folder). A shared store
 * is checked at start-up: one that could not erase a key (a bucket under default Object Lock retention) stops the
 * service naming `LEDGER_DATA_KEY_STORE`, and so does one that cannot be reached.
 */
export async function openDataKeyStore(
  config: Config,
  blobs: BlobStore,
  clock: Clock,
  log: Logger,
): Promise<DataKeyStore & { close(): void }> {
  makeSettingFolder(masterKeyFolderVariable(config), path.dirname(config.masterKeyFile));
  const made = !fs.existsSync(config.masterKeyFile);
  if (made) refuseMasterKeyMissing(config);
  const wrapper = new FileKeyWrapper(loadOrCreateMasterKey(config.masterKeyFile));
  if (made) {
    log.info(
      { file: config.masterKeyFile },
      "data keys: made a master key, which opens every case's personal data: back it up with the keys folder",
    );
  }
  if (config.dataKeyStore.kind === 'sqlite') {
    makeSettingFolder('LEDGER_DATA_KEYS_FILE', path.dirname(config.dataKeysFile));
    return new SqliteDataKeyStore(config.dataKeysFile, wrapper, clock);
  }
  const media = config.blobStore;
  let store: SharedDataKeyStore;
  if (media.kind === 'filesystem') {
    store = new SharedDataKeyStore(new FolderKeyObjects(path.join(media.dir, 'data-keys')), wrapper, clock);
  } else {
    const { S3KeyObjects } = await import('./adapters/s3/key-objects.js');
    const { S3BlobStore } = await import('./adapters/s3/blob-store.js');
    if (!(blobs instanceof S3BlobStore)) throw new ConfigError('LEDGER_DATA_KEY_STORE', 'S3 media are not open');
    const client = blobs.client;
    store = new SharedDataKeyStore(
      new S3KeyObjects(client, config.dataKeyStore.bucket ?? media.bucket),
      wrapper,
      clock,
    );
  }
  try {
    await store.checkErasable([]);
  } catch (err) {
    if (err instanceof DataKeyNotErasable) throw new ConfigError('LEDGER_DATA_KEY_STORE', err.message);
    const { name, message } = err as Error;
    throw new ConfigError('LEDGER_DATA_KEY_STORE', `the shared data-key store cannot be reached: ${name}: ${message}`);
  }
  log.info({ dataKeyStore: 'media' }, 'data keys: shared with the media store (data-keys/)');
  return store;
}

/**
 * A master key is made only where no data key was wrapped by one: a missing key file beside data keys (a mistyped
 * `LEDGER_MASTER_KEY_FILE`, a lost or unrestored file) would otherwise be replaced by a new key that opens none of
 * them, and the start would then fail blaming the data-key store, leaving the new key behind. Nothing is made.
 */
function refuseMasterKeyMissing(config: Config): void {
  const held = heldDataKeys(config);
  if (held === undefined) return;
  throw new ConfigError(
    'LEDGER_MASTER_KEY_FILE',
    `${config.masterKeyFile} does not exist, but ${held} holds data keys wrapped by a master key: restore the master ` +
      "key file from a backup (or point LEDGER_MASTER_KEY_FILE at it); without it no case's personal data can be " +
      'opened. No key was made',
  );
}

/** Where data keys are kept already, when they are (the embedded file with a row, or a data-keys folder with a file). */
function heldDataKeys(config: Config): string | undefined {
  if (config.dataKeyStore.kind === 'sqlite') {
    return holdsWrappedKeys(config.dataKeysFile) ? config.dataKeysFile : undefined;
  }
  const media = config.blobStore;
  if (media.kind !== 'filesystem') return undefined; // a bucket's objects are not listed here: its check follows
  const folder = path.join(media.dir, 'data-keys');
  return fs.existsSync(folder) && fs.readdirSync(folder).length > 0 ? folder : undefined;
}
