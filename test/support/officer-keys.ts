import { execFile } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** An officer's Ed25519 key pair and the public key as the registry records it (base64 of the SPKI DER). */
export function officerKeyPair(): { privateKey: KeyObject; publicKey: KeyObject; spki: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, spki: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
}

/** A self-signed X.509 certificate of `privateKey`'s public key, made by `openssl req -x509` (valid `days` days from now). */
export async function selfSignedCertificate(privateKey: KeyObject, days = 3650): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'officer-cert-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const certFile = path.join(dir, 'cert.pem');
    const args = ['req', '-x509', '-new', '-key', keyFile, '-subj', '/CN=officer', '-days', String(days)];
    await run('openssl', [...args, '-out', certFile]);
    return fs.readFileSync(certFile, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An X.509 certificate of `privateKey`'s public key issued by a certification authority made for it (`/CN=<ca>`),
 * with serial number `serial` (hex), made by `openssl x509 -req` (valid `days` days from now).
 */
export async function caIssuedCertificate(privateKey: KeyObject, ca: string, serial: string, days = 3650) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'officer-cert-'));
  try {
    const file = (name: string) => path.join(dir, name);
    fs.writeFileSync(file('key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const { privateKey: caKey } = generateKeyPairSync('ed25519');
    fs.writeFileSync(file('ca-key.pem'), caKey.export({ type: 'pkcs8', format: 'pem' }));
    await run('openssl', [
      'req',
      '-x509',
      '-new',
      '-key',
      file('ca-key.pem'),
      '-subj',
      `/CN=${ca}`,
      '-days',
      '7300',
      '-out',
      file('ca.pem'),
    ]);
    await run('openssl', ['req', '-new', '-key', file('key.pem'), '-subj', '/CN=officer', '-out', file('csr.pem')]);
    const sign = ['x509', '-req', '-in', file('csr.pem'), '-CA', file('ca.pem'), '-CAkey', file('ca-key.pem')];
    await run('openssl', [...sign, '-set_serial', `0x${serial}`, '-days', String(days), '-out', file('cert.pem')]);
    return fs.readFileSync(file('cert.pem'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** An act as its officer's client knows it before sending it (docs/integrity.md §6). */
export interface ClientAct {
  readonly id: string;
  readonly stream: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly sub: string;
  /** The data as sent, with `officers` among its members when the act names them. */
  readonly data: Record<string, unknown>;
  readonly media?: readonly { sha256: string; size: number; contentType: string }[];
  /** The personal fields the service seals (docs/privacy.md), by JSON Pointer into `data`, one level deep here. */
  readonly personal?: readonly string[];
}

/**
 * Signs an act as docs/integrity.md §6 gives it, with `node:crypto` and a JCS implementation only: a fresh 32-byte
 * salt per personal field, its commitment (§16) in place of the value, then the context line and the JCS of the act.
 */
export function signAct(
  privateKey: KeyObject,
  act: ClientAct,
  canonicalize: (value: unknown) => string,
): { actorSig: { alg: 'Ed25519'; keyId: string; value: string }; salts: Record<string, string> } {
  const salts: Record<string, string> = {};
  const data: Record<string, unknown> = { ...act.data };
  for (const pointer of act.personal ?? []) {
    const member = pointer.slice(1);
    const salt = randomBytes(32);
    salts[pointer] = salt.toString('base64url');
    const commitment = createHash('sha256')
      .update('evidence-ledger/commitment/v1\n', 'utf8')
      .update(salt)
      .update(canonicalize(act.data[member]), 'utf8')
      .digest('base64url');
    data[member] = { sealed: 'aes-256-gcm/v1', commitment };
  }
  const signed = {
    id: act.id,
    stream: act.stream,
    type: act.type,
    schemaVersion: 1,
    occurredAt: act.occurredAt,
    actor: act.sub,
    data,
    media: act.media ?? [],
  };
  const message = Buffer.from('evidence-ledger/act/v1\n' + canonicalize(signed), 'utf8');
  const publicKey = createPublicKey(privateKey);
  const keyId = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
  return { actorSig: { alg: 'Ed25519', keyId, value: sign(null, message, privateKey).toString('base64') }, salts };
}

/**
 * A case of `agency` with one act signed by alice's registered key (its personal field salted by her client), and
 * its bundle, exported as alice. `canonicalize` is the JCS the client signs with.
 */
export async function signedCaseBundle(
  t: {
    call(
      method: string,
      route: string,
      options?: { token?: string; body?: unknown },
    ): Promise<{ status: number; body: any }>;
    token(sub: string, agency: string, roles: ('officer' | 'admin')[]): string;
    url: string;
  },
  seed: (agency: string) => Promise<{ admin: string; officer: string }>,
  agency: string,
  caseId: string,
  canonicalize: (value: unknown) => string,
  newId: () => string,
): Promise<{ bundle: Buffer; privateKey: KeyObject; publicKey: KeyObject }> {
  const { admin, officer } = await seed(agency);
  const { privateKey, publicKey, spki } = officerKeyPair();
  const key = await t.call('POST', '/v1/officers/alice/keys', {
    token: admin,
    body: { publicKey: spki, validFrom: '2020-01-01' },
  });
  if (key.status !== 201) throw new Error(`registering the key: ${key.status}`);
  const open = {
    caseId,
    itemCode: 'P-001',
    title: '检查',
    openedOn: '2026-03-02',
    officers: ['alice', 'bob'],
    parties: [{ kind: 'organization', name: '某公司' }],
  };
  const opened = await t.call('POST', '/v1/cases', { token: officer, body: open });
  if (opened.status !== 201) throw new Error(`opening the case: ${opened.status}`);
  const id = newId();
  const occurredAt = '2026-03-02T09:30:00+08:00';
  const stream = `case-${encodeURIComponent(agency)}:${encodeURIComponent(caseId)}`;
  const data = { description: '现场照片', officers: ['alice', 'bob'] };
  const act = { id, stream, type: 'EvidenceCollected', occurredAt, sub: 'alice', data, personal: ['/description'] };
  const { actorSig, salts } = signAct(privateKey, act, canonicalize);
  const body = {
    type: 'EvidenceCollected',
    occurredAt,
    officers: ['alice', 'bob'],
    data: { description: '现场照片' },
    id,
    actorSig,
    salts,
  };
  const res = await t.call('POST', `/v1/cases/${caseId}/acts`, { token: officer, body });
  if (res.status !== 201) throw new Error(`recording the signed act: ${res.status} ${JSON.stringify(res.body)}`);
  const exported = await fetch(`${t.url}/v1/cases/${caseId}/bundle`, {
    headers: { authorization: `Bearer ${officer}` },
  });
  if (exported.status !== 200) throw new Error(`exporting the bundle: ${exported.status}`);
  return { bundle: Buffer.from(await exported.arrayBuffer()), privateKey, publicKey };
}

/**
 * The body of an `EvidenceCollected` act of alice and bob in `stream` at `occurredAt`, signed by alice's client with
 * `privateKey` (its description sealed): what `POST /v1/cases/{id}/acts` takes for a signed act.
 */
export function signedEvidenceBody(
  privateKey: KeyObject,
  act: { readonly id: string; readonly stream: string; readonly occurredAt: string },
  canonicalize: (value: unknown) => string,
) {
  const data = { description: '现场照片三张', officers: ['alice', 'bob'] };
  const { actorSig, salts } = signAct(
    privateKey,
    { ...act, type: 'EvidenceCollected', sub: 'alice', data, personal: ['/description'] },
    canonicalize,
  );
  return {
    type: 'EvidenceCollected',
    occurredAt: act.occurredAt,
    officers: data.officers,
    data: { description: data.description },
    id: act.id,
    actorSig,
    salts,
  };
}
