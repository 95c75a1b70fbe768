import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import path from 'node:path';
import { loadValidators } from '../../src/http/validation.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { caIssuedCertificate, officerKeyPair, selfSignedCertificate } from '../support/officer-keys.js';
import { parseAgencyStream } from '../../src/domain/streams.js';
import { holdAppendsTogether } from '../support/held-appends.js';
import { StoreUnavailable } from '../../src/errors.js';
import type { EventStore } from '../../src/ports/event-store.js';

const AGENCY = 'county-justice';
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
let t: TestService;
let admin: string;
let otherAdmin: string;
let position = 0;

async function call(method: string, route: string, token: string | undefined, body?: unknown, key?: string) {
  const headers = key ? { 'idempotency-key': key } : undefined;
  const res = await t.call(method, route, {
    ...(token ? { token } : {}),
    ...(body === undefined ? {} : { body }),
    ...(headers ? { headers } : {}),
  });
  if (typeof res.body?.position === 'number') position = Math.max(position, res.body.position);
  return res;
}
async function listed(certificateNo: string) {
  const list = await call('GET', `/v1/officers?agency=${AGENCY}&consistentWith=${position}`, undefined);
  expect(() => validate('urn:evidence-ledger:schema:response:officer-list', list.body)).not.toThrow();
  return list.body.items.find((o: { certificateNo: string }) => o.certificateNo === certificateNo);
}
/** A second admin of the agency: another person, with a token of its own. */
const otherAdminOf = (agency: string) => t.token('head-2', agency, ['admin']);
/** The officers of the agency whose streams record a registration of the key. */
async function registrationsOf(keyId: string): Promise<string[]> {
  const holders: string[] = [];
  for (const officer of ['alice', 'bob', 'dan']) {
    const events = await t.service.events.readStream(`officer-${AGENCY}:${officer}`);
    const registered = events.some((r) => r.event.type === 'OfficerKeyRegistered' && r.event.data.keyId === keyId);
    if (registered) holders.push(officer);
  }
  return holders;
}
const keyIdOf = (spki: string) => createHash('sha256').update(Buffer.from(spki, 'base64')).digest('hex');

beforeAll(async () => {
  t = await startTestService();
  ({ admin } = await seedAgency(t, AGENCY, { officers: ['alice', 'bob', 'dan'] }));
  ({ admin: otherAdmin } = await seedAgency(t, 'city-market', { officers: ['carl', 'cora'] }));
}, 60_000);
afterAll(() => t?.stop());

