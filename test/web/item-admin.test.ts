import { ITEMS_PAGE } from '../../src/app/agency-items.js';
import { itemStream } from '../../src/domain/registry/items.js';
import { browse, csrfOf, Jar, rowWithCode } from '../support/portal-session.js';
import { AGENCY, DAY, OTHER, startScreensService, type ScreensFixture } from '../support/screens.js';

let f: ScreensFixture;
let jar: Jar;

/** Registers an enforcement item through the API as the agency's admin. */
async function registerItem(agency: string, code: string, name: string, category = 'penalty') {
  const res = await f.t.call('POST', '/v1/items', {
    token: f.t.token(`head-${agency}`, agency, ['admin']),
    body: { code, agency, name, category, legalBasis: '《行政许可法》第十二条' },
  });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  f = await startScreensService();
  // besides the fixture's P-001 of each agency: a licensing item of the county, and an item only the city has
  await registerItem(AGENCY, 'L-002', '律师事务所设立许可', 'licensing');
  await registerItem(OTHER, 'M-100', '市场主体登记检查', 'inspection');
  await f.t.service.readModelsCaughtUp();
  jar = new Jar();
  expect((await browse(f.t.url, jar, '/signin/dev', { form: { token: f.admin } })).res.status).toBe(303);
}, 60_000);
afterAll(() => f.t.stop());

const PATH = '/admin/items';
const retirements = async (agency: string, code: string) =>
  (await f.t.service.events.readStream(itemStream(agency, code)))
    .map((r) => r.event)
    .filter((e) => e.type === 'ItemRetired');

/** Sends an item's retirement form with the session (and its CSRF token unless told otherwise). */
async function send(code: string, form: Record<string, string>, withToken = true) {
  const shown = await browse(f.t.url, jar, `${PATH}/${code}`);
  const token: Record<string, string> = withToken ? { _csrf: csrfOf(shown.text) } : {};
  return browse(f.t.url, jar, `${PATH}/${code}`, { form: { ...token, ...form } });
}

