import type { Clock } from '../../src/ports/clock.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { readFrames } from '../support/sse.js';
import { browse, csrfOf, Jar, setCookies } from '../support/portal-session.js';

/** The service's clock, which a test moves forward (idle and absolute session limits). */
let ahead = 0;
const clock: Clock = { now: () => new Date(Date.now() + ahead) };

async function signInWithToken(svc: TestService, token: string, next?: string) {
  const jar = new Jar();
  const { res } = await browse(svc.url, jar, '/signin/dev', { form: { token, ...(next ? { next } : {}) } });
  return { jar, res };
}

describe('portal sessions: the development sign-in, the session cookie, sign-out and CSRF', () => {
  let svc: TestService;
  let officer: string;
  beforeAll(async () => {
    svc = await startTestService({ SESSION_IDLE_MINUTES: '5' }, { clock });
    officer = svc.token('alice', 'county-a', ['officer']);
  });
  afterAll(() => svc?.stop());
  afterEach(() => {
    ahead = 0;
  });

  it("when a signed-out reader follows the header's sign-in link from a page, then it brings them back to that page; from the home page, home", async () => {
    const { text } = await browse(svc.url, new Jar(), '/disclosures');
    expect(text).toContain('<a class="signin" href="/signin?next=%2Fdisclosures">');
    const home = await browse(svc.url, new Jar(), '/');
    expect(home.text).toContain('<a class="signin" href="/signin">');
  });

  it('when the sign-in page is opened on the embedded default, then it offers the development sign-in form', async () => {
    const { res, text } = await browse(svc.url, new Jar(), '/signin?next=%2Fsupervise');
    expect(res.status).toBe(200);
    expect(text).toContain('action="/signin/dev"');
    expect(text).toContain('name="next" value="/supervise"');
    expect(text).not.toContain('/signin/oidc'); // no identity provider configured
  });

  it('when a signed-out reader follows a link that asks for English, then the sign-in page is in English too, and next keeps the link', async () => {
    const { res } = await browse(svc.url, new Jar(), '/work?lang=en');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/signin?next=${encodeURIComponent('/work?lang=en')}&lang=en`);
    const { text } = await browse(svc.url, new Jar(), res.headers.get('location')!);
    expect(text).toContain('<html lang="en">');
    expect(text).toContain('name="next" value="/work?lang=en"');
    // without a language asked for, the link is as before
    const plain = await browse(svc.url, new Jar(), '/work');
    expect(plain.res.headers.get('location')).toBe('/signin?next=%2Fwork');
  });

  it('when a valid token is pasted, then a session cookie is set (HttpOnly, SameSite=Strict, Path=/, not Secure on http) and the reader goes on to next', async () => {
    const { jar, res } = await signInWithToken(svc, officer, '/disclosures?page=2');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/disclosures?page=2');
    const [cookie] = setCookies(res);
    expect(cookie).toMatchObject({ name: 'ledger_session' });
    expect(cookie!.attributes).toMatchObject({ httponly: '', samesite: 'Strict', path: '/', 'max-age': '300' });
    expect(cookie!.attributes).not.toHaveProperty('secure');
    expect(cookie!.value).not.toContain('alice'); // sealed: the browser cannot read the session
    const home = await browse(svc.url, jar, '/');
    expect(home.text).toContain('alice · county-a');
    expect(home.text).toMatch(/action="\/signout"[^]*name="_csrf"/);
  });

  it('when the token is not valid, then the page says why, with 401, and no session is opened', async () => {
    const { res } = await signInWithToken(svc, `${officer.slice(0, -4)}AAAA`);
    expect(res.status).toBe(401);
    expect(setCookies(res)).toEqual([]);
  });

  it("when a token is refused, then the page gives the reason in its own language, never the verifier's English", async () => {
    const reasonOf = async (token: string, lang = 'zh-CN') => {
      const { res, text } = await browse(svc.url, new Jar(), `/signin/dev?lang=${lang}`, { form: { token } });
      expect(res.status).toBe(401);
      return /<p class="error" role="alert">([^<]*)<\/p>/.exec(text)?.[1];
    };
    expect(await reasonOf('not-a-token')).toBe(
      '令牌未被接受：令牌格式不正确，请完整粘贴 ledger token 命令输出的令牌。',
    );
    expect(await reasonOf(`${officer.slice(0, -4)}AAAA`)).toBe(
      '令牌未被接受：令牌的签名无法验证，它不是本系统信任的密钥签发的。',
    );
    expect(await reasonOf('not-a-token', 'en')).toBe(
      'The token was not accepted: it is not a well-formed token; paste the whole token that ledger token printed.',
    );
  });

  it.each([
    ['//evil.example/x'],
    ['https://evil.example/'],
    ['/\\evil.example'],
    ['javascript:alert(1)'],
    ['/%2F%2Fevil.example'],
    ['/signout'],
    ['/\t/evil.example'],
    // dot segments, resolved, would leave `//evil.example`: a scheme-relative address of another site
    ['/..//evil.example'],
    ['/.//evil.example'],
    ['/x/..//evil.example/p'],
    ['/%2e%2e//evil.example'],
  ])('when next is %s, then the reader lands on a path of this site, never elsewhere', async (next) => {
    const { res } = await signInWithToken(svc, officer, next);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(new URL(location, svc.url).origin).toBe(svc.url);
    expect(location).toMatch(/^\/(?!\/)/);
    expect(location).not.toMatch(/^\/signout/);
  });

  it('when the reader signs out with the form, then the cookie is deleted and the old cookie no longer signs anyone in', async () => {
    const { jar } = await signInWithToken(svc, officer);
    const stolen = jar.header();
    const home = await browse(svc.url, jar, '/');
    const out = await browse(svc.url, jar, '/signout', { form: { _csrf: csrfOf(home.text) } });
    expect(out.res.status).toBe(303);
    expect(out.res.headers.get('location')).toBe('/');
    expect(setCookies(out.res)).toContainEqual(
      expect.objectContaining({ name: 'ledger_session', attributes: expect.objectContaining({ 'max-age': '0' }) }),
    );
    const replay = await fetch(`${svc.url}/`, { headers: { cookie: stolen, accept: 'text/html' } });
    expect(await replay.text()).not.toContain('alice · county-a');
    // the same form sent again (another tab, the back button): signed out already, so home, not a refusal
    const again = await browse(svc.url, jar, '/signout', { form: { _csrf: csrfOf(home.text) } });
    expect([again.res.status, again.res.headers.get('location')]).toEqual([303, '/']);
  });

  it.each([
    ['no CSRF token', {}, {}],
    ['a wrong CSRF token', { _csrf: 'x'.repeat(43) }, {}],
    ['the right token from another site', 'right', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
  ] as const)(
    'when sign-out comes with %s, then it is 403 csrf_failed and the session lives on',
    async (_, form, headers) => {
      const { jar } = await signInWithToken(svc, officer);
      const home = await browse(svc.url, jar, '/');
      const body = form === 'right' ? { _csrf: csrfOf(home.text) } : form;
      const out = await browse(svc.url, jar, '/signout', { form: body, headers: { ...headers } });
      expect(out.res.status).toBe(403);
      expect(out.text).toContain('请求被拒绝');
      const json = await fetch(`${svc.url}/signout`, {
        method: 'POST',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(body).toString(),
      });
      expect(json.status).toBe(403);
      expect(await json.json()).toMatchObject({ code: 'csrf_failed', status: 403 });
      expect((await browse(svc.url, jar, '/')).text).toContain('alice · county-a');
    },
  );

  it('when the development sign-in form is posted from another site, then it is refused (login CSRF)', async () => {
    const jar = new Jar();
    const { res } = await browse(svc.url, jar, '/signin/dev', {
      form: { token: officer },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
    expect(jar.get('ledger_session')).toBeUndefined();
  });

  it('when a session is idle longer than SESSION_IDLE_MINUTES, then it has ended', async () => {
    const { jar } = await signInWithToken(svc, officer);
    ahead = 4 * 60_000;
    expect((await browse(svc.url, jar, '/')).text).toContain('alice · county-a'); // renews the idle clock
    ahead = 8 * 60_000;
    expect((await browse(svc.url, jar, '/')).text).toContain('alice · county-a');
    ahead = 14 * 60_000;
    const late = await browse(svc.url, jar, '/');
    expect(late.text).not.toContain('alice · county-a');
    expect(jar.get('ledger_session')).toBeUndefined(); // the dead cookie was deleted
  });

  it('when a form is sent after the session has ended, then 401 with a page that says so and links to sign in, not "try again later"', async () => {
    const { jar } = await signInWithToken(svc, officer);
    const token = csrfOf((await browse(svc.url, jar, '/')).text);
    ahead = 14 * 60_000;
    const { res, text } = await browse(svc.url, jar, '/cases', { form: { _csrf: token, title: '某案' } });
    expect(res.status).toBe(401);
    expect(text).toContain('<h1>需要登录</h1>');
    expect(text).toContain('本次提交未被记录');
    // signing in again leads back to the form, not to the home page
    expect(text).toContain('<a href="/signin?next=%2Fcases%2Fnew">');
    expect(text).not.toContain('请稍后再试');
    // an act's form posts to its own page: back there
    const act = await browse(svc.url, jar, '/cases/county-a/c-1/acts/EvidenceCollected', {
      form: { _csrf: token, description: '照片' },
    });
    expect(act.res.status).toBe(401);
    expect(act.text).toContain(
      `<a href="/signin?next=${encodeURIComponent('/cases/county-a/c-1/acts/EvidenceCollected')}">`,
    );
    const signInPage = await browse(svc.url, jar, '/signin?next=%2Fcases%2Fnew');
    expect(signInPage.text).toContain('name="next" value="/cases/new"');
  });

  it('when the token a development session was opened with expires, then the session ends with it', async () => {
    const { jar } = await signInWithToken(svc, officer); // the token lives 10 minutes
    for (const minutes of [4, 8]) {
      ahead = minutes * 60_000;
      expect((await browse(svc.url, jar, '/')).text).toContain('alice · county-a');
    }
    ahead = 11 * 60_000;
    expect((await browse(svc.url, jar, '/')).text).not.toContain('alice · county-a');
  });

  it('when a token has just expired (within the allowance for clock skew), then the page says it expired, with 401, and the service goes on', async () => {
    ahead = 10 * 60_000 + 10_000; // the token lives 10 minutes: 10 s past its expiry
    const { res, text } = await browse(svc.url, new Jar(), '/signin/dev', { form: { token: officer } });
    expect(res.status).toBe(401);
    expect(setCookies(res)).toEqual([]);
    expect(/<p class="error" role="alert">([^<]*)<\/p>/.exec(text)?.[1]).toContain('过期');
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  });

  it('when the token of a development session is revoked, then the session ends at once', async () => {
    const admin = svc.token('head', 'county-a', ['admin']);
    const token = svc.token('carol', 'county-a', ['officer']);
    const { jar } = await signInWithToken(svc, token);
    expect((await browse(svc.url, jar, '/')).text).toContain('carol · county-a');
    ahead = 2000; // the token was issued a whole second before the revocation's time
    const before = clock.now().toISOString();
    const revoked = await svc.call('POST', '/v1/tokens/revocations', { token: admin, body: { sub: 'carol', before } });
    expect(revoked.status).toBe(201);
    expect((await browse(svc.url, jar, '/')).text).not.toContain('carol · county-a');
  });

  it('when an API route is called with the session cookie and no bearer token, then it is 401: the API takes bearer tokens only', async () => {
    const { jar } = await signInWithToken(svc, officer);
    const withCookie = await fetch(`${svc.url}/v1/cases`, { headers: { cookie: jar.header() } });
    expect(withCookie.status).toBe(401);
    const withBearer = await svc.call('GET', '/v1/cases', { token: officer });
    expect(withBearer.status).toBe(200);
  });

  it('when a page request carries a bearer token, then it is signed in without a session and needs no CSRF token', async () => {
    const page = await fetch(`${svc.url}/`, { headers: { authorization: `Bearer ${officer}`, accept: 'text/html' } });
    expect(await page.text()).toContain('alice · county-a');
    const out = await fetch(`${svc.url}/signout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}` },
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
  });

  it("when a supervisor's browser opens the live feed with its session, then the acts of the supervised agency arrive", async () => {
    const { officer } = await seedAgency(svc, 'county-live', { officers: ['lu', 'ma'], item: { code: 'P-9' } });
    const opened = await svc.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId: 'live-1',
        itemCode: 'P-9',
        title: 't',
        openedOn: clock.now().toISOString().slice(0, 10),
        officers: ['lu', 'ma'],
        parties: [{ kind: 'organization', name: '某公司' }],
      },
    });
    expect(opened.status).toBe(201);
    const { jar } = await signInWithToken(svc, svc.token('sup', 'city', ['supervisor'], ['county-live']));
    const anonymous = await fetch(`${svc.url}/supervise/live`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    const feed = await fetch(`${svc.url}/supervise/live`, { headers: { cookie: jar.header() } });
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/event-stream');
    const act = {
      type: 'EvidenceCollected',
      occurredAt: clock.now().toISOString(),
      data: { description: '现场照片' },
    };
    const recorded = await svc.call('POST', '/v1/cases/live-1/acts', { token: officer, body: act });
    expect(recorded.status).toBe(201);
    const [frame] = await readFrames(feed, 1);
    expect(frame!.data).toMatchObject({ type: 'EvidenceCollected', eventId: recorded.body.eventId });
  });

  it('when a signed-in reader arrives at /signin from another site (no Strict cookie sent), then the page looks again from here and then goes on to next', async () => {
    const { jar } = await signInWithToken(svc, officer);
    const arriving = await browse(svc.url, new Jar(), '/signin?next=%2Fsupervise', {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(arriving.res.status).toBe(200);
    expect(arriving.text).toContain('<meta http-equiv="refresh" content="0;url=/signin?next=%2Fsupervise" />');
    const again = await browse(svc.url, jar, '/signin?next=%2Fsupervise', {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(again.res.status).toBe(303);
    expect(again.res.headers.get('location')).toBe('/supervise');
  });

  it('when the sealed cookie is altered, then nobody is signed in and the cookie is deleted', async () => {
    const { jar } = await signInWithToken(svc, officer);
    const value = jar.get('ledger_session')!;
    jar.set('ledger_session', `${value.slice(0, 20)}${value[20] === 'A' ? 'B' : 'A'}${value.slice(21)}`);
    const home = await browse(svc.url, jar, '/');
    expect(home.text).not.toContain('alice · county-a');
    expect(jar.get('ledger_session')).toBeUndefined();
  });
});

describe('portal sessions behind a TLS-terminating proxy', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ TRUST_PROXY: 'loopback' });
  });
  afterAll(() => svc?.stop());

  it('when the trusted proxy says the request came over HTTPS, then the cookie is Secure and __Host- prefixed', async () => {
    const jar = new Jar();
    const { res } = await browse(svc.url, jar, '/signin/dev', {
      form: { token: svc.token('alice', 'county-a', ['officer']) },
      headers: { 'x-forwarded-proto': 'https', origin: svc.url.replace('http:', 'https:') },
    });
    expect(res.status).toBe(303);
    const [cookie] = setCookies(res);
    expect(cookie).toMatchObject({ name: '__Host-ledger_session' });
    expect(cookie!.attributes).toHaveProperty('secure');
    expect(cookie!.attributes).toMatchObject({ path: '/', samesite: 'Strict', httponly: '' });
    // the same cookie over plain HTTP is not read: it is only ever sent back over HTTPS
    const plain = await fetch(`${svc.url}/`, { headers: { cookie: jar.header(), accept: 'text/html' } });
    expect(await plain.text()).not.toContain('alice · county-a');
  });
});
