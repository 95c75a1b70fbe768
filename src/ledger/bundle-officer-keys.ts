import { createPublicKey, type KeyObject } from 'node:crypto';
import { decodeText, failed, parseJsonText } from './bundle-parse.js';
import { BUNDLE_FORMAT_V5, type BundleManifest } from './bundle.js';
import type { HeldEvent } from './bundle-checks.js';
import { keyIdOf, type PublicKeyResolver } from './ed25519.js';
import type { EventEnvelope } from './envelope.js';
import { keyRefusal } from './officer-key-validity.js';
import { agencyStream, parseAgencyStream } from './streams.js';
import { ChainVerifier, verifyEvent, type ActorKeyRefusal, type VerifyOptions } from './verify.js';

/** What the `officers/` files (docs/integrity.md §13.2) hold, by key id: whose key, which, and when it may sign. */
export interface OfficerKeyTrust {
  /**
   * The key events themselves, as the later checks read them (their inclusion proofs, checkOfficerKeysFirst): by
   * file name, with the key and the place in its folder (0 the registration, 1 the revocation).
   */
  readonly events: readonly (HeldEvent & { readonly keyId: string; readonly index: number })[];
  /**
   * v5: for each key registered in `officers/`, its own stream `officerkey-<agency>:<keyId>` and the events the
   * bundle holds of it (`officers/<keyId>/key/`, checked as a stream): the head proofs show it complete (step 11),
   * the inclusion proofs each event a leaf (step 10).
   */
  readonly keyStreams: readonly { readonly stream: string; readonly keyId: string; readonly held: HeldEvent[] }[];
  readonly resolve: PublicKeyResolver;
  readonly refusal: (keyId: string, event: EventEnvelope) => ActorKeyRefusal | undefined;
}

interface BundledKey {
  readonly key: KeyObject;
  readonly agency: string;
  readonly officerId: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly revoked?: { readonly revokedFrom: string };
  /** When the registration was recorded: an act recorded before it cannot have been checked against the key. */
  readonly registeredAt: string;
}

const invalid = (name: string, detail: string): never => failed('officer_key_invalid', `${name}: ${detail}`);

/** A file of `officers/<keyId>/key/` (v5): an event of the key's own stream, by revision. */
export interface KeyStreamFile {
  readonly name: string;
  readonly keyId: string;
  readonly revision: number;
  readonly bytes: Buffer;
}

/**
 * The bundle's events of the key's own stream (v5, docs/integrity.md §13.4 step 7a): from revision 0, each signed
 * by a trusted service key and linked to the one before (§8), an `OfficerKeyClaimed` or
 * `OfficerKeyRevocationRecorded` of the key; a revocation it records for the officer the key is registered to must
 * be the bundle's `officers/<keyId>/1.json`, the same event (id and hash) [`officer_key_invalid`]. Whether the
 * stream is whole at the checkpoint is step 11's.
 */
function keyStreamOf(
  keyId: string,
  officerId: string,
  files: readonly KeyStreamFile[],
  revocation: EventEnvelope | undefined,
  manifest: BundleManifest,
  options: VerifyOptions,
): { stream: string; keyId: string; held: HeldEvent[] } {
  const stream = agencyStream('officerkey', manifest.agency!, keyId);
  const chain = new ChainVerifier({ ...options, stream });
  const held: HeldEvent[] = [];
  let recorded: { name: string; eventId: unknown; hash: unknown } | undefined;
  const own = files.filter((f) => f.keyId === keyId).sort((a, b) => a.revision - b.revision);
  for (const { name, revision, bytes } of own) {
    const value = parseJsonText(decodeText(bytes, name, 'officer_key_invalid'), name, 'officer_key_invalid');
    const failure = chain.next(value);
    if (failure) invalid(name, `${failure.code}: ${failure.detail}`);
    const event = value as EventEnvelope;
    if (event.revision !== revision) invalid(name, `the file holds revision ${event.revision}`);
    if (event.type !== 'OfficerKeyClaimed' && event.type !== 'OfficerKeyRevocationRecorded') {
      invalid(name, `the event is ${event.type}, not an event of a key's stream`);
    }
    const data = event.data as { keyId?: unknown; officerId?: unknown; eventId?: unknown; hash?: unknown };
    if (data.keyId !== keyId) invalid(name, `the event is not of key ${keyId}`);
    if (event.type === 'OfficerKeyRevocationRecorded' && data.officerId === officerId) {
      recorded = { name, eventId: data.eventId, hash: data.hash };
    }
    held.push({ name, revision, id: event.id, hash: event.hash, type: event.type, media: [] });
  }
  if (recorded && (revocation?.id !== recorded.eventId || revocation?.hash !== recorded.hash)) {
    invalid(
      recorded.name,
      revocation
        ? `the key's stream records the revocation ${String(recorded.eventId)}, not the bundle's officers/${keyId}/1.json`
        : `the key's stream records its revocation ${String(recorded.eventId)}, which the bundle does not hold (officers/${keyId}/1.json)`,
    );
  }
  return { stream, keyId, held };
}

