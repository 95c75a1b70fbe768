import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { canonicalize } from '../../src/ledger/canonical-json.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { uuidv7Generator } from '../../src/app/ids.js';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { verifyEvent } from '../../src/ledger/verify.js';
import { keyResolver } from '../../src/ledger/ed25519.js';
import { computeEventHash, eventSigningInput, type EventEnvelope } from '../../src/ledger/envelope.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pack, resign, unpack } from '../support/bundles.js';
import { runCli } from '../support/cli.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { officerKeyPair, signAct } from '../support/officer-keys.js';

const AGENCY = 'county-justice';
const CASE = 'signed-1';
const today = new Date().toISOString().slice(0, 10);
/**
 * An hour ago, written at +08:00, the agency's offset: always in the past, and never on a day before `today` (the
 * UTC date), which the case's opening and the keys' validity are dated by. A fixed hour of `today` would be in the
 * future for part of the day.
 */
const anHourAgo = `${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
const newId = uuidv7Generator(systemClock);
let t: TestService;
let admin: string;
let alice: string;
let aliceKey: { privateKey: KeyObject; publicKey: KeyObject; spki: string };
let bobKey: { privateKey: KeyObject; publicKey: KeyObject; spki: string };

async function registerKey(officerId: string, spki: string, validity: { validFrom: string; validTo?: string }) {
  const res = await t.call('POST', `/v1/officers/${officerId}/keys`, {
    token: admin,
    body: { publicKey: spki, ...validity },
  });
  expect(res.status).toBe(201);
  return res.body.keyId as string;
}

/** An EvidenceCollected act of an hour ago, signed by `privateKey` as alice's client signs it. */
function signedEvidence(privateKey: KeyObject, change: { description?: string; id?: string } = {}) {
  const id = change.id ?? newId();
  const occurredAt = anHourAgo;
  const data = { description: change.description ?? '现场照片三张', officers: ['alice', 'bob'] };
  const { actorSig, salts } = signAct(
    privateKey,
    {
      id,
      stream: caseStream(AGENCY, CASE),
      type: 'EvidenceCollected',
      occurredAt,
      sub: 'alice',
      data,
      personal: ['/description'],
    },
    canonicalize,
  );
  const body = {
    type: 'EvidenceCollected',
    occurredAt,
    officers: ['alice', 'bob'],
    data: { description: '现场照片三张' },
    id,
    actorSig,
    salts,
  };
  return body;
}

/** The case's events as the head reads them (alice's own token is refused while she is suspended). */
async function caseEvents(): Promise<EventEnvelope[]> {
  const res = await t.call('GET', `/v1/cases/${CASE}/events`, { token: admin });
  // each served event carries its position and opened fields beside the signed envelope
  return res.body.events.map(({ position: _p, personal: _o, ...event }: Record<string, unknown>) => event);
}

beforeAll(async () => {
  t = await startTestService();
  ({ admin, officer: alice } = await seedAgency(t, AGENCY));
  aliceKey = officerKeyPair();
  bobKey = officerKeyPair();
  await registerKey('alice', aliceKey.spki, { validFrom: '2020-01-01' });
  await registerKey('bob', bobKey.spki, { validFrom: '2020-01-01' });
  const open = {
    caseId: CASE,
    itemCode: 'P-001',
    title: '检查',
    openedOn: today,
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某公司' }],
  };
  expect((await t.call('POST', '/v1/cases', { token: alice, body: open })).status).toBe(201);
}, 60_000);
afterAll(() => t?.stop());

describe("an act carrying its officer's own signature (actorSig)", () => {
  it('when alice signs an act with her registered key, then it is recorded with actorSig, its sealed field signed as its commitment, and a retry of the same body finds the same event', async () => {
    const body = signedEvidence(aliceKey.privateKey);
    const res = await t.call('POST', `/v1/cases/${CASE}/acts`, { token: alice, body });
    expect([res.status, res.body.eventId]).toEqual([201, body.id]);
    const again = await t.call('POST', `/v1/cases/${CASE}/acts`, { token: alice, body });
    expect([again.status, again.body.eventId, again.body.hash]).toEqual([200, body.id, res.body.hash]);
    // another officer of the case sending alice's signed act is not answered as though bob had recorded it
    const asBob = await t.call('POST', `/v1/cases/${CASE}/acts`, { token: t.token('bob', AGENCY, ['officer']), body });
    expect([asBob.status, asBob.body.code]).toEqual([422, 'idempotency_key_reused']);

    const event = (await caseEvents()).find((e) => e.id === body.id)!;
    expect(event.actorSig).toEqual(body.actorSig);
    expect(event.data.description).toMatchObject({ sealed: 'aes-256-gcm/v1' });
    // the verifier, given alice's key, checks the officer's signature over the event as recorded
    const checked = verifyEvent(event, {
      serviceKeys: keyResolver([t.service.keys.eventSigner.publicKey]),
      actorKeys: keyResolver([aliceKey.publicKey]),
    });
    expect(checked).toEqual({ ok: true });
    const unknown = verifyEvent(event, { serviceKeys: keyResolver([t.service.keys.eventSigner.publicKey]) });
    expect(unknown).toMatchObject({ ok: false, failure: { code: 'actor_key_unknown' } });
  });

  it('when a recorded signed act is sent again with another signature (another key’s, or one that does not verify), then 422 idempotency_key_reused: the recorded event keeps the signature it was recorded with', async () => {
    const body = signedEvidence(aliceKey.privateKey);
    const res = await t.call('POST', `/v1/cases/${CASE}/acts`, { token: alice, body });
    expect(res.status).toBe(201);
    const bobs = signedEvidence(bobKey.privateKey, { id: body.id });
    const forged = { ...body, actorSig: { ...body.actorSig, value: 'A'.repeat(86) + '==' } };
    for (const other of [{ ...body, actorSig: bobs.actorSig }, forged]) {
      const again = await t.call('POST', `/v1/cases/${CASE}/acts`, { token: alice, body: other });
      expect([again.status, again.body.code]).toEqual([422, 'idempotency_key_reused']);
    }
    const recorded = (await caseEvents()).filter((e) => e.id === body.id);
    expect(recorded.map((e) => e.actorSig)).toEqual([body.actorSig]);
  });

  it('when the signature was made over other data, by another officer’s key, or by a key not registered, then 422 and nothing is recorded', async () => {
    const before = (await caseEvents()).length;
    const tampered = { ...signedEvidence(aliceKey.privateKey), data: { description: '现场照片两张' } };
    const bad = await t.call('POST', `/v1/cases/${CASE}/acts`, { token: alice, body: tampered });
    expect([bad.status, bad.body.code]).toEqual([422, 'actor_signature_invalid']);
    const bobs = await t.call('POST', `/v1/cases/${CASE}/acts`, {
      token: alice,
      body: signedEvidence(bobKey.privateKey),
    });
    expect([bobs.status, bobs.body.code]).toEqual([422, 'actor_key_unknown']);
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const unregistered = await t.call('POST', `/v1/cases/${CASE}/acts`, {
      token: alice,
      body: signedEvidence(stranger),
    });
    expect([unregistered.status, unregistered.body.code]).toEqual([422, 'actor_key_unknown']);
    expect((await caseEvents()).length).toBe(before);
  });

  it('when the salts miss a personal field, the id is not a UUIDv7, the id comes without a signature, or the act is signed in a batch, then it is refused', async () => {
    const { salts: _salts, ...unsalted } = signedEvidence(aliceKey.privateKey);
    const noSalts = await t.call('POST', `/v1/cases/${CASE}/acts`, { token: alice, body: unsalted });
    expect([noSalts.status, noSalts.body.code, noSalts.body.personalFields]).toEqual([
      422,
      'actor_salts_mismatch',
      ['/description'],
    ]);
    const v4 = signedEvidence(aliceKey.privateKey, { id: '0b9c4f5e-2d7a-4c3e-9f1a-7d2b3c4e5f60' });
    const notV7 = await t.call('POST', `/v1/cases/${CASE}/acts`, { token: alice, body: v4 });
    expect([notV7.status, notV7.body.code]).toEqual([400, 'invalid_body']);
    const { actorSig: _sig, salts: _s, ...idOnly } = signedEvidence(aliceKey.privateKey);
    const unsigned = await t.call('POST', `/v1/cases/${CASE}/acts`, { token: alice, body: idOnly });
    expect([unsigned.status, unsigned.body.code]).toEqual([400, 'invalid_body']);
    const batch = await t.call('POST', `/v1/cases/${CASE}/acts:batch`, {
      token: alice,
      body: { acts: [signedEvidence(aliceKey.privateKey)] },
    });
    expect([batch.status, batch.body.code]).toEqual([422, 'actor_signature_unsupported']);
  });

  it('when the key is revoked from before the recording, or not yet valid on the act’s day, then 422 and nothing is recorded', async () => {
    const revoked = officerKeyPair();
    const revokedId = await registerKey('alice', revoked.spki, { validFrom: '2020-01-01' });
    const revocation = { reason: '密钥遗失', revokedFrom: '2020-06-01' };
    const r = await t.call('POST', `/v1/officers/alice/keys/${revokedId}/revocation`, {
      token: admin,
      body: revocation,
    });
    expect(r.status).toBe(201);
    const before = (await caseEvents()).length;
    const refused = await t.call('POST', `/v1/cases/${CASE}/acts`, {
      token: alice,
      body: signedEvidence(revoked.privateKey),
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'actor_key_revoked']);
    const future = officerKeyPair();
    await registerKey('alice', future.spki, { validFrom: '2999-01-01' });
    const early = await t.call('POST', `/v1/cases/${CASE}/acts`, {
      token: alice,
      body: signedEvidence(future.privateKey),
    });
    expect([early.status, early.body.code]).toEqual([422, 'actor_key_not_valid']);
    expect((await caseEvents()).length).toBe(before);
  });
});

describe("a suspended officer's own signature", () => {
  /** A CaseMarkedComplex act of an hour ago, which the head may record too, signed with alice's key. */
  function signedMarking() {
    const id = newId();
    const data = { reason: '案情复杂，需听取法律顾问意见' };
    const act = {
      id,
      stream: caseStream(AGENCY, CASE),
      type: 'CaseMarkedComplex',
      occurredAt: anHourAgo,
      sub: 'alice',
      data,
    };
    const { actorSig, salts } = signAct(aliceKey.privateKey, act, canonicalize);
    return { type: 'CaseMarkedComplex', occurredAt: anHourAgo, data, id, actorSig, ...(salts ? { salts } : {}) };
  }

  it('when alice is suspended, then an act signed with her key is refused as certificate_invalid even where her token also holds the head’s role; reinstated, the same act is recorded', async () => {
    // alice here is also the agency's head: her token may record the act without an officer's certificate
    const aliceAsHead = t.token('alice', AGENCY, ['officer', 'admin']);
    const suspended = await t.call('POST', '/v1/officers/alice/suspension', {
      token: admin,
      body: { reason: '暂停执法资格' },
    });
    expect(suspended.status).toBe(201);
    const body = signedMarking();
    const before = (await caseEvents()).length;
    const refused = await t.call('POST', `/v1/cases/${CASE}/acts`, { token: aliceAsHead, body });
    expect([refused.status, refused.body.code, refused.body.officerId]).toEqual([422, 'certificate_invalid', 'alice']);
    expect((await caseEvents()).length).toBe(before);

    const back = await t.call('POST', '/v1/officers/alice/reinstatement', { token: admin, body: { reason: '恢复' } });
    expect(back.status).toBe(201);
    // her own token stands again once the read models hold the reinstatement (a token's standing is read when it is
    // authenticated, before any consistentWith wait)
    await t.service.readModelsCaughtUp();
    const read = await t.call('GET', `/v1/cases/${CASE}`, { token: alice });
    expect(read.status).toBe(200);
    const recorded = await t.call('POST', `/v1/cases/${CASE}/acts`, { token: aliceAsHead, body });
    expect([recorded.status, recorded.body.eventId]).toEqual([201, body.id]);
  });
});

describe("the case's bundle carries the keys of the officers who signed its acts", () => {
  let bundle: Buffer;
  let dir: string;

  async function exportBundle(): Promise<Buffer> {
    const res = await fetch(`${t.url}/v1/cases/${CASE}/bundle`, { headers: { authorization: `Bearer ${alice}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }
  async function cliVerify(bytes: Buffer, ...args: string[]) {
    const file = path.join(dir, `b-${Math.random().toString(36).slice(2)}.tar`);
    fs.writeFileSync(file, bytes);
    const run = await runCli(['verify', file, '--json', '--threads', '1', '--key', keyFile(), ...args]);
    return JSON.parse(run.stdout) as { valid: boolean; failure?: { code: string; detail: string } };
  }
  const keyFile = () => path.join(dir, 'ledger-key.pem');
  const post = async (bytes: Buffer) => {
    const res = await fetch(`${t.url}/v1/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-tar' },
      body: bytes,
    });
    return (await res.json()) as { valid: boolean; failure?: { code: string } };
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signed-bundle-'));
    fs.writeFileSync(keyFile(), t.service.keys.eventSigner.publicKey.export({ type: 'spki', format: 'pem' }));
    // the key that signed the first act is revoked after it was recorded: acts recorded before stay valid
    const keyId = signAct(
      aliceKey.privateKey,
      {
        id: newId(),
        stream: 's',
        type: 't',
        occurredAt: `${today}T09:00:00+08:00`,
        sub: 'alice',
        data: {},
      },
      canonicalize,
    ).actorSig.keyId;
    const revokedFrom = new Date(Date.now() + 1000).toISOString();
    const r = await t.call('POST', `/v1/officers/alice/keys/${keyId}/revocation`, {
      token: admin,
      body: { reason: '调岗', revokedFrom },
    });
    expect(r.status).toBe(201);
    bundle = await exportBundle();
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('when the bundle is exported, then it is a v5 bundle with the signing key’s registration and revocation in officers/ and the key’s own stream, and it verifies offline, by the CLI and by POST /v1/verify', async () => {
    const members = unpack(bundle);
    const manifest = JSON.parse(members[0]!.bytes.toString('utf8'));
    expect(manifest.format).toBe('evidence-ledger/bundle/v5');
    const officers = members.filter((m) => m.name.startsWith('officers/')).map((m) => m.name);
    const keyId = officers[0]!.slice(9, 73);
    expect(officers).toEqual([
      `officers/${keyId}/0.json`,
      `officers/${keyId}/1.json`,
      `officers/${keyId}/key/00000000.json`,
      `officers/${keyId}/key/00000001.json`,
    ]);
    const report = (await cliVerify(bundle)) as { valid: boolean; counts: { officerSignatures?: number } };
    expect(report.valid).toBe(true);
    const signed = report.counts.officerSignatures!;
    expect(signed).toBeGreaterThan(0);
    expect(await post(bundle)).toMatchObject({ valid: true });
    const file = path.join(dir, 'text.tar');
    fs.writeFileSync(file, bundle);
    const text = await runCli(['verify', file, '--key', keyFile()]);
    expect(text.stdout).toContain(`${signed} acts carry their officer's own signature (actorSig)`);
  });

  it('when the bundle is exported, then each key event has its inclusion proof, as an earlier leaf than the act it signs; without it, proof_missing', async () => {
    const members = unpack(bundle);
    const keyEvents = members
      .filter((m) => m.name.startsWith('officers/'))
      .map((m) => JSON.parse(m.bytes.toString('utf8')) as EventEnvelope);
    const proofOf = (id: string) =>
      JSON.parse(members.find((m) => m.name === `proofs/${id}.json`)!.bytes.toString('utf8')) as { leafIndex: number };
    const signed = members
      .filter((m) => m.name.startsWith('events/'))
      .map((m) => JSON.parse(m.bytes.toString('utf8')) as EventEnvelope)
      .filter((e) => e.actorSig);
    expect(signed.length).toBeGreaterThan(0);
    const registration = keyEvents.find((e) => e.type === 'OfficerKeyRegistered')!;
    for (const e of signed) expect(proofOf(registration.id).leafIndex).toBeLessThan(proofOf(e.id).leafIndex);
    const without = members.filter((m) => m.name !== `proofs/${registration.id}.json`);
    const resigned = await pack(resign(without, t.service.keys.eventSigner));
    expect(await cliVerify(resigned)).toMatchObject({ valid: false, failure: { code: 'proof_missing' } });
    // with the officer's key given, the key events are still part of the bundle and checked
    const officerKeyFile = path.join(dir, 'alice-given.pem');
    fs.writeFileSync(officerKeyFile, aliceKey.publicKey.export({ type: 'spki', format: 'pem' }));
    expect(await cliVerify(resigned, '--officer-key', officerKeyFile)).toMatchObject({
      valid: false,
      failure: { code: 'proof_missing' },
    });
  });

  it('when an officers/ file is altered and the manifest signed again, then officer_key_invalid; with the manifest as it was, file_hash_mismatch', async () => {
    const members = unpack(bundle);
    const file = members.find((m) => m.name.endsWith('/0.json'))!;
    const event = JSON.parse(file.bytes.toString('utf8'));
    event.data.validFrom = '2000-01-01';
    const altered = members.map((m) => (m === file ? { ...m, bytes: Buffer.from(JSON.stringify(event)) } : m));
    const resigned = await pack(resign(altered, t.service.keys.eventSigner));
    expect(await cliVerify(resigned)).toMatchObject({ valid: false, failure: { code: 'officer_key_invalid' } });
    expect(await post(resigned)).toMatchObject({ valid: false, failure: { code: 'officer_key_invalid' } });
    expect(await cliVerify(await pack(altered))).toMatchObject({
      valid: false,
      failure: { code: 'file_hash_mismatch' },
    });
  });

  it('when the officers/ files are left out (manifest signed again), then the signed act fails as actor_key_unknown; given the officer’s key with --officer-key, it verifies', async () => {
    const all = unpack(bundle);
    const keyEventIds = all
      .filter((m) => m.name.startsWith('officers/'))
      .map((m) => (JSON.parse(m.bytes.toString('utf8')) as EventEnvelope).id);
    const keyProofs = new Set(keyEventIds.map((id) => `proofs/${id}.json`));
    const members = all.filter((m) => !m.name.startsWith('officers/') && !keyProofs.has(m.name));
    const stripped = await pack(resign(members, t.service.keys.eventSigner));
    expect(await cliVerify(stripped)).toMatchObject({ valid: false, failure: { code: 'actor_key_unknown' } });
    const officerKeyFile = path.join(dir, 'alice.pem');
    fs.writeFileSync(officerKeyFile, aliceKey.publicKey.export({ type: 'spki', format: 'pem' }));
    expect(await cliVerify(stripped, '--officer-key', officerKeyFile)).toMatchObject({ valid: true });
    // bound to its officer, the key signs only her acts
    expect(await cliVerify(stripped, '--officer-key', `alice=${officerKeyFile}`)).toMatchObject({ valid: true });
    const boundToBob = await cliVerify(stripped, '--officer-key', `bob=${officerKeyFile}`);
    expect(boundToBob).toMatchObject({ valid: false, failure: { code: 'actor_key_unknown' } });
    expect(boundToBob.failure!.detail).toContain('given for bob, not alice');
    // one key given both for alice and for any officer: which was meant is not said, so it is a usage error
    const both = await runCli([
      'verify',
      keyFile(),
      '--officer-key',
      `alice=${officerKeyFile}`,
      '--officer-key',
      officerKeyFile,
    ]);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('for both alice and any officer')]);
    const other = path.join(dir, 'bob.pem');
    fs.writeFileSync(other, bobKey.publicKey.export({ type: 'spki', format: 'pem' }));
    expect(await cliVerify(bundle, '--officer-key', other)).toMatchObject({
      valid: false,
      failure: { code: 'actor_key_unknown' },
    });
  });

  it("when a bundle claims the act was recorded after the key's revocation, then officer_key_invalid, as the key's stream records another revocation; with that record made again too, actor_key_revoked", async () => {
    const members = unpack(bundle);
    const file = members.find((m) => /^officers\/[0-9a-f]{64}\/1\.json$/.test(m.name))!;
    const revocation = JSON.parse(file.bytes.toString('utf8')) as EventEnvelope;
    // a revocation from before the act, signed by the service: as if the act had been recorded after it
    const early = reseal({ ...revocation, data: { ...revocation.data, revokedFrom: '2000-01-01' } });
    const altered = members.map((m) => (m === file ? { ...m, bytes: Buffer.from(JSON.stringify(early)) } : m));
    const resigned = await pack(resign(altered, t.service.keys.eventSigner));
    const mismatch = await cliVerify(resigned);
    expect(mismatch).toMatchObject({ valid: false, failure: { code: 'officer_key_invalid' } });
    expect(mismatch.failure!.detail).toContain(revocation.id);
    // the key stream's record made again to name it (its head then no longer the proven one, which a later step
    // would report): the act is read by the earlier revocation first
    const recordFile = members.find((m) => m.name.endsWith('/key/00000001.json'))!;
    const record = JSON.parse(recordFile.bytes.toString('utf8')) as EventEnvelope;
    const remade = reseal({ ...record, data: { ...record.data, hash: early.hash } });
    const both = altered.map((m) =>
      m.name === recordFile.name ? { ...m, bytes: Buffer.from(JSON.stringify(remade)) } : m,
    );
    const resignedBoth = await pack(resign(both, t.service.keys.eventSigner));
    expect(await cliVerify(resignedBoth)).toMatchObject({ valid: false, failure: { code: 'actor_key_revoked' } });
  });

  it('when a bundle claims the key was registered after the act was recorded, then actor_key_not_valid', async () => {
    const members = unpack(bundle);
    const file = members.find((m) => m.name.endsWith('/0.json'))!;
    const registration = JSON.parse(file.bytes.toString('utf8')) as EventEnvelope;
    // a registration recorded later than every act, its validity unchanged: as if made after the acts to fit them
    const late = reseal({ ...registration, recordedAt: '2099-01-01T00:00:00.000Z' });
    const altered = members.map((m) => (m === file ? { ...m, bytes: Buffer.from(JSON.stringify(late)) } : m));
    const resigned = await pack(resign(altered, t.service.keys.eventSigner));
    expect(await cliVerify(resigned)).toMatchObject({ valid: false, failure: { code: 'actor_key_not_valid' } });
    expect(await post(resigned)).toMatchObject({ valid: false, failure: { code: 'actor_key_not_valid' } });
  });
});

/** The event with its hash and service signature made again over its changed content, as the service key can. */
function reseal(event: EventEnvelope): EventEnvelope {
  const { hash: _h, sig: _s, ...body } = event;
  const hash = computeEventHash(body as EventEnvelope);
  const signer = t.service.keys.eventSigner;
  return {
    ...body,
    hash,
    sig: { alg: 'Ed25519', keyId: signer.keyId, value: signer.sign(eventSigningInput(hash)).toString('base64') },
  } as EventEnvelope;
}
