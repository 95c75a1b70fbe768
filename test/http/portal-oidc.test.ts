import { startTestService, type TestService } from '../support/service.js';
import { startOidcProvider, type OidcProvider } from '../support/oidc-provider.js';
import { freePort, signInAtProvider } from '../support/oidc-flow.js';
import { browse, Jar, setCookies } from '../support/portal-session.js';

const CLIENT = { client_id: 'ledger-portal', client_secret: 'portal-secret-for-tests' };
const ACCOUNTS = {
  wang: { name: '王执法', agency: 'county-a', roles: ['zfry'] },
  zhou: { name: '周监督', agency: 'city', roles: ['jdry'], supervises: ['county-a'] },
  drifter: { name: '无机关', roles: ['zfry'] },
  visitor: { name: '访客', agency: 'county-a', roles: ['fk'] },
};

describe('the OpenID Connect sign-in against a real provider (oidc-provider)', () => {
  let provider: OidcProvider;
  let svc: TestService;
  beforeAll(async () => {
    const port = await freePort();
    const callback = `http://127.0.0.1:${port}/signin/callback`;
    provider = await startOidcProvider({
      host: 'localhost',
      clients: [
        { ...CLIENT, redirect_uris: [callback], post_logout_redirect_uris: [`http://127.0.0.1:${port}/`] },
        { client_id: 'other-app', client_secret: 'other-secret', redirect_uris: ['http://127.0.0.1:1/cb'] },
      ],
      accounts: ACCOUNTS,
    });
    svc = await startTestService({
      PORT: String(port),
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT.client_id,
      OIDC_CLIENT_SECRET: CLIENT.client_secret,
      OIDC_REDIRECT_URL: callback,
      OIDC_SCOPES: 'openid profile ledger',
      OIDC_PROVIDER_NAME: '县司法局统一身份认证',
      OIDC_ROLE_MAP: 'zfry=officer,jdry=supervisor',
    });
  });
  afterAll(async () => {
    await svc?.stop();
    await provider?.close();
  });

  /** Starts a sign-in in the portal: the portal's jar and the provider's authorization URL. */
  async function start(next?: string) {
    const jar = new Jar();
    const route = next === undefined ? '/signin/oidc' : `/signin/oidc?next=${encodeURIComponent(next)}`;
    const { res } = await browse(svc.url, jar, route);
    expect(res.status).toBe(303);
    return { jar, res, authorization: res.headers.get('location')! };
  }

  /** The browser arrives back at the portal's callback. */
  const callback = (jar: Jar, url: URL) => browse(svc.url, jar, url.pathname + url.search);

  it('when OIDC is configured, then the sign-in page offers the provider and not the development form', async () => {
    const { text } = await browse(svc.url, new Jar(), '/signin?next=%2Fdisclosures');
    expect(text).toContain('使用县司法局统一身份认证登录');
    expect(text).toContain('href="/signin/oidc?next=%2Fdisclosures"');
    expect(text).not.toContain('action="/signin/dev"');
    const dev = await browse(svc.url, new Jar(), '/signin/dev', { form: { token: 'x' } });
    expect(dev.res.status).toBe(403);
  });

  it('when a user signs in at the provider, then the portal asked with PKCE (S256), state and nonce, and opens a session with the mapped roles', async () => {
    const { jar, res, authorization } = await start('/disclosures?page=2');
    const asked = new URL(authorization);
    expect(asked.origin).toBe(provider.issuer);
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT.client_id,
      code_challenge_method: 'S256',
      scope: 'openid profile ledger',
    });
    for (const name of ['state', 'nonce', 'code_challenge'])
      expect(asked.searchParams.get(name)).toMatch(/^[\w-]{43}$/);
    const [flow] = setCookies(res);
    expect(flow).toMatchObject({ name: 'ledger_signin' });
    expect(flow!.attributes).toMatchObject({ httponly: '', samesite: 'Lax', path: '/signin', 'max-age': '600' });

    const back = await signInAtProvider(authorization, 'wang', svc.url);
    expect(back.searchParams.get('state')).toBe(asked.searchParams.get('state'));
    const landed = await callback(jar, back);
    expect(landed.res.status).toBe(200);
    // onwards by the page itself, so that the Strict cookie goes with it
    expect(landed.text).toContain('<meta http-equiv="refresh" content="0;url=/disclosures?page=2" />');
    const session = setCookies(landed.res).find((c) => c.name === 'ledger_session');
    expect(session!.attributes).toMatchObject({ httponly: '', samesite: 'Strict', path: '/' });
    expect(jar.get('ledger_signin')).toBeUndefined(); // the flow is used up
    const home = await browse(svc.url, jar, '/');
    expect(home.text).toContain('王执法 · county-a');
  });

  it('when a supervisor signs in, then the session carries the agencies it supervises (the live feed opens)', async () => {
    const { jar, authorization } = await start();
    await callback(jar, await signInAtProvider(authorization, 'zhou', svc.url));
    const feed = await fetch(`${svc.url}/supervise/live`, { headers: { cookie: jar.header() } });
    expect(feed.status).toBe(200);
    await feed.body?.cancel();
  });

  it('when the callback comes back with another state, then the sign-in is refused and no session opens', async () => {
    const { jar, authorization } = await start();
    const back = await signInAtProvider(authorization, 'wang', svc.url);
    back.searchParams.set('state', 'x'.repeat(43));
    const { res, text } = await callback(jar, back);
    expect(res.status).toBe(400);
    expect(text).toContain('登录未能完成');
    expect(jar.get('ledger_session')).toBeUndefined();
  });

  it("when a code is brought back to another browser's sign-in, then the provider refuses the other verifier (PKCE) and no session opens", async () => {
    const victim = await start();
    const attacker = await start();
    const stolen = await signInAtProvider(attacker.authorization, 'wang', svc.url);
    // the code of one sign-in, with the state of the other: only the PKCE verifier stands in the way
    stolen.searchParams.set('state', new URL(victim.authorization).searchParams.get('state')!);
    const { res } = await callback(victim.jar, stolen);
    expect(res.status).toBe(400);
    expect(victim.jar.get('ledger_session')).toBeUndefined();
  });

  it('when the callback comes without the flow cookie (another browser), then it is refused', async () => {
    const { authorization } = await start();
    const back = await signInAtProvider(authorization, 'wang', svc.url);
    const { res } = await callback(new Jar(), back);
    expect(res.status).toBe(400);
  });

  it.each([
    ['another nonce', { nonce: 'not-this-sign-in' }],
    ['another audience', { aud: 'other-app' }],
    ['another issuer', { iss: 'https://idp.evil.example' }],
    ['an expiry in the past', { exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 }],
  ])('when the ID token carries %s (signed by the provider key), then the sign-in is refused', async (_, claims) => {
    const { jar, authorization } = await start();
    const back = await signInAtProvider(authorization, 'wang', svc.url);
    await provider.tamperNextIdToken(claims);
    const { res, text } = await callback(jar, back);
    expect(res.status).toBe(400);
    expect(text).toContain('登录未能完成');
    expect(jar.get('ledger_session')).toBeUndefined();
  });

  it('when the ID token is re-signed with a harmless change, then the sign-in goes through (the refusals above are for the claim alone)', async () => {
    const { jar, authorization } = await start();
    const back = await signInAtProvider(authorization, 'wang', svc.url);
    await provider.tamperNextIdToken({ name: '王执法（改）' });
    expect((await callback(jar, back)).res.status).toBe(200);
    expect((await browse(svc.url, jar, '/')).text).toContain('王执法（改） · county-a');
  });

  it("when an admin revokes the user's tokens issued before now, then the provider's session ends too", async () => {
    const { jar, authorization } = await start();
    await callback(jar, await signInAtProvider(authorization, 'wang', svc.url));
    expect((await browse(svc.url, jar, '/')).text).toContain('王执法 · county-a');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a whole second after the sign-in
    const admin = svc.token('head', 'county-a', ['admin']);
    const before = new Date().toISOString();
    const revoked = await svc.call('POST', '/v1/tokens/revocations', { token: admin, body: { sub: 'wang', before } });
    expect(revoked.status).toBe(201);
    expect((await browse(svc.url, jar, '/')).text).not.toContain('王执法 · county-a');
    // a session begun in the cut-off's own second counts as issued before it (iat has whole seconds): the tests
    // after this one sign wang in again once that second is over, as `ledger token revoke` returns after it
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(Date.parse(before) / 1000) * 1000 - Date.now() + 5));
  });

  it.each([
    ['no agency', 'drifter'],
    ['no role the service knows', 'visitor'],
  ])('when the provider gives %s, then the user is refused with a page that says so', async (_, login) => {
    const { jar, authorization } = await start();
    const { res, text } = await callback(jar, await signInAtProvider(authorization, login, svc.url));
    expect(res.status).toBe(403);
    expect(text).toContain('无法登录');
    expect(jar.get('ledger_session')).toBeUndefined();
  });

  it.each([['//evil.example/'], ['https://evil.example/'], ['/\\evil.example']])(
    'when next is %s, then after signing in the reader stays on this site',
    async (next) => {
      const { jar, authorization } = await start(next);
      const { text } = await callback(jar, await signInAtProvider(authorization, 'wang', svc.url));
      expect(text).toContain('<meta http-equiv="refresh" content="0;url=/" />');
    },
  );

  it('when a session from the provider signs out, then it ends; the API keeps taking bearer tokens only', async () => {
    const { jar, authorization } = await start();
    await callback(jar, await signInAtProvider(authorization, 'wang', svc.url));
    const home = await browse(svc.url, jar, '/');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.text)![1]!;
    expect((await fetch(`${svc.url}/v1/cases`, { headers: { cookie: jar.header() } })).status).toBe(401);
    const out = await browse(svc.url, jar, '/signout', { form: { _csrf: csrf } });
    expect(out.res.status).toBe(303);
    // on to the provider, to end the session there too, and back to the portal's home
    const endSession = new URL(out.res.headers.get('location')!);
    expect(endSession.origin).toBe(provider.issuer);
    expect(Object.fromEntries(endSession.searchParams)).toEqual({
      client_id: CLIENT.client_id,
      post_logout_redirect_uri: `${svc.url}/`,
    });
    expect((await browse(svc.url, jar, '/')).text).not.toContain('王执法');
    const bearer = await svc.call('GET', '/v1/cases', { token: svc.token('wang', 'county-a', ['officer']) });
    expect(bearer.status).toBe(200);
  });

  it('when a user signs out of the portal and confirms at the provider, then the next sign-in there asks for the login again', async () => {
    const atProvider = new Jar(); // the browser's cookies at the provider, kept across the visits
    /** Follows the provider's redirects from `url`, answering its forms, until it sends the browser to the portal. */
    const visit = async (from: string, answer: (prompt: string) => Record<string, string> | undefined) => {
      let url = new URL(from);
      const prompts: string[] = [];
      for (let step = 0; step < 12; step += 1) {
        if (url.href.startsWith(svc.url)) return { back: url, prompts };
        const { res, text } = await browse(url.origin, atProvider, url.pathname + url.search);
        if (res.status >= 300 && res.status < 400) {
          url = new URL(res.headers.get('location')!, url);
          continue;
        }
        const interaction = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>[^]*?name="prompt" value="(\w+)"/.exec(
          text,
        );
        const logout = /<form id="op.logoutForm" method="post" action="([^"]+)">[^]*?name="xsrf" value="([^"]+)"/.exec(
          text,
        );
        const prompt = interaction?.[2] ?? (logout ? 'logout' : undefined);
        const fields = prompt === undefined ? undefined : answer(prompt);
        if (res.status !== 200 || prompt === undefined || !fields) throw new Error(`stuck at ${url.pathname}`);
        prompts.push(prompt);
        const action = (interaction?.[1] ?? logout![1]!).replace(/&amp;/g, '&');
        const body = logout && !interaction ? { xsrf: logout[2]!, ...fields } : { prompt, ...fields };
        const posted = await browse(url.origin, atProvider, new URL(action, url).pathname, { form: body });
        url = new URL(posted.res.headers.get('location')!, url);
      }
      throw new Error('the provider did not send the browser back');
    };
    const answers = (prompt: string): Record<string, string> =>
      prompt === 'login' ? { login: 'wang', password: 'any' } : prompt === 'logout' ? { logout: 'yes' } : {};

    const first = await start();
    const signedIn = await visit(first.authorization, answers);
    expect(signedIn.prompts).toContain('login');
    await callback(first.jar, signedIn.back);
    // while the provider's session lasts, a new sign-in there asks for nothing
    const again = await start();
    expect((await visit(again.authorization, answers)).prompts).toEqual([]);

    const home = await browse(svc.url, first.jar, '/');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.text)![1]!;
    const out = await browse(svc.url, first.jar, '/signout', { form: { _csrf: csrf } });
    const signedOut = await visit(out.res.headers.get('location')!, answers);
    expect(signedOut.prompts).toEqual(['logout']);
    expect(signedOut.back.href).toBe(`${svc.url}/`);

    const next = await start();
    expect((await visit(next.authorization, answers)).prompts).toContain('login');
  });
});
