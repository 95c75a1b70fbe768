import { createHmac, createPublicKey, type KeyObject } from 'node:crypto';
import { A, B, G, GX, GY, invert, isOnCurve, mod, multiplyBase, multiplyTwo, N, type Point } from './sm2-curve.js';
import { sm3, sm3Hex } from './sm3.js';

/**
 * SM2 digital signatures (GB/T 32918.2-2016, GM/T 0003.2-2012) with SM3, written out here because Node's OpenSSL
 * binding cannot set the distinguishing identifier: `crypto.sign('sm3', data, sm2Key)` computes plain ECDSA over the
 * SM2 curve, which no SM2 verifier accepts (checked against sm-crypto in test/unit/sm2.test.ts).
 *
 * - Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA), ENTL the bit length of ID in two big-endian bytes, every field
 *   element in 32 big-endian bytes; ID is the default distinguishing identifier "1234567812345678" (GM/T 0009-2012).
 * - e = SM3(Z ‖ M); r = (e + x1) mod n with (x1, y1) = k·G; s = (1 + d)⁻¹ · (k − r·d) mod n.
 * - The signature is DER `SEQUENCE { INTEGER r, INTEGER s }` (GM/T 0009-2012 §7), as OpenSSL and GmSSL write it.
 * - k is derived deterministically from d and e as in RFC 6979 §3.2 with HMAC-SM3, so signing needs no randomness.
 *
 * Keys are Node KeyObjects on the curve SM2 (OID 1.2.156.10197.1.301). Node names their type `ec` when it generated
 * them but no type at all once read back from PEM or DER (OpenSSL loads them as SM2 keys, which Node does not know),
 * and exporting such a key as SEC 1 aborts the process: keys are therefore recognised and read here only through
 * their SubjectPublicKeyInfo and PKCS#8 DER, which Node exports for both.
 */
export const DEFAULT_USER_ID = '1234567812345678';

/** The DER of an SM2 SubjectPublicKeyInfo up to its 65-byte uncompressed point (id-ecPublicKey, curve SM2). */
const SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');
/** The DER of an SM2 PKCS#8 private key up to its 32-byte scalar (an SEC 1 ECPrivateKey inside). */
const PKCS8_PREFIX = Buffer.from('308187020100301306072a8648ce3d020106082a811ccf5501822d046d306b0201010420', 'hex');

const bytes32 = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');
const toBigInt = (b: Uint8Array) => (b.length === 0 ? 0n : BigInt(`0x${Buffer.from(b).toString('hex')}`));

function sm2Spki(key: KeyObject): Buffer | undefined {
  if (key.asymmetricKeyType !== undefined && key.asymmetricKeyType !== 'ec') return undefined;
  if (key.type !== 'public' && key.type !== 'private') return undefined;
  const spki = (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });
  const sm2 = spki.length === SPKI_PREFIX.length + 65 && spki.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX);
  return sm2 ? spki : undefined;
}

/** True for a public or private key on the SM2 curve. Never throws. */
export function isSm2Key(key: KeyObject): boolean {
  try {
    return sm2Spki(key) !== undefined;
  } catch {
    return false;
  }
}

/** The public point of an SM2 key (public or private). Throws TypeError for another kind of key. */
export function sm2PublicPoint(key: KeyObject): { x: bigint; y: bigint } {
  const spki = sm2Spki(key);
  if (!spki) throw new TypeError('an SM2 key is required');
  const point = { x: toBigInt(spki.subarray(27, 59)), y: toBigInt(spki.subarray(59, 91)) };
  if (!isOnCurve(point)) throw new TypeError('the SM2 public key is not on the curve');
  return point;
}

/**
 * The SM2 public key of a 65-byte uncompressed point (0x04 || x || y), or undefined when the bytes are not a point
 * of the curve. Never throws.
 */
export function sm2PublicKeyFromPoint(point: Uint8Array): KeyObject | undefined {
  if (point.length !== 65 || point[0] !== 0x04) return undefined;
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, point]), format: 'der', type: 'spki' });
    sm2PublicPoint(key);
    return key;
  } catch {
    return undefined;
  }
}

function privateScalar(key: KeyObject): bigint {
  if (key.type !== 'private' || !isSm2Key(key)) throw new TypeError('an SM2 private key is required');
  const der = key.export({ type: 'pkcs8', format: 'der' });
  if (!der.subarray(0, PKCS8_PREFIX.length).equals(PKCS8_PREFIX)) throw new TypeError('unexpected SM2 private key');
  return toBigInt(der.subarray(PKCS8_PREFIX.length, PKCS8_PREFIX.length + 32));
}

