import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { issueToken, type Role } from '../../src/app/tokens.js';
import { REVOCATION_STREAM } from '../../src/domain/tokens/revocations.js';
import { keyResolver } from '../../src/ledger/ed25519.js';
import { sealEvents } from '../../src/ledger/envelope.js';
import { verifyChain } from '../../src/ledger/verify.js';
import { runCli } from '../support/cli.js';
import { startTestService, type TestService } from '../support/service.js';

const AGENCY = 'county-justice';
const OTHER = 'city-market';

let t: TestService;
let admin: string;

beforeAll(async () => {
  t = await startTestService();
  admin = t.token('head', AGENCY, ['admin']);
});
afterAll(() => t.stop());

/** A token as `ledger token` issues it, at `issuedAt` and living `ttlSeconds`. */
function tokenAt(sub: string, agency: string, roles: Role[], issuedAt: Date, ttlSeconds = 600): string {
  const { keyId, privateKey } = t.service.keys.tokenKey;
  return issueToken(
    { sub, agency, roles, ttlSeconds },
    { keyId, privateKey, issuer: 'evidence-ledger', audience: 'evidence-ledger' },
    issuedAt,
  );
}
const claimsOf = (token: string) => jwt.decode(token) as jwt.JwtPayload;
const listCases = (token: string) => t.call('GET', '/v1/cases', { token });
const revoke = (body: unknown, token = admin) => t.call('POST', '/v1/tokens/revocations', { token, body });

async function revocationEvents() {
  return (await t.service.events.readStream(REVOCATION_STREAM)).map((r) => r.event);
}

describe('token lifetime', () => {
  it('when a token lives longer than the maximum, then 401', async () => {
    const tenYears = tokenAt('alice', AGENCY, ['officer'], systemClock.now(), 10 * 365 * 86400);
    const res = await listCases(tenYears);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'unauthenticated', detail: 'token lifetime too long' });
    expect((await listCases(tokenAt('alice', AGENCY, ['officer'], systemClock.now(), 3600))).status).toBe(200);
  });

  it('when a token is issued, then it carries a jti and its iat', () => {
    const claims = claimsOf(t.token('alice', AGENCY, ['officer']));
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof claims.iat).toBe('number');
  });
});

