import {
  BLOCK,
  checksumOf,
  MAX_OCTAL_SIZE,
  nameDefect,
  splitName,
  tarHeader,
  TarFormatError,
  type ArchiveHint,
} from './tar.js';
import { utf8Text } from './utf8.js';

/**
 * The strict, incremental ustar reader of tar.ts's format: pushed bytes as they arrive, it hands each member's
 * bytes to a sink as slices of what it was given, so its memory does not grow with the archive. Pure: no I/O.
 */

export interface TarMember {
  readonly name: string;
  readonly size: number;
  readonly mtime: number;
  /** Byte offset of the member's header in the archive. */
  readonly offset: number;
}

/** Receives what the reader finds, in order: a member, its bytes in slices, its end; then the archive's end. */
export interface TarSink {
  /**
   * Whether the archive holds a member named `name` for the first time, asked before `member`: a sink that looks
   * each name up anyway answers from its own records, and the reader then keeps no set of the names it read (a set
   * of a large archive's names costs about as much as reading its headers). Without it, the reader keeps that set.
   */
  firstSeen?(name: string): boolean;
  member(member: TarMember): void;
  data(chunk: Uint8Array): void;
  memberEnd(): void;
}

type State = 'header' | 'data' | 'padding' | 'second-end-block' | 'trailer';

/**
 * A strict incremental reader of the ustar archives bundles are (tar.ts writes them). Refuses (with
 * {@link TarFormatError}) a header whose checksum is wrong or is not written as six octal digits, NUL, space; a
 * magic that is not ustar; any member but a regular file; a header not as tar.ts writes every one (mode, owner,
 * names, magic and every fixed byte, fields written as it writes them); names that are absolute, have `.`/`..`/empty segments, backslashes or
 * control characters, or are not UTF-8; a name seen twice; non-zero padding; an end-of-archive zero block not
 * followed by a second one; any non-zero byte after the end of the archive; and an archive that stops before it ends.
 */
export class TarReader {
  #state: State = 'header';
  /** A header that arrived in pieces, put together. */
  readonly #header = Buffer.alloc(BLOCK);
  #headerFill = 0;
  #remaining = 0;
  #offset = 0;
  #ended = false;
  readonly #names = new Set<string>();
  #members = 0;
  /** The file's first bytes (up to 4), to say what it is when it is no tar archive at all. */
  #lead: number[] = [];

  constructor(
    private readonly sink: TarSink,
    private readonly options: { readonly maxMembers?: number } = {},
  ) {}

  /** Bytes consumed so far. */
  get bytesRead(): number {
    return this.#offset;
  }

  /** True once both end-of-archive blocks were read. */
  get ended(): boolean {
    return this.#ended;
  }

