import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { loadTrustedTokenKeys } from '../../src/adapters/keys/token-keys.js';
import { loadOrCreateKeys, rotateKey } from '../../src/adapters/keys/file-keyring.js';
import { createTokenVerifier } from '../../src/app/auth.js';
import { issueToken } from '../../src/app/tokens.js';
import type { JwtConfig } from '../../src/config.js';
import { keyIdOf } from '../../src/ledger/ed25519.js';
import type { TokenKeyTrust, TrustedKey } from '../../src/ports/token-keys.js';
import { freshTempDir } from '../support/temp-dir.js';

const dir = freshTempDir('token-keys');
const now = new Date('2026-11-20T10:00:00Z');
const ISS = 'https://idp.example.gov';
const AUD = 'evidence-ledger';

const ecPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsaPair = generateKeyPairSync('rsa', { modulusLength: 2048 }); // once per file: slow

const write = (name: string, text: string) => {
  const file = path.join(dir(), name);
  fs.writeFileSync(file, text);
  return file;
};
const pem = (key: KeyObject) =>
  key.export(key.type === 'private' ? { type: 'pkcs8', format: 'pem' } : { type: 'spki', format: 'pem' }) as string;
const jwk = (key: KeyObject) => key.export({ format: 'jwk' });

/** A verifier over `keys` that accepts ES256 and RS256, to show the loaded keys really verify tokens. */
const verifierOver = (keys: readonly TrustedKey[]) =>
  createTokenVerifier({
    issuer: ISS,
    audience: AUD,
    algorithms: ['ES256', 'RS256'],
    clockSkewSeconds: 30,
    keys,
    now: () => now,
  });
function tokenFrom(privateKey: KeyObject, kid: string): string {
  const iat = Math.floor(now.getTime() / 1000);
  const claims = { sub: 'u1', agency: 'A1', roles: ['officer'], iss: ISS, aud: AUD, iat, exp: iat + 600 };
  return jwt.sign(claims, privateKey, {
    algorithm: privateKey.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256',
    keyid: kid,
  });
}

