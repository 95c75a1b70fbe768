import { createPublicKey, type KeyObject } from 'node:crypto';
import type { BundleFileKind, BundleManifest } from './bundle.js';
import { isProofFor, tryParse } from './bundle-parse.js';
import { proofChecker, type ProofCheck } from './bundle-proofs.js';
import { CanonicalizationError } from './canonical-json.js';
import { keyResolver, type PublicKeyResolver } from './ed25519.js';
import { computeEventHash, eventSigningInput, type EventEnvelope } from './envelope.js';
import { utf8Text } from './utf8.js';
import { checkSignature, type SignatureCheck, type SignatureChecker } from './signature-checker.js';
import { SUITES, suiteOfKey, type CryptoSuite, type SignatureAlgorithm } from './suite.js';
import { envelopeShapeDefect, type WorkedOut } from './verify.js';

/** Signatures handed to the checker at a time: fewer of SM2's, each of which costs some 60 of Ed25519's. */
const SIGNATURE_BATCH: Readonly<Record<SignatureAlgorithm, number>> = { Ed25519: 256, 'SM2-SM3': 16 };

/** A signature to check, with the event it is of and its key. */
interface Pending {
  readonly event: object;
  readonly key: KeyObject;
  readonly check: SignatureCheck;
}

interface Handed {
  readonly batch: readonly Pending[];
  answered: boolean;
}

/**
 * The work a verifier does ahead, as the files stream in (see {@link BundleVerifyOptions.signatureChecker}): parsed
 * event and proof files, recomputed event hashes, signature verdicts and inclusion verdicts, each kept with what it
 * was worked out from. It never decides anything: `finish` checks in its own order and takes a result only where
 * its inputs are the same objects, bytes and tree. Files that come before what they need (an event before the key
 * that signs it, a proof before its event) are simply left to `finish`.
 */
export class LookAhead implements WorkedOut {
  /** Event file name → its JSON, for the files that parsed. */
  readonly parsed = new Map<string, unknown>();
  readonly size: number;
  readonly root: Buffer;
  readonly included: ProofCheck;
  /** Inclusion verdicts by proof file, with the event hash they were worked out for and the file's leaf index. */
  readonly proofs = new Map<string, { eventHash: string; leafIndex: number; included: boolean }>();
  readonly #hashes = new WeakMap<object, string | CanonicalizationError>();
  readonly #signatures = new WeakMap<object, { key: KeyObject; valid: boolean }>();
  /** Event id → event hash, of the events parsed so far. */
  readonly #eventHashes = new Map<string, string>();
  /** The keys a signature is checked with: the given ones, else the bundle's keys as they arrive. */
  readonly #given: PublicKeyResolver | undefined;
  readonly #bundled = new Map<string, KeyObject>();
  #batch: Pending[] = [];
  /** The batches handed to the checker, in order; `answered` once it answered or they were checked here. */
  readonly #handed: Handed[] = [];
  #unanswered = 0;

  constructor(
    private readonly checker: SignatureChecker,
    trustedKeys: readonly KeyObject[] | undefined,
    checkpoint: BundleManifest['checkpoint'],
    /** The bundle's suite: its events' signatures and its tree. */
    private readonly suite: CryptoSuite = SUITES.ed25519,
  ) {
    this.size = checkpoint.size;
    this.root = Buffer.from(checkpoint.rootHash, 'base64');
    this.included = proofChecker(this.size, this.root, suite.tree);
    if (trustedKeys) {
      try {
        this.#given = keyResolver(trustedKeys);
      } catch {
        this.#given = () => undefined; // finish says what is wrong with the keys
      }
    }
  }

  hash(event: EventEnvelope): string | CanonicalizationError | undefined {
    return this.#hashes.get(event);
  }

  signature(event: EventEnvelope, key: KeyObject): boolean | undefined {
    const known = this.#signatures.get(event);
    return known && (known.key === key || known.key.equals(key)) ? known.valid : undefined;
  }

