import { caseStream } from '../../src/domain/case/acts.js';
import path from 'node:path';
import { openNote, parseCheckpoint } from '../../src/ledger/checkpoint.js';
import { headsRootOfCheckpoint } from '../../src/ledger/checkpoint-heads.js';
import { verifyHeadProof } from '../../src/ledger/heads-map.js';
import { loadValidators } from '../../src/http/validation.js';
import { createPublicKey } from 'node:crypto';
import { seedAgency, startTestService, testSuite, type TestService } from '../support/service.js';

const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
const conforms = (body: unknown) =>
  expect(() => validate('urn:evidence-ledger:schema:response:head-proof', body)).not.toThrow();

const AGENCY = 'county-justice';
const ORIGIN = 'ledger.example.gov.cn/heads';
const today = new Date().toISOString().slice(0, 10);
let t: TestService;
let officer: string;

beforeAll(async () => {
  t = await startTestService({ CHECKPOINT_EVERY_EVENTS: '1000000', LEDGER_LOG_ORIGIN: ORIGIN });
  ({ officer } = await seedAgency(t, AGENCY));
});
afterAll(() => t.stop());

async function openCase(caseId: string) {
  const body = {
    caseId,
    itemCode: 'P-001',
    title: '检查',
    openedOn: today,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某公司' }],
  };
  expect((await t.call('POST', '/v1/cases', { token: officer, body })).status).toBe(201);
}

/** The heads root the latest checkpoint's signed note commits to. */
async function checkpointHeads() {
  const keys = await t.call('GET', '/v1/ledger/keys');
  const [current] = keys.body.keys.filter((k: { status: string }) => k.status === 'current');
  const checkpoint = (await t.call('GET', '/v1/ledger/checkpoint')).body;
  const opened = openNote(checkpoint.note, [{ name: ORIGIN, publicKey: createPublicKey(current.publicKeyPem) }]);
  const parsed = parseCheckpoint(opened!.body)!;
  return { size: checkpoint.size as number, root: headsRootOfCheckpoint(parsed.extensions)! };
}

const headUrl = (stream: string, treeSize?: number) =>
  `/v1/ledger/proof/head?stream=${encodeURIComponent(stream)}${treeSize === undefined ? '' : `&treeSize=${treeSize}`}`;

describe('head proofs over HTTP', () => {
  it("when a reader of the agency asks for a case stream's head at a checkpoint, then the proof verifies against the checkpoint's heads line and names the last event", async () => {
    await openCase('hp-1');
    const act = { type: 'EvidenceCollected', occurredAt: `${today}T00:09:00+08:00`, data: { description: 'x' } };
    expect((await t.call('POST', '/v1/cases/hp-1/acts', { token: officer, body: act })).status).toBe(201);
    const { size, root } = await checkpointHeads();
    expect(root).toBeInstanceOf(Buffer);
    const res = await t.call('GET', headUrl(caseStream(AGENCY, 'hp-1'), size), { token: officer });
    expect(res.status).toBe(200);
    conforms(res.body);
    const last = (await t.service.events.readStream(caseStream(AGENCY, 'hp-1'))).at(-1)!.event;
    expect(verifyHeadProof(res.body, root, testSuite.hash)).toEqual({ revision: last.revision, head: last.hash });
    expect(res.body).toMatchObject({ treeSize: size, revision: 1, head: last.hash });
  });

  it("when a stream is unknown to the log, then its absence is proved only where the proof shows no stream's head but a public one's; else 404 not_found, asked with a token or without", async () => {
    await openCase('hp-4');
    const { size, root } = await checkpointHeads();
    const publicKeys = ['ledger-keys', 'working-day-calendar', 'token-revocations', 'portal-sign-outs'].map((s) =>
      testSuite.hash(Buffer.from(s, 'utf8')).toString('hex'),
    );
    const statuses = new Set<number>();
    // names ground until their paths lead past every leaf of the map, the agency's cases among them
    for (let i = 0; i < 48; i++) {
      for (const [stream, token] of [
        [caseStream(AGENCY, `never-opened-${i}`), officer],
        [`probe-${i}`, undefined],
      ] as const) {
        const res = await t.call('GET', headUrl(stream, size), token ? { token } : {});
        statuses.add(res.status);
        if (res.status === 200) {
          conforms(res.body);
          expect(res.body.revision).toBeUndefined();
          expect(verifyHeadProof(res.body, root, testSuite.hash)).toBeNull();
          if (res.body.other !== undefined) expect(publicKeys).toContain(res.body.other.key);
        } else {
          expect([res.status, res.body.code]).toEqual([404, 'not_found']);
          expect(res.body.detail).toBe(
            `the log holds no stream ${JSON.stringify(stream)} at tree size ${size} that this caller may see; its ` +
              "proof of absence is not given, as it would show another stream's head",
          );
        }
      }
    }
    expect(statuses).toContain(404);
  });

  it("when an agency's stream is asked without a token or by another agency, then 404 not_found, as if it did not exist", async () => {
    await openCase('hp-2');
    const stream = caseStream(AGENCY, 'hp-2');
    expect(await t.call('GET', headUrl(stream))).toMatchObject({ status: 404, body: { code: 'not_found' } });
    const stranger = t.token('someone', 'other-agency', ['officer']);
    expect(await t.call('GET', headUrl(stream), { token: stranger })).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect((await t.call('GET', headUrl(stream), { token: 'not-a-token' })).status).toBe(401);
  });

  it('when a supervisor over the agency asks for one of its streams, then the proof is served', async () => {
    await openCase('hp-3');
    await t.service.readModelsCaughtUp(); // the tree, and so its map of heads, is a projection of the log
    const supervisor = t.token('sam', 'city-justice', ['supervisor'], [AGENCY]);
    const res = await t.call('GET', headUrl(caseStream(AGENCY, 'hp-3')), { token: supervisor });
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(0);
  });

  it('when a stream of no agency is asked without a token, then the proof is served', async () => {
    const res = await t.call('GET', headUrl('ledger-keys'));
    expect(res.status).toBe(200);
    conforms(res.body);
  });

  it('when the tree size is beyond the tree or malformed, or the stream is missing, then 400 invalid_query', async () => {
    const { size } = await checkpointHeads();
    await t.service.readModelsCaughtUp();
    const tree = (await t.call('GET', '/v1/ledger/checkpoint')).body.size as number;
    expect(tree).toBeGreaterThanOrEqual(size);
    const beyond = await t.call('GET', headUrl('ledger-keys', tree + 1000));
    expect(beyond).toMatchObject({ status: 400, body: { code: 'invalid_query' } });
    expect((await t.call('GET', '/v1/ledger/proof/head?stream=ledger-keys&treeSize=-1')).status).toBe(400);
    expect((await t.call('GET', '/v1/ledger/proof/head?treeSize=1')).status).toBe(400);
    expect((await t.call('GET', '/v1/ledger/proof/head?stream=a%01b')).status).toBe(400);
  });
});
