import { caseStream } from '../../src/domain/case/acts.js';
import { accessStream, deniedAccessStream } from '../../src/app/access-log.js';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import pino from 'pino';
import { bundleApi } from '../../src/http/bundle-api.js';
import { FilesystemBlobStore } from '../../src/adapters/filesystem/blob-store.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_V1,
  manifestBytes,
  signManifest,
  type BundleManifest,
} from '../../src/ledger/bundle.js';
import { verifyBundle, type BundleReport, type BundleVerifyOptions } from '../../src/ledger/bundle-verify.js';
import { checkpointBody, signNote } from '../../src/ledger/checkpoint.js';
import { headsExtension } from '../../src/ledger/checkpoint-heads.js';
import { ed25519Signer, type Signer } from '../../src/ledger/ed25519.js';
import { computeEventHash, sealEvents, type EventEnvelope } from '../../src/ledger/envelope.js';
import { rootOf } from '../../src/ledger/merkle.js';
import { inclusionProof } from '../../src/ledger/merkle-proofs.js';
import { TarReader, type TarMember } from '../../src/ledger/tar-reader.js';
import { writeTar } from '../../src/ledger/tar.js';
import { runCli } from '../support/cli.js';
import { CHECKS_PASSED } from '../support/domain.js';
import { seedAgency, startTestService, testSuite, type TestService } from '../support/service.js';
import { asVideo } from '../support/media-bytes.js';

const AGENCY = 'county-justice';
const CASE = 'b-1';
const today = new Date().toISOString().slice(0, 10);
const at = `${today}T00:09:30+08:00`;
const MiB = 1024 * 1024;

interface Member {
  name: string;
  bytes: Buffer;
  mtime: number;
  /** Offset of the member's header in the archive it was read from. */
  offset: number;
}

let t: TestService;
let officer: string;
let reviewer: string;
let outsider: string;
let dir: string;
/** The bundle of case b-1 as first exported, and its members. */
let bundle: Buffer;
let members: Member[];
let serviceSigner: Signer;

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
    memberEnd: () => out.push({ ...current!, bytes: Buffer.concat(parts) }),
  });
  reader.write(archive);
  reader.close();
  return out;
}

