import { agencyProfileStream } from '../../src/domain/registry/agency-profile.js';
import { browse, csrfOf, Jar } from '../support/portal-session.js';
import { AGENCY, OTHER, page, startScreensService, type ScreensFixture } from '../support/screens.js';

// The agency's public profile (行政执法主体): the administrator's form, and every page showing the agency by the
// name it records rather than its code.

let f: ScreensFixture;
let jar: Jar;

beforeAll(async () => {
  f = await startScreensService();
  jar = new Jar();
  expect((await browse(f.t.url, jar, '/signin/dev', { form: { token: f.admin } })).res.status).toBe(303);
}, 60_000);
afterAll(() => f.t.stop());

const PATH = '/admin/agency-profile';
const NAME = '某县司法局';
const recorded = async () => (await f.t.service.events.readStream(agencyProfileStream(AGENCY))).map((r) => r.event);

/** Sends the form with the session, its CSRF token and the submission key the page gave (unless one is given). */
async function send(form: Record<string, string>) {
  const shown = await browse(f.t.url, jar, PATH);
  const key = /name="_submission" value="([^"]+)"/.exec(shown.text)?.[1] ?? '';
  return browse(f.t.url, jar, PATH, { form: { _csrf: csrfOf(shown.text), _submission: key, ...form } });
}

const full = {
  name: NAME,
  address: '某县人民路1号',
  hours: '工作日 8:30—12:00，14:30—17:30',
  telephone: '0000-1234567',
  supervisionTelephone: '12345',
  reason: '',
};

