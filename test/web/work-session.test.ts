import { randomBytes } from 'node:crypto';
import { caseStream } from '../../src/domain/case/acts.js';
import { browse, csrfOf, Jar } from '../support/portal-session.js';
import { AGENCY, DAY, openCase, startScreensService, type ScreensFixture } from '../support/screens.js';

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
      body.append('medium', new Blob([randomBytes(2048)], { type: 'image/jpeg' }), 'p.jpg');
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