  write(input: Uint8Array): void {
    const chunk = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (this.#lead.length < 4) this.#lead.push(...chunk.subarray(0, 4 - this.#lead.length));
    let at = 0;
    while (at < chunk.length) {
      switch (this.#state) {
        case 'header':
        case 'second-end-block': {
          if (this.#headerFill === 0 && chunk.length - at >= BLOCK) {
            // the whole header is in this chunk: read where it is
            at += BLOCK;
            this.#offset += BLOCK;
            this.#block(chunk, at - BLOCK, this.#offset - BLOCK);
            break;
          }
          const take = Math.min(BLOCK - this.#headerFill, chunk.length - at);
          chunk.copy(this.#header, this.#headerFill, at, at + take);
          this.#headerFill += take;
          at += take;
          this.#offset += take;
          if (this.#headerFill === BLOCK) {
            this.#headerFill = 0;
            this.#block(this.#header, 0, this.#offset - BLOCK);
          }
          break;
        }
        case 'data': {
          const take = Math.min(this.#remaining, chunk.length - at);
          this.sink.data(chunk.subarray(at, at + take));
          at += take;
          this.#offset += take;
          this.#remaining -= take;
          if (this.#remaining === 0) this.#afterData();
          break;
        }
        case 'padding': {
          const take = Math.min(this.#remaining, chunk.length - at);
          this.#zeros(chunk, at, at + take, 'non-zero padding after a member');
          at += take;
          this.#offset += take;
          this.#remaining -= take;
          if (this.#remaining === 0) this.#state = 'header';
          break;
        }
        case 'trailer': {
          this.#zeros(chunk, at, chunk.length, 'data after the end of the archive');
          this.#offset += chunk.length - at;
          at = chunk.length;
          break;
        }
      }
    }
  }

  /** The input has ended: throws unless the archive ended with its two zero blocks. */
  close(): void {
    if (this.#offset === 0) throw new TarFormatError('the file is empty: no archive', 0, 'empty');
    if (this.#offset < BLOCK && this.#members === 0) {
      const packed = packedOtherwise(this.#lead);
      throw new TarFormatError(
        packed?.said ??
          `the file ends before its first tar header is whole (it is ${this.#offset} bytes): not a bundle, or one cut short`,
        0,
        packed?.hint ?? 'cut_short',
      );
    }
    if (!this.#ended) {
      throw new TarFormatError(
        'the archive ends before its end-of-archive blocks: the file was cut short (an interrupted download or copy?); get it again',
        this.#offset,
        'cut_short',
      );
    }
  }

  /** Bytes `from`..`to` of `bytes`, the ones just before the reader's offset, must be zero. */
  #zeros(bytes: Buffer, from: number, to: number, what: string): void {
    const i = firstNonZero(bytes, from, to);
    if (i >= 0) throw new TarFormatError(what, this.#offset + (i - from));
  }

  /** The header block at `at` of `bytes`, found at `offset` in the archive. */
  #block(bytes: Buffer, at: number, offset: number): void {
    // a member's header is never all zeros (its checksum field is not): only a candidate end block is scanned
    const zero = bytes[at + 148] === 0 && firstNonZero(bytes, at, at + BLOCK) < 0;
    if (this.#state === 'second-end-block') {
      if (!zero) throw new TarFormatError('an end-of-archive block not followed by a second one', offset);
      this.#state = 'trailer';
      this.#ended = true;
      return;
    }
    if (zero) {
      this.#state = 'second-end-block';
      return;
    }
    let member: TarMember;
    try {
      member = parseHeader(bytes, at, offset);
    } catch (err) {
      // the first block not a header: no tar archive at all (a compressed bundle, say), which the reader is told
      if (offset !== 0 || !(err instanceof TarFormatError)) throw err;
      const packed = packedOtherwise(this.#lead);
      if (packed) throw new TarFormatError(packed.said, 0, packed.hint);
      const why = err.message.replace(/ \(at byte \d+\)$/, '');
      // a tar header by tar's own rules, but not as the ledger writes them: the bundle unpacked and packed again
      if (isTarHeader(bytes, at)) {
        throw new TarFormatError(
          `the file is a tar archive, but not as the ledger writes bundles (${why}): a bundle unpacked and packed ` +
            'again (with tar or another tool) is no longer the bundle; verify the file as it was exported',
          0,
          'repacked',
        );
      }
      throw new TarFormatError(
        `the file is not a tar archive, which a bundle is (its first block is no tar header: ${why})`,
        0,
      );
    }
    const sink = this.sink;
    const first = sink.firstSeen ? sink.firstSeen(member.name) : !this.#names.has(member.name);
    if (!first) throw new TarFormatError(`${member.name} appears twice`, offset);
    if (this.#members >= (this.options.maxMembers ?? 1_000_000)) {
      throw new TarFormatError('too many members', offset);
    }
    if (!sink.firstSeen) this.#names.add(member.name);
    this.#members += 1;
    this.sink.member(member);
    this.#remaining = member.size;
    if (member.size === 0) this.#afterData();
    else this.#state = 'data';
  }

  #afterData(): void {
    this.sink.memberEnd();
    const padding = (BLOCK - (this.#offset % BLOCK)) % BLOCK;
    this.#remaining = padding;
    this.#state = padding > 0 ? 'padding' : 'header';
  }
}

/** A bundle packed again, by the file's first bytes (gzip's or ZIP's magic): how to unpack it; else undefined. */
function packedOtherwise(lead: readonly number[]): { said: string; hint: ArchiveHint } | undefined {
  if (lead[0] === 0x1f && lead[1] === 0x8b) {
    return {
      said: 'the file is compressed with gzip, not a bundle (a .tar): unpack it (gunzip) and verify the .tar it holds',
      hint: 'compressed',
    };
  }
  if (lead[0] === 0x50 && lead[1] === 0x4b && lead[2] === 0x03 && lead[3] === 0x04) {
    return {
      said:
        'the file is a ZIP archive, not a bundle (a .tar): if it holds the exported .tar, unpack it and verify that ' +
        "file; a bundle's files unpacked and zipped are no longer the bundle: verify the .tar as it was exported",
      hint: 'zip',
    };
  }
  return undefined;
}

/** Whether the block at `at` is a tar header by tar's own rules: its checksum right, its magic ustar's. */
function isTarHeader(bytes: Buffer, at: number): boolean {
  let stored = 0;
  for (let i = at + 148; i < at + 154; i++) {
    const digit = bytes[i]! - 0x30;
    if (digit < 0 || digit > 7) return false;
    stored = stored * 8 + digit;
  }
  return (
    stored === checksumOf(bytes, at) &&
    (startsWith(bytes, at + 257, MAGIC_POSIX) || startsWith(bytes, at + 257, MAGIC_GNU))
  );
}

/**
 * The index of the first non-zero byte of `bytes` in `from`..`to`, or -1. Where the span holds 16 whole 4-byte
 * words or more (most padding and end blocks do), they are read a word at a time up to the first that is not zero.
 */
export function firstNonZero(bytes: Uint8Array, from: number, to: number): number {
  let i = from;
  const offset = bytes.byteOffset;
  for (; i < to && (offset + i) % 4 !== 0; i++) if (bytes[i] !== 0) return i;
  const words = (to - i) >>> 2;
  if (words >= 16) {
    const view = new Uint32Array(bytes.buffer, offset + i, words);
    let w = 0;
    while (w < words && view[w] === 0) w++;
    i += w * 4;
  }
  for (; i < to; i++) if (bytes[i] !== 0) return i;
  return -1;
}

const MAGIC_POSIX = Buffer.from('ustar\u000000', 'latin1');
const MAGIC_GNU = Buffer.from('ustar  \u0000', 'latin1');

function startsWith(bytes: Uint8Array, at: number, expected: Uint8Array): boolean {
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

/**
 * A header as {@link tarHeader} writes every one (docs/integrity.md §13.1): besides the name, size, mtime and
 * checksum, its bytes are fixed (mode 0644, owner and group 0, type `0`, no link name, POSIX magic, empty user and
 * group names and device numbers, nothing after the prefix), so that no byte of a header can be changed and the
 * checksum made again without the change being refused.
 */
const TEMPLATE = tarHeader('x', 0, 0);
const FIXED_SPANS: readonly (readonly [number, number])[] = [
  [100, 124], // mode, uid, gid
  [156, 345], // type flag, link name, magic, version, user and group names, device numbers
  [500, BLOCK], // after the prefix
];

/** Where the header at `at` differs from what the writer writes of every header, or undefined. */
function fixedDefect(bytes: Buffer, at: number): string | undefined {
  for (const [from, to] of FIXED_SPANS) {
    if (bytes.compare(TEMPLATE, from, to, at + from, at + to) !== 0) {
      return from === 100
        ? 'its mode, owner or group is not the one bundles are written with'
        : from === 156
          ? 'its link name, magic, owner names or device numbers are not those bundles are written with'
          : 'it has bytes after the prefix';
    }
  }
  return undefined;
}

/** A `width`-byte numeric field written as the writer does: zero-padded octal, then one NUL. */
function isWrittenOctal(bytes: Buffer, at: number, width: number): boolean {
  for (let i = at; i < at + width - 1; i++) if (bytes[i]! < 0x30 || bytes[i]! > 0x37) return false;
  return bytes[at + width - 1] === 0;
}

/** The header at `at` of `bytes`; `offset` is where it is in the archive, for the errors. */
function parseHeader(bytes: Buffer, at: number, offset: number): TarMember {
  // the checksum: six octal digits, NUL, space
  let stored = 0;
  for (let i = at + 148; i < at + 154; i++) {
    const digit = bytes[i]! - 0x30;
    if (digit < 0 || digit > 7) throw new TarFormatError('the checksum field is malformed', offset + 148);
    stored = stored * 8 + digit;
  }
  if (bytes[at + 154] !== 0 || bytes[at + 155] !== 0x20) {
    throw new TarFormatError('the checksum field is malformed', offset + 148);
  }
  if (stored !== checksumOf(bytes, at)) {
    throw new TarFormatError('the header checksum does not match', offset);
  }
  const posix = startsWith(bytes, at + 257, MAGIC_POSIX);
  if (!posix && !startsWith(bytes, at + 257, MAGIC_GNU)) {
    throw new TarFormatError('not a ustar header', offset);
  }
  const type = bytes[at + 156];
  if (type !== 0x30 && type !== 0x00) {
    throw new TarFormatError(`member type ${JSON.stringify(String.fromCharCode(type!))} is not a regular file`, offset);
  }
  const fixed = fixedDefect(bytes, at);
  if (fixed) throw new TarFormatError(`the header of a bundle member is not as bundles are written: ${fixed}`, offset);
  const base = text(bytes, at, 100, offset, 'the name');
  const prefix = text(bytes, at + 345, 155, offset + 345, 'the prefix');
  const name = prefix ? `${prefix}/${base}` : base;
  const defect = nameDefect(name);
  if (defect) throw new TarFormatError(`${defect} is not allowed`, offset);
  // what follows a name or prefix in its field is zeros, and a long name is split where the writer splits it
  const nameEnd = at + Buffer.byteLength(base, 'utf8');
  const prefixEnd = at + 345 + Buffer.byteLength(prefix, 'utf8');
  if (firstNonZero(bytes, nameEnd, at + 100) >= 0 || firstNonZero(bytes, prefixEnd, at + 500) >= 0) {
    throw new TarFormatError('the name or prefix field has bytes after its end', offset);
  }
  if (prefix && splitName(name).prefix !== prefix) {
    throw new TarFormatError('the name is not split into prefix and name as bundles write it', offset);
  }
  const size = sizeField(bytes, at + 124, offset + 124);
  if (bytes[at + 124] !== 0x80 ? !isWrittenOctal(bytes, at + 124, 12) : size <= MAX_OCTAL_SIZE) {
    throw new TarFormatError('the size field is not written as bundles write it', offset + 124);
  }
  if (!isWrittenOctal(bytes, at + 136, 12)) {
    throw new TarFormatError('the mtime field is not zero-padded octal ending in NUL', offset + 136);
  }
  return { name, size, mtime: octalField(bytes, at + 136, 12, offset + 136, 'mtime'), offset };
}

/** A text field of `width` bytes at `at`: UTF-8 up to its first NUL. */
function text(bytes: Buffer, at: number, width: number, offset: number, what: string): string {
  let end = at;
  let ascii = true;
  for (; end < at + width; end++) {
    const b = bytes[end]!;
    if (b === 0) break;
    if (b > 0x7f) ascii = false;
  }
  if (ascii) return bytes.toString('latin1', at, end);
  const decoded = utf8Text(bytes.subarray(at, end));
  if (decoded === undefined) throw new TarFormatError(`${what} is not UTF-8`, offset);
  return decoded;
}

/** An octal field: spaces, octal digits (at least one), then only spaces and NULs. */
function octalField(bytes: Buffer, at: number, width: number, offset: number, what: string): number {
  const end = at + width;
  let i = at;
  while (i < end && bytes[i] === 0x20) i++;
  const digits = i;
  let value = 0;
  for (; i < end && bytes[i]! >= 0x30 && bytes[i]! <= 0x37; i++) value = value * 8 + (bytes[i]! - 0x30);
  const valid = i > digits;
  for (; i < end && (bytes[i] === 0x20 || bytes[i] === 0); i++);
  if (!valid || i !== end) throw new TarFormatError(`the ${what} field is not an octal number`, offset);
  return value;
}

/** The 12-byte size field: octal, or base-256 (a leading 0x80, then the size big-endian). */
function sizeField(bytes: Buffer, at: number, offset: number): number {
  if (bytes[at] === 0x80) {
    let size = 0;
    for (let i = at + 1; i < at + 12; i++) size = size * 256 + bytes[i]!;
    if (!Number.isSafeInteger(size)) throw new TarFormatError('the size is too large', offset);
    return size;
  }
  return octalField(bytes, at, 12, offset, 'size');
}
