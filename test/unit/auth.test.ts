import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import {
  Unauthenticated,
  bearerToken,
  createTokenVerifier,
  type Principal,
  type TokenVerifierOptions,
} from '../../src/app/auth.js';
import { issueToken } from '../../src/app/tokens.js';
import { JWT_ALGORITHMS, type JwtAlgorithm as ConfigAlgorithm } from '../../src/config.js';
import { keyIdOf } from '../../src/ledger/ed25519.js';
import type { JwtAlgorithm } from '../../src/ports/token-keys.js';

const now = new Date('2026-11-20T10:00:00Z');
const T = Math.floor(now.getTime() / 1000);
const ISS = 'https://idp.example.gov';
const AUD = 'evidence-ledger';

const ec = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const trustedPair = ec();
const otherPair = ec();
const rsaPair = generateKeyPairSync('rsa', { modulusLength: 2048 }); // once per file: slow
const KID = keyIdOf(trustedPair.publicKey);
const OTHER_KID = keyIdOf(otherPair.publicKey);
const RSA_KID = keyIdOf(rsaPair.publicKey);

/** A valid claim set; `undefined` in `extra` removes a claim. */
function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const all = { sub: 'officer-7', agency: 'A1', roles: ['officer'], iss: ISS, aud: AUD, ...times(), ...extra };
  return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
}
const times = () => ({ iat: T - 60, nbf: T - 60, exp: T + 600 });

