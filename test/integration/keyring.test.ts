import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { loadOrCreateKeys, readKeyring, rotateKey } from '../../src/adapters/keys/file-keyring.js';
import { keyResolver } from '../../src/ledger/ed25519.js';
import { verifyChain } from '../../src/ledger/verify.js';
import { issueToken } from '../../src/app/tokens.js';
import { headOf, seal } from '../support/events.js';
import type { Clock } from '../../src/ports/clock.js';

let dir: string;
let now = new Date('2026-11-20T00:00:00Z');
const clock: Clock = { now: () => now };
beforeEach(() => {
  dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-keys-')), 'keys');
});
afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('the file keyring', () => {
  it('when started for the first time, then it generates an Ed25519 event key and an ES256 token key, private files 0600', () => {
    const keys = loadOrCreateKeys(dir, clock);
    expect(keys.eventSigner.publicKey.asymmetricKeyType).toBe('ed25519');
    expect(keys.tokenKey.privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(mode(dir)).toBe(0o700);
    const files = fs.readdirSync(dir);
    expect(files.filter((f) => f.endsWith('.key.pem'))).toHaveLength(2);
    for (const f of files) expect(mode(path.join(dir, f))).toBe(0o600);
    expect(readKeyring(dir)!.keys.map((k) => [k.purpose, k.createdAt, k.retiredAt])).toEqual([
      ['event', now.toISOString(), null],
      ['token', now.toISOString(), null],
    ]);
  });

  it('when started again, then the same keys are loaded', () => {
    const first = loadOrCreateKeys(dir, clock);
    const second = loadOrCreateKeys(dir, clock);
    expect(second.eventSigner.keyId).toBe(first.eventSigner.keyId);
    expect(second.tokenKey.keyId).toBe(first.tokenKey.keyId);
  });

  it('when the event key is rotated, then a new key id signs, the old private key is gone and old events still verify', () => {
    const before = loadOrCreateKeys(dir, clock);
    const oldEvents = seal('case-r', null, before.eventSigner, 2);
    now = new Date('2026-11-21T00:00:00Z');
    const fresh = rotateKey(dir, 'event', clock);
    const after = loadOrCreateKeys(dir, clock);
    expect(after.eventSigner.keyId).toBe(fresh.keyId);
    expect(fresh.keyId).not.toBe(before.eventSigner.keyId);
    expect(fs.readdirSync(dir).some((f) => f.includes(before.eventSigner.keyId.slice(0, 16)))).toBe(false);
    const retired = after.all.find((k) => k.keyId === before.eventSigner.keyId)!;
    expect(retired.retiredAt).toBe('2026-11-21T00:00:00.000Z');

    const newEvents = seal('case-r', headOf(oldEvents), after.eventSigner, 1);
    const serviceKeys = keyResolver(after.all.filter((k) => k.purpose === 'event').map((k) => k.publicKey));
    expect(verifyChain([...oldEvents, ...newEvents], { serviceKeys })).toEqual({ ok: true });
  });

  it('when the keyring lists a public key that does not match its id, then loading fails', () => {
    loadOrCreateKeys(dir, clock);
    const file = path.join(dir, 'keyring.json');
    const ring = JSON.parse(fs.readFileSync(file, 'utf8'));
    ring.keys[0].keyId = 'f'.repeat(64);
    fs.writeFileSync(file, JSON.stringify(ring));
    expect(() => loadOrCreateKeys(dir, clock)).toThrow(/does not match/);
  });

  it('when a token is issued with the token key, then it verifies as ES256 with kid, iss, aud, nbf and exp', () => {
    const keys = loadOrCreateKeys(dir, clock);
    const token = issueToken(
      { sub: 'officer-1', agency: 'county-justice', roles: ['officer'], ttlSeconds: 3600 },
      {
        keyId: keys.tokenKey.keyId,
        privateKey: keys.tokenKey.privateKey,
        issuer: 'evidence-ledger',
        audience: 'evidence-ledger',
      },
      now,
    );
    const decoded = jwt.verify(token, keys.tokenKey.publicKey, {
      algorithms: ['ES256'],
      issuer: 'evidence-ledger',
      audience: 'evidence-ledger',
      clockTimestamp: Math.floor(now.getTime() / 1000) + 10,
      complete: true,
    });
    expect(decoded.header).toMatchObject({ alg: 'ES256', kid: keys.tokenKey.keyId });
    expect(decoded.payload).toMatchObject({ sub: 'officer-1', agency: 'county-justice', roles: ['officer'] });
    const payload = decoded.payload as jwt.JwtPayload;
    expect(payload.exp! - payload.nbf!).toBe(3600);
  });
});