/** Z_A of GB/T 32918.2 §5.5 for a public point and a distinguishing identifier (default: the standard's). */
export function sm2Z(point: { x: bigint; y: bigint }, userId: string = DEFAULT_USER_ID): Buffer {
  const id = Buffer.from(userId, 'utf8');
  if (id.length * 8 > 0xffff) throw new RangeError('the distinguishing identifier is too long');
  const entl = Buffer.from([(id.length * 8) >> 8, (id.length * 8) & 0xff]);
  return sm3(Buffer.concat([entl, id, ...[A, B, GX, GY, point.x, point.y].map(bytes32)]));
}

/** The SM2 suite's key id: "sm2-" and the lowercase hex SM3 of the key's SubjectPublicKeyInfo DER. */
export function sm2KeyIdOf(publicKey: KeyObject): string {
  return `sm2-${sm3Hex(publicKey.export({ type: 'spki', format: 'der' }))}`;
}

/** e of GB/T 32918.2 §6.1: SM3(Z ‖ M) as an integer. */
export function sm2Digest(point: { x: bigint; y: bigint }, message: Uint8Array, userId: string): bigint {
  return toBigInt(sm3(Buffer.concat([sm2Z(point, userId), message])));
}

/** RFC 6979 §3.2 nonces with HMAC-SM3 (qlen = hlen = 256), in order, for the caller to try until one fits. */
function* nonces(d: bigint, e: bigint): Generator<bigint> {
  const hmac = (key: Buffer, ...parts: Buffer[]) => createHmac('sm3', key).update(Buffer.concat(parts)).digest();
  const seed = Buffer.concat([bytes32(d), bytes32(mod(e, N))]);
  let v = Buffer.alloc(32, 1);
  let k = Buffer.alloc(32, 0);
  k = hmac(k, v, Buffer.from([0]), seed);
  v = hmac(k, v);
  k = hmac(k, v, Buffer.from([1]), seed);
  v = hmac(k, v);
  for (;;) {
    v = hmac(k, v);
    const candidate = toBigInt(v);
    if (candidate >= 1n && candidate < N) yield candidate;
    k = hmac(k, v, Buffer.from([0]));
    v = hmac(k, v);
  }
}

/** Signs `message` with an SM2 private key: the DER signature. */
export function signSm2(privateKey: KeyObject, message: Uint8Array, userId: string = DEFAULT_USER_ID): Buffer {
  const d = privateScalar(privateKey);
  const e = sm2Digest(sm2PublicPoint(privateKey), message, userId);
  for (const k of nonces(d, e)) {
    const signature = signDigest(d, e, k);
    if (signature) return encodeSignature(signature.r, signature.s);
  }
  throw new Error('unreachable');
}

/** GB/T 32918.2 §6.1 steps A3–A6 with the nonce k: (r, s), or undefined when k must be replaced. */
export function signDigest(d: bigint, e: bigint, k: bigint): { r: bigint; s: bigint } | undefined {
  const x1 = multiplyBase(k)!.x;
  const r = mod(e + x1, N);
  if (r === 0n || r + k === N) return undefined;
  const s = mod(invert(1n + d, N) * (k - r * d), N);
  return s === 0n ? undefined : { r, s };
}

/** Checks an SM2 DER signature over `message`. Never throws on the signature or the message. */
export function verifySm2(
  publicKey: KeyObject,
  message: Uint8Array,
  signature: Uint8Array,
  userId: string = DEFAULT_USER_ID,
): boolean {
  const parsed = decodeSignature(signature);
  if (!parsed) return false;
  const { r, s } = parsed;
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const t = mod(r + s, N);
  if (t === 0n) return false;
  const point: Point = sm2PublicPoint(publicKey);
  const sum = multiplyTwo(s, G, t, point);
  if (sum === null) return false;
  return mod(sm2Digest(point, message, userId) + sum.x, N) === r;
}

function derInteger(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  const body = Buffer.from(hex, 'hex');
  return Buffer.concat([Buffer.from([0x02, body.length]), body]);
}

export function encodeSignature(r: bigint, s: bigint): Buffer {
  const body = Buffer.concat([derInteger(r), derInteger(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

/** Strict DER of two positive INTEGERs of at most 33 bytes each, or undefined. */
export function decodeSignature(der: Uint8Array): { r: bigint; s: bigint } | undefined {
  const b = Buffer.from(der.buffer, der.byteOffset, der.byteLength);
  if (b.length < 8 || b[0] !== 0x30 || b[1] !== b.length - 2) return undefined;
  const values: bigint[] = [];
  let at = 2;
  for (let i = 0; i < 2; i++) {
    if (b[at] !== 0x02) return undefined;
    const length = b[at + 1]!;
    const body = b.subarray(at + 2, at + 2 + length);
    if (length < 1 || length > 33 || body.length !== length) return undefined;
    if (body[0]! >= 0x80) return undefined;
    if (length > 1 && body[0] === 0 && body[1]! < 0x80) return undefined;
    values.push(toBigInt(body));
    at += 2 + length;
  }
  return at === b.length ? { r: values[0]!, s: values[1]! } : undefined;
}
