import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/** s3rver's built-in account. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export interface LocalS3 {
  /** `http://127.0.0.1:<port>`, for path-style requests. */
  readonly endpoint: string;
  /** Where s3rver keeps buckets and objects. */
  readonly directory: string;
  /** Creates an empty bucket with a fresh name. */
  newBucket(): Promise<string>;
  removeBucket(bucket: string): Promise<void>;
  /** The file holding an object's bytes, to check what the server really stored. */
  objectFile(bucket: string, key: string): string;
  /** The keys of the objects in a bucket (not counting unfinished multipart uploads). */
  keys(bucket: string): string[];
  close(): Promise<void>;
}

const OBJECT_SUFFIX = '._S3rver_object';

/**
 * An S3 emulator on 127.0.0.1 (a free port), storing in a fresh temporary folder. s3rver ignores conditional
 * writes (`If-None-Match`) and Object Lock, and does not implement UploadPartCopy; `emulateUploadPartCopy` adds
 * a minimal UploadPartCopy (the source range stored as the part) so that multipart copies can be exercised.
 */
export async function startLocalS3(options: { emulateUploadPartCopy?: boolean } = {}): Promise<LocalS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  if (options.emulateUploadPartCopy) server.middleware.unshift(uploadPartCopy);
  const { port } = await server.run();
  let buckets = 0;
  const objectFile = (bucket: string, key: string) => {
    const parts = key.split('/');
    const last = parts.pop()!;
    return path.join(directory, bucket, ...parts, `${last}${OBJECT_SUFFIX}`);
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    async newBucket() {
      const name = `evidence-${process.pid}-${++buckets}`;
      await server.store.putBucket(name);
      return name;
    },
    async removeBucket(bucket) {
      await server.store.deleteBucket(bucket);
    },
    objectFile,
    keys(bucket) {
      const root = path.join(directory, bucket);
      const found: string[] = [];
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (entry.name.endsWith(OBJECT_SUFFIX))
            found.push(path.relative(root, full).split(path.sep).join('/').slice(0, -OBJECT_SUFFIX.length));
        }
      };
      walk(root);
      return found.sort();
    },
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** PUT /bucket/key?partNumber=N&uploadId=U with x-amz-copy-source and x-amz-copy-source-range (path style). */
const uploadPartCopy: Parameters<S3rver['middleware']['unshift']>[0] = async (ctx, next) => {
  const copySource = ctx.headers['x-amz-copy-source'];
  const uploadId = ctx.query.uploadId;
  if (ctx.method !== 'PUT' || typeof copySource !== 'string' || typeof uploadId !== 'string') return next();
  const [sourceBucket, ...sourceKey] = decodeURIComponent(copySource.split('?')[0]!).replace(/^\//, '').split('/');
  const range = /^bytes=(\d+)-(\d+)$/.exec(String(ctx.headers['x-amz-copy-source-range'] ?? ''));
  if (!sourceBucket || !range) throw new Error('emulated UploadPartCopy needs a source and a range');
  const object = await ctx.store.getObject(sourceBucket, sourceKey.join('/'), {
    start: Number(range[1]),
    end: Number(range[2]),
  });
  if (!object) throw new Error(`emulated UploadPartCopy: no ${copySource}`);
  const targetBucket = ctx.path.split('/')[1]!;
  const { md5 } = await ctx.store.putPart(targetBucket, uploadId, String(ctx.query.partNumber), object.content);
  ctx.type = 'application/xml';
  ctx.body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<CopyPartResult><ETag>"${md5}"</ETag><LastModified>${new Date().toISOString()}</LastModified></CopyPartResult>`;
};
