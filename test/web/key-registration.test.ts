import { generateKeyPairSync } from 'node:crypto';
import { officerStream } from '../../src/domain/registry/officers.js';
import { browse, csrfOf, Jar, rowWithCode } from '../support/portal-session.js';
import { officerKeyPair, selfSignedCertificate } from '../support/officer-keys.js';
import { AGENCY, startScreensService, type ScreensFixture } from '../support/screens.js';

// The administrator registers an officer's own signing key from the officer's page (/admin/officers/{officerId}),
// as POST /v1/officers/{officerId}/keys does: a public key, optionally a certificate, and its validity.

let f: ScreensFixture;
let jar: Jar;

beforeAll(async () => {
  f = await startScreensService();
  jar = new Jar();
  expect((await browse(f.t.url, jar, '/signin/dev', { form: { token: f.admin } })).res.status).toBe(303);
}, 60_000);
afterAll(() => f.t.stop());

const FORM = '/admin/officers/alice/keys';
const registrations = async (officerId: string) =>
  (await f.t.service.events.readStream(officerStream(AGENCY, officerId)))
    .map((r) => r.event)
    .filter((e) => e.type === 'OfficerKeyRegistered');

/** Sends the form as shown (its CSRF token and submission key) to `path`. */
async function send(path: string, form: Record<string, string>) {
  const shown = await browse(f.t.url, jar, path);
  expect(shown.res.status).toBe(200);
  const key = /name="_submission" value="([^"]+)"/.exec(shown.text)![1]!;
  return browse(f.t.url, jar, path, { form: { _csrf: csrfOf(shown.text), _submission: key, ...form } });
}

const pem = (key: ReturnType<typeof officerKeyPair>) =>
  key.publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe("the administrator registers an officer's signing key (登记签名密钥)", () => {
  it("when the admin registers a key's PEM from the officer's page, then OfficerKeyRegistered holds it and the page names and lists it", async () => {
    const page = await browse(f.t.url, jar, '/admin/officers/alice');
    expect(page.text).toContain(`<a href="${FORM}">登记签名密钥</a>`);
    const form = await browse(f.t.url, jar, FORM);
    expect(form.text).toMatch(/<h1>登记签名密钥：[^<]+<\/h1>/);
    expect(form.text).toContain('<label for="f-publicKey">公钥</label>');

    const key = officerKeyPair();
    const { res } = await send(FORM, { publicKey: pem(key), validFrom: '2026-01-01', validTo: '' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/officers\/alice\?keyRegistered=[0-9a-f]{64}&consistentWith=\d+$/);
    const keyId = /keyRegistered=([0-9a-f]{64})/.exec(location)![1]!;
    const [event] = await registrations('alice');
    expect(event).toMatchObject({
      type: 'OfficerKeyRegistered',
      data: { keyId, alg: 'Ed25519', publicKey: key.spki, validFrom: '2026-01-01' },
    });
    const after = await browse(f.t.url, jar, location);
    expect(after.text).toContain(`<p class="notice" role="status">密钥 ${keyId} 已登记，并已记入账本。</p>`);
    expect(rowWithCode(after.text, keyId)).toBe(`${keyId} 自 2026-01-01 起 有效 撤销密钥`);

    // the same key again, for alice or for bob: refused at the key, nothing more recorded
    const again = await send(FORM, { publicKey: key.spki, validFrom: '2026-01-01' });
    expect(again.res.status).toBe(409);
    expect(again.text).toContain('<a href="#f-publicKey">该人员已登记此密钥。</a>');
    const taken = await send('/admin/officers/bob/keys', { publicKey: pem(key), validFrom: '2026-01-01' });
    expect(taken.res.status).toBe(409);
    expect(taken.text).toContain(
      '<a href="#f-publicKey">此密钥已登记给本机关的另一名执法人员：一个密钥只能属于一人。</a>',
    );
    expect(await registrations('alice')).toHaveLength(1);
    expect(await registrations('bob')).toEqual([]);
  });

  it('when the key is not one, not Ed25519, or has no validity and no certificate, then the form says so at the field', async () => {
    const malformed = await send(FORM, {
      publicKey: '-----BEGIN PUBLIC KEY-----\nnot a key\n',
      validFrom: '2026-01-01',
    });
    expect(malformed.res.status).toBe(422);
    expect(malformed.text).toContain('<a href="#f-publicKey">公钥格式不正确');
    expect(malformed.text).toContain('not a key');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' });
    const unsupported = await send(FORM, { publicKey: rsa.toString(), validFrom: '2026-01-01' });
    expect(unsupported.res.status).toBe(422);
    expect(unsupported.text).toContain('<a href="#f-publicKey">只能登记 Ed25519 密钥');
    const undated = await send(FORM, { publicKey: pem(officerKeyPair()) });
    expect(undated.res.status).toBe(422);
    expect(undated.text).toContain('<a href="#f-validFrom">没有数字证书的，须填写有效期的起始日期。</a>');
    const empty = await send(FORM, { publicKey: '' });
    expect(empty.res.status).toBe(400);
    expect(empty.text).toContain('<a href="#f-publicKey">请填写“公钥”。</a>');
    expect(await registrations('alice')).toHaveLength(1);
  });

  it("when a key comes with its certificate, then its validity is the certificate's; another's certificate is refused", async () => {
    const key = officerKeyPair();
    const certificate = await selfSignedCertificate(key.privateKey);
    const mismatch = await send(FORM, { publicKey: pem(officerKeyPair()), certificate });
    expect(mismatch.res.status).toBe(422);
    expect(mismatch.text).toContain('<a href="#f-certificate">数字证书中的公钥与所填公钥不一致。</a>');
    const { res } = await send(FORM, { publicKey: pem(key), certificate });
    expect(res.status).toBe(303);
    const events = await registrations('alice');
    expect(events.at(-1)!.data).toMatchObject({ publicKey: key.spki, certificate: expect.anything() });
  });

  it('when the officer is retired, or another role asks, then there is no form; one shown before, sent after, is told why', async () => {
    const stale = await browse(f.t.url, jar, '/admin/officers/bob/keys');
    const retired = await f.t.call('POST', '/v1/officers/bob/retirement', { token: f.admin, body: { reason: '调离' } });
    expect(retired.status).toBe(201);
    const page = await browse(f.t.url, jar, `/admin/officers/bob?consistentWith=${retired.body.position}`);
    expect(page.text).not.toContain('/admin/officers/bob/keys"');
    expect((await browse(f.t.url, jar, '/admin/officers/bob/keys')).res.status).toBe(404);
    const late = await browse(f.t.url, jar, '/admin/officers/bob/keys', {
      form: {
        _csrf: csrfOf(stale.text),
        _submission: /name="_submission" value="([^"]+)"/.exec(stale.text)![1]!,
        publicKey: pem(officerKeyPair()),
      },
    });
    expect(late.res.status).toBe(409);
    expect(late.text).toContain('该执法人员已在您打开表单后离岗，不能再登记签名密钥；本次提交未记录。');
    expect(late.text).not.toContain('name="publicKey"');
    expect(await registrations('bob')).toEqual([]);
    const officer = new Jar();
    await browse(f.t.url, officer, '/signin/dev', { form: { token: f.alice } });
    expect((await browse(f.t.url, officer, FORM)).res.status).toBe(403);
  });
});
