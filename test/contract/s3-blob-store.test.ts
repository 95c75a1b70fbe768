import fs from 'node:fs';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  contentKey,
  S3BlobStore,
  StoredBlobConflict,
  type S3BlobStoreOptions,
} from '../../src/adapters/s3/blob-store.js';
import { BlobTooLarge, DigestMismatch } from '../../src/ports/blob-store.js';
import { startLocalS3, S3RVER_CREDENTIALS, type LocalS3 } from '../support/s3rver.js';
import { motoUnavailable } from '../support/moto.js';
import { blobStoreContract, bodyOf, collect, patterned, sha256 } from './blob-store.contract.js';
import { CONTRACT_HELD_BYTES, CONTRACT_QUEUE_SIZE, s3OnMoto } from './s3-moto.suite.js';

const KiB = 1024;
const MiB = 1024 * KiB;

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3({ emulateUploadPartCopy: true });
});
afterAll(() => s3.close());

function openStore(bucket: string, options: Partial<S3BlobStoreOptions> = {}): S3BlobStore {
  return new S3BlobStore({
    bucket,
    region: 'us-east-1',
    endpoint: s3.endpoint,
    credentials: S3RVER_CREDENTIALS,
    forcePathStyle: true,
    ...options,
  });
}

blobStoreContract('S3 (s3rver)', async () => {
  const bucket = await s3.newBucket();
  const store = openStore(bucket, { queueSize: CONTRACT_QUEUE_SIZE });
  return {
    store,
    heldBytes: CONTRACT_HELD_BYTES,
    dispose: async () => {
      store.close();
      await s3.removeBucket(bucket);
    },
  };
});

interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, string>;
}

/** Records every request the store's client sends, as signed and about to go on the wire. */
function recordRequests(store: S3BlobStore): SeenRequest[] {
  const seen: SeenRequest[] = [];
  store.client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as Partial<SeenRequest> | undefined;
      if (request?.method && request.path && request.headers) {
        const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
        seen.push({ method: request.method, path: request.path, query: { ...request.query }, headers });
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'recordRequests', priority: 'low' },
  );
  return seen;
}

/** The CopyObject request that published a blob: a PUT with a copy source under `sha256/`. */
const publications = (seen: SeenRequest[]) =>
  seen.filter((r) => r.method === 'PUT' && 'x-amz-copy-source' in r.headers && r.path.includes('/sha256/'));

