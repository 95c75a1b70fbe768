import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { caseStream } from '../../src/domain/case/acts.js';
import { accessStream } from '../../src/app/access-log.js';
import { HEADS, manifestBytes, signManifest, type BundleManifest } from '../../src/ledger/bundle.js';
import { verifyBundle, type BundleReport, type BundleVerifyOptions } from '../../src/ledger/bundle-verify.js';
import { checkpointBody, openNote, parseCheckpoint, signNote } from '../../src/ledger/checkpoint.js';
import { addSignatureLines, cosign } from '../../src/ledger/cosignature.js';
import { ed25519Signer, type Signer } from '../../src/ledger/ed25519.js';
import { generateKeyPairSync } from 'node:crypto';
import type { EventEnvelope } from '../../src/ledger/envelope.js';
import type { HeadProof } from '../../src/ledger/heads-map.js';
import { pack, unpack, type Member } from '../support/bundles.js';
import { runCli } from '../support/cli.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const CASE = 'c-1';
const today = new Date().toISOString().slice(0, 10);
const at = `${today}T00:09:30+08:00`;

let t: TestService;
let officer: string;
let signer: Signer;
let members: Member[];
let dir: string;

const manifestOf = (list: readonly Member[]) => JSON.parse(list[0]!.bytes.toString('utf8')) as BundleManifest;
const parsed = <T>(m: Member) => JSON.parse(m.bytes.toString('utf8')) as T;
const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
const copyOf = (list: readonly Member[]) => list.map((m) => ({ ...m, bytes: Buffer.from(m.bytes) }));

/**
 * What whoever holds the ledger's own key can do: re-make the manifest to list the files as they now are, record
 * the streams as the bundle now ends them, and sign it again.
 */
function remake(list: Member[], edit: (m: BundleManifest) => BundleManifest = (m) => m): Member[] {
  const last = (folder: string) =>
    list
      .filter((m) => m.name.startsWith(folder))
      .map((m) => parsed<EventEnvelope>(m).revision)
      .reduce((a, b) => Math.max(a, b), -1);
  const old = manifestOf(list);
  const files = list.slice(1).map((m) => ({
    name: m.name,
    size: m.bytes.length,
    sha256: createHash('sha256').update(m.bytes).digest('hex'),
  }));
  const streams = [
    { stream: old.streams![0]!.stream, revision: last('events/') },
    { stream: old.streams![1]!.stream, revision: last('access/') },
  ];
  const { signature: _s, ...body } = edit({ ...old, files, streams });
  return [{ ...list[0]!, bytes: manifestBytes(signManifest(body, signer)) }, ...list.slice(1)];
}

/** The bundle without the last `k` files of a folder (`events/` or `access/`) and their inclusion proofs. */
function cut(list: Member[], folder: string, k: number): Member[] {
  const files = list.filter((m) => m.name.startsWith(folder));
  const gone = files.slice(files.length - k);
  const ids = new Set(gone.map((m) => `proofs/${parsed<EventEnvelope>(m).id}.json`));
  return list.filter((m) => !gone.includes(m) && !ids.has(m.name));
}

async function check(archive: Buffer, options: BundleVerifyOptions = {}): Promise<BundleReport> {
  await new Promise((resolve) => setImmediate(resolve));
  return verifyBundle(
    (async function* () {
      yield archive;
    })(),
    { trustedKeys: [signer.publicKey], ...options },
  );
}

async function failure(list: Member[], options: BundleVerifyOptions = {}) {
  const report = await check(await pack(list), options);
  return report.failure?.code;
}

async function act(caseId: string, body: unknown) {
  const res = await t.call('POST', `/v1/cases/${caseId}/acts`, { token: officer, body });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  t = await startTestService();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-complete-'));
  officer = t.token('alice', AGENCY, ['officer']);
  signer = t.service.keys.eventSigner;
  await seedAgency(t, AGENCY);
  const opened = await t.call('POST', '/v1/cases', {
    token: officer,
    body: {
      caseId: CASE,
      itemCode: 'P-001',
      title: '检查',
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某公司' }],
    },
  });
  expect(opened.status).toBe(201);
  for (const description of ['一', '二', '三', '四']) {
    await act(CASE, { type: 'EvidenceCollected', occurredAt: at, data: { description } });
  }
  await t.call('GET', `/v1/cases/${CASE}`, { token: officer }); // an access record before the export's own
  const res = await fetch(`${t.url}/v1/cases/${CASE}/bundle`, { headers: { authorization: `Bearer ${officer}` } });
  expect(res.status).toBe(200);
  members = unpack(Buffer.from(await res.arrayBuffer()));
}, 120_000);

