import { createPublicKey, type KeyObject } from 'node:crypto';
import { isValidKeyName, NOTE_SM2, noteKeyHash, rawEd25519PublicKey, sm2NoteKey } from './checkpoint.js';
import { verifyEd25519, type Signer } from './ed25519.js';
import { sha256 } from './hash.js';

/**
 * Witness cosignatures of checkpoints, C2SP tlog-cosignature (Ed25519, "cosignature/v1"), and the verifier keys
 * (C2SP signed-note "vkeys") of logs and witnesses.
 *
 * - key ID: SHA-256(name || 0x0A || 0x04 || 32-byte Ed25519 public key)[:4]
 * - signed message: "cosignature/v1\n" || "time " <POSIX seconds, decimal, no leading zeros> "\n" || checkpoint body
 *   (the note text, its final newline included, no signature line)
 * - signature line: "— " <name> " " base64(key ID (4) || timestamp (u64 big-endian, 8) || Ed25519 signature (64))
 *
 * Pure: the caller gives the time.
 */

/**
 * signed-note signature types: Ed25519 note signatures, SM2 note signatures (0xff and an identifier, a log of the SM2
 * suite: checkpoint.ts) and Ed25519 cosignature/v1.
 */
export const NOTE_ED25519 = 0x01;
export { NOTE_SM2 };
export const COSIGNATURE_V1 = 0x04;
const SIGNATURE_PREFIX = '\u2014 ';
const COSIGNATURE_BYTES = 4 + 8 + 64;
/** tlog-cosignature: the timestamp must not exceed 2^63 − 1; seconds beyond 2^53 − 1 are refused here as well. */
const MAX_TIMESTAMP = Number.MAX_SAFE_INTEGER;
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const HEX8 = /^[0-9a-f]{8}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A key a note or cosignature is checked with: its name and public key (Ed25519; SM2 for an SM2 log's notes). */
export interface NamedKey {
  readonly name: string;
  readonly publicKey: KeyObject;
}

/** A parsed verifier key (vkey): `<name>+<key ID hex>+<base64(type || public key)>`. */
export interface VerifierKey extends NamedKey {
  readonly type: typeof NOTE_ED25519 | typeof NOTE_SM2 | typeof COSIGNATURE_V1;
  /** The 4-byte key ID, hex. */
  readonly keyHash: string;
}

/** A cosignature line, parsed but not verified. */
export interface CosignatureLine {
  readonly name: string;
  readonly keyHash: string;
  readonly timestamp: number;
  readonly signature: Buffer;
}

/** A cosignature that verified: by whom, and when the witness made it (POSIX seconds). */
export interface VerifiedCosignature {
  readonly name: string;
  readonly keyHash: string;
  readonly timestamp: number;
  /** The signature line, without its newline. */
  readonly line: string;
}

/** The 4-byte key ID of `type` (0x01 note signature, 0x04 cosignature/v1) for `name` and `publicKey`. */
export function keyHashOf(name: string, publicKey: KeyObject, type: number = COSIGNATURE_V1): Buffer {
  if (!isValidKeyName(name)) throw new RangeError('a key name is non-empty, without spaces or "+"');
  const material = Buffer.concat([Buffer.from([type]), rawEd25519PublicKey(publicKey)]);
  return sha256(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), material])).subarray(0, 4);
}

/** The cosignature/v1 verifier key of a witness: `<name>+<key ID hex>+<base64(0x04 || public key)>`. */
export function cosignatureVerifierKey(name: string, publicKey: KeyObject): string {
  const material = Buffer.concat([Buffer.from([COSIGNATURE_V1]), rawEd25519PublicKey(publicKey)]);
  return `${name}+${keyHashOf(name, publicKey).toString('hex')}+${material.toString('base64')}`;
}