describe('revoking tokens', () => {
  it('when a token is revoked by jti, then it is refused and the revocation is a signed event', async () => {
    const officer = t.token('alice', AGENCY, ['officer']);
    const sibling = t.token('alice', AGENCY, ['officer']);
    expect((await listCases(officer)).status).toBe(200); // now in the verified-token cache

    const res = await revoke({ jti: claimsOf(officer).jti, reason: 'laptop stolen' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'TokenRevoked', revision: expect.any(Number) });

    const refused = await listCases(officer);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect(refused.body).toMatchObject({ code: 'unauthenticated', detail: 'token revoked' });
    expect((await listCases(sibling)).status).toBe(200);

    const events = await revocationEvents();
    const recorded = events.find((e) => e.id === res.body.eventId)!;
    expect(recorded).toMatchObject({
      type: 'TokenRevoked',
      stream: REVOCATION_STREAM,
      actor: { sub: 'head', agency: AGENCY, roles: ['admin'] },
      data: { jti: claimsOf(officer).jti, agency: AGENCY, reason: 'laptop stolen' },
    });
    const serviceKeys = keyResolver(t.service.keys.all.filter((k) => k.purpose === 'event').map((k) => k.publicKey));
    expect(verifyChain(events, { serviceKeys })).toEqual({ ok: true });
  });

  it("when a subject's tokens are revoked before T, then older tokens fail and newer ones work", async () => {
    const now = systemClock.now().getTime();
    const older = tokenAt('bob', AGENCY, ['officer'], new Date(now - 120_000));
    const elsewhere = tokenAt('bob', OTHER, ['officer'], new Date(now - 120_000));
    const before = new Date(now - 60_000).toISOString();

    const res = await revoke({ sub: 'bob', before });
    expect(res.status).toBe(201);
    expect(res.body.type).toBe('SubjectTokensRevoked');

    expect((await listCases(older)).status).toBe(401);
    expect((await listCases(t.token('bob', AGENCY, ['officer']))).status).toBe(200);
    // a revocation acts in the admin's agency only
    expect((await listCases(elsewhere)).status).toBe(200);
  });

  it("when a token says it was issued an hour from now, then 401 token not yet valid, so it cannot escape a revocation of the subject's tokens issued before T", async () => {
    // a cut-off inside a second (not on its first millisecond), as `now` almost always is
    if (systemClock.now().getTime() % 1000 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    const now = systemClock.now().getTime();
    const seconds = Math.floor(now / 1000);
    // signed by the service's token key, valid from a minute ago (nbf) but saying it is issued an hour from now
    const { keyId, privateKey } = t.service.keys.tokenKey;
    const claims = { sub: 'carol', agency: AGENCY, roles: ['officer'], iss: 'evidence-ledger', aud: 'evidence-ledger' };
    const ahead = jwt.sign(
      { ...claims, jti: randomUUID(), iat: seconds + 3600, nbf: seconds - 60, exp: seconds + 3600 + 600 },
      privateKey,
      { algorithm: 'ES256', keyid: keyId },
    );
    const res = await revoke({ sub: 'carol', before: new Date(now).toISOString() });
    expect(res.status).toBe(201);

    const refused = await listCases(ahead);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect(refused.body).toMatchObject({ code: 'unauthenticated', detail: 'token not yet valid' });
    // one issued in the cut-off's second cannot show it came after it (iat has whole seconds): revoked
    const sameSecond = jwt.sign(
      { ...claims, jti: randomUUID(), iat: seconds, nbf: seconds - 60, exp: seconds + 600 },
      privateKey,
      { algorithm: 'ES256', keyid: keyId },
    );
    expect((await listCases(sameSecond)).status).toBe(401);
    // one issued once that second is over works
    await new Promise((resolve) => setTimeout(resolve, (seconds + 1) * 1000 - systemClock.now().getTime() + 5));
    expect((await listCases(t.token('carol', AGENCY, ['officer']))).status).toBe(200);
  });

  it('when another replica records a revocation, then this one refuses the token once the log delivers it', async () => {
    const officer = t.token('dora', AGENCY, ['officer']);
    expect((await listCases(officer)).status).toBe(200);
    // appended straight to the store, as another replica would: this replica learns of it from the log only
    const [last] = await t.service.events.readStream(REVOCATION_STREAM, { direction: 'backward', limit: 1 });
    const head = last ? { revision: last.event.revision, hash: last.event.hash } : null;
    const at = systemClock.now().toISOString();
    const draft = {
      id: randomUUID(),
      type: 'TokenRevoked',
      schemaVersion: 1,
      occurredAt: at,
      actor: { sub: 'head', agency: AGENCY, roles: ['admin'] },
      data: { jti: claimsOf(officer).jti, agency: AGENCY },
      media: [],
    };
    const sealed = sealEvents(REVOCATION_STREAM, head, [draft], t.service.keys.eventSigner, at);
    await t.service.events.append(REVOCATION_STREAM, sealed, head ? head.revision : 'no_stream');
    let status = 200;
    for (let attempt = 0; attempt < 100 && status === 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await listCases(officer)).status;
    }
    expect(status).toBe(401);
  });

  it('when the caller is not an admin, the body is malformed or the cut-off lies ahead, then nothing is recorded', async () => {
    const count = (await revocationEvents()).length;
    const officer = t.token('alice', AGENCY, ['officer']);
    expect((await revoke({ jti: 'x' }, officer)).status).toBe(403);
    expect((await revoke({ jti: 'x', sub: 'y' })).body).toMatchObject({ code: 'invalid_body' });
    expect((await revoke({ sub: 'y', before: 'yesterday' })).status).toBe(400);
    // a leap second is no instant a clock here can place: refused by the request's schema, as in every date-time
    const leap = `${systemClock.now().toISOString().slice(0, 10)}T23:59:60Z`;
    expect((await revoke({ sub: 'y', before: leap })).body).toMatchObject({ status: 400, code: 'invalid_body' });
    const ahead = new Date(systemClock.now().getTime() + 3_600_000).toISOString();
    expect((await revoke({ sub: 'y', before: ahead })).body).toMatchObject({ status: 422, code: 'date_invalid' });
    expect((await revocationEvents()).length).toBe(count);
  });

  it('when a revocation is retried under its Idempotency-Key, then it is recorded once; other content is refused', async () => {
    const headers = { 'idempotency-key': 'revoke-erin-1' };
    const first = await t.call('POST', '/v1/tokens/revocations', { token: admin, body: { jti: 'erin-1' }, headers });
    const again = await t.call('POST', '/v1/tokens/revocations', { token: admin, body: { jti: 'erin-1' }, headers });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.eventId).toBe(first.body.eventId);
    const other = await t.call('POST', '/v1/tokens/revocations', { token: admin, body: { jti: 'erin-2' }, headers });
    expect(other.body).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
  });

  it('when "ledger token revoke" is run with an admin token, then the token is refused', async () => {
    const officer = t.token('dave', AGENCY, ['officer']);
    const env = { LEDGER_TOKEN: admin };
    const done = await runCli(['token', 'revoke', '--url', t.url, '--jti', claimsOf(officer).jti!], env);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('TokenRevoked recorded');
    expect((await listCases(officer)).status).toBe(401);

    // a token issued the same second as "now" is revoked too; one issued after the command returns is not
    const justIssued = t.token('fay', AGENCY, ['officer']);
    const cut = await runCli(['token', 'revoke', '--url', t.url, '--sub', 'fay', '--before', 'now'], env);
    expect(cut.code).toBe(0);
    expect(cut.stdout).toContain('SubjectTokensRevoked recorded');
    expect((await listCases(justIssued)).status).toBe(401);
    expect((await listCases(t.token('fay', AGENCY, ['officer']))).status).toBe(200);

    const usage = await runCli(['token', 'revoke', '--url', t.url, '--sub', 'dave'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--before');
    const help = await runCli(['token', 'revoke', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ledger token revoke');
  });
});
