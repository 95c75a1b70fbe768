import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { manifestBytes, signManifest, type BundleManifest } from '../../src/ledger/bundle.js';
import { verifyBundle, type BundleReport } from '../../src/ledger/bundle-verify.js';
import { TarReader, type TarMember } from '../../src/ledger/tar-reader.js';
import { writeTar } from '../../src/ledger/tar.js';
import { timestampRoots } from '../../src/ledger/timestamp-verify.js';
import { loadValidators } from '../../src/http/validation.js';
import { runCli } from '../support/cli.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { makeTsaPki, opensslVerifies, startLoopbackTsa, type LoopbackTsa, type TsaPki } from '../support/tsa.js';

/**
 * Bundles carry the RFC 3161 time-stamps of their checkpoints, from a real TSA (OpenSSL's `ts -reply`) on loopback,
 * and `ledger verify` states from the bundle alone whether each disclosure is provably on time.
 */

const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
const AGENCY = 'county-justice';
const ORIGIN = 'ledger.example.gov.cn/tsa-bundle';
/** The agencies' date today (UTC+8): the due date of a decision taken today lies days after any TSA time now. */
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

let pki: TsaPki;
let tsa: LoopbackTsa;
let t: TestService;
let officer: string;
let dir: string;

interface Member {
  name: string;
  bytes: Buffer;
}

function unpack(archive: Buffer): Member[] {
  const out: Member[] = [];
  let current: TarMember | undefined;
  let parts: Buffer[] = [];
  const reader = new TarReader({
    member: (m) => {
      current = m;
      parts = [];
    },
    data: (c) => parts.push(Buffer.from(c)),
    memberEnd: () => out.push({ name: current!.name, bytes: Buffer.concat(parts) }),
  });
  reader.write(archive);
  reader.close();
  return out;
}

/**
 * What an exporter holding the service key can do: list the files (other than media) as they now are, sign the
 * manifest again and pack the archive.
 */
async function resigned(members: readonly { name: string; bytes: Buffer }[]): Promise<Buffer> {
  const old = JSON.parse(members[0]!.bytes.toString()) as BundleManifest;
  const files = old.files.flatMap((f) => {
    const m = members.find((x) => x.name === f.name);
    if (f.name.startsWith('media/')) return [f];
    return m ? [{ ...f, size: m.bytes.length, sha256: createHash('sha256').update(m.bytes).digest('hex') }] : [];
  });
  const { signature: _s, ...body } = { ...old, files };
  const list = [
    { ...members[0]!, bytes: manifestBytes(signManifest(body, t.service.keys.eventSigner)) },
    ...members.slice(1),
  ];
  const chunks: Buffer[] = [];
  // dated the manifest's createdAt, as every file of a bundle is (§13.1)
  const mtime = Math.floor(Date.parse(old.createdAt) / 1000);
  for await (const c of writeTar(list.map((m) => ({ name: m.name, size: m.bytes.length, body: m.bytes, mtime })))) {
    chunks.push(Buffer.from(c));
  }
  return Buffer.concat(chunks);
}

async function* once(bytes: Buffer) {
  yield bytes;
}

