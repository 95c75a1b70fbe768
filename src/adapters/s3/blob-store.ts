import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  S3Client,
  UploadPartCopyCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  assertRange,
  assertSha256,
  BlobTooLarge,
  DigestMismatch,
  RangeNotSatisfiable,
  type BlobInfo,
  type BlobStore,
  type ByteRange,
  type PutOptions,
  type StoredBlob,
} from '../../ports/blob-store.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const DAY_MS = 86_400_000;
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
/** S3's limits: parts per multipart upload, the smallest part but the last, the largest single copy and part. */
const MAX_PARTS = 10_000;
const MIN_PART_BYTES = 5 * MiB;
const MAX_COPY_BYTES = 5 * GiB;
/** How often a publication that met a concurrent conditional write (409) looks again before giving up. */
const PUBLISH_ATTEMPTS = 4;

export interface S3ObjectLock {
  readonly mode: 'GOVERNANCE' | 'COMPLIANCE';
  /** Retention from the moment a medium is stored, in days. */
  readonly days: number;
}

export interface S3BlobStoreOptions {
  readonly bucket: string;
  readonly region: string;
  /** An S3-compatible service (MinIO, …); unset: AWS. */
  readonly endpoint?: string;
  /** Unset: the AWS SDK's default credential chain. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly forcePathStyle?: boolean;
  /** Retention set on every published medium (the bucket must have Object Lock enabled). */
  readonly objectLock?: S3ObjectLock;
  /** A legal hold placed on every published medium. */
  readonly legalHold?: boolean;
  /** Parts of an upload in flight at once (default 4); memory is about (queueSize + 1) × part size. */
  readonly queueSize?: number;
  /** The smallest upload part (default and minimum 5 MiB); raised so that `maxBytes` fits in 10,000 parts. */
  readonly partBytes?: number;
  /** Media larger than this are published by a multipart copy (default and maximum 5 GiB, S3's copy limit). */
  readonly maxCopyBytes?: number;
  /** Part size of a multipart copy (default 1 GiB; at least 5 MiB, raised to fit 10,000 parts). */
  readonly copyPartBytes?: number;
  /** The clock for Object Lock retention dates (default `Date.now`). */
  readonly now?: () => number;
  /** Told when a temporary object could not be removed; the put still succeeds or fails on its own merits. */
  readonly onCleanupError?: (err: unknown, key: string) => void;
}

/** Where a blob lives in the bucket: `sha256/<aa>/<bb>/<hash>`. */
export function contentKey(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** The prefix of in-flight uploads; leftovers of crashed puts are safe to expire (a lifecycle rule does). */
export const TEMP_PREFIX = 'tmp/';

/**
 * The S3 client as this adapter needs it. Checksums are calculated and validated only when an operation
 * requires them: with the SDK's default (`WHEN_SUPPORTED`) a streamed upload is sent `aws-chunked` with a
 * trailing checksum, which S3-compatible services that do not decode that framing store inside the object.
 * Integrity comes from our own SHA-256 of every byte instead.
 */
export function createS3Client(options: S3BlobStoreOptions): S3Client {
  return new S3Client({
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: { ...options.credentials } }),
    forcePathStyle: options.forcePathStyle ?? false,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** The object at a content key holds other bytes than its name says; it is left as it is. */
export class StoredBlobConflict extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`${key} in the media bucket ${detail}: the media store is damaged; the stored object was left as it is`);
    this.name = 'StoredBlobConflict';
  }
}

interface StoredObject {
  readonly size: number;
  readonly contentType: string;
  /** The digest recorded in the object's metadata when this adapter published it. */
  readonly recordedSha256: string | undefined;
  /** The version HEAD described (undefined in an unversioned bucket). */
  readonly versionId: string | undefined;
}

interface TempObject {
  readonly key: string;
  readonly etag: string | undefined;
  readonly versionId: string | undefined;
}

/**
 * Media in an S3 bucket, content-addressed. A put streams the body to `tmp/<random>` (multipart for large media)
 * while hashing and counting it, then publishes it under `sha256/<aa>/<bb>/<hash>` with a server-side copy that
 * carries `If-None-Match: *`, so stored evidence is never overwritten: when the name exists, the stored object
 * is checked (size, recorded digest, and a streamed re-hash of its bytes) and the put answers `created: false`,
 * or fails with {@link StoredBlobConflict} when it holds other bytes. The temporary object is then deleted. A
 * blob is visible only once published, which is one atomic operation. Content type, size and digest are the
 * object's metadata, so `head` reads no bytes.
 */
