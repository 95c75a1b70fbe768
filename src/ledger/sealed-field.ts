import { createCipheriv, createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { canonicalBytes } from './canonical-json.js';
import { SEALED_FORMAT, type SealedValue } from './sealed-shape.js';

export { isSealed, SEALED_FORMAT, type SealedValue } from './sealed-shape.js';

/**
 * Sealed personal fields (docs/privacy.md, docs/integrity.md §"Sealed fields"). A personal field of an event holds,
 * in place of its value, `{sealed: "aes-256-gcm/v1", commitment, iv, ct}`:
 *
 * - `commitment` = b64url(SHA-256("evidence-ledger/commitment/v1\n" ‖ salt ‖ JCS(value))), salt 32 random bytes;
 * - `ct` = AES-256-GCM(case data key, iv, JCS({salt: b64url(salt), value})) with the 16-byte tag appended, and the
 *   associated data `"evidence-ledger/sealed/v1\n" ‖ eventId ‖ "\n" ‖ path` (path: a JSON Pointer into `data`).
 *
 * The envelope's hash and signature cover this object, never the clear value; destroying the data key leaves the
 * commitment, which still binds the value: whoever is given the salt and the value can check it, nobody else can
 * learn either. Pure: the key, the iv and the salt come in from the caller.
 */
export const COMMITMENT_PREFIX = 'evidence-ledger/commitment/v1\n';
export const SEALED_AAD_PREFIX = 'evidence-ledger/sealed/v1\n';
// the markers a read shows in place of a value it cannot open (kept apart, for pages that import no crypto)
export { ERASED, UNAVAILABLE } from './read-markers.js';

/** The opening of a sealed value: what a party discloses to prove the value it holds is the one sealed. */
export interface Opening {
  readonly salt: string;
  readonly value: unknown;
}

export class SealedFieldError extends Error {
  constructor(
    readonly code: 'sealed_malformed' | 'sealed_unopenable' | 'commitment_mismatch',
    message: string,
  ) {
    super(message);
    this.name = 'SealedFieldError';
  }
}

const B64URL = /^[A-Za-z0-9_-]*$/;
const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

function fromB64url(text: string, what: string, length?: number): Buffer {
  if (!B64URL.test(text)) throw new SealedFieldError('sealed_malformed', `${what} is not base64url`);
  const bytes = Buffer.from(text, 'base64url');
  if (length !== undefined && bytes.length !== length)
    throw new SealedFieldError('sealed_malformed', `${what} is not ${length} bytes`);
  return bytes;
}

/** The commitment to `value` under `salt` (32 bytes), b64url. */
export function commitmentOf(salt: Uint8Array, value: unknown): string {
  if (salt.length !== 32) throw new SealedFieldError('sealed_malformed', 'a salt is 32 bytes');
  return b64url(
    createHash('sha256').update(COMMITMENT_PREFIX, 'utf8').update(salt).update(canonicalBytes(value)).digest(),
  );
}

/** The associated data that binds a sealed value to its event and its place in the event's `data`. */
export function sealedAad(eventId: string, path: string): Buffer {
  return Buffer.from(`${SEALED_AAD_PREFIX}${eventId}\n${path}`, 'utf8');
}

/** Seals `value` at `path` of event `eventId` under the case's 32-byte data key, with a 12-byte iv and 32-byte salt. */
export function sealValue(
  key: Uint8Array,
  material: { readonly iv: Uint8Array; readonly salt: Uint8Array },
  where: { readonly eventId: string; readonly path: string },
  value: unknown,
): SealedValue {
  if (key.length !== 32) throw new SealedFieldError('sealed_malformed', 'a data key is 32 bytes');
  if (material.iv.length !== 12) throw new SealedFieldError('sealed_malformed', 'an iv is 12 bytes');
  const cipher = createCipheriv('aes-256-gcm', key, material.iv);
  cipher.setAAD(sealedAad(where.eventId, where.path));
  const plain = canonicalBytes({ salt: b64url(material.salt), value });
  const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return {
    sealed: SEALED_FORMAT,
    commitment: commitmentOf(material.salt, value),
    iv: b64url(material.iv),
    ct: b64url(ct),
  };
}

/**
 * Opens a sealed value with the case's data key: the salt and the value, once the tag, the associated data and the
 * commitment all check. `sealed_unopenable` for a wrong key, another event or path, or an altered ciphertext;
 * `commitment_mismatch` when the plaintext does not match the commitment beside it.
 */
export function openSealed(
  key: Uint8Array,
  sealed: SealedValue,
  where: { readonly eventId: string; readonly path: string },
): Opening {
  const iv = fromB64url(sealed.iv, 'iv', 12);
  const ct = fromB64url(sealed.ct, 'ct');
  if (ct.length < 16) throw new SealedFieldError('sealed_malformed', 'ct is shorter than its tag');
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(sealedAad(where.eventId, where.path));
    decipher.setAuthTag(ct.subarray(ct.length - 16));
    plain = Buffer.concat([decipher.update(ct.subarray(0, ct.length - 16)), decipher.final()]);
  } catch {
    throw new SealedFieldError('sealed_unopenable', `the value at ${where.path} does not open with this key`);
  }
  const opened = JSON.parse(plain.toString('utf8')) as { salt?: unknown; value?: unknown };
  if (typeof opened.salt !== 'string' || !('value' in opened))
    throw new SealedFieldError('sealed_malformed', 'the plaintext is not {salt, value}');
  checkOpening(sealed.commitment, { salt: opened.salt, value: opened.value });
  return { salt: opened.salt, value: opened.value };
}

/** Checks that `opening` (salt b64url, value) matches `commitment`; throws `commitment_mismatch` when not. */
export function checkOpening(commitment: string, opening: Opening): void {
  const salt = fromB64url(opening.salt, 'salt', 32);
  const expected = Buffer.from(commitmentOf(salt, opening.value), 'utf8');
  const given = Buffer.from(commitment, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new SealedFieldError('commitment_mismatch', 'the salt and value do not match the commitment');
}

/** Reads the member at JSON Pointer `path` (RFC 6901) of `data`, or undefined. */
export function atPointer(data: unknown, path: string): unknown {
  if (path === '') return data;
  let here: unknown = data;
  for (const raw of path.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof here !== 'object' || here === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(here, token)) return undefined;
    here = (here as Record<string, unknown>)[token];
  }
  return here;
}