beforeAll(async () => {
  pki = await makeTsaPki();
  tsa = await startLoopbackTsa(pki);
  t = await startTestService({
    CHECKPOINT_EVERY_EVENTS: '1000000',
    LEDGER_LOG_ORIGIN: ORIGIN,
    TSA_URLS: tsa.url,
    TSA_CA_FILES: pki.caFile,
  });
  ({ officer } = await seedAgency(t, AGENCY));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-tsa-bundle-'));
}, 180_000);
afterAll(async () => {
  await t?.stop();
  await tsa?.close();
  pki?.remove();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function act(caseId: string, body: unknown) {
  const res = await t.call('POST', `/v1/cases/${caseId}/acts`, { token: officer, body });
  expect([res.status, res.body?.code]).toEqual([201, undefined]);
}

/** A case decided on `decidedOn` and disclosed on `publishedOn`. */
async function disclosedCase(caseId: string, decidedOn: string, publishedOn: string) {
  const opened = await t.call('POST', '/v1/cases', {
    token: officer,
    body: {
      caseId,
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: decidedOn,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某律师事务所' }],
    },
  });
  expect(opened.status).toBe(201);
  const data = {
    decisionType: 'warning',
    legalBasis: '《律师法》第五十条',
    documentNo: `司罚〔${caseId}〕`,
    decidedOn,
  };
  await act(caseId, { type: 'DecisionIssued', occurredAt: `${decidedOn}T00:00:10+08:00`, data });
  await act(caseId, { type: 'DecisionDisclosed', occurredAt: `${publishedOn}T00:00:10+08:00`, data: { publishedOn } });
}

/** Issues a checkpoint over everything so far and waits until it is time-stamped. */
async function stampAll(): Promise<number> {
  const { size } = (await t.call('GET', '/v1/ledger/checkpoint')).body as { size: number };
  for (let i = 0; i < 600; i++) {
    const list = await t.call('GET', '/v1/ledger/checkpoints?limit=5');
    const found = list.body.items.find((c: { size: number }) => c.size === size);
    if (found?.timestamps.length > 0) return size;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the checkpoint of size ${size} was never time-stamped`);
}

async function bundleOf(caseId: string): Promise<Buffer> {
  const res = await fetch(`${t.url}/v1/cases/${caseId}/bundle`, { headers: { authorization: `Bearer ${officer}` } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function verifyCli(bundle: Buffer, ...args: string[]) {
  const file = path.join(dir, `b-${Math.random().toString(36).slice(2)}.tar`);
  fs.writeFileSync(file, bundle);
  const res = await runCli(['verify', file, '--json', ...args]);
  return { code: res.code, report: JSON.parse(res.stdout) as BundleReport, stderr: res.stderr };
}

let onTime: Buffer;
let late: Buffer;

describe('time-stamps in evidence bundles', () => {
  beforeAll(async () => {
    await disclosedCase('TS-ON-TIME', today, today);
    await disclosedCase('TS-LATE', '2020-01-02', '2020-01-03');
    await disclosedCase('TS-OWNED-LATE', '2020-01-02', '2020-03-02'); // published late by its own account too
    await stampAll();
    onTime = await bundleOf('TS-ON-TIME');
    late = await bundleOf('TS-LATE');
  }, 120_000);

  it('when a disclosed case is bundled, then the bundle carries the stamped checkpoint, its tokens and its consistency proof', async () => {
    const names = unpack(onTime).map((m) => m.name);
    const stamped = names.filter((n) => n.startsWith('timestamps/'));
    expect(stamped).toEqual([
      expect.stringMatching(/^timestamps\/\d+\/checkpoint\.txt$/),
      expect.stringMatching(/^timestamps\/\d+\/0\.tst$/),
      expect.stringMatching(/^timestamps\/\d+\/consistency\.json$/),
    ]);
    expect(names).toContain('timeliness.json');
    const members = unpack(onTime);
    const note = members.find((m) => m.name.endsWith('checkpoint.txt') && m.name.startsWith('timestamps/'))!.bytes;
    const token = members.find((m) => m.name.endsWith('.tst'))!.bytes;
    expect(await opensslVerifies(token, note, pki.caFile)).toBe(true);
    expect(JSON.parse(members.find((m) => m.name === 'timeliness.json')!.bytes.toString())).toEqual({
      utcOffset: '+08:00',
    });
  });

  it('when ledger verify is given the TSA CA, then it trusts the time-stamp and states the disclosure on time', async () => {
    const { code, report, stderr } = await verifyCli(onTime, '--tsa-ca', pki.caFile);
    expect([code, report.failure, stderr]).toEqual([0, undefined, expect.any(String)]);
    expect(report.timestamps).toEqual([
      expect.objectContaining({ trusted: true, tsa: expect.stringContaining('CN=good'), accuracyMs: 1000 }),
    ]);
    const [disclosure] = report.disclosures!;
    expect(disclosure).toMatchObject({ publishedOn: today, status: 'on_time', tsaTrusted: true });
    expect(Date.parse(disclosure!.attestedBy!)).toBeLessThan(Date.parse(disclosure!.deadline));
    // the deadline is the end of the due date in the agency's time (UTC+8)
    expect(disclosure!.deadline).toBe(new Date(Date.parse(`${disclosure!.dueBy}T24:00:00+08:00`)).toISOString());
  });

  it('when the disclosure was recorded as on time but first attested after its deadline, then verify states it late', async () => {
    const { code, report } = await verifyCli(late, '--tsa-ca', pki.caFile);
    expect(code).toBe(0);
    const [disclosure] = report.disclosures!;
    expect(disclosure).toMatchObject({ publishedOn: '2020-01-03', status: 'late', tsaTrusted: true });
    const file = path.join(dir, 'late.tar');
    fs.writeFileSync(file, late);
    const plain = await runCli(['verify', file, '--tsa-ca', pki.caFile]);
    expect(plain.stdout).toMatch(
      /disclosure \(revision 2\): published by \S+, due 2020-01-\d\d \(the agency's day, ending \S+\): late/,
    );
  });

  it('when no TSA CA is given, then the tokens are checked but reported untrusted', async () => {
    const { code, report } = await verifyCli(onTime);
    expect(code).toBe(0);
    expect(report.timestamps!.every((s) => !s.trusted)).toBe(true);
    expect(report.disclosures![0]).toMatchObject({ status: 'on_time', tsaTrusted: false });
  });

  it('when the TSA CA given is another one, then the bundle is invalid: timestamp_untrusted', async () => {
    const { code, report } = await verifyCli(onTime, '--tsa-ca', pki.foreignCaFile);
    expect([code, report.failure?.code]).toEqual([1, 'timestamp_untrusted']);
  });

  it('when a token is tampered with and the manifest signed again, then the bundle is invalid: timestamp_invalid', async () => {
    const members = unpack(onTime);
    const token = members.find((m) => m.name.endsWith('.tst'))!;
    token.bytes[token.bytes.length - 10]! ^= 0x01;
    const report = await verifyBundle(once(await resigned(members)), {
      trustedKeys: [t.service.keys.eventSigner.publicKey],
      timestampRoots: timestampRoots([pki.caPem]),
    });
    expect(report.failure?.code).toBe('timestamp_invalid');
    expect(report.failure?.detail).toMatch(/^timestamps\/\d+\/0\.tst: /);
  });

  it('when a time-stamped checkpoint below the bundle loses its consistency proof and the manifest is signed again, then consistency_proof_missing', async () => {
    const members = unpack(onTime).filter((m) => !/^timestamps\/\d+\/consistency\.json$/.test(m.name));
    expect(members.some((m) => /^timestamps\/\d+\/checkpoint\.txt$/.test(m.name))).toBe(true);
    const report = await verifyBundle(once(await resigned(members)), {
      trustedKeys: [t.service.keys.eventSigner.publicKey],
      timestampRoots: timestampRoots([pki.caPem]),
    });
    expect(report.failure?.code).toBe('consistency_proof_missing');
    expect(report.failure?.detail).toMatch(
      /^timestamps\/\d+\/checkpoint\.txt has no timestamps\/\d+\/consistency\.json$/,
    );
  });

  it('when the public reads a decision, then the JSON list and its portal page state the attested timeliness', async () => {
    const list = await t.call('GET', `/v1/disclosures?agency=${AGENCY}&limit=50`);
    expect(list.status).toBe(200);
    // the whole list, its checkpoint included: published as GET /v1/ledger/checkpoint serves it, time-stamps and all
    expect(() => validate('urn:evidence-ledger:schema:response:disclosure-list', list.body)).not.toThrow();
    expect(list.body.checkpoint).toMatchObject({ cosignedNote: expect.any(String), timestamps: expect.any(Array) });
    const of = (caseId: string) => list.body.items.find((d: { caseId: string }) => d.caseId === caseId).attestation;
    expect(of('TS-ON-TIME')).toMatchObject({ status: 'on_time', attestedBy: expect.any(String) });
    expect(of('TS-LATE')).toMatchObject({ status: 'late', dueBy: expect.stringMatching(/^2020-01-/) });
    // the same verdict as ledger verify reached from the bundle alone
    const fromBundle = (await verifyCli(onTime, '--tsa-ca', pki.caFile)).report.disclosures![0]!;
    expect(of('TS-ON-TIME')).toMatchObject({ deadline: fromBundle.deadline, attestedBy: fromBundle.attestedBy });
    const page = await fetch(`${t.url}/disclosures/${AGENCY}/TS-LATE?lang=en`);
    expect(page.status).toBe(200);
    // the attested time in the agency's time (UTC+8), the offset written, as its due date is
    expect(await page.text()).toMatch(
      /Published by \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+08:00 \(RFC 3161 time-stamp\), due 2020-01-\d\d: late/,
    );
  });

  it('when a supervisor lists the decisions published late, then each states what the time-stamps show', async () => {
    // the overdue view lists what the case file itself shows late; the time-stamps then say by when it really was
    const supervisor = t.token('sup-1', AGENCY, ['supervisor']);
    const res = await t.call('GET', '/v1/audit/overdue-disclosures?limit=100', { token: supervisor });
    expect(res.status).toBe(200);
    expect(() => validate('urn:evidence-ledger:schema:response:audit-overdue-disclosures', res.body)).not.toThrow();
    const late = res.body.items.find((i: { caseId: string }) => i.caseId === 'TS-OWNED-LATE');
    expect(late).toMatchObject({
      status: 'disclosed_late',
      attestation: { status: 'late', attestedBy: expect.any(String) },
    });
    // the same statement as the public list's
    const list = await t.call('GET', `/v1/disclosures?agency=${AGENCY}&limit=50`);
    expect(late.attestation).toEqual(
      list.body.items.find((d: { caseId: string }) => d.caseId === 'TS-LATE').attestation,
    );
  });

  it('when no time-stamped checkpoint covers the disclosure yet, then it is not yet attested', async () => {
    tsa.setDown(true);
    try {
      await disclosedCase('TS-PENDING', today, today);
      const bundle = await bundleOf('TS-PENDING');
      const report = (await verifyCli(bundle, '--tsa-ca', pki.caFile)).report;
      expect(report.valid).toBe(true);
      expect(report.disclosures![0]).toMatchObject({ status: 'not_attested' });
      expect(report.disclosures![0]!.attestedBy).toBeUndefined();
      // in words: said once, with the agency's due day and the instant it ends
      const file = path.join(dir, 'pending.tar');
      fs.writeFileSync(file, bundle);
      const plain = await runCli(['verify', file, '--tsa-ca', pki.caFile]);
      const line = plain.stdout.split('\n').find((l) => l.includes('disclosure (revision'));
      expect(line).toBe(
        `  disclosure (revision 2): not yet attested, due ${report.disclosures![0]!.dueBy} (the agency's day, ending ${report.disclosures![0]!.deadline})`,
      );
    } finally {
      tsa.setDown(false);
    }
  });
});