  /** A held file has been read (and found as the manifest lists it). */
  read(name: string, kind: BundleFileKind, bytes: Buffer): void {
    if (kind.kind === 'key' && !this.#given) this.#key(kind.keyId, bytes);
    else if (kind.kind === 'event' || kind.kind === 'access') this.#event(name, bytes);
    else if (kind.kind === 'proof') this.#proof(name, kind.eventId, bytes);
  }

  /**
   * Once the bundle is read: rather than wait for the checker, checks the unanswered batches here too, the last
   * handed over first (the checker works from the first), and lets the answers in between batches. At most the
   * batches being checked there when their turn comes here are checked twice, with the same verdicts.
   */
  async settled(): Promise<void> {
    this.#flush(true);
    for (let i = this.#handed.length - 1; i >= 0; i--) {
      const handed = this.#handed[i]!;
      if (handed.answered) continue;
      this.#checkHere(handed.batch);
      handed.answered = true;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  #key(keyId: string, bytes: Buffer): void {
    try {
      const key = createPublicKey({ key: utf8Text(bytes) ?? '', format: 'pem' });
      if (suiteOfKey(key)?.keyIdOf(key) === keyId) this.#bundled.set(keyId, key);
    } catch {
      // finish reports it
    }
  }

  #event(name: string, bytes: Buffer): void {
    const value = tryParse(bytes);
    if (value === undefined) return;
    this.parsed.set(name, value);
    if (envelopeShapeDefect(value)) return;
    const event = value as EventEnvelope;
    let hash: string | CanonicalizationError;
    try {
      hash = computeEventHash(event);
    } catch (err) {
      if (!(err instanceof CanonicalizationError)) return;
      hash = err;
    }
    this.#hashes.set(event, hash);
    const alg = this.suite.sigAlg;
    if (hash !== event.hash || event.sig.alg !== alg) return;
    this.#eventHashes.set(event.id, event.hash);
    const key = this.#given ? this.#given(event.sig.keyId) : this.#bundled.get(event.sig.keyId);
    if (!key) return;
    const signature = Buffer.from(event.sig.value, 'base64');
    if (alg === 'Ed25519' && signature.length !== 64) {
      this.#signatures.set(event, { key, valid: false });
      return;
    }
    const message = eventSigningInput(event.hash);
    this.#batch.push({ event, key, check: { publicKey: key, message, signature, alg } });
    if (this.#batch.length >= SIGNATURE_BATCH[alg]) this.#flush();
  }

  #proof(name: string, eventId: string, bytes: Buffer): void {
    const eventHash = this.#eventHashes.get(eventId);
    if (eventHash === undefined) return;
    const p = tryParse(bytes);
    if (!isProofFor(p, eventId) || p.treeSize !== this.size) return;
    const leaf = this.suite.tree.leafOfHex(eventHash);
    if (p.leafHash !== leaf) return;
    const included = this.included(leaf, p.leafIndex as number, p.proof as unknown[]);
    this.proofs.set(name, { eventHash, leafIndex: p.leafIndex as number, included });
  }

  /**
   * Hands the batch to the checker, or checks it here while the checker has as many batches as it can take (or,
   * with `last`, if it has any: the last batch is checked here rather than waited for).
   */
  #flush(last = false): void {
    if (this.#batch.length === 0) return;
    const batch = this.#batch;
    this.#batch = [];
    if (this.#unanswered >= (last ? 1 : (this.checker.capacity ?? Infinity))) {
      this.#checkHere(batch);
      return;
    }
    const handed: Handed = { batch, answered: false };
    this.#handed.push(handed);
    this.#unanswered += 1;
    const answered = () => {
      if (!handed.answered) this.#unanswered -= 1;
      handed.answered = true;
    };
    let asked: Promise<readonly (boolean | undefined)[]>;
    try {
      asked = this.checker.check(batch.map((b) => b.check));
    } catch (err) {
      asked = Promise.reject(err as Error);
    }
    asked.then(
      (valid) => {
        batch.forEach((b, i) => {
          const v = valid?.[i];
          if (typeof v === 'boolean') this.#signatures.set(b.event, { key: b.key, valid: v });
        });
        answered();
      },
      answered, // not checked there: finish checks these signatures itself
    );
  }

  #checkHere(batch: readonly Pending[]): void {
    for (const { event, key, check } of batch) {
      try {
        this.#signatures.set(event, { key, valid: checkSignature(check) });
      } catch {
        // finish checks it again, and meets the same error
      }
    }
  }
}
