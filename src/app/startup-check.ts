import type { KeyObject } from 'node:crypto';
import { openNote, parseCheckpoint } from '../ledger/checkpoint.js';
import { CompactRange, type TreeNodes } from '../ledger/merkle.js';
import { SUITES, suiteOfEvent, type SuiteName } from '../ledger/suite.js';
import type { EventStore, Position } from '../ports/event-store.js';
import type { Doc, DocReader, ReadModelStore } from '../ports/read-models.js';
import { ConfigError, IntegrityFault } from '../errors.js';
import { assertLastLeafInLog, storedTree } from './log-agreement.js';
import { checkStoredEvents } from './stored-events.js';

export interface StartupCheckDependencies {
  readonly events: EventStore;
  /** The read models as stored; undefined when they are about to be rebuilt (their projections changed). */
  readonly readModels: ReadModelStore | undefined;
  readonly layout: {
    readonly merkle: string;
    readonly checkpoints: string;
    readonly checkpointStream: string;
    /** The stored hash of the complete node (level, index); undefined when not stored. */
    readonly node: (docs: DocReader, level: number, index: number) => Uint8Array | undefined;
  };
  /** The service's event keys, current and retired: checkpoints are signed notes under them. */
  readonly noteKeys: readonly KeyObject[];
  /** The ids of those keys: an event read here signed by another key stops start-up (`LEDGER_KEYS_DIR`). */
  readonly signerKeyIds?: ReadonlySet<string>;
  /**
   * The deployment's crypto suite (LEDGER_CRYPTO_SUITE): a log whose events are of another suite stops start-up
   * (`ConfigError` naming the variable), since a log never mixes suites. Default ed25519.
   */
  readonly suite?: SuiteName;
  /** Events read per batch while recomputing the root. Default 5000. */
  readonly batchSize?: number;
  /** After each batch: leaves recomputed so far, and how many are needed. */
  readonly onProgress?: (leaves: number, needed: number) => void;
}

export interface StartupCheckResult {
  readonly head: Position;
  readonly readModelPosition: Position;
  /** The latest checkpoint in the log, whose root was recomputed from the log. */
  readonly checkpointSize?: number;
  /** Leaves recomputed from the log (the larger of the checkpoint's size and the read models' tree). */
  readonly leaves: number;
}

/** What the refusal tells the operator to do. */
const ADVICE =
  'The service will not start on it: run `ledger check` to see what differs; when only the read models are ' +
  'wrong (the log checks out), `ledger rebuild` rebuilds them from the log.';

function refuse(what: string, details: Record<string, unknown> = {}): never {
  throw new IntegrityFault(`start-up check: ${what}. ${ADVICE}`, details);
}

/**
 * What the service checks before it serves anything (docs/integrity.md §14):
 * 1. the latest checkpoint in the log is as sealed and its note verifies with the service keys, and no checkpoint
 *    the read models recorded is missing from the log (nor larger than the log's latest);
 * 2. the read models are not ahead of the log (their position is at most the log's head), and the event of their
 *    Merkle tree's last leaf is in the log where they recorded it (one read);
 * 3. the root of the log's first N leaves, recomputed from the events' hashes, is the root the latest checkpoint
 *    (size N) signed, and the root at the read models' tree size is their stored root; with `signerKeyIds`, each of
 *    those events names one of the service's event keys as its signer (else a `ConfigError` naming the key id and
 *    `LEDGER_KEYS_DIR`: a service given keys other than those that signed its log).
 * Step 3 reads the log up to the larger of the two sizes (O(n), reported through `onProgress`); the others are
 * O(1). Any other disagreement throws an {@link IntegrityFault} whose message names `ledger check` and
 * `ledger rebuild`.
 */
export async function checkOnStartup(deps: StartupCheckDependencies): Promise<StartupCheckResult> {
  const { events, readModels, layout } = deps;
  await assertSuiteOfLog(deps);
  const head = await events.headPosition();
  const readModelPosition = readModels?.position() ?? 0;
  const checkpoint = await latestCheckpoint(deps);
  const recorded = readModels
    ? readModels.query<{ size: number } & Doc>(layout.checkpoints, { orderBy: 'size', direction: 'desc', limit: 1 })
        .items[0]
    : undefined;
  if (recorded && (!checkpoint || checkpoint.size < recorded.size)) {
    refuse(
      `the read models record a checkpoint of size ${recorded.size} that the log does not hold (its latest ` +
        `checkpoint is ${checkpoint ? `of size ${checkpoint.size}` : 'none'}): checkpoint events are missing, or the log is older than the read models`,
      { recordedSize: recorded.size },
    );
  }

  if (readModels && readModelPosition > head) {
    refuse(
      `the read models have applied the log up to position ${readModelPosition}, but the log ends at position ` +
        `${head}: they were built from a longer or another log (was an older event store restored?)`,
      { readModelPosition, head },
    );
  }
  const tree = readModels ? storedTree(readModels, layout) : undefined;
  if (readModels && tree) {
    try {
      await assertLastLeafInLog(events, tree, nodesOf(readModels, layout));
    } catch (err) {
      if (err instanceof IntegrityFault) refuse(err.message, err.details);
      throw err;
    }
  }

  const wanted = new Map<number, { root: Buffer; what: string }>();
  if (checkpoint) wanted.set(checkpoint.size, { root: checkpoint.rootHash, what: 'checkpoint' });
  if (tree && tree.size > 0 && !wanted.has(tree.size)) {
    const range = CompactRange.fromHashes(
      tree.size,
      tree.hashes.map((h) => Buffer.from(h, 'base64')),
      SUITES[deps.suite ?? 'ed25519'].tree,
    );
    wanted.set(tree.size, { root: range.root(), what: 'read models' });
  }
  const needed = Math.max(0, ...wanted.keys());
  const leaves = await recomputeLeaves(deps, new Set(wanted.keys()), (size, root) => {
    const want = wanted.get(size)!;
    if (root.equals(want.root)) return;
    if (want.what === 'checkpoint') {
      refuse(
        `the log does not match the latest signed checkpoint: the root of its first ${size} leaves is ` +
          `${root.toString('base64')}, the checkpoint signed ${want.root.toString('base64')}`,
        { checkpointSize: size },
      );
    }
    refuse(`the read models' Merkle tree of ${size} leaves differs from the log's: they were built from another log`, {
      treeSize: size,
    });
  });
  if (leaves < needed) {
    refuse(
      checkpoint && checkpoint.size > leaves
        ? `the log holds ${leaves} leaves, fewer than the ${checkpoint.size} its latest checkpoint signed`
        : `the log holds ${leaves} leaves, fewer than the read models' tree of ${needed}`,
      { leaves, needed },
    );
  }
  return {
    head,
    readModelPosition,
    ...(checkpoint ? { checkpointSize: checkpoint.size } : {}),
    leaves,
  };
}

