import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { startService } from '../../src/compose.js';
import { SIGN_OUT_STREAM } from '../../src/domain/tokens/revocations.js';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { browse, csrfOf, Jar } from '../support/portal-session.js';
import { startReplicas, until, type Replicas } from '../support/replicas.js';
import { startTestService, testSuite, type TestService } from '../support/service.js';

/*
 * A sign-out ends the session everywhere and for good: it is recorded in the log (`SessionEnded` in the
 * `portal-sign-outs` stream), which every replica follows and reads again when it starts. Before, only the replica
 * that took the sign-out refused the old cookie, and only until it restarted.
 */

const signedInAs = 'alice · county-a';

async function signIn(url: string, token: string): Promise<Jar> {
  const jar = new Jar();
  const { res } = await browse(url, jar, '/signin/dev', { form: { token } });
  expect(res.status).toBe(303);
  return jar;
}

async function signOut(url: string, jar: Jar): Promise<void> {
  const home = await browse(url, jar, '/');
  expect(home.text).toContain(signedInAs);
  const out = await browse(url, jar, '/signout', { form: { _csrf: csrfOf(home.text) } });
  expect(out.res.status).toBe(303);
}

/** Whether the cookie header `cookie` still signs anyone in at `url`. */
async function signsIn(url: string, cookie: string): Promise<boolean> {
  const res = await fetch(`${url}/`, { headers: { cookie, accept: 'text/html' } });
  return (await res.text()).includes(signedInAs);
}

describe('a sign-out, recorded in the log', () => {
  let t: TestService | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('when the service restarts after a sign-out, then the old cookie still signs nobody in', async () => {
    t = await startTestService();
    const jar = await signIn(t.url, t.token('alice', 'county-a', ['officer']));
    const copy = jar.header();
    await signOut(t.url, jar);
    expect(await signsIn(t.url, copy)).toBe(false);

    const recorded = await t.service.events.readStream(SIGN_OUT_STREAM);
    expect(recorded.map((r) => r.event.type)).toEqual(['SessionEnded']);
    const [ended] = recorded.map((r) => r.event);
    expect(ended!.actor).toMatchObject({ sub: 'alice', agency: 'county-a' });
    expect(ended!.data).toMatchObject({ session: expect.stringMatching(/^[0-9a-f]{64}$/), agency: 'county-a' });
    expect(Date.parse((ended!.data as { until: string }).until)).toBeGreaterThan(Date.now());

    await t.service.close();
    const again = await startService(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', LEDGER_DATA_DIR: t.dataDir, LEDGER_CRYPTO_SUITE: testSuite.name }),
      { clock: systemClock, log: pino({ level: 'silent' }) },
    );
    try {
      const url = `http://127.0.0.1:${again.port}`;
      // the same secret opens the cookie (a session still signed in would be honoured after the restart) ...
      const other = await signIn(url, t.token('alice', 'county-a', ['officer']));
      expect(await signsIn(url, other.header())).toBe(true);
      // ... but the session signed out before it is refused
      expect(await signsIn(url, copy)).toBe(false);
    } finally {
      await again.close();
    }
  });

  it('when the same sign-out is sent twice (the copy of the cookie), then it is recorded once', async () => {
    t = await startTestService();
    const jar = await signIn(t.url, t.token('alice', 'county-a', ['officer']));
    const home = await browse(t.url, jar, '/');
    const csrf = csrfOf(home.text);
    const cookie = jar.header();
    const post = () =>
      fetch(`${t!.url}/signout`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
        body: new URLSearchParams({ _csrf: csrf }).toString(),
      });
    const answers = (await Promise.all([post(), post()])).map((r) => r.status).sort();
    // sent together, both sign the session out and record the same event; one after the other, the second finds
    // the session ended and is refused as a form without a session (403): either way, one event
    expect([
      [303, 303],
      [303, 403],
    ]).toContainEqual(answers);
    expect((await t.service.events.readStream(SIGN_OUT_STREAM)).length).toBe(1);
  });
});

describe('a sign-out on one of two replicas', () => {
  let r: Replicas;
  beforeAll(async () => {
    r = await startReplicas({ env: { PORTAL_DEV_SIGNIN: 'true' } });
  });
  afterAll(() => r?.stop());

  it('when a user signs out on one replica, then a copy of the cookie no longer signs in on the other', async () => {
    const jar = await signIn(r.a.url, r.a.token('alice', 'county-a', ['officer']));
    const copy = jar.header();
    expect(await signsIn(r.b.url, copy)).toBe(true); // the replicas share the session secret
    await signOut(r.a.url, jar);
    expect(await signsIn(r.a.url, copy)).toBe(false);
    await until('the other replica refuses the signed-out session', async () => !(await signsIn(r.b.url, copy)));
    // the other replica's sessions are its users': only the one signed out is refused
    const other = await signIn(r.b.url, r.b.token('alice', 'county-a', ['officer']));
    expect(await signsIn(r.a.url, other.header())).toBe(true);
    const hashes = (await r.a.service.events.readStream(SIGN_OUT_STREAM)).map(
      (e) => (e.event.data as { session: string }).session,
    );
    expect(hashes).toHaveLength(1);
  });
});
