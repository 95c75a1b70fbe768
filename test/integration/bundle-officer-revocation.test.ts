import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { BundleExporter, type BundleLog } from '../../src/app/bundle-export.js';
import { CaseService } from '../../src/app/case-service.js';
import { uuidv7Generator } from '../../src/app/ids.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import { RegistryService } from '../../src/app/registry-service.js';
import { StreamLocks } from '../../src/app/stream-locks.js';
import { TransparencyLog, type SignedCheckpoint } from '../../src/app/transparency-log.js';
import type { Actor } from '../../src/domain/actor.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { officerStream } from '../../src/domain/registry/officers.js';
import { BUNDLE_FORMAT_V4, BUNDLE_FORMAT_V5 } from '../../src/ledger/bundle.js';
import { verifyBundle, type BundleReport } from '../../src/ledger/bundle-verify.js';
import { canonicalize } from '../../src/ledger/canonical-json.js';
import type { EventEnvelope } from '../../src/ledger/envelope.js';
import type { BlobStore } from '../../src/ports/blob-store.js';
import type { Clock } from '../../src/ports/clock.js';
import { PROJECTIONS, LOG_LAYOUT } from '../../projections/index.js';
import { pack, resign, unpack, type Member } from '../support/bundles.js';
import { calendar } from '../support/domain.js';
import { testSigner } from '../support/events.js';
import { officerKeyPair, signAct } from '../support/officer-keys.js';

const AGENCY = 'county-justice';
const CASE = 'c-1';
const ORIGIN = 'evidence-ledger.local/log';
// the clock stands still, and the test moves it: the key is registered at T0, the act recorded a minute later, the
// key revoked two minutes after T0
const T0 = Date.parse('2026-03-02T02:00:00Z');
const ACT_RECORDED = T0 + 60_000;
const REVOKED_AT = T0 + 120_000;
let now = T0;
const clock: Clock = { now: () => new Date(now) };
const newId = uuidv7Generator({ now: () => new Date(T0) });
const head: Actor = { sub: 'head', agency: AGENCY, roles: ['admin'] };
const alice: Actor = { sub: 'alice', agency: AGENCY, roles: ['officer'] };

let events: SqliteEventStore;
let readModels: SqliteReadModelStore;
afterEach(() => {
  events.close();
  readModels.close();
});

/**
 * A store with alice and bob, item P-001, alice's key, case c-1 opened and one act of it signed with alice's key
 * (recorded at ACT_RECORDED), all of it in the Merkle tree; and how to revoke the key at REVOKED_AT.
 */
async function seeded() {
  now = T0;
  events = new SqliteEventStore({ path: ':memory:' });
  readModels = new SqliteReadModelStore({ path: ':memory:', projections: PROJECTIONS });
  const runner = new ProjectionRunner(events, readModels, PROJECTIONS);
  await runner.reset();
  const signer = testSigner();
  const log = new TransparencyLog({
    events,
    readModels,
    runner,
    signer,
    clock,
    locks: new StreamLocks(),
    newId,
    origin: ORIGIN,
    layout: LOG_LAYOUT,
  });
  const deps = { events, signer, clock };
  const registry = new RegistryService(deps);
  for (const officerId of ['alice', 'bob']) {
    const profile = {
      officerId,
      name: officerId,
      agency: AGENCY,
      certificateNo: `C-${officerId}`,
      validFrom: '2018-01-01',
      validTo: '2030-12-31',
      roles: ['officer' as const],
    };
    await registry.registerOfficer(head, profile, newId());
  }
  await registry.registerItem(
    head,
    { code: 'P-001', agency: AGENCY, name: '处罚', category: 'penalty', legalBasis: '第五十条' },
    newId(),
  );
  const { privateKey, spki } = officerKeyPair();
  const { keyId } = await registry.registerOfficerKey(
    head,
    'alice',
    { publicKey: spki, validFrom: '2018-01-01' },
    newId(),
  );
  const cases = new CaseService({ ...deps, calendar });
  const officers = ['alice', 'bob'];
  await cases.record(
    CASE,
    alice,
    {
      type: 'CaseOpened',
      occurredAt: '2026-03-02T09:00:00+08:00',
      data: {
        caseId: CASE,
        itemCode: 'P-001',
        title: '案',
        openedOn: '2026-03-02',
        officers,
        parties: [{ kind: 'organization', name: '某公司' }],
      },
      media: [],
    },
    { eventId: newId() },
  );
  now = ACT_RECORDED;
  const id = newId();
  const occurredAt = '2026-03-02T09:30:00+08:00';
  const stream = caseStream(AGENCY, CASE);
  const signed = {
    id,
    stream,
    type: 'EvidenceCollected',
    occurredAt,
    sub: 'alice',
    data: { description: '照片', officers },
  };
  const { actorSig } = signAct(privateKey, signed, canonicalize);
  await cases.record(
    CASE,
    alice,
    { type: 'EvidenceCollected', occurredAt, officers, data: { description: '照片' }, media: [] },
    { eventId: id, signed: { actorSig } },
  );
  await runner.catchUp();
  const registration = (await events.readStream(officerStream(AGENCY, 'alice')))
    .map((r) => r.event)
    .find((e) => e.type === 'OfficerKeyRegistered')!;
  expect((await events.readStream(stream)).at(-1)!.event.actorSig?.keyId).toBe(keyId);

  /** Revokes alice's key, recorded at REVOKED_AT, from `revokedFrom`; the revocation's event id. */
  const revoke = async (revokedFrom: string): Promise<string> => {
    now = REVOKED_AT;
    const revocationId = newId();
    await registry.revokeOfficerKey(head, 'alice', { keyId, reason: '遗失', revokedFrom }, revocationId);
    return revocationId;
  };
  const exporter = (bundleLog: BundleLog) =>
    new BundleExporter({
      events,
      blobs: {} as BlobStore, // the events reference no media
      log: bundleLog,
      keys: () => [{ publicKey: signer.publicKey }],
      signer,
      clock,
    });
  return { log, runner, signer, keyId, registration, revoke, exporter };
}

