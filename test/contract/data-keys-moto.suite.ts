import {
  ListObjectVersionsCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectRetentionCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { FileKeyWrapper } from '../../src/adapters/keys/master-key.js';
import { keyObjectNames, SharedDataKeyStore } from '../../src/adapters/keys/shared-data-key-store.js';
import { createS3Client } from '../../src/adapters/s3/blob-store.js';
import { DATA_KEY_PREFIX, S3KeyObjects } from '../../src/adapters/s3/key-objects.js';
import { DataKeyNotErasable, type KeyWrapper } from '../../src/ports/data-keys.js';
import { MOTO_CREDENTIALS, MOTO_REGION, startMoto, type MotoS3 } from '../support/moto.js';
import { contractClock, dataKeyStoreContract } from './data-key-store.contract.js';

/** What is stored under `key` in the bucket, every version and delete marker counted. */
async function versionsOf(client: S3Client, bucket: string, key: string): Promise<number> {
  const out = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }));
  return [...(out.Versions ?? []), ...(out.DeleteMarkers ?? [])].filter((entry) => entry.Key === key).length;
}

/**
 * The shared data-key store on S3, over moto's server, which enforces what s3rver ignores: versions, conditional
 * PutObject (`If-None-Match: *`) and Object Lock. Every bucket is versioned. Registered by data-key-stores.test.ts
 * when moto can run.
 */
export function dataKeysOnMoto(): void {
  describe('the data-key store on S3 (moto, versioned buckets)', () => {
    let moto: MotoS3;
    let client: S3Client;
    beforeAll(async () => {
      moto = await startMoto();
      client = createS3Client({
        bucket: 'unused',
        region: MOTO_REGION,
        endpoint: moto.endpoint,
        credentials: MOTO_CREDENTIALS,
        forcePathStyle: true,
      });
    }, 90_000);
    afterAll(async () => {
      client?.destroy();
      await moto?.close();
    });
    const storeOn = (bucket: string, wrapper: KeyWrapper = new FileKeyWrapper(Buffer.alloc(32, 3))) =>
      new SharedDataKeyStore(new S3KeyObjects(client, bucket), wrapper, contractClock);

    dataKeyStoreContract('S3 bucket (moto, versioned)', async (master) => {
      const bucket = await moto.newBucket();
      return { replica: (wrapper) => storeOn(bucket, wrapper ?? master), dispose: async () => {} };
    });

    it('when a key that was written twice is destroyed, then no version and no delete marker of it is left', async () => {
      const bucket = await moto.newBucket();
      const store = storeOn(bucket);
      const names = keyObjectNames('case-county:c-1');
      const key = DATA_KEY_PREFIX + names.key;
      await store.ensure('case-county:c-1');
      // an older version under the name, as someone with write access to the bucket could leave
      await moto.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'an older version' }));
      expect(await versionsOf(moto.client, bucket, key)).toBe(2);

      expect(await store.destroy('case-county:c-1', '2019-09-21T00:00:00Z')).toBe(true);
      expect(await versionsOf(moto.client, bucket, key)).toBe(0);
      expect(await versionsOf(moto.client, bucket, DATA_KEY_PREFIX + names.erased)).toBe(1);
    });

    it('when the bucket locks every object by default, then the store refuses to erase before anything is written', async () => {
      const bucket = await moto.newBucket({ defaultRetentionDays: 1 });
      const store = storeOn(bucket);
      await expect(store.checkErasable([])).rejects.toBeInstanceOf(DataKeyNotErasable);
      await expect(store.destroy('case-county:c-1', '2019-09-21T00:00:00Z')).rejects.toBeInstanceOf(DataKeyNotErasable);
      expect(await store.destroyed('case-county:c-1')).toBe(false);
    });

    it('when a version of a key is under a legal hold, then destroying it fails loudly and the key is still there', async () => {
      const bucket = await moto.newBucket({ objectLock: true });
      const store = storeOn(bucket);
      await store.checkErasable([]); // Object Lock on, but no default retention: erasable as such
      await store.ensure('case-county:c-2');
      const key = DATA_KEY_PREFIX + keyObjectNames('case-county:c-2').key;
      await moto.client.send(new PutObjectLegalHoldCommand({ Bucket: bucket, Key: key, LegalHold: { Status: 'ON' } }));
      await expect(store.destroy('case-county:c-2', '2019-09-21T00:00:00Z')).rejects.toBeInstanceOf(DataKeyNotErasable);
      expect(await versionsOf(moto.client, bucket, key)).toBeGreaterThan(0);
      // the tombstone is written all the same: nothing new is sealed for the scope until the key is removed
      expect(await store.destroyed('case-county:c-2')).toBe(true);
      await moto.client.send(new PutObjectLegalHoldCommand({ Bucket: bucket, Key: key, LegalHold: { Status: 'OFF' } }));
    });

    it('when a version of a key is under a legal hold, then the store says so before anything is written, and can erase once it is lifted', async () => {
      const bucket = await moto.newBucket({ objectLock: true });
      const store = storeOn(bucket);
      await store.ensure('case-county:c-3');
      await store.ensure('case-county:c-4');
      const key = DATA_KEY_PREFIX + keyObjectNames('case-county:c-3').key;
      await moto.client.send(new PutObjectLegalHoldCommand({ Bucket: bucket, Key: key, LegalHold: { Status: 'ON' } }));
      await expect(store.checkErasable(['case-county:c-4'])).resolves.toBeUndefined();
      const refused = store.checkErasable(['case-county:c-4', 'case-county:c-3']);
      await expect(refused).rejects.toBeInstanceOf(DataKeyNotErasable);
      await expect(refused).rejects.toThrow(/legal hold/);
      expect(await store.destroyed('case-county:c-3')).toBe(false);
      expect(await store.get('case-county:c-3')).toBeDefined();
      await moto.client.send(new PutObjectLegalHoldCommand({ Bucket: bucket, Key: key, LegalHold: { Status: 'OFF' } }));
      await expect(store.checkErasable(['case-county:c-3'])).resolves.toBeUndefined();
      expect(await store.destroy('case-county:c-3', '2019-09-21T00:00:00Z')).toBe(true);
    });

    it('when a version of a key is retained until a day still to come, then the store says so; a retention that ended does not', async () => {
      const bucket = await moto.newBucket({ objectLock: true });
      const store = storeOn(bucket); // its clock reads 2019-09-20
      await store.ensure('case-county:c-5');
      const key = DATA_KEY_PREFIX + keyObjectNames('case-county:c-5').key;
      const retain = (until: string) =>
        moto.client.send(
          new PutObjectRetentionCommand({
            Bucket: bucket,
            Key: key,
            Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date(until) },
            BypassGovernanceRetention: true,
          }),
        );
      await retain('2019-09-21T00:00:00Z');
      await expect(store.checkErasable(['case-county:c-5'])).rejects.toThrow(/retained until 2019-09-21/);
      expect(await store.destroyed('case-county:c-5')).toBe(false);
      await retain('2019-09-19T00:00:00Z');
      await expect(store.checkErasable(['case-county:c-5'])).resolves.toBeUndefined();
    });
  });
}
