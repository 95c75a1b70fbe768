import { readerTrail } from '../../src/app/access-log.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { AGENCY, fixtureClock } from '../support/screens.js';

let t: TestService;
let officer: string;
let admin: string;

beforeAll(async () => {
  t = await startTestService({}, { clock: fixtureClock() });
  ({ officer, admin } = await seedAgency(t, AGENCY, { item: { code: 'L-001', category: 'licensing' } }));
});
afterAll(() => t.stop());

/** Opens a public form as a browser: its HTML, the CSRF cookie it set and the token in the page. */
async function openForm(path: string) {
  const res = await fetch(t.url + path, { headers: { accept: 'text/html' } });
  const text = await res.text();
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = /_csrf=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
  return { status: res.status, text, cookie, token: token ?? '' };
}

function filingForm(overrides: Record<string, string> = {}): FormData {
  const form = new FormData();
  const fields = {
    item: `${AGENCY}/L-001`,
    'applicant.kind': 'person',
    'applicant.name': '王小明',
    'applicant.idNumber': '',
    'applicant.phone': '13800000000',
    'applicant.email': '',
    'applicant.address': '',
    request: '申请律师执业证',
    ...overrides,
  };
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.append(
    'attachment',
    new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))], { type: 'application/pdf' }),
    '申请书.pdf',
  );
  return form;
}