async function pack(list: readonly Pick<Member, 'name' | 'bytes' | 'mtime'>[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  // a file added is dated as the others, as an exporter would date it (§13.1)
  const mtime = list.find((m) => m.mtime !== undefined)?.mtime;
  const entries = list.map((m) => ({ name: m.name, size: m.bytes.length, body: m.bytes, mtime: m.mtime ?? mtime }));
  for await (const chunk of writeTar(entries)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const manifestOf = (list: readonly Member[]) => JSON.parse(list[0]!.bytes.toString('utf8')) as BundleManifest;

/**
 * What a hostile exporter holding the service key can do: rewrite the manifest to list the files as they now are
 * (with `edit` applied) and sign it again.
 */
function resign(
  list: Member[],
  signer: Signer = serviceSigner,
  edit: (m: BundleManifest) => BundleManifest = (m) => m,
) {
  const old = manifestOf(list);
  const files = list.slice(1).map((m) => ({
    name: m.name,
    size: m.bytes.length,
    sha256: createHash('sha256').update(m.bytes).digest('hex'),
  }));
  const { signature: _s, ...body } = edit({ ...old, files });
  const signed = signManifest(body, signer);
  return [{ ...list[0]!, bytes: manifestBytes(signed) }, ...list.slice(1)];
}

const copyOf = (list: readonly Member[]): Member[] => list.map((m) => ({ ...m, bytes: Buffer.from(m.bytes) }));
const named = (list: readonly Member[], name: string) => list.find((m) => m.name === name)!;
const parsed = <T>(m: Member) => JSON.parse(m.bytes.toString('utf8')) as T;
const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

async function check(archive: Buffer, options: BundleVerifyOptions = {}): Promise<BundleReport> {
  // A buffer in memory yields only microtasks: let timers run between checks, as a real source (a file, a socket)
  // does, or the service's keep-alive timers starve through a test of a thousand checks and a fetch after it meets
  // a connection the server is closing.
  await new Promise((resolve) => setImmediate(resolve));
  return verifyBundle(
    (async function* () {
      for (let i = 0; i < archive.length; i += 64 * 1024) yield archive.subarray(i, i + 64 * 1024);
    })(),
    options,
  );
}

const trusted = (): BundleVerifyOptions => ({ trustedKeys: [serviceSigner.publicKey] });

/**
 * The report `POST /v1/verify` answers for `body` on a service that trusts the service key and whose own log is
 * `log` (its origin and roots): a log other than the test service's, made up for the case.
 */
async function postedTo(
  log: NonNullable<Parameters<typeof bundleApi>[0]['prefixOf']>,
  body: Buffer,
): Promise<BundleReport & { log?: unknown }> {
  const app = express();
  app.use(
    bundleApi({
      bundles: { export: () => Promise.reject(new Error('not asked')) },
      verify: () => {
        throw new Error('not asked');
      },
      keys: () => [{ publicKey: serviceSigner.publicKey }],
      limited: (_req, _res, next) => next(),
      prefixOf: log,
      log: pino({ level: 'silent' }),
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/v1/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-tar' },
      body,
    });
    return (await res.json()) as BundleReport & { log?: unknown };
  } finally {
    server.close();
  }
}

async function expectFailure(list: Member[], code: string, options: BundleVerifyOptions = trusted()) {
  const report = await check(await pack(list), options);
  expect({ valid: report.valid, code: report.failure?.code }).toEqual({ valid: false, code });
  return report;
}

async function download(route: string, token = officer) {
  const res = await fetch(`${t.url}${route}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function upload(bytes: Uint8Array, contentType: string): Promise<string> {
  const res = await fetch(`${t.url}/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officer}`, 'content-type': contentType },
    body: bytes,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { sha256: string }).sha256;
}

async function act(caseId: string, body: unknown, token = officer) {
  const res = await t.call('POST', `/v1/cases/${caseId}/acts`, { token, body });
  expect([res.status, res.body?.code]).toEqual([201, undefined]);
  return res.body as { position: number };
}

async function openCase(caseId: string) {
  const opened = await t.call('POST', '/v1/cases', {
    token: officer,
    body: {
      caseId,
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'person', name: '张三丰', idNumber: '140521199001011234' }],
    },
  });
  expect(opened.status).toBe(201);
}

beforeAll(async () => {
  t = await startTestService();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-test-'));
  officer = t.token('alice', AGENCY, ['officer']);
  reviewer = t.token('rita', AGENCY, ['reviewer']);
  outsider = t.token('olga', 'city-market', ['officer', 'supervisor']);
  serviceSigner = t.service.keys.eventSigner;
  await seedAgency(t, AGENCY, { reviewers: ['rita'], item: { major: { fineFenAtLeast: 1_000_000 } } });

  // a case with media, a seizure with its video, a legal review and a decision, read a few times
  await openCase(CASE);
  const photo = await upload(randomBytes(3000), 'image/jpeg');
  const video = await upload(asVideo(randomBytes(70_001 - 24)), 'video/mp4');
  await act(CASE, { type: 'EvidenceCollected', occurredAt: at, data: { description: '现场照片' }, media: [photo] });
  await act(CASE, {
    type: 'PropertySeized',
    occurredAt: at,
    data: { items: '设备', legalBasis: '第二十条' },
    media: [video, photo],
  });
  const proposed = { decisionType: 'fine', fineFen: 2_000_000, legalBasis: '《律师法》第五十条' };
  await act(CASE, { type: 'LegalReviewRequested', occurredAt: at, data: { proposed } });
  await act(
    CASE,
    {
      type: 'LegalReviewCompleted',
      occurredAt: at,
      data: { outcome: 'approved', opinion: '同意', checks: CHECKS_PASSED },
    },
    reviewer,
  );
  const last = await act(CASE, {
    type: 'DecisionIssued',
    occurredAt: at,
    data: { ...proposed, documentNo: '司罚〔2026〕1号', decidedOn: today },
  });
  expect((await t.call('GET', `/v1/cases/${CASE}?consistentWith=${last.position}`, { token: officer })).status).toBe(
    200,
  );
  expect((await download(`/v1/media/${photo}`)).status).toBe(200);
  expect((await t.call('GET', `/v1/cases/${CASE}`, { token: outsider })).status).toBe(404);

  const res = await download(`/v1/cases/${CASE}/bundle`);
  expect(res.status).toBe(200);
  bundle = res.bytes;
  members = unpack(bundle);
}, 120_000);

afterAll(async () => {
  await t.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('exporting a case as an evidence bundle', () => {
  it('when an officer of the agency asks, then a tar with the contract headers, its files in order, and the read recorded', async () => {
    const res = await download(`/v1/cases/${CASE}/bundle`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tar');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="case-${CASE}.tar"`);
    expect(Number(res.headers.get('content-length'))).toBe(res.bytes.length);

    const names = members.map((m) => m.name);
    expect(names[0]).toBe('manifest.json');
    expect(names[1]).toBe('checkpoint.txt');
    const events = names.filter((n) => n.startsWith('events/'));
    expect(events).toEqual(
      ['00000000', '00000001', '00000002', '00000003', '00000004', '00000005'].map((r) => `events/${r}.json`),
    );
    const access = names.filter((n) => n.startsWith('access/'));
    const media = names.filter((n) => n.startsWith('media/'));
    expect(media).toHaveLength(2);
    expect(names.slice(-2)).toEqual(media); // media last, streamed after everything else
    expect(names.filter((n) => n.startsWith('proofs/'))).toHaveLength(events.length + access.length);
    expect(names.filter((n) => n.startsWith('keys/'))).toEqual([`keys/${serviceSigner.keyId}.pem`]);

    const manifest = manifestOf(members);
    expect(manifest).toMatchObject({ format: BUNDLE_FORMAT, agency: AGENCY, caseId: CASE });
    expect(manifest.files.map((f) => f.name)).toEqual(names.slice(1));

    // the access records: read_case, read_media, then this export itself (before any byte was sent); the refused
    // read by another agency is on that reader's own trail, not here
    const actions = access.map((n) => parsed<EventEnvelope>(named(members, n)).data);
    expect(actions).toEqual([
      expect.objectContaining({ action: 'read_case', outcome: 'granted' }),
      expect.objectContaining({ action: 'read_media', outcome: 'granted' }),
      expect.objectContaining({ action: 'read_bundle', outcome: 'granted' }),
    ]);
    const stream = await t.service.events.readStream(accessStream(AGENCY, CASE));
    expect(stream.at(-1)!.event.data).toMatchObject({ action: 'read_bundle', outcome: 'granted' });
  });

  it('when another agency or nobody asks, then 404 (recorded on the reader’s trail) or 401, and no bundle', async () => {
    const before = (await t.service.events.readStream(accessStream(AGENCY, CASE))).length;
    const denied = await download(`/v1/cases/${CASE}/bundle`, outsider);
    expect(denied.status).toBe(404);
    expect(JSON.parse(denied.bytes.toString())).toMatchObject({ code: 'not_found' });
    expect(await t.service.events.readStream(accessStream(AGENCY, CASE))).toHaveLength(before);
    const trail = await t.service.events.readStream(deniedAccessStream('city-market', 'olga'));
    expect(trail.at(-1)!.event).toMatchObject({
      actor: { sub: 'olga' },
      data: { caseId: CASE, action: 'read_bundle', outcome: 'denied' },
    });
    expect((await fetch(`${t.url}/v1/cases/${CASE}/bundle`)).status).toBe(401);
    expect((await download('/v1/cases/no-such-case/bundle')).status).toBe(404);
    expect((await download(`/v1/cases/${CASE}/bundle?trustedSize=0`)).status).toBe(400);
    // a trusted size no checkpoint of the log has had: refused before the retrieval is recorded (none took place)
    const recorded = (await t.service.events.readStream(accessStream(AGENCY, CASE))).length;
    const beyond = await download(`/v1/cases/${CASE}/bundle?trustedSize=99999999`);
    expect(beyond.status).toBe(400);
    expect(JSON.parse(beyond.bytes.toString('utf8'))).toMatchObject({
      code: 'invalid_query',
      reason: 'tree_size_invalid',
      detail: expect.stringMatching(/^trustedSize 99999999 is beyond this log's tree of \d+ entries/),
    });
    expect(await t.service.events.readStream(accessStream(AGENCY, CASE))).toHaveLength(recorded);
  });

  it('when the bundle is checked in-process, then it is valid with every count right', async () => {
    const report = await check(bundle, trusted());
    expect(report).toMatchObject({
      valid: true,
      caseId: CASE,
      trustedKeys: [{ keyId: serviceSigner.keyId, source: 'given' }],
      counts: { events: 6, accessRecords: 3, media: 2, mediaBytes: 73_001, proofs: 9, bytes: bundle.length },
    });
    expect(report.failure).toBeUndefined();
    // the decision document's number, what a clerk knows the case by, from the verified DecisionIssued event
    expect(report.decisions).toEqual([
      {
        eventId: expect.any(String),
        revision: 5,
        documentNo: '司罚〔2026〕1号',
        decisionType: 'fine',
        decidedOn: today,
      },
    ]);
  });
});