/** Signs with jsonwebtoken (which refuses `none` and key confusion: those tokens are made by hand below). */
function signed(payload: Record<string, unknown>, key = trustedPair.privateKey, kid: string | null = KID): string {
  const algorithm = key.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256';
  // without an iat of its own, jsonwebtoken would add one from the real clock
  const noTimestamp = payload.iat === undefined;
  return jwt.sign(payload, key, { algorithm, noTimestamp, ...(kid === null ? {} : { keyid: kid }) });
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A hand-made JWS; `signWith` signs the signing input (ES256: raw r||s, as JWS requires). */
function handMade(
  header: Record<string, unknown>,
  payload: unknown,
  signWith: (input: Buffer) => Buffer = (input) => esSign(input, trustedPair.privateKey),
): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${signWith(Buffer.from(input)).toString('base64url')}`;
}
const esSign = (input: Buffer, key: KeyObject) => sign('sha256', input, { key, dsaEncoding: 'ieee-p1363' });

function verifier(overrides: Partial<TokenVerifierOptions> = {}) {
  return createTokenVerifier({
    issuer: ISS,
    audience: AUD,
    algorithms: ['ES256'],
    clockSkewSeconds: 30,
    keys: [
      { kid: KID, key: trustedPair.publicKey },
      { kid: OTHER_KID, key: otherPair.publicKey },
    ],
    now: () => now,
    ...overrides,
  });
}
const verify = verifier();

/** Runs `act` and returns the Unauthenticated it throws (failing the test on anything else). */
function refusal(act: () => unknown): Unauthenticated {
  try {
    act();
  } catch (err) {
    expect(err).toBeInstanceOf(Unauthenticated);
    const failure = err as Unauthenticated;
    expect([failure.code, failure.status]).toEqual(['unauthenticated', 401]);
    return failure;
  }
  throw new Error('expected Unauthenticated, nothing was thrown');
}
const reason = (act: () => unknown) => refusal(act).message;

describe('the bearer header', () => {
  it('when there is no Authorization header, then 401 missing bearer token', () => {
    expect(reason(() => bearerToken(undefined))).toBe('missing bearer token');
  });

  it.each(['Basic x', 'Bearer', 'Bearer ', 'Bearer a b', 'Token abc', 'Bearerabc'])(
    'when the header is %j, then 401 missing bearer token',
    (header) => {
      expect(reason(() => bearerToken(header))).toBe('missing bearer token');
    },
  );

  it('when the scheme is written in any case, then the token is returned', () => {
    expect(bearerToken('bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('BEARER abc.def.ghi')).toBe('abc.def.ghi');
  });
});

describe('the token verifier', () => {
  it('when a token comes from issueToken, then it verifies to the right principal', () => {
    const token = issueToken(
      { sub: 'sup-1', agency: 'A1', roles: ['supervisor', 'reviewer'], ttlSeconds: 3600, supervises: ['A2', 'A3'] },
      { keyId: KID, privateKey: trustedPair.privateKey, issuer: ISS, audience: AUD },
      now,
    );
    expect(verify(token)).toEqual<Principal>({
      sub: 'sup-1',
      agency: 'A1',
      roles: ['supervisor', 'reviewer'],
      supervises: ['A2', 'A3'],
    });
  });

  it('when supervises is absent, then it defaults to none', () => {
    expect(verify(signed(claims())).supervises).toEqual([]);
  });

  it('when a token is unsigned (alg none), then 401 algorithm not allowed', () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    expect(reason(() => verify(token))).toBe('algorithm not allowed');
  });

  it('when a token is HS256 with the public key PEM as HMAC secret (key confusion), then 401 algorithm not allowed', () => {
    const secret = trustedPair.publicKey.export({ type: 'spki', format: 'pem' });
    const token = handMade({ alg: 'HS256', typ: 'JWT', kid: KID }, claims(), (input) =>
      createHmac('sha256', secret).update(input).digest(),
    );
    expect(reason(() => verify(token))).toBe('algorithm not allowed');
  });

  it.each(['HS256', 'none'])('when %s is configured anyway, then no verifier is made', (algorithm) => {
    expect(() => verifier({ algorithms: [algorithm as JwtAlgorithm] })).toThrow(/not allowed/);
  });

  it('when a claim is changed after signing, then 401 invalid signature', () => {
    const [header, , signature] = signed(claims()).split('.');
    const tampered = `${header}.${b64(claims({ roles: ['admin'] }))}.${signature}`;
    expect(reason(() => verify(tampered))).toBe('invalid signature');
  });

  it('when another key signs under a trusted kid, then 401 invalid signature', () => {
    expect(reason(() => verify(signed(claims(), ec().privateKey, KID)))).toBe('invalid signature');
  });

  it('when the token expired beyond the clock skew, then 401 token expired', () => {
    expect(reason(() => verify(signed(claims({ exp: T - 31 }))))).toBe('token expired');
  });

  it('when the token expired within the clock skew, then it is accepted', () => {
    expect(verify(signed(claims({ exp: T - 29 }))).sub).toBe('officer-7');
  });

  it('when nbf is in the future beyond the clock skew, then 401 token not yet valid', () => {
    expect(reason(() => verify(signed(claims({ iat: T, nbf: T + 31 }))))).toBe('token not yet valid');
  });

  it('when nbf is in the future within the clock skew, then it is accepted', () => {
    expect(verify(signed(claims({ iat: T, nbf: T + 29 }))).sub).toBe('officer-7');
  });

  it('when iat is in the future beyond the clock skew, then 401 token not yet valid, as for nbf', () => {
    expect(reason(() => verify(signed(claims({ iat: T + 31, nbf: undefined }))))).toBe('token not yet valid');
    expect(reason(() => verify(signed(claims({ iat: T + 3600, nbf: T - 60, exp: T + 7200 }))))).toBe(
      'token not yet valid',
    );
  });

  it('when iat is in the future within the clock skew, then it is accepted', () => {
    expect(verify(signed(claims({ iat: T + 29, nbf: undefined }))).sub).toBe('officer-7');
  });

  it('when the audience differs, then 401 wrong audience', () => {
    expect(reason(() => verify(signed(claims({ aud: 'evidence-ledger-staging' }))))).toBe('wrong audience');
  });

  it('when the issuer differs, then 401 wrong issuer', () => {
    expect(reason(() => verify(signed(claims({ iss: `${ISS}/other` }))))).toBe('wrong issuer');
  });

  it('when the token has no exp, then 401 token has no expiry', () => {
    expect(reason(() => verify(signed(claims({ exp: undefined }))))).toBe('token has no expiry');
  });

  it('when the kid is unknown, then 401 unknown key id', () => {
    const stranger = ec();
    expect(reason(() => verify(signed(claims(), stranger.privateKey, keyIdOf(stranger.publicKey))))).toBe(
      "unknown key id: signed by a key this service does not trust (a retired token key, or another issuer's); get a new token",
    );
  });

  it('when the token has no kid and two keys are trusted, then 401 token has no key id', () => {
    expect(reason(() => verify(signed(claims(), trustedPair.privateKey, null)))).toBe('token has no key id');
  });

  it('when the token has no kid and exactly one key is trusted, then it is accepted', () => {
    const single = verifier({ keys: [{ kid: KID, key: trustedPair.publicKey }] });
    expect(single(signed(claims(), trustedPair.privateKey, null)).sub).toBe('officer-7');
  });

  it.each([
    ['jku', 'https://attacker.example/jwks.json'],
    ['x5u', 'https://attacker.example/cert.pem'],
    ['jwk', trustedPair.publicKey.export({ format: 'jwk' })],
    ['x5c', [Buffer.from('not a certificate').toString('base64')]],
  ])('when the header carries %s, then 401 even though the signature is right', (name, value) => {
    const header = { alg: 'ES256', typ: 'JWT', kid: KID };
    expect(verify(handMade(header, claims())).sub).toBe('officer-7');
    expect(reason(() => verify(handMade({ ...header, [name]: value }, claims())))).toBe(
      `header parameter ${name} not accepted`,
    );
  });

  it('when the header carries crit, then 401 header parameter crit not accepted', () => {
    const token = handMade({ alg: 'ES256', kid: KID, crit: ['exp'], exp: T + 60 }, claims());
    expect(reason(() => verify(token))).toBe('header parameter crit not accepted');
  });

  it.each([
    { what: 'roles are missing', extra: { roles: undefined }, expected: 'missing roles claim' },
    { what: 'roles are empty', extra: { roles: [] }, expected: 'missing roles claim' },
    { what: 'roles are not an array', extra: { roles: 'admin' }, expected: 'missing roles claim' },
    { what: 'only unknown roles are given', extra: { roles: ['root', 'superuser', 7] }, expected: 'no known role' },
    { what: 'agency is missing', extra: { agency: undefined }, expected: 'missing agency claim' },
    { what: 'agency is empty', extra: { agency: '' }, expected: 'missing agency claim' },
    { what: 'agency is no agency code', extra: { agency: 'bad agency!<x>' }, expected: 'invalid agency claim' },
    { what: 'supervises names no agency code', extra: { supervises: ['x y'] }, expected: 'invalid supervises claim' },
    { what: 'sub is missing', extra: { sub: undefined }, expected: 'missing sub claim' },
    { what: 'sub is not a string', extra: { sub: 42 }, expected: 'missing sub claim' },
    { what: 'sub holds a NUL', extra: { sub: 'a\u0000b' }, expected: 'invalid sub claim' },
    { what: 'sub holds a line break', extra: { sub: 'alice\nbob' }, expected: 'invalid sub claim' },
    { what: 'sub holds a lone surrogate', extra: { sub: 'a\ud800' }, expected: 'invalid sub claim' },
    { what: 'sub is only white space', extra: { sub: ' \u3000' }, expected: 'invalid sub claim' },
    { what: 'sub is longer than 255 characters', extra: { sub: 'a'.repeat(256) }, expected: 'invalid sub claim' },
    { what: 'supervises is not a list of agencies', extra: { supervises: 'A2' }, expected: 'invalid supervises claim' },
  ])('when $what, then 401 $expected', ({ extra, expected }) => {
    expect(reason(() => verify(signed(claims(extra))))).toBe(expected);
  });

  it('when sub is a provider subject of 255 characters, or Chinese, or has spaces inside, then it is the principal', () => {
    for (const sub of ['a'.repeat(255), '张三', 'user 7|provider']) {
      expect(verify(signed(claims({ sub }))).sub).toBe(sub);
    }
  });

  it('when known and unknown roles are mixed, then the unknown ones are dropped', () => {
    expect(verify(signed(claims({ roles: ['root', 'reviewer', 'reviewer', 'admin'] }))).roles).toEqual([
      'reviewer',
      'admin',
    ]);
  });

  it('when a token is longer than 8 KiB, then 401 token too large before any parsing', () => {
    const token = signed(claims({ padding: 'x'.repeat(8 * 1024) }));
    expect(token.length).toBeGreaterThan(8 * 1024);
    expect(reason(() => verify(token))).toBe('token too large');
    expect(reason(() => verify('!'.repeat(8 * 1024 + 1)))).toBe('token too large');
  });

  it('when a token is not three base64url parts, then 401 malformed token', () => {
    for (const token of ['', 'abc', 'a.b', '!!.b.c', `${b64([1])}.${b64(claims())}.x`]) {
      expect(reason(() => verify(token))).toBe('malformed token');
    }
  });

  it('when an RS256 token arrives while only ES256 is allowed, then 401 algorithm not allowed', () => {
    const withRsa = verifier({ keys: [{ kid: RSA_KID, key: rsaPair.publicKey }] });
    expect(reason(() => withRsa(signed(claims(), rsaPair.privateKey, RSA_KID)))).toBe('algorithm not allowed');
    const rsaAllowed = verifier({ algorithms: ['RS256'], keys: [{ kid: RSA_KID, key: rsaPair.publicKey }] });
    expect(rsaAllowed(signed(claims(), rsaPair.privateKey, RSA_KID)).sub).toBe('officer-7');
  });

  it('when an ES256-signed token says RS256, then 401 (not allowed, or the EC key does not fit RS256)', () => {
    const token = handMade({ alg: 'RS256', typ: 'JWT', kid: KID }, claims());
    expect(reason(() => verify(token))).toBe('algorithm not allowed');
    const both = verifier({ algorithms: ['ES256', 'RS256'] });
    expect(reason(() => both(token))).toBe('key does not fit the algorithm');
  });

  it('when an RS256 token names an EC key while both algorithms are allowed, then 401 key does not fit the algorithm', () => {
    const both = verifier({ algorithms: ['ES256', 'RS256'] });
    expect(reason(() => both(signed(claims(), rsaPair.privateKey, KID)))).toBe('key does not fit the algorithm');
  });

  it('when the lifetime exceeds maxLifetimeSeconds, then 401 token lifetime too long', () => {
    const limited = verifier({ maxLifetimeSeconds: 3600 });
    expect(limited(signed(claims({ iat: T - 60, exp: T - 60 + 3600 }))).sub).toBe('officer-7');
    expect(reason(() => limited(signed(claims({ iat: T - 60, exp: T - 60 + 3601 }))))).toBe('token lifetime too long');
    expect(reason(() => limited(signed(claims({ iat: undefined, nbf: T - 60, exp: T + 3600 }))))).toBe(
      'token lifetime too long',
    );
  });

  it('when a token lives longer than the maximum, then 401', () => {
    const limited = verifier({ maxLifetimeSeconds: 12 * 3600 });
    const tenYears = 10 * 365 * 86400;
    expect(reason(() => limited(signed(claims({ iat: T - 60, nbf: T - 60, exp: T + tenYears }))))).toBe(
      'token lifetime too long',
    );
    // dated in the future so that exp − iat looks short: the time left is bounded too
    expect(reason(() => limited(signed(claims({ iat: T + tenYears, nbf: T - 60, exp: T + tenYears + 60 }))))).toBe(
      'token lifetime too long',
    );
    expect(limited(signed(claims({ iat: T - 60, nbf: T - 60, exp: T + 12 * 3600 - 60 }))).sub).toBe('officer-7');
  });

  it('when a lifetime limit is set and the token has neither iat nor nbf, then 401 token lifetime unknown', () => {
    const limited = verifier({ maxLifetimeSeconds: 3600 });
    const token = handMade({ alg: 'ES256', kid: KID }, claims({ iat: undefined, nbf: undefined }));
    expect(reason(() => limited(token))).toBe('token lifetime unknown');
  });

  it('when a refusal is thrown, then its message never echoes the token', () => {
    const token = signed(claims({ aud: 'other' }));
    const failure = refusal(() => verify(token));
    expect(JSON.stringify({ message: failure.message, details: failure.details })).not.toContain(token.slice(0, 20));
    expect(failure.message).not.toContain(AUD);
  });

  it('when misconfigured with no keys or a private key, then no verifier is made', () => {
    expect(() => verifier({ keys: [] })).toThrow(/no trusted token keys/);
    expect(() => verifier({ keys: [{ kid: KID, key: trustedPair.privateKey }] })).toThrow(/not a public key/);
  });

  it('when config lists its algorithms, then they are exactly the ones a verifier may be given', () => {
    // compile-time, both ways: the port's JwtAlgorithm and src/config.ts's agree
    const fromConfig: readonly JwtAlgorithm[] = JWT_ALGORITHMS;
    const toConfig: readonly ConfigAlgorithm[] = fromConfig;
    expect(() => verifier({ algorithms: toConfig })).not.toThrow();
  });
});

describe('the verified-token cache', () => {
  it('when a cached token is revoked, then its next use is refused', async () => {
    const { cachedVerifier, Unauthenticated } = await import('../../src/app/auth.js');
    const exp = T + 600;
    const token = `h.${Buffer.from(JSON.stringify({ exp, jti: 'j-1', iat: T - 10 })).toString('base64url')}.s`;
    const principal = { sub: 'a', agency: 'x', roles: ['officer' as const], supervises: [] };
    const revoked = new Set<string>();
    const verify = cachedVerifier(() => principal, {
      now: () => now,
      revoked: (identity) => revoked.has(`${identity.agency}/${identity.sub}/${identity.jti}/${identity.issuedAt}`),
    });
    expect(verify(token)).toBe(principal);
    revoked.add(`x/a/j-1/${T - 10}`);
    expect(() => verify(token)).toThrow(Unauthenticated);
  });

  it('when the same token comes again, then it is not verified again; when it has expired, then it is refused', async () => {
    const { cachedVerifier, Unauthenticated } = await import('../../src/app/auth.js');
    let now = new Date('2026-11-26T00:00:00Z');
    let calls = 0;
    const exp = Math.floor(now.getTime() / 1000) + 60;
    const token = `h.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.s`;
    const principal = { sub: 'a', agency: 'x', roles: ['officer' as const], supervises: [] };
    const verify = cachedVerifier(
      (t) => {
        calls++;
        if (now.getTime() >= exp * 1000) throw new Unauthenticated('token expired');
        if (t !== token) throw new Unauthenticated('invalid signature');
        return principal;
      },
      { now: () => now },
    );
    expect(verify(token)).toBe(principal);
    expect(verify(token)).toBe(principal);
    expect(calls).toBe(1);
    expect(() => verify(token.replace(/s$/, 't'))).toThrow(Unauthenticated);
    now = new Date((exp + 1) * 1000);
    expect(() => verify(token)).toThrow(Unauthenticated);
    expect(calls).toBe(3);
  });
});
