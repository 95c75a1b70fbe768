import { createPublicKey, type KeyObject } from 'node:crypto';
import { type Signer } from './ed25519.js';
import { sha256 } from './hash.js';
import { isHash, isTreeCount } from './merkle.js';
import { isSm2Key, sm2PublicKeyFromPoint, sm2PublicPoint } from './sm2.js';
import { SUITES } from './suite.js';

/**
 * Checkpoints of the global Merkle log as C2SP signed notes, so standard transparency-log tooling can read them.
 *
 * - c2sp.org/tlog-checkpoint: the body is the origin line, the tree size in decimal (no leading zeros unless 0), the
 *   standard base64 of the RFC 6962 root hash, then optional non-empty extension lines; every line ends in "\n".
 * - c2sp.org/signed-note: the note is the text (ending in "\n"), a blank line, then signature lines
 *   `— <key name> base64(key ID(4) || signature)`; the text is separated from the signatures by the last empty line,
 *   and the signature covers the text alone (its final newline included, the blank line not). Ed25519 is signature
 *   type 0x01 and its key ID is SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4].
 * - SM2 (the SM2 suite) has no assigned type: it uses 0xff, "reserved for signature types without an identifier byte
 *   assigned", followed by the identifier {@link SM2_NOTE_TYPE}; the key is 0xff || identifier || the 65-byte
 *   uncompressed point, the key ID SHA-256(key name || 0x0A || that key)[:4], the signature SM2 DER over the text.
 *   Standard note tooling knows only its assigned types: it ignores such a signature as one from an unknown key.
 *
 * Pure: no clock. A time, if wanted, is an extension line chosen by the caller.
 */

/** A trusted note key: the name it signs under and its Ed25519 or SM2 public key. */
export interface NoteVerifier {
  readonly name: string;
  readonly publicKey: KeyObject;
}

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Buffer;
  readonly extensions: readonly string[];
}

export interface CheckpointInput {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly extensions?: readonly string[];
}

/** signed-note: the signature type identifier byte of Ed25519. */
const ED25519_TYPE = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';
/** signed-note asks verifiers to accept at least 16 signatures; more than this is refused as abuse. */
const MAX_SIGNATURES = 100;
const ED25519_SIGNATURE_SIZE = 64;
const ED25519_SPKI_SIZE = 44;
/** The signature type of SM2 notes: 0xff, then this identifier (ASCII), then the key. */
export const SM2_NOTE_TYPE = 'evidence-ledger/sm2-sm3/v1';
/** signed-note: the signature type byte of SM2 notes, followed by {@link SM2_NOTE_TYPE}. */
export const NOTE_SM2 = 0xff;
const SM2_TYPE = NOTE_SM2;
const SM2_KEY_PREFIX = Buffer.concat([Buffer.from([SM2_TYPE]), Buffer.from(SM2_NOTE_TYPE, 'ascii')]);

/** A UTF-16 code unit of a surrogate half that has no partner: such a string has no UTF-8 encoding. */
const LONE_SURROGATE = /\p{Cs}/u;
/** signed-note: key names are non-empty and contain neither Unicode spaces nor "+". */
const NAME_FORBIDDEN = /[\p{White_Space}+]/u;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/** signed-note: valid UTF-8 with no ASCII control characters other than newline. */
function isValidText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return false;
  }
  return !LONE_SURROGATE.test(text);
}

export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !NAME_FORBIDDEN.test(name) && isValidText(name);
}

/** Standard padded base64 (RFC 4648 §4) in its one canonical form, or undefined. Never throws. */
function decodeBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** The 32 raw bytes (RFC 8032 encoding) of an Ed25519 key: the last 32 bytes of its SubjectPublicKeyInfo DER. */
export function rawEd25519PublicKey(key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('an Ed25519 key is required');
  const spki = (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });
  if (spki.length !== ED25519_SPKI_SIZE) throw new TypeError('unexpected Ed25519 SubjectPublicKeyInfo length');
  return spki.subarray(spki.length - 32);
}

/**
 * signed-note: the type and key hashed into the key ID and shown in vkeys: 0x01 || 32-byte Ed25519 public key, or
 * 0xff || SM2_NOTE_TYPE || 65-byte uncompressed SM2 point.
 */
function encodedKey(publicKey: KeyObject): Buffer {
  if (isSm2Key(publicKey)) {
    const { x, y } = sm2PublicPoint(publicKey);
    const point = Buffer.from(`04${x.toString(16).padStart(64, '0')}${y.toString(16).padStart(64, '0')}`, 'hex');
    return Buffer.concat([SM2_KEY_PREFIX, point]);
  }
  return Buffer.concat([Buffer.from([ED25519_TYPE]), rawEd25519PublicKey(publicKey)]);
}

/**
 * The SM2 public key of an encoded note key 0xff || SM2_NOTE_TYPE || 65-byte uncompressed point (the key material of
 * an SM2 vkey), or undefined for anything else. Never throws.
 */
export function sm2NoteKey(encoded: Uint8Array): KeyObject | undefined {
  const bytes = Buffer.from(encoded);
  if (bytes.length !== SM2_KEY_PREFIX.length + 65 || !bytes.subarray(0, SM2_KEY_PREFIX.length).equals(SM2_KEY_PREFIX)) {
    return undefined;
  }
  return sm2PublicKeyFromPoint(bytes.subarray(SM2_KEY_PREFIX.length));
}

/** Checks a note signature in the suite of the key. */
function verifyNoteSignature(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  return (isSm2Key(publicKey) ? SUITES.sm2 : SUITES.ed25519).verify(publicKey, message, signature);
}

