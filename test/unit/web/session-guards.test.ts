import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import pino from 'pino';
import { Unauthenticated, type Principal } from '../../../src/app/auth.js';
import { errorHandler } from '../../../src/http/problem.js';
import { CookieSeal } from '../../../src/web/sealed-cookie.js';
import { Sessions } from '../../../src/web/sessions.js';
import { standingOf } from '../../../src/app/officer-standing.js';
import { portalIdentity, portalSessions, requireCsrf, sessionOrBearer, signedIn } from '../../../src/web/session.js';
import { browse, Jar } from '../../support/portal-session.js';

const NOW = new Date('2026-03-02T09:00:00Z');
const officer: Principal = { sub: 'alice', agency: 'county-a', roles: ['officer'], supervises: [] };
const supervisor: Principal = { sub: 'sam', agency: 'city', roles: ['supervisor'], supervises: ['county-a'] };
/** A stand-in for the bearer verifier: the token is the principal's sub. */
const verify = (token: string): Principal => {
  if (token === 'sam') return supervisor;
  throw new Unauthenticated('invalid token');
};

/** A small app with the portal's session layer and guards around a counter that a form increments. */
function guardedApp(sessions: Sessions) {
  let count = 0;
  const app = express();
  app.get('/live', sessionOrBearer(sessions, verify), (_req, res) => {
    res.json({ sub: (res.locals.principal as Principal).sub });
  });
  app.use(portalSessions(sessions), portalIdentity(verify));
  app.post('/test/open/:who', (req, res) => {
    sessions.begin(req, res, { principal: req.params.who === 'sam' ? supervisor : officer, via: 'oidc' });
    res.json({ csrf: 'see the session' });
  });
  app.get('/test/csrf', signedIn(), (_req, res) => {
    res.json({ csrf: res.locals.csrfToken });
  });
  app.get('/supervise', signedIn('supervisor'), (_req, res) => {
    res.send('dashboard');
  });
  app.post('/count', signedIn('officer'), requireCsrf, (req, res) => {
    count += 1;
    res.json({ count, note: (req.body as Record<string, string> | undefined)?.note });
  });
  app.use(errorHandler(pino({ level: 'silent' })));
  return { app, count: () => count };
}

