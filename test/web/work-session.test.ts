import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { caseStream } from '../../src/domain/case/acts.js';
import { REVIEW_SETTINGS_PATH } from '../../src/web/pages/review-settings.js';
import { AGENCY_PROFILE_PATH } from '../../src/web/pages/agency-profile.js';
import { ROSTER_PATH } from '../../src/web/pages/officer-roster.js';
import { ITEMS_ADMIN_PATH } from '../../src/web/pages/item-admin.js';
import { TEMPLATES_HREF } from '../../src/web/pages/template-form.js';
import { REGISTER_ITEM_PATH, REGISTER_OFFICER_PATH } from '../../src/web/links.js';
import { browse, csrfOf, Jar } from '../support/portal-session.js';
import { AGENCY, DAY, openCase, startScreensService, type ScreensFixture } from '../support/screens.js';
import { asJpeg } from '../support/media-bytes.js';

let f: ScreensFixture;
let jar: Jar;

beforeAll(async () => {
  f = await startScreensService();
  await openCase(f, 'ws-1');
  await f.t.service.readModelsCaughtUp(); // the form shows the case, read from the read models
  jar = new Jar();
  const { res } = await browse(f.t.url, jar, '/signin/dev', { form: { token: f.alice } });
  expect(res.status).toBe(303);
});
afterAll(() => f.t.stop());

const caseEvents = async (caseId: string) =>
  (await f.t.service.events.readStream(caseStream(AGENCY, caseId))).map((r) => r.event);

const evidence = { occurredAt: `${DAY}T10:00`, officers: 'alice, bob', 'data.description': '现场照片两张' };

describe('the forms with a browser session', () => {
  it('when a form is sent with its CSRF token, then the act is recorded', async () => {
    const form = await browse(f.t.url, jar, `/cases/${AGENCY}/ws-1/acts/EvidenceCollected`);
    expect(form.res.status).toBe(200);
    const { res } = await browse(f.t.url, jar, `/cases/${AGENCY}/ws-1/acts/EvidenceCollected`, {
      form: { _csrf: csrfOf(form.text), ...evidence },
    });
    expect(res.status).toBe(303);
    expect((await caseEvents('ws-1')).at(-1)).toMatchObject({ type: 'EvidenceCollected', actor: { sub: 'alice' } });
  });

  it("when a page asks for a position beyond the log, then 400 with a page, at once (a lagging replica's 503 page is in test/replicas)", async () => {
    const route = `/cases/${AGENCY}/ws-1?consistentWith=999999999`;
    const { res, text } = await browse(f.t.url, jar, route);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(text).toContain('consistentWith');
  });

  it('when a form is sent without its CSRF token, then 403 csrf_failed and nothing is recorded', async () => {
    const before = await caseEvents('ws-1');
    const { res, text } = await browse(f.t.url, jar, `/cases/${AGENCY}/ws-1/acts/EvidenceCollected`, {
      form: evidence,
    });
    expect(res.status).toBe(403);
    expect(text).toContain('请求被拒绝');
    expect(await caseEvents('ws-1')).toHaveLength(before.length);
  });

  it('when an uploading form is sent, then its token is in the action URL, checked before the upload is read', async () => {
    const page = await browse(f.t.url, jar, `/cases/${AGENCY}/ws-1/acts/EvidenceCollected`);
    const action = /<form method="post" action="([^"]+)"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
    expect(action).toBe(`/cases/${AGENCY}/ws-1/acts/EvidenceCollected?_csrf=${encodeURIComponent(csrfOf(page.text))}`);
    const send = async (to: string) => {
      const body = new FormData();
      for (const [name, value] of Object.entries(evidence)) body.append(name, value);
      body.append('medium', new Blob([asJpeg(randomBytes(2048))], { type: 'image/jpeg' }), 'p.jpg');
      return fetch(f.t.url + to, {
        method: 'POST',
        redirect: 'manual',
        headers: { accept: 'text/html', cookie: jar.header(), origin: f.t.url, 'sec-fetch-site': 'same-origin' },
        body,
      });
    };
    const before = await caseEvents('ws-1');
    expect((await send(`/cases/${AGENCY}/ws-1/acts/EvidenceCollected`)).status).toBe(403);
    expect(await caseEvents('ws-1')).toHaveLength(before.length);
    expect((await send(action)).status).toBe(303);
    expect((await caseEvents('ws-1')).at(-1)?.media).toEqual([expect.objectContaining({ contentType: 'image/jpeg' })]);
  });
});

