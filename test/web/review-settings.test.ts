import { reviewSettingsStream } from '../../src/domain/registry/review-settings.js';
import { browse, csrfOf, Jar } from '../support/portal-session.js';
import { AGENCY, OTHER, page, startScreensService, type ScreensFixture } from '../support/screens.js';

let f: ScreensFixture;
let jar: Jar;

beforeAll(async () => {
  f = await startScreensService();
  jar = new Jar();
  expect((await browse(f.t.url, jar, '/signin/dev', { form: { token: f.admin } })).res.status).toBe(303);
}, 60_000);
afterAll(() => f.t.stop());

const PATH = '/admin/review-settings';
const recorded = async () => (await f.t.service.events.readStream(reviewSettingsStream(AGENCY))).map((r) => r.event);

/** Sends the form with the session (and its CSRF token unless told otherwise). */
async function send(form: Record<string, string>, withToken = true) {
  const shown = await browse(f.t.url, jar, PATH);
  return browse(f.t.url, jar, PATH, { form: { ...(withToken ? { _csrf: csrfOf(shown.text) } : {}), ...form } });
}

describe("the administrator's screen of the review time limit (审核时限)", () => {
  it('when the agency has set none, then the screen shows the default, an empty history and the form', async () => {
    const { res, text } = await browse(f.t.url, jar, PATH);
    expect(res.status).toBe(200);
    expect(text).toContain('<h1>法制审核时限</h1>');
    expect(text).toContain('<dd id="review-limit">5个工作日（系统默认）</dd>');
    expect(text).toContain('本机关尚未设定，适用系统默认时限。');
    expect(text).toMatch(/<label for="f-reviewWorkingDays">审核时限（工作日）<\/label>/);
    expect(text).toContain('<a href="/admin/review-settings"  aria-current="page">');
  });

  it('when the form is sent with a number of days and a reason, then ReviewSettingsSet is recorded as the API records it and the screen shows the new limit and its history', async () => {
    const { res } = await send({ reviewWorkingDays: '10', reason: '依局务会决定延长审核时限' });
    expect(res.status).toBe(303);
    // the write's position, so that the page shows it
    expect(res.headers.get('location')).toMatch(new RegExp(`^${PATH}\\?saved=1&consistentWith=\\d+$`));
    const events = await recorded();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ReviewSettingsSet',
      actor: { agency: AGENCY, roles: ['admin'] },
      data: { reviewWorkingDays: 10, reason: '依局务会决定延长审核时限' },
    });
    const api = await f.t.call('GET', `/v1/agencies/${AGENCY}/review-settings`);
    expect(api.body).toMatchObject({ reviewWorkingDays: 10, source: 'agency', version: 1 });
    const { text } = await browse(f.t.url, jar, res.headers.get('location')!);
    expect(text).toContain('审核时限已调整，并已记入账本。');
    expect(text).toContain('<dd id="review-limit">10个工作日（本机关设定，第 1 版）</dd>');
    expect(text).toContain('<td>依局务会决定延长审核时限</td>');
    expect(text).toContain(`<code>${events[0]!.hash.slice(0, 16)}…</code>`);
    // recorded by the service's clock, 10:xx in UTC: shown in the agency's time, 18:xx, with its offset
    const recordedAt = events[0]!.recordedAt;
    expect(recordedAt).toMatch(/^2026-03-02T10:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(text).toContain(`<time datetime="${recordedAt}">2026-03-02 18:${recordedAt.slice(14, 16)} +08:00</time>`);
    const en = await browse(f.t.url, jar, `${PATH}?lang=en`);
    expect(en.text).toContain('10 working days (the agency&#39;s own, version 1)');
    await browse(f.t.url, jar, `${PATH}?lang=zh-CN`); // the language chosen is kept: back to Chinese
  });

  it('when the form is sent again with the limit in force, then it comes back saying there is nothing to save, and nothing is recorded', async () => {
    const before = (await recorded()).length;
    const { res, text } = await send({ reviewWorkingDays: '10', reason: '重复提交' });
    expect(res.status).toBe(409);
    expect(text).toContain('内容与当前有效的相同，没有需要保存的修改。');
    expect(text).toContain('value="10"');
    expect(await recorded()).toHaveLength(before);
  });

  it.each([
    ['0', 'a reason', '审核时限（工作日）', '“审核时限（工作日）”不能小于 1。'],
    ['61', 'a reason', '审核时限（工作日）', '“审核时限（工作日）”不能大于 60。'],
    ['ten', 'a reason', '审核时限（工作日）', '“审核时限（工作日）”应填写整数。'],
    ['10', '', '调整理由', '请填写“调整理由”。'],
  ])(
    'when the days are %p and the reason %p, then the form comes back with what is wrong with that field, what was typed kept, and nothing is recorded',
    async (days, reason, label, message) => {
      const before = (await recorded()).length;
      const { res, text } = await send({ reviewWorkingDays: days, reason });
      expect(res.status).toBe(400);
      const field = label === '调整理由' ? 'f-reason' : 'f-reviewWorkingDays';
      expect(text).toContain(`<a href="#${field}">${message}</a>`);
      expect(text).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
      if (days !== '10') expect(text).toContain(`value="${days}"`);
      expect(await recorded()).toHaveLength(before);
    },
  );

  it('when the form is sent without its CSRF token, or from another site, then 403 csrf_failed and nothing is recorded', async () => {
    const before = (await recorded()).length;
    const missing = await send({ reviewWorkingDays: '12', reason: '无令牌' }, false);
    expect(missing.res.status).toBe(403);
    const shown = await browse(f.t.url, jar, PATH);
    const foreign = await browse(f.t.url, jar, PATH, {
      form: { _csrf: csrfOf(shown.text), reviewWorkingDays: '12', reason: '跨站' },
      headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(foreign.res.status).toBe(403);
    expect(await recorded()).toHaveLength(before);
  });

  it('when someone who is not an administrator opens or sends the screen, then 403 and nothing is recorded; signed out, sign-in', async () => {
    const before = (await recorded()).length;
    expect((await page(f, PATH, f.alice)).status).toBe(403);
    const officer = await fetch(f.t.url + PATH, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', authorization: `Bearer ${f.alice}` },
      body: new URLSearchParams({ reviewWorkingDays: '12', reason: '越权' }),
    });
    expect(officer.status).toBe(403);
    expect(await recorded()).toHaveLength(before);
    const signedOut = await page(f, PATH);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(PATH)}`);
  });

  it("when another agency's administrator sets its limit, then it is that agency's own and the county's stays", async () => {
    const otherAdmin = f.t.token('admin', OTHER, ['admin']);
    const res = await fetch(f.t.url + PATH, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', authorization: `Bearer ${otherAdmin}` },
      body: new URLSearchParams({ reviewWorkingDays: '7', reason: '市场监管局自定' }),
    });
    expect(res.status).toBe(303);
    expect((await f.t.call('GET', `/v1/agencies/${OTHER}/review-settings`)).body.reviewWorkingDays).toBe(7);
    expect((await f.t.call('GET', `/v1/agencies/${AGENCY}/review-settings`)).body.reviewWorkingDays).toBe(10);
  });
});

describe('the supervision page of review time limits', () => {
  it("when a supervisor opens it, then each supervised agency's limit is shown, and ?agency= narrows it", async () => {
    const res = await page(f, '/supervise/reviews', f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h2 id="review-limits">各单位审核时限</h2>');
    expect(res.text).toMatch(new RegExp(`<td>${AGENCY}</td>\\s*<td>10个工作日（本机关设定，第 1 版）</td>`));
    expect(res.text).toMatch(/<td>city-justice<\/td>\s*<td>5个工作日（系统默认）<\/td>/);
    const one = await page(f, `/supervise/reviews?agency=${AGENCY}`, f.sam);
    expect(one.text).toContain(`<td>${AGENCY}</td>`);
    expect(one.text).not.toContain('<td>city-justice</td>');
    const dashboard = await page(f, '/supervise', f.sam);
    expect(dashboard.text).toContain('<a href="/supervise/reviews">各单位审核时限及全部逾期审核</a>');
    expect((await page(f, '/supervise/reviews', f.alice)).status).toBe(403);
  });
});