export class S3BlobStore implements BlobStore {
  readonly client: S3Client;
  readonly #bucket: string;
  readonly #lock: S3ObjectLock | undefined;
  readonly #legalHold: boolean;
  readonly #queueSize: number;
  readonly #partBytes: number;
  readonly #maxCopyBytes: number;
  readonly #copyPartBytes: number;
  readonly #now: () => number;
  readonly #onCleanupError: (err: unknown, key: string) => void;
  readonly #publishing = new KeyedQueue();

  constructor(options: S3BlobStoreOptions) {
    this.#bucket = options.bucket;
    this.#lock = options.objectLock;
    this.#legalHold = options.legalHold ?? false;
    this.#queueSize = positive('queueSize', options.queueSize ?? 4);
    this.#partBytes = Math.max(MIN_PART_BYTES, positive('partBytes', options.partBytes ?? MIN_PART_BYTES));
    this.#maxCopyBytes = Math.min(MAX_COPY_BYTES, positive('maxCopyBytes', options.maxCopyBytes ?? MAX_COPY_BYTES));
    this.#copyPartBytes = Math.max(MIN_PART_BYTES, positive('copyPartBytes', options.copyPartBytes ?? GiB));
    this.#now = options.now ?? Date.now;
    this.#onCleanupError = options.onCleanupError ?? (() => {});
    if (this.#lock && !(Number.isSafeInteger(this.#lock.days) && this.#lock.days > 0))
      throw new TypeError('objectLock.days must be a positive whole number');
    this.client = createS3Client(options);
  }

  async put(body: AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredBlob> {
    checkPutOptions(options);
    const measured = new MeasuredBody(body, options.maxBytes);
    let temp: TempObject | undefined;
    const tempKey = `${TEMP_PREFIX}${randomUUID()}`;
    try {
      try {
        temp = await this.#upload(tempKey, measured, options.maxBytes);
      } catch (err) {
        // The body's own failure (too large, the client went away) beats what the SDK made of it.
        throw measured.failed ? measured.failure : err;
      }
      const { sha256, size } = measured.result();
      if (options.expectedSha256 !== undefined && sha256 !== options.expectedSha256)
        throw new DigestMismatch(options.expectedSha256, sha256);
      const info: BlobInfo = { sha256, size, contentType: options.contentType };
      // Puts of the same bytes in this process publish one after another; other processes meet If-None-Match.
      return await this.#publishing.run(sha256, () => this.#publish(temp!, info));
    } finally {
      // A body that failed never completed an upload (a multipart one is aborted): there is nothing to remove.
      if (temp !== undefined || !measured.failed) await this.#removeTemp(tempKey, temp?.versionId);
    }
  }

  /** With `version`, that version of the object (a missing or deleted version is absent). */
  async head(sha256: string, version?: string): Promise<BlobInfo | undefined> {
    assertSha256(sha256);
    const stored = await this.#stat(contentKey(sha256), version);
    return stored && { sha256, size: stored.size, contentType: stored.contentType };
  }

  /**
   * The caller must consume or destroy `body`: it holds a connection until then. With `version`, only that version
   * is read: a later write or a delete marker under the name changes nothing.
   */
  async get(
    sha256: string,
    range?: ByteRange,
    version?: string,
  ): Promise<{ readonly info: BlobInfo; readonly body: NodeJS.ReadableStream } | undefined> {
    assertSha256(sha256);
    if (range && !plausible(range)) {
      // No request can express this range; its error names the blob's size.
      const info = await this.head(sha256, version);
      if (info) assertRange(range, info.size);
      return undefined;
    }
    const key = contentKey(sha256);
    let out;
    try {
      out = await this.client.send(
        new GetObjectCommand({
          Bucket: this.#bucket,
          Key: key,
          ...(version === undefined ? {} : { VersionId: version }),
          ...(range ? { Range: `bytes=${range.start}-${range.end ?? ''}` } : {}),
        }),
      );
    } catch (err) {
      if (isNotFound(err)) return undefined;
      if (range && statusOf(err) === 416) {
        const info = await this.head(sha256, version);
        if (info) throw new RangeNotSatisfiable(range, info.size);
        return undefined;
      }
      throw err;
    }
    const body = out.Body as Readable;
    try {
      const served = range ? servedRange(out.ContentRange) : undefined;
      const size = range ? served?.size : out.ContentLength;
      if (size === undefined || !Number.isSafeInteger(size))
        throw new Error(`the media bucket answered a read of ${key} without its size`);
      const info = { sha256, size, contentType: out.ContentType ?? DEFAULT_CONTENT_TYPE };
      if (!range || !served) return { info, body };
      const wanted = assertRange(range, size); // S3 shortens a range that ends past the object; the port refuses it
      if (served.start > wanted.start || served.end < wanted.end)
        throw new Error(
          `the media bucket served bytes ${served.start}-${served.end} of ${key} for ${wanted.start}-${wanted.end}`,
        );
      // Some S3 emulators serve more than asked (s3rver reads `bytes=0-0` as the whole object): trim it.
      if (served.start === wanted.start && served.end === wanted.end) return { info, body };
      return { info, body: trimmed(body, wanted.start - served.start, wanted.end - wanted.start + 1) };
    } catch (err) {
      body.destroy();
      throw err;
    }
  }

  /** The bucket answers (HeadBucket) with these credentials. */
  async ping(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.#bucket }));
  }

  /**
   * Whether the bucket has Object Lock enabled, without which the retention and legal holds the store sets on every
   * medium are refused by S3 (each upload would fail). A bucket without an Object Lock configuration (404), or a
   * service without Object Lock (501), has none.
   */
  async objectLockEnabled(): Promise<boolean> {
    try {
      const out = await this.client.send(new GetObjectLockConfigurationCommand({ Bucket: this.#bucket }));
      return out.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled';
    } catch (err) {
      const status = statusOf(err);
      if (status === 404 || status === 501) return false;
      throw err;
    }
  }

  /** Closes the client's connections. */
  close(): void {
    this.client.destroy();
  }

  /** Streams the body to `key`, hashing and counting it on the way; multipart once it outgrows one part. */
  async #upload(key: string, body: MeasuredBody, maxBytes: number): Promise<TempObject> {
    const partSize = Math.ceil(Math.max(this.#partBytes, maxBytes / MAX_PARTS) / MiB) * MiB;
    const source = Readable.from(body.chunks(), { objectMode: true, highWaterMark: 1 });
    try {
      const upload = new Upload({
        client: this.client,
        // Each part (or the single PutObject) carries its SHA-256, which S3 checks; it is also the checksum S3
        // demands of uploads into a bucket whose default retention locks every new object.
        params: { Bucket: this.#bucket, Key: key, Body: source, ChecksumAlgorithm: 'SHA256' },
        queueSize: this.#queueSize,
        partSize,
        leavePartsOnError: false,
      });
      const out = await upload.done();
      return { key, etag: out.ETag, versionId: out.VersionId };
    } finally {
      source.destroy(); // stops and closes the caller's body if the upload gave up early
    }
  }

  async #publish(temp: TempObject, info: BlobInfo): Promise<StoredBlob> {
    const key = contentKey(info.sha256);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.#stat(key);
      if (stored) return { ...(await this.#confirm(key, stored, info)), created: false, ...version(stored.versionId) };
      try {
        return { ...info, created: true, ...version(await this.#copy(temp, key, info)) };
      } catch (err) {
        // 412: another writer published the name first; 409: one was publishing it. Look again.
        const status = statusOf(err);
        if ((status !== 412 && status !== 409) || attempt >= PUBLISH_ATTEMPTS) throw err;
        if (status === 409) await delay(50 * attempt);
      }
    }
  }

  /**
   * An existing object under the name: the same bytes (size, recorded digest, re-hash of the very version HEAD
   * described, which is the version the put then returns), else an error.
   */
  async #confirm(key: string, stored: StoredObject, info: BlobInfo): Promise<BlobInfo> {
    if (stored.size !== info.size) throw new StoredBlobConflict(key, `has ${stored.size} bytes, not ${info.size}`);
    if (stored.recordedSha256 !== undefined && stored.recordedSha256 !== info.sha256)
      throw new StoredBlobConflict(key, `records the digest ${stored.recordedSha256}`);
    const out = await this.client.send(
      new GetObjectCommand({
        Bucket: this.#bucket,
        Key: key,
        ...(stored.versionId === undefined ? {} : { VersionId: stored.versionId }),
      }),
    );
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of out.Body as Readable) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).byteLength;
    }
    const actual = hash.digest('hex');
    if (actual !== info.sha256 || size !== info.size)
      throw new StoredBlobConflict(key, `holds ${size} bytes with the SHA-256 ${actual}`);
    return { sha256: info.sha256, size: info.size, contentType: stored.contentType };
  }

  /**
   * Copies the temporary object to its name unless the name exists; the only write under `sha256/`. Returns the
   * version it wrote. S3 computes the copy's SHA-256, which must be ours.
   */
  async #copy(temp: TempObject, key: string, info: BlobInfo): Promise<string | undefined> {
    const source =
      `${encodeURIComponent(this.#bucket)}/${temp.key.split('/').map(encodeURIComponent).join('/')}` +
      (temp.versionId === undefined ? '' : `?versionId=${encodeURIComponent(temp.versionId)}`);
    const target = {
      Bucket: this.#bucket,
      Key: key,
      ContentType: info.contentType,
      Metadata: { sha256: info.sha256, size: String(info.size) },
      ...this.#retention(),
    };
    const sourceMatch = temp.etag === undefined ? {} : { CopySourceIfMatch: temp.etag };
    if (info.size <= this.#maxCopyBytes) {
      const copy = new CopyObjectCommand({
        ...target,
        ...sourceMatch,
        CopySource: source,
        MetadataDirective: 'REPLACE',
        IfNoneMatch: '*',
        ChecksumAlgorithm: 'SHA256',
      });
      if (this.#lock || this.#legalHold) withEmptyBodyMd5(copy);
      const out = await this.client.send(copy);
      const checksum = out.CopyObjectResult?.ChecksumSHA256;
      if (checksum !== undefined && checksum !== Buffer.from(info.sha256, 'hex').toString('base64'))
        throw new StoredBlobConflict(
          key,
          `was copied with the SHA-256 ${Buffer.from(checksum, 'base64').toString('hex')}`,
        );
      return out.VersionId;
    }
    // Larger than one copy may be: copy it part by part, and the completion is the conditional write.
    const { UploadId } = await this.client.send(new CreateMultipartUploadCommand(target));
    try {
      const partBytes = Math.ceil(Math.max(this.#copyPartBytes, info.size / MAX_PARTS) / MiB) * MiB;
      const ranges: { partNumber: number; start: number; end: number }[] = [];
      for (let start = 0; start < info.size; start += partBytes)
        ranges.push({ partNumber: ranges.length + 1, start, end: Math.min(info.size, start + partBytes) - 1 });
      const parts: CompletedPart[] = [];
      for (let i = 0; i < ranges.length; i += this.#queueSize) {
        const batch = ranges.slice(i, i + this.#queueSize).map(async ({ partNumber, start, end }) => {
          const out = await this.client.send(
            new UploadPartCopyCommand({
              Bucket: this.#bucket,
              Key: key,
              UploadId,
              PartNumber: partNumber,
              CopySource: source,
              CopySourceRange: `bytes=${start}-${end}`,
              ...sourceMatch,
            }),
          );
          return { PartNumber: partNumber, ETag: out.CopyPartResult?.ETag };
        });
        parts.push(...(await Promise.all(batch)));
      }
      const done = await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.#bucket,
          Key: key,
          UploadId,
          MultipartUpload: { Parts: parts },
          IfNoneMatch: '*',
        }),
      );
      return done.VersionId;
    } catch (err) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.#bucket, Key: key, UploadId }))
        .catch((abortError: unknown) => this.#onCleanupError(abortError, key));
      throw err;
    }
  }

  /** The Object Lock headers of a published medium, from the configuration. */
  #retention() {
    return {
      ...(this.#lock
        ? {
            ObjectLockMode: this.#lock.mode,
            ObjectLockRetainUntilDate: new Date(this.#now() + this.#lock.days * DAY_MS),
          }
        : {}),
      ...(this.#legalHold ? { ObjectLockLegalHoldStatus: 'ON' as const } : {}),
    };
  }

  async #stat(key: string, versionId?: string): Promise<StoredObject | undefined> {
    let out;
    try {
      out = await this.client.send(
        new HeadObjectCommand({
          Bucket: this.#bucket,
          Key: key,
          ...(versionId === undefined ? {} : { VersionId: versionId }),
        }),
      );
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
    if (out.ContentLength === undefined) throw new Error(`the media bucket answered a HEAD of ${key} without its size`);
    return {
      size: out.ContentLength,
      contentType: out.ContentType ?? DEFAULT_CONTENT_TYPE,
      recordedSha256: out.Metadata?.sha256,
      versionId: out.VersionId,
    };
  }

  /** Deletes a temporary object (its version, in a versioned bucket); a failure is reported, not thrown. */
  async #removeTemp(key: string, versionId: string | undefined): Promise<void> {
    try {
      await this.client.send(
        new DeleteObjectCommand({
          Bucket: this.#bucket,
          Key: key,
          ...(versionId === undefined ? {} : { VersionId: versionId }),
        }),
      );
    } catch (err) {
      this.#onCleanupError(err, key);
    }
  }
}

/** `version` as the optional field of a put's answer. */
function version(versionId: string | undefined): { version?: string } {
  return versionId === undefined ? {} : { version: versionId };
}

/** MD5 of no bytes, base64. */
const EMPTY_BODY_MD5 = '1B2M2Y8AsgTpgAmY7PhCfg==';

/**
 * S3 requires a checksum on every write that carries Object Lock headers; a copy has no request body, so its
 * `Content-MD5` is that of the empty body (the copied bytes are checked by the copy's own SHA-256).
 */
function withEmptyBodyMd5(command: CopyObjectCommand): void {
  command.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) request.headers['content-md5'] = EMPTY_BODY_MD5;
      return next(args);
    },
    { step: 'build', name: 'emptyBodyContentMd5' },
  );
}

