// The s3rver S3 emulator in a process of its own (see startLocalS3 in s3rver.ts): argv = directory, 'copy' | 'plain'.
import S3rver from 's3rver';
import type { ServerMessage, ServerRequest } from './s3rver.js';

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

async function main(): Promise<void> {
  const [directory, mode] = process.argv.slice(2);
  if (!directory || !process.send) throw new Error('usage: s3rver-child.ts DIRECTORY copy|plain (forked, with IPC)');
  const send = (message: ServerMessage) => process.send!(message);
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true });
  if (mode === 'copy') server.middleware.unshift(uploadPartCopy);
  const { port } = await server.run();
  process.on('message', (request: ServerRequest) => {
    const done =
      request.op === 'putBucket' ? server.store.putBucket(request.bucket) : server.store.deleteBucket(request.bucket);
    done.then(
      () => send({ id: request.id, ok: true }),
      (error: unknown) => send({ id: request.id, ok: false, error: String(error) }),
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  send({ ready: port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