async function collect(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function* once(bytes: Buffer): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** The exported bundle: its manifest, its bytes, its members, its officers/ events by file name and its proof files. */
async function exported(exporter: BundleExporter) {
  const prepared = (await exporter.prepare(AGENCY, CASE))!;
  const archive = await collect(prepared.body);
  const members = unpack(archive);
  const officers = new Map(
    members
      .filter((m) => m.name.startsWith('officers/'))
      .map((m) => [m.name, JSON.parse(m.bytes.toString('utf8')) as EventEnvelope]),
  );
  const proofs = new Set(members.filter((m) => m.name.startsWith('proofs/')).map((m) => m.name));
  return { manifest: prepared.manifest, members, officers, proofs, archive };
}

const verified = (archive: Buffer, trusted: ReturnType<typeof testSigner>): Promise<BundleReport> =>
  verifyBundle(once(archive), { trustedKeys: [trusted.publicKey] });

describe("a bundle's officer key events are those of its checkpoint's log", () => {
  it.each([
    ['a leaf of the log beyond the checkpoint', true],
    ['not yet a leaf of the log (the Merkle projection has not applied it)', false],
  ])(
    'when the key is revoked from before the act was recorded, after the checkpoint the bundle is cut at was issued and before the officer stream is read, the revocation being %s, then officers/ holds the registration alone and the bundle verifies',
    async (_what, caughtUp) => {
      const { log, runner, signer, keyId, registration, revoke, exporter } = await seeded();
      // the checkpoint is issued, then the revocation lands before the exporter reads alice's stream
      let cut: SignedCheckpoint | undefined;
      let revocationId = '';
      const racing: BundleLog = {
        current: async () => {
          if (!cut) {
            cut = await log.current();
            // revoked from half a minute before the act was recorded: a key reported lost late
            revocationId = await revoke(new Date(ACT_RECORDED - 30_000).toISOString());
            if (caughtUp) await runner.catchUp();
          }
          return cut;
        },
        inclusion: (id, size) => log.inclusion(id, size),
        consistency: (from, to) => log.consistency(from, to),
        head: (s, size) => log.head(s, size),
      };
      const bundle = await exported(exporter(racing));
      expect(cut).toBeDefined();
      expect(bundle.manifest.checkpoint.size).toBe(cut!.size);
      // the race happened as intended: the revocation is in the store, and in the log past the bundle's checkpoint
      // or not yet in it
      if (caughtUp) expect(log.inclusion(revocationId).leafIndex).toBeGreaterThanOrEqual(cut!.size);
      else expect(() => log.inclusion(revocationId)).toThrow(expect.objectContaining({ code: 'unknown_event' }));

      expect(bundle.manifest.format).toBe(BUNDLE_FORMAT_V5);
      // the key's own stream as the checkpoint's log held it: its claim, and not yet the revocation recorded after
      expect([...bundle.officers.keys()]).toEqual([`officers/${keyId}/0.json`, `officers/${keyId}/key/00000000.json`]);
      expect(bundle.officers.get(`officers/${keyId}/key/00000000.json`)).toMatchObject({
        type: 'OfficerKeyClaimed',
        data: { keyId, officerId: 'alice' },
      });
      const registered = bundle.officers.get(`officers/${keyId}/0.json`)!;
      expect(registered).toMatchObject({ id: registration.id, type: 'OfficerKeyRegistered', data: { keyId } });
      expect(bundle.proofs.has(`proofs/${registration.id}.json`)).toBe(true);
      expect(bundle.proofs.has(`proofs/${revocationId}.json`)).toBe(false);
      expect(bundle.members.some((m) => m.bytes.includes(revocationId))).toBe(false);

      const report = await verified(bundle.archive, signer);
      expect(report.failure).toBeUndefined();
      expect(report.valid).toBe(true);
      expect(report.checkpoint?.size).toBe(cut!.size);
      // a v5 bundle's completeness covers the officers' keys too
      expect(report.complete).not.toHaveProperty('unproven');
    },
  );

  it.each([
    ['from its own recording, after the act was recorded', () => new Date(REVOKED_AT).toISOString(), { valid: true }],
    [
      'from before the act was recorded',
      () => new Date(ACT_RECORDED - 30_000).toISOString(),
      { valid: false, failure: { code: 'actor_key_revoked' } },
    ],
  ])(
    'when the bundle is cut at a checkpoint that includes the revocation, the key revoked %s, then officers/ holds the registration and the revocation, and the verifier reads the act by them',
    async (_what, revokedFrom, expected) => {
      const { log, runner, signer, keyId, registration, revoke, exporter } = await seeded();
      const revocationId = await revoke(revokedFrom());
      await runner.catchUp();
      const bundle = await exported(exporter(log));
      expect(log.inclusion(revocationId).leafIndex).toBeLessThan(bundle.manifest.checkpoint.size);

      expect(bundle.manifest.format).toBe(BUNDLE_FORMAT_V5);
      expect([...bundle.officers.keys()]).toEqual([
        `officers/${keyId}/0.json`,
        `officers/${keyId}/1.json`,
        `officers/${keyId}/key/00000000.json`,
        `officers/${keyId}/key/00000001.json`,
      ]);
      expect(bundle.officers.get(`officers/${keyId}/key/00000001.json`)).toMatchObject({
        type: 'OfficerKeyRevocationRecorded',
        data: { keyId, officerId: 'alice', eventId: revocationId, revokedFrom: revokedFrom() },
      });
      expect(bundle.officers.get(`officers/${keyId}/0.json`)).toMatchObject({
        id: registration.id,
        type: 'OfficerKeyRegistered',
        data: { keyId },
      });
      expect(bundle.officers.get(`officers/${keyId}/1.json`)).toMatchObject({
        id: revocationId,
        type: 'OfficerKeyRevoked',
        data: { keyId, revokedFrom: revokedFrom() },
      });
      expect(bundle.proofs.has(`proofs/${revocationId}.json`)).toBe(true);

      const report = await verified(bundle.archive, signer);
      expect(report).toMatchObject(expected);
    },
  );
});

describe("a bundle proves its officer keys' revocations complete (the key's own stream, v5)", () => {
  /** The bundle of a key revoked from before the act, its members by name, and the names of an event's files. */
  async function revokedBundle(revokedFrom = new Date(ACT_RECORDED - 30_000).toISOString()) {
    const seed = await seeded();
    const revocationId = await seed.revoke(revokedFrom);
    await seed.runner.catchUp();
    const bundle = await exported(seed.exporter(seed.log));
    const recordFile = `officers/${seed.keyId}/key/00000001.json`;
    const record = bundle.officers.get(recordFile)!;
    expect(record.type).toBe('OfficerKeyRevocationRecorded');
    /** The bundle without these files, its manifest signed again with the service key (as whoever holds it can). */
    const without = (names: readonly string[]) =>
      pack(
        resign(
          bundle.members.filter((m) => !names.includes(m.name)),
          seed.signer,
        ),
      );
    return { ...seed, revocationId, bundle, record, recordFile, without };
  }

  it('when the bundle is whole, then its report names the key stream complete through the revocation it records', async () => {
    const { bundle, signer, keyId } = await revokedBundle(new Date(REVOKED_AT).toISOString());
    const report = await verified(bundle.archive, signer);
    expect(report.failure).toBeUndefined();
    expect(report.complete?.streams).toEqual([
      { stream: caseStream(AGENCY, CASE), revision: 1 },
      { stream: `access-${AGENCY}:${CASE}`, revision: -1 },
      { stream: `officerkey-${AGENCY}:${keyId}`, revision: 1 },
    ]);
  });

  it('when the revocation is left out and the manifest signed again, then officer_key_invalid: the key stream records it', async () => {
    const { keyId, revocationId, without, signer } = await revokedBundle();
    const report = await verified(await without([`officers/${keyId}/1.json`, `proofs/${revocationId}.json`]), signer);
    expect(report).toMatchObject({ valid: false, failure: { code: 'officer_key_invalid' } });
    expect(report.failure!.detail).toContain(revocationId);
  });

  it("when the revocation and the key stream's record of it are left out and the manifest signed again, then stream_incomplete", async () => {
    const { keyId, revocationId, record, recordFile, without, signer } = await revokedBundle();
    const report = await verified(
      await without([
        `officers/${keyId}/1.json`,
        `proofs/${revocationId}.json`,
        recordFile,
        `proofs/${record.id}.json`,
      ]),
      signer,
    );
    expect(report).toMatchObject({ valid: false, failure: { code: 'stream_incomplete' } });
    expect(report.failure!.detail).toContain(`officerkey-${AGENCY}:${keyId}`);
  });

  it("when the key stream's head proof is left out of heads.json and the manifest signed again, then stream_incomplete", async () => {
    const { keyId, bundle, signer } = await revokedBundle(new Date(REVOKED_AT).toISOString());
    const members: Member[] = bundle.members.map((m) => {
      if (m.name !== 'heads.json') return m;
      const heads = (JSON.parse(m.bytes.toString('utf8')) as { stream: string }[]).filter(
        (h) => !h.stream.startsWith('officerkey-'),
      );
      return { ...m, bytes: Buffer.from(JSON.stringify(heads)) };
    });
    const report = await verified(await pack(resign(members, signer)), signer);
    expect(report).toMatchObject({ valid: false, failure: { code: 'stream_incomplete' } });
    expect(report.failure!.detail).toContain(`officerkey-${AGENCY}:${keyId}`);
  });

  it('when the bundle is made a v4 one without the key stream (manifest signed again), then it verifies as before, but not when completeness is required', async () => {
    const { keyId, revocationId, bundle, record, signer } = await revokedBundle();
    const dropped = new Set([
      `officers/${keyId}/1.json`,
      `proofs/${revocationId}.json`,
      `officers/${keyId}/key/00000000.json`,
      `officers/${keyId}/key/00000001.json`,
      `proofs/${record.id}.json`,
      `proofs/${bundle.officers.get(`officers/${keyId}/key/00000000.json`)!.id}.json`,
    ]);
    const kept = bundle.members.filter((m) => !dropped.has(m.name));
    const archive = await pack(resign(kept, signer, (m) => ({ ...m, format: BUNDLE_FORMAT_V4 })));
    // the gap v4 leaves: without its revocation the act signed after the key's revokedFrom is accepted; the report
    // says its completeness leaves the officers' keys out, and how many acts the officers signed
    const report = await verified(archive, signer);
    expect(report).toMatchObject({ valid: true, complete: { unproven: ['officer_key_revocations'] } });
    expect(report.counts.officerSignatures).toBeGreaterThanOrEqual(1);
    // the v5 bundle itself refuses that act: its revocation is there (the test above)
    const required = await verifyBundle(once(archive), { trustedKeys: [signer.publicKey], requireComplete: true });
    expect(required).toMatchObject({ valid: false, failure: { code: 'stream_incomplete' } });
  });

  it("when a v4 manifest lists the key stream's files (signed again), then malformed: only v5 has them", async () => {
    const { bundle, signer } = await revokedBundle(new Date(REVOKED_AT).toISOString());
    const archive = await pack(resign(bundle.members, signer, (m) => ({ ...m, format: BUNDLE_FORMAT_V4 })));
    const report = await verified(archive, signer);
    expect(report).toMatchObject({ valid: false, failure: { code: 'malformed' } });
    expect(report.failure!.detail).toContain('/key/00000000.json');
  });

  it("when the key stream's files are moved, swapped or given to another key (manifest signed again), then officer_key_invalid", async () => {
    const { bundle, signer, keyId } = await revokedBundle(new Date(REVOKED_AT).toISOString());
    const first = `officers/${keyId}/key/00000000.json`;
    const second = `officers/${keyId}/key/00000001.json`;
    const bytesOf = (name: string) => bundle.members.find((m) => m.name === name)!.bytes;
    const variants: Record<string, Member[]> = {
      // the record first: it is not revision 0, and its prev is not the genesis
      swapped: bundle.members.map((m) =>
        m.name === first ? { ...m, bytes: bytesOf(second) } : m.name === second ? { ...m, bytes: bytesOf(first) } : m,
      ),
      // a key the bundle holds no registration of
      'another key': bundle.members.map((m) =>
        m.name === second ? { ...m, name: second.replace(keyId, 'f'.repeat(64)) } : m,
      ),
      // a claim that names another key
      'another key named': bundle.members.map((m) => {
        if (m.name !== first) return m;
        const event = JSON.parse(m.bytes.toString('utf8')) as EventEnvelope;
        return {
          ...m,
          bytes: Buffer.from(JSON.stringify({ ...event, data: { ...event.data, keyId: 'e'.repeat(64) } })),
        };
      }),
    };
    for (const [what, members] of Object.entries(variants)) {
      const report = await verified(await pack(resign(members, signer)), signer);
      expect([what, report.failure?.code]).toEqual([what, 'officer_key_invalid']);
    }
  });
});
