import { officerStream } from '../../src/domain/registry/officers.js';
import { browse, csrfOf, Jar, rowWithCode } from '../support/portal-session.js';
import { ROSTER_PAGE } from '../../src/app/officer-roster.js';
import { AGENCY, startScreensService, type ScreensFixture } from '../support/screens.js';

let f: ScreensFixture;
let jar: Jar;

beforeAll(async () => {
  f = await startScreensService();
  jar = new Jar();
  expect((await browse(f.t.url, jar, '/signin/dev', { form: { token: f.admin } })).res.status).toBe(303);
}, 60_000);
afterAll(() => f.t.stop());

const PATH = '/admin/officers';
const statusEvents = async (officerId: string) =>
  (await f.t.service.events.readStream(officerStream(AGENCY, officerId)))
    .map((r) => r.event)
    .filter((e) => ['OfficerSuspended', 'OfficerReinstated', 'OfficerRetired'].includes(e.type));

/** Sends an officer's form with the session (and its CSRF token unless told otherwise). */
async function send(officerId: string, form: Record<string, string>, withToken = true) {
  const shown = await browse(f.t.url, jar, `${PATH}/${officerId}`);
  const token: Record<string, string> = withToken ? { _csrf: csrfOf(shown.text) } : {};
  return browse(f.t.url, jar, `${PATH}/${officerId}`, { form: { ...token, ...form } });
}