/** Every form a portal page posts to, as a route (its parameters filled in below); read from src/web's sources. */
function postedRoutes(): string[] {
  const constants: Record<string, string> = {
    TEMPLATES_HREF,
    REVIEW_SETTINGS_PATH,
    AGENCY_PROFILE_PATH,
    ROSTER_PATH,
    ITEMS_ADMIN_PATH,
    REGISTER_OFFICER_PATH,
    REGISTER_ITEM_PATH,
  };
  const routes: string[] = [];
  for (const file of fs.readdirSync('src/web', { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const source = fs.readFileSync(path.join('src/web', file), 'utf8');
    for (const [, first] of source.matchAll(/router\.post\(\s*([^,]+),/g)) {
      const route = first!
        .trim()
        .replace(/^['`]|['`]$/g, '')
        .replace(/\$\{(\w+)\}|^(\w+)$/g, (_m, inner?: string, whole?: string) => {
          const value = constants[(inner ?? whole)!];
          if (value === undefined)
            throw new Error(`${file}: the route ${first} names a constant this test does not know`);
          return value;
        });
      routes.push(route);
    }
  }
  return routes.sort();
}

describe('every state-changing form of the portal', () => {
  const filled = (route: string) =>
    route
      .replace(':agency', AGENCY)
      .replace(':caseId', 'ws-1')
      .replace(':type', 'EvidenceCollected')
      .replace(':applicationId', 'no-such-application')
      .replace(':decisionType', 'fine')
      .replace(':officerId', 'bob')
      .replace(':keyId', '0'.repeat(64))
      .replace(':code', 'P-001');
  const SIGNED_IN = [
    '/admin/agency-profile',
    '/admin/decision-templates/:decisionType',
    '/admin/decision-templates/:decisionType/reset',
    '/admin/items/:code',
    '/admin/items/:code/amendment',
    '/admin/officers/:officerId',
    '/admin/officers/:officerId/amendment',
    '/admin/officers/:officerId/keys',
    '/admin/officers/:officerId/keys/:keyId',
    '/admin/register-item',
    '/admin/register-officer',
    '/admin/review-settings',
    '/cases',
    '/cases/:agency/:caseId/acts/:type',
    '/cases/:agency/:caseId/draft',
    '/cases/:agency/:caseId/evaluate',
    '/signout',
    '/work/applications/:applicationId/acceptance',
    '/work/applications/:applicationId/rejection',
  ];
  /** The public forms: no session, so a double-submit cookie; and the development sign-in, judged by its origin. */
  const PUBLIC = ['/apply', '/apply/progress', '/signin/dev'];

  it('when the sources are read, then each form route is one of those checked here', () => {
    expect(postedRoutes()).toEqual([...SIGNED_IN, ...PUBLIC].sort());
  });

  it.each(SIGNED_IN)(
    'when %s is posted by a signed-in holder of every role without its CSRF token, then 403 csrf_failed and the log does not grow',
    async (route) => {
      const everyRole = new Jar();
      const token = f.t.token('root', AGENCY, ['admin', 'officer', 'reviewer', 'supervisor'], [AGENCY]);
      expect((await browse(f.t.url, everyRole, '/signin/dev', { form: { token } })).res.status).toBe(303);
      const head = await f.t.service.events.headPosition();
      const { res, text } = await browse(f.t.url, everyRole, filled(route), {
        form: {
          reason: '无',
          reviewWorkingDays: '12',
          name: '某机关',
          change: 'suspension',
          revokedFrom: '2026-03-02T09:00',
          'data.description': '现场照片',
        },
        headers: { accept: 'application/json' },
      });
      expect({ route, status: res.status, code: JSON.parse(text).code }).toEqual({
        route,
        status: 403,
        code: 'csrf_failed',
      });
      expect(await f.t.service.events.headPosition()).toEqual(head);
      // the session lives on: the refusal came before the route, sign-out included
      expect((await browse(f.t.url, everyRole, '/work')).res.status).toBe(200);
    },
  );

  it.each(PUBLIC)('when %s is posted from another site, then 403 csrf_failed and no cookie is set', async (route) => {
    const { res, text } = await browse(f.t.url, new Jar(), route, {
      form: { token: f.alice, agency: AGENCY, id: 'x', code: 'y' },
      headers: { accept: 'application/json', origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' },
    });
    expect({ route, status: res.status, code: JSON.parse(text).code }).toEqual({
      route,
      status: 403,
      code: 'csrf_failed',
    });
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
