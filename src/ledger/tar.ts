/**
 * A small POSIX ustar (IEEE 1003.1-1988) writer and a strict, incremental reader, for evidence bundles
 * (docs/integrity.md §13). Only regular files: no folders, links or extended headers.
 *
 * The writer streams: it yields each header, then the entry's bytes chunk by chunk as its body yields them, never
 * holding a whole body. The reader is in tar-reader.ts. Pure: no I/O.
 */

export const BLOCK = 512;

/** Octal `size` fields hold up to 11 digits; larger sizes use the base-256 form (a leading 0x80 byte). */
export const MAX_OCTAL_SIZE = 0o77777777777;
const ZERO_BLOCK = new Uint8Array(BLOCK);

export interface TarEntry {
  readonly name: string;
  readonly size: number;
  /** The bytes: a buffer, an iterable of chunks, or a function opening one when the entry's turn comes. */
  readonly body:
    Uint8Array | AsyncIterable<Uint8Array> | (() => AsyncIterable<Uint8Array> | Promise<AsyncIterable<Uint8Array>>);
  /** Modification time, seconds since the epoch; default 0. */
  readonly mtime?: number;
}

/** A malformed archive; `offset` is the byte position where the reader found the defect. */
/**
 * What a file that is no bundle archive most likely is, for a reader to be told what to do in their own language:
 * a bundle compressed, zipped, unpacked and packed again, cut short (an interrupted download or copy), or empty.
 */
export type ArchiveHint = 'compressed' | 'zip' | 'repacked' | 'cut_short' | 'empty';

export class TarFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly hint?: ArchiveHint,
  ) {
    super(`${message} (at byte ${offset})`);
    this.name = 'TarFormatError';
  }
}

/** The size of the archive {@link writeTar} writes for entries of these sizes. */
export function tarSize(sizes: Iterable<number>): number {
  let total = 2 * BLOCK;
  for (const size of sizes) total += BLOCK + paddedSize(size);
  return total;
}

function paddedSize(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}

/**
 * Checks a member name: relative, `/`-separated, no empty, `.` or `..` segment, no backslash and no control
 * characters, at most 255 bytes. Returns the defect, or undefined when the name is acceptable.
 */
export function nameDefect(name: string): string | undefined {
  if (name.length === 0) return 'an empty name';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x5c) return 'a name with a control character or a backslash';
  }
  if (name.charCodeAt(0) === 0x2f) return 'an absolute name';
  for (let start = 0; start <= name.length;) {
    let end = name.indexOf('/', start);
    if (end < 0) end = name.length;
    const segment = end - start;
    const dots =
      segment <= 2 && name.charCodeAt(start) === 0x2e && (segment === 1 || name.charCodeAt(start + 1) === 0x2e);
    if (segment === 0 || dots) return 'a name with an empty, . or .. segment';
    start = end + 1;
  }
  // a UTF-16 code unit is at most 3 bytes of UTF-8
  if (name.length > 85 && Buffer.byteLength(name, 'utf8') > 255) return 'a name longer than 255 bytes';
  return undefined;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** Splits a name into the ustar `prefix` (≤ 155 bytes) and `name` (≤ 100 bytes) fields at a `/`. */
export function splitName(name: string): { prefix: string; name: string } {
  if (Buffer.byteLength(name, 'utf8') <= 100) return { prefix: '', name };
  for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix, 'utf8') <= 155 && Buffer.byteLength(rest, 'utf8') <= 100)
      return { prefix, name: rest };
  }
  throw new RangeError(`the name ${JSON.stringify(name)} does not fit a ustar header`);
}

