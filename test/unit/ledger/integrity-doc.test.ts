import fs from 'node:fs';
import path from 'node:path';
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { canonicalize } from '../../../src/ledger/canonical-json.js';
import { BUNDLE_FORMAT, manifestBytes, signManifest } from '../../../src/ledger/bundle.js';
import { ed25519Signer, keyResolver } from '../../../src/ledger/ed25519.js';
import { verifyEvent } from '../../../src/ledger/verify.js';

/** Keeps docs/integrity.md true: its worked example must verify, by our code and by the spec's steps alone. */
const doc = fs.readFileSync(path.resolve(__dirname, '../../../docs/integrity.md'), 'utf8');
const example = doc.slice(doc.indexOf('## 11. Worked example'));
const blocks = [...example.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => m[2]!.trim());
const [keys, eventJson, canonicalText] = blocks as [string, string, string];
const spki = /spki\s+([0-9a-f]+)/.exec(keys)![1]!;
const keyId = /keyId\s+([0-9a-f]+)/.exec(keys)![1]!;
const event = JSON.parse(eventJson) as Record<string, any>;
const RFC8032_TEST1_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC8032_TEST1_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';

describe('docs/integrity.md worked example', () => {
  const publicKey = createPublicKey({ key: Buffer.from(spki, 'hex'), format: 'der', type: 'spki' });

  it('uses the RFC 8032 test key, and its key id is the SHA-256 of the SPKI DER', () => {
    expect(spki).toBe('302a300506032b6570032100' + RFC8032_TEST1_PUBLIC);
    const privateKey = createPrivateKey({
      key: Buffer.from('302e020100300506032b657004220420' + RFC8032_TEST1_SEED, 'hex'),
      format: 'der',
      type: 'pkcs8',
    });
    expect(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('hex')).toBe(spki);
    expect(createHash('sha256').update(Buffer.from(spki, 'hex')).digest('hex')).toBe(keyId);
    expect(event.sig.keyId).toBe(keyId);
  });

  it('follows the spec step by step with node:crypto alone', () => {
    const { hash, sig, ...body } = event;
    expect(canonicalize(body)).toBe(canonicalText);
    expect(createHash('sha256').update(canonicalText, 'utf8').digest('hex')).toBe(hash);
    const message = Buffer.from(`evidence-ledger/event/v1\n${hash}`, 'utf8');
    expect(message).toHaveLength(89);
    expect(verify(null, message, publicKey, Buffer.from(sig.value, 'base64'))).toBe(true);
    const privateKey = createPrivateKey({
      key: Buffer.from('302e020100300506032b657004220420' + RFC8032_TEST1_SEED, 'hex'),
      format: 'der',
      type: 'pkcs8',
    });
    expect(sign(null, message, privateKey).toString('base64')).toBe(sig.value);
  });

  it('states the signed message as the bytes that are signed', () => {
    const stated = /The signed message is the (\d+) bytes of\s+`([^`]+)`/.exec(example);
    expect(stated).not.toBeNull();
    const message = Buffer.from(stated![2]!.replace('\\n', '\n'), 'utf8');
    expect(message.length).toBe(Number(stated![1]));
    expect(message).toEqual(Buffer.from(`evidence-ledger/event/v1\n${event.hash}`, 'utf8'));
    expect(verify(null, message, publicKey, Buffer.from(event.sig.value, 'base64'))).toBe(true);
  });

  it('verifies with the ledger verifier, and fails when one character of data changes', () => {
    expect(verifyEvent(event, { serviceKeys: keyResolver([publicKey]) })).toEqual({ ok: true });
    const altered = { ...event, data: { ...event.data, description: '现场照片四张' } };
    expect(verifyEvent(altered, { serviceKeys: keyResolver([publicKey]) })).toMatchObject({
      ok: false,
      failure: { code: 'hash_mismatch' },
    });
  });
});

describe('docs/integrity.md §13.3 manifest signature', () => {
  it('is the signature the spec gives, over the format line and the SHA-256 of the JCS body, with node:crypto alone', () => {
    const privateKey = createPrivateKey({
      key: Buffer.from('302e020100300506032b657004220420' + RFC8032_TEST1_SEED, 'hex'),
      format: 'der',
      type: 'pkcs8',
    });
    const body = {
      format: BUNDLE_FORMAT,
      agency: 'county-justice',
      caseId: '2026-0042',
      createdAt: '2026-11-20T01:40:00.000Z',
      checkpoint: { origin: 'evidence-ledger.local/log', size: 1, rootHash: Buffer.alloc(32, 1).toString('base64') },
      files: [{ name: 'checkpoint.txt', size: 0, sha256: createHash('sha256').update('').digest('hex') }],
      streams: [
        { stream: 'case-county-justice:2026-0042', revision: 0 },
        { stream: 'access-county-justice:2026-0042', revision: -1 },
      ],
    } as const;
    const manifest = signManifest(body, ed25519Signer(privateKey));
    const bytes = manifestBytes(manifest);
    // the bytes are the canonical form, no newline; the signature covers the manifest without it
    expect(bytes.toString('utf8')).toBe(canonicalize(JSON.parse(bytes.toString('utf8'))));
    const { signature, ...unsigned } = JSON.parse(bytes.toString('utf8')) as typeof manifest;
    const digest = createHash('sha256').update(canonicalize(unsigned), 'utf8').digest('hex');
    const message = Buffer.from(`evidence-ledger/bundle/v3\n${digest}`, 'utf8');
    expect(signature.alg).toBe('Ed25519');
    expect(signature.keyId).toBe(
      createHash('sha256')
        .update(Buffer.from('302a300506032b6570032100' + RFC8032_TEST1_PUBLIC, 'hex'))
        .digest('hex'),
    );
    expect(sign(null, message, privateKey).toString('base64')).toBe(signature.value);
  });
});
