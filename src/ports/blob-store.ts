import { LedgerError } from '../errors.js';

/**
 * Media (photos, audio, video, scanned documents) stored by content: a blob's name is the SHA-256 of its bytes,
 * as 64 lowercase hex characters. Stored bytes are never overwritten or deleted.
 */
export interface BlobInfo {
  readonly sha256: string;
  readonly size: number;
  /** The content type given when the blob was first stored; later puts of the same bytes do not change it. */
  readonly contentType: string;
}

/** What a put stored. */
export interface StoredBlob extends BlobInfo {
  /** False when the same bytes were stored already. */
  readonly created: boolean;
  /**
   * Which stored version holds these verified bytes, where the store keeps versions (S3's `VersionId` in a
   * versioned bucket); recorded with the medium so that reads name it. Absent where a name has one version.
   */
  readonly version?: string;
}

export interface PutOptions {
  readonly contentType: string;
  /** The most bytes accepted; one byte more rejects the put with {@link BlobTooLarge}. */
  readonly maxBytes: number;
  /** When given, the bytes must hash to it or the put is rejected with {@link DigestMismatch}. */
  readonly expectedSha256?: string;
}

/** Byte positions, both inclusive as in an HTTP `Range` header; no `end` reads to the last byte. */
export interface ByteRange {
  readonly start: number;
  readonly end?: number;
}

export interface BlobStore {
  /**
   * Streams the body in while hashing; stores it under its SHA-256 once. `created` false when the same bytes
   * were there already. A rejected put (too large, digest mismatch, failing body) stores nothing, and a blob is
   * visible to `head` and `get` only once it is complete and durable.
   */
  put(body: AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredBlob>;
  /**
   * Undefined when absent; {@link InvalidDigest} when `sha256` is not a digest. With `version` (one that `put`
   * returned), that stored version, whatever is now current under the name.
   */
  head(sha256: string, version?: string): Promise<BlobInfo | undefined>;
  /**
   * The bytes (or a range of them); undefined when absent. `info` always describes the whole blob. A range
   * must satisfy `0 <= start <= end < size` (`start < size` when open-ended), else {@link RangeNotSatisfiable}.
   * With `version`, that stored version is read, never a later one written under the same name.
   */
  get(
    sha256: string,
    range?: ByteRange,
    version?: string,
  ): Promise<{ readonly info: BlobInfo; readonly body: NodeJS.ReadableStream } | undefined>;
  /** Resolves when the store can be read and written. */
  ping(): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Adapters call this before any storage access, so that a digest can never name anything but a blob. */
export function assertSha256(value: string): void {
  if (typeof value !== 'string' || !SHA256_HEX.test(value)) throw new InvalidDigest();
}

/** Adapters call this once the blob's size is known. */
export function assertRange(range: ByteRange, size: number): { start: number; end: number } {
  const end = range.end ?? size - 1;
  const valid = Number.isSafeInteger(range.start) && Number.isSafeInteger(end);
  if (!valid || range.start < 0 || range.start > end || end >= size) throw new RangeNotSatisfiable(range, size);
  return { start: range.start, end };
}

/** The body is larger than the caller allows. */
export class BlobTooLarge extends LedgerError {
  readonly code = 'too_large';
  readonly status = 413;
  constructor(readonly maxBytes: number) {
    super(`the body is larger than ${maxBytes} bytes`, { maxBytes });
  }
}

/** The bytes do not hash to the SHA-256 the caller announced. */
export class DigestMismatch extends LedgerError {
  readonly code = 'digest_mismatch';
  readonly status = 400;
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`the body's SHA-256 is ${actual}, not the expected ${expected}`, { expected, actual });
  }
}

/** A string given as a SHA-256 that is not 64 lowercase hex characters. The value is not echoed back. */
export class InvalidDigest extends LedgerError {
  readonly code = 'invalid_body';
  readonly status = 400;
  constructor() {
    super('a SHA-256 digest is 64 lowercase hexadecimal characters');
  }
}

/** The range lies outside the blob; `size` is the blob's, for the `Content-Range` header of a 416 response. */
export class RangeNotSatisfiable extends LedgerError {
  readonly code = 'range_not_satisfiable';
  readonly status = 416;
  constructor(
    readonly range: ByteRange,
    readonly size: number,
  ) {
    super(`bytes ${range.start}-${range.end ?? ''} are not within a blob of ${size} bytes`, {
      start: range.start,
      end: range.end,
      size,
    });
  }
}