describe('ledger bundle and ledger verify', () => {
  it('when the CLI downloads a bundle, then ledger verify accepts it (exit 0) and says which keys it trusted', async () => {
    const file = path.join(dir, 'cli.tar');
    const got = await runCli(['bundle', CASE, '-o', file, '--url', t.url], { LEDGER_TOKEN: officer }, dir);
    expect([got.code, got.stderr]).toEqual([0, expect.stringContaining('wrote')]);
    expect(fs.existsSync(`${file}.part`)).toBe(false);

    const verified = await runCli(['verify', file], {}, dir);
    expect(verified.code).toBe(0);
    // no --key: the verdict says no more than the bundle's own keys show (as the browser's does)
    expect(verified.stdout.split('\n')[0]).toBe(
      `consistent with itself only: case ${CASE} (agency ${AGENCY}); no --key given, so not shown to come from a given ledger`,
    );
    expect(verified.stdout).toContain(
      `${serviceSigner.keyId} (from the bundle; signed the manifest and the checkpoint)`,
    );
    expect(verified.stderr).toContain('trusted the keys the bundle carries');
    expect(verified.stderr).toContain('consistent with itself, not that it came from a given ledger');
    // read by `head -1` with its note on stderr in the same pipe: the note meets a closed pipe, the verdict stands
    for (let run = 0; run < 3; run++) {
      const piped = spawnSync(
        'bash',
        [
          '-c',
          `"${process.execPath}" "${path.resolve(__dirname, '../../bin/ledger.js')}" verify cli.tar 2>&1 | head -1 > /dev/null; exit \${PIPESTATUS[0]}`,
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      expect([run, piped.status]).toEqual([run, 0]);
    }

    const pem = path.join(dir, 'service.pem');
    fs.writeFileSync(pem, serviceSigner.publicKey.export({ type: 'spki', format: 'pem' }));
    const withKey = await runCli(['verify', file, '--key', pem, '--json'], {}, dir);
    expect(withKey.code).toBe(0);
    const report = JSON.parse(withKey.stdout) as BundleReport;
    expect(report).toMatchObject({
      valid: true,
      trustedKeys: [{ keyId: serviceSigner.keyId, source: 'given', signed: ['manifest', 'checkpoint'] }],
    });
    expect(withKey.stderr).toBe('');
    const humanWithKey = await runCli(['verify', file, '--key', pem], {}, dir);
    expect([humanWithKey.code, humanWithKey.stdout.split('\n')[0]]).toEqual([
      0,
      `valid: case ${CASE} (agency ${AGENCY})`,
    ]);
    expect(humanWithKey.stdout).toContain(`  decision 司罚〔2026〕1号 (fine), decided on ${today} (revision 5)\n`);

    // every published key in one file (a rotation leaves the retired key beside the current one): each is trusted
    const retired = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const both = path.join(dir, 'published.pem');
    fs.writeFileSync(both, retired + (serviceSigner.publicKey.export({ type: 'spki', format: 'pem' }) as string));
    const withBoth = await runCli(['verify', file, '--key', both, '--json'], {}, dir);
    expect(withBoth.code).toBe(0);
    const given = (JSON.parse(withBoth.stdout) as BundleReport).trustedKeys.filter((k) => k.source === 'given');
    expect(given).toHaveLength(2);
    expect(given).toContainEqual({ keyId: serviceSigner.keyId, source: 'given', signed: ['manifest', 'checkpoint'] });
    // a file whose second block is no key is a usage error naming it
    fs.writeFileSync(both, retired + '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n');
    const bad = await runCli(['verify', file, '--key', both], {}, dir);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('(its key 2 of 2) is not an Ed25519 or SM2')]);
  });

  it('when a checkpoint is signed with a key the bundle itself adds, then the report says which key signed what', async () => {
    const outsider = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
    const forged = forgeTree(copyOf(members), outsider);
    const report = await check(await pack(forged));
    expect(report.valid).toBe(true); // trusting the bundle's own keys: it holds together
    const signers = report.trustedKeys.filter((k) => k.signed !== undefined);
    expect(signers).toHaveLength(2);
    expect(signers).toEqual(
      expect.arrayContaining([
        { keyId: serviceSigner.keyId, source: 'bundle', signed: ['manifest'] },
        { keyId: outsider.keyId, source: 'bundle', signed: ['checkpoint'] },
      ]),
    );
  });

  it('when the bundle is damaged, then ledger verify exits 1 naming the first failure on stderr', async () => {
    const file = path.join(dir, 'damaged.tar');
    const copy = Buffer.from(bundle);
    const media = members.at(-1)!;
    copy[media.offset + 512 + 10]! ^= 0x01;
    fs.writeFileSync(file, copy);
    const got = await runCli(['verify', file], {}, dir);
    expect(got.code).toBe(1);
    expect(got.stderr).toContain(`invalid: file_hash_mismatch: ${media.name} hashes to`);
  });

  it('when the command line is wrong, then exit 2 with the usage', async () => {
    expect((await runCli(['verify'], {}, dir)).code).toBe(2);
    const badKey = path.join(dir, 'bad.pem');
    fs.writeFileSync(badKey, 'not a key');
    fs.writeFileSync(path.join(dir, 'x'), 'a file');
    expect((await runCli(['verify', 'x', '--key', badKey], {}, dir)).code).toBe(2);
    expect((await runCli(['bundle', CASE], { LEDGER_TOKEN: officer }, dir, { tty: true })).code).toBe(2);
    expect((await runCli(['bundle', CASE, '-o', 'x.tar'], {}, dir)).code).toBe(2);
    const help = await runCli(['verify', '--help'], {}, dir);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('Usage: ledger verify FILE')]);
    expect((await runCli(['bundle', '--help'], {}, dir)).stdout).toContain('Usage: ledger bundle CASE_ID -o FILE');
  });

  it('when the service refuses the download, then ledger bundle exits 1 with the problem and leaves no file', async () => {
    const file = path.join(dir, 'refused.tar');
    const got = await runCli(['bundle', CASE, '-o', file, '--url', t.url, '--token', outsider], {}, dir);
    expect(got.code).toBe(1);
    expect(got.stderr).toContain('404 not_found');
    expect(fs.existsSync(file) || fs.existsSync(`${file}.part`)).toBe(false);
  });
});

