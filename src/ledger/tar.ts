/**
 * A small POSIX ustar (IEEE 1003.1-1988) writer and a strict, incremental reader, for evidence bundles
 * (docs/integrity.md §13). Only regular files: no folders, links or extended headers.
 *
 * The writer streams: it yields each header, then the entry's bytes chunk by chunk as its body yields them, never
 * holding a whole body. The reader is pushed bytes as they arrive and hands each entry's bytes to a sink as slices of
 * what it was given, so its memory does not grow with the archive. Pure: no I/O.
 */

export const BLOCK = 512;

/** Octal `size` fields hold up to 11 digits; larger sizes use the base-256 form (a leading 0x80 byte). */
const MAX_OCTAL_SIZE = 0o77777777777;
const ZERO_BLOCK = new Uint8Array(BLOCK);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

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
export class TarFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
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
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(name)) return 'a name with a control character or a backslash';
  if (name.startsWith('/')) return 'an absolute name';
  if (name.split('/').some((s) => s === '' || s === '.' || s === '..')) return 'a name with an empty, . or .. segment';
  if (Buffer.byteLength(name, 'utf8') > 255) return 'a name longer than 255 bytes';
  return undefined;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** Splits a name into the ustar `prefix` (≤ 155 bytes) and `name` (≤ 100 bytes) fields at a `/`. */
