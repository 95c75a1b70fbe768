import { randomBytes } from 'node:crypto';
import { DeleteObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { contentKey, S3BlobStore, type S3BlobStoreOptions } from '../../src/adapters/s3/blob-store.js';
import { MOTO_CREDENTIALS, MOTO_REGION, startMoto, type MotoS3 } from '../support/moto.js';
import { blobStoreContract, bodyOf, collect, patterned, sha256 } from './blob-store.contract.js';

const MiB = 1024 * 1024;

/**
 * The contract runs S3 stores with two parts in flight, so that what a store holds by design, (queueSize + 1) ×
 * 5 MiB parts, stays well below the 64 MiB of the memory test's body.
 */
export const CONTRACT_QUEUE_SIZE = 2;
export const CONTRACT_HELD_BYTES = (CONTRACT_QUEUE_SIZE + 1) * 5 * MiB;

/**
 * The S3 adapter over moto's S3 server, which enforces what s3rver ignores: versions, Object Lock and the
 * checksum S3 demands of writes that carry lock headers. Registered by s3-blob-store.test.ts when moto can run.
 */
export function s3OnMoto(): void {
  describe('S3 over moto (python3 -m moto.server)', () => {
    let moto: MotoS3;
    const stores: S3BlobStore[] = [];
    beforeAll(async () => {
      moto = await startMoto();
    }, 90_000);
    afterEach(() => stores.splice(0).forEach((store) => store.close()));
    afterAll(() => moto?.close());

    function openStore(bucket: string, options: Partial<S3BlobStoreOptions> = {}): S3BlobStore {
      const store = new S3BlobStore({
        bucket,
        region: MOTO_REGION,
        endpoint: moto.endpoint,
        credentials: MOTO_CREDENTIALS,
        forcePathStyle: true,
        ...options,
      });
      stores.push(store);
      return store;
    }

    blobStoreContract('S3 (moto)', async () => {
      const store = openStore(await moto.newBucket(), { queueSize: CONTRACT_QUEUE_SIZE });
      return { store, dispose: async () => {}, heldBytes: CONTRACT_HELD_BYTES };
    });

    describe('what a read of the published version withstands', () => {
      it('when the object is overwritten in the bucket after publish, then the published version still reads the published bytes', async () => {
        const bucket = await moto.newBucket();
        const store = openStore(bucket);
        const bytes = randomBytes(3000);
        const stored = await store.put(bodyOf(bytes), { contentType: 'image/jpeg', maxBytes: MiB });
        expect(stored.version).toEqual(expect.any(String));
        const substitute = Buffer.from('substituted bytes under the same name');
        await moto.client.send(
          new PutObjectCommand({ Bucket: bucket, Key: contentKey(stored.sha256), Body: substitute }),
        );

        const byName = await store.get(stored.sha256); // what a read by name alone would serve
        expect((await collect(byName!.body)).equals(substitute)).toBe(true);
        const published = await store.get(stored.sha256, undefined, stored.version);
        expect((await collect(published!.body)).equals(bytes)).toBe(true);
        expect(await store.head(stored.sha256, stored.version)).toEqual({
          sha256: sha256(bytes),
          size: 3000,
          contentType: 'image/jpeg',
        });
      });

      it('when the current version is deleted, then the medium is still read from its version', async () => {
        const bucket = await moto.newBucket();
        const store = openStore(bucket);
        const bytes = randomBytes(2000);
        const stored = await store.put(bodyOf(bytes), { contentType: 'audio/mpeg', maxBytes: MiB });
        await moto.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: contentKey(stored.sha256) }));

        expect(await store.head(stored.sha256)).toBeUndefined(); // a delete marker hides the name
        const got = await store.get(stored.sha256, { start: 1000 }, stored.version);
        expect((await collect(got!.body)).equals(bytes.subarray(1000))).toBe(true);
      });
    });

    describe('Object Lock', () => {
      it.each([
        // moto ignores lock headers on multipart uploads: there the test shows only that the puts succeed
        ['a single PutObject and a copy', 300_000, true],
        ['a multipart upload and a multipart copy', 6 * MiB + 1, false],
      ])(
        'when media are put under GOVERNANCE retention with a legal hold (%s), then the puts succeed and the published version is locked',
        async (_what, size, lockShown) => {
          const bucket = await moto.newBucket({ objectLock: true });
          const store = openStore(bucket, {
            objectLock: { mode: 'GOVERNANCE', days: 1 },
            legalHold: true,
            maxCopyBytes: 5 * MiB,
            copyPartBytes: 5 * MiB,
          });
          const expected = await collect(patterned(size, { seed: size }));
          const stored = await store.put(patterned(size, { seed: size }), {
            contentType: 'video/mp4',
            maxBytes: 10 * MiB,
          });
          expect(stored).toMatchObject({ sha256: sha256(expected), size, created: true });
          const object = { Bucket: bucket, Key: contentKey(stored.sha256), VersionId: stored.version };
          const head = await moto.client.send(new HeadObjectCommand(object));
          if (lockShown) expect(head).toMatchObject({ ObjectLockMode: 'GOVERNANCE', ObjectLockLegalHoldStatus: 'ON' });
          expect(
            (await collect((await store.get(stored.sha256, undefined, stored.version))!.body)).equals(expected),
          ).toBe(true);
        },
      );
    });
  });
}