describe('POST /v1/verify', () => {
  const post = async (body: Buffer, contentType = 'application/x-tar') => {
    const res = await fetch(`${t.url}/v1/verify`, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('when anyone posts the bundle, then 200 with the same report as the CLI, against the service keys', async () => {
    const res = await post(bundle);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      valid: true,
      counts: { events: 6, accessRecords: 3, media: 2, proofs: 9, bytes: bundle.length },
      trustedKeys: [{ keyId: serviceSigner.keyId, source: 'given' }],
    });
  });

  it('when the posted bundle is damaged or signed by another key, then 200 valid false with the failure', async () => {
    const copy = Buffer.from(bundle);
    copy[members[3]!.offset + 512]! ^= 0x02;
    expect((await post(copy)).body).toMatchObject({ valid: false, failure: { code: 'file_hash_mismatch' } });
    const attacker = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
    const forged = resign(copyOf(members), attacker);
    expect((await post(await pack(forged))).body).toMatchObject({ valid: false, failure: { code: 'unknown_key' } });
    expect((await post(Buffer.from('not a tar at all'))).body).toMatchObject({
      valid: false,
      failure: { code: 'malformed' },
    });
  });

  it('when a file of the bundle nests JSON thousands of levels deep, then 200 valid false (malformed), never a 500', async () => {
    const deep = (depth: number) => Buffer.from(`{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    const manifestOnly = await pack([{ ...members[0]!, bytes: deep(5_000) }]);
    const res = await post(manifestOnly);
    expect([res.status, res.body.valid, res.body.failure?.code]).toEqual([200, false, 'malformed']);
    expect(res.body.failure.detail).toContain('nests deeper than');
    // an event file nested as deep, in a bundle re-signed by a hostile exporter, is refused as well
    const list = copyOf(members);
    const event = list.find((m) => m.name.startsWith('events/'))!;
    event.bytes = deep(5_000);
    expect((await post(await pack(resign(list)))).body).toMatchObject({
      valid: false,
      failure: { code: 'malformed_event' },
    });
  });

  it('when the body is not a tar, then 415', async () => {
    expect((await post(Buffer.from('{}'), 'application/json')).status).toBe(415);
  });
});

describe('tampering is detected, with zero false accepts', () => {
  it('when any file of the bundle has one bit flipped (header or contents), then the bundle is invalid', async () => {
    const codes = new Map<string, number>();
    let checked = 0;
    for (const m of members) {
      const headerPositions = [0, 50, 101, 124, 130, 136, 148, 153, 154, 155, 156, 257, 263, 300, 345, 511];
      const contentPositions = m.bytes.length > 0 ? [0, Math.floor(m.bytes.length / 2), m.bytes.length - 1] : [];
      const padding = (512 - (m.bytes.length % 512)) % 512;
      const positions = [
        ...headerPositions.map((p) => m.offset + p),
        ...contentPositions.map((p) => m.offset + 512 + p),
        ...(padding > 0 ? [m.offset + 512 + m.bytes.length + padding - 1] : []),
      ];
      for (const position of positions) {
        for (const bit of [0, 3, 7]) {
          const copy = Buffer.from(bundle);
          copy[position]! ^= 1 << bit;
          const report = await check(copy);
          if (report.valid) throw new Error(`accepted a flip of bit ${bit} at byte ${position} (${m.name})`);
          codes.set(report.failure!.code, (codes.get(report.failure!.code) ?? 0) + 1);
          checked += 1;
        }
      }
    }
    for (const position of [bundle.length - 1, bundle.length - 1024, bundle.length - 600]) {
      const copy = Buffer.from(bundle);
      copy[position]! ^= 0x10;
      expect((await check(copy)).failure?.code).toBe('malformed');
      checked += 1;
    }
    expect(checked).toBeGreaterThan(members.length * 50);
    // header flips are malformed archives; content flips are caught by the manifest's hashes
    expect([...codes.keys()].sort()).toEqual(expect.arrayContaining(['file_hash_mismatch', 'malformed']));
  }, 120_000);

  it("when a bit of the manifest's own values is flipped (its time, checkpoint, signature), then the bundle is invalid", async () => {
    const manifest = members[0]!;
    const text = manifest.bytes.toString('latin1');
    const spans = ['"createdAt":"', '"rootHash":"', '"caseId":"', '"value":"', '"keyId":"'].map((key) => {
      const start = text.indexOf(key) + key.length;
      return [start, text.indexOf('"', start)] as const;
    });
    const codes = new Set<string>();
    for (const [start, end] of spans) {
      for (let i = start; i < end; i++) {
        const copy = Buffer.from(bundle);
        copy[manifest.offset + 512 + i]! ^= 0x01;
        const report = await check(copy, trusted());
        if (report.valid) throw new Error(`accepted a flip in the manifest at ${i}`);
        codes.add(report.failure!.code);
      }
    }
    expect([...codes].sort()).toEqual(
      expect.arrayContaining(['manifest_signature_invalid', 'unknown_key', 'malformed']),
    );
  });

  describe('by someone without the service key (the manifest is no longer what the service signed)', () => {
    it('when a file is dropped, then manifest_mismatch names it', async () => {
      for (const name of ['events/00000002.json', 'checkpoint.txt', members.at(-1)!.name, members[5]!.name]) {
        const report = await expectFailure(
          copyOf(members).filter((m) => m.name !== name),
          'manifest_mismatch',
        );
        expect(report.failure!.detail).toBe(`${name} is listed in the manifest but missing`);
      }
    });

    it('when a file is added, then manifest_mismatch names it', async () => {
      const added = [
        ...copyOf(members),
        { name: 'notes.txt', bytes: Buffer.from('x'), mtime: members[0]!.mtime, offset: 0 },
      ];
      const report = await expectFailure(added, 'manifest_mismatch');
      expect(report.failure!.detail).toBe('notes.txt is not listed in the manifest');
    });

    it('when the key file is moved after the events, then malformed, whether keys were given or not', async () => {
      const key = members.find((m) => m.name.startsWith('keys/'))!;
      const moved = [...copyOf(members).filter((m) => m.name !== key.name), { ...key }];
      const given = await expectFailure(moved, 'malformed');
      expect(given.failure!.detail).toBe(`${key.name} comes after files that are not keys`);
      // checked with the bundle's own keys: not "the bundle carries none", which the manifest belies
      const own = await expectFailure(moved, 'malformed', {});
      expect(own.failure!.detail).toMatch(
        new RegExp(
          `^${key.name.replace(/[.]/g, '\\.')}, which the manifest lists, is not among the keys at the start of the archive \\(events/`,
        ),
      );
    });

    it('when the manifest is rewritten to match but signed by another key, then unknown_key; re-signed in place, manifest_signature_invalid', async () => {
      const attacker = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
      const list = copyOf(members).filter((m) => m.name !== 'events/00000005.json');
      await expectFailure(resign(list, attacker), 'unknown_key');
      const forged = resign(list, attacker);
      const manifest = manifestOf(forged);
      const relabelled = { ...manifest, signature: { ...manifest.signature, keyId: serviceSigner.keyId } };
      forged[0]!.bytes = manifestBytes(relabelled);
      await expectFailure(forged, 'manifest_signature_invalid');
    });

    it('when a manifest signed by another key lists files the archive ends without, then unknown_key, as when a file follows the keys', async () => {
      const attacker = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
      const forged = resign(copyOf(members), attacker);
      const early = (m: Member) =>
        m.name === 'manifest.json' || m.name === 'checkpoint.txt' || m.name.startsWith('keys/');
      // one listed file after the keys: the manifest's signature is settled at it, before anything else is said
      const first = forged.findIndex((m) => !early(m));
      await expectFailure(forged.slice(0, first + 1), 'unknown_key');
      // none: the end of the archive settles it, before the listed files it lacks are named
      await expectFailure(forged.slice(0, first), 'unknown_key');
    });

    it('when the manifest is not the first file, then malformed', async () => {
      const list = copyOf(members);
      await expectFailure([list[1]!, list[0]!, ...list.slice(2)], 'malformed');
    });
  });

  describe('by a hostile exporter that signs what it changed with the service key', () => {
    it('when an event is deleted, then revision_gap', async () => {
      const list = copyOf(members).filter((m) => m.name !== 'events/00000002.json');
      const report = await expectFailure(resign(list), 'revision_gap');
      expect(report.failure!.detail).toMatch(/^events\/00000003.json: revision 3, expected 2/);
    });

    it('when the manifest names another agency, whose case of the same id it is not, then stream_mismatch', async () => {
      const list = resign(copyOf(members), serviceSigner, (m) => ({
        ...m,
        agency: 'county',
        streams: [
          { stream: caseStream('county', CASE), revision: m.streams![0]!.revision },
          { stream: accessStream('county', CASE), revision: m.streams![1]!.revision },
        ],
      }));
      const report = await expectFailure(list, 'stream_mismatch');
      expect(report.failure!.detail).toContain(caseStream('county', CASE));
    });

    it('when the first event is re-signed into another stream, then stream_mismatch names that event, not the next', async () => {
      const list = copyOf(members);
      const file = named(list, 'events/00000000.json');
      const {
        hash: _h,
        sig: _s,
        stream: _stream,
        revision: _r,
        prev: _p,
        recordedAt,
        ...draft
      } = parsed<EventEnvelope>(file);
      const other = caseStream(AGENCY, 'another-case');
      const [resealed] = sealEvents(other, null, [draft], serviceSigner, recordedAt);
      file.bytes = json(resealed);
      const report = await expectFailure(resign(list), 'stream_mismatch');
      expect(report.failure!.detail).toBe(
        `events/00000000.json: stream ${other}, expected ${caseStream(AGENCY, CASE)}`,
      );
    });

    it('when an access record is deleted, then revision_gap', async () => {
      const list = copyOf(members).filter((m) => m.name !== 'access/00000001.json');
      await expectFailure(resign(list), 'revision_gap');
    });

    it('when an event is duplicated, then duplicate_event', async () => {
      const list = copyOf(members);
      const last = named(list, 'events/00000005.json');
      const at = list.indexOf(last) + 1;
      list.splice(at, 0, { ...last, name: 'events/00000006.json', bytes: Buffer.from(last.bytes) });
      await expectFailure(resign(list), 'duplicate_event');
    });

    it('when two events are swapped, then revision_gap', async () => {
      const list = copyOf(members);
      const a = named(list, 'events/00000001.json');
      const b = named(list, 'events/00000002.json');
      [a.bytes, b.bytes] = [b.bytes, a.bytes];
      await expectFailure(resign(list), 'revision_gap');
    });

    it("when an event's content is changed, then event_hash_mismatch; re-hashed, then signature_invalid", async () => {
      const list = copyOf(members);
      const file = named(list, 'events/00000001.json');
      const event = parsed<EventEnvelope & { data: Record<string, unknown> }>(file);
      const changed = { ...event, data: { ...event.data, description: '篡改' } };
      file.bytes = json(changed);
      await expectFailure(resign(list), 'event_hash_mismatch');
      file.bytes = json({ ...changed, hash: computeEventHash(changed) });
      await expectFailure(resign(list), 'signature_invalid');
    });

    it('when an event is re-chained after a change, then chain_broken at the next one', async () => {
      const list = copyOf(members);
      const file = named(list, 'events/00000001.json');
      const event = parsed<EventEnvelope>(file);
      const { hash: _h, sig: _s, stream, revision, prev, recordedAt, ...draft } = event;
      const [resealed] = sealEvents(
        stream,
        { revision: revision - 1, hash: prev },
        [{ ...draft, data: { ...draft.data, description: '篡改' } }],
        serviceSigner,
        recordedAt,
      );
      file.bytes = json(resealed);
      const report = await expectFailure(resign(list), 'chain_broken');
      expect(report.failure!.detail).toMatch(/^events\/00000002.json/);
    });

    it('when a medium is swapped for other bytes, then media_mismatch; when it is missing, media_missing', async () => {
      const list = copyOf(members);
      const medium = list.at(-1)!;
      medium.bytes = randomBytes(medium.bytes.length);
      await expectFailure(resign(list), 'media_mismatch');

      const renamed = copyOf(members);
      const other = renamed.at(-1)!;
      const bytes = randomBytes(100);
      other.name = `media/${createHash('sha256').update(bytes).digest('hex')}`;
      other.bytes = bytes;
      await expectFailure(resign(renamed), 'media_missing');

      const extra = [
        ...copyOf(members),
        { name: `media/${'0'.repeat(64)}`, bytes: Buffer.alloc(0), mtime: members[0]!.mtime, offset: 0 },
      ];
      await expectFailure(resign(extra), 'media_mismatch');
    });

    it('when a proof is dropped, then proof_missing; a proof for another leaf or against another size, proof_invalid', async () => {
      const proofs = members.filter((m) => m.name.startsWith('proofs/'));
      await expectFailure(resign(copyOf(members).filter((m) => m.name !== proofs[0]!.name)), 'proof_missing');

      type Proof = { eventId: string; leafIndex: number; treeSize: number; leafHash: string; proof: string[] };
      const [first, second] = [parsed<Proof>(proofs[0]!), parsed<Proof>(proofs[1]!)];
      const variants: Proof[] = [
        { ...second, eventId: first.eventId }, // another event's proof
        { ...first, leafIndex: second.leafIndex }, // the right leaf at another index
        { ...first, leafHash: second.leafHash, leafIndex: second.leafIndex, proof: second.proof },
        { ...first, treeSize: first.treeSize - 1 },
        { ...first, proof: first.proof.slice(1) },
        { ...first, proof: [...first.proof].reverse() },
      ];
      for (const forged of variants) {
        const list = copyOf(members);
        named(list, proofs[0]!.name).bytes = json(forged);
        await expectFailure(resign(list), 'proof_invalid');
      }
      const list = copyOf(members);
      list.push({ ...proofs[0]!, name: `proofs/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}.json` });
      await expectFailure(resign(list), 'proof_invalid');
    });

    it('when the events are proved against a made-up tree signed by a key the verifier does not trust, then checkpoint_invalid', async () => {
      const attacker = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
      const forged = forgeTree(copyOf(members), attacker);
      const report = await expectFailure(forged, 'checkpoint_invalid');
      expect(report.failure!.detail).toContain('not signed by a trusted key');
      // the service itself would refuse it too
      const res = await fetch(`${t.url}/v1/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-tar' },
        body: await pack(forged),
      });
      expect(((await res.json()) as BundleReport).failure?.code).toBe('checkpoint_invalid');
    });
  });

  describe('a trusted checkpoint exposes a forked or rolled-back log', () => {
    const origin = () => manifestOf(members).checkpoint.origin;

    it('when the service forks its log (a made-up tree, validly signed), then only a trusted checkpoint and the consistency proof between the two reveal it', async () => {
      const earlier = (await t.call('GET', '/v1/ledger/checkpoint')).body as { note: string; size: number };
      const forged = forgeTree(copyOf(members), serviceSigner);
      const self = await check(await pack(forged), trusted());
      expect(self.valid).toBe(true); // signed by the service: without history, nothing to compare with
      // without a proof the two checkpoints are not shown to be of one log, which is not to say they are not
      const unproven = await expectFailure(forged, 'consistency_proof_missing', {
        ...trusted(),
        trustedCheckpoint: earlier.note,
      });
      const size = manifestOf(forged).checkpoint.size;
      expect(size).toBeLessThan(earlier.size);
      expect(unproven.failure!.detail).toContain(`/v1/ledger/proof/consistency?from=${size}&to=${earlier.size}`);
      // the log's own proof between the two sizes does not hold for the made-up tree
      const proof = (await t.call('GET', `/v1/ledger/proof/consistency?from=${size}&to=${earlier.size}`)).body;
      await expectFailure(forged, 'checkpoint_inconsistent', {
        ...trusted(),
        trustedCheckpoint: earlier.note,
        consistencyProof: proof,
      });
    });

    it('when the forked bundle is posted to the service, then the service finds it is not a prefix of its own log', async () => {
      const forged = forgeTree(copyOf(members), serviceSigner);
      const post = (body: Buffer) =>
        fetch(`${t.url}/v1/verify`, { method: 'POST', headers: { 'content-type': 'application/x-tar' }, body });
      const honest = (await (await post(bundle)).json()) as BundleReport & { log?: unknown };
      expect(honest).toMatchObject({ valid: true, log: { origin: origin(), consistent: true } });
      const refused = (await (await post(await pack(forged))).json()) as BundleReport & { log?: unknown };
      expect(refused).toMatchObject({
        valid: false,
        failure: { code: 'checkpoint_inconsistent' },
        log: { origin: origin(), consistent: false },
      });
    });

    it('when a bundle valid on its own is refused for another log, then the report claims neither completeness nor time-stamps', async () => {
      const own = await check(bundle, trusted());
      expect(own.valid).toBe(true);
      expect(own.complete).toBeDefined();
      // a service whose log has another root at the bundle's size: the same key and origin, another history
      const report = await postedTo({ origin: origin(), rootAt: () => Promise.resolve(randomBytes(32)) }, bundle);
      expect(report).toMatchObject({
        valid: false,
        failure: { code: 'checkpoint_inconsistent' },
        log: { origin: origin(), consistent: false },
      });
      expect(report).not.toHaveProperty('complete');
      expect(report).not.toHaveProperty('timestamps');
      expect(report).not.toHaveProperty('disclosures');
    });

    it('when a checkpoint of the same size and tree commits to other stream heads, then the trusted checkpoint and the service both refuse it', async () => {
      // a holder of the log's key signs a second checkpoint of the size, leaving a stream's last events out of its map
      const { size, rootHash } = manifestOf(members).checkpoint;
      const own = await check(bundle, trusted());
      expect(own.checkpoint!.headsRoot).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      const otherHeads = signNote(
        checkpointBody({
          origin: origin(),
          size,
          rootHash: Buffer.from(rootHash, 'base64'),
          extensions: [headsExtension(randomBytes(32))],
        }),
        origin(),
        serviceSigner,
      );
      const report = await expectFailure(copyOf(members), 'checkpoint_inconsistent', {
        ...trusted(),
        trustedCheckpoint: otherHeads,
      });
      expect(report.failure!.detail).toContain('other stream heads');
      // the same note with the genuine heads line is the same checkpoint: consistent
      const sameHeads = signNote(
        checkpointBody({
          origin: origin(),
          size,
          rootHash: Buffer.from(rootHash, 'base64'),
          extensions: [headsExtension(Buffer.from(own.checkpoint!.headsRoot!, 'base64'))],
        }),
        origin(),
        serviceSigner,
      );
      expect((await check(bundle, { ...trusted(), trustedCheckpoint: sameHeads })).valid).toBe(true);
      // the genuine heads line beside another, or a malformed one: the note commits to no map, and is refused
      const genuine = headsExtension(Buffer.from(own.checkpoint!.headsRoot!, 'base64'));
      for (const extensions of [
        [headsExtension(randomBytes(32)), genuine],
        [genuine, genuine],
        [`${genuine.split(' ')[0]} xyz`],
      ]) {
        const note = signNote(
          checkpointBody({ origin: origin(), size, rootHash: Buffer.from(rootHash, 'base64'), extensions }),
          origin(),
          serviceSigner,
        );
        const refused = await expectFailure(copyOf(members), 'checkpoint_invalid', {
          ...trusted(),
          trustedCheckpoint: note,
        });
        expect(refused.failure!.detail).toBe(
          "the trusted checkpoint's evidence-ledger/heads/v1 line is malformed or repeated",
        );
      }

      // the service holds the heads root of every size of its log: a bundle whose checkpoint has the log's tree but
      // not its heads is refused
      const post = (headsRoot: Buffer) =>
        postedTo(
          {
            origin: origin(),
            rootAt: () => Promise.resolve(Buffer.from(rootHash, 'base64')),
            headsRootAt: () => Promise.resolve(headsRoot),
          },
          bundle,
        );
      expect(await post(Buffer.from(own.checkpoint!.headsRoot!, 'base64'))).toMatchObject({
        valid: true,
        log: { consistent: true },
      });
      const refused = await post(randomBytes(32));
      expect(refused).toMatchObject({
        valid: false,
        failure: { code: 'checkpoint_inconsistent', detail: expect.stringContaining('other stream heads') },
        log: { origin: origin(), consistent: false },
      });
      expect(refused).not.toHaveProperty('complete');
    });

    it('when a trusted checkpoint has the same size but another root, then checkpoint_inconsistent', async () => {
      const { size } = manifestOf(members).checkpoint;
      const note = signNote(
        checkpointBody({ origin: origin(), size, rootHash: randomBytes(32) }),
        origin(),
        serviceSigner,
      );
      const report = await expectFailure(copyOf(members), 'checkpoint_inconsistent', {
        ...trusted(),
        trustedCheckpoint: note,
      });
      expect(report.failure!.detail).toContain(`both have size ${size}`);
    });

    it('when the trusted checkpoint is newer, then the bundle needs a consistency proof to it, and a bad one fails', async () => {
      await openCase('b-2'); // the log grows (the decided case b-1 takes no more evidence)
      const newer = (await t.call('GET', '/v1/ledger/checkpoint')).body as { note: string; size: number };
      const { size } = manifestOf(members).checkpoint;
      expect(newer.size).toBeGreaterThan(size);
      const options = { ...trusted(), trustedCheckpoint: newer.note };
      await expectFailure(copyOf(members), 'consistency_proof_missing', options);

      const proof = (await t.call('GET', `/v1/ledger/proof/consistency?from=${size}&to=${newer.size}`)).body;
      expect((await check(bundle, { ...options, consistencyProof: proof })).valid).toBe(true);
      // a proof with one hash replaced (reversing it changes nothing when it holds one hash)
      const bad = { ...proof, proof: [randomBytes(32).toString('base64'), ...proof.proof.slice(1)] };
      await expectFailure(copyOf(members), 'checkpoint_inconsistent', { ...options, consistencyProof: bad });
      // a rolled-back log: the newer checkpoint claims the older tree's size, rooted elsewhere
      const rolled = signNote(
        checkpointBody({ origin: origin(), size: newer.size, rootHash: randomBytes(32) }),
        origin(),
        serviceSigner,
      );
      await expectFailure(copyOf(members), 'checkpoint_inconsistent', {
        ...trusted(),
        trustedCheckpoint: rolled,
        consistencyProof: proof,
      });
    });

    it('when the export is asked for ?trustedSize=, then the bundle carries the proof and verifies against the older checkpoint', async () => {
      const older = (await t.call('GET', '/v1/ledger/checkpoint')).body as { note: string; size: number };
      await openCase('b-3');
      const res = await download(`/v1/cases/${CASE}/bundle?trustedSize=${older.size}`);
      expect(res.status).toBe(200);
      const list = unpack(res.bytes);
      expect(list.map((m) => m.name)).toContain('consistency.json');
      const report = await check(res.bytes, { ...trusted(), trustedCheckpoint: older.note });
      expect(report).toMatchObject({ valid: true, trustedCheckpoint: { size: older.size, consistent: true } });

      const file = path.join(dir, 'older.note');
      fs.writeFileSync(file, older.note);
      fs.writeFileSync(path.join(dir, 'with-proof.tar'), res.bytes);
      const cli = await runCli(['verify', 'with-proof.tar', '--trusted-checkpoint', file], {}, dir);
      expect([cli.code, cli.stdout]).toEqual([0, expect.stringContaining(`trusted checkpoint of size ${older.size}`)]);
      // a file that is no signed checkpoint (the JSON of GET /v1/ledger/checkpoint, an empty file, the note
      // without its signatures) is a usage error, never the verdict that the log was forked
      const notNotes = {
        json: JSON.stringify({ note: older.note }),
        empty: '',
        body: older.note.split('\n\n')[0] + '\n',
      };
      for (const [name, text] of Object.entries(notNotes)) {
        fs.writeFileSync(path.join(dir, `${name}.note`), text);
        const refused = await runCli(['verify', 'with-proof.tar', '--trusted-checkpoint', `${name}.note`], {}, dir);
        expect([name, refused.code]).toEqual([name, 2]);
        expect(refused.stderr).toContain('--trusted-checkpoint is not a signed checkpoint note');
        expect(refused.stdout).not.toContain('checkpoint_inconsistent');
      }

      // the same proof does not vouch for a forked tree (it is of other sizes), nor does the log's proof of the
      // forked tree's size
      const forged = forgeTree(copyOf(list), serviceSigner, false);
      const options = { ...trusted(), trustedCheckpoint: older.note };
      await expectFailure(forged, 'consistency_proof_missing', options);
      const size = manifestOf(forged).checkpoint.size;
      const proof = (await t.call('GET', `/v1/ledger/proof/consistency?from=${size}&to=${older.size}`)).body;
      await expectFailure(forged, 'checkpoint_inconsistent', { ...options, consistencyProof: proof });
    });
  });
});

