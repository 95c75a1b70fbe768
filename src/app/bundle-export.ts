import type { KeyObject } from 'node:crypto';
import {
  accessStreamOf,
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_V5,
  caseStreamOf,
  CHECKPOINT,
  CONSISTENCY,
  HEADS,
  MANIFEST,
  manifestBytes,
  revisionName,
  signManifest,
  TIMELINESS,
  type BundleManifest,
  type ManifestFile,
} from '../ledger/bundle.js';
import { keyResolver, type PublicKeyResolver, type Signer } from '../ledger/ed25519.js';
import { officerStream } from '../domain/registry/officers.js';
import { officerKeyClaimStream } from '../domain/registry/officer-key-claims.js';
import { SUITES, suiteOfKey } from '../ledger/suite.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import { sha256Hex } from '../ledger/hash.js';
import { offsetText } from '../ledger/timeliness.js';
import { timestampedMessage } from '../ledger/timestamp-request.js';
import { tarSize, writeTar, type TarEntry } from '../ledger/tar.js';
import { LedgerError } from '../errors.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { Clock } from '../ports/clock.js';
import { readHolding } from './media-holdings.js';
import type { EventStore } from '../ports/event-store.js';
import type { HeadProof } from '../ledger/heads-map.js';
import { checkStoredEvents } from './stored-events.js';
import {
  ProofUnavailable,
  type ConsistencyProof,
  type InclusionProof,
  type SignedCheckpoint,
} from './transparency-log.js';
import type { WitnessTimes } from './witness-times.js';

/** What the exporter needs of the transparency log. */
export interface BundleLog {
  current(): Promise<SignedCheckpoint>;
  /** The smallest time-stamped checkpoint above leaf `leafIndex`, at most `maxSize` (docs/integrity.md §15.5). */
  stampedCovering?(leafIndex: number, maxSize: number): SignedCheckpoint | undefined;
  inclusion(eventId: string, treeSize?: number): InclusionProof;
  consistency(from: number, to: number): ConsistencyProof;
  head(stream: string, treeSize?: number): HeadProof;
}

export interface BundleExportDependencies {
  readonly events: EventStore;
  readonly blobs: BlobStore;
  readonly log: BundleLog;
  /** The event-signing public keys, current and retired: all go into `keys/`. */
  readonly keys: () => readonly { readonly publicKey: KeyObject }[];
  /** Signs the manifest (the event key). */
  readonly signer: Signer;
  readonly clock: Clock;
  /** The checkpoint's note with the witnesses' cosignatures (waiting for them, bounded); default: the note. */
  readonly cosigned?: (checkpoint: SignedCheckpoint) => Promise<string>;
  /** Minutes east of UTC of an agency's time: where its disclosure deadlines end (`timeliness.json`). */
  readonly utcOffsetOf?: (agency: string) => number;
  /** The configured witnesses' first cosigned checkpoints covering an event (docs/integrity.md §15.5). */
  readonly witnessTimes?: Pick<WitnessTimes, 'covering'>;
}

/** A bundle ready to stream: its manifest, its exact size in bytes and its bytes, produced as they are read. */
export interface PreparedBundle {
  readonly manifest: BundleManifest;
  readonly size: number;
  readonly body: AsyncIterable<Uint8Array>;
}

/** A medium an event references is not in the blob store (or not as the event describes it). */
export class MediumUnavailable extends LedgerError {
  readonly code = 'media_unavailable';
  readonly status = 500;
}

/**
 * Builds evidence bundles (docs/integrity.md §13). Everything but the media is small and is prepared in memory first:
 * the events, access records, inclusion proofs, keys and checkpoint, each with its SHA-256. Media are
 * content-addressed, so their SHA-256 and size are known without reading them. The manifest, which lists every
 * file's size and SHA-256, can therefore be signed and written first, and the media streamed last straight from the
 * blob store, one at a time, with backpressure.
 */
export class BundleExporter {
  constructor(private readonly deps: BundleExportDependencies) {}