describe("the administrator's screen of the agency's enforcement items (执法事项管理)", () => {
  it("when the admin opens it, then every item of the agency is listed with its category and status, and another agency's are not", async () => {
    const { res, text } = await browse(f.t.url, jar, PATH);
    expect(res.status).toBe(200);
    expect(text).toContain('<h1>执法事项管理</h1>');
    expect(text).toContain('<a href="/admin/items"  aria-current="page">');
    // beside the officers' screen in the navigation
    const nav = /<nav aria-label="主导航">([\s\S]*?)<\/nav>/.exec(text)![1]!;
    const links = [...nav.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
    const officers = links.indexOf('执法人员管理 /admin/officers');
    expect(officers).toBeGreaterThan(0);
    expect(links[officers + 1]).toBe('执法事项管理 /admin/items');
    expect(rowWithCode(text, 'P-001')).toBe('P-001 未按规定公示执业信息 行政处罚 有效 管理');
    expect(rowWithCode(text, 'L-002')).toBe('L-002 律师事务所设立许可 行政许可 有效 管理');
    expect(text).toContain('aria-label="管理执法事项：律师事务所设立许可（查看、修改或停用）"');
    expect(text).not.toContain('M-100');
    expect(text).not.toContain('市场主体登记检查');
  });

  it('when an officer (not the admin) asks for it, then 403, and the navigation does not offer it', async () => {
    const officer = new Jar();
    await browse(f.t.url, officer, '/signin/dev', { form: { token: f.alice } });
    expect((await browse(f.t.url, officer, PATH)).res.status).toBe(403);
    expect((await browse(f.t.url, officer, `${PATH}/P-001`)).res.status).toBe(403);
    const work = await browse(f.t.url, officer, '/work');
    expect(work.res.status).toBe(200);
    expect(work.text).not.toContain('href="/admin/items"');
  });

  it("when the admin opens an item, then its fields and the retirement form show; another agency's item, or none, is not found", async () => {
    const { res, text } = await browse(f.t.url, jar, `${PATH}/L-002`);
    expect(res.status).toBe(200);
    expect(text).toContain('<h1>执法事项：律师事务所设立许可</h1>');
    expect(text).toContain('<dd>《行政许可法》第十二条</dd>');
    expect(text).toContain('<dd>行政许可</dd>');
    expect(text).toContain('<dd id="item-status">有效</dd>');
    expect(text).toContain('<form method="post" action="/admin/items/L-002"');
    expect(text).toContain('<label for="f-reason">停用理由</label>');
    for (const code of ['M-100', 'nobody', 'not%20a%20code']) {
      expect((await browse(f.t.url, jar, `${PATH}/${code}`)).res.status).toBe(404);
    }
    // a retirement posted for the other agency's item is not found either, and its stream is untouched
    const posted = await browse(f.t.url, jar, `${PATH}/M-100`, { form: { _csrf: csrfOf(text), reason: '越权停用' } });
    expect(posted.res.status).toBe(404);
    expect(await retirements(OTHER, 'M-100')).toEqual([]);
  });

  it('when the form has no reason, a reason too long, or comes without its CSRF token, then it is refused with what was typed kept, and nothing is recorded', async () => {
    const noReason = await send('P-001', { reason: '' });
    expect(noReason.res.status).toBe(400);
    expect(noReason.text).toContain('<div class="error-summary" role="alert"');
    // whichever form it is, the page brings the script that focuses the summary
    expect(noReason.text).toMatch(/<script[^>]+src="\/assets\/forms\.js/);
    expect(noReason.text).toContain('<a href="#f-reason">请填写“停用理由”。</a>');
    expect(noReason.text).toContain('aria-invalid="true"');
    const long = 'x'.repeat(10_001);
    const tooLong = await send('P-001', { reason: long });
    expect(tooLong.res.status).toBe(400);
    expect(tooLong.text).toContain(`>${long}</textarea>`);
    const forged = await send('P-001', { reason: '依据已废止' }, false);
    expect(forged.res.status).toBe(403);
    expect(await retirements(AGENCY, 'P-001')).toEqual([]);
    const page = await browse(f.t.url, jar, `${PATH}/P-001`);
    expect(page.text).toContain('<dd id="item-status">有效</dd>');
  });

  it('when the admin retires an item with a reason, then ItemRetired is recorded on its stream with the reason, the list names it and shows it retired with no action, and its page offers no form', async () => {
    const { res } = await send('L-002', { reason: '《行政许可法》修订，该许可事项取消' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/items\?saved=L-002&consistentWith=\d+$/);
    const events = await retirements(AGENCY, 'L-002');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ItemRetired',
      actor: { agency: AGENCY, roles: ['admin'] },
      data: { reason: '《行政许可法》修订，该许可事项取消' },
    });

    const list = await browse(f.t.url, jar, location);
    expect(list.text).toContain(
      '<p class="notice" role="status">执法事项“律师事务所设立许可”（L-002）已停用，并已记入账本。</p>',
    );
    expect(rowWithCode(list.text, 'L-002')).toBe('L-002 律师事务所设立许可 行政许可 已停用');
    expect(list.text).not.toContain('href="/admin/items/L-002"');
    expect(rowWithCode(list.text, 'P-001')).toBe('P-001 未按规定公示执业信息 行政处罚 有效 管理');

    const page = await browse(f.t.url, jar, `${PATH}/L-002`);
    expect(page.text).toContain('<dd id="item-status">已停用</dd>');
    expect(page.text).toContain('该执法事项已停用：不能再以其立案，也不能再次停用。');
    expect(page.text).not.toContain('<form method="post"');

    // the same retirement the API records: the public list shows it retired, and no case opens under it
    const listed = await f.t.call('GET', `/v1/items?agency=${AGENCY}`);
    const retired = listed.body.items.find((i: { code: string }) => i.code === 'L-002');
    expect(retired).toMatchObject({ retired: true });
    const opened = await f.t.call('POST', '/v1/cases', {
      token: f.alice,
      body: {
        caseId: 'under-retired',
        itemCode: 'L-002',
        title: '已停用事项立案',
        openedOn: DAY,
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某某律师事务所' }],
      },
    });
    expect(opened.body.code).toBe('item_unknown');

    // a stale form sent again is refused by the rules, with the reason in plain words, and nothing more is recorded
    const stale = await browse(f.t.url, jar, `${PATH}/L-002`, {
      form: { _csrf: csrfOf((await browse(f.t.url, jar, `${PATH}/P-001`)).text), reason: '再次停用' },
    });
    expect(stale.res.status).toBe(409);
    expect(stale.text).toContain('该执法事项已停用。');
    expect(await retirements(AGENCY, 'L-002')).toHaveLength(1);
  });

  it('when the page is asked for in English, then it renders in English', async () => {
    const en = await browse(f.t.url, jar, `${PATH}?lang=en`);
    expect(en.res.status).toBe(200);
    expect(en.text).toContain('<h1>Manage enforcement items</h1>');
    expect(rowWithCode(en.text, 'P-001')).toBe('P-001 未按规定公示执业信息 Penalty Current Manage');
    const item = await browse(f.t.url, jar, `${PATH}/P-001`);
    expect(item.text).toContain('<label for="f-reason">Reason for retiring</label>');
    await browse(f.t.url, jar, `${PATH}?lang=zh-CN`);
  });

  it('when the agency has more items than a page holds, then the list pages through them by code, and an item past the first page is retired and named after it', async () => {
    for (let i = 0; i < ITEMS_PAGE; i++) await registerItem(AGENCY, `Q-${String(i).padStart(3, '0')}`, `事项${i}`);
    const codes = (text: string) => [...text.matchAll(/<td><code>([^<]+)<\/code><\/td>/g)].map((m) => m[1]!);
    const first = await browse(f.t.url, jar, `${PATH}?consistentWith=${await f.t.service.events.headPosition()}`);
    expect(first.res.status).toBe(200);
    const onFirst = codes(first.text);
    expect(onFirst).toHaveLength(ITEMS_PAGE);
    expect(onFirst).toEqual([...onFirst].sort());
    const next = /<a rel="next" href="([^"]+)"/.exec(first.text)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toMatch(/^\/admin\/items\?cursor=/);
    const second = await browse(f.t.url, jar, next!);
    const onSecond = codes(second.text);
    expect(onSecond.length).toBeGreaterThan(0);
    expect(onSecond[0]! > onFirst.at(-1)!).toBe(true);
    expect(second.text).not.toContain('rel="next"');
    expect(second.text).toContain('<a href="/admin/items">');
    // every item of the agency, each once (L-002, P-001, Q-000 … Q-099)
    const all = [...onFirst, ...onSecond];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(ITEMS_PAGE + 2);

    // the last registered item sorts past the first page
    expect(onSecond).toContain('Q-099');
    const retired = await send('Q-099', { reason: '职责调整' });
    expect(retired.res.status).toBe(303);
    const saved = await browse(f.t.url, jar, retired.res.headers.get('location')!);
    expect(saved.text).toContain('<p class="notice" role="status">执法事项“事项99”（Q-099）已停用，并已记入账本。</p>');

    expect((await browse(f.t.url, jar, `${PATH}?cursor=not-a-cursor`)).res.status).toBe(400);
  }, 120_000);
});