describe('S3BlobStore (over s3rver)', () => {
  let bucket: string;
  let store: S3BlobStore;
  beforeEach(async () => {
    bucket = await s3.newBucket();
    store = openStore(bucket);
  });
  afterEach(async () => {
    store.close();
    await s3.removeBucket(bucket);
  });

  describe('bytes stored are the bytes sent (no aws-chunked framing)', () => {
    it.each([
      ['6 MiB (two upload parts)', 6 * MiB, 100_000],
      ['12 MiB + 7 bytes (three parts, chunks not aligned with them)', 12 * MiB + 7, 65_537],
      ['1 MiB (a single PutObject)', MiB, 10_000],
    ])(
      'when %s are streamed in, then the object on the server and every read equal them',
      async (_what, size, chunkSize) => {
        const seen = recordRequests(store);
        const expected = await collect(patterned(size, { chunkSize, seed: size }));
        const result = await store.put(patterned(size, { chunkSize, seed: size }), {
          contentType: 'video/mp4',
          maxBytes: 100 * MiB,
        });
        expect(result).toEqual({ sha256: sha256(expected), size, contentType: 'video/mp4', created: true });

        // what the server wrote to its disk, read without any client decoding
        expect(fs.readFileSync(s3.objectFile(bucket, contentKey(result.sha256))).equals(expected)).toBe(true);
        // what the adapter reads back, whole and across the part boundary
        expect((await collect((await store.get(result.sha256))!.body)).equals(expected)).toBe(true);
        const start = Math.min(5 * MiB - 10, size - 20);
        const ranged = await store.get(result.sha256, { start, end: start + 19 });
        expect((await collect(ranged!.body)).equals(expected.subarray(start, start + 20))).toBe(true);

        // every request that sent bytes carried their SHA-256 in a header, never the chunked framing (with a
        // trailing checksum) that s3rver would store
        const uploads = seen.filter((r) => r.method === 'PUT' || r.method === 'POST');
        expect(uploads.length).toBeGreaterThan(0);
        for (const request of uploads) {
          expect(request.headers['content-encoding'] ?? '').not.toContain('aws-chunked');
          expect(request.headers['x-amz-trailer']).toBeUndefined();
        }
        const bodies = uploads.filter((r) => r.method === 'PUT' && !('x-amz-copy-source' in r.headers));
        expect(bodies.length).toBeGreaterThan(0);
        for (const request of bodies) expect(request.headers['x-amz-checksum-sha256']).toMatch(/^[A-Za-z0-9+/]{43}=$/);
        const multipart = seen.some((r) => 'uploadId' in r.query);
        expect(multipart).toBe(size > 5 * MiB);
      },
    );
  });

  it('when a blob is put, then it is published under sha256/<aa>/<bb>/<hash> with its metadata and no temporary object remains', async () => {
    const seen = recordRequests(store);
    const bytes = Buffer.from('on-site inspection photo');
    const hash = sha256(bytes);
    await store.put(bodyOf(bytes), { contentType: 'image/jpeg', maxBytes: 1000 });
    expect(contentKey(hash)).toBe(`sha256/${hash.slice(0, 2)}/${hash.slice(2, 4)}/${hash}`);
    expect(s3.keys(bucket)).toEqual([contentKey(hash)]);

    const object = await store.client.send(new GetObjectCommand({ Bucket: bucket, Key: contentKey(hash) }));
    expect(object.ContentType).toBe('image/jpeg');
    expect(object.Metadata).toEqual({ sha256: hash, size: String(bytes.length) });
    expect(Buffer.from((await object.Body?.transformToByteArray())!).equals(bytes)).toBe(true);

    const [publication] = publications(seen);
    expect(publication?.headers['if-none-match']).toBe('*'); // a conditional write: never replaces a stored blob
    expect(publication?.headers['x-amz-metadata-directive']).toBe('REPLACE');
    expect(publication?.headers['x-amz-copy-source']).toMatch(/\/tmp\/[0-9a-f-]{36}$/);
    expect(Object.keys(publication!.headers).filter((h) => h.startsWith('x-amz-object-lock'))).toEqual([]);
  });

  it('when puts succeed or fail, then no temporary object is left in the bucket', async () => {
    const bytes = Buffer.from('evidence');
    const opts = { contentType: 'image/jpeg', maxBytes: MiB };
    await store.put(bodyOf(bytes), opts);
    await store.put(bodyOf(bytes), opts);
    await expect(store.put(patterned(2 * MiB), opts)).rejects.toBeInstanceOf(BlobTooLarge);
    await expect(store.put(bodyOf(bytes), { ...opts, expectedSha256: 'f'.repeat(64) })).rejects.toBeInstanceOf(
      DigestMismatch,
    );
    expect(s3.keys(bucket)).toEqual([contentKey(sha256(bytes))]);
  });

  it('when a put is aborted mid-stream after parts were uploaded, then it rejects with the cause and nothing is visible', async () => {
    const failure = new Error('the officer’s connection dropped');
    async function* body() {
      yield* patterned(11 * MiB, { chunkSize: 256 * KiB, seed: 11 }); // two full parts are on their way
      throw failure;
    }
    await expect(store.put(body(), { contentType: 'video/mp4', maxBytes: 100 * MiB })).rejects.toBe(failure);
    expect(s3.keys(bucket)).toEqual([]);
    const listed = await store.client.send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(listed.KeyCount ?? 0).toBe(0);
  });

  it('when a put is larger than maxBytes after parts were uploaded, then BlobTooLarge and nothing is visible', async () => {
    await expect(
      store.put(patterned(14 * MiB, { chunkSize: 64 * KiB }), { contentType: 'video/mp4', maxBytes: 12 * MiB }),
    ).rejects.toBeInstanceOf(BlobTooLarge);
    expect(s3.keys(bucket)).toEqual([]);
  });

  describe('an existing object at the content key', () => {
    const bytes = Buffer.from('the real recording of the seizure');
    const hash = sha256(bytes);
    const plant = (body: Buffer, metadata: Record<string, string> = {}) =>
      store.client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: contentKey(hash),
          Body: body,
          ContentType: 'video/webm',
          Metadata: metadata,
        }),
      );
    const stored = () => fs.readFileSync(s3.objectFile(bucket, contentKey(hash)));

    it('when it holds other bytes of another size, then the put fails and the object is left as it is', async () => {
      await plant(Buffer.from('damaged'));
      const seen = recordRequests(store);
      const error = await store.put(bodyOf(bytes), { contentType: 'video/mp4', maxBytes: 1000 }).catch((e) => e);
      expect(error).toBeInstanceOf(StoredBlobConflict);
      expect(String(error.message)).toContain(contentKey(hash));
      expect(stored().toString()).toBe('damaged');
      expect(publications(seen)).toEqual([]); // never even tried to write over it
      expect(s3.keys(bucket)).toEqual([contentKey(hash)]);
    });

    it('when it holds other bytes of the same size and claims the right digest, then the re-hash refuses it', async () => {
      const forged = Buffer.from(bytes.toString().toUpperCase());
      await plant(forged, { sha256: hash, size: String(bytes.length) });
      await expect(store.put(bodyOf(bytes), { contentType: 'video/mp4', maxBytes: 1000 })).rejects.toBeInstanceOf(
        StoredBlobConflict,
      );
      expect(stored().equals(forged)).toBe(true);
    });

    it('when it holds the same bytes (stored by something else), then the put succeeds without writing', async () => {
      await plant(bytes);
      const seen = recordRequests(store);
      const result = await store.put(bodyOf(bytes), { contentType: 'video/mp4', maxBytes: 1000 });
      expect(result).toMatchObject({ sha256: hash, size: bytes.length, created: false });
      expect(publications(seen)).toEqual([]);
      expect(s3.keys(bucket)).toEqual([contentKey(hash)]);
    });

    it('when another writer publishes the name first (412 to our conditional copy), then the put confirms theirs', async () => {
      // s3rver ignores If-None-Match; answer the copy as S3 does when the name appeared meanwhile
      let raced = 0;
      store.client.middlewareStack.add(
        (next) => async (args) => {
          const request = args.request as { method?: string; path?: string; headers?: Record<string, string> };
          if (
            request.method === 'PUT' &&
            request.headers?.['x-amz-copy-source'] &&
            request.path?.includes('/sha256/')
          ) {
            raced++;
            await plant(bytes); // the other replica's copy lands first
            throw Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), {
              name: 'PreconditionFailed',
              $metadata: { httpStatusCode: 412 },
            });
          }
          return next(args);
        },
        { step: 'finalizeRequest', name: 'racingWriter', priority: 'high' },
      );
      const result = await store.put(bodyOf(bytes), { contentType: 'video/mp4', maxBytes: 1000 });
      expect(result).toEqual({ sha256: hash, size: bytes.length, contentType: 'video/webm', created: false });
      expect(raced).toBe(1); // one conditional copy, refused; then the stored object was checked, not replaced
      expect(s3.keys(bucket)).toEqual([contentKey(hash)]);
    });

    it('when the racing writer stored other bytes under the name, then the put fails rather than succeed', async () => {
      store.client.middlewareStack.add(
        (next) => async (args) => {
          const request = args.request as { method?: string; path?: string; headers?: Record<string, string> };
          if (
            request.method === 'PUT' &&
            request.headers?.['x-amz-copy-source'] &&
            request.path?.includes('/sha256/')
          ) {
            await plant(Buffer.from('something else entirely'));
            throw Object.assign(new Error('precondition failed'), {
              name: 'PreconditionFailed',
              $metadata: { httpStatusCode: 412 },
            });
          }
          return next(args);
        },
        { step: 'finalizeRequest', name: 'racingWriter', priority: 'high' },
      );
      await expect(store.put(bodyOf(bytes), { contentType: 'video/mp4', maxBytes: 1000 })).rejects.toBeInstanceOf(
        StoredBlobConflict,
      );
      expect(stored().toString()).toBe('something else entirely');
    });
  });

  describe('Object Lock', () => {
    // s3rver accepts and ignores these headers; retention and legal holds are enforced by the real service
    // (AWS S3, MinIO) on a bucket created with Object Lock enabled. Here we check what is asked of it.
    const now = Date.parse('2026-03-01T08:00:00.000Z');

    it('when retention and a legal hold are configured, then the published object is sent with them and the temporary one is not', async () => {
      const locked = openStore(bucket, {
        objectLock: { mode: 'COMPLIANCE', days: 3650 },
        legalHold: true,
        now: () => now,
      });
      const seen = recordRequests(locked);
      const bytes = Buffer.from('recording under retention');
      await locked.put(bodyOf(bytes), { contentType: 'video/mp4', maxBytes: 1000 });
      locked.close();

      const [publication] = publications(seen);
      expect(publication?.headers).toMatchObject({
        'x-amz-object-lock-mode': 'COMPLIANCE',
        // ten years (3650 days) from the clock, to the second as the SDK sends it
        'x-amz-object-lock-retain-until-date': '2036-02-27T08:00:00Z',
        'x-amz-object-lock-legal-hold': 'ON',
      });
      const others = seen.filter((r) => r !== publication);
      expect(others.length).toBeGreaterThan(0);
      for (const request of others)
        expect(Object.keys(request.headers).filter((h) => h.startsWith('x-amz-object-lock'))).toEqual([]);
    });

    it('when only GOVERNANCE retention is configured, then no legal hold is asked for', async () => {
      const locked = openStore(bucket, { objectLock: { mode: 'GOVERNANCE', days: 30 }, now: () => now });
      const seen = recordRequests(locked);
      await locked.put(bodyOf(Buffer.from('x')), { contentType: 'text/plain', maxBytes: 10 });
      locked.close();
      const [publication] = publications(seen);
      expect(publication?.headers['x-amz-object-lock-mode']).toBe('GOVERNANCE');
      expect(publication?.headers['x-amz-object-lock-retain-until-date']).toBe('2026-03-31T08:00:00Z');
      expect(publication?.headers['x-amz-object-lock-legal-hold']).toBeUndefined();
    });
  });

  it('when a medium is larger than one copy may be, then it is published by a multipart copy with If-None-Match on completion', async () => {
    // S3 copies at most 5 GiB at once; the limit is lowered here so that 12 MiB take the multipart path.
    const big = openStore(bucket, { maxCopyBytes: 6 * MiB, copyPartBytes: 5 * MiB, legalHold: true });
    const seen = recordRequests(big);
    const size = 12 * MiB + 3;
    const expected = await collect(patterned(size, { seed: 12 }));
    const result = await big.put(patterned(size, { seed: 12 }), { contentType: 'video/mp4', maxBytes: 100 * MiB });
    expect(result).toMatchObject({ size, created: true, sha256: sha256(expected) });
    expect(fs.readFileSync(s3.objectFile(bucket, contentKey(result.sha256))).equals(expected)).toBe(true);
    expect(await big.head(result.sha256)).toEqual({ sha256: result.sha256, size, contentType: 'video/mp4' });

    const target = seen.filter((r) => r.path.includes('/sha256/'));
    const copies = target.filter((r) => 'x-amz-copy-source-range' in r.headers);
    expect(copies.map((r) => r.headers['x-amz-copy-source-range'])).toEqual([
      `bytes=0-${5 * MiB - 1}`,
      `bytes=${5 * MiB}-${10 * MiB - 1}`,
      `bytes=${10 * MiB}-${size - 1}`,
    ]);
    const create = target.find((r) => r.method === 'POST' && 'uploads' in r.query);
    expect(create?.headers['x-amz-object-lock-legal-hold']).toBe('ON');
    const complete = target.find((r) => r.method === 'POST' && 'uploadId' in r.query);
    expect(complete?.headers['if-none-match']).toBe('*');
    expect(s3.keys(bucket)).toEqual([contentKey(result.sha256)]);
    big.close();
  });

  it('when the bucket does not exist, then ping rejects', async () => {
    const missing = openStore('no-such-bucket');
    await expect(missing.ping()).rejects.toBeDefined();
    missing.close();
  });
});

const motoMissing = motoUnavailable();
if (motoMissing === undefined) {
  console.log('S3 contract: also running over moto (python3 -m moto.server): versions, Object Lock, checksums');
  s3OnMoto();
} else {
  console.log(
    `S3 contract: the moto runs (versions, Object Lock, checksums) are SKIPPED: ${motoMissing}; ` +
      'install moto (pip install "moto[server]") to run them',
  );
}