  /**
   * Prepares the bundle of a case, or undefined when the case has no events. The checkpoint is signed after the
   * streams are read, so it covers every event the bundle holds. With `trustedSize`, the bundle carries the
   * consistency proof from that tree size to the checkpoint's (`ProofUnavailable` when it is not in 1..size).
   */
  async prepare(
    agency: string,
    caseId: string,
    options: { trustedSize?: number } = {},
  ): Promise<PreparedBundle | undefined> {
    const { events, log } = this.deps;
    const bundleCase = { agency, caseId };
    const caseEvents = (await events.readStream(caseStreamOf(bundleCase))).map((r) => r.event);
    if (caseEvents.length === 0) return undefined;
    const accessEvents = (await events.readStream(accessStreamOf(bundleCase))).map((r) => r.event);
    const checkpoint = await log.current();
    // the checkpoint covers every event read, and perhaps some appended since: the bundle holds each stream up to
    // its head at the checkpoint's size, so that the head proofs show it complete
    const heads = [caseStreamOf(bundleCase), accessStreamOf(bundleCase)].map((s) => log.head(s, checkpoint.size));
    await this.#readUpTo(caseStreamOf(bundleCase), caseEvents, heads[0]!);
    await this.#readUpTo(accessStreamOf(bundleCase), accessEvents, heads[1]!);
    // Nothing altered leaves the service in a bundle: every event is re-hashed, linked and its signature checked.
    const keys = keyResolver(this.deps.keys().map((k) => k.publicKey));
    checkStoredEvents(caseStreamOf(bundleCase), caseEvents, { after: null, keys });
    checkStoredEvents(accessStreamOf(bundleCase), accessEvents, { after: null, keys });
    const createdAt = this.deps.clock.now().toISOString();
    const mtime = Math.floor(Date.parse(createdAt) / 1000);

    const small: { name: string; bytes: Buffer }[] = [];
    const add = (name: string, bytes: Buffer | string) =>
      small.push({ name, bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes });
    const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

    add(CHECKPOINT, this.deps.cosigned ? await this.deps.cosigned(checkpoint) : checkpoint.note);
    const seenKeys = new Set<string>();
    for (const { publicKey } of this.deps.keys()) {
      const keyId = (suiteOfKey(publicKey) ?? SUITES.ed25519).keyIdOf(publicKey);
      if (seenKeys.has(keyId)) continue;
      seenKeys.add(keyId);
      add(`keys/${keyId}.pem`, publicKey.export({ type: 'spki', format: 'pem' }).toString());
    }
    const officerKeyEvents = await this.#officerKeyEvents(agency, caseEvents, keys, checkpoint);
    for (const { keyId, events: keyEvents, stream } of officerKeyEvents) {
      keyEvents.forEach((e, i) => add(`officers/${keyId}/${i}.json`, json(e)));
      for (const e of stream.events) add(`officers/${keyId}/key/${revisionName(e.revision)}.json`, json(e));
      heads.push(stream.head);
    }
    for (const e of caseEvents) add(`events/${revisionName(e.revision)}.json`, json(e));
    for (const e of accessEvents) add(`access/${revisionName(e.revision)}.json`, json(e));
    const leafIndexes = new Map<string, number>();
    for (const e of [...caseEvents, ...accessEvents]) {
      const proof = this.#proof(e, checkpoint);
      leafIndexes.set(e.id, proof.leafIndex);
      add(`proofs/${e.id}.json`, json(proof));
    }
    // the key events are leaves of the log too: the verifier checks each registration is an earlier leaf than the
    // acts signed with its key
    for (const { events: keyEvents, stream } of officerKeyEvents) {
      for (const e of [...keyEvents, ...stream.events]) add(`proofs/${e.id}.json`, json(this.#proof(e, checkpoint)));
    }
    add(HEADS, json(heads));
    if (options.trustedSize !== undefined) {
      if (options.trustedSize > checkpoint.size) {
        throw new ProofUnavailable(
          'tree_size_invalid',
          `trustedSize ${options.trustedSize} is beyond this log's checkpoint of ${checkpoint.size} entries: a checkpoint of this log cannot be larger`,
        );
      }
      add(CONSISTENCY, json(log.consistency(options.trustedSize, checkpoint.size)));
    }
    this.#timestamps(agency, caseEvents, leafIndexes, checkpoint, add, json);

    const media = await this.#media(caseEvents);
    const files: ManifestFile[] = [
      ...small.map(({ name, bytes }) => ({ name, size: bytes.length, sha256: sha256Hex(bytes) })),
      ...media.map((m) => ({ name: `media/${m.sha256}`, size: m.size, sha256: m.sha256 })),
    ];
    const manifest = signManifest(
      {
        format: officerKeyEvents.length > 0 ? BUNDLE_FORMAT_V5 : BUNDLE_FORMAT,
        agency,
        caseId,
        createdAt,
        checkpoint: { origin: checkpoint.origin, size: checkpoint.size, rootHash: checkpoint.rootHash },
        files,
        streams: [
          { stream: caseStreamOf(bundleCase), revision: caseEvents.at(-1)!.revision },
          { stream: accessStreamOf(bundleCase), revision: accessEvents.at(-1)?.revision ?? -1 },
        ],
      },
      this.deps.signer,
    );
    const head = manifestBytes(manifest);
    const entries: TarEntry[] = [
      { name: MANIFEST, size: head.length, body: head, mtime },
      ...small.map(({ name, bytes }) => ({ name, size: bytes.length, body: bytes, mtime })),
      ...media.map(({ sha256, size, version }) => ({
        name: `media/${sha256}`,
        size,
        body: () => this.#open(sha256, version),
        mtime,
      })),
    ];
    return { manifest, size: tarSize(entries.map((e) => e.size)), body: writeTar(entries) };
  }

  /**
   * For each officer key that signed an event of the case (`actorSig`), in key id order: its `OfficerKeyRegistered`
   * and any `OfficerKeyRevoked` that is a leaf of the checkpoint's tree (a revocation logged after it is not part of
   * the log the bundle shows), read from the signing officer's stream, which is checked as read back first; and the
   * key's own stream (`officerkey-<agency>:<keyId>`) through its head at the checkpoint's size, with that head's
   * proof, which shows whether the key was revoked there.
   */
  async #officerKeyEvents(
    agency: string,
    caseEvents: readonly EventEnvelope[],
    keys: PublicKeyResolver,
    checkpoint: SignedCheckpoint,
  ): Promise<{ keyId: string; events: EventEnvelope[]; stream: { events: EventEnvelope[]; head: HeadProof } }[]> {
    const signers = new Map<string, string>();
    for (const e of caseEvents) if (e.actorSig) signers.set(e.actorSig.keyId, e.actor.sub);
    const found: { keyId: string; events: EventEnvelope[]; stream: { events: EventEnvelope[]; head: HeadProof } }[] =
      [];
    for (const keyId of [...signers.keys()].sort()) {
      const stream = officerStream(agency, signers.get(keyId)!);
      const officerEvents = (await this.deps.events.readStream(stream)).map((r) => r.event);
      checkStoredEvents(stream, officerEvents, { after: null, keys });
      const ofKey = (type: string) =>
        officerEvents.find((e) => e.type === type && (e.data as { keyId?: string }).keyId === keyId);
      const registered = ofKey('OfficerKeyRegistered');
      const revoked = ofKey('OfficerKeyRevoked');
      // an act is signed only with a key the acting officer holds (src/app/signed-acts.ts)
      if (!registered) continue;
      const shown = revoked && this.#leafBelow(revoked, checkpoint.size) ? [registered, revoked] : [registered];
      found.push({ keyId, events: shown, stream: await this.#keyStream(agency, keyId, keys, checkpoint) });
    }
    return found;
  }

  /** The key's own stream through its head at the checkpoint's size, checked as read back, and that head's proof. */
  async #keyStream(
    agency: string,
    keyId: string,
    keys: PublicKeyResolver,
    checkpoint: SignedCheckpoint,
  ): Promise<{ events: EventEnvelope[]; head: HeadProof }> {
    const stream = officerKeyClaimStream(agency, keyId);
    const head = this.deps.log.head(stream, checkpoint.size);
    const through = head.revision ?? -1;
    if (through < 0) return { events: [], head };
    const events = (await this.deps.events.readStream(stream, { limit: through + 1 })).map((r) => r.event);
    checkStoredEvents(stream, events, { after: null, keys });
    return { events, head };
  }

  /** Whether `event` is a leaf of the tree of `size` leaves. */
  #leafBelow(event: EventEnvelope, size: number): boolean {
    try {
      return this.deps.log.inclusion(event.id, size).leafIndex < size;
    } catch (err) {
      if (err instanceof ProofUnavailable) return false;
      throw err;
    }
  }

  /** Appends to `held` the events of `stream` after it, up to the revision its head proof names. */

  async #readUpTo(stream: string, held: EventEnvelope[], head: HeadProof): Promise<void> {
    const last = held.at(-1)?.revision ?? -1;
    const through = head.revision ?? -1;
    if (through <= last) return;
    const more = await this.deps.events.readStream(stream, { fromRevision: last + 1, limit: through - last });
    held.push(...more.map((r) => r.event));
  }

