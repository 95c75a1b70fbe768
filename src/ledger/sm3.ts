import * as nodeCrypto from 'node:crypto';
import { createHash } from 'node:crypto';

/**
 * SM3 (GB/T 32905-2016, GM/T 0004-2012), the hash of the SM2 suite: 32-byte digests, as Node's OpenSSL computes
 * them (checked against the standard's worked examples in test/unit/sm3.test.ts).
 */
const oneShot = (nodeCrypto as { hash?: typeof nodeCrypto.hash }).hash;

export function sm3(data: Uint8Array | string): Buffer {
  return oneShot ? oneShot('sm3', data, 'buffer') : createHash('sm3').update(data).digest();
}

export function sm3Hex(data: Uint8Array | string): string {
  return oneShot ? oneShot('sm3', data, 'hex') : createHash('sm3').update(data).digest('hex');
}

/** {@link sm3Hex} of the pieces one after the other, without joining them first. */
export function sm3HexOf(pieces: readonly Uint8Array[]): string {
  const hash = createHash('sm3');
  for (const piece of pieces) hash.update(piece);
  return hash.digest('hex');
}