/** signed-note: the 4-byte key ID, SHA-256(name || 0x0A || encoded key)[:4] (see encodedKey). */
export function noteKeyHash(name: string, publicKey: KeyObject): Buffer {
  if (!isValidKeyName(name)) throw new RangeError('a note key name is non-empty, without spaces or "+"');
  return sha256(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), encodedKey(publicKey)])).subarray(0, 4);
}

/** The verifier key string `<name>+<8 hex of key ID>+<base64(encoded key)>` that note tooling reads. */
export function verifierKey(name: string, publicKey: KeyObject): string {
  return `${name}+${noteKeyHash(name, publicKey).toString('hex')}+${encodedKey(publicKey).toString('base64')}`;
}

/** The tlog-checkpoint note text. Throws RangeError on a value that cannot be written as a valid checkpoint. */
export function checkpointBody({ origin, size, rootHash, extensions = [] }: CheckpointInput): string {
  const isLine = (line: string) => line.length > 0 && !line.includes('\n') && isValidText(line);
  if (!isLine(origin)) throw new RangeError('the origin is one non-empty line without control characters');
  if (!isTreeCount(size)) throw new RangeError(`the tree size is a non-negative safe integer, got ${size}`);
  if (!isHash(rootHash)) throw new RangeError('the root hash has 32 bytes');
  if (!extensions.every(isLine)) throw new RangeError('extension lines are non-empty, without control characters');
  const lines = [origin, String(size), Buffer.from(rootHash).toString('base64'), ...extensions];
  return lines.map((line) => `${line}\n`).join('');
}

/** Signs `body` as a signed note with one signature line in the signer's suite. Throws on what the format forbids. */
export function signNote(body: string, name: string, signer: Signer): string {
  if (!body.endsWith('\n') || !isValidText(body)) {
    throw new RangeError('a note text ends with a newline and holds no control characters other than newline');
  }
  const signature = signer.sign(Buffer.from(body, 'utf8'));
  if ((signer.suite ?? 'ed25519') === 'ed25519' && signature.length !== ED25519_SIGNATURE_SIZE)
    throw new TypeError('the signer did not return an Ed25519 signature');
  const keyHash = noteKeyHash(name, signer.publicKey);
  return `${body}\n${SIGNATURE_PREFIX}${name} ${Buffer.concat([keyHash, signature]).toString('base64')}\n`;
}

interface SignatureLine {
  readonly name: string;
  readonly keyHash: string;
  readonly signature: Buffer;
}

function parseSignatureLine(line: string): SignatureLine | undefined {
  if (!line.startsWith(SIGNATURE_PREFIX)) return undefined;
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) return undefined;
  const name = rest.slice(0, space);
  const bytes = decodeBase64(rest.slice(space + 1));
  if (!isValidKeyName(name) || bytes === undefined || bytes.length < 5) return undefined;
  return { name, keyHash: bytes.subarray(0, 4).toString('hex'), signature: bytes.subarray(4) };
}

/**
 * Opens a signed note: its text and the names of the trusted keys whose signatures verify, or undefined.
 *
 * Follows signed-note: a malformed note is refused; signatures whose (name, key ID) match no trusted key are ignored;
 * a signature from a trusted key that fails to verify refuses the whole note; at least one trusted signature must
 * verify. Trusted keys that share both name and key ID but differ are ambiguous and refuse a note they would check.
 * Never throws on the note; throws only on a bad trusted key (TypeError: neither Ed25519 nor SM2; RangeError:
 * invalid name).
 */
export function openNote(
  note: string,
  verifiers: readonly NoteVerifier[],
): { body: string; verifiedBy: string[] } | undefined {
  const known = new Map<string, KeyObject | null>();
  for (const { name, publicKey } of verifiers) {
    const id = `${name}+${noteKeyHash(name, publicKey).toString('hex')}`;
    const seen = known.get(id);
    const same = seen != null && encodedKey(seen).equals(encodedKey(publicKey));
    known.set(id, seen === undefined || same ? publicKey : null);
  }

  if (typeof note !== 'string' || !isValidText(note)) return undefined;
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return undefined;
  const body = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block.length === 0 || !block.endsWith('\n')) return undefined;
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return undefined;

  const message = Buffer.from(body, 'utf8');
  const verifiedBy: string[] = [];
  for (const line of lines) {
    const parsed = parseSignatureLine(line);
    if (parsed === undefined) return undefined;
    const key = known.get(`${parsed.name}+${parsed.keyHash}`);
    if (key === undefined) continue;
    if (key === null || !verifyNoteSignature(key, message, parsed.signature)) return undefined;
    if (!verifiedBy.includes(parsed.name)) verifiedBy.push(parsed.name);
  }
  return verifiedBy.length > 0 ? { body, verifiedBy } : undefined;
}

/** Parses a tlog-checkpoint note text strictly, or undefined. Sizes beyond 2^53 − 1 are refused. Never throws. */
export function parseCheckpoint(body: string): Checkpoint | undefined {
  if (typeof body !== 'string' || !body.endsWith('\n') || !isValidText(body)) return undefined;
  const lines = body.slice(0, -1).split('\n');
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (!origin || sizeText === undefined || rootText === undefined) return undefined;
  if (!DECIMAL.test(sizeText)) return undefined;
  const size = Number(sizeText);
  if (!isTreeCount(size)) return undefined;
  const rootHash = decodeBase64(rootText);
  if (!isHash(rootHash)) return undefined;
  if (extensions.some((line) => line.length === 0)) return undefined;
  return { origin, size, rootHash, extensions };
}
