import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentKey } from '../../src/adapters/s3/blob-store.js';
import { ConfigError } from '../../src/errors.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { motoUnavailable } from '../support/moto.js';
import { startLocalS3, S3RVER_CREDENTIALS, type LocalS3 } from '../support/s3rver.js';
import { serviceOnMoto } from './s3-media-moto.suite.js';
import { asVideo } from '../support/media-bytes.js';

const MiB = 1024 * 1024;
const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The whole service with its media in a bucket of a local S3 emulator (s3rver), as docker-compose wires MinIO. */
describe('media over HTTP, stored in S3 (s3rver)', () => {
  let s3: LocalS3;
  let bucket: string;
  let t: TestService;
  let officer: string;
  const CASE = 's3-1';

  beforeAll(async () => {
    s3 = await startLocalS3();
    bucket = await s3.newBucket();
    t = await startTestService({
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    });
    ({ officer } = await seedAgency(t, AGENCY));
    const opened = await t.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId: CASE,
        itemCode: 'P-001',
        title: '某律所未公示执业信息案',
        openedOn: today,
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某律师事务所' }],
      },
    });
    expect(opened.status).toBe(201);
  });
  afterAll(async () => {
    await t?.stop();
    await s3?.close();
  });

  it('when the service is ready, then its readiness covers the bucket', async () => {
    const ready = await t.call('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({ eventStore: 'ok', mediaStore: 'ok' });
  });

  it('when an officer streams a 6 MiB video in, then the bucket holds it byte for byte and the case serves it back', async () => {
    const bytes = asVideo(randomBytes(6 * MiB + 321));
    async function* chunks() {
      for (let offset = 0; offset < bytes.length; offset += 200_000) yield bytes.subarray(offset, offset + 200_000);
    }
    const res = await fetch(`${t.url}/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'video/mp4', 'x-content-sha256': sha256(bytes) },
      body: chunks(),
      duplex: 'half', // sent chunked, as it is produced
    } as RequestInit);
    expect(res.status).toBe(201);
    const uploaded = (await res.json()) as { sha256: string; size: number; contentType: string };
    expect(uploaded).toEqual({ sha256: sha256(bytes), size: bytes.length, contentType: 'video/mp4' });

    // in the bucket, under its content key, exactly the bytes sent (no aws-chunked framing), and nothing else
    expect(fs.readFileSync(s3.objectFile(bucket, contentKey(uploaded.sha256))).equals(bytes)).toBe(true);
    expect(s3.keys(bucket)).toEqual([contentKey(uploaded.sha256)]);

    const act = await t.call('POST', `/v1/cases/${CASE}/acts`, {
      token: officer,
      body: {
        type: 'EvidenceCollected',
        occurredAt: `${today}T00:09:30+08:00`,
        officers: ['alice', 'bob'],
        data: { description: '现场执法记录仪视频' },
        media: [uploaded.sha256],
      },
    });
    expect(act.status).toBe(201);

    const whole = await fetch(`${t.url}/v1/media/${uploaded.sha256}`, {
      headers: { authorization: `Bearer ${officer}`, 'x-purpose': 'evidence review' },
    });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('etag')).toBe(`"${uploaded.sha256}"`);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const part = await fetch(`${t.url}/v1/media/${uploaded.sha256}`, {
      headers: { authorization: `Bearer ${officer}`, range: `bytes=${5 * MiB - 5}-${5 * MiB + 4}` },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes ${5 * MiB - 5}-${5 * MiB + 4}/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(5 * MiB - 5, 5 * MiB + 5))).toBe(true);

    const beyond = await fetch(`${t.url}/v1/media/${uploaded.sha256}`, {
      headers: { authorization: `Bearer ${officer}`, range: `bytes=${bytes.length}-` },
    });
    expect(beyond.status).toBe(416);
    await beyond.arrayBuffer();

    // the same bytes again: 200, nothing new in the bucket
    const again = await fetch(`${t.url}/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'video/mp4' },
      body: bytes,
    });
    expect(again.status).toBe(200);
    await again.arrayBuffer();
    expect(s3.keys(bucket)).toEqual([contentKey(uploaded.sha256)]);
  });

  it('when the announced digest does not match, then 400 and the bucket holds nothing new', async () => {
    const before = s3.keys(bucket);
    const res = await fetch(`${t.url}/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'image/jpeg', 'x-content-sha256': 'a'.repeat(64) },
      body: randomBytes(1000),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('digest_mismatch');
    expect(s3.keys(bucket)).toEqual(before);
  });

  it('when a medium declared a video does not start as one, then 422 and the bucket holds nothing new', async () => {
    const before = s3.keys(bucket);
    const res = await fetch(`${t.url}/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'video/mp4' },
      body: Buffer.concat([Buffer.from('not a video: '), randomBytes(6 * MiB)]),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { code: string }).code).toBe('media_type_mismatch');
    expect(s3.keys(bucket)).toEqual(before);
  });

  it('when the configured bucket does not exist, then start-up stops naming S3_BUCKET', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-s3-missing-'));
    await expect(
      startTestService({
        LEDGER_DATA_DIR: dataDir,
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: 'no-such-bucket',
        S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      }),
    ).rejects.toMatchObject({ constructor: ConfigError, variable: 'S3_BUCKET' });
    // stopped before opening anything: only the data folder's lock, taken first, was made (and let go)
    expect(fs.readdirSync(dataDir)).toEqual(['service.lock']);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

const motoMissing = motoUnavailable();
if (motoMissing === undefined) {
  console.log('S3 media over HTTP: also running over moto (python3 -m moto.server): versions, Object Lock');
  serviceOnMoto();
} else {
  console.log(
    `S3 media over HTTP: the moto runs (versions, Object Lock) are SKIPPED: ${motoMissing}; ` +
      'install moto (pip install "moto[server]") to run them',
  );
}
