import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
const START_TIMEOUT_MS = 60_000;

/** A request to the server's process, and its answer (matched by `id`). */
export type ServerRequest = { id: number; op: 'putBucket' | 'deleteBucket'; bucket: string };
export type ServerMessage = { ready: number } | { id: number; ok: true } | { id: number; ok: false; error: string };

/**
 * An S3 emulator (s3rver) on 127.0.0.1 (a free port), storing in a fresh temporary folder. It runs in a child
 * process of its own, so that what it holds in memory (the parts it receives) is not counted against the store
 * under test, and memory tests measure only the store. s3rver ignores conditional writes (`If-None-Match`) and
 * Object Lock, and does not implement UploadPartCopy; `emulateUploadPartCopy` adds a minimal UploadPartCopy (the
 * source range stored as the part) so that multipart copies can be exercised.
 */
export async function startLocalS3(options: { emulateUploadPartCopy?: boolean } = {}): Promise<LocalS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-s3rver-'));
  const child = fork(
    path.join(__dirname, 's3rver-child.ts'),
    [directory, options.emulateUploadPartCopy ? 'copy' : 'plain'],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let exited: Error | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('s3rver did not start within a minute')), START_TIMEOUT_MS);
    child.on('message', (message: ServerMessage) => {
      if ('ready' in message) {
        clearTimeout(timer);
        resolve(message.ready);
        return;
      }
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve();
      else waiting?.reject(new Error(message.error));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      exited = new Error(`s3rver's process ended (${signal ?? `exit ${code}`})`);
      reject(exited);
      for (const waiting of pending.values()) waiting.reject(exited);
      pending.clear();
    });
  });
  let requests = 0;
  const call = (op: ServerRequest['op'], bucket: string) =>
    new Promise<void>((resolve, reject) => {
      if (exited) return reject(exited);
      const id = ++requests;
      pending.set(id, { resolve, reject });
      child.send({ id, op, bucket } satisfies ServerRequest);
    });
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
      await call('putBucket', name);
      return name;
    },
    removeBucket: (bucket) => call('deleteBucket', bucket),
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
      await stop(child);
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await ended;
}
