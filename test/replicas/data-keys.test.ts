import { PutObjectLegalHoldCommand } from '@aws-sdk/client-s3';
import { keyObjectNames } from '../../src/adapters/keys/shared-data-key-store.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { motoUnavailable, MOTO_CREDENTIALS, MOTO_REGION, startMoto, type MotoS3 } from '../support/moto.js';
import { openCase, startReplicas, until, type Replicas } from '../support/replicas.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * The cases' data keys of two replicas on one EventStoreDB (its TEST DOUBLE) and one media bucket (moto's S3
 * server, versioned): with `LEDGER_DATA_KEY_STORE=media` they share the keys; with the embedded file they do not.
 */
const AGENCY = 'county-justice';
const PERSON = { kind: 'person', name: '张三丰', idNumber: '140521199001011234', phone: '13912345678' };

const motoMissing = motoUnavailable();
if (motoMissing !== undefined)
  console.log(`replicas' shared data keys: SKIPPED, these tests need moto's S3 server: ${motoMissing}`);
const describeWithMoto = motoMissing === undefined ? describe : describe.skip;

/** The first party's name as replica `t` reads the case, once its read models hold the case. */
async function partyName(t: TestService, token: string, caseId: string, erased = false): Promise<unknown> {
  let name: unknown;
  await until(`${caseId} read on the replica`, async () => {
    const res = await t.call('GET', `/v1/cases/${caseId}`, { token });
    name = res.body.parties?.[0]?.name;
    return res.status === 200 && (!erased || res.body.erased !== undefined);
  });
  return name;
}

describeWithMoto('two replicas and their data keys', () => {
  let moto: MotoS3;
  beforeAll(async () => {
    moto = await startMoto();
  }, 90_000);
  afterAll(async () => moto?.close());

  const s3Env = (bucket: string) => ({
    S3_ENDPOINT: moto.endpoint,
    S3_BUCKET: bucket,
    S3_REGION: MOTO_REGION,
    S3_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  });

  it('when the keys are shared with the media bucket, then a case sealed on A reads on B, and erased on B is erased on A', async () => {
    const r: Replicas = await startReplicas({
      env: { ...s3Env(await moto.newBucket()), LEDGER_DATA_KEY_STORE: 'media' },
    });
    try {
      const { officer } = await seedAgency(r.a, AGENCY);
      const admin = r.a.token('head', AGENCY, ['admin']);
      expect((await openCase(r.a, officer, 'shared-1', { parties: [PERSON] })).status).toBe(201);
      expect(await partyName(r.b, officer, 'shared-1')).toBe(PERSON.name);

      const erased = await r.b.call('POST', '/v1/cases/shared-1/erasure', {
        token: admin,
        body: { ground: 'retention_expired', reason: '保管期限届满' },
      });
      expect([erased.status, erased.body.detail]).toEqual([201, undefined]);
      expect(await partyName(r.a, officer, 'shared-1', true)).toBe('[erased]');
      // A holds no key any more: the events' opened values beside them are gone too
      const events = await r.a.call('GET', '/v1/cases/shared-1/events', { token: officer });
      expect(JSON.stringify(events.body)).not.toContain(PERSON.idNumber);
    } finally {
      await r.stop();
    }
  }, 180_000);

  it("when a case's key is under a legal hold, then its erasure is refused before anything is recorded, and goes through once the hold is lifted", async () => {
    const bucket = await moto.newBucket({ objectLock: true });
    const t = await startTestService({ ...s3Env(bucket), LEDGER_DATA_KEY_STORE: 'media' });
    try {
      const { officer } = await seedAgency(t, AGENCY);
      const admin = t.token('head', AGENCY, ['admin']);
      expect((await openCase(t, officer, 'held-1', { parties: [PERSON] })).status).toBe(201);
      const key = `data-keys/${keyObjectNames(caseStream(AGENCY, 'held-1')).key}`;
      const hold = (Status: 'ON' | 'OFF') =>
        moto.client.send(new PutObjectLegalHoldCommand({ Bucket: bucket, Key: key, LegalHold: { Status } }));
      await hold('ON');
      const before = await t.service.events.headPosition();
      const body = { ground: 'consent_withdrawn', reason: '当事人撤回同意' };
      const refused = await t.call('POST', '/v1/cases/held-1/erasure', { token: admin, body });
      expect([refused.status, refused.body.code]).toEqual([503, 'data_key_not_erasable']);
      expect(await t.service.events.headPosition()).toBe(before); // nothing signed, nothing appended
      expect(await partyName(t, officer, 'held-1')).toBe(PERSON.name);

      await hold('OFF');
      const erased = await t.call('POST', '/v1/cases/held-1/erasure', { token: admin, body });
      expect([erased.status, erased.body.detail]).toEqual([201, undefined]);
      expect(await partyName(t, officer, 'held-1', true)).toBe('[erased]');
    } finally {
      await t.stop();
    }
  }, 180_000);

  it('when each replica keeps the embedded key file, then a case sealed on A reads [sealed] on B', async () => {
    const r: Replicas = await startReplicas({ env: s3Env(await moto.newBucket()) });
    try {
      const { officer } = await seedAgency(r.a, AGENCY);
      expect((await openCase(r.a, officer, 'own-1', { parties: [PERSON] })).status).toBe(201);
      expect(await partyName(r.a, officer, 'own-1')).toBe(PERSON.name);
      expect(await partyName(r.b, officer, 'own-1')).toBe('[sealed]');
    } finally {
      await r.stop();
    }
  }, 180_000);

  it('when the bucket locks every object by default, then a service sharing its keys there refuses to start', async () => {
    const bucket = await moto.newBucket({ defaultRetentionDays: 1 });
    const attempt = startTestService({ ...s3Env(bucket), LEDGER_DATA_KEY_STORE: 'media' });
    await expect(attempt).rejects.toMatchObject({
      code: 'config_invalid',
      variable: 'LEDGER_DATA_KEY_STORE',
      message: expect.stringContaining('Object Lock'),
    });
    await attempt.catch(() => {});
  }, 120_000);
});
