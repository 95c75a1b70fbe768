import { officerKeyClaimStream } from '../../src/domain/registry/officer-key-claims.js';
import { officerStream } from '../../src/domain/registry/officers.js';
import { browse, csrfOf, Jar, rowWithCode } from '../support/portal-session.js';
import { officerKeyPair } from '../support/officer-keys.js';
import { AGENCY, DAY, startScreensService, type ScreensFixture } from '../support/screens.js';

// The administrator revokes an officer's signing key from the officer's page (/admin/officers/{officerId}), as
// POST /v1/officers/{officerId}/keys/{keyId}/revocation does: with a reason and a time, in the agency's local time.

let f: ScreensFixture;
let jar: Jar;
let keyId: string;

beforeAll(async () => {
  f = await startScreensService();
  jar = new Jar();
  expect((await browse(f.t.url, jar, '/signin/dev', { form: { token: f.admin } })).res.status).toBe(303);
  const registered = await f.t.call('POST', '/v1/officers/alice/keys', {
    token: f.admin,
    body: { publicKey: officerKeyPair().spki, validFrom: '2018-01-01' },
  });
  expect(registered.status).toBe(201);
  keyId = registered.body.keyId;
}, 60_000);
afterAll(() => f.t.stop());

const PATH = '/admin/officers';
const keyPage = () => `${PATH}/alice/keys/${keyId}`;
const revocations = async () =>
  (await f.t.service.events.readStream(officerStream(AGENCY, 'alice')))
    .map((r) => r.event)
    .filter((e) => e.type === 'OfficerKeyRevoked');

/** Sends the key's revocation form with the session (and its CSRF token unless told otherwise). */
async function revoke(form: Record<string, string>, withToken = true) {
  const shown = await browse(f.t.url, jar, keyPage());
  const token: Record<string, string> = withToken ? { _csrf: csrfOf(shown.text) } : {};
  return browse(f.t.url, jar, keyPage(), { form: { ...token, ...form } });
}

/** The text of the officer page's row of the key. */
const keyRow = (text: string) => rowWithCode(text, keyId);

describe("the administrator revokes an officer's signing key (签名密钥)", () => {
  it("when the admin opens an officer's page, then their keys are listed with validity and standing, with a link to revoke a valid one; an officer without keys says so", async () => {
    const page = await browse(f.t.url, jar, `${PATH}/alice?consistentWith=${await f.t.service.events.headPosition()}`);
    expect(page.res.status).toBe(200);
    expect(page.text).toContain('<h2>签名密钥</h2>');
    expect(keyRow(page.text)).toBe(`${keyId} 自 2018-01-01 起 有效 撤销密钥`);
    expect(page.text).toContain(`href="${keyPage()}"`);
    expect(page.text).toContain(`aria-label="撤销密钥 ${keyId}"`);
    const bob = await browse(f.t.url, jar, `${PATH}/bob`);
    expect(bob.text).toContain('该人员尚未登记签名密钥。');
  });

  it("when the admin opens the key's form, then its time is now in the agency's local time", async () => {
    const form = await browse(f.t.url, jar, keyPage());
    expect(form.res.status).toBe(200);
    expect(form.text).toContain('<h1>撤销签名密钥：执法人员alice</h1>');
    // the fixture's clock is 10:00 UTC on DAY and after; the agency keeps UTC+8
    expect(form.text).toMatch(
      new RegExp(`type="datetime-local" id="f-revokedFrom" name="revokedFrom" value="${DAY}T18:\\d\\d"`),
    );
  });

  it('when the reason is blank, the time is not one, or the CSRF token is missing, then it is refused with what was typed kept, and nothing is recorded', async () => {
    const blank = await revoke({ reason: ' \u3000', revokedFrom: `${DAY}T18:00` });
    expect(blank.res.status).toBe(400);
    expect(blank.text).toContain('<div class="error-summary" role="alert"');
    expect(blank.text).toContain('href="#f-reason"');
    const badTime = await revoke({ reason: '遗失', revokedFrom: '明天' });
    expect(badTime.res.status).toBe(400);
    expect(badTime.text).toContain('href="#f-revokedFrom"');
    expect(badTime.text).toContain('>遗失</textarea>');
    const forged = await revoke({ reason: '遗失', revokedFrom: `${DAY}T18:00` }, false);
    expect(forged.res.status).toBe(403);
    expect(await revocations()).toEqual([]);
  });

  it('when an officer (not the admin) asks, or the key is not the officer’s, then 403 or 404', async () => {
    const officer = new Jar();
    await browse(f.t.url, officer, '/signin/dev', { form: { token: f.alice } });
    expect((await browse(f.t.url, officer, keyPage())).res.status).toBe(403);
    expect((await browse(f.t.url, jar, `${PATH}/bob/keys/${keyId}`)).res.status).toBe(404);
    expect((await browse(f.t.url, jar, `${PATH}/alice/keys/${'0'.repeat(64)}`)).res.status).toBe(404);
    expect((await browse(f.t.url, jar, `${PATH}/alice/keys/not-a-key`)).res.status).toBe(404);
  });

  it('when the admin revokes the key with a reason from a local time, then OfficerKeyRevoked is recorded at that instant and on the key’s own stream, the page says so, and no form is offered again', async () => {
    const { res } = await revoke({ reason: '执法记录仪遗失，密钥随之遗失', revokedFrom: `${DAY}T17:30` });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/admin/officers/alice\\?revoked=${keyId}&consistentWith=\\d+$`));
    const [revocation, ...more] = await revocations();
    expect(more).toEqual([]);
    expect(revocation).toMatchObject({
      actor: { agency: AGENCY, roles: ['admin'] },
      data: { keyId, reason: '执法记录仪遗失，密钥随之遗失', revokedFrom: `${DAY}T17:30:00+08:00` },
    });
    const keyStream = (await f.t.service.events.readStream(officerKeyClaimStream(AGENCY, keyId))).map((r) => r.event);
    expect(keyStream.at(-1)).toMatchObject({
      type: 'OfficerKeyRevocationRecorded',
      data: { eventId: revocation!.id, hash: revocation!.hash },
    });

    const page = await browse(f.t.url, jar, location);
    expect(page.text).toContain(`<p class="notice" role="status">密钥 ${keyId} 已撤销，并已记入账本。</p>`);
    expect(keyRow(page.text)).toBe(`${keyId} 自 2018-01-01 起 自 ${DAY}T17:30:00+08:00 起撤销`);
    const again = await browse(f.t.url, jar, keyPage());
    expect(again.text).toContain('该密钥已撤销。');
    expect(again.text).not.toContain('<form method="post"');
    // the public list shows the revocation and its reason, as the API recorded it
    const listed = await f.t.call('GET', `/v1/officers?agency=${AGENCY}`);
    const alice = listed.body.items.find((o: { certificateNo: string }) => o.certificateNo === '1405-alice');
    expect(alice.keys[0]).toMatchObject({ keyId, revocationReason: '执法记录仪遗失，密钥随之遗失' });
  });
});
