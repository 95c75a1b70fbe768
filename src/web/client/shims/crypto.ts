import { Buffer } from 'buffer';
import { answer } from './ed25519-answers.js';
import { Sha256 } from './sha256.js';
import { Sm3 } from './sm3.js';

/**
 * `node:crypto` in the browser build of src/ledger (scripts/build.mjs aliases it here): what the ledger's checks use
 * of it, SHA-256 (sha256.ts) and SM3 (sm3.ts), public keys from PEM or DER, and Ed25519 verification by WebCrypto
 * (ed25519-answers.ts). SM2 signatures are checked by src/ledger/sm2.ts itself (bigint arithmetic over SM3), so the
 * page verifies bundles of both suites. Signing is the service's, never the browser's.
 */

/** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the 32 raw key bytes follow it. */
const ED25519_SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

type Encoding = 'hex' | 'base64' | 'buffer' | undefined;

function encode(bytes: Uint8Array, encoding: Encoding): Buffer | string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return encoding === undefined || encoding === 'buffer' ? buffer : buffer.toString(encoding);
}

const bytesOf = (data: Uint8Array | string) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

export function createHash(algorithm: string) {
  if (algorithm !== 'sha256' && algorithm !== 'sm3') throw new Error(`${algorithm} is not available in the browser`);
  const hash = algorithm === 'sha256' ? new Sha256() : new Sm3();
  const self = {
    update(data: Uint8Array | string) {
      hash.update(bytesOf(data));
      return self;
    },
    digest(encoding?: Encoding) {
      return encode(hash.digest(), encoding);
    },
  };
  return self;
}

/** HMAC is used only to sign in the SM2 suite (src/ledger/sm2.ts), which the browser never does. */
export function createHmac(algorithm: string): never {
  throw new Error(`HMAC-${algorithm} is not available in the browser`);
}

/** Node's one-shot `crypto.hash`. */
export function hash(algorithm: string, data: Uint8Array | string, encoding: Encoding = 'hex'): Buffer | string {
  return createHash(algorithm).update(data).digest(encoding);
}

/** A public key as the ledger reads it: its type, its SubjectPublicKeyInfo, and equality. */
export class KeyObject {
  readonly type = 'public';
  readonly asymmetricKeyType: 'ed25519' | undefined;
  readonly #spki: Uint8Array;

  constructor(spki: Uint8Array) {
    this.#spki = Uint8Array.from(spki);
    const ed25519 =
      spki.length === ED25519_SPKI_PREFIX.length + 32 && ED25519_SPKI_PREFIX.every((b, i) => spki[i] === b);
    this.asymmetricKeyType = ed25519 ? 'ed25519' : undefined;
  }

  /** The 32 raw bytes of an Ed25519 key. */
  get raw(): Uint8Array {
    return this.#spki.subarray(ED25519_SPKI_PREFIX.length);
  }

  export(options: { type: 'spki'; format: 'der' | 'pem' }): Buffer | string {
    const der = Buffer.from(this.#spki);
    if (options.format === 'der') return der;
    const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
    return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
  }

  equals(other: KeyObject): boolean {
    const a = this.export({ type: 'spki', format: 'der' }) as Buffer;
    return a.equals(other.export({ type: 'spki', format: 'der' }) as Buffer);
  }
}

const PEM = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/;

/**
 * A public key from a PEM `PUBLIC KEY` (SubjectPublicKeyInfo) block, or from the DER itself; throws when there is
 * none. A key of another algorithm is read with no `asymmetricKeyType`, which the ledger refuses as not Ed25519.
 */
export function createPublicKey(
  input: string | Uint8Array | KeyObject | { key: string | Uint8Array; format?: 'pem' | 'der' },
): KeyObject {
  if (input instanceof KeyObject) return input;
  const key = typeof input === 'string' || input instanceof Uint8Array ? input : input.key;
  if (key instanceof Uint8Array) return new KeyObject(key);
  const body = PEM.exec(key)?.[1];
  if (body === undefined) throw new TypeError('no PEM public key');
  const der = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (der.length === 0 || der[0] !== 0x30) throw new TypeError('not a SubjectPublicKeyInfo');
  return new KeyObject(der);
}

/** Ed25519 verification (Node's `verify(null, …)`), answered by WebCrypto. */
export function verify(
  algorithm: null | undefined,
  message: Uint8Array,
  key: KeyObject,
  signature: Uint8Array,
): boolean {
  if (algorithm != null || key.asymmetricKeyType !== 'ed25519') throw new TypeError('only Ed25519 is verified here');
  return answer(key.raw, message, signature);
}

export function sign(): never {
  throw new Error('the browser verifies; it never signs');
}
