import { caseStream } from '../../src/domain/case/acts.js';
import { DEFAULT_TEMPLATES } from '../../src/domain/drafting/default-templates.js';
import { createPublicKey } from 'node:crypto';
import { openNote, parseCheckpoint } from '../../src/ledger/checkpoint.js';
import { rootOf } from '../../src/ledger/merkle.js';
import { verifyConsistency, verifyInclusion } from '../../src/ledger/merkle-proofs.js';
import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import { seedAgency, startTestService, testSuite, type TestService } from '../support/service.js';
import { recordingListBody } from '../support/recording-list.js';

const tree = testSuite.tree;
const leafHash = (hash: Uint8Array) => tree.leaf(hash);

/** Each answer is checked against the response schema the OpenAPI document declares for it. */
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
const conforms = (schema: string, body: unknown) =>
  expect(() => validate(`urn:evidence-ledger:schema:response:${schema}`, body)).not.toThrow();

const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
let t: TestService;
let officer: string;

beforeAll(async () => {
  t = await startTestService({ CHECKPOINT_EVERY_EVENTS: '1000000', LEDGER_LOG_ORIGIN: 'ledger.example.gov.cn/test' });
  ({ officer } = await seedAgency(t, AGENCY));
});
afterAll(() => t.stop());

const b64 = (s: string) => Buffer.from(s, 'base64');

/** Whether an inclusion proof's path leads from its own leaf hash to the root of `checkpoint`. */
const proves = (
  proof: { leafHash: string; leafIndex: number; proof: string[] },
  checkpoint: { size: number; rootHash: string },
) =>
  verifyInclusion(
    b64(proof.leafHash),
    proof.leafIndex,
    checkpoint.size,
    proof.proof.map(b64),
    b64(checkpoint.rootHash),
    tree,
  );

/** The tree computed independently: a leaf per event of the log in order, the checkpoints' own stream left out. */
async function independentRoot(size: number): Promise<Buffer> {
  const all = await t.service.events.readAll({ limit: 100_000 });
  const leaves = all.filter((r) => r.event.stream !== 'ledger-checkpoints').map((r) => r.event.hash);
  expect(leaves.length).toBeGreaterThanOrEqual(size);
  return rootOf(
    leaves.slice(0, size).map((h) => leafHash(Buffer.from(h, 'hex'))),
    tree,
  );
}

async function openCase(caseId: string) {
  const body = {
    caseId,
    itemCode: 'P-001',
    title: '检查',
    openedOn: today,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某公司' }],
  };
  const res = await t.call('POST', '/v1/cases', { token: officer, body });
  expect(res.status).toBe(201);
  return res.body as { eventId: string; position: number };
}

async function noteKey() {
  const keys = await t.call('GET', '/v1/ledger/keys');
  expect(keys.status).toBe(200);
  expect(keys.body.origin).toBe('ledger.example.gov.cn/test');
  const [current] = keys.body.keys.filter((k: { status: string }) => k.status === 'current');
  expect(current.noteKey).toMatch(/^ledger\.example\.gov\.cn\/test\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/);
  return { name: 'ledger.example.gov.cn/test', publicKey: createPublicKey(current.publicKeyPem as string) };
}

