import { isUtf8 } from 'node:buffer';

/**
 * The text of UTF-8 bytes, without a leading byte-order mark; undefined when they are not UTF-8. The answers of
 * `new TextDecoder('utf-8', { fatal: true }).decode`, in a fraction of its time: a native check, then a native
 * decode.
 */
export function utf8Text(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  return buffer.toString('utf8', bom ? 3 : 0);
}
