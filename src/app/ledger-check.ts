import { createHash, type KeyObject } from 'node:crypto';
import { openNote, parseCheckpoint } from '../ledger/checkpoint.js';
import type { PublicKeyResolver } from '../ledger/ed25519.js';
import type { EventEnvelope, StreamHead } from '../ledger/envelope.js';
import { CompactRange } from '../ledger/merkle.js';
import { SUITES, type SuiteName } from '../ledger/suite.js';
import { verifyChain } from '../ledger/verify.js';
import type { BlobStore } from '../ports/blob-store.js';
import { holdingOf, MEDIA_RECEIVED } from './media-holdings.js';
import type { EventStore, IndexedEvent, Position } from '../ports/event-store.js';
import { MAX_FILE_NESTING, mayNestDeeperThan, nestedDeeperThan } from '../ledger/bundle-parse.js';
import type { QuarantineDoc } from '../ports/read-models.js';
import { checkReadModels, type ReadModelCheckDependencies, type ReadModelReport } from './read-model-check.js';
import { checkHeadsRoot } from './heads-root-check.js';
import { checkStreamHeads } from './stream-heads-check.js';
import { LoggedOfficerKeys } from './logged-officer-keys.js';

/**
 * One batch of the log as the check reads it: each event parsed, or, where the store gives its text
 * (`readAllIndexed`), parsed here with the store's own index beside it, so that an envelope that is not a JSON object
 * (or nests deeper than {@link MAX_FILE_NESTING}) is a fault named by its position, not the end of the check.
 */
async function readChecked(
  events: EventStore,
  after: Position,
  limit: number,
): Promise<{ position: Position; event?: EventEnvelope; defect?: string; index?: IndexedEvent }[]> {
  if (!events.readAllIndexed) return events.readAll({ after, limit });
  return (await events.readAllIndexed({ after, limit })).map((index) => {
    let value: unknown;
    try {
      value = JSON.parse(index.json);
    } catch {
      return { position: index.position, defect: 'is not JSON', index };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { position: index.position, defect: 'is not a JSON object', index };
    }
    if (mayNestDeeperThan(index.json, MAX_FILE_NESTING) && nestedDeeperThan(value, MAX_FILE_NESTING)) {
      return { position: index.position, defect: `nests deeper than ${MAX_FILE_NESTING} levels`, index };
    }
    return { position: index.position, event: value as EventEnvelope, index };
  });
}

/** One fault found by {@link checkLedger}: a stable code, where, and what. */
export interface Fault {
  readonly code: string;
  readonly detail: string;
  readonly position?: Position;
  readonly stream?: string;
  readonly eventId?: string;
}

export interface CheckReport {
  readonly events: number;
  readonly streams: number;
  /** The Merkle tree of the whole log as recomputed: leaves (every event but the checkpoints) and root. */
  readonly tree: { readonly size: number; readonly rootHash: string };
  readonly checkpoints: {
    readonly checked: number;
    readonly latest?: { readonly size: number; readonly matches: boolean };
  };
  /** Media versions looked for (`checked`), and of those found and re-hashed (`found`), their bytes. */
  readonly media: { readonly checked: number; readonly found: number; readonly bytes: number };
  /** The stored read models compared with the projections rebuilt from the log, when given. */
  readonly readModels?: ReadModelReport;
  /** The first faults found (at most `maxFaults`), in log order; `faultCount` counts them all. */
  readonly faults: readonly Fault[];
  readonly faultCount: number;
}

export interface CheckDependencies {
  readonly events: EventStore;
  /** The service's event keys, current and retired. */
  readonly serviceKeys: PublicKeyResolver;
  /** The same keys, as the checkpoints' note keys are made from them (with each checkpoint's origin as name). */
  readonly noteKeys: readonly KeyObject[];
  /**
   * The deployment's crypto suite: the tree is recomputed with its hash, and an event sealed in another suite is a
   * fault (`unsupported_algorithm`). Default ed25519.
   */
  readonly suite?: SuiteName;
  /** The media store, for `media: true`. */
  readonly blobs?: BlobStore;
  /** The stream that holds the checkpoints (not leaves of the tree). */
  readonly checkpointStream: string;
  /** The events the read models quarantined: each is a fault `event_quarantined`. */
  readonly quarantined?: readonly QuarantineDoc[];
  /**
   * The checkpoints the read models recorded as issued (their event ids): each must still be in the log, else
   * `checkpoints_missing`. The read models are the one record of issued checkpoints kept apart from the log.
   */
  readonly recordedCheckpoints?: readonly { readonly eventId: string; readonly size: number }[];
  /** The stored read models (a copy as of one moment) and an empty store to rebuild them into, to compare. */
  readonly readModels?: Omit<ReadModelCheckDependencies, 'events'>;
}