async function postForm(path: string, body: FormData | URLSearchParams, cookie: string) {
  const res = await fetch(t.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
    body,
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/**
 * Files an application through the portal's form as a browser does; its receipt page's text and the id it shows.
 * Resolves once the read models show it, as the officer who then decides it has seen it in the queue.
 */
async function fileOnPortal(overrides: Record<string, string> = {}): Promise<{ id: string; text: string }> {
  const { token, cookie } = await openForm('/apply');
  const filed = await postForm(`/apply?_csrf=${token}`, filingForm(overrides), cookie);
  expect(await t.service.readModelsCaughtUp()).toBe(true);
  return { id: /<code id="receipt-id">([0-9a-f-]{36})<\/code>/.exec(filed.text)![1]!, text: filed.text };
}

const pendingCount = async () =>
  ((await t.call('GET', '/v1/applications', { token: officer })).body.items as unknown[]).length;

describe('filing an application on the portal (网上申请)', () => {
  it('when the filing form is opened, then it lists the licensing items, works without scripts and sets a CSRF cookie', async () => {
    const form = await openForm('/apply');
    expect(form.status).toBe(200);
    expect(form.text).toContain('网上申请行政许可');
    expect(form.text).toContain(`value="${AGENCY}/L-001"`);
    expect(form.text).toMatch(
      /<form method="post" action="\/apply\?_csrf=[A-Za-z0-9_-]{43}" enctype="multipart\/form-data"/,
    );
    expect(form.cookie).toMatch(/^apply_csrf=[A-Za-z0-9_-]{43}$/);
    expect(form.text).not.toMatch(/<script(?![^>]*type="module")/);
  });

  it('when the form is posted without its cookie, then it is refused (403) and nothing is filed', async () => {
    const before = await pendingCount();
    const { token } = await openForm('/apply');
    const res = await postForm(`/apply?_csrf=${token}`, filingForm(), '');
    expect(res.status).toBe(403);
    expect(await pendingCount()).toBe(before);
  });

  it('when a field is wrong, then the form comes back with the error at that field and nothing is filed', async () => {
    const before = await pendingCount();
    const { token, cookie } = await openForm('/apply');
    const res = await postForm(`/apply?_csrf=${token}`, filingForm({ 'applicant.phone': 'call me' }), cookie);
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#f-applicant-phone">“联系电话”的写法不符合要求，请对照说明填写。</a>');
    // the hint the message points to is there, at the field
    expect(res.text).toContain('<p class="hint" id="f-applicant-phone-hint">手机或固定电话');
    // the file it sent is not kept (no browser gives a chosen file back): said at the file field
    expect(res.text).toContain('已选择的 1 个文件未随本次提交保存，请重新选择后再提交。');
    expect(res.text).toContain('value="王小明"');
    // shown at the form's action address, which carries its CSRF token: the language switch leaves it out
    expect(res.text).toContain('<a class="lang" href="/apply?lang=en"');
    expect(res.text).not.toMatch(/href="[^"]*_csrf=/);
    // left empty, it is asked for, not called too short
    const empty = await postForm(`/apply?_csrf=${token}`, filingForm({ 'applicant.phone': '' }), cookie);
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('<a href="#f-applicant-phone">请填写“联系电话”。</a>');
    expect(await pendingCount()).toBe(before);
  });

  it('when an attachment is refused, then the form comes back with what was typed and the error at the attachment', async () => {
    const before = await pendingCount();
    const { token, cookie } = await openForm('/apply');
    const form = filingForm({ request: '申请律师执业证，附视频' });
    form.delete('attachment');
    form.append('attachment', new Blob([new Uint8Array([0, 0, 0, 24])], { type: 'video/mp4' }), '现场.mp4');
    const res = await postForm(`/apply?_csrf=${token}`, form, cookie);
    expect(res.status).toBe(422);
    expect(res.text).toContain('href="#f-attachment"');
    // what was typed comes back: the item chosen, the applicant, the request
    expect(res.text).toMatch(new RegExp(`value="${AGENCY}/L-001"\\s+selected`));
    expect(res.text).toContain('value="王小明"');
    expect(res.text).toContain('value="13800000000"');
    expect(res.text).toContain('申请律师执业证，附视频');
    expect(await pendingCount()).toBe(before);
  });

  it('when no item is chosen, then the error names the item list and links to it, and nothing is filed', async () => {
    const before = await pendingCount();
    const { token, cookie } = await openForm('/apply');
    const res = await postForm(`/apply?_csrf=${token}`, filingForm({ item: '' }), cookie);
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#f-item">请选择“申请事项”。</a>');
    expect(await pendingCount()).toBe(before);
  });

  it('when several fields are wrong, the item among them, then every one is named at once, not one stage at a time', async () => {
    const before = await pendingCount();
    const { token, cookie } = await openForm('/apply');
    const form = filingForm({ item: '', 'applicant.kind': '', 'applicant.name': '', request: '' });
    const res = await postForm(`/apply?_csrf=${token}`, form, cookie);
    expect(res.status).toBe(400);
    for (const [field, message] of [
      ['item', '请选择“申请事项”。'],
      ['applicant-kind', '请选择“申请人类型”。'],
      ['applicant-name', '请填写“姓名或单位名称”。'],
      ['request', '请填写“申请内容”。'],
    ]) {
      expect(res.text).toContain(`<a href="#f-${field}">${message}</a>`);
    }
    expect(await pendingCount()).toBe(before);
  });

  it('when an attachment is refused and a field is wrong too, then both are named at once', async () => {
    const before = await pendingCount();
    const { token, cookie } = await openForm('/apply');
    const form = filingForm({ 'applicant.name': '' });
    form.delete('attachment');
    form.append('attachment', new Blob([new Uint8Array([0, 0, 0, 24])], { type: 'video/mp4' }), '现场.mp4');
    const res = await postForm(`/apply?_csrf=${token}`, form, cookie);
    expect(res.status).toBe(422);
    expect(res.text).toContain('href="#f-attachment"');
    expect(res.text).toContain('<a href="#f-applicant-name">请填写“姓名或单位名称”。</a>');
    expect(await pendingCount()).toBe(before);
  });

  it('when the form is filed, then the receipt shows the id, the lookup code and the ledger badge, and the progress page finds it', async () => {
    const { token, cookie } = await openForm('/apply');
    const res = await postForm(`/apply?_csrf=${token}`, filingForm(), cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const id = /<code id="receipt-id">([0-9a-f-]{36})<\/code>/.exec(res.text)?.[1];
    const code = /<code id="receipt-code">([A-Z2-7]{26})<\/code>/.exec(res.text)?.[1];
    expect([id, code]).toEqual([expect.any(String), expect.any(String)]);
    expect(res.text).toMatch(/id="ledger-badge"[^>]*data-event-id="[0-9a-f-]{36}"/);
    expect(res.text).toContain('/badge.js');

    // the receipt's link carries the filing's log position, and the lookup form posts it, so a lookup made at once
    // waits for the read models to apply the filing instead of answering "not found"
    const link = /<a href="(\/apply\/progress\?[^"]+)"/.exec(res.text)?.[1]?.replaceAll('&amp;', '&');
    const position = new URL(link!, t.url).searchParams.get('consistentWith');
    expect(Number(position)).toBeGreaterThan(0);
    expect(Number(position)).toBeLessThanOrEqual(await t.service.events.headPosition());
    const lookup = await openForm(link!);
    expect(lookup.text).toContain(`<input type="hidden" name="consistentWith" value="${position}" />`);
    const asked = new URLSearchParams({
      _csrf: lookup.token,
      consistentWith: position!,
      agency: AGENCY,
      id: id!,
      code: code!,
    });
    const found = await postForm('/apply/progress', asked, lookup.cookie);
    expect(found.status).toBe(200);
    expect(found.text).toMatch(/<strong id="progress-status">已提交，待受理<\/strong>/);
    expect(found.text).toContain('<dd>未按规定公示执业信息（L-001）</dd>');
    expect(found.text).not.toContain('王小明');

    const wrong = new URLSearchParams({ ...Object.fromEntries(asked), code: 'A'.repeat(26) });
    const refused = await postForm('/apply/progress', wrong, lookup.cookie);
    expect(refused.status).toBe(404);
    expect(refused.text).toContain('未找到该申请，或查询码不正确。');
    expect(refused.text).toContain(`<input type="hidden" name="consistentWith" value="${position}" />`);
    // a code left empty is asked for, at its field, not "not found"
    const empty = new URLSearchParams({ ...Object.fromEntries(asked), code: '' });
    const unfilled = await postForm('/apply/progress', empty, lookup.cookie);
    expect(unfilled.status).toBe(400);
    expect(unfilled.text).toContain('<a href="#f-code">请填写“查询码”。</a>');
    expect(unfilled.text).not.toContain('未找到该申请');

    // a position beyond the log is no write's: refused at once as a bad query, never "not found" (a position the
    // log holds and the read models have not reached is waited for, then 503: test/replicas/read-your-writes)
    const ahead = new URLSearchParams({ ...Object.fromEntries(asked), consistentWith: String(Number(position) + 1e6) });
    expect((await postForm('/apply/progress', ahead, lookup.cookie)).status).toBe(400);
    // a value that is no position is ignored, as on a form opened from the menu
    const odd = await openForm(`/apply/progress?agency=${AGENCY}&id=${id}&consistentWith=-1`);
    expect(odd.text).not.toContain('name="consistentWith"');

    // the receipt gives the agency's code beside its name; the lookup takes either, and text that is neither is a
    // miss like any other (never a bad query's code)
    expect(res.text).toContain(`<code id="receipt-agency">${AGENCY}</code>`);
    const profile = { agency: AGENCY, name: '某县司法局', address: '某县人民路1号', telephone: '0000-1234567' };
    const put = await t.call('PUT', `/v1/agencies/${AGENCY}/profile`, { token: admin, body: profile });
    expect(put.status).toBe(201);
    const byName = new URLSearchParams({
      ...Object.fromEntries(asked),
      agency: ' 某县司法局 ',
      consistentWith: String(put.body.position),
    });
    const foundByName = await postForm('/apply/progress', byName, lookup.cookie);
    expect(foundByName.status).toBe(200);
    expect(foundByName.text).toMatch(/<strong id="progress-status">已提交，待受理<\/strong>/);
    for (const agency of ['某市司法局', 'no such agency']) {
      const miss = await postForm(
        '/apply/progress',
        new URLSearchParams({ ...Object.fromEntries(byName), agency }),
        lookup.cookie,
      );
      expect([agency, miss.status]).toEqual([agency, 404]);
      expect(miss.text).toContain('未找到该申请，或查询码不正确。');
      expect(miss.text).not.toContain('invalid_query');
    }
  });

  it('when the filing form is sent twice, then one application is filed and both answers show its receipt and code', async () => {
    const before = await pendingCount();
    const form = await openForm('/apply');
    const key = /name="_submission" value="([0-9a-f-]{36})"/.exec(form.text)?.[1];
    expect(key).toEqual(expect.any(String));
    const send = (overrides: Record<string, string> = {}) => {
      const body = filingForm(overrides);
      body.set('_submission', key!);
      return postForm(`/apply?_csrf=${form.token}`, body, form.cookie);
    };
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([200, 200]);
    const idOf = (text: string) => /<code id="receipt-id">([0-9a-f-]{36})<\/code>/.exec(text)?.[1];
    const codeOf = (text: string) => /<code id="receipt-code">([A-Z2-7]{26})<\/code>/.exec(text)?.[1];
    expect(idOf(again.text)).toBe(idOf(first.text));
    expect(codeOf(again.text)).toBe(codeOf(first.text));
    expect(first.text).not.toContain('id="receipt-replayed"');
    expect(again.text).toContain('id="receipt-replayed"');
    // another application sent under the same key files nothing and never shows the first one's code
    const other = await send({ request: '申请另一事项' });
    expect(other.status).toBe(200);
    expect(idOf(other.text)).toBe(idOf(first.text));
    expect(codeOf(other.text)).toBeUndefined();
    expect(other.text).toContain('id="receipt-code-shown-once"');
    const head = await t.service.events.headPosition();
    expect((await t.call('GET', `/v1/applications?consistentWith=${head}`, { token: officer })).status).toBe(200);
    expect(await pendingCount()).toBe(before + 1);
  });

  it('when an officer accepts it from the queue, then its case opens and the officer goes to the case', async () => {
    const queue = await fetch(`${t.url}/work/applications`, {
      headers: { accept: 'text/html', authorization: `Bearer ${officer}` },
    });
    const text = await queue.text();
    expect(queue.status).toBe(200);
    const id = /action="\/work\/applications\/([0-9a-f-]{36})\/acceptance"/.exec(text)?.[1];
    expect(text).toContain('王小明');
    // the page showed the applicant's name: recorded on the officer's own trail, naming the application
    const trail = await t.service.events.readStream(readerTrail(AGENCY, 'alice'));
    expect(trail.at(-1)!.event).toMatchObject({
      type: 'CasesListed',
      data: { action: 'list_applications', cases: expect.arrayContaining([{ agency: AGENCY, caseId: id }]) },
    });
    const res = await fetch(`${t.url}/work/applications/${id}/acceptance`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', authorization: `Bearer ${officer}` },
      body: new URLSearchParams({ officers: 'alice, bob' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`^/cases/${AGENCY}/${id}\\?consistentWith=\\d+$`));
    // the case page links the agency's officers and supervisors to the application as filed; an admin of the
    // agency, who may not read it, sees its id
    const casePage = async (token: string) =>
      (
        await fetch(t.url + res.headers.get('location'), {
          headers: { accept: 'text/html', authorization: `Bearer ${token}` },
        })
      ).text();
    expect(await casePage(officer)).toContain(`<a href="/work/applications/${id}">查看申请内容和材料</a>`);
    const sam = t.token('sam', AGENCY, ['supervisor']);
    expect(await casePage(sam)).toContain(`<a href="/work/applications/${id}">查看申请内容和材料</a>`);
    const administered = await casePage(admin);
    expect(administered).toContain(`<code>${id}</code>`);
    expect(administered).not.toContain(`href="/work/applications/${id}"`);
    // the supervisor reads it as filed, without the officers' forms or their queue
    const filing = await fetch(`${t.url}/work/applications/${id}`, {
      headers: { accept: 'text/html', authorization: `Bearer ${sam}` },
    });
    const page = await filing.text();
    expect(filing.status).toBe(200);
    expect(page).toContain('王小明');
    expect(page).not.toContain('href="/work/applications"');
    expect(page).not.toContain('/acceptance"');
  });

  it("when an officer refuses an application without a reason, then the queue names the field and links to it in that application's form, and nothing is recorded", async () => {
    const { id } = await fileOnPortal();
    const res = await fetch(`${t.url}/work/applications/${id}/rejection`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', authorization: `Bearer ${officer}` },
      body: new URLSearchParams({ reason: '', legalBasis: '《行政许可法》第三十二条' }),
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain(`<a href="#f-reason-${id}">请填写“不予受理理由”。</a>`);
    expect(text).toContain(`<textarea id="f-reason-${id}" name="reason"`);
    // at the field too, and what was typed is still there, in that application's form only
    expect(text).toContain(`<p class="error" id="f-reason-${id}-error">请填写“不予受理理由”。</p>`);
    expect(text).toMatch(new RegExp(`id="f-reason-${id}"\\s+name="reason"[^>]*aria-invalid="true"`));
    // a reason of spaces alone is no reason: asked for, not called badly written
    const blank = await fetch(`${t.url}/work/applications/${id}/rejection`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', authorization: `Bearer ${officer}` },
      body: new URLSearchParams({ reason: '   ', legalBasis: '《行政许可法》第三十二条' }),
    });
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain(`<a href="#f-reason-${id}">请填写“不予受理理由”。</a>`);
    expect(text).toMatch(
      new RegExp(`id="f-legalBasis-${id}"\\s+name="legalBasis"\\s+value="《行政许可法》第三十二条"`),
    );
    expect(text.match(/value="《行政许可法》第三十二条"/g)).toHaveLength(1);
    const head = await t.service.events.headPosition();
    const queue = await t.call('GET', `/v1/applications?consistentWith=${head}`, { token: officer });
    const items = queue.body.items as { applicationId: string; status: string }[];
    expect(items.find((a) => a.applicationId === id)?.status).toBe('filed');
  });

  it('when an officer opens an application from the queue, then its page shows everything filed and its files open', async () => {
    const { id } = await fileOnPortal({
      'applicant.address': '县城关镇人民路1号',
      request: '申请律师执业证。\n已附申请书。',
    });
    const head = await t.service.events.headPosition();
    const queue = await fetch(`${t.url}/work/applications?consistentWith=${head}`, {
      headers: { accept: 'text/html', authorization: `Bearer ${officer}` },
    });
    const queueText = await queue.text();
    expect(queueText).toContain(`<a href="/work/applications/${id}">查看申请内容和材料</a>`);
    // the item by its name, its code beside it
    expect(queueText).toContain('王小明 · 未按规定公示执业信息（L-001）');
    const page = await fetch(`${t.url}/work/applications/${id}`, {
      headers: { accept: 'text/html', authorization: `Bearer ${officer}` },
    });
    const text = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('no-store');
    expect(text).toContain(`网上申请 ${id}`);
    for (const shown of [
      '未按规定公示执业信息（L-001）',
      '王小明',
      '13800000000',
      '县城关镇人民路1号',
      '申请律师执业证。',
      '已附申请书。',
      '申请书.pdf',
    ])
      expect(text).toContain(shown);
    // the forms deciding it are there, and a refusal from them comes back to this page
    expect(text).toContain(`action="/work/applications/${id}/acceptance"`);
    expect(text).toContain('name="from" value="filing"');
    const file = /href="(\/work\/applications\/[0-9a-f-]{36}\/attachments\/[0-9a-f]{64})"/.exec(text)![1]!;
    const opened = await fetch(t.url + file, { headers: { authorization: `Bearer ${officer}` } });
    expect([opened.status, opened.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(await opened.arrayBuffer()).toString()).toBe('%PDF-1.4\n%%EOF\n');
    const stranger = t.token('olga', 'city-market', ['officer']);
    const foreign = await fetch(`${t.url}/work/applications/${id}`, {
      headers: { accept: 'text/html', authorization: `Bearer ${stranger}` },
    });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('王小明');
  });

  it("when a refusal sent from the application's page lacks a reason, then that page comes back with the error at its field", async () => {
    const { id } = await fileOnPortal();
    const res = await fetch(`${t.url}/work/applications/${id}/rejection`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', authorization: `Bearer ${officer}` },
      body: new URLSearchParams({ reason: '', legalBasis: '《行政许可法》第三十二条', from: 'filing' }),
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain(`网上申请 ${id}`);
    expect(text).toContain(`<a href="#f-reason-${id}">请填写“不予受理理由”。</a>`);
    expect(text).toMatch(
      new RegExp(`id="f-legalBasis-${id}"\\s+name="legalBasis"\\s+value="《行政许可法》第三十二条"`),
    );
  });

  it('when an acceptance names one officer where two are needed, then the form comes back with the officer typed and the error at the field', async () => {
    const { id } = await fileOnPortal();
    const res = await fetch(`${t.url}/work/applications/${id}/acceptance`, {
      method: 'POST',
      redirect: 'manual',
      headers: { accept: 'text/html', authorization: `Bearer ${officer}` },
      body: new URLSearchParams({ officers: 'alice', from: 'filing' }),
    });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toMatch(
      new RegExp(`id="f-officers-${id}"\\s+name="officers"\\s+value="alice"[^>]*aria-invalid="true"`),
    );
    expect(text).toContain(`<p class="error" id="f-officers-${id}-error">`);
  });

  it("when a refused application's applicant was erased, then its progress page says so plainly, and not before", async () => {
    const { id, text: receipt } = await fileOnPortal();
    const code = /<code id="receipt-code">([A-Z2-7]{26})<\/code>/.exec(receipt)![1]!;
    const refusal = { reason: '材料不齐全', legalBasis: '《行政许可法》第三十二条' };
    expect((await t.call('POST', `/v1/applications/${id}/rejection`, { token: officer, body: refusal })).status).toBe(
      201,
    );
    const progress = async () => {
      const lookup = await openForm(`/apply/progress?agency=${AGENCY}&id=${id}`);
      const asked = new URLSearchParams({ _csrf: lookup.token, agency: AGENCY, id, code });
      return (await postForm('/apply/progress', asked, lookup.cookie)).text;
    };
    expect(await progress()).not.toContain('id="progress-erased"');
    const erasure = { ground: 'retention_expired', reason: '保管期限届满（10年）' };
    const erased = await t.call('POST', `/v1/applications/${id}/erasure`, { token: admin, body: erasure });
    expect(erased.status).toBe(201);
    expect(await t.service.readModelsCaughtUp()).toBe(true);
    const text = await progress();
    // recorded by the service's clock at 10:xx in UTC: shown in China's time, 18:xx, with the offset
    expect(text).toMatch(
      /<p id="progress-erased">申请人的个人信息（姓名、证件号码、电话、地址）已依法删除，删除记录于2026-03-02 18:\d{2} \+08:00。/,
    );
    expect(text).toMatch(/<strong id="progress-status">不予受理<\/strong>/);
  });
});