describe("the agency's public profile", () => {
  it('when the agency has recorded none, then the screen says the pages show its code, and the public pages do', async () => {
    const { res, text } = await browse(f.t.url, jar, PATH);
    expect(res.status).toBe(200);
    expect(text).toContain('<h1>本机关公开信息</h1>');
    expect(text).toContain(`本机关尚未登记公开信息，各页面以机关代码“${AGENCY}”显示本机关。`);
    expect(text).toMatch(/<label for="f-name">机关名称<\/label>/);
    expect(text).toContain(`<a href="${PATH}"  aria-current="page">`);
    const officers = await page(f, `/officers?agency=${AGENCY}`);
    expect(officers.text).toContain(`<td>${AGENCY}</td>`);
    expect((await page(f, '/agencies')).text).toContain('暂无执法机关登记公开信息。');
  });

  it('when the form is sent, then AgencyProfileSet is recorded as the API records it, and the pages show the name', async () => {
    const { res } = await send(full);
    expect(res.status).toBe(303);
    // the write's position, so that the page's header names the agency by its new name
    expect(res.headers.get('location')).toMatch(new RegExp(`^${PATH}\\?saved=1&consistentWith=\\d+$`));
    const events = await recorded();
    expect(events).toHaveLength(1);
    const { reason: _reason, ...profile } = full;
    expect(events[0]).toMatchObject({ type: 'AgencyProfileSet', actor: { agency: AGENCY }, data: profile });
    expect(events[0]!.data).not.toHaveProperty('reason'); // left empty: no member
    const api = await f.t.call('GET', `/v1/agencies/${AGENCY}/profile`);
    expect(api.body).toMatchObject({ version: 1, profile });

    const { text } = await browse(f.t.url, jar, res.headers.get('location')!);
    expect(text).toContain('已保存，已记入账本。');
    expect(text).toContain(`<dd>${profile.address}</dd>`);
    expect(text).toContain(`value="${NAME}"`); // the form filled in with the profile as it stands
    expect(text).toContain(`<code>${events[0]!.hash.slice(0, 16)}…</code>`);
    // the header names the signed-in user's agency by its name
    expect(text).toContain(`<span class="who">head-county-justice · ${NAME}</span>`);

    const consistent = `consistentWith=${(await f.t.call('GET', '/v1/ledger/checkpoint')).body.size}`;
    const officers = await page(f, `/officers?agency=${AGENCY}&${consistent}`);
    expect(officers.text).toContain(`<td>${NAME}</td>`);
    expect(officers.text).toContain(`<option value="${AGENCY}" selected>${NAME}</option>`);
    expect(officers.text).toContain(`<option value="${OTHER}" >${OTHER}</option>`); // the other recorded none
    const items = await page(f, `/items?${consistent}`);
    expect(items.text).toContain(`<td>${NAME}</td>`);
    const agencies = await page(f, `/agencies?${consistent}`);
    expect(agencies.status).toBe(200);
    expect(agencies.text).toContain(`<h2 id="agency-${AGENCY}">${NAME}</h2>`);
    expect(agencies.text).toContain(`<dd>${profile.supervisionTelephone}</dd>`);
    expect(agencies.text).toContain(`href="/officers?agency=${AGENCY}"`);
  });

  it('when the same form is sent twice (a double click), then it records once', async () => {
    const shown = await browse(f.t.url, jar, PATH);
    const form = {
      _csrf: csrfOf(shown.text),
      _submission: /name="_submission" value="([^"]+)"/.exec(shown.text)![1]!,
      ...full,
      name: '某县司法局（更名）',
      reason: '机构更名',
    };
    const first = await browse(f.t.url, jar, PATH, { form });
    const second = await browse(f.t.url, jar, PATH, { form });
    expect([first.res.status, second.res.status]).toEqual([303, 303]);
    const events = await recorded();
    expect(events).toHaveLength(2);
    expect(events[1]!.data).toMatchObject({ name: '某县司法局（更名）', reason: '机构更名' });
  });

  it('when the form is sent with the profile as it stands, then it comes back saying there is nothing to save', async () => {
    const before = (await recorded()).length;
    const { res, text } = await send({ ...full, name: '某县司法局（更名）' });
    expect(res.status).toBe(409);
    expect(text).toContain('内容与当前有效的相同，没有需要保存的修改。');
    expect(await recorded()).toHaveLength(before);
  });

  it.each([
    [{ name: '' }, 'f-name', '请填写“机关名称”。'],
    [{ name: '局'.repeat(101) }, 'f-name', '“机关名称”太长：最多 100 个字。'],
    [{ name: ' \u3000 ' }, 'f-name', '请填写“机关名称”。'],
    [{ telephone: '0000\t123' }, 'f-telephone', '“办公电话”的写法不符合要求，请对照说明填写。'],
  ])(
    'when the form is sent with %p, then it comes back naming the field, and nothing is recorded',
    async (changed, id, message) => {
      const before = (await recorded()).length;
      const { res, text } = await send({ ...full, ...changed });
      expect(res.status).toBe(400);
      expect(text).toContain(`<a href="#${id}">${message}</a>`);
      expect(text).toMatch(new RegExp(`id="${id}"[^>]*aria-invalid="true"`));
      expect(await recorded()).toHaveLength(before);
    },
  );

  it('when a line is typed with spaces around it, then it is recorded without them, and the history says what changed', async () => {
    const { res } = await send({
      ...full,
      name: '某县司法局（更名）',
      hours: '  工作日 9:00—17:00\u3000',
      reason: '调整办公时间',
    });
    expect(res.status).toBe(303);
    const events = await recorded();
    expect(events.at(-1)!.data).toMatchObject({ hours: '工作日 9:00—17:00' });
    const { text } = await browse(f.t.url, jar, PATH);
    // the latest version changed the hours only
    expect(text).toMatch(new RegExp(`<td>${events.length}</td>\\s*<td>某县司法局（更名）</td>\\s*<td>办公时间</td>`));
  });

  it("when another administrator changes the profile after the form was shown, then sending it records this form's change and keeps theirs", async () => {
    const shown = await browse(f.t.url, jar, PATH);
    const shownValue = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(shown.text)?.[1] ?? '';
    const form = {
      _csrf: csrfOf(shown.text),
      _submission: shownValue('_submission'),
      _shown: shownValue('_shown'),
      ...Object.fromEntries(['name', 'address', 'hours', 'supervisionTelephone'].map((m) => [m, shownValue(m)])),
      telephone: '0000-7654321', // the one change this form makes
      reason: '',
    };
    expect(form._shown).not.toBe('');
    const current = (await f.t.call('GET', `/v1/agencies/${AGENCY}/profile`)).body.profile;
    const meanwhile = await f.t.call('PUT', `/v1/agencies/${AGENCY}/profile`, {
      token: f.admin,
      body: { agency: AGENCY, ...current, address: '某县新区1号', reason: '搬迁' },
    });
    expect(meanwhile.status).toBe(201);
    const sent = await browse(f.t.url, jar, PATH, { form });
    expect(sent.res.status).toBe(303);
    const data = (await recorded()).at(-1)!.data;
    expect(data).toMatchObject({ telephone: '0000-7654321', address: '某县新区1号' });
    expect(data).toMatchObject({ name: current.name, hours: current.hours });
    // the same form again (a double click): recorded once
    const before = (await recorded()).length;
    expect((await browse(f.t.url, jar, PATH, { form })).res.status).toBe(303);
    expect(await recorded()).toHaveLength(before);
  });

  it("when the name is another agency's, then the form says so at the name, and nothing is recorded", async () => {
    const other = f.t.token('head-other', OTHER, ['admin']);
    const named = await f.t.call('PUT', `/v1/agencies/${OTHER}/profile`, {
      token: other,
      body: { agency: OTHER, name: '某市市场监督管理局' },
    });
    expect(named.status).toBe(201);
    const before = (await recorded()).length;
    const { res, text } = await send({ ...full, name: '某市 市场监督管理局' });
    expect(res.status).toBe(409);
    expect(text).toContain(
      `<a href="#f-name">另一执法机关（${OTHER}）已使用这一名称。请填写本机关的全称，以便公众区分。</a>`,
    );
    expect(await recorded()).toHaveLength(before);
  });

  it('when an agency has published only its profile, then the public pages know it: its filters choose it and its pages answer', async () => {
    const town = 'town-office';
    const set = await f.t.call('PUT', `/v1/agencies/${town}/profile`, {
      token: f.t.token('head-town', town, ['admin']),
      body: { agency: town, name: '某镇综合行政执法办公室' },
    });
    expect(set.status).toBe(201);
    const consistent = `consistentWith=${set.body.position}`;
    for (const list of ['/officers', '/items', '/disclosures']) {
      const shown = await page(f, `${list}?agency=${town}&${consistent}`);
      expect({ list, status: shown.status }).toEqual({ list, status: 200 });
      expect(shown.text).toContain(`<option value="${town}" selected>某镇综合行政执法办公室</option>`);
    }
    for (const other of [`/statistics?agency=${town}`, `/recording-list?agency=${town}`]) {
      expect({ other, status: (await page(f, other)).status }).toEqual({ other, status: 200 });
    }
    const stats = await page(f, `/statistics?agency=${town}`);
    expect(stats.text).toContain('某镇综合行政执法办公室');
    // a page past the last: none after it, not "no agency has published"
    const first = await page(f, '/agencies?limit=100');
    expect(first.text).not.toContain('下一页');
    // a cursor of the list's own shape that lies after every agency
    const { next } = (await f.t.call('GET', '/v1/agencies?limit=1')).body;
    const [value, , list] = JSON.parse(Buffer.from(next, 'base64url').toString('utf8')) as [unknown, string, string];
    const after = Buffer.from(JSON.stringify([value, '~', list])).toString('base64url');
    const past = await page(f, `/agencies?cursor=${after}`);
    expect(past.status).toBe(200);
    expect(past.text).toContain('没有符合条件的记录。');
    expect(past.text).not.toContain('暂无执法机关登记公开信息。');
  });

  it('when someone who is not an administrator opens or sends the screen, then 403 and nothing is recorded', async () => {
    const before = (await recorded()).length;
    expect((await page(f, PATH, f.alice)).status).toBe(403);
    const officer = await fetch(f.t.url + PATH, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', authorization: `Bearer ${f.alice}` },
      body: new URLSearchParams({ name: '越权' }),
    });
    expect(officer.status).toBe(403);
    expect(await recorded()).toHaveLength(before);
  });
});