export interface CheckOptions {
  /** Re-hash every medium an event references. */
  readonly media?: boolean;
  readonly batchSize?: number;
  readonly maxFaults?: number;
  readonly onProgress?: (stage: 'events' | 'read-models' | 'media', done: number, total: number) => void;
}

/**
 * Walks the whole log and checks that it is what it claims: every event's hash and signature, every stream's
 * chain from revision 0, every checkpoint's signature, and that the Merkle tree recomputed from the events has, at
 * each checkpoint's size, the root the checkpoint signed; that each stream head the store records is the stream's
 * last event; that no checkpoint the read models record is missing from the log; and, given the read models, that
 * they are what the projections make of the log. With `media`, every referenced medium is read back and re-hashed.
 * Never stops at the first fault: it reports them all (the first `maxFaults` in detail).
 */
export async function checkLedger(deps: CheckDependencies, options: CheckOptions = {}): Promise<CheckReport> {
  const batchSize = options.batchSize ?? 2000;
  const maxFaults = options.maxFaults ?? 100;
  const faults: Fault[] = [];
  let faultCount = 0;
  const fault = (f: Fault) => {
    faultCount += 1;
    if (faults.length < maxFaults) faults.push(f);
  };

  // The checkpoints first: their sizes are where the recomputed root is compared.
  const checkpoints = await deps.events.readStream(deps.checkpointStream);
  const wanted = new Map<number, { rootHash: Buffer; eventId: string }[]>();
  let latest: { size: number; rootHash: Buffer; extensions: readonly string[]; eventId: string } | undefined;
  /** The origin of the log's first checkpoint: every later one names the same, or the log was forked. */
  let firstOrigin: string | undefined;
  for (const { position, event } of checkpoints) {
    const data = event.data as { origin?: unknown; note?: unknown };
    const origin = typeof data.origin === 'string' ? data.origin : '';
    firstOrigin ??= origin;
    if (origin !== firstOrigin) {
      fault({
        code: 'checkpoint_origin_changed',
        detail: `signed under the origin "${origin}", the log's first checkpoint under "${firstOrigin}"`,
        position,
        eventId: event.id,
      });
    }
    const opened =
      typeof data.note === 'string'
        ? openNote(
            data.note,
            deps.noteKeys.map((publicKey) => ({ name: origin, publicKey })),
          )
        : undefined;
    const parsed = opened ? parseCheckpoint(opened.body) : undefined;
    if (!parsed) {
      fault({
        code: 'checkpoint_invalid',
        detail: 'the note does not verify with the service keys',
        position,
        eventId: event.id,
      });
      continue;
    }
    const list = wanted.get(parsed.size) ?? [];
    list.push({ rootHash: parsed.rootHash, eventId: event.id });
    wanted.set(parsed.size, list);
    if (!latest || parsed.size >= latest.size) {
      latest = { size: parsed.size, rootHash: parsed.rootHash, extensions: parsed.extensions, eventId: event.id };
    }
  }

  const heads = new Map<string, StreamHead>();
  const media = new Map<string, number>();
  /** The stored versions that `MediaReceived` events recorded as verified, per medium. */
  const mediaVersions = new Map<string, Set<string>>();
  const revocations = new KeyRevocationTally();
  const suite = SUITES[deps.suite ?? 'ed25519'];
  const hashes = suite.tree;
  const range = new CompactRange(hashes);
  let latestMatches: boolean | undefined;
  let events = 0;
  const compareAt = (size: number) => {
    const expected = wanted.get(size);
    if (!expected) return;
    const root = range.root();
    for (const { rootHash, eventId } of expected) {
      const matches = root.equals(rootHash);
      if (!matches) {
        fault({
          code: 'root_mismatch',
          detail: `the checkpoint of size ${size} signed root ${rootHash.toString('base64')}; the events give ${root.toString('base64')}`,
          eventId,
        });
      }
      if (latest && size === latest.size && rootHash.equals(latest.rootHash)) latestMatches = matches;
    }
    if (latest && size === latest.size)
      checkHeadsRoot(latest.extensions, heads, deps.checkpointStream, latest, fault, suite.hash);
  };
  compareAt(0);

  const head = await deps.events.headPosition();
  const officerKeys = new LoggedOfficerKeys();
  /** Events whose stored text is not an envelope at all: the projections could not be rebuilt over them. */
  let unreadable = 0;
  let after: Position = 0;
  while (after < head) {
    const batch = await readChecked(deps.events, after, batchSize);
    if (batch.length === 0) break;
    for (const { position, event, defect, index } of batch) {
      if (position > head) break;
      events += 1;
      after = position;
      if (!event) {
        // nothing of it can be checked or counted: its stream's chain and the tree go on without it
        fault({ code: 'malformed_event', detail: `the stored event ${defect!}`, position });
        unreadable += 1;
        continue;
      }
      if (
        index &&
        (index.stream !== event.stream ||
          index.revision !== event.revision ||
          (index.hash !== undefined && index.hash !== event.hash))
      ) {
        fault({
          code: 'index_mismatch',
          detail:
            `the store files the event under ${index.stream} revision ${index.revision}` +
            `${index.hash === undefined ? '' : ` with hash ${index.hash}`}; it is of ${event.stream} revision ` +
            `${event.revision} with hash ${event.hash}`,
          position,
          stream: event.stream,
          eventId: event.id,
        });
      }
      const before = heads.get(event.stream);
      const result = verifyChain([event], {
        serviceKeys: deps.serviceKeys,
        // an officer's own signature, by the keys the log registered before it
        actorKeys: officerKeys.resolve,
        actorKeyRefusal: officerKeys.refusal,
        suite: deps.suite ?? 'ed25519',
        ...(before ? { after: before } : {}),
      });
      officerKeys.learn(event);
      if (!result.ok) {
        fault({
          code: result.failure.code,
          detail: result.failure.detail,
          position,
          ...(typeof event.stream === 'string' ? { stream: event.stream } : {}),
          ...(typeof event.id === 'string' ? { eventId: event.id } : {}),
        });
        // an envelope without its members cannot be read further: its chain, media and leaf are left out
        if (result.failure.code === 'malformed_event') continue;
      }
      heads.set(event.stream, { revision: event.revision, hash: event.hash });
      for (const m of event.media) {
        const known = media.get(m.sha256);
        if (known !== undefined && known !== m.size) {
          fault({
            code: 'media_size_conflict',
            detail: `medium ${m.sha256} is ${known} and ${m.size} bytes`,
            position,
            eventId: event.id,
          });
        }
        media.set(m.sha256, m.size);
      }
      revocations.read(event, position);
      if (event.type === MEDIA_RECEIVED) {
        const { sha256, blobVersion } = holdingOf(event.data);
        if (blobVersion !== undefined)
          mediaVersions.set(sha256, (mediaVersions.get(sha256) ?? new Set()).add(blobVersion));
      }
      if (event.stream !== deps.checkpointStream && /^[0-9a-f]{64}$/.test(event.hash)) {
        range.push(hashes.leaf(Buffer.from(event.hash, 'hex')));
        compareAt(range.size);
      }
    }
    options.onProgress?.('events', Math.min(after, head), head);
  }
  for (const [size, list] of wanted) {
    if (size > range.size) {
      for (const { eventId } of list) {
        fault({
          code: 'checkpoint_beyond_log',
          detail: `a checkpoint of size ${size}; the log has ${range.size} leaves`,
          eventId,
        });
      }
    }
  }

  // the log may be intact while a read model is not: an event a projection could not apply is left out of its views
  for (const q of deps.quarantined ?? []) {
    fault({
      code: 'event_quarantined',
      detail: `projection ${q.projection} could not apply this ${q.type} (${q.reason}); its views do not reflect it`,
      position: q.position,
      stream: q.stream,
      eventId: q.eventId,
    });
  }
  revocations.report(fault);
  await checkStreamHeads(deps.events, heads, head, fault);
  const logged = new Set(checkpoints.map((c) => c.event.id));
  const missing = (deps.recordedCheckpoints ?? []).filter((c) => !logged.has(c.eventId));
  if (missing.length > 0) {
    fault({
      code: 'checkpoints_missing',
      detail: `${missing.length} checkpoint(s) the read models record as issued (sizes ${missing
        .slice(0, 5)
        .map((c) => c.size)
        .join(', ')}${missing.length > 5 ? ', …' : ''}) are not in the log's ${deps.checkpointStream} stream`,
      eventId: missing[0]!.eventId,
    });
  }
  const readModels = !deps.readModels
    ? undefined
    : unreadable > 0
      ? {
          checked: false,
          skipped: `the log holds ${unreadable} event(s) that cannot be read, which no projection can be rebuilt over`,
          position: deps.readModels.stored.position(),
          documents: 0,
        }
      : await checkReadModels(
          { events: deps.events, ...deps.readModels },
          fault,
          (done, total) => options.onProgress?.('read-models', done, total),
          faultCount === 0,
        );

  let mediaChecked = 0;
  let mediaFound = 0;
  let bytes = 0;
  if (options.media) {
    if (!deps.blobs) throw new Error('checking media needs the media store');
    // each recorded version is read (a medium uploaded where the store keeps no versions: what its name holds)
    const reads = [...media].flatMap(([sha256, size]) =>
      [...(mediaVersions.get(sha256) ?? [undefined])].map((version) => ({ sha256, size, version })),
    );
    for (const { sha256, size, version } of reads) {
      const got = await deps.blobs.get(sha256, undefined, version);
      const which = version === undefined ? `medium ${sha256}` : `medium ${sha256} (stored version ${version})`;
      if (!got) {
        fault({ code: 'media_missing', detail: `${which} is referenced but not stored` });
      } else {
        const hash = createHash('sha256');
        let length = 0;
        for await (const chunk of got.body as AsyncIterable<Buffer>) {
          hash.update(chunk);
          length += chunk.length;
        }
        const digest = hash.digest('hex');
        if (digest !== sha256 || length !== size) {
          fault({ code: 'media_mismatch', detail: `${which} holds ${length} bytes hashing to ${digest}` });
        }
        bytes += length;
        mediaFound += 1;
      }
      mediaChecked += 1;
      options.onProgress?.('media', mediaChecked, reads.length);
    }
  }

  return {
    events,
    streams: heads.size,
    tree: { size: range.size, rootHash: range.root().toString('base64') },
    checkpoints: {
      checked: checkpoints.length,
      ...(latest ? { latest: { size: latest.size, matches: latestMatches ?? false } } : {}),
    },
    media: { checked: mediaChecked, found: mediaFound, bytes },
    ...(readModels ? { readModels } : {}),
    faults,
    faultCount,
  };
}

