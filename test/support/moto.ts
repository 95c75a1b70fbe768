import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutObjectLockConfigurationCommand,
  S3Client,
} from '@aws-sdk/client-s3';

/** moto accepts any credentials. */
export const MOTO_CREDENTIALS = { accessKeyId: 'moto', secretAccessKey: 'moto' } as const;
export const MOTO_REGION = 'us-east-1';

export interface MotoS3 {
  /** `http://127.0.0.1:<port>`, for path-style requests. */
  readonly endpoint: string;
  /** A client of the server, to do what someone with write access to the bucket could do. */
  readonly client: S3Client;
  /**
   * A fresh versioned bucket; with `objectLock`, Object Lock is enabled on it, and with `defaultRetentionDays`,
   * every new object is locked in GOVERNANCE mode for that long unless a write says otherwise.
   */
  newBucket(options?: { objectLock?: boolean; defaultRetentionDays?: number }): Promise<string>;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * Why moto cannot run here, or undefined when it can: `python3 -m moto.server` needs python3 with the moto
 * package (and its server extras). Tests print this reason and do not register the runs that need moto.
 */
export function motoUnavailable(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import moto, moto.server; print(moto.__version__)'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (probe.error)
    return `python3 cannot be run (${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message})`;
  if (probe.status !== 0) {
    const last = probe.stderr.trim().split('\n').pop() ?? '';
    return `python3 cannot import moto.server (${last || `exit ${probe.status}`})`;
  }
  return undefined;
}

/**
 * moto's S3 server (`python3 -m moto.server`) on 127.0.0.1, on a port the system picks. Unlike s3rver it enforces
 * versioning, Object Lock (retention, legal hold, the checksum S3 demands of locked writes) and conditional
 * PutObject; it ignores `If-None-Match` on CopyObject and lock headers on multipart uploads.
 */
export async function startMoto(): Promise<MotoS3> {
  const child = spawn('python3', ['-u', '-m', 'moto.server', '-H', '127.0.0.1', '-p', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const endpoint = await announcedEndpoint(child);
  const client = new S3Client({
    region: MOTO_REGION,
    endpoint,
    credentials: MOTO_CREDENTIALS,
    forcePathStyle: true,
  });
  let buckets = 0;
  return {
    endpoint,
    client,
    async newBucket(options = {}) {
      const bucket = `evidence-${process.pid}-${++buckets}`;
      const lock = options.objectLock === true || options.defaultRetentionDays !== undefined;
      await client.send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: lock }));
      if (!lock)
        await client.send(
          new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
        );
      if (options.defaultRetentionDays !== undefined)
        await client.send(
          new PutObjectLockConfigurationCommand({
            Bucket: bucket,
            ObjectLockConfiguration: {
              ObjectLockEnabled: 'Enabled',
              Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: options.defaultRetentionDays } },
            },
          }),
        );
      return bucket;
    },
    async close() {
      client.destroy();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Waits for werkzeug's `Running on http://127.0.0.1:<port>` line; fails with what the server said otherwise. */
function announcedEndpoint(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(
      () => fail(new Error(`moto did not start within ${START_TIMEOUT_MS} ms: ${said}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      said = (said + chunk.toString('utf8')).slice(-4000);
      const match = /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(said);
      if (match) done(() => resolve(match[1]!));
    };
    const onExit = (code: number | null) => fail(new Error(`moto exited (${code}) before it listened: ${said}`));
    const done = (then: () => void) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      child.stdout!.resume(); // keep draining what it logs, so that it never blocks on a full pipe
      child.stderr!.resume();
      then();
    };
    const fail = (err: Error) =>
      done(() => {
        child.kill('SIGKILL');
        reject(err);
      });
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
}