function splitName(name: string): { prefix: string; name: string } {
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

/** The sum of the header's bytes, its checksum field counted as eight spaces. */
function checksumOf(header: Uint8Array): number {
  let sum = 8 * 0x20;
  for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += header[i]!;
  return sum;
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

export interface TarMember {
  readonly name: string;
  readonly size: number;
  readonly mtime: number;
  /** Byte offset of the member's header in the archive. */
  readonly offset: number;
}

/** Receives what the reader finds, in order: a member, its bytes in slices, its end; then the archive's end. */
export interface TarSink {
  member(member: TarMember): void;
  data(chunk: Uint8Array): void;
  memberEnd(): void;
}

type State = 'header' | 'data' | 'padding' | 'second-end-block' | 'trailer';

/**
 * A strict incremental ustar reader. Refuses (with {@link TarFormatError}) a header whose checksum is wrong or is not
 * written as six octal digits, NUL, space; a magic other than POSIX `ustar\0` `00` or GNU `ustar  \0`; any member
 * but a regular file (type `0` or NUL); names that are absolute, have `.`/`..`/empty segments, backslashes or
 * control characters, or are not UTF-8; a name seen twice; non-zero padding; an end-of-archive zero block not
 * followed by a second one; any non-zero byte after the end of the archive; and an archive that stops before it ends.
 */
export class TarReader {
  #state: State = 'header';
  #header = Buffer.alloc(BLOCK);
  #headerFill = 0;
  #remaining = 0;
  #offset = 0;
  #ended = false;
  readonly #names = new Set<string>();

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

  write(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.byteLength) {
      switch (this.#state) {
        case 'header':
        case 'second-end-block': {
          const take = Math.min(BLOCK - this.#headerFill, chunk.byteLength - at);
          this.#header.set(chunk.subarray(at, at + take), this.#headerFill);
          this.#headerFill += take;
          at += take;
          this.#offset += take;
          if (this.#headerFill === BLOCK) {
            this.#headerFill = 0;
            this.#block(this.#offset - BLOCK);
          }
          break;
        }
        case 'data': {
          const take = Math.min(this.#remaining, chunk.byteLength - at);
          this.sink.data(chunk.subarray(at, at + take));
          at += take;
          this.#offset += take;
          this.#remaining -= take;
          if (this.#remaining === 0) this.#afterData();
          break;
        }
        case 'padding': {
          const take = Math.min(this.#remaining, chunk.byteLength - at);
          this.#zeros(chunk.subarray(at, at + take), 'non-zero padding after a member');
          at += take;
          this.#offset += take;
          this.#remaining -= take;
          if (this.#remaining === 0) this.#state = 'header';
          break;
        }
        case 'trailer': {
          this.#zeros(chunk.subarray(at), 'data after the end of the archive');
          this.#offset += chunk.byteLength - at;
          at = chunk.byteLength;
          break;
        }
      }
    }
  }

  /** The input has ended: throws unless the archive ended with its two zero blocks. */
  close(): void {
    if (!this.#ended) throw new TarFormatError('the archive ends before its end-of-archive blocks', this.#offset);
  }

  #zeros(bytes: Uint8Array, what: string): void {
    if (allZero(bytes)) return;
    const i = bytes.findIndex((b) => b !== 0);
    throw new TarFormatError(what, this.#offset + i);
  }

  #block(offset: number): void {
    const header = this.#header;
    const zero = allZero(header);
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
    const member = parseHeader(header, offset);
    if (this.#names.has(member.name)) throw new TarFormatError(`${member.name} appears twice`, offset);
    if (this.#names.size >= (this.options.maxMembers ?? 1_000_000)) {
      throw new TarFormatError('too many members', offset);
    }
    this.#names.add(member.name);
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

const ZEROS = Buffer.alloc(BLOCK);

/** True when every byte is zero; compares natively, a block at a time. */
function allZero(bytes: Uint8Array): boolean {
  for (let at = 0; at < bytes.byteLength; at += BLOCK) {
    const end = Math.min(at + BLOCK, bytes.byteLength);
    if (ZEROS.compare(bytes, at, end, 0, end - at) !== 0) return false;
  }
  return true;
}

function text(bytes: Uint8Array, offset: number, what: string): string {
  const end = bytes.indexOf(0);
  try {
    return UTF8.decode(end < 0 ? bytes : bytes.subarray(0, end));
  } catch {
    throw new TarFormatError(`${what} is not UTF-8`, offset);
  }
}

function octalField(field: Buffer, offset: number, what: string): number {
  const raw = field.toString('latin1');
  const match = /^ *([0-7]+)[ \0]*$/.exec(raw);
  if (!match) throw new TarFormatError(`the ${what} field is not an octal number`, offset);
  return parseInt(match[1]!, 8);
}

function sizeField(field: Buffer, offset: number): number {
  if (field[0] === 0x80) {
    let size = 0;
    for (let i = 1; i < field.length; i++) size = size * 256 + field[i]!;
    if (!Number.isSafeInteger(size)) throw new TarFormatError('the size is too large', offset);
    return size;
  }
  return octalField(field, offset, 'size');
}

function parseHeader(header: Buffer, offset: number): TarMember {
  const stored = header.toString('latin1', 148, 156);
  if (!/^[0-7]{6}\0 $/.test(stored)) throw new TarFormatError('the checksum field is malformed', offset + 148);
  if (parseInt(stored.slice(0, 6), 8) !== checksumOf(header)) {
    throw new TarFormatError('the header checksum does not match', offset);
  }
  const magic = header.toString('latin1', 257, 265);
  if (magic !== 'ustar\u000000' && magic !== 'ustar  \u0000') throw new TarFormatError('not a ustar header', offset);
  const type = header[156];
  if (type !== 0x30 && type !== 0x00) {
    throw new TarFormatError(`member type ${JSON.stringify(String.fromCharCode(type!))} is not a regular file`, offset);
  }
  const base = text(header.subarray(0, 100), offset, 'the name');
  const prefix = magic.startsWith('ustar\0') ? text(header.subarray(345, 500), offset + 345, 'the prefix') : '';
  const name = prefix ? `${prefix}/${base}` : base;
  const defect = nameDefect(name);
  if (defect) throw new TarFormatError(`${defect} is not allowed`, offset);
  return {
    name,
    size: sizeField(header.subarray(124, 136), offset + 124),
    mtime: octalField(header.subarray(136, 148), offset + 136, 'mtime'),
    offset,
  };
}