/** The latest checkpoint in the log: its event checked as sealed, its note opened with the service keys. */
async function latestCheckpoint(
  deps: StartupCheckDependencies,
): Promise<{ size: number; rootHash: Buffer } | undefined> {
  const stream = deps.layout.checkpointStream;
  const [last] = await deps.events.readStream(stream, { direction: 'backward', limit: 1 });
  if (!last) return undefined;
  try {
    checkStoredEvents(stream, [last.event]);
  } catch (err) {
    if (err instanceof IntegrityFault) refuse(err.message, err.details);
    throw err;
  }
  const { origin, note } = last.event.data as { origin?: unknown; note?: unknown };
  let parsed: ReturnType<typeof parseCheckpoint>;
  try {
    const opened =
      typeof origin === 'string' && typeof note === 'string'
        ? openNote(
            note,
            deps.noteKeys.map((publicKey) => ({ name: origin, publicKey })),
          )
        : undefined;
    parsed = opened ? parseCheckpoint(opened.body) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed) {
    refuse(`the latest checkpoint (event ${last.event.id}) does not verify with the service keys`, {
      eventId: last.event.id,
    });
  }
  return { size: parsed.size, rootHash: parsed.rootHash };
}

/** Stops start-up when the log's first event was sealed in another crypto suite than the configured one. */
async function assertSuiteOfLog(deps: StartupCheckDependencies): Promise<void> {
  const configured = deps.suite ?? 'ed25519';
  const [first] = await deps.events.readAll({ after: 0, limit: 1 });
  if (!first) return;
  const found = suiteOfEvent(first.event);
  if (found.name === configured) return;
  throw new ConfigError(
    'LEDGER_CRYPTO_SUITE',
    `the log's events are sealed in the ${found.name} suite (sig.alg ${String(first.event.sig?.alg)}), but this ` +
      `service is configured for ${configured}: a log never mixes suites, so set LEDGER_CRYPTO_SUITE=${found.name}`,
  );
}

/**
 * Rebuilds the tree from the log's events, in log order (checkpoints are not leaves), up to the largest of `sizes`,
 * calling `at` with the root at each of them; returns the leaves found (fewer when the log ends first).
 */
async function recomputeLeaves(
  deps: StartupCheckDependencies,
  sizes: ReadonlySet<number>,
  at: (size: number, root: Buffer) => void,
): Promise<number> {
  const hashes = SUITES[deps.suite ?? 'ed25519'].tree;
  const range = new CompactRange(hashes);
  const needed = Math.max(0, ...sizes);
  if (needed === 0) return 0;
  let after: Position = 0;
  for (;;) {
    const batch = await deps.events.readAll({ after, limit: deps.batchSize ?? 5000 });
    if (batch.length === 0) return range.size;
    for (const { position, event } of batch) {
      after = position;
      if (event.stream === deps.layout.checkpointStream) continue;
      if (!/^[0-9a-f]{64}$/.test(event.hash)) {
        refuse(`the event at position ${position} has no valid hash`, { position, eventId: event.id });
      }
      const signer = event.sig?.keyId;
      if (deps.signerKeyIds && !deps.signerKeyIds.has(signer)) {
        throw new ConfigError(
          'LEDGER_KEYS_DIR',
          `the log holds events signed by event key ${String(signer)} (event ${event.id} at position ${position}), ` +
            "which this service's keyring cannot verify: give it the keys folder of the service that signed them",
        );
      }
      range.push(hashes.leaf(Buffer.from(event.hash, 'hex')));
      if (sizes.has(range.size)) at(range.size, range.root());
      if (range.size >= needed) {
        deps.onProgress?.(range.size, needed);
        return range.size;
      }
    }
    deps.onProgress?.(range.size, needed);
  }
}

function nodesOf(readModels: ReadModelStore, layout: StartupCheckDependencies['layout']): TreeNodes {
  return {
    node(level, index) {
      const hash = layout.node(readModels, level, index);
      if (!hash) throw new IntegrityFault(`the Merkle node (${level}, ${index}) is not stored`);
      return hash;
    },
  };
}
