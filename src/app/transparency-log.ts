import type { Signer } from '../ledger/ed25519.js';
import { sealEvents } from '../ledger/envelope.js';
import { checkpointBody, signNote } from '../ledger/checkpoint.js';
import { headsExtension } from '../ledger/checkpoint-heads.js';
import {
  headKey,
  headProof,
  headsRoot,
  type HeadProof,
  type HeadsHash,
  type HeadsPath,
  type HeadsPaths,
} from '../ledger/heads-map.js';
import { addSignatureLines } from '../ledger/cosignature.js';
import { CompactRange, rangeRoot, type TreeHash, type TreeNodes } from '../ledger/merkle.js';
import { suiteOfSigner } from '../ledger/suite.js';
import { consistencyProof, inclusionProof } from '../ledger/merkle-proofs.js';
import type { Clock } from '../ports/clock.js';
import type { EventStore, Position } from '../ports/event-store.js';
import type { Doc, DocReader, Page, ReadModelStore } from '../ports/read-models.js';
import { IntegrityFault, NotCaughtUp, RevisionConflict } from '../errors.js';
import type { StreamLocks } from './stream-locks.js';
import { checkStoredEvents } from './stored-events.js';
import { assertLastLeafInLog, storedTree } from './log-agreement.js';
import type { EventEnvelope } from '../ledger/envelope.js';

/** The collections and keys of the Merkle and checkpoint projections (`projections/merkle.ts`, `checkpoints.ts`). */
export interface TransparencyLayout {
  readonly merkle: string;
  readonly checkpoints: string;
  readonly checkpointStream: string;
  /** The stored hash of the complete node (level, index); undefined when not stored. */
  readonly node: (docs: DocReader, level: number, index: number) => Uint8Array | undefined;
  readonly leafKey: (eventId: string) => string;
  readonly checkpointKey: (size: number) => string;
  /** The stored path of the map of stream heads at a tree size (`projections/heads.ts`); undefined when not stored. */
  readonly headsPath: (docs: DocReader, size: number) => HeadsPath | undefined;
}

export interface SignedCheckpoint {
  readonly origin: string;
  readonly size: number;
  /** Standard base64 of the root hash. */
  readonly rootHash: string;
  /** The C2SP signed note. */
  readonly note: string;
  readonly issuedAt: string;
  /** Its RFC 3161 time-stamps (docs/integrity.md §15), as recorded so far. */
  readonly timestamps: readonly CheckpointTimestamp[];
  /** The note with the witnesses' cosignature lines added (the note itself while none cosigned it). */
  readonly cosignedNote?: string;
  /** The witnesses that cosigned it, and when (POSIX seconds, and RFC 3339). */
  readonly cosignatures?: readonly WitnessCosignature[];
}

/** A time-stamp of a checkpoint: the authority, the DER token (base64) and the `genTime` it states. */
export interface CheckpointTimestamp {
  readonly tsa: string;
  readonly token: string;
  readonly genTime: string;
}

export interface WitnessCosignature {
  readonly witness: string;
  readonly keyHash: string;
  readonly timestamp: number;
  readonly cosignedAt: string;
}

export interface InclusionProof {
  readonly eventId: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  /** Standard base64 of the leaf hash, SHA-256(0x00 || event hash). */
  readonly leafHash: string;
  readonly proof: string[];
}

export interface ConsistencyProof {
  readonly from: number;
  readonly to: number;
  readonly proof: string[];
}

export interface TransparencyLogDependencies {
  readonly events: EventStore;
  readonly readModels: ReadModelStore;
  readonly runner: { position(): Position; waitFor(position: Position, timeoutMs: number): Promise<boolean> };
  readonly signer: Signer;
  readonly clock: Clock;
  readonly locks: StreamLocks;
  /** The log's origin line, also the note key name. */
  readonly origin: string;
  readonly layout: TransparencyLayout;
  readonly newId: () => string;
  /** How long a checkpoint request waits for the Merkle tree to reach the log's head. Default 5000 ms. */
  readonly waitMs?: number;
  /** Told of each checkpoint this process issues (the time-stamping, src/app/checkpoint-timestamps.ts). */
  readonly onIssued?: (checkpoint: SignedCheckpoint) => void;
}