describe('loading trusted token keys', () => {
  it('when the token key is rotated, then tokens of the retired key are refused', () => {
    const keysDir = path.join(dir(), 'keys');
    const clock = { now: () => now };
    const before = loadOrCreateKeys(keysDir, clock);
    const issuedBefore = issueToken(
      { sub: 'u1', agency: 'A1', roles: ['officer'], ttlSeconds: 600 },
      { keyId: before.tokenKey.keyId, privateKey: before.tokenKey.privateKey, issuer: ISS, audience: AUD },
      now,
    );
    expect(
      verifierOver(
        loadTrustedTokenKeys(
          { kind: 'embedded' },
          before.all.filter((k) => k.purpose === 'token'),
        ),
      )(issuedBefore).sub,
    ).toBe('u1');

    rotateKey(keysDir, 'token', clock);
    const after = loadOrCreateKeys(keysDir, clock);
    const keys = loadTrustedTokenKeys(
      { kind: 'embedded' },
      after.all.filter((k) => k.purpose === 'token'),
    );
    expect(keys.map((k) => k.kid)).toEqual([after.tokenKey.keyId]);
    const verify = verifierOver(keys);
    expect(() => verify(issuedBefore)).toThrow('unknown key id: signed by a key this service does not trust');
    expect(verify(tokenFrom(after.tokenKey.privateKey, after.tokenKey.keyId)).sub).toBe('u1');
  });

  it('when PEM files hold SPKI public keys, then each key id is the SPKI hash and tokens verify', () => {
    const files = [write('ec.pem', pem(ecPair.publicKey)), write('rsa.pem', pem(rsaPair.publicKey))];
    const keys = loadTrustedTokenKeys({ kind: 'pem', files }, []);
    expect(keys.map((k) => k.kid)).toEqual([keyIdOf(ecPair.publicKey), keyIdOf(rsaPair.publicKey)]);
    const verify = verifierOver(keys);
    expect(verify(tokenFrom(ecPair.privateKey, keyIdOf(ecPair.publicKey))).sub).toBe('u1');
    expect(verify(tokenFrom(rsaPair.privateKey, keyIdOf(rsaPair.publicKey))).sub).toBe('u1');
  });

  it('when a PEM file holds an X.509 certificate, then its public key is trusted', () => {
    const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
    if (openssl.status !== 0) {
      console.log(
        `token-keys: certificate case skipped: openssl is not available (${openssl.error?.message ?? openssl.stderr})`,
      );
      return;
    }
    const keyFile = write('cert-key.pem', pem(ecPair.privateKey));
    const certFile = path.join(dir(), 'cert.pem');
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-key', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=token-issuer'],
      { encoding: 'utf8' },
    );
    if (made.status !== 0) throw new Error(`openssl req failed: ${made.stderr}`);
    const keys = loadTrustedTokenKeys({ kind: 'pem', files: [certFile] }, []);
    expect(keys.map((k) => k.kid)).toEqual([keyIdOf(ecPair.publicKey)]);
    expect(verifierOver(keys)(tokenFrom(ecPair.privateKey, keyIdOf(ecPair.publicKey))).sub).toBe('u1');
  });

  it('when a JWKS gives a kid, then it is used; without one, the SPKI hash is the key id', () => {
    const file = write(
      'jwks.json',
      JSON.stringify({ keys: [{ ...jwk(ecPair.publicKey), kid: 'idp-2026', use: 'sig' }, jwk(rsaPair.publicKey)] }),
    );
    const keys = loadTrustedTokenKeys({ kind: 'jwks', file }, []);
    expect(keys.map((k) => k.kid)).toEqual(['idp-2026', keyIdOf(rsaPair.publicKey)]);
    const verify = verifierOver(keys);
    expect(verify(tokenFrom(ecPair.privateKey, 'idp-2026')).sub).toBe('u1');
    expect(verify(tokenFrom(rsaPair.privateKey, keyIdOf(rsaPair.publicKey))).sub).toBe('u1');
  });

  it('when a JWKS key is meant for encryption, then it is left out', () => {
    const file = write(
      'jwks.json',
      JSON.stringify({ keys: [{ ...jwk(rsaPair.publicKey), use: 'enc', kid: 'enc-1' }, jwk(ecPair.publicKey)] }),
    );
    expect(loadTrustedTokenKeys({ kind: 'jwks', file }, []).map((k) => k.kid)).toEqual([keyIdOf(ecPair.publicKey)]);
  });

  it('when a PEM file holds a private key, then it is refused, naming the file', () => {
    const file = write('private.pem', pem(ecPair.privateKey));
    expect(() => loadTrustedTokenKeys({ kind: 'pem', files: [file] }, [])).toThrow(
      `token key file ${file} holds a private key`,
    );
  });

  it('when a JWK carries d, then it is refused, naming the file', () => {
    const file = write('jwks.json', JSON.stringify({ keys: [jwk(ecPair.privateKey)] }));
    expect(() => loadTrustedTokenKeys({ kind: 'jwks', file }, [])).toThrow(`JWKS file ${file}, key 0 is a private key`);
  });

  it('when a JWK is symmetric, then it is refused, naming the file', () => {
    const file = write('jwks.json', JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'hmac' }] }));
    expect(() => loadTrustedTokenKeys({ kind: 'jwks', file }, [])).toThrow(
      `JWKS file ${file}, key 0 is a symmetric key`,
    );
  });

  it('when a file is missing, then the error names it', () => {
    const file = path.join(dir(), 'absent.pem');
    expect(() => loadTrustedTokenKeys({ kind: 'pem', files: [file] }, [])).toThrow(`${file} (ENOENT)`);
    expect(() => loadTrustedTokenKeys({ kind: 'jwks', file }, [])).toThrow(`${file} (ENOENT)`);
  });

  it.each([
    ['a JWKS file is not JSON', () => ({ kind: 'jwks', file: write('bad.json', '{keys') }) as const, 'is not JSON'],
    [
      'a JWKS file has no keys array',
      () => ({ kind: 'jwks', file: write('bad.json', '{}') }) as const,
      'no "keys" array',
    ],
    [
      'a PEM file holds two keys',
      () => ({ kind: 'pem', files: [write('two.pem', pem(ecPair.publicKey) + pem(rsaPair.publicKey))] }) as const,
      'exactly one PEM public key or certificate, not 2',
    ],
    [
      'a PEM file holds an Ed25519 key',
      () => ({ kind: 'pem', files: [write('ed.pem', pem(generateKeyPairSync('ed25519').publicKey))] }) as const,
      'unsupported token key type ed25519',
    ],
    [
      'two PEM files hold the same key',
      () =>
        ({
          kind: 'pem',
          files: [write('a.pem', pem(ecPair.publicKey)), write('b.pem', pem(ecPair.publicKey))],
        }) as const,
      'hold the same key',
    ],
  ])('when %s, then loading fails naming the file', (_what, trust: () => TokenKeyTrust, message) => {
    const config = trust();
    const named = config.kind === 'jwks' ? config.file : config.kind === 'pem' ? config.files.at(-1)! : '';
    expect(() => loadTrustedTokenKeys(config, [])).toThrow(message);
    expect(() => loadTrustedTokenKeys(config, [])).toThrow(named);
  });

  it('when config describes the trust, then the port accepts exactly its shape', () => {
    // compile-time, both ways: JwtConfig['trust'] of src/config.ts and the port's TokenKeyTrust agree
    const fromConfig: TokenKeyTrust = { kind: 'embedded' } as JwtConfig['trust'];
    const toConfig: JwtConfig['trust'] = fromConfig;
    expect(toConfig.kind).toBe('embedded');
  });
});
