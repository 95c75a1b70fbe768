import { createHash, randomBytes } from 'node:crypto';
import { HEADS, manifestBytes, signManifest, type BundleManifest } from '../../src/ledger/bundle.js';
import { checkpointBody, signNote } from '../../src/ledger/checkpoint.js';
import type { Signer } from '../../src/ledger/ed25519.js';
import { TarReader, type TarMember } from '../../src/ledger/tar-reader.js';
import { writeTar } from '../../src/ledger/tar.js';
import { seedAgency, type TestService } from './service.js';

/**
 * A real evidence bundle from a test service, and copies of it tampered with in the ways the verifiers must
 * name: for the tests that run the same bundles through `ledger verify` and through the browser.
 */

export interface Member {
  readonly name: string;
  /** Replaced by the tests that tamper with a member. */
  bytes: Buffer;
  readonly mtime: number;
}

export function unpack(archive: Buffer): Member[] {
  const out: Member[] = [];
  let current: TarMember | undefined;
  let parts: Buffer[] = [];
  const reader = new TarReader({
    member: (m) => {
      current = m;
      parts = [];
    },
    data: (c) => parts.push(Buffer.from(c)),
    memberEnd: () => out.push({ name: current!.name, mtime: current!.mtime, bytes: Buffer.concat(parts) }),
  });
  reader.write(archive);
  reader.close();
  return out;
}

