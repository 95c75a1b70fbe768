import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import {
  BlobTooLarge,
  DigestMismatch,
  InvalidDigest,
  RangeNotSatisfiable,
  type BlobStore,
} from '../../src/ports/blob-store.js';

export interface BlobStoreTarget {
  readonly store: BlobStore;
  /** Releases what the target holds (folders, buckets). */
  dispose(): Promise<void>;
  /**
   * The most the store keeps in memory by design while a body streams through it (an S3 store's parts in flight);
   * 0 when unset. The memory test allows this much on top of its margin.
   */
  readonly heldBytes?: number;
}

const KiB = 1024;
const MiB = 1024 * KiB;
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A body made of the given buffers, one chunk each. */
export async function* bodyOf(...chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

/**
 * `size` deterministic pseudo-random bytes (xorshift32 from `seed`), generated chunk by chunk so that no more
 * than one chunk exists at a time. `onChunk` sees each chunk as it is pulled.
 */
export async function* patterned(
  size: number,
  { chunkSize = 64 * KiB, seed = 1, onChunk }: { chunkSize?: number; seed?: number; onChunk?: () => void } = {},
): AsyncGenerator<Uint8Array> {
  let x = seed >>> 0 || 1;
  for (let offset = 0; offset < size; offset += chunkSize) {
    const length = Math.min(chunkSize, size - offset);
    const words = new Uint32Array(Math.ceil(length / 4));
    for (let i = 0; i < words.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      words[i] = x >>> 0;
    }
    onChunk?.();
    yield new Uint8Array(words.buffer, 0, length);
  }
}

export async function collect(body: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export async function sha256Of(body: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of body) hash.update(chunk);
  return hash.digest('hex');
}

/** `gc()` without `--expose-gc` on the command line: the flag is set at run time and `gc` read from a fresh context. */
function forcedCollection(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/** A put's answer without the store-specific `version`. */
export function unversioned<T extends { version?: string }>(result: T): Omit<T, 'version'> {
  const { version: _version, ...rest } = result;
  return rest;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The behaviour every BlobStore adapter must have. Called once per adapter with a factory that returns a fresh,
 * empty store.
 */
export function blobStoreContract(name: string, open: () => Promise<BlobStoreTarget>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let target: BlobStoreTarget;
    let store: BlobStore;
    const opts = { contentType: 'image/jpeg', maxBytes: 100 * MiB };

    beforeEach(async () => {
      target = await open();
      store = target.store;
    });
    afterEach(async () => {
      await target.dispose();
    });

    async function read(hash: string, range?: { start: number; end?: number }): Promise<Buffer> {
      const got = await store.get(hash, range);
      if (!got) throw new Error(`blob ${hash} is absent`);
      return collect(got.body);
    }

    describe('put, head and get', () => {
      it('when a small body is put, then get returns the same bytes with their sha256, size and content type', async () => {
        const bytes = Buffer.from('photo of the seized goods');
        const info = { sha256: sha256(bytes), size: bytes.length, contentType: 'image/jpeg' };
        expect(unversioned(await store.put(bodyOf(bytes.subarray(0, 5), bytes.subarray(5)), opts))).toEqual({
          ...info,
          created: true,
        });
        expect(await store.head(info.sha256)).toEqual(info);
        const got = await store.get(info.sha256);
        expect(got?.info).toEqual(info);
        expect((await collect(got!.body)).equals(bytes)).toBe(true);
      });

      it('when a 6 MiB body is put in chunks, then the bytes read back are equal', async () => {
        const size = 6 * MiB + 123;
        const expected = await collect(patterned(size, { chunkSize: 100_000, seed: 6 }));
        const result = await store.put(patterned(size, { chunkSize: 100_000, seed: 6 }), {
          contentType: 'video/mp4',
          maxBytes: 6 * MiB + 123,
        });
        expect(unversioned(result)).toEqual({
          sha256: sha256(expected),
          size,
          contentType: 'video/mp4',
          created: true,
        });
        const back = await read(result.sha256);
        expect(back.length).toBe(size);
        expect(back.equals(expected)).toBe(true);
      });

      it('when the body is empty, then it is stored as the SHA-256 of nothing', async () => {
        const result = await store.put(bodyOf(), { contentType: 'text/plain', maxBytes: 0 });
        expect(unversioned(result)).toEqual({
          sha256: EMPTY_SHA256,
          size: 0,
          contentType: 'text/plain',
          created: true,
        });
        expect(await store.head(EMPTY_SHA256)).toEqual({ sha256: EMPTY_SHA256, size: 0, contentType: 'text/plain' });
        expect((await read(EMPTY_SHA256)).length).toBe(0);
      });

      it('when the same bytes are put twice, then the second is not created and the first content type stays', async () => {
        const bytes = Buffer.from('scanned decision document');
        const first = await store.put(bodyOf(bytes), { contentType: 'application/pdf', maxBytes: 1000 });
        const second = await store.put(bodyOf(bytes), { contentType: 'image/png', maxBytes: 1000 });
        expect(first.created).toBe(true);
        expect(second).toEqual({ ...first, created: false });
        expect(await store.head(first.sha256)).toEqual({
          sha256: first.sha256,
          size: bytes.length,
          contentType: 'application/pdf',
        });
        expect((await read(first.sha256)).equals(bytes)).toBe(true);
      });

      it('when ten puts of the same bytes run at once, then all agree, exactly one creates it, and it is intact', async () => {
        const size = 512 * KiB + 7;
        const expected = await collect(patterned(size, { seed: 10, chunkSize: 16 * KiB }));
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.put(patterned(size, { seed: 10, chunkSize: 16 * KiB }), opts)),
        );
        expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha256(expected)]));
        expect(results.every((r) => r.size === size && r.contentType === 'image/jpeg')).toBe(true);
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect((await read(sha256(expected))).equals(expected)).toBe(true);
      });

      it('when a put returns a version, then head and get of that version describe and return the same bytes', async () => {
        const bytes = Buffer.from('audio of the hearing');
        const stored = await store.put(bodyOf(bytes), { contentType: 'audio/mpeg', maxBytes: 1000 });
        const again = await store.put(bodyOf(bytes), { contentType: 'audio/mpeg', maxBytes: 1000 });
        expect(again.version).toBe(stored.version); // the put that found the bytes names the version it checked
        const info = { sha256: sha256(bytes), size: bytes.length, contentType: 'audio/mpeg' };
        expect(await store.head(info.sha256, stored.version)).toEqual(info);
        const got = await store.get(info.sha256, { start: 6 }, stored.version);
        expect((await collect(got!.body)).equals(bytes.subarray(6))).toBe(true);
      });

      it('when a hash was never stored, then head and get return undefined', async () => {
        const absent = sha256(Buffer.from('never stored'));
        expect(await store.head(absent)).toBeUndefined();
        expect(await store.get(absent)).toBeUndefined();
        expect(await store.get(absent, { start: 0 })).toBeUndefined();
      });

      it.each([
        ['a path', '../../etc/passwd'],
        ['uppercase hex', sha256(Buffer.from('x')).toUpperCase()],
        ['63 characters', 'a'.repeat(63)],
        ['65 characters', 'a'.repeat(65)],
        ['a trailing newline', `${'a'.repeat(64)}\n`],
        ['empty', ''],
      ])('when the hash is %s, then head and get fail with InvalidDigest', async (_what, hash) => {
        await expect(store.head(hash)).rejects.toBeInstanceOf(InvalidDigest);
        await expect(store.get(hash)).rejects.toBeInstanceOf(InvalidDigest);
        await expect(store.get(hash)).rejects.toMatchObject({ code: 'invalid_body', status: 400 });
      });

      it('when the store is reachable, then ping resolves', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    describe('expected digest', () => {
      const bytes = Buffer.from('audio of the hearing');

      it('when expectedSha256 matches the bytes, then the put succeeds', async () => {
        const result = await store.put(bodyOf(bytes), { ...opts, expectedSha256: sha256(bytes) });
        expect(result).toMatchObject({ sha256: sha256(bytes), created: true });
      });

      it('when expectedSha256 does not match, then the put fails with DigestMismatch and nothing is stored', async () => {
        const other = sha256(Buffer.from('something else'));
        const error = await store.put(bodyOf(bytes), { ...opts, expectedSha256: other }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DigestMismatch);
        expect(error).toMatchObject({ code: 'digest_mismatch', status: 400, expected: other, actual: sha256(bytes) });
        expect(await store.head(sha256(bytes))).toBeUndefined();
        expect(await store.head(other)).toBeUndefined();
      });

      it('when expectedSha256 is not a digest, then the put fails with InvalidDigest and nothing is stored', async () => {
        const expectedSha256 = sha256(bytes).toUpperCase();
        await expect(store.put(bodyOf(bytes), { ...opts, expectedSha256 })).rejects.toBeInstanceOf(InvalidDigest);
        expect(await store.head(sha256(bytes))).toBeUndefined();
      });
    });

    describe('size limit', () => {
      it('when the body exceeds maxBytes, then the put fails with BlobTooLarge and nothing is stored', async () => {
        const bytes = Buffer.alloc(1001, 7);
        const error = await store.put(bodyOf(bytes), { ...opts, maxBytes: 1000 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BlobTooLarge);
        expect(error).toMatchObject({ code: 'too_large', status: 413, maxBytes: 1000 });
        expect(await store.head(sha256(bytes))).toBeUndefined();
      });

      it('when a body of many chunks exceeds maxBytes, then the put stops reading it soon and stores nothing', async () => {
        const chunkSize = 4 * KiB;
        const size = 4 * MiB;
        let pulled = 0;
        let finished = false;
        async function* body() {
          try {
            yield* patterned(size, { chunkSize, seed: 3, onChunk: () => pulled++ });
          } finally {
            finished = true;
          }
        }
        await expect(store.put(body(), { ...opts, maxBytes: 256 * KiB })).rejects.toBeInstanceOf(BlobTooLarge);
        expect(finished).toBe(true); // the source was closed, not left hanging
        expect(pulled * chunkSize).toBeLessThanOrEqual(256 * KiB + 2 * chunkSize);
        expect(await store.head(await sha256Of(patterned(size, { chunkSize, seed: 3 })))).toBeUndefined();
      });

      it('when the body is exactly maxBytes long, then it is stored', async () => {
        const bytes = Buffer.alloc(1000, 9);
        expect(await store.put(bodyOf(bytes), { ...opts, maxBytes: 1000 })).toMatchObject({ size: 1000 });
      });
    });

    describe('failing body', () => {
      it('when the body generator throws midway, then the put rejects with that error and nothing is stored', async () => {
        const failure = new Error('client went away');
        const first = Buffer.alloc(64 * KiB, 1);
        async function* body() {
          yield first;
          yield first;
          throw failure;
        }
        await expect(store.put(body(), opts)).rejects.toBe(failure);
        expect(await store.head(sha256(Buffer.concat([first, first])))).toBeUndefined();
      });

      it('when the body stream is destroyed with an error midway, then the put rejects and nothing is stored', async () => {
        const stream = new PassThrough();
        const part = Buffer.alloc(10 * KiB, 2);
        stream.write(part);
        setTimeout(() => stream.destroy(new Error('connection reset')), 10);
        await expect(store.put(stream, opts)).rejects.toThrow('connection reset');
        expect(await store.head(sha256(part))).toBeUndefined();
      });

      it('when the body stream fails before the store has read from it, then the put rejects and nothing is stored', async () => {
        // the store may first open a file or a connection: the failure comes while it does, and must not go unheard
        const stream = new PassThrough();
        const part = Buffer.alloc(10 * KiB, 3);
        stream.write(part);
        const put = store.put(stream, opts);
        stream.destroy(new Error('connection reset early'));
        await expect(put).rejects.toThrow('connection reset early');
        expect(await store.head(sha256(part))).toBeUndefined();
      });
    });

    describe('ranged reads', () => {
      const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));
      let hash: string;
      beforeEach(async () => {
        hash = (await store.put(bodyOf(bytes), opts)).sha256;
      });

      it('when ranges inside the blob are read, then exactly those bytes come back', async () => {
        expect(await read(hash, { start: 0, end: 0 })).toEqual(bytes.subarray(0, 1));
        expect(await read(hash, { start: 100, end: 349 })).toEqual(bytes.subarray(100, 350));
        expect(await read(hash, { start: 999, end: 999 })).toEqual(bytes.subarray(999));
        expect(await read(hash, { start: 990 })).toEqual(bytes.subarray(990));
        expect(await read(hash, { start: 0, end: 999 })).toEqual(bytes);
        const ranged = await store.get(hash, { start: 10, end: 19 });
        expect(ranged?.info).toEqual({ sha256: hash, size: 1000, contentType: 'image/jpeg' });
        ranged?.body.resume();
      });

      it.each([
        ['starting at the size', { start: 1000 }],
        ['ending at the size', { start: 0, end: 1000 }],
        ['ending before its start', { start: 10, end: 9 }],
        ['starting before zero', { start: -1, end: 5 }],
        ['not in whole bytes', { start: 1.5 }],
      ])('when a range %s is read, then the get fails with RangeNotSatisfiable', async (_what, range) => {
        const error = await store.get(hash, range).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RangeNotSatisfiable);
        expect(error).toMatchObject({ code: 'range_not_satisfiable', status: 416, size: 1000 });
      });

      it('when any range of an empty blob is read, then the get fails with RangeNotSatisfiable', async () => {
        await store.put(bodyOf(), opts);
        await expect(store.get(EMPTY_SHA256, { start: 0 })).rejects.toBeInstanceOf(RangeNotSatisfiable);
      });
    });

    describe('memory', () => {
      it('when 64 MiB are put in 64 KiB chunks generated on the fly, then memory stays flat', async () => {
        const size = 64 * MiB;
        // Memory is sampled while the body streams (every 4 MiB) and the peak compared with the start. Without a
        // forced collection, RSS mostly measures chunks the store has let go of but V8 has not yet collected (it
        // lets ~30 MiB of external garbage pile up), which makes a streaming and a buffering store hard to tell
        // apart. After a collection, RSS and arrayBuffers grow by ~2 MiB for a streaming store (plus the parts an S3
        // store keeps in flight, its `heldBytes`) and ~64 MiB for one that buffers the body. arrayBuffers is checked
        // too, against a tighter bound, because RSS also moves with the allocator. The S3 emulators run in processes
        // of their own, so that what they hold is not counted here.
        const gc = forcedCollection();
        gc();
        const before = process.memoryUsage();
        const peak = { rss: before.rss, arrayBuffers: before.arrayBuffers };
        const sample = () => {
          gc();
          const now = process.memoryUsage();
          peak.rss = Math.max(peak.rss, now.rss);
          peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
        };
        // Each sample forces a full collection of the test worker's heap, which late in a run holds hundreds of MB
        // (0.2 to 0.5 s of CPU each): every 4 MiB (16 samples) still sees a buffering store grow past the bounds
        // well before its last chunk, where every 1 MiB cost some 25 s of CPU per store in a full run.
        let chunks = 0;
        const onChunk = () => {
          if (++chunks % 64 === 0) sample();
        };
        const result = await store.put(patterned(size, { seed: 64, onChunk }), opts);
        sample();
        expect(result).toMatchObject({ size, created: true });
        expect(result.sha256).toBe(await sha256Of(patterned(size, { seed: 64 })));
        // A store that buffered the body would hold all 64 MiB: both bounds stay well below that, to tell.
        const buffersBound = (target.heldBytes ?? 0) / MiB + 24;
        expect(buffersBound).toBeLessThanOrEqual(48);
        expect((peak.rss - before.rss) / MiB).toBeLessThan(48);
        expect((peak.arrayBuffers - before.arrayBuffers) / MiB).toBeLessThan(buffersBound);
      }, 120_000); // a generous bound: an emulated S3 server (moto) takes its time over 64 MiB
    });
  });
}
