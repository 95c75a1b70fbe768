import {
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { DataKeyNotErasable, type KeyObjects } from '../../ports/data-keys.js';

/** Where the data keys live in their bucket. */
export const DATA_KEY_PREFIX = 'data-keys/';
/** How often a create that met a concurrent conditional write (409) tries again. */
const CREATE_ATTEMPTS = 4;
/** Rounds of listing and deleting a key's versions before a version still there is an error. */
const REMOVE_ROUNDS = 3;

/**
 * Data-key objects in an S3 bucket under `data-keys/`. A create is a PutObject with `If-None-Match: *`, which S3
 * lets exactly one writer win (412 to the others, 409 while one is in flight). A remove deletes every version and
 * delete marker of the name (ListObjectVersions, then DeleteObject per VersionId), so a versioned bucket keeps
 * nothing of the key, and lists again to check; a version S3 refuses to delete (Object Lock retention or a legal
 * hold) makes it fail with {@link DataKeyNotErasable}. A bucket with a default Object Lock retention locks every
 * object written to it, so it is refused outright ({@link checkErasable}, at start-up and before each erasure);
 * in a bucket with Object Lock enabled, each version of the keys about to be erased is asked for a legal hold or an
 * unexpired retention before anything is recorded.
 */
export class S3KeyObjects implements KeyObjects {
  readonly where: string;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    this.where = `s3://${bucket}/${DATA_KEY_PREFIX}`;
  }

  async create(name: string, bytes: Buffer): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: DATA_KEY_PREFIX + name,
            Body: bytes,
            ContentType: 'application/json',
            IfNoneMatch: '*',
          }),
        );
        return true;
      } catch (err) {
        const status = statusOf(err);
        if (status === 412) return false;
        if (status !== 409 || attempt >= CREATE_ATTEMPTS) throw err;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  async read(name: string): Promise<Buffer | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: DATA_KEY_PREFIX + name }));
      return Buffer.from(await out.Body!.transformToByteArray());
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async remove(name: string): Promise<void> {
    const key = DATA_KEY_PREFIX + name;
    // a replica that was making the key as the tombstone was written may add a version meanwhile: look again
    for (let round = 1; round <= REMOVE_ROUNDS; round++) {
      const versions = await this.#versions(key);
      if (versions.length === 0 && (await this.read(name)) === undefined) return;
      // a service without versions lists none: the object itself is deleted
      for (const versionId of versions.length === 0 ? [undefined] : versions) await this.#delete(key, versionId);
    }
    const left = await this.#versions(key);
    if (left.length > 0 || (await this.read(name)) !== undefined)
      throw new DataKeyNotErasable(
        `${left.length || 1} version(s) of a data key are still in the bucket after deletion`,
      );
  }

  async #delete(key: string, versionId: string | undefined): Promise<void> {
    try {
      await this.client.send(
        new DeleteObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(versionId === undefined ? {} : { VersionId: versionId }),
        }),
      );
    } catch (err) {
      if (statusOf(err) === 403 || statusOf(err) === 400)
        throw new DataKeyNotErasable(
          `S3 refused to delete a version of a data key (${(err as Error).name}): Object Lock or the bucket's policy keeps it`,
        );
      throw err;
    }
  }

  async checkErasable(names: readonly string[], now: Date): Promise<void> {
    let lock;
    try {
      const out = await this.client.send(new GetObjectLockConfigurationCommand({ Bucket: this.bucket }));
      lock = out.ObjectLockConfiguration;
    } catch (err) {
      // 404: no Object Lock configuration; 501: a service without Object Lock. Neither can keep a key.
      if (statusOf(err) === 404 || statusOf(err) === 501) return;
      throw err;
    }
    const rule = lock?.Rule?.DefaultRetention;
    if (rule)
      throw new DataKeyNotErasable(
        `the bucket ${this.bucket} locks every object it stores (default Object Lock retention ${rule.Mode ?? ''}); keep the data keys in a bucket without it (LEDGER_DATA_KEY_BUCKET)`,
      );
    if (lock?.ObjectLockEnabled !== 'Enabled') return;
    for (const name of names) {
      const key = DATA_KEY_PREFIX + name;
      for (const versionId of await this.#versions(key, { markers: false })) {
        const { held, until } = await this.#lockOf(key, versionId);
        if (held || (until !== undefined && until > now))
          throw new DataKeyNotErasable(
            `a version of the data key ${name} is ${held ? 'under a legal hold' : `retained until ${until!.toISOString()}`}; lift it, then erase`,
          );
      }
    }
  }

  /**
   * The lock on one version, as HeadObject reports it (the `x-amz-object-lock-*` headers): whether it is under a
   * legal hold, and until when it is retained. One request answers both.
   */
  async #lockOf(key: string, versionId: string): Promise<{ held: boolean; until: Date | undefined }> {
    const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key, VersionId: versionId }));
    return { held: out.ObjectLockLegalHoldStatus === 'ON', until: out.ObjectLockRetainUntilDate };
  }

  /** Every version id and (unless `markers` is false) delete marker stored under exactly `key`. */
  async #versions(key: string, { markers = true } = {}): Promise<string[]> {
    const found: string[] = [];
    let keyMarker: string | undefined;
    let versionMarker: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectVersionsCommand({
          Bucket: this.bucket,
          Prefix: key,
          ...(keyMarker === undefined ? {} : { KeyMarker: keyMarker }),
          ...(versionMarker === undefined ? {} : { VersionIdMarker: versionMarker }),
        }),
      );
      for (const entry of [...(out.Versions ?? []), ...(markers ? (out.DeleteMarkers ?? []) : [])])
        if (entry.Key === key && entry.VersionId !== undefined) found.push(entry.VersionId);
      keyMarker = out.IsTruncated ? out.NextKeyMarker : undefined;
      versionMarker = out.IsTruncated ? out.NextVersionIdMarker : undefined;
    } while (keyMarker !== undefined);
    return found;
  }
}

function statusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}
