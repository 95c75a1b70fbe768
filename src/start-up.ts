import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { widerThanOwner } from './data-folder.js';
import { ConfigError } from './errors.js';
import type { PublicKey } from './ports/keys.js';
import type { BlobStore } from './ports/blob-store.js';
import { FilesystemBlobStore } from './adapters/filesystem/blob-store.js';
import { checkOnStartup } from './app/startup-check.js';
import type { EventStore } from './ports/event-store.js';
import type { ReadModelStore } from './ports/read-models.js';
import type { SuiteName } from './ledger/suite.js';
import { CHECKPOINT_STREAM, MERKLE, storedNode } from '../projections/merkle.js';
import { CHECKPOINTS } from '../projections/checkpoints.js';

/** Warns (never fails) about each existing folder or file of the data folder that others than its owner may use. */
export function warnAboutWideModes(config: Config, log: Logger): void {
  const folders = [config.dataDir, config.keysDir];
  if (config.blobStore.kind === 'filesystem') {
    const media = config.blobStore.dir;
    folders.push(media, path.join(media, 'sha256'), path.join(media, 'tmp'));
  }
  for (const wide of widerThanOwner(folders)) {
    log.warn(
      { path: wide.path, mode: `0${wide.mode.toString(8)}` },
      `data folder: ${wide.path} is open to others than its owner (mode 0${wide.mode.toString(8)}); make it owner-only (chmod 0700 folders, 0600 files)`,
    );
  }
}

/**
 * Removes the uploads a killed service left part way in the media folder's `tmp/`: at start the service holds the
 * data folder, so no upload is in flight. An S3 bucket's `tmp/` is left to its lifecycle rule.
 */
export function removeStaleUploads(blobs: BlobStore, log: Logger): void {
  if (!(blobs instanceof FilesystemBlobStore)) return;
  const removed = blobs.removeTemporaries();
  if (removed > 0) log.info({ removed }, 'media: removed uploads a stopped service left part way in tmp/');
}

/**
 * Refuses to serve a log under another origin than its checkpoints were signed under (`LEDGER_LOG_ORIGIN`): the
 * origin names the log in every checkpoint, and a checkpoint signed under a second name is a fork nobody can undo,
 * which every party, court or witness that kept one of the first would meet as `checkpoint_inconsistent`. Read
 * before any key is made or anything is signed; the latest checkpoint's origin is the log's (its signature is the
 * start-up check's to judge).
 */
export async function checkLogOrigin(events: EventStore, origin: string): Promise<void> {
  const [last] = await events.readStream(CHECKPOINT_STREAM, { direction: 'backward', limit: 1 });
  if (!last) return;
  const data = last.event.data as { origin?: unknown; size?: unknown };
  if (typeof data.origin !== 'string' || data.origin === origin) return;
  throw new ConfigError(
    'LEDGER_LOG_ORIGIN',
    `this log's checkpoints are signed under the origin "${data.origin}" (the latest at tree size ` +
      `${String(data.size)}, recorded ${last.event.recordedAt}), not "${origin}": a log keeps its origin for good, ` +
      'and checkpoints under another name would fork it for everyone who kept one. Set ' +
      `LEDGER_LOG_ORIGIN=${data.origin}`,
  );
}

/**
 * The start-up check (`checkOnStartup`): the log agrees with its latest signed checkpoint and the read models are
 * not ahead of it. O(n) in the checkpoint's size: its progress and duration are logged. Refusal is logged and thrown.
 */
export async function verifyBeforeServing(deps: {
  events: EventStore;
  readModels: ReadModelStore | undefined;
  /** The event keys, current and retired, own and published by other replicas. */
  eventKeys: readonly PublicKey[];
  /** LEDGER_CRYPTO_SUITE: a log sealed in another suite is refused. */
  suite: SuiteName;
  log: Logger;
}): Promise<void> {
  const started = performance.now();
  let reported = started;
  try {
    const result = await checkOnStartup({
      events: deps.events,
      readModels: deps.readModels,
      layout: { merkle: MERKLE, checkpoints: CHECKPOINTS, checkpointStream: CHECKPOINT_STREAM, node: storedNode },
      noteKeys: deps.eventKeys.map((k) => k.publicKey),
      signerKeyIds: new Set(deps.eventKeys.map((k) => k.keyId)),
      suite: deps.suite,
      onProgress: (leaves, needed) => {
        if (performance.now() - reported < 5_000) return;
        reported = performance.now();
        deps.log.info({ leaves, needed }, 'start-up check: recomputing the Merkle root from the log');
      },
    });
    deps.log.info(
      { ...result, ms: Math.round(performance.now() - started) },
      'start-up check: the log matches its latest checkpoint and the read models are not ahead of it',
    );
  } catch (err) {
    deps.log.error({ err }, 'start-up check failed: not serving');
    throw err;
  }
}