describe("registering an officer's own signing key (OfficerKeyRegistered)", () => {
  it('when the admin registers a key, then 201 names the key id the service computed, a retry is the same write, and the public list shows the key', async () => {
    const { spki } = officerKeyPair();
    const body = { alg: 'Ed25519', publicKey: spki, validFrom: '2026-01-01', validTo: '2028-12-31' };
    const res = await call('POST', '/v1/officers/alice/keys', admin, body, 'alice-key-1');
    expect([res.status, res.body.officerId, res.body.keyId]).toEqual([201, 'alice', keyIdOf(spki)]);
    expect(res.headers.get('etag')).toBe(`"${res.body.revision}"`);
    const again = await call('POST', '/v1/officers/alice/keys', admin, body, 'alice-key-1');
    expect([again.status, again.body.hash]).toEqual([200, res.body.hash]);

    const alice = await listed('1405-alice');
    expect(alice.keys).toEqual([
      { keyId: keyIdOf(spki), alg: 'Ed25519', publicKey: spki, validFrom: '2026-01-01', validTo: '2028-12-31' },
    ]);
    const events = await t.service.events.readStream(`officer-${AGENCY}:alice`);
    expect(events.at(-1)!.event).toMatchObject({ type: 'OfficerKeyRegistered', data: { keyId: keyIdOf(spki) } });
  });

  it('when the key comes as PEM, then the registry records the base64 of its SPKI DER', async () => {
    const { publicKey, spki } = officerKeyPair();
    const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const res = await call('POST', '/v1/officers/bob/keys', admin, { publicKey: pem, validFrom: '2026-01-01' });
    expect([res.status, res.body.keyId]).toEqual([201, keyIdOf(spki)]);
    const bob = await listed('1405-bob');
    expect(bob.keys).toEqual([{ keyId: keyIdOf(spki), alg: 'Ed25519', publicKey: spki, validFrom: '2026-01-01' }]);
  });

  it("when a certificate of the key is given without dates, then the key's validity is the certificate's whole UTC days, and the certificate is recorded", async () => {
    const { privateKey, spki } = officerKeyPair();
    const certificate = await selfSignedCertificate(privateKey);
    const res = await call('POST', '/v1/officers/dan/keys', admin, { publicKey: spki, certificate });
    expect(res.status).toBe(201);
    const x509 = new X509Certificate(certificate);
    const notBefore = new Date(x509.validFrom);
    const notAfter = new Date(x509.validTo);
    // openssl starts a certificate at the second it is made and ends it at that second, `days` later
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const nextDay = (d: Date) => day(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)));
    const dayBefore = (d: Date) => day(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - 1)));
    const startsAtMidnight = notBefore.getTime() % 86_400_000 === 0;
    const endsAtLastSecond = (notAfter.getTime() + 1000) % 86_400_000 === 0;
    const validFrom = startsAtMidnight ? day(notBefore) : nextDay(notBefore);
    const validTo = endsAtLastSecond ? day(notAfter) : dayBefore(notAfter);
    const dan = await listed('1405-dan');
    const shown = {
      sha256: createHash('sha256').update(x509.raw).digest('hex'),
      serialNumber: x509.serialNumber,
      selfSigned: true,
      notBefore: notBefore.toISOString(),
      notAfter: notAfter.toISOString(),
    };
    expect(dan.keys).toEqual([
      { keyId: keyIdOf(spki), alg: 'Ed25519', publicKey: spki, validFrom, validTo, certificate: shown },
    ]);
    const events = await t.service.events.readStream(`officer-${AGENCY}:dan`);
    expect((events.at(-1)!.event.data as { certificate: string }).certificate).toBe(x509.toString());
  });

  it("when the key's certificate was issued by a certification authority, then the public list names the issuer, the serial number and the fingerprint", async () => {
    const { privateKey, spki } = officerKeyPair();
    const certificate = await caIssuedCertificate(privateKey, 'County CA', '1a2b3c4d');
    const res = await call('POST', '/v1/officers/dan/keys', admin, { publicKey: spki, certificate });
    expect(res.status).toBe(201);
    const x509 = new X509Certificate(certificate);
    const dan = await listed('1405-dan');
    expect(dan.keys.find((k: { keyId: string }) => k.keyId === keyIdOf(spki)).certificate).toEqual({
      sha256: createHash('sha256').update(x509.raw).digest('hex'),
      serialNumber: '1A2B3C4D',
      issuer: ['CN=County CA'],
      selfSigned: false,
      notBefore: new Date(x509.validFrom).toISOString(),
      notAfter: new Date(x509.validTo).toISOString(),
    });
  });

  it('when the key is registered again, or for another officer of the agency, then 409 and nothing is recorded; another agency may register it', async () => {
    const { spki } = officerKeyPair();
    const body = { publicKey: spki, validFrom: '2026-01-01' };
    expect((await call('POST', '/v1/officers/alice/keys', admin, body)).status).toBe(201);
    const twice = await call('POST', '/v1/officers/alice/keys', admin, body);
    expect([twice.status, twice.body.code]).toEqual([409, 'officer_key_exists']);
    const taken = await call('POST', '/v1/officers/bob/keys', admin, body);
    expect([taken.status, taken.body.code]).toEqual([409, 'officer_key_taken']);
    expect((await call('POST', '/v1/officers/carl/keys', otherAdmin, body)).status).toBe(201);
  });

  it('when two admins register the same key for two officers at the same moment, then exactly one is registered and the other is 409 officer_key_taken', async () => {
    for (let round = 0; round < 5; round++) {
      const { spki } = officerKeyPair();
      const body = { publicKey: spki, validFrom: '2026-01-01' };
      // each registration is held before it writes the officer's stream until the other one writes too, or ends
      const held = holdAppendsTogether([t.service.events], (stream) => {
        const parsed = parseAgencyStream(stream);
        return parsed?.category === 'officer' && parsed.agency === AGENCY;
      });
      const [first, second] = await Promise.all([
        call('POST', '/v1/officers/alice/keys', admin, body).finally(held.release),
        call('POST', '/v1/officers/bob/keys', otherAdminOf(AGENCY), body).finally(held.release),
      ]).finally(held.restore);
      const statuses = [first.status, second.status].sort();
      expect([round, statuses]).toEqual([round, [201, 409]]);
      expect([first, second].find((r) => r.status === 409)!.body.code).toBe('officer_key_taken');
      const holders = await registrationsOf(keyIdOf(spki));
      expect([round, holders]).toEqual([round, [first.status === 201 ? 'alice' : 'bob']]);
    }
  });

  it("when the store fails after a key's claim and before its registration, then the retry for that officer registers it, and another officer's is 409 officer_key_taken", async () => {
    const { spki } = officerKeyPair();
    const body = { publicKey: spki, validFrom: '2026-01-01' };
    const events = t.service.events as { append: EventStore['append'] };
    const own = events.append;
    events.append = async (stream, sealed, expected) => {
      if (sealed[0]?.type !== 'OfficerKeyRegistered') return own(stream, sealed, expected);
      events.append = own;
      throw new StoreUnavailable('the event store went away');
    };
    const failed = await call('POST', '/v1/officers/alice/keys', admin, body).finally(() => (events.append = own));
    expect([failed.status, await registrationsOf(keyIdOf(spki))]).toEqual([503, []]);
    const taken = await call('POST', '/v1/officers/bob/keys', otherAdminOf(AGENCY), body);
    expect([taken.status, taken.body.code]).toEqual([409, 'officer_key_taken']);
    const retried = await call('POST', '/v1/officers/alice/keys', admin, body);
    expect([retried.status, retried.body.keyId]).toEqual([201, keyIdOf(spki)]);
    expect(await registrationsOf(keyIdOf(spki))).toEqual(['alice']);
  });

  it('when a registration is refused by its own rules, then the key is not held for that officer: another may register it', async () => {
    const { spki } = officerKeyPair();
    const unknown = await call('POST', '/v1/officers/nobody/keys', admin, { publicKey: spki, validFrom: '2026-01-01' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not_found']);
    const backwards = { publicKey: spki, validFrom: '2026-01-01', validTo: '2025-12-31' };
    const invalid = await call('POST', '/v1/officers/bob/keys', admin, backwards);
    expect([invalid.status, invalid.body.code]).toEqual([422, 'validity_invalid']);
    const registered = await call('POST', '/v1/officers/dan/keys', admin, { publicKey: spki, validFrom: '2026-01-01' });
    expect(registered.status).toBe(201);
  });

  it.each([
    ['an RSA key', 'officer_key_unsupported', () => rsaKey()],
    ['an EC key', 'officer_key_unsupported', () => ecKey()],
    ['base64 that is no key', 'officer_key_malformed', () => ({ publicKey: 'AAAA', validFrom: '2026-01-01' })],
    [
      'text that is neither base64 nor PEM',
      'officer_key_malformed',
      () => ({ publicKey: 'a key!', validFrom: '2026-01-01' }),
    ],
    [
      'a PEM that is no key',
      'officer_key_malformed',
      () => ({ publicKey: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', validFrom: '2026-01-01' }),
    ],
    [
      "the officer's private key (PKCS #8 PEM), from which a public key can be derived",
      'officer_key_malformed',
      () => ({
        publicKey: officerKeyPair().privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
        validFrom: '2026-01-01',
      }),
    ],
    ['no validity and no certificate', 'officer_key_validity_required', () => ({ publicKey: officerKeyPair().spki })],
    [
      'a malformed certificate',
      'officer_certificate_malformed',
      () => ({
        publicKey: officerKeyPair().spki,
        certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      }),
    ],
    [
      'a validity that ends before it starts',
      'validity_invalid',
      () => ({ publicKey: officerKeyPair().spki, validFrom: '2026-01-01', validTo: '2025-12-31' }),
    ],
  ])('when the body has %s, then 422 %s', async (_, code, body) => {
    const res = await call('POST', '/v1/officers/alice/keys', admin, body());
    expect([res.status, res.body.code]).toEqual([422, code]);
  });

  it("when the certificate certifies another key, or the stated validity starts before the certificate's, then 422", async () => {
    const { spki } = officerKeyPair();
    const other = officerKeyPair();
    const certificate = await selfSignedCertificate(other.privateKey);
    const mismatch = await call('POST', '/v1/officers/alice/keys', admin, { publicKey: spki, certificate });
    expect([mismatch.status, mismatch.body.code]).toEqual([422, 'officer_certificate_mismatch']);
    const early = { publicKey: other.spki, certificate, validFrom: '2000-01-01' };
    const outside = await call('POST', '/v1/officers/alice/keys', admin, early);
    expect([outside.status, outside.body.code]).toEqual([422, 'officer_key_validity_outside_certificate']);
  });

  it("when the client names the key id, an officer registers, or another agency's admin names the officer, then it is refused", async () => {
    const { spki } = officerKeyPair();
    const body = { publicKey: spki, validFrom: '2026-01-01' };
    const named = await call('POST', '/v1/officers/alice/keys', admin, { ...body, keyId: keyIdOf(spki) });
    expect([named.status, named.body.code]).toEqual([400, 'invalid_body']);
    const officer = t.token('alice', AGENCY, ['officer']);
    expect((await call('POST', '/v1/officers/alice/keys', officer, body)).status).toBe(403);
    // city-market has no officer alice: the county's officer is as unknown to its admin as any other id
    const other = await call('POST', '/v1/officers/alice/keys', otherAdmin, body);
    expect([other.status, other.body.code]).toEqual([404, 'not_found']);
    expect((await call('POST', '/v1/officers/alice/keys', undefined, body)).status).toBe(401);
  });
});

describe("revoking an officer's key (OfficerKeyRevoked)", () => {
  it('when the admin revokes a key, then 201, the public list shows from when, why and when it was revoked, and a second revocation is 409', async () => {
    const { spki } = officerKeyPair();
    const keyId = keyIdOf(spki);
    expect(
      (await call('POST', '/v1/officers/bob/keys', admin, { publicKey: spki, validFrom: '2026-01-01' })).status,
    ).toBe(201);
    const revocation = { reason: '密钥遗失', revokedFrom: '2026-06-01T00:00:00+08:00' };
    const route = `/v1/officers/bob/keys/${keyId}/revocation`;
    const res = await call('POST', route, admin, revocation, 'revoke-bob-1');
    expect([res.status, res.body.officerId, res.body.keyId]).toEqual([201, 'bob', keyId]);
    const retry = await call('POST', route, admin, revocation, 'revoke-bob-1');
    expect([retry.status, retry.body.hash]).toEqual([200, res.body.hash]);
    const again = await call('POST', route, admin, revocation);
    expect([again.status, again.body.code]).toEqual([409, 'officer_key_revoked']);
    const recorded = await t.service.events.readStream(`officer-${AGENCY}:bob`);
    const revokedAt = recorded.find(({ event }) => event.hash === res.body.hash)!.event.recordedAt;
    const bob = await listed('1405-bob');
    expect(bob.keys.find((k: { keyId: string }) => k.keyId === keyId)).toEqual({
      keyId,
      alg: 'Ed25519',
      publicKey: spki,
      validFrom: '2026-01-01',
      revokedFrom: '2026-06-01T00:00:00+08:00',
      revocationReason: '密钥遗失',
      revokedAt,
    });
  });

  it("when the key is not the officer's, the key id is malformed, the instant has no offset, or another agency's admin revokes, then it is refused", async () => {
    const { spki } = officerKeyPair();
    const keyId = keyIdOf(spki);
    expect(
      (await call('POST', '/v1/officers/alice/keys', admin, { publicKey: spki, validFrom: '2026-01-01' })).status,
    ).toBe(201);
    const body = { reason: '调岗', revokedFrom: '2026-06-01' };
    const notHers = await call('POST', `/v1/officers/bob/keys/${keyId}/revocation`, admin, body);
    expect([notHers.status, notHers.body.code]).toEqual([404, 'officer_key_unknown']);
    // a key id of a form no key has names nothing: 404, as for an id nothing has
    const malformed = await call('POST', '/v1/officers/alice/keys/ABC/revocation', admin, body);
    expect([malformed.status, malformed.body.code]).toEqual([404, 'not_found']);
    const local = await call('POST', `/v1/officers/alice/keys/${keyId}/revocation`, admin, {
      ...body,
      revokedFrom: '2026-06-01T00:00:00',
    });
    expect([local.status, local.body.code]).toEqual([400, 'invalid_body']);
    const other = await call('POST', `/v1/officers/alice/keys/${keyId}/revocation`, otherAdmin, body);
    expect([other.status, other.body.code]).toEqual([404, 'not_found']);
    const alice = await listed('1405-alice');
    expect(alice.keys.find((k: { keyId: string }) => k.keyId === keyId).revokedFrom).toBeUndefined();
  });
});

function rsaKey() {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), validFrom: '2026-01-01' };
}
function ecKey() {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), validFrom: '2026-01-01' };
}