describe('the transparency log over HTTP', () => {
  it('when the checkpoint is asked for, then it covers every event so far, its root is the independent one and its note verifies', async () => {
    const opened = await openCase('tl-1');
    const res = await t.call('GET', '/v1/ledger/checkpoint');
    expect(res.status).toBe(200);
    conforms('checkpoint', res.body);
    const { origin, size, rootHash, note } = res.body;
    expect(origin).toBe('ledger.example.gov.cn/test');
    expect(size).toBe(opened.position); // every event so far; no checkpoint was issued before this one
    expect(b64(rootHash)).toEqual(await independentRoot(size));
    const opened2 = openNote(note, [await noteKey()]);
    expect(opened2?.verifiedBy).toEqual(['ledger.example.gov.cn/test']);
    expect(parseCheckpoint(opened2!.body)).toMatchObject({ origin, size, rootHash: b64(rootHash) });
    // asked again with nothing new: the same checkpoint, not another one
    const again = await t.call('GET', '/v1/ledger/checkpoint');
    expect(again.body).toEqual(res.body);
  });

  it('when the log grows, then a new checkpoint is consistent with the old one and includes every event', async () => {
    const first = (await t.call('GET', '/v1/ledger/checkpoint')).body;
    const opened = await openCase('tl-2');
    const act = { type: 'EvidenceCollected', occurredAt: `${today}T00:09:00+08:00`, data: { description: 'x' } };
    const acted = await t.call('POST', '/v1/cases/tl-2/acts', { token: officer, body: act });
    const second = (await t.call('GET', '/v1/ledger/checkpoint')).body;
    expect(second.size).toBeGreaterThan(first.size);

    const consistency = await t.call('GET', `/v1/ledger/proof/consistency?from=${first.size}&to=${second.size}`);
    expect(consistency.status).toBe(200);
    conforms('consistency-proof', consistency.body);
    expect(
      verifyConsistency(
        first.size,
        second.size,
        b64(first.rootHash),
        b64(second.rootHash),
        consistency.body.proof.map(b64),
        tree,
      ),
    ).toBe(true);

    const events = await t.service.events.readStream(caseStream(AGENCY, 'tl-2'));
    for (const [i, recorded] of events.entries()) {
      const id = i === 0 ? opened.eventId : acted.body.eventId;
      const proof = await t.call('GET', `/v1/ledger/proof/inclusion?eventId=${id}&treeSize=${second.size}`);
      expect(proof.status).toBe(200);
      conforms('inclusion-proof', proof.body);
      expect(b64(proof.body.leafHash)).toEqual(leafHash(Buffer.from(recorded.event.hash, 'hex')));
      expect(proves(proof.body, second)).toBe(true);
      // the same proof does not verify for another leaf
      expect(
        verifyInclusion(
          leafHash(Buffer.alloc(32)),
          proof.body.leafIndex,
          second.size,
          proof.body.proof.map(b64),
          b64(second.rootHash),
          tree,
        ),
      ).toBe(false);
    }

    const list = await t.call('GET', `/v1/ledger/checkpoints?consistentWith=${acted.body.position + 1}`);
    expect(list.status).toBe(200);
    conforms('checkpoint-list', list.body);
    expect(list.body.items.map((c: { size: number }) => c.size)).toEqual([second.size, first.size]);
  });

  it('when an admin records a registry or settings change, then each answer names its event, a retry names the same one, and the log proves its inclusion', async () => {
    const admin = t.token('head-ledger', AGENCY, ['admin']);
    const officerBody = {
      officerId: 'reg-1',
      name: '执法人员甲',
      agency: AGENCY,
      certificateNo: '1405-reg-1',
      validFrom: '2020-01-01',
      validTo: '2030-12-31',
      roles: ['officer'],
    };
    const itemBody = { code: 'P-REG', agency: AGENCY, name: '登记事项', category: 'penalty', legalBasis: '《条例》' };
    // [method, route, body, the response schema the OpenAPI document declares for it]
    const writes: [string, string, unknown, string][] = [
      ['POST', '/v1/officers', officerBody, 'write-result'],
      ['POST', '/v1/items', itemBody, 'write-result'],
      ['PUT', `/v1/agencies/${AGENCY}/profile`, { agency: AGENCY, name: '某县司法局' }, 'recording-write'],
      [
        'PUT',
        `/v1/agencies/${AGENCY}/review-settings`,
        { agency: AGENCY, reviewWorkingDays: 7, reason: '本机关规定' },
        'recording-write',
      ],
      ['PUT', `/v1/agencies/${AGENCY}/recording-list`, recordingListBody(AGENCY), 'recording-write'],
      [
        'PUT',
        `/v1/agencies/${AGENCY}/decision-templates/fine`,
        { template: { ...DEFAULT_TEMPLATES.fine, issuer: '某县司法局' }, reason: '统一文书格式' },
        'decision-template-write',
      ],
      [
        'POST',
        '/v1/benchmarks',
        {
          itemCode: 'P-001',
          agency: AGENCY,
          basis: '裁量基准',
          circumstances: [{ circumstance: 'minor', description: '轻微', minFen: 0, maxFen: 100_000 }],
        },
        'benchmark-written',
      ],
      [
        'POST',
        '/v1/subjects',
        { subjectId: 'S-REG', agency: AGENCY, name: '某某食品有限公司', kind: 'enterprise', sector: 'food' },
        'inspection-write',
      ],
    ];
    const written = [];
    for (const [method, route, body, schema] of writes) {
      const headers = { 'idempotency-key': `write${route.replaceAll('/', '-')}` };
      const first = await t.call(method, route, { token: admin, body, headers });
      expect([route, first.status]).toEqual([route, 201]);
      conforms(schema, first.body);
      expect(first.body.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const retry = await t.call(method, route, { token: admin, body, headers });
      expect([route, retry.status]).toEqual([route, 200]);
      expect([retry.body.eventId, retry.body.hash]).toEqual([first.body.eventId, first.body.hash]);
      written.push(first.body as { eventId: string; hash: string; position: number });
    }
    expect(new Set(written.map((w) => w.eventId)).size).toBe(writes.length);

    const checkpoint = (await t.call('GET', '/v1/ledger/checkpoint')).body;
    for (const { eventId, hash, position } of written) {
      const proof = await t.call(
        'GET',
        `/v1/ledger/proof/inclusion?eventId=${eventId}&treeSize=${checkpoint.size}&consistentWith=${position}`,
      );
      expect(proof.status).toBe(200);
      expect(b64(proof.body.leafHash)).toEqual(leafHash(Buffer.from(hash, 'hex')));
      expect(proves(proof.body, checkpoint)).toBe(true);
    }
  });

  it('when a proof is asked for an unknown event or an impossible size, then 404 or 400, and no token is needed', async () => {
    const { size } = (await t.call('GET', '/v1/ledger/checkpoint')).body;
    const unknown = await t.call('GET', '/v1/ledger/proof/inclusion?eventId=00000000-0000-7000-8000-000000000000');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'not_found' } });
    const opened = await openCase('tl-3');
    await t.service.readModelsCaughtUp();
    const tooBig = await t.call('GET', `/v1/ledger/proof/inclusion?eventId=${opened.eventId}&treeSize=${size + 1000}`);
    expect(tooBig).toMatchObject({ status: 400, body: { code: 'invalid_query' } });
    const tooSmall = await t.call('GET', `/v1/ledger/proof/inclusion?eventId=${opened.eventId}&treeSize=1`);
    expect(tooSmall).toMatchObject({ status: 400, body: { code: 'invalid_query' } });
    expect((await t.call('GET', '/v1/ledger/proof/consistency?from=5&to=2')).status).toBe(400);
    expect((await t.call('GET', '/v1/ledger/proof/consistency?from=x&to=2')).status).toBe(400);
    expect((await t.call('GET', '/v1/ledger/proof/inclusion?eventId=nope')).status).toBe(400);
  });
});

describe('the checkpoint schedule', () => {
  it('when the log grows by the configured number of events, then a checkpoint is issued without being asked', async () => {
    const s = await startTestService({ CHECKPOINT_EVERY_EVENTS: '5' });
    try {
      const { officer: o } = await seedAgency(s, AGENCY); // three registrations
      for (const caseId of ['s-1', 's-2', 's-3']) {
        const body = {
          caseId,
          itemCode: 'P-001',
          title: 't',
          openedOn: today,
          officers: ['alice', 'bob'],
          parties: [{ kind: 'organization', name: 'o' }],
        };
        expect((await s.call('POST', '/v1/cases', { token: o, body })).status).toBe(201);
      }
      let items: { size: number }[] = [];
      for (let i = 0; i < 50 && items.length === 0; i++) {
        await s.service.readModelsCaughtUp();
        items = (await s.call('GET', '/v1/ledger/checkpoints')).body.items;
        if (items.length === 0) await new Promise((r) => setTimeout(r, 20));
      }
      expect(items.length).toBeGreaterThanOrEqual(1);
      expect(items[0]!.size).toBeGreaterThanOrEqual(5);
    } finally {
      await s.stop();
    }
  });
});
