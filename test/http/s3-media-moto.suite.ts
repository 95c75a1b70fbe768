import { createHash, randomBytes } from 'node:crypto';
import { DeleteObjectCommand, ListObjectVersionsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { contentKey } from '../../src/adapters/s3/blob-store.js';
import { runCli } from '../support/cli.js';
import { MOTO_CREDENTIALS, MOTO_REGION, startMoto, type MotoS3 } from '../support/moto.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The whole service with its media in an Object Lock bucket of moto's S3 server, under GOVERNANCE retention:
 * what someone with write access to the bucket can do to a stored name, and what the service then serves.
 * Registered by s3-media.test.ts when moto can run.
 */
export function serviceOnMoto(): void {
  describe('media over HTTP, stored in S3 (moto) under GOVERNANCE retention', () => {
    let moto: MotoS3;
    let bucket: string;
    let env: Record<string, string>;
    let t: TestService;
    let officer: string;
    const CASE = 'moto-1';

    beforeAll(async () => {
      moto = await startMoto();
      bucket = await moto.newBucket({ objectLock: true });
      env = {
        S3_ENDPOINT: moto.endpoint,
        S3_BUCKET: bucket,
        S3_REGION: MOTO_REGION,
        S3_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
        S3_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
        S3_FORCE_PATH_STYLE: 'true',
        S3_OBJECT_LOCK_MODE: 'GOVERNANCE',
        S3_OBJECT_LOCK_DAYS: '1',
      };
      t = await startTestService(env);
      ({ officer } = await seedAgency(t, AGENCY));
      const opened = await t.call('POST', '/v1/cases', {
        token: officer,
        body: {
          caseId: CASE,
          itemCode: 'P-001',
          title: '某律所未公示执业信息案',
          openedOn: '2026-03-02',
          officers: ['alice', 'bob'],
          parties: [{ kind: 'organization', name: '某律师事务所' }],
        },
      });
      expect(opened.status).toBe(201);
    }, 90_000);
    afterAll(async () => {
      await t?.stop();
      await moto?.close();
    });

    /** Uploads the bytes (expecting `status`) and records an act of the case that references them. */
    async function evidence(bytes: Buffer, status = 201): Promise<string> {
      const res = await fetch(`${t.url}/v1/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer}`, 'content-type': 'image/jpeg' },
        body: bytes,
      });
      expect(res.status).toBe(status);
      const { sha256: sha } = (await res.json()) as { sha256: string };
      const act = await t.call('POST', `/v1/cases/${CASE}/acts`, {
        token: officer,
        body: {
          type: 'EvidenceCollected',
          occurredAt: '2026-03-03T09:30:00+08:00',
          officers: ['alice', 'bob'],
          data: { description: '现场照片' },
          media: [sha],
        },
      });
      expect(act.status).toBe(201);
      return sha;
    }

    async function download(sha: string) {
      const res = await fetch(`${t.url}/v1/media/${sha}`, { headers: { authorization: `Bearer ${officer}` } });
      return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
    }

    it('when an officer uploads under GOVERNANCE retention, then the upload succeeds (201) and is served', async () => {
      const bytes = randomBytes(50_000);
      const sha = await evidence(bytes);
      expect(sha).toBe(sha256(bytes));
      expect(await download(sha)).toEqual({ status: 200, bytes });
    });

    it('when the object is overwritten in the bucket after publish, then the service still serves and exports the published bytes', async () => {
      const bytes = randomBytes(40_000);
      const sha = await evidence(bytes);
      const substitute = randomBytes(40_000); // same size, other bytes
      await moto.client.send(new PutObjectCommand({ Bucket: bucket, Key: contentKey(sha), Body: substitute }));
      expect(await download(sha)).toEqual({ status: 200, bytes });
      // and the case's evidence bundle carries the published bytes too
      const bundle = await fetch(`${t.url}/v1/cases/${CASE}/bundle`, {
        headers: { authorization: `Bearer ${officer}` },
      });
      expect(bundle.status).toBe(200);
      const tar = Buffer.from(await bundle.arrayBuffer());
      expect([tar.includes(bytes), tar.includes(substitute)]).toEqual([true, false]);
    });

    it('when the current version is deleted, then the medium is still served from its version', async () => {
      const bytes = randomBytes(30_000);
      const sha = await evidence(bytes);
      await moto.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: contentKey(sha) }));
      expect(await download(sha)).toEqual({ status: 200, bytes });
    });

    it('when the published version is removed from the bucket, then ledger check --media names it and the service refuses to serve it', async () => {
      const bytes = randomBytes(20_000);
      const sha = await evidence(bytes);
      const { Versions } = await moto.client.send(
        new ListObjectVersionsCommand({ Bucket: bucket, Prefix: contentKey(sha) }),
      );
      for (const { VersionId } of Versions ?? [])
        await moto.client.send(
          new DeleteObjectCommand({
            Bucket: bucket,
            Key: contentKey(sha),
            VersionId,
            BypassGovernanceRetention: true,
          }),
        );

      const checked = await runCli(['check', '--media'], { ...env, LEDGER_DATA_DIR: t.dataDir });
      expect(checked.code).toBe(1);
      expect(checked.stdout).toMatch(/read from the S3 bucket \S+ at http:\/\/127\.0\.0\.1:\d+/);
      expect(checked.stdout).toMatch(
        new RegExp(`media_missing: medium ${sha} \\(stored version [^)]+\\) is referenced`),
      );
      const served = await download(sha);
      expect(served.status).toBe(500);
      expect(JSON.parse(served.bytes.toString('utf8'))).toMatchObject({ code: 'integrity_fault' });
    }, 120_000);

    it.each([
      [{ S3_OBJECT_LOCK_MODE: 'COMPLIANCE', S3_OBJECT_LOCK_DAYS: '1' }, 'S3_OBJECT_LOCK_MODE'],
      [{ S3_LEGAL_HOLD: 'true' }, 'S3_LEGAL_HOLD'],
    ])(
      'when %j is set for a bucket without Object Lock, then start-up stops naming %s, not every upload later',
      async (locking, variable) => {
        const plain = await moto.newBucket();
        const { S3_OBJECT_LOCK_MODE: _mode, S3_OBJECT_LOCK_DAYS: _days, ...rest } = env;
        await expect(startTestService({ ...rest, S3_BUCKET: plain, ...locking })).rejects.toMatchObject({
          code: 'config_invalid',
          variable,
          message: expect.stringContaining(`the bucket "${plain}" has no Object Lock`),
        });
      },
      60_000,
    );
  });
}