describe('stream revisions at export (formats v2 and v3)', () => {
  it('when the trusted checkpoint is later than the bundle and no proof ties them, then the CLI says it is not verified against it (not that it is wrong), and how to tie them', async () => {
    const caseId = 'b-unproven';
    await openCase(caseId);
    const res = await download(`/v1/cases/${caseId}/bundle`);
    expect(res.status).toBe(200);
    const exported = manifestOf(unpack(res.bytes)).checkpoint.size;
    fs.writeFileSync(path.join(dir, 'unproven.tar'), res.bytes);
    await act(caseId, { type: 'EvidenceCollected', occurredAt: at, data: { description: '询问笔录' } });
    const later = (await t.call('GET', '/v1/ledger/checkpoint')).body as { note: string; size: number };
    expect(later.size).toBeGreaterThan(exported);
    fs.writeFileSync(path.join(dir, 'later.note'), later.note);

    const cli = await runCli(['verify', 'unproven.tar', '--trusted-checkpoint', 'later.note'], {}, dir);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(
      /^not verified against the trusted checkpoint: consistency_proof_missing \(nothing shows/,
    );
    expect(cli.stderr).toContain(
      `not verified against the trusted checkpoint: consistency_proof_missing: no consistency proof from size ${exported} to ${later.size}`,
    );
    expect(cli.stderr).toContain(
      '(ledger verify --consistency-proof FILE), or have the bundle exported with --trusted-size',
    );

    const proof = (await t.call('GET', `/v1/ledger/proof/consistency?from=${exported}&to=${later.size}`)).body;
    fs.writeFileSync(path.join(dir, 'proof.json'), JSON.stringify(proof));
    const tied = await runCli(
      ['verify', 'unproven.tar', '--trusted-checkpoint', 'later.note', '--consistency-proof', 'proof.json'],
      {},
      dir,
    );
    expect([tied.code, tied.stdout]).toEqual([0, expect.stringContaining(`trusted checkpoint of size ${later.size}`)]);
    // an older export, valid as it is: said to hold the case as of its checkpoint, and when it was made
    const { createdAt } = manifestOf(unpack(res.bytes)) as { createdAt: string };
    expect(tied.stdout).toContain(
      `  exported at ${createdAt}: the case as the log held it at the checkpoint below; acts recorded after it are not in this bundle`,
    );
  });

  it('when the trusted checkpoint covers revisions of a case, then verify names them', async () => {
    const caseId = 'b-cover';
    await openCase(caseId);
    const older = (await t.call('GET', '/v1/ledger/checkpoint')).body as { note: string; size: number };
    await act(caseId, { type: 'EvidenceCollected', occurredAt: at, data: { description: '询问笔录' } });
    const res = await download(`/v1/cases/${caseId}/bundle?trustedSize=${older.size}`);
    expect(res.status).toBe(200);
    const list = unpack(res.bytes);
    expect(manifestOf(list)).toMatchObject({
      format: BUNDLE_FORMAT,
      streams: [
        { stream: caseStream(AGENCY, caseId), revision: 1 },
        { stream: accessStream(AGENCY, caseId), revision: 0 },
      ],
    });
    const report = await check(res.bytes, { ...trusted(), trustedCheckpoint: older.note });
    expect(report).toMatchObject({
      valid: true,
      trustedCheckpoint: {
        size: older.size,
        // the case was opened before the checkpoint; the act and the export's access record came after it
        covers: [
          { stream: caseStream(AGENCY, caseId), throughRevision: 0 },
          { stream: accessStream(AGENCY, caseId), throughRevision: -1 },
        ],
      },
    });

    const note = path.join(dir, 'cover.note');
    fs.writeFileSync(note, older.note);
    fs.writeFileSync(path.join(dir, 'cover.tar'), res.bytes);
    const cli = await runCli(['verify', 'cover.tar', '--trusted-checkpoint', note], {}, dir);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(
      `the checkpoint of size ${older.size} covers revisions 0..0 of ${caseStream(AGENCY, caseId)}`,
    );
    expect(cli.stdout).toContain(`covers no revision of ${accessStream(AGENCY, caseId)}`);
    expect(cli.stdout).toContain(
      `exported with ${caseStream(AGENCY, caseId)} at revision 1, ${accessStream(AGENCY, caseId)} at revision 0`,
    );

    // a hostile exporter that cuts the stream's tail and keeps the recorded revision is caught
    const cut = copyOf(list).filter((m) => m.name !== 'events/00000001.json');
    const eventId = parsed<EventEnvelope>(named(list, 'events/00000001.json')).id;
    const report2 = await expectFailure(resign(cut.filter((m) => m.name !== `proofs/${eventId}.json`)), 'revision_gap');
    expect(report2.failure!.detail).toContain(
      `records ${caseStream(AGENCY, caseId)} at revision 1, the bundle ends at 0`,
    );
  });

  it('when a manifest claims an earlier format, then its streams must be named as that format named them', async () => {
    // v1 and v2 bundles were exported before ids were per agency: their streams are case-<caseId>, access-<caseId>
    const v1 = resign(copyOf(members), serviceSigner, ({ streams: _streams, agency: _agency, ...m }) => ({
      ...m,
      format: BUNDLE_FORMAT_V1,
    }));
    const report = await expectFailure(v1, 'stream_mismatch');
    expect(report.failure!.detail).toContain(`expected case-${CASE}`);
    // a v1 manifest with a v2 or v3 member is not v1
    const mixed = resign(copyOf(members), serviceSigner, (m) => ({ ...m, format: BUNDLE_FORMAT_V1 }));
    await expectFailure(mixed, 'malformed');
    // a v3 manifest without its agency is not v3
    const anonymous = resign(copyOf(members), serviceSigner, ({ agency: _agency, ...m }) => m);
    await expectFailure(anonymous, 'malformed');
  });
});

describe('a case with a large video', () => {
  it('when it is exported, then the medium is streamed with backpressure, never held in memory, and the bundle verifies', async () => {
    const size = 64 * MiB;
    const caseId = 'b-video';
    await openCase(caseId);
    const chunk = asVideo(randomBytes(MiB - 24));
    const res = await fetch(`${t.url}/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'video/mp4' },
      body: (async function* () {
        for (let i = 0; i < size / MiB; i++) yield chunk;
      })(),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(201);
    const video = ((await res.json()) as { sha256: string }).sha256;
    await act(caseId, {
      type: 'PropertySeized',
      occurredAt: at,
      data: { items: '车辆', legalBasis: '第二十条' },
      media: [video],
    });

    // count the bytes the exporter pulls out of the blob store
    let pulled = 0;
    const original = FilesystemBlobStore.prototype.get;
    const spy = jest.spyOn(FilesystemBlobStore.prototype, 'get').mockImplementation(async function (
      this: FilesystemBlobStore,
      ...args: Parameters<FilesystemBlobStore['get']>
    ) {
      const got = await original.apply(this, args);
      if (!got) return got;
      const body = got.body as AsyncIterable<Buffer>;
      async function* counted() {
        for await (const c of body) {
          pulled += c.length;
          yield c;
        }
      }
      return { ...got, body: counted() as unknown as NodeJS.ReadableStream };
    });
    try {
      const rssBefore = process.memoryUsage().rss;
      const response = await fetch(`${t.url}/v1/cases/${caseId}/bundle`, {
        headers: { authorization: `Bearer ${officer}` },
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const head: Uint8Array[] = [];
      let received = 0;
      while (received < 4 * MiB) {
        const { value, done } = await reader.read();
        if (done) break;
        head.push(value);
        received += value.length;
      }
      // the client stops reading: the server must stop reading the medium once the buffers between them are full.
      // Wait until it has pulled nothing more for half a second (without backpressure it would go on to the whole
      // medium), however slow the machine, then check it stopped short of it: 10 MiB here at rest, 28.5 MiB seen on
      // a loaded machine (the socket buffers and the client's grow with the load); the whole medium is 64
      let seen = -1;
      for (let quiet = 0; quiet < 5;) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        quiet = pulled === seen ? quiet + 1 : 0;
        seen = pulled;
      }
      expect(pulled).toBeLessThan(size * 0.75);

      let rssPeak = process.memoryUsage().rss;
      const report = await verifyBundle(
        (async function* () {
          yield* head;
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
            yield value;
          }
        })(),
        trusted(),
      );
      expect(report).toMatchObject({ valid: true, counts: { media: 1, mediaBytes: size } });
      expect(pulled).toBe(size);
      // neither the exporter nor the verifier holds the medium: memory grows by far less than its size
      expect(rssPeak - rssBefore).toBeLessThan(size);
    } finally {
      spy.mockRestore();
    }
  }, 120_000);
});

/**
 * Replaces the bundle's checkpoint and proofs with a made-up tree holding only the bundle's events, signed by
 * `signer`; the manifest is re-signed by the service key, as a hostile exporter would.
 */
function forgeTree(list: Member[], signer: Signer, withKey = true): Member[] {
  const manifest = manifestOf(list);
  const events = list
    .filter((m) => m.name.startsWith('events/') || m.name.startsWith('access/'))
    .map((m) => parsed<EventEnvelope>(m));
  // the tree of the service's suite: a fork the service could sign
  const leaves = events.map((e) => testSuite.tree.leaf(Buffer.from(e.hash, 'hex')));
  const nodes = {
    node: (level: number, index: number) =>
      rootOf(leaves.slice(index * 2 ** level, (index + 1) * 2 ** level), testSuite.tree),
  };
  const size = leaves.length;
  const root = rootOf(leaves, testSuite.tree);
  const origin = manifest.checkpoint.origin;
  for (const [i, e] of events.entries()) {
    named(list, `proofs/${e.id}.json`).bytes = json({
      eventId: e.id,
      leafIndex: i,
      treeSize: size,
      leafHash: leaves[i]!.toString('base64'),
      proof: inclusionProof(i, size, nodes, testSuite.tree).map((h) => h.toString('base64')),
    });
  }
  named(list, 'checkpoint.txt').bytes = Buffer.from(
    signNote(checkpointBody({ origin, size, rootHash: root }), origin, signer),
  );
  let out = list;
  if (withKey && signer !== serviceSigner) {
    const pem = signer.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    out = [
      out[0]!,
      out[1]!,
      { name: `keys/${signer.keyId}.pem`, bytes: Buffer.from(pem), mtime: out[0]!.mtime, offset: 0 },
      ...out.slice(2),
    ];
  }
  return resign(out, serviceSigner, (m) => ({
    ...m,
    checkpoint: { origin, size, rootHash: root.toString('base64') },
  }));
}