/** A checkpoint as its projection stores it (`projections/checkpoints.ts`). */
type CheckpointDocument = Doc & {
  origin: string;
  size: number;
  rootHash: string;
  note: string;
  issuedAt: string;
  timestamps?: CheckpointTimestamp[];
  cosignatures?: { witness: string; keyHash: string; line: string; timestamp: number }[];
};

/** A request that names a tree size, leaf or range the log cannot prove. */
export class ProofUnavailable extends Error {
  constructor(
    readonly code: 'unknown_event' | 'tree_size_invalid',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The served transparency log: signed checkpoints of the Merkle tree the projections maintain, and inclusion and
 * consistency proofs read from its stored nodes.
 *
 * A checkpoint is issued as a `CheckpointIssued` event on its own stream, so checkpoints are signed, chained, kept
 * with the log, replicated with it and listed by a projection. Those events are not leaves of the tree: they
 * commit to it.
 */
export class TransparencyLog {
  #latest: SignedCheckpoint | undefined;
  readonly #waitMs: number;
  /** The tree's hashes, in the suite of the log's signer. */
  readonly #hashes: TreeHash;
  /** The hash of the map of stream heads: the suite's too. */
  readonly #headsHash: HeadsHash;

  constructor(private readonly deps: TransparencyLogDependencies) {
    this.#waitMs = deps.waitMs ?? 5_000;
    this.#hashes = suiteOfSigner(deps.signer).tree;
    this.#headsHash = suiteOfSigner(deps.signer).hash;
  }

  /** The tree as the read models hold it: size and root. */
  tree(): { size: number; rootHash: Buffer } {
    const doc = storedTree(this.deps.readModels, this.deps.layout);
    if (!doc) return { size: 0, rootHash: Buffer.from(this.#hashes.emptyRoot) };
    const range = CompactRange.fromHashes(
      doc.size,
      doc.hashes.map((h) => Buffer.from(h, 'base64')),
      this.#hashes,
    );
    return { size: doc.size, rootHash: range.root() };
  }

  /** The root of the tree's first `size` leaves, read from stored nodes; undefined beyond the tree. */
  rootAt(size: number): Buffer | undefined {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.tree().size) return undefined;
    return size === 0 ? Buffer.from(this.#hashes.emptyRoot) : rangeRoot(this.#nodes(), 0, size, this.#hashes);
  }

  /**
   * {@link rootAt} for a size another replica may have signed and these read models not yet applied: beyond the
   * tree, waits (bounded) for the tree to reach the log's head before answering, and throws `NotCaughtUp` when it
   * does not, so that a lagging replica never calls a genuine checkpoint "beyond this log". Undefined only when
   * the caught-up tree is smaller than `size`.
   */
  async rootOfLogAt(size: number): Promise<Buffer | undefined> {
    const root = this.rootAt(size);
    if (root !== undefined || !Number.isSafeInteger(size) || size < 0) return root;
    const head = await this.deps.events.headPosition();
    if (!(await this.deps.runner.waitFor(head, this.#waitMs))) throw new NotCaughtUp(head, this.deps.runner.position());
    return this.rootAt(size);
  }

  /**
   * The heads root at tree size `size` as {@link rootOfLogAt} reaches it (waiting, bounded, for a size another
   * replica signed); undefined beyond the caught-up tree.
   */
  async headsRootOfLogAt(size: number): Promise<Buffer | undefined> {
    return (await this.rootOfLogAt(size)) === undefined ? undefined : this.headsRoot(size);
  }

  /** The latest issued checkpoint, when there is one. */
  latest(): SignedCheckpoint | undefined {
    const [stored] = this.list({ limit: 1 }).items;
    if (stored && (!this.#latest || stored.size >= this.#latest.size)) this.#latest = stored;
    return this.#latest;
  }

  /**
   * The smallest checkpoint that covers the leaf `leafIndex` (its size is above it), is at most `maxSize` and has a
   * time-stamp: the one whose time-stamp shows earliest that the leaf's event was logged. One indexed query.
   */
  stampedCovering(leafIndex: number, maxSize: number): SignedCheckpoint | undefined {
    const [doc] = this.deps.readModels.query<CheckpointDocument>(this.deps.layout.checkpoints, {
      where: { stamped: true },
      range: { member: 'size', from: leafIndex + 1, to: maxSize },
      orderBy: 'size',
      direction: 'asc',
      limit: 1,
    }).items;
    return doc ? checkpointOf(doc) : undefined;
  }

  /**
   * The checkpoints that cover the leaf `leafIndex` (their size is above it) and are at most `maxSize`, smallest
   * first, a page of `limit` after the cursor `after`.
   */
  covering(leafIndex: number, maxSize: number, page: { limit: number; after?: string }): Page<SignedCheckpoint> {
    const found = this.deps.readModels.query<CheckpointDocument>(this.deps.layout.checkpoints, {
      range: { member: 'size', from: leafIndex + 1, to: maxSize },
      orderBy: 'size',
      direction: 'asc',
      limit: page.limit,
      ...(page.after ? { after: page.after } : {}),
    });
    return { items: found.items.map(checkpointOf), ...(found.next ? { next: found.next } : {}) };
  }

  list(query: { limit: number; after?: string }): Page<SignedCheckpoint> {
    const page = this.deps.readModels.query<CheckpointDocument>(this.deps.layout.checkpoints, {
      orderBy: 'size',
      direction: 'desc',
      limit: query.limit,
      ...(query.after ? { after: query.after } : {}),
    });
    return {
      items: page.items.map(checkpointOf),
      ...(page.next ? { next: page.next } : {}),
    };
  }

  /**
   * A checkpoint covering every event committed before the call: waits (bounded) for the tree to reach the log's
   * head, then returns the latest checkpoint if it covers the whole tree, else issues one. `NotCaughtUp` when the
   * tree does not reach the head within the wait.
   */
  async current(): Promise<SignedCheckpoint> {
    const size = await this.sizeAtHead();
    const latest = this.latest();
    if (latest && latest.size >= size) return latest;
    return (await this.issue()) ?? this.latest()!;
  }

  /**
   * The tree's size once the read models reach the log's head (bounded wait, `NotCaughtUp` when they do not): no
   * checkpoint signed before the call, by this replica or another, is larger.
   */
  async sizeAtHead(): Promise<number> {
    const head = await this.deps.events.headPosition();
    if (!(await this.deps.runner.waitFor(head, this.#waitMs))) throw new NotCaughtUp(head, this.deps.runner.position());
    return this.tree().size;
  }

  /**
   * Signs the tree as it stands and records the checkpoint, unless the latest checkpoint already covers it (then
   * `undefined`, once the read models hold that checkpoint: `NotCaughtUp` when they do not within the wait). Only a
   * caught-up tree is signed: the read models must first apply every event committed before
   * the call (bounded wait), else `NotCaughtUp` and nothing is issued, so a replica that lags or is catching up
   * never signs an older tree than the log holds. The checkpoint is appended at the revision after the stream's
   * last checkpoint, and only when it is larger: issues are serialised in this process, and across replicas the
   * expected revision makes one of two writers read again, and find its tree covered.
   */
  issue(): Promise<SignedCheckpoint | undefined> {
    const stream = this.deps.layout.checkpointStream;
    return this.deps.locks.run(stream, async () => {
      const head = await this.deps.events.headPosition();
      if (!(await this.deps.runner.waitFor(head, this.#waitMs))) {
        throw new NotCaughtUp(head, this.deps.runner.position());
      }
      for (let attempt = 0; attempt < 5; attempt++) {
        const { size, rootHash } = this.tree();
        const latest = this.latest();
        if (latest && latest.size >= size) return undefined;
        const [last] = await this.deps.events.readStream(stream, { direction: 'backward', limit: 1 });
        const previous = last ? signedOf(stream, last.event) : undefined;
        if (!previous || previous.size <= size) await this.#assertTreeExtendsLog(size, previous);
        if (previous && previous.size >= size) {
          // the log's latest checkpoint covers the tree: the read models have not applied it yet, and until they
          // have, latest() is older than the tree (or none), which current() must not answer with
          if (!(await this.deps.runner.waitFor(last!.position, this.#waitMs))) {
            throw new NotCaughtUp(last!.position, this.deps.runner.position());
          }
          return undefined;
        }
        const extensions = [headsExtension(this.headsRoot(size))];
        const body = checkpointBody({ origin: this.deps.origin, size, rootHash, extensions });
        const note = signNote(body, this.deps.origin, this.deps.signer);
        const issuedAt = this.deps.clock.now().toISOString();
        const checkpoint: SignedCheckpoint = {
          origin: this.deps.origin,
          size,
          rootHash: rootHash.toString('base64'),
          note,
          issuedAt,
          timestamps: [],
        };
        const head = last ? { revision: last.event.revision, hash: last.event.hash } : null;
        const [sealed] = sealEvents(
          stream,
          head,
          [
            {
              id: this.deps.newId(),
              type: 'CheckpointIssued',
              schemaVersion: 1,
              occurredAt: issuedAt,
              actor: { sub: 'ledger', agency: 'ledger', roles: [] },
              data: { origin: checkpoint.origin, size, rootHash: checkpoint.rootHash, note },
              media: [],
            },
          ],
          this.deps.signer,
          issuedAt,
        );
        try {
          await this.deps.events.append(stream, [sealed!], head ? head.revision : 'no_stream');
          this.#latest = checkpoint;
          this.deps.onIssued?.(checkpoint);
          return checkpoint;
        } catch (err) {
          if (!(err instanceof RevisionConflict)) throw err;
          // another replica issued one: read again, and perhaps it covers this tree
          await this.deps.runner.waitFor(await this.deps.events.headPosition(), this.#waitMs);
        }
      }
      throw new RevisionConflict(stream, 'a free revision', null);
    });
  }

  /** The inclusion proof of an event in the tree of `treeSize` leaves (default: the whole tree). */
  inclusion(eventId: string, treeSize?: number): InclusionProof {
    const leaf = this.deps.readModels.get<{ index: number } & Doc>(
      this.deps.layout.merkle,
      this.deps.layout.leafKey(eventId),
    );
    if (!leaf) throw new ProofUnavailable('unknown_event', `no event ${eventId} in the Merkle tree`);
    const { size } = this.tree();
    const n = treeSize ?? size;
    if (!Number.isSafeInteger(n) || n <= leaf.index || n > size) {
      throw new ProofUnavailable('tree_size_invalid', `tree size must be above ${leaf.index} and at most ${size}`);
    }
    const nodes = this.#nodes();
    return {
      eventId,
      leafIndex: leaf.index,
      treeSize: n,
      leafHash: Buffer.from(nodes.node(0, leaf.index)).toString('base64'),
      proof: inclusionProof(leaf.index, n, nodes, this.#hashes).map((h) => h.toString('base64')),
    };
  }

  /**
   * The root of the map of stream heads at tree size `size` (at most the tree's): one stored path and a few hashes,
   * whatever the size of the log. Stored together with the tree's nodes, so it is of exactly the same events.
   */
  headsRoot(size: number): Buffer {
    return headsRoot(this.#paths(), size);
  }

  /** The key of `stream` in the map of stream heads, hex: its name's hash in the log's suite. */
  streamKey(stream: string): string {
    return headKey(stream, this.#headsHash).toString('hex');
  }

  /** The head proof of `stream` in the map at `treeSize` leaves (default: the whole tree); absent streams too. */
  head(stream: string, treeSize?: number): HeadProof {
    const { size } = this.tree();
    const n = treeSize ?? size;
    if (!Number.isSafeInteger(n) || n < 0 || n > size) {
      throw new ProofUnavailable('tree_size_invalid', `tree size must be from 0 to ${size}`);
    }
    return headProof(this.#paths(), n, stream, this.#headsHash);
  }

  /** The consistency proof between the trees of `from` and `to` leaves (0 < from <= to <= size). */
  consistency(from: number, to: number): ConsistencyProof {
    const { size } = this.tree();
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || from > to || to > size) {
      throw new ProofUnavailable('tree_size_invalid', `sizes must satisfy 1 <= from <= to <= ${size}`);
    }
    return {
      from,
      to,
      proof: consistencyProof(from, to, this.#nodes(), this.#hashes).map((h) => h.toString('base64')),
    };
  }

  /**
   * Never signs over a log that disagrees: the tree about to be signed must extend the latest checkpoint the log
   * holds (its stored nodes give that checkpoint's root at its size: a consistency check, O(log n) nodes), and the
   * event of its last leaf must be in the log where the tree says (one read). Else an {@link IntegrityFault}.
   */
  async #assertTreeExtendsLog(size: number, previous: { size: number; rootHash: string } | undefined): Promise<void> {
    if (previous) {
      const root = this.rootAt(previous.size);
      if (!root || root.toString('base64') !== previous.rootHash) {
        throw new IntegrityFault(
          `not signing a checkpoint of size ${size}: the tree does not extend the latest checkpoint in the log ` +
            `(size ${previous.size}); run \`ledger check\`, then \`ledger rebuild\``,
          { size, checkpointSize: previous.size },
        );
      }
    }
    const tree = storedTree(this.deps.readModels, this.deps.layout);
    if (tree) await assertLastLeafInLog(this.deps.events, tree, this.#nodes());
  }

  #paths(): HeadsPaths {
    const { readModels, layout } = this.deps;
    return (size) => layout.headsPath(readModels, size);
  }

  #nodes(): TreeNodes {
    const { readModels, layout } = this.deps;
    return {
      node(level, index) {
        const hash = layout.node(readModels, level, index);
        if (!hash) throw new Error(`the Merkle node (${level}, ${index}) is not stored`);
        return hash;
      },
    };
  }
}

/** The size and root a stored `CheckpointIssued` event names, after checking the event is as sealed. */
function signedOf(stream: string, event: EventEnvelope): { size: number; rootHash: string } {
  checkStoredEvents(stream, [event]);
  const { size, rootHash } = event.data as { size?: unknown; rootHash?: unknown };
  if (!Number.isSafeInteger(size) || typeof rootHash !== 'string') {
    throw new IntegrityFault(`the checkpoint event ${event.id} names no size and root`, { eventId: event.id });
  }
  return { size: size as number, rootHash };
}

/** A checkpoint as served, from its read-model document. */
export function checkpointOf({
  origin,
  size,
  rootHash,
  note,
  issuedAt,
  timestamps,
  cosignatures = [],
}: CheckpointDocument): SignedCheckpoint {
  return {
    origin,
    size,
    rootHash,
    note,
    issuedAt,
    timestamps: (timestamps ?? []).map(({ tsa, token, genTime }) => ({ tsa, token, genTime })),
    cosignedNote: addSignatureLines(
      note,
      cosignatures.map((c) => c.line),
    ),
    cosignatures: cosignatures.map(({ witness, keyHash, timestamp }) => ({
      witness,
      keyHash,
      timestamp,
      cosignedAt: new Date(timestamp * 1000).toISOString(),
    })),
  };
}