/**
 * Each officer key's revocation (`OfficerKeyRevoked`) is recorded on the key's own stream, the same event by id and
 * hash (`OfficerKeyRevocationRecorded`, docs/integrity.md §6): else a bundle cannot show it was not left out.
 * A revocation without its record is `key_revocation_unrecorded` (the service records it at its next start: a
 * failure between the two appends, or a log written before they were recorded); a record of no such revocation,
 * or of another hash, is `key_revocation_record_mismatch`.
 */
class KeyRevocationTally {
  readonly #revoked = new Map<string, { hash: string; stream: string; position: Position; keyId: unknown }>();
  readonly #records: { eventId: unknown; hash: unknown; stream: string; position: Position; id: string }[] = [];

  read(event: EventEnvelope, position: Position): void {
    if (event.type === 'OfficerKeyRevoked') {
      const keyId = (event.data as { keyId?: unknown }).keyId;
      this.#revoked.set(event.id, { hash: event.hash, stream: event.stream, position, keyId });
    } else if (event.type === 'OfficerKeyRevocationRecorded') {
      const { eventId, hash } = event.data as { eventId?: unknown; hash?: unknown };
      this.#records.push({ eventId, hash, stream: event.stream, position, id: event.id });
    }
  }

  report(fault: (f: Fault) => void): void {
    const recorded = new Set<unknown>();
    for (const r of this.#records) {
      const revocation = typeof r.eventId === 'string' ? this.#revoked.get(r.eventId) : undefined;
      if (!revocation || revocation.hash !== r.hash) {
        fault({
          code: 'key_revocation_record_mismatch',
          detail: `the key stream records revocation ${String(r.eventId)}, which the log does not hold with that hash`,
          position: r.position,
          stream: r.stream,
          eventId: r.id,
        });
      } else {
        recorded.add(r.eventId);
      }
    }
    for (const [eventId, { stream, position, keyId }] of this.#revoked) {
      if (recorded.has(eventId)) continue;
      fault({
        code: 'key_revocation_unrecorded',
        detail: `the revocation of key ${String(keyId)} is not recorded on the key's own stream, so a bundle cannot show it was not left out; the service records it at its next start`,
        position,
        stream,
        eventId,
      });
    }
  }
}