afterAll(async () => {
  await t.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a bundle proves its streams complete', () => {
  it('when exported, then it carries the head proofs of its streams and verifies as complete through their last events', async () => {
    const proofs = parsed<HeadProof[]>(members.find((m) => m.name === HEADS)!);
    expect(proofs.map((p) => [p.stream, p.revision])).toEqual([
      [caseStream(AGENCY, CASE), 4],
      [accessStream(AGENCY, CASE), 1],
    ]);
    const report = await check(await pack(members));
    expect(report.valid).toBe(true);
    expect(report.complete).toEqual({
      treeSize: manifestOf(members).checkpoint.size,
      streams: [
        { stream: caseStream(AGENCY, CASE), revision: 4 },
        { stream: accessStream(AGENCY, CASE), revision: 1 },
      ],
    });
  });

  it('when the last k events of the case are cut and the manifest re-made and re-signed with the ledger key, then stream_incomplete, for every k', async () => {
    expect(await failure(remake(copyOf(members)))).toBeUndefined(); // re-making alone changes nothing
    for (let k = 1; k <= 4; k++) {
      expect(await failure(remake(cut(copyOf(members), 'events/', k)))).toBe('stream_incomplete');
    }
  });

  it('when the tail of the access records is cut, then stream_incomplete', async () => {
    for (let k = 1; k <= 2; k++) {
      expect(await failure(remake(cut(copyOf(members), 'access/', k)))).toBe('stream_incomplete');
    }
  });

  it('when the tail is cut and the head proofs are dropped too, then stream_incomplete', async () => {
    const list = cut(copyOf(members), 'events/', 1).filter((m) => m.name !== HEADS);
    expect(await failure(remake(list))).toBe('stream_incomplete');
  });

  it('when the tail is cut and the head proof altered to name the new last event, then it does not verify (proof_invalid)', async () => {
    const list = cut(copyOf(members), 'events/', 1);
    const heads = list.find((m) => m.name === HEADS)!;
    const proofs = parsed<HeadProof[]>(heads);
    const last = parsed<EventEnvelope>(list.find((m) => m.name === 'events/00000003.json')!);
    heads.bytes = json([{ ...proofs[0], revision: 3, head: last.hash }, proofs[1]]);
    expect(await failure(remake(list))).toBe('proof_invalid');
  });

  it('when the checkpoint predates stream heads (no heads line), then the bundle still verifies, proving no completeness, unless completeness is required', async () => {
    const list = copyOf(members);
    const note = list.find((m) => m.name === 'checkpoint.txt')!;
    const { origin, size, rootHash } = manifestOf(list).checkpoint;
    const body = parseCheckpoint(
      openNote(note.bytes.toString(), [{ name: origin, publicKey: signer.publicKey }])!.body,
    )!;
    expect(body.extensions).toHaveLength(1);
    const rootBytes = Buffer.from(rootHash, 'base64');
    note.bytes = Buffer.from(signNote(checkpointBody({ origin, size, rootHash: rootBytes }), origin, signer));
    const old = remake(list.filter((m) => m.name !== HEADS));
    const report = await check(await pack(old));
    expect(report.valid).toBe(true);
    expect(report.complete).toBeUndefined();
    expect(await failure(old, { requireComplete: true })).toBe('stream_incomplete');
    // and a cut tail is then not detectable from the bundle alone: this is what the heads line closes
    expect(await failure(remake(cut(old, 'events/', 1)))).toBeUndefined();
  });

  it('when a checkpoint without a heads line is cosigned by a witness, then its cosignature does not count toward the quorum', async () => {
    const witness = { name: 'court.test/witness', signer: ed25519Signer(generateKeyPairSync('ed25519').privateKey) };
    const witnesses = [{ name: witness.name, publicKey: witness.signer.publicKey }];
    const list = copyOf(members);
    const note = list.find((m) => m.name === 'checkpoint.txt')!;
    const genuine = note.bytes.toString();
    const { origin, size, rootHash } = manifestOf(list).checkpoint;
    const genuineBody = genuine.slice(0, genuine.lastIndexOf('\n\n') + 1);
    note.bytes = Buffer.from(addSignatureLines(genuine, [cosign(genuineBody, witness.name, witness.signer, 1).trim()]));
    expect((await check(await pack(remake(list)), { witnesses, witnessQuorum: 1 })).witnesses?.cosignatures).toEqual([
      expect.objectContaining({ name: witness.name, timestamp: 1 }),
    ]);
    // the key's holder signs the same tree with no heads line, cuts the tail, and a witness cosigns that note
    const plainBody = checkpointBody({ origin, size, rootHash: Buffer.from(rootHash, 'base64') });
    const plain = signNote(plainBody, origin, signer);
    note.bytes = Buffer.from(addSignatureLines(plain, [cosign(plainBody, witness.name, witness.signer, 2).trim()]));
    const forged = remake(
      cut(
        list.filter((m) => m.name !== HEADS),
        'events/',
        1,
      ),
    );
    expect(await failure(forged)).toBeUndefined();
    const report = await check(await pack(forged), { witnesses, witnessQuorum: 1 });
    expect(report.failure).toEqual({
      code: 'witness_quorum_not_met',
      detail: expect.stringContaining('commits to no stream heads'),
    });
    // nor does the genuine note's cosignature count for the plain note: it covers another body
    note.bytes = Buffer.from(addSignatureLines(plain, [cosign(genuineBody, witness.name, witness.signer, 1).trim()]));
    expect(
      await failure(
        remake(
          cut(
            list.filter((m) => m.name !== HEADS),
            'events/',
            1,
          ),
        ),
        { witnesses },
      ),
    ).toBe('cosignature_invalid');
  });

  it('when ledger verify reads a complete bundle, then it says through which revisions', async () => {
    fs.writeFileSync(path.join(dir, 'case.tar'), await pack(members));
    const pem = path.join(dir, 'key.pem');
    fs.writeFileSync(pem, signer.publicKey.export({ type: 'spki', format: 'pem' }));
    const cli = await runCli(['verify', 'case.tar', '--key', pem, '--threads', '1'], {}, dir);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(
      `complete: at the checkpoint's size ${manifestOf(members).checkpoint.size} the log held ` +
        `${caseStream(AGENCY, CASE)} through revision 4, ${accessStream(AGENCY, CASE)} through revision 1`,
    );
    fs.writeFileSync(path.join(dir, 'cut.tar'), await pack(remake(cut(copyOf(members), 'events/', 2))));
    const refused = await runCli(['verify', 'cut.tar', '--key', pem, '--threads', '1'], {}, dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('invalid: stream_incomplete');
  });
});