/** The 512-byte ustar header of a regular file: mode 0644, owner 0, user and group names empty. */
export function tarHeader(name: string, size: number, mtime = 0): Buffer {
  const defect = nameDefect(name);
  if (defect) throw new RangeError(`cannot write ${defect}`);
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`a size is a non-negative integer, got ${size}`);
  if (!Number.isSafeInteger(mtime) || mtime < 0 || mtime > MAX_OCTAL_SIZE) throw new RangeError('mtime out of range');
  const header = Buffer.alloc(BLOCK);
  const parts = splitName(name);
  header.write(parts.name, 0, 100, 'utf8');
  header.write(octal(0o644, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  if (size <= MAX_OCTAL_SIZE) {
    header.write(octal(size, 12), 124, 'ascii');
  } else {
    // base-256: 0x80, then the size big-endian in the remaining 11 bytes
    header[124] = 0x80;
    let rest = size;
    for (let i = 135; i > 124; i--) {
      header[i] = rest % 256;
      rest = Math.floor(rest / 256);
    }
  }
  header.write(octal(mtime, 12), 136, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\u000000', 257, 'ascii');
  header.write(parts.prefix, 345, 155, 'utf8');
  header.write(checksumField(checksumOf(header)), 148, 'ascii');
  return header;
}

/** The checksum of the header at `at` of `bytes`: the sum of its bytes, the checksum field counted as spaces. */
export function checksumOf(bytes: Uint8Array, at = 0): number {
  const start = bytes.byteOffset + at;
  if (start % 4 === 0) return checksumOfWords(new Uint32Array(bytes.buffer, start, BLOCK / 4));
  let sum = 8 * 0x20;
  for (let i = at; i < at + 148; i++) sum += bytes[i]!;
  for (let i = at + 156; i < at + BLOCK; i++) sum += bytes[i]!;
  return sum;
}

/**
 * {@link checksumOf} a header that starts on a 4-byte boundary, read a word at a time: the even and the odd bytes of
 * each word are added in two 16-bit lanes each, which 128 words of bytes up to 255 cannot overflow, and the
 * checksum field's two words are taken out again. A sum of bytes is the same whatever the words' byte order.
 */
function checksumOfWords(words: Uint32Array): number {
  const EVEN = 0x00ff00ff;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    even += w & EVEN;
    odd += (w >>> 8) & EVEN;
  }
  // bytes 148 to 155, the checksum field, are words 37 and 38
  const a = words[37]!;
  const b = words[38]!;
  even -= (a & EVEN) + (b & EVEN);
  odd -= ((a >>> 8) & EVEN) + ((b >>> 8) & EVEN);
  return lanes(even) + lanes(odd) + 8 * 0x20;
}

/** The sum of the two 16-bit lanes of `sum`. */
function lanes(sum: number): number {
  return (sum % 0x10000) + Math.floor(sum / 0x10000);
}

/** Six octal digits, NUL, space: the form POSIX and GNU tar write. */
function checksumField(sum: number): string {
  return sum.toString(8).padStart(6, '0') + '\0 ';
}

async function* bodyOf(entry: TarEntry): AsyncGenerator<Uint8Array> {
  const body = typeof entry.body === 'function' ? await entry.body() : entry.body;
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  yield* body;
}

/**
 * Writes the entries as a ustar archive, yielding a header, then each chunk of the body as it comes (no copy, no
 * buffering), then the zero padding to the next block; after the last entry, the two zero blocks that end an
 * archive. A body that yields more or fewer bytes than its entry's `size` throws: the archive is then unusable.
 */
export async function* writeTar(entries: Iterable<TarEntry> | AsyncIterable<TarEntry>): AsyncGenerator<Uint8Array> {
  for await (const entry of entries) {
    yield tarHeader(entry.name, entry.size, entry.mtime ?? 0);
    let written = 0;
    for await (const chunk of bodyOf(entry)) {
      written += chunk.byteLength;
      if (written > entry.size) throw new RangeError(`${entry.name} has more than its ${entry.size} bytes`);
      if (chunk.byteLength > 0) yield chunk;
    }
    if (written !== entry.size) throw new RangeError(`${entry.name} has ${written} bytes, not ${entry.size}`);
    const padding = paddedSize(entry.size) - entry.size;
    if (padding > 0) yield ZERO_BLOCK.subarray(0, padding);
  }
  yield ZERO_BLOCK;
  yield ZERO_BLOCK;
}