describe('the portal guards: signedIn, requireCsrf, sessionOrBearer', () => {
  let server: Server;
  let base: string;
  let counter: () => number;
  beforeAll(async () => {
    const sessions = new Sessions({
      seal: new CookieSeal(randomBytes(32)),
      idleSeconds: 1800,
      maxSeconds: 8 * 3600,
      cookieSecure: 'auto',
      now: () => NOW,
      verify,
      revoked: () => false,
    });
    const built = guardedApp(sessions);
    counter = built.count;
    server = built.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  async function signedInJar(who = 'alice') {
    const jar = new Jar();
    await browse(base, jar, `/test/open/${who}`, { method: 'POST' });
    const { text } = await browse(base, jar, '/test/csrf');
    return { jar, csrf: (JSON.parse(text) as { csrf: string }).csrf };
  }

  it('when nobody is signed in and a guarded page is asked for, then the browser is sent to /signin to come back', async () => {
    const { res } = await browse(base, new Jar(), '/supervise?month=2026-02');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/signin?next=%2Fsupervise%3Fmonth%3D2026-02');
  });

  it('when the signed-in user lacks the role, then the page is 403 forbidden', async () => {
    const { jar } = await signedInJar();
    const { res } = await browse(base, jar, '/supervise');
    expect(res.status).toBe(403);
  });

  it('when a form carries the session token from this site, then it acts, and the route reads the form', async () => {
    const { jar, csrf } = await signedInJar();
    const before = counter();
    const { res, text } = await browse(base, jar, '/count', { form: { _csrf: csrf, note: '现场检查' } });
    expect(res.status).toBe(200);
    expect(JSON.parse(text)).toEqual({ count: before + 1, note: '现场检查' });
  });

  it("when a browser sends Origin: null (the page's referrer policy is no-referrer) from the same origin, then the form acts", async () => {
    const { jar, csrf } = await signedInJar();
    const headers = { origin: 'null', 'sec-fetch-site': 'same-origin' };
    const { res } = await browse(base, jar, '/count', { form: { _csrf: csrf }, headers });
    expect(res.status).toBe(200);
  });

  it('when a script sends the token in X-CSRF-Token, then it acts', async () => {
    const { jar, csrf } = await signedInJar();
    const { res } = await browse(base, jar, '/count', { method: 'POST', headers: { 'x-csrf-token': csrf } });
    expect(res.status).toBe(200);
  });

  it.each([
    ['without a token', {}, {}],
    ['with a wrong token', { _csrf: 'forged' }, {}],
    ['with a token of another session', 'other', {}],
    ['from another origin', 'own', { origin: 'http://evil.example' }],
    ['from another site by Sec-Fetch-Site', 'own', { 'sec-fetch-site': 'same-site' }],
    ['with Origin: null and no Sec-Fetch-Site', 'own', { origin: 'null', 'sec-fetch-site': '' }],
  ] as const)('when a form comes %s, then it is 403 csrf_failed and nothing changes', async (_, form, headers) => {
    const { jar, csrf } = await signedInJar();
    const other = await signedInJar();
    const body = form === 'own' ? { _csrf: csrf } : form === 'other' ? { _csrf: other.csrf } : form;
    const before = counter();
    const { res, text } = await browse(base, jar, '/count', { form: body, headers: { ...headers } });
    expect(res.status).toBe(403);
    expect(JSON.parse(text)).toMatchObject({ code: 'csrf_failed' });
    expect(counter()).toBe(before);
  });

  it('when the live feed is asked for with a session or a bearer token, then both are accepted, and neither is 401', async () => {
    const { jar } = await signedInJar('sam');
    expect(JSON.parse((await browse(base, jar, '/live')).text)).toEqual({ sub: 'sam' });
    const bearer = await fetch(`${base}/live`, { headers: { authorization: 'Bearer sam' } });
    expect(await bearer.json()).toEqual({ sub: 'sam' });
    expect((await fetch(`${base}/live`)).status).toBe(401);
  });
});

describe("a portal session of an officer the registry suspends or retires (the token's standing)", () => {
  let server: Server;
  let base: string;
  let seconds = 0;
  const status = new Map<string, 'active' | 'suspended' | 'retired'>();
  const both: Principal = { sub: 'olga', agency: 'county-a', roles: ['officer', 'supervisor'], supervises: [] };
  beforeAll(async () => {
    const sessions = new Sessions({
      seal: new CookieSeal(randomBytes(32)),
      idleSeconds: 1800,
      maxSeconds: 8 * 3600,
      cookieSecure: 'auto',
      now: () => new Date(NOW.getTime() + seconds * 1000),
      verify,
      revoked: () => false,
      standing: (p) => standingOf(p, (agency, id) => status.get(`${agency}/${id}`)),
    });
    const app = express();
    app.use(portalSessions(sessions), portalIdentity(verify));
    app.post('/test/open/:who', (req, res) => {
      sessions.begin(req, res, { principal: req.params.who === 'olga' ? both : officer, via: 'oidc' });
      res.json({});
    });
    app.get('/roles', signedIn(), (_req, res) => res.json((res.locals.principal as Principal).roles));
    app.get('/work', signedIn('officer'), (_req, res) => res.send('work'));
    app.use(errorHandler(pino({ level: 'silent' })));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  afterEach(() => status.clear());

  it('when an officer signed in is suspended, then the session ends at the next request', async () => {
    const jar = new Jar();
    await browse(base, jar, '/test/open/alice', { method: 'POST' });
    expect((await browse(base, jar, '/work')).res.status).toBe(200);
    status.set('county-a/alice', 'suspended');
    const { res } = await browse(base, jar, '/work');
    expect([res.status, res.headers.get('location')]).toEqual([303, '/signin?next=%2Fwork']);
  });

  it('when a suspended officer also supervises, then the session keeps the supervisor role only, and a reinstatement gives the officer role back, even after the cookie was renewed', async () => {
    const jar = new Jar();
    await browse(base, jar, '/test/open/olga', { method: 'POST' });
    status.set('county-a/olga', 'suspended');
    seconds += 120; // past the renewal interval: the cookie is written again while the roles are withheld
    expect(JSON.parse((await browse(base, jar, '/roles')).text)).toEqual(['supervisor']);
    expect((await browse(base, jar, '/work')).res.status).toBe(403);
    status.set('county-a/olga', 'active');
    seconds += 120;
    expect(JSON.parse((await browse(base, jar, '/roles')).text)).toEqual(['officer', 'supervisor']);
    expect((await browse(base, jar, '/work')).res.status).toBe(200);
  });
});