/**
 * The body as the upload reads it: each chunk is counted against the limit, copied (the upload holds chunks
 * until a part is full, and the bytes hashed must be the bytes stored even if the producer reuses its buffers)
 * and hashed. The first failure is kept, so that the put reports it rather than what the SDK made of it.
 */
class MeasuredBody {
  readonly #source: AsyncIterable<Uint8Array>;
  readonly #maxBytes: number;
  readonly #hash = createHash('sha256');
  #size = 0;
  #ended = false;
  failed = false;
  failure: unknown;

  constructor(source: AsyncIterable<Uint8Array>, maxBytes: number) {
    this.#source = source;
    this.#maxBytes = maxBytes;
  }

  async *chunks(): AsyncGenerator<Buffer> {
    try {
      // Leaving the loop early (a throw, or the upload closing this generator) calls the source's `return()`.
      for await (const chunk of this.#source) {
        if (!(chunk instanceof Uint8Array)) throw new TypeError('a body yields bytes (Uint8Array), not strings');
        this.#size += chunk.byteLength;
        if (this.#size > this.#maxBytes) throw new BlobTooLarge(this.#maxBytes);
        const own = Buffer.from(chunk);
        this.#hash.update(own);
        yield own;
      }
      this.#ended = true;
    } catch (err) {
      this.failed = true;
      this.failure = err;
      throw err;
    }
  }

  result(): { sha256: string; size: number } {
    if (!this.#ended) throw new Error('the upload finished before the body ended');
    return { sha256: this.#hash.digest('hex'), size: this.#size };
  }
}

/** Runs tasks with the same key one after another, in call order. */
class KeyedQueue {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => {},
      () => {},
    );
    this.#tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }
}

function checkPutOptions(options: PutOptions): void {
  if (!Number.isSafeInteger(options.maxBytes) || options.maxBytes < 0)
    throw new TypeError('maxBytes must be a non-negative integer');
  if (typeof options.contentType !== 'string' || options.contentType === '')
    throw new TypeError('contentType must be a non-empty string');
  if (options.expectedSha256 !== undefined) assertSha256(options.expectedSha256);
}

function positive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new TypeError(`${name} must be a positive whole number`);
  return value;
}

/** A range an HTTP `Range` header can express; whether it lies inside the blob is for the store to say. */
function plausible(range: ByteRange): boolean {
  const { start, end } = range;
  return (
    Number.isSafeInteger(start) && start >= 0 && (end === undefined || (Number.isSafeInteger(end) && end >= start))
  );
}

/** `Content-Range: bytes a-b/size`. */
function servedRange(contentRange: string | undefined): { start: number; end: number; size: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(contentRange ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) } : undefined;
}

/** `length` bytes of `source` after skipping `skip`; the rest of the source is not read. */
function trimmed(source: Readable, skip: number, length: number): Readable {
  async function* window() {
    let position = 0;
    const end = skip + length;
    try {
      for await (const chunk of source) {
        const buffer = chunk as Buffer;
        const from = Math.max(0, skip - position);
        const to = Math.min(buffer.byteLength, end - position);
        position += buffer.byteLength;
        if (to > from) yield buffer.subarray(from, to);
        if (position >= end) return;
      }
    } finally {
      source.destroy();
    }
  }
  return Readable.from(window(), { objectMode: false });
}

function statusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function isNotFound(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  return statusOf(err) === 404 && (name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchVersion');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