export async function pack(list: readonly Member[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  // a file added is dated as the others, as an exporter would date it (§13.1)
  const mtime = list.find((m) => m.mtime !== undefined)?.mtime;
  const entries = list.map((m) => ({ name: m.name, size: m.bytes.length, body: m.bytes, mtime: m.mtime ?? mtime }));
  for await (const chunk of writeTar(entries)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** What an exporter holding the service key can do: list the files as they now are, and sign the manifest again. */
export function resign(
  list: readonly Member[],
  signer: Signer,
  change: (m: BundleManifest) => BundleManifest = (m) => m,
): Member[] {
  const old = change(JSON.parse(list[0]!.bytes.toString('utf8')) as BundleManifest);
  const files = list.slice(1).map((m) => ({
    name: m.name,
    size: m.bytes.length,
    sha256: createHash('sha256').update(m.bytes).digest('hex'),
  }));
  const { signature: _s, ...body } = { ...old, files };
  return [{ ...list[0]!, bytes: manifestBytes(signManifest(body, signer)) }, ...list.slice(1)];
}

/** Another character of base64 at `at` of `text`: the same length, a different value. */
function flipBase64(text: string, at: number): string {
  const c = text[at]!;
  return text.slice(0, at) + (c === 'A' ? 'B' : 'A') + text.slice(at + 1);
}

const replace = (list: readonly Member[], name: string, bytes: Buffer) =>
  list.map((m) => (m.name === name ? { ...m, bytes } : m));

/** Opens a case with a photo, records two acts (and `more`) and exports its bundle, as the case's officer. */
export async function caseBundle(
  t: TestService,
  agency: string,
  caseId: string,
  more: readonly { type: string; data: unknown }[] = [],
): Promise<Buffer> {
  const { officer } = await seedAgency(t, agency);
  const opened = await t.call('POST', '/v1/cases', {
    token: officer,
    body: {
      caseId,
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: '2026-03-02',
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某律师事务所' }],
    },
  });
  if (opened.status !== 201) throw new Error(`opening the case: ${opened.status}`);
  const upload = await fetch(`${t.url}/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${officer}`, 'content-type': 'image/jpeg' },
    body: randomBytes(5000),
  });
  const photo = ((await upload.json()) as { sha256: string }).sha256;
  const acts = [
    { type: 'EvidenceCollected', data: { description: '现场照片' }, media: [photo] },
    { type: 'CredentialsShown', data: {} },
    ...more,
  ];
  for (const act of acts) {
    const res = await t.call('POST', `/v1/cases/${caseId}/acts`, {
      token: officer,
      body: { occurredAt: '2026-03-02T09:30:00+08:00', ...act },
    });
    if (res.status !== 201) throw new Error(`recording ${act.type}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const res = await fetch(`${t.url}/v1/cases/${caseId}/bundle`, { headers: { authorization: `Bearer ${officer}` } });
  if (res.status !== 200) throw new Error(`exporting the bundle: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * The bundle as exported and tampered with, by name: a flipped byte in an event (as it is, and with the manifest
 * signed again, so the event's own hash must catch it), in an event's signature, in an inclusion proof, in the
 * manifest's signature and in the checkpoint's, the case's last event cut off (with its proof, and the manifest
 * made again to end the stream there), the checkpoint signed again without its stream heads line (as one issued
 * before the ledger committed to heads: valid, completeness not proven), and the archive cut short. `signer` is the
 * service's key.
 */
export async function tamperedBundles(bundle: Buffer, signer: Signer): Promise<Record<string, Buffer>> {
  const list = unpack(bundle);
  const event = list.find((m) => m.name.startsWith('events/'))!;
  const proof = list.find((m) => m.name.startsWith('proofs/'))!;
  const checkpoint = list.find((m) => m.name === 'checkpoint.txt')!;
  const eventJson = JSON.parse(event.bytes.toString('utf8')) as { sig: { value: string }; type: string };

  const flippedEvent = Buffer.from(event.bytes);
  const at = flippedEvent.indexOf(Buffer.from(eventJson.type));
  flippedEvent[at] = flippedEvent[at]! ^ 0x01;

  const badSig = { ...eventJson, sig: { ...eventJson.sig, value: flipBase64(eventJson.sig.value, 10) } };
  const proofJson = JSON.parse(proof.bytes.toString('utf8')) as { proof: string[] };
  const badProof = { ...proofJson, proof: [flipBase64(proofJson.proof[0]!, 5), ...proofJson.proof.slice(1)] };
  const note = checkpoint.bytes.toString('utf8');
  const sigAt = note.lastIndexOf(' ') + 12;
  const manifest = list[0]!.bytes.toString('utf8');
  const manifestSigAt = manifest.indexOf('"value":"') + 20;

  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value)}\n`);
  const lastEvent = list.filter((m) => m.name.startsWith('events/')).at(-1)!;
  const lastId = (JSON.parse(lastEvent.bytes.toString('utf8')) as { id: string }).id;
  const tailCut = list.filter((m) => m !== lastEvent && m.name !== `proofs/${lastId}.json`);
  const endEarlier = (m: BundleManifest): BundleManifest => ({
    ...m,
    streams: m.streams!.map((s, i) => (i === 0 ? { ...s, revision: s.revision - 1 } : s)),
  });
  const { origin, size, rootHash } = (JSON.parse(manifest) as BundleManifest).checkpoint;
  const headless = signNote(
    checkpointBody({ origin, size, rootHash: Buffer.from(rootHash, 'base64') }),
    origin,
    signer,
  );
  const withoutHeads = replace(list, checkpoint.name, Buffer.from(headless)).filter((m) => m.name !== HEADS);
  return {
    valid: bundle,
    'event byte flipped': await pack(replace(list, event.name, flippedEvent)),
    'event byte flipped, manifest signed again': await pack(resign(replace(list, event.name, flippedEvent), signer)),
    'event signature flipped': await pack(resign(replace(list, event.name, json(badSig)), signer)),
    'proof flipped': await pack(resign(replace(list, proof.name, json(badProof)), signer)),
    'manifest signature flipped': await pack(
      replace(list, list[0]!.name, Buffer.from(flipBase64(manifest, manifestSigAt))),
    ),
    'checkpoint signature flipped': await pack(
      resign(replace(list, checkpoint.name, Buffer.from(flipBase64(note, sigAt))), signer),
    ),
    'case tail cut, manifest made again': await pack(resign(tailCut, signer, endEarlier)),
    'checkpoint without stream heads, signed again': await pack(resign(withoutHeads, signer)),
    'tail dropped': bundle.subarray(0, bundle.length - 1536),
  };
}