/** A file of `officers/` as a signed event of the manifest's agency: its hash and service signature verify. */
function readKeyEvent(
  name: string,
  bytes: Buffer,
  options: VerifyOptions,
  manifest: BundleManifest,
): { event: EventEnvelope; officerId: string } {
  const value = parseJsonText(decodeText(bytes, name, 'officer_key_invalid'), name, 'officer_key_invalid');
  const checked = verifyEvent(value, options);
  if (!checked.ok) invalid(name, `${checked.failure.code}: ${checked.failure.detail}`);
  const event = value as EventEnvelope;
  const stream = parseAgencyStream(event.stream);
  if (stream?.category !== 'officer' || stream.agency !== manifest.agency) {
    invalid(name, `the event is of ${event.stream}, not of an officer of agency ${manifest.agency}`);
  }
  return { event, officerId: stream!.id };
}

/**
 * Reads and checks the `officers/` files (docs/integrity.md §13.4, step 7a): each is an event signed by a trusted
 * service key (hash and signature as §8), of an officer stream of the bundle's agency; `<keyId>/0.json` is the
 * key's `OfficerKeyRegistered`, whose Ed25519 public key has that key id, and `<keyId>/1.json`, when present, its
 * `OfficerKeyRevoked` in the same stream [`officer_key_invalid`]. Returns the keys, and the rule that a key signs
 * only its officer's acts, of its days, recorded before its revocation.
 */
export function officerKeysOf(
  files: Iterable<{ readonly name: string; readonly keyId: string; readonly index: number; readonly bytes: Buffer }>,
  streamFiles: readonly KeyStreamFile[],
  manifest: BundleManifest,
  options: VerifyOptions,
): OfficerKeyTrust {
  const registered = new Map<string, { event: EventEnvelope; officerId: string; name: string }>();
  const revoked = new Map<string, { event: EventEnvelope; name: string }>();
  const events: (HeldEvent & { keyId: string; index: number })[] = [];
  for (const { name, keyId, index, bytes } of files) {
    const read = readKeyEvent(name, bytes, options, manifest);
    const { id, revision, hash, type } = read.event;
    events.push({ name, revision, id, hash, type, media: [], keyId, index });
    if ((read.event.data as { keyId?: unknown }).keyId !== keyId) invalid(name, `the event is not of key ${keyId}`);
    if (index === 0) registered.set(keyId, { ...read, name });
    else revoked.set(keyId, { event: read.event, name });
  }
  const keys = new Map<string, BundledKey>();
  for (const [keyId, { event, officerId, name }] of registered) {
    const data = event.data as Record<string, unknown>;
    if (event.type !== 'OfficerKeyRegistered') invalid(name, `the event is ${event.type}, not OfficerKeyRegistered`);
    let key: KeyObject | undefined;
    try {
      const der = Buffer.from(String(data.publicKey), 'base64');
      key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    } catch {
      key = undefined;
    }
    if (!key || key.asymmetricKeyType !== 'ed25519' || keyIdOf(key) !== keyId) {
      invalid(name, `publicKey is not the Ed25519 key ${keyId}`);
    }
    if (typeof data.validFrom !== 'string' || (data.validTo !== undefined && typeof data.validTo !== 'string')) {
      invalid(name, 'validFrom or validTo is not a date');
    }
    const revocation = revoked.get(keyId);
    if (revocation) {
      const r = revocation.event;
      if (r.type !== 'OfficerKeyRevoked' || r.stream !== event.stream || typeof r.data.revokedFrom !== 'string') {
        invalid(revocation.name, `the event is not an OfficerKeyRevoked of ${event.stream}`);
      }
    }
    const agency = manifest.agency!;
    keys.set(keyId, {
      key: key!,
      agency,
      officerId,
      validFrom: data.validFrom as string,
      registeredAt: event.recordedAt,
      ...(data.validTo === undefined ? {} : { validTo: data.validTo as string }),
      ...(revocation ? { revoked: { revokedFrom: revocation.event.data.revokedFrom as string } } : {}),
    });
  }
  for (const [keyId, { name }] of revoked) {
    if (!registered.has(keyId)) invalid(name, `the bundle holds no registration of key ${keyId}`);
  }
  for (const { name, keyId } of streamFiles) {
    if (!registered.has(keyId)) invalid(name, `the bundle holds no registration of key ${keyId}`);
  }
  const keyStreams =
    manifest.format === BUNDLE_FORMAT_V5
      ? [...registered].map(([keyId, { officerId }]) =>
          keyStreamOf(keyId, officerId, streamFiles, revoked.get(keyId)?.event, manifest, options),
        )
      : [];
  return {
    events,
    keyStreams,
    resolve: (keyId) => keys.get(keyId)?.key,
    refusal: (keyId, event) => {
      const key = keys.get(keyId)!;
      if (event.actor.sub !== key.officerId || event.actor.agency !== key.agency) {
        return { code: 'actor_key_unknown', detail: `officer key ${keyId} is not registered for ${event.actor.sub}` };
      }
      const refusal = keyRefusal(key, event.occurredAt.slice(0, 10), event.recordedAt);
      if (refusal === 'officer_key_not_registered') {
        const detail = `officer key ${keyId} was registered at ${key.registeredAt}, after the event was recorded`;
        return { code: 'actor_key_not_valid', detail };
      }
      if (refusal === 'officer_key_revoked') {
        const detail = `officer key ${keyId} is revoked from ${key.revoked!.revokedFrom}, before the event was recorded`;
        return { code: 'actor_key_revoked', detail };
      }
      if (refusal === 'officer_key_not_valid') {
        return { code: 'actor_key_not_valid', detail: `officer key ${keyId} is not valid on the day of the act` };
      }
      return undefined;
    },
  };
}