  /**
   * The time-stamped and cosigned checkpoints (docs/integrity.md §15): the bundle's own when it has tokens, and for
   * each disclosure of the case the smallest stamped checkpoint covering it and each witness's first cosigned one
   * covering it (as `witnessTimes` finds them), each with its cosignatures and the consistency proof to the bundle's;
   * and `timeliness.json`, the agency's UTC offset, when the case has a disclosure.
   */
  #timestamps(
    agency: string,
    caseEvents: readonly EventEnvelope[],
    leafIndexes: ReadonlyMap<string, number>,
    checkpoint: SignedCheckpoint,
    add: (name: string, bytes: Buffer | string) => void,
    json: (value: unknown) => string,
  ): void {
    const { log, utcOffsetOf, witnessTimes } = this.deps;
    const stamped = new Map<number, SignedCheckpoint>();
    if ((checkpoint.timestamps ?? []).length > 0) stamped.set(checkpoint.size, checkpoint);
    const disclosures = caseEvents.filter((e) => e.type === 'DecisionDisclosed');
    for (const e of disclosures) {
      const leaf = leafIndexes.get(e.id)!;
      const covering = log.stampedCovering?.(leaf, checkpoint.size);
      if (covering && covering.size > 0) stamped.set(covering.size, covering);
      for (const { checkpoint: cosigned } of witnessTimes?.covering(leaf, checkpoint.size) ?? []) {
        if (!stamped.has(cosigned.size)) stamped.set(cosigned.size, cosigned);
      }
    }
    for (const cp of [...stamped.values()].sort((a, b) => a.size - b.size)) {
      // the note the log signed, with the witnesses' cosignatures (which a time-stamp's message leaves out, §15.1)
      const cosigned = cp.cosignedNote ?? cp.note;
      add(
        `timestamps/${cp.size}/checkpoint.txt`,
        cosigned === cp.note ? timestampedMessage(cp.note, cp.origin) : cosigned,
      );
      cp.timestamps.forEach((t, i) => add(`timestamps/${cp.size}/${i}.tst`, Buffer.from(t.token, 'base64')));
      if (cp.size < checkpoint.size) {
        add(`timestamps/${cp.size}/consistency.json`, json(log.consistency(cp.size, checkpoint.size)));
      }
    }
    if (disclosures.length > 0 && utcOffsetOf) add(TIMELINESS, json({ utcOffset: offsetText(utcOffsetOf(agency)) }));
  }

  #proof(event: EventEnvelope, checkpoint: SignedCheckpoint): InclusionProof {
    const { eventId, leafIndex, treeSize, leafHash, proof } = this.deps.log.inclusion(event.id, checkpoint.size);
    return { eventId, leafIndex, treeSize, leafHash, proof };
  }

  /**
   * The distinct media the events reference, in order of first reference, each checked against the store at the
   * version the case's agency recorded when it received the medium (the current object when none was recorded).
   */
  async #media(events: readonly EventEnvelope[]): Promise<{ sha256: string; size: number; version?: string }[]> {
    const refs = new Map<string, number>();
    for (const e of events) for (const m of e.media) if (!refs.has(m.sha256)) refs.set(m.sha256, m.size);
    const agency = events[0]?.actor.agency;
    const out: { sha256: string; size: number; version?: string }[] = [];
    for (const [sha256, size] of refs) {
      const version =
        agency === undefined ? undefined : (await readHolding(this.deps.events, agency, sha256))?.blobVersion;
      const info = await this.deps.blobs.head(sha256, version);
      if (!info || info.size !== size) {
        throw new MediumUnavailable(`the medium ${sha256} the case references is not stored as recorded`, { sha256 });
      }
      out.push({ sha256, size, ...(version === undefined ? {} : { version }) });
    }
    return out;
  }

  async #open(sha256: string, version: string | undefined): Promise<AsyncIterable<Uint8Array>> {
    const got = await this.deps.blobs.get(sha256, undefined, version);
    if (!got) throw new MediumUnavailable(`the medium ${sha256} disappeared while the bundle was written`);
    return got.body as AsyncIterable<Uint8Array>;
  }
}