describe("the administrator's screen of the agency's officers (执法人员管理)", () => {
  it("when the admin opens it, then every officer of the agency is listed with their certificate and standing, and another agency's are not", async () => {
    const { res, text } = await browse(f.t.url, jar, PATH);
    expect(res.status).toBe(200);
    expect(text).toContain('<h1>执法人员管理</h1>');
    expect(text).toContain('<a href="/admin/officers"  aria-current="page">');
    expect(rowWithCode(text, 'bob')).toBe('bob 执法人员bob 1405-bob 2018-01-01 至 2030-12-31 在岗 管理');
    expect(text).toContain('aria-label="管理：执法人员bob"');
    for (const id of ['alice', 'rita']) expect(rowWithCode(text, id)).toContain('在岗');
    expect(text).not.toContain('<code>olga</code>');
  });

  it('when an officer (not the admin) asks for it, then 403 and no form', async () => {
    const officer = new Jar();
    await browse(f.t.url, officer, '/signin/dev', { form: { token: f.alice } });
    expect((await browse(f.t.url, officer, PATH)).res.status).toBe(403);
    expect((await browse(f.t.url, officer, `${PATH}/bob`)).res.status).toBe(403);
    // a form sent by an officer is answered by the same page, not by the admin's form with the refusal on it
    const sent = await browse(f.t.url, officer, `${PATH}/bob`, { form: { change: 'suspension', reason: '暂停' } });
    expect(sent.res.status).toBe(403);
    expect(sent.text).not.toContain('name="change"');
    expect(sent.text).not.toContain('管理执法人员');
  });

  it("when another agency's supervisor opens the form or sends it, then 403 both ways, and nothing is recorded", async () => {
    const supervisor = new Jar();
    await browse(f.t.url, supervisor, '/signin/dev', { form: { token: f.sam } });
    expect((await browse(f.t.url, supervisor, `${PATH}/bob`)).res.status).toBe(403);
    const before = (await statusEvents('bob')).length;
    const home = await browse(f.t.url, supervisor, '/');
    const sent = await browse(f.t.url, supervisor, `${PATH}/bob`, {
      form: { _csrf: csrfOf(home.text), change: 'suspension', reason: '暂停' },
    });
    expect(sent.res.status).toBe(403);
    expect(sent.text).not.toContain('name="change"');
    expect((await statusEvents('bob')).length).toBe(before);
  });

  it('when the admin suspends an officer with a reason, then OfficerSuspended is recorded as the API records it, the roster shows it, and only reinstatement or retirement is offered next', async () => {
    const form = await browse(f.t.url, jar, `${PATH}/bob`);
    expect(form.text).toContain('<dd id="officer-status">在岗</dd>');
    expect(form.text).toContain('暂停执法资格');
    expect(form.text).not.toContain('恢复执法资格');

    const { res } = await send('bob', { change: 'suspension', reason: '涉嫌违规执法，暂停执法资格' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/officers\?saved=bob&consistentWith=\d+$/);
    const events = await statusEvents('bob');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'OfficerSuspended',
      actor: { agency: AGENCY, roles: ['admin'] },
      data: { reason: '涉嫌违规执法，暂停执法资格' },
    });
    const roster = await browse(f.t.url, jar, location);
    expect(roster.text).toContain('执法人员bob的状态已变更，并已记入账本。');
    expect(rowWithCode(roster.text, 'bob')).toContain('暂停执法');
    const public_ = await f.t.call('GET', `/v1/officers?agency=${AGENCY}&status=suspended`);
    expect(public_.body.items.map((o: { certificateNo: string }) => o.certificateNo)).toEqual(['1405-bob']);

    const next = await browse(f.t.url, jar, `${PATH}/bob`);
    expect(next.text).toContain('<dd id="officer-status">暂停执法</dd>');
    expect(next.text).toContain('恢复执法资格');
    expect(next.text).not.toContain('value="suspension"');
    // a stale form asking to suspend again is refused on the change, and nothing is recorded
    const stale = await send('bob', { change: 'suspension', reason: '再次暂停' });
    expect(stale.res.status).toBe(400);
    expect(stale.text).toContain('href="#f-change"');
    const back = await send('bob', { change: 'reinstatement', reason: '调查结束' });
    expect(back.res.status).toBe(303);
    expect((await statusEvents('bob')).map((e) => e.type)).toEqual(['OfficerSuspended', 'OfficerReinstated']);
  });

  it('when the form has no reason or no change, or comes without its CSRF token, then it is refused with what was typed kept, and nothing is recorded', async () => {
    const noReason = await send('alice', { change: 'suspension', reason: '' });
    expect(noReason.res.status).toBe(400);
    expect(noReason.text).toContain('<div class="error-summary" role="alert"');
    expect(noReason.text).toContain('href="#f-reason"');
    expect(noReason.text).toMatch(/value="suspension"\s+checked/);
    const noChange = await send('alice', { reason: '暂停' });
    expect(noChange.res.status).toBe(400);
    expect(noChange.text).toContain(
      '<textarea id="f-reason" name="reason" rows="3"  required aria-describedby="f-reason-hint">暂停</textarea>',
    );
    // neither: both are named at once, not the change first and the reason on the next try
    const neither = await send('alice', { reason: '' });
    expect(neither.res.status).toBe(400);
    expect(neither.text).toContain('href="#f-change"');
    expect(neither.text).toContain('href="#f-reason"');
    const forged = await send('alice', { change: 'suspension', reason: '暂停' }, false);
    expect(forged.res.status).toBe(403);
    expect(await statusEvents('alice')).toEqual([]);
  });

  it("when the admin retires an officer, then their page offers no change of status and says why (their keys are still managed there); another agency's officer is not found", async () => {
    expect((await send('rita', { change: 'retirement', reason: '调离执法岗位' })).res.status).toBe(303);
    const roster = await browse(f.t.url, jar, `${PATH}?consistentWith=${await f.t.service.events.headPosition()}`);
    // still managed there: a retired officer's keys are revoked on their page
    expect(rowWithCode(roster.text, 'rita')).toMatch(/已注销 管理$/);
    const page = await browse(f.t.url, jar, `${PATH}/rita`);
    expect(page.text).toContain('该人员已离岗，状态不能再变更。');
    expect(page.text).not.toContain('<form method="post"');
    expect((await browse(f.t.url, jar, `${PATH}/olga`)).res.status).toBe(404);
    expect((await browse(f.t.url, jar, `${PATH}/nobody`)).res.status).toBe(404);
    const en = await browse(f.t.url, jar, `${PATH}?lang=en`);
    expect(en.text).toContain('<h1>Enforcement officers</h1>');
    await browse(f.t.url, jar, `${PATH}?lang=zh-CN`);
  });

  it('when the agency has more officers than a page holds, then the roster pages through them by id, and an officer past the first page is managed and named after a change', async () => {
    for (let i = 0; i < ROSTER_PAGE; i++) {
      const officerId = `p-${String(i).padStart(3, '0')}`;
      const registered = await f.t.call('POST', '/v1/officers', {
        token: f.admin,
        body: {
          officerId,
          name: `执法人员${officerId}`,
          agency: AGENCY,
          certificateNo: `1405-${officerId}`,
          validFrom: '2018-01-01',
          validTo: '2030-12-31',
          roles: ['officer'],
        },
      });
      expect(registered.status).toBe(201);
    }
    const ids = (text: string) => [...text.matchAll(/<td><code>([^<]+)<\/code><\/td>/g)].map((m) => m[1]!);
    // the roster is read from the read models: once they hold every registration
    await f.t.service.readModelsCaughtUp();
    const first = await browse(f.t.url, jar, PATH);
    expect(first.res.status).toBe(200);
    const onFirst = ids(first.text);
    expect(onFirst).toHaveLength(ROSTER_PAGE);
    expect(onFirst).toEqual([...onFirst].sort());
    const next = /<a rel="next" href="([^"]+)"/.exec(first.text)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toMatch(/^\/admin\/officers\?cursor=/);
    const second = await browse(f.t.url, jar, next!);
    const onSecond = ids(second.text);
    expect(onSecond.length).toBeGreaterThan(0);
    expect(onSecond[0]! > onFirst.at(-1)!).toBe(true);
    expect(second.text).not.toContain('rel="next"');
    expect(second.text).toContain('<a href="/admin/officers">');
    // every officer of the agency, each once
    const all = [...onFirst, ...onSecond];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(['alice', 'bob', 'p-000', 'p-099', 'rita']));

    // the last registered officer sorts past the first page (ids in order: alice, bob, …, p-000 … p-099, …)
    expect(onSecond).toContain('p-099');
    const last = 'p-099';
    expect((await browse(f.t.url, jar, `${PATH}/${last}`)).res.status).toBe(200);
    const suspended = await send(last, { change: 'suspension', reason: '接受调查' });
    expect(suspended.res.status).toBe(303);
    const saved = await browse(f.t.url, jar, suspended.res.headers.get('location')!);
    expect(saved.text).toMatch(new RegExp(`<p class="notice" role="status">[^<]*执法人员${last}`));

    expect((await browse(f.t.url, jar, `${PATH}?cursor=not-a-cursor`)).res.status).toBe(400);
  });
});