/** An Ed25519 public key from its 32 raw bytes (RFC 8032). */
export function ed25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new RangeError('an Ed25519 public key has 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

/**
 * Parses a verifier key of type 0x01 (a log's Ed25519 note key), 0xff (a log's SM2 note key, checkpoint.ts) or 0x04
 * (a witness's cosignature/v1 key), checking that its key ID is the one its name and key give; undefined for
 * anything else. Never throws.
 */
export function parseVerifierKey(vkey: string): VerifierKey | undefined {
  if (typeof vkey !== 'string') return undefined;
  // name "+" key ID "+" key: names hold no "+", the base64 key may
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  if (first < 0 || second < 0) return undefined;
  const [name, hash, encoded] = [vkey.slice(0, first), vkey.slice(first + 1, second), vkey.slice(second + 1)];
  if (!isValidKeyName(name) || !HEX8.test(hash) || !BASE64.test(encoded)) return undefined;
  const bytes = Buffer.from(encoded, 'base64');
  const type = bytes[0];
  if (type === NOTE_SM2) {
    const publicKey = sm2NoteKey(bytes);
    if (!publicKey || noteKeyHash(name, publicKey).toString('hex') !== hash) return undefined;
    return { name, type, publicKey, keyHash: hash };
  }
  if (bytes.length !== 33 || (type !== NOTE_ED25519 && type !== COSIGNATURE_V1)) return undefined;
  let publicKey: KeyObject;
  try {
    publicKey = ed25519PublicKeyFromRaw(bytes.subarray(1));
  } catch {
    return undefined;
  }
  if (keyHashOf(name, publicKey, type).toString('hex') !== hash) return undefined;
  return { name, type, publicKey, keyHash: hash };
}

/** The message a cosignature/v1 signs: the header line, the time line, then the checkpoint body. */
export function cosignatureMessage(body: string, timestamp: number): Buffer {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError('a timestamp is POSIX seconds');
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`, 'utf8');
}

/** Cosigns a checkpoint body at `timestamp`: one signature line, ending in a newline. */
export function cosign(body: string, name: string, signer: Signer, timestamp: number): string {
  const signature = signer.sign(cosignatureMessage(body, timestamp));
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(BigInt(timestamp));
  const bytes = Buffer.concat([keyHashOf(name, signer.publicKey), time, signature]);
  return `${SIGNATURE_PREFIX}${name} ${bytes.toString('base64')}\n`;
}

/** Parses a line (without its newline) as a cosignature/v1 line, or undefined. Never throws. */
export function parseCosignatureLine(line: string): CosignatureLine | undefined {
  const parsed = readCosignatureLine(line);
  return parsed?.timestamp === undefined ? undefined : (parsed as CosignatureLine);
}

/**
 * A cosignature/v1 line's parts, its timestamp left out when it is beyond what this verifier takes (2^53 − 1
 * seconds), so that such a line of a known witness can be reported rather than passed over. Never throws.
 */
function readCosignatureLine(
  line: string,
): (Omit<CosignatureLine, 'timestamp'> & { readonly timestamp: number | undefined }) | undefined {
  if (typeof line !== 'string' || !line.startsWith(SIGNATURE_PREFIX)) return undefined;
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) return undefined;
  const name = rest.slice(0, space);
  const encoded = rest.slice(space + 1);
  if (!isValidKeyName(name) || !BASE64.test(encoded)) return undefined;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== COSIGNATURE_BYTES) return undefined;
  // two 32-bit halves rather than readBigUInt64BE, which the browser's Buffer lacks
  const timestamp = bytes.readUInt32BE(4) * 2 ** 32 + bytes.readUInt32BE(8);
  return {
    name,
    keyHash: bytes.subarray(0, 4).toString('hex'),
    timestamp: timestamp > MAX_TIMESTAMP ? undefined : timestamp,
    signature: bytes.subarray(12),
  };
}

/** The body (text) and signature lines of a signed note, or undefined when it is not one. Never throws. */
export function splitNote(note: string): { body: string; lines: string[] } | undefined {
  if (typeof note !== 'string') return undefined;
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return undefined;
  const block = note.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) return undefined;
  return { body: note.slice(0, split + 1), lines: block.slice(0, -1).split('\n') };
}

/**
 * The cosignatures of `note` by the given witnesses that verify, one per witness (the first), in note order. A
 * line that names a given witness (name and key ID) but does not verify is `invalid`. Lines of other keys (the
 * log's own signature, unknown witnesses) are ignored. Undefined when `note` is not a signed note.
 */
export function verifyCosignatures(
  note: string,
  witnesses: readonly NamedKey[],
): { valid: VerifiedCosignature[]; invalid: string[] } | undefined {
  const parts = splitNote(note);
  return parts ? verifyCosignatureLines(parts.body, parts.lines, witnesses) : undefined;
}

/**
 * The cosignature lines (each without its newline) by the given witnesses that verify over the checkpoint `body`,
 * as {@link verifyCosignatures} counts them.
 */
export function verifyCosignatureLines(
  body: string,
  lines: readonly string[],
  witnesses: readonly NamedKey[],
): { valid: VerifiedCosignature[]; invalid: string[] } {
  const parts = { body, lines };
  const byId = new Map(witnesses.map((w) => [`${w.name}+${keyHashOf(w.name, w.publicKey).toString('hex')}`, w]));
  const valid: VerifiedCosignature[] = [];
  const invalid: string[] = [];
  for (const line of parts.lines) {
    const parsed = readCosignatureLine(line);
    const witness = parsed && byId.get(`${parsed.name}+${parsed.keyHash}`);
    if (!parsed || !witness) continue;
    const { timestamp } = parsed;
    // a known witness's line whose time this verifier cannot take counts as one that does not verify
    if (
      timestamp === undefined ||
      !verifyEd25519(witness.publicKey, cosignatureMessage(parts.body, timestamp), parsed.signature)
    ) {
      if (!invalid.includes(parsed.name)) invalid.push(parsed.name);
      continue;
    }
    if (valid.some((v) => v.keyHash === parsed.keyHash && v.name === parsed.name)) continue;
    valid.push({ name: parsed.name, keyHash: parsed.keyHash, timestamp, line });
  }
  return { valid, invalid };
}

/** The note with these signature lines added after its own (each line without its newline; duplicates dropped). */
export function addSignatureLines(note: string, lines: readonly string[]): string {
  const parts = splitNote(note);
  if (!parts) throw new RangeError('not a signed note');
  const all = [...parts.lines];
  for (const line of lines) if (!all.includes(line)) all.push(line);
  return `${parts.body}\n${all.join('\n')}\n`;
}
