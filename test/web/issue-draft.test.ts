import { draftStream } from '../../src/app/decision-drafts.js';
import { caseStream } from '../../src/domain/case/acts.js';
import { browse, csrfOf, Jar } from '../support/portal-session.js';
import { AGENCY, DAY, openCase, page, startScreensService, type ScreensFixture } from '../support/screens.js';

let f: ScreensFixture;

beforeAll(async () => {
  f = await startScreensService();
}, 60_000);
afterAll(() => f.t.stop());

/** Posts a URL-encoded form as a browser would, with an API token instead of a session. */
async function post(path: string, token: string, form: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const v of [value].flat()) body.append(name, v);
  const res = await fetch(f.t.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { accept: 'text/html', authorization: `Bearer ${token}` },
    body,
  });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

const caseEvents = async (caseId: string) =>
  (await f.t.service.events.readStream(caseStream(AGENCY, caseId))).map((r) => r.event);

const DRAFT = {
  decisionType: 'fine',
  fineFen: '1500',
  legalBasis: '《律师法》第五十条',
  documentNo: '县司罚〔2026〕21号',
  decidedOn: DAY,
};

/** The page of a draft made: where the drafting form leads (`303`), so a reload or a language switch keeps it. */
const DRAFT_PAGE = new RegExp(`^/cases/${AGENCY}/([a-z0-9-]+)/drafts/([A-Za-z0-9-]+)$`);

/**
 * Drafts the case's decision on the portal's drafting screen and opens the draft's page it leads to; returns the
 * issue link, the PDF's SHA-256 and the draft's page.
 */
async function draft(
  caseId: string,
  documentNo = DRAFT.documentNo,
): Promise<{ href: string; sha256: string; draftPage: string }> {
  const res = await post(`/cases/${AGENCY}/${caseId}/draft`, f.alice, { ...DRAFT, documentNo });
  expect(res.status).toBe(303);
  expect(res.location).toMatch(DRAFT_PAGE);
  const shown = await page(f, res.location!, f.alice);
  expect(shown.status).toBe(200);
  const href = /<a href="([^"]+)">签发此草稿<\/a>/.exec(shown.text)?.[1]?.replace(/&amp;/g, '&');
  const sha256 = /决定书 PDF 的 SHA-256：<code>([0-9a-f]{64})<\/code>/.exec(shown.text)?.[1];
  expect(href).toMatch(new RegExp(`^/cases/${AGENCY}/${caseId}/acts/DecisionIssued\\?draft=[A-Za-z0-9-]+$`));
  return { href: href!, sha256: sha256!, draftPage: res.location! };
}

/** The value of the named input of a page (a hidden or text field). */
const inputValue = (text: string, name: string) =>
  new RegExp(`<input[^>]*name="${name.replace(/\./g, '\\.')}" value="([^"]*)"`).exec(text)?.[1];

/** The text of the named text area of a page, as typed (the page escapes `&`, `<`, `>` and quotes). */
const textareaValue = (text: string, name: string) =>
  new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(text)?.[1];

/** What the decision form sends back as it was filled in: the text fields, the selection and the hidden fields. */
function filledForm(text: string): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {};
  for (const name of [
    'occurredAt',
    'data.fineFen',
    'data.legalBasis',
    'data.documentNo',
    'data.decidedOn',
    'data.documentSha256',
    'draft',
  ]) {
    const value = inputValue(text, name);
    if (value !== undefined) form[name] = value;
  }
  form.media = [...text.matchAll(/<input type="hidden" name="media" value="([0-9a-f]{64})"/g)].map((m) => m[1]!);
  const selected = /name="data\.decisionType"[\s\S]*?<option value="([a-z_]+)" selected/.exec(text)?.[1];
  if (selected) form['data.decisionType'] = selected;
  return form;
}

describe('issuing a drafted decision from the portal', () => {
  beforeAll(async () => {
    for (const id of ['is-1', 'is-2', 'is-3']) await openCase(f, id);
    await f.t.service.readModelsCaughtUp();
  }, 60_000);

  it('when the officer follows "issue this draft", then the decision form is filled in from the draft with the PDF and its SHA-256 shown', async () => {
    const { href, sha256 } = await draft('is-1');
    const form = await page(f, href, f.alice);
    expect(form.status).toBe(200);
    expect(form.text).toContain('<h2 id="issued-document">签发的决定书</h2>');
    expect(form.text).toContain(`<code>${sha256}</code>`);
    expect(form.text).toMatch(
      new RegExp(`<a href="/cases/${AGENCY}/is-1/drafts/[A-Za-z0-9-]+/pdf" download>查看决定书 PDF</a>`),
    );
    expect(filledForm(form.text)).toMatchObject({
      'data.decisionType': 'fine',
      'data.fineFen': '1500.00',
      'data.legalBasis': '《律师法》第五十条',
      'data.documentNo': '县司罚〔2026〕21号',
      'data.decidedOn': DAY,
      'data.documentSha256': sha256,
      media: [sha256],
    });
    // the issued document is not counted among other files kept
    expect(form.text).not.toContain('已上传、将随本次提交附上的资料');
    // a draft decides nothing: nothing is recorded until the officer submits
    expect((await caseEvents('is-1')).map((e) => e.type)).toEqual(['CaseOpened']);
  });

  it('when the filled form is submitted, then DecisionIssued names the PDF among its media and the case page shows the issued document', async () => {
    // a number of its own: once issued, no other case's decision or draft may bear it
    const { href, sha256, draftPage } = await draft('is-2', '县司罚〔2026〕31号');
    const form = await page(f, href, f.alice);
    const res = await post(`/cases/${AGENCY}/is-2/acts/DecisionIssued`, f.alice, filledForm(form.text));
    expect(res.status).toBe(303);
    const issued = (await caseEvents('is-2')).at(-1)!;
    expect(issued).toMatchObject({
      type: 'DecisionIssued',
      actor: { sub: 'alice' },
      data: { decisionType: 'fine', fineFen: 150_000, documentNo: '县司罚〔2026〕31号', documentSha256: sha256 },
      media: [{ sha256, contentType: 'application/pdf' }],
    });
    const casePage = await page(f, res.location!, f.alice);
    expect(casePage.status).toBe(200);
    const section = /<dd id="decision-document">([\s\S]*?)<\/dd>/.exec(casePage.text)?.[1] ?? '';
    expect(section).toContain('application/pdf');
    expect(section).toContain(`<a href="/media/${sha256}" download>下载决定书</a>`);
    expect(section).toContain(`<code>${sha256}</code>`);
    const json = await f.t.call('GET', `/v1/cases/is-2`, { token: f.alice });
    expect(json.body.decision.document).toMatchObject({ sha256, contentType: 'application/pdf' });
    const download = await fetch(`${f.t.url}/media/${sha256}`, { headers: { authorization: `Bearer ${f.alice}` } });
    expect(download.status).toBe(200);
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // decided, the case drafts nothing more: its draft's page says so, offers neither issuing nor drafting, and a
    // drafting form sent anyway is refused, naming the case's status, with nothing stored
    const after = await page(
      f,
      `${draftPage}?consistentWith=${/consistentWith=(\d+)/.exec(res.location!)![1]}`,
      f.alice,
    );
    expect(after.status).toBe(200);
    expect(after.text).toContain('本案当前为“已作出决定”，不再制作或签发决定书草稿。');
    expect(after.text).toContain('已作出的决定：县司罚〔2026〕31号。');
    expect(after.text).not.toContain('签发此草稿');
    expect(after.text).not.toContain(`action="/cases/${AGENCY}/is-2/draft"`);
    const drafts = (await f.t.service.events.readAll({ after: 0, limit: 10_000 })).filter(
      (r) => r.event.type === 'DecisionDrafted',
    ).length;
    const refused = await post(`/cases/${AGENCY}/is-2/draft`, f.alice, DRAFT);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('本案当前为“已作出决定”');
    expect(
      (await f.t.service.events.readAll({ after: 0, limit: 10_000 })).filter((r) => r.event.type === 'DecisionDrafted'),
    ).toHaveLength(drafts);
  });

  it('when the document is named but its file is left out, then the form says so in Chinese, keeps what was typed and records nothing', async () => {
    const { href } = await draft('is-3');
    const filled = filledForm((await page(f, href, f.alice)).text);
    const res = await post(`/cases/${AGENCY}/is-3/acts/DecisionIssued`, f.alice, { ...filled, media: [] });
    expect(res.status).toBe(422);
    expect(res.text).toContain('决定书文件未随本决定附上');
    expect(res.text).toContain('value="县司罚〔2026〕21号"');
    expect((await caseEvents('is-3')).map((e) => e.type)).toEqual(['CaseOpened']);
  });

  it('when the drafting form is sent twice (a reload, a double click), then one draft is made and both answers offer it', async () => {
    const form = await page(f, `/cases/${AGENCY}/is-1/draft`, f.alice);
    const key = inputValue(form.text, '_submission');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const draftIdOf = (location: string | null) => DRAFT_PAGE.exec(location ?? '')?.[2];
    const first = await post(`/cases/${AGENCY}/is-1/draft`, f.alice, { ...DRAFT, _submission: key! });
    const again = await post(`/cases/${AGENCY}/is-1/draft`, f.alice, { ...DRAFT, _submission: key! });
    expect([first.status, again.status]).toEqual([303, 303]);
    expect(draftIdOf(first.location)).toEqual(expect.any(String));
    expect(again.location).toBe(first.location);
    // the draft's page shows the form with a fresh key: sent again with changes, it makes another draft
    const next = inputValue((await page(f, first.location!, f.alice)).text, '_submission');
    expect(next).toMatch(/^[0-9a-f-]{36}$/);
    expect(next).not.toBe(key);
    const other = await post(`/cases/${AGENCY}/is-1/draft`, f.alice, {
      ...DRAFT,
      documentNo: '县司罚〔2026〕22号',
      _submission: next!,
    });
    expect(other.status).toBe(303);
    expect(draftIdOf(other.location)).not.toBe(draftIdOf(first.location));
    // an earlier page's form (the first key) changed and sent: not answered with the first draft, nothing drafted
    const stale = await post(`/cases/${AGENCY}/is-1/draft`, f.alice, {
      ...DRAFT,
      documentNo: '县司罚〔2026〕23号',
      _submission: key!,
    });
    expect(stale.status).toBe(422);
    expect(stale.text).not.toMatch(/\/drafts\/[A-Za-z0-9-]+\/pdf/);
    const fresh = inputValue(stale.text, '_submission');
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect([key, next]).not.toContain(fresh);
  });

  it("when a draft is unknown, of another case, or asked for by another agency's officer, then it is not found", async () => {
    const { href, draftPage } = await draft('is-3');
    expect((await page(f, `/cases/${AGENCY}/is-3/acts/DecisionIssued?draft=no-such-draft`, f.alice)).status).toBe(404);
    expect((await page(f, href.replace('/is-3/', '/is-1/'), f.alice)).status).toBe(404);
    expect((await page(f, href, f.olga)).status).toBe(404);
    // the draft's page, likewise
    expect((await page(f, `/cases/${AGENCY}/is-3/drafts/no-such-draft`, f.alice)).status).toBe(404);
    expect((await page(f, draftPage.replace('/is-3/', '/is-1/'), f.alice)).status).toBe(404);
    const elsewhere = await page(f, draftPage, f.olga);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.text).not.toContain('县司罚〔2026〕21号');
  });

  it('when a draft is made, then its page shows it again on a reload and in English through the language switch, each view a recorded read of the case', async () => {
    const { draftPage, sha256 } = await draft('is-1');
    const reads = async () => {
      await f.t.service.readModelsCaughtUp();
      const trail = await f.t.call('GET', '/v1/audit/access?caseId=is-1&sub=alice&limit=100', { token: f.sam });
      return (trail.body.items as { action: string }[]).filter((read) => read.action === 'read_case').length;
    };
    const before = await reads();
    const again = await page(f, draftPage, f.alice);
    expect(again.status).toBe(200);
    expect(again.text).toContain('<h2 id="draft-ready">草稿已生成</h2>');
    expect(again.text).toContain(`<code>${sha256}</code>`);
    // the form is filled in from the draft, with a fresh key: changed and sent, it makes another draft
    expect(inputValue(again.text, 'documentNo')).toBe('县司罚〔2026〕21号');
    expect(inputValue(again.text, 'fineFen')).toBe('1500.00');
    expect(inputValue(again.text, 'decidedOn')).toBe(DAY);
    // no facts or reasons were written: the form leaves them empty, for the findings to fill the document
    expect([textareaValue(again.text, 'facts'), textareaValue(again.text, 'reasons')]).toEqual(['', '']);
    expect(inputValue(again.text, '_submission')).toMatch(/^[0-9a-f-]{36}$/);
    // the language switch is a link to this same page
    const switchTo = /<a class="lang" href="([^"]+)"/.exec(again.text)?.[1]?.replace(/&amp;/g, '&');
    expect(switchTo).toBe(`${draftPage}?lang=en`);
    const english = await page(f, switchTo!, f.alice);
    expect(english.status).toBe(200);
    expect(english.text).toContain('<h2 id="draft-ready">The draft is ready</h2>');
    expect(english.text).toContain(`<code>${sha256}</code>`);
    expect(english.text).toMatch(new RegExp(`href="/cases/${AGENCY}/is-1/drafts/[A-Za-z0-9-]+/pdf" download`));
    expect(inputValue(english.text, 'documentNo')).toBe('县司罚〔2026〕21号');
    // each view is a retrieval of the case, on its access trail
    expect(await reads()).toBe(before + 2);
  });
});

describe("a draft's facts and reasons", () => {
  const FACTS = '当事人张三未在执业场所公示律师执业信息';
  const REASONS = '经责令改正后仍未公示，依法予以罚款';
  const WRITTEN = { ...DRAFT, facts: FACTS, reasons: REASONS };

  beforeAll(async () => {
    for (const id of ['fr-1', 'fr-2', 'fr-3']) await openCase(f, id);
    await f.t.service.readModelsCaughtUp();
  }, 60_000);

  /** Drafts `form` on the case's drafting screen; the draft's id and page (where the `303` leads). */
  async function drafted(caseId: string, form: Record<string, string>) {
    const res = await post(`/cases/${AGENCY}/${caseId}/draft`, f.alice, form);
    expect(res.status).toBe(303);
    const draftId = DRAFT_PAGE.exec(res.location ?? '')?.[2];
    expect(draftId).toEqual(expect.any(String));
    return { draftId: draftId!, draftPage: res.location! };
  }

  it('when a draft is made with facts and reasons, then its page after the redirect shows them as typed, and the signed event and the event feed hold them sealed only', async () => {
    const { draftId, draftPage } = await drafted('fr-1', WRITTEN);
    const shown = await page(f, draftPage, f.alice);
    expect(shown.status).toBe(200);
    expect(textareaValue(shown.text, 'facts')).toBe(FACTS);
    expect(textareaValue(shown.text, 'reasons')).toBe(REASONS);
    expect(inputValue(shown.text, 'documentNo')).toBe('县司罚〔2026〕21号');

    const [recorded] = await f.t.service.events.readStream(draftStream(AGENCY, draftId));
    expect(recorded!.event.data).toMatchObject({
      caseId: 'fr-1',
      facts: { sealed: 'aes-256-gcm/v1' },
      reasons: { sealed: 'aes-256-gcm/v1' },
    });
    const stored = JSON.stringify(recorded!.event);
    for (const text of [FACTS, REASONS, '张三']) expect(stored).not.toContain(text);
    // the pull feed serves the signed envelope as stored
    const feed = await f.t.call('GET', '/v1/events?types=DecisionDrafted&limit=500', { token: f.admin });
    expect(feed.status).toBe(200);
    const served = (feed.body.events as { event: { id: string } }[]).find((i) => i.event.id === recorded!.event.id);
    expect(served).toBeDefined();
    expect(JSON.stringify(served)).not.toContain(FACTS);
    expect(JSON.stringify(served)).not.toContain(REASONS);
  });

  it('when the form is sent again under its key with other facts, then it is refused and nothing is drafted; with the same facts, the same draft is shown', async () => {
    const form = await page(f, `/cases/${AGENCY}/fr-2/draft`, f.alice);
    const key = inputValue(form.text, '_submission')!;
    const first = await drafted('fr-2', { ...WRITTEN, _submission: key });
    const again = await post(`/cases/${AGENCY}/fr-2/draft`, f.alice, { ...WRITTEN, _submission: key });
    expect([again.status, again.location]).toEqual([303, first.draftPage]);
    const before = await f.t.service.events.headPosition();
    const other = await post(`/cases/${AGENCY}/fr-2/draft`, f.alice, {
      ...WRITTEN,
      facts: '另一事实',
      _submission: key,
    });
    expect(other.status).toBe(422);
    expect(textareaValue(other.text, 'facts')).toBe('另一事实');
    const after = await f.t.service.events.readAll({ after: before });
    expect(after.map((r) => r.event.type).filter((type) => type !== 'CaseAccessed')).toEqual([]);
  });

  it('when the case is erased, then the draft page still answers, its facts and reasons left empty, and the decision form still fills from the draft; no new draft is made', async () => {
    const { draftPage, draftId } = await drafted('fr-3', WRITTEN);
    expect(textareaValue((await page(f, draftPage, f.alice)).text, 'facts')).toBe(FACTS);
    const erased = await f.t.call('POST', '/v1/cases/fr-3/erasure', {
      token: f.admin,
      body: { ground: 'retention_expired', reason: '保管期限届满' },
    });
    expect(erased.status).toBe(201);
    await f.t.service.readModelsCaughtUp();
    const shown = await page(f, draftPage, f.alice);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('<h2 id="draft-ready">草稿已生成</h2>');
    expect([textareaValue(shown.text, 'facts'), textareaValue(shown.text, 'reasons')]).toEqual(['', '']);
    for (const text of [FACTS, REASONS]) expect(shown.text).not.toContain(text);
    expect(inputValue(shown.text, 'documentNo')).toBe('县司罚〔2026〕21号');
    const issue = await page(f, `/cases/${AGENCY}/fr-3/acts/DecisionIssued?draft=${draftId}`, f.alice);
    expect(issue.status).toBe(200);
    // nothing can be kept sealed under the destroyed key, and a document would print [erased] for the party: no
    // draft is made, with facts or without
    for (const form of [WRITTEN, DRAFT]) {
      const refused = await post(`/cases/${AGENCY}/fr-3/draft`, f.alice, form);
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('本案的个人信息已按规定删除');
    }
  });
});

describe('issuing a draft with a browser session', () => {
  it('when the decision form is sent without its CSRF token, then 403 csrf_failed and nothing is recorded; with it, the decision is issued', async () => {
    await openCase(f, 'is-s');
    await f.t.service.readModelsCaughtUp();
    const jar = new Jar();
    expect((await browse(f.t.url, jar, '/signin/dev', { form: { token: f.alice } })).res.status).toBe(303);
    const drafted = await browse(f.t.url, jar, `/cases/${AGENCY}/is-s/draft`);
    const made = await browse(f.t.url, jar, `/cases/${AGENCY}/is-s/draft`, {
      form: { _csrf: csrfOf(drafted.text), ...DRAFT, documentNo: '县司罚〔2026〕41号' },
    });
    expect(made.res.status).toBe(303);
    const shown = await browse(f.t.url, jar, made.res.headers.get('location')!);
    const href = /<a href="([^"]+)">签发此草稿<\/a>/.exec(shown.text)![1]!.replace(/&amp;/g, '&');
    const form = await browse(f.t.url, jar, href);
    const filled = filledForm(form.text);
    const send = (extra: Record<string, string>) => {
      const body = new URLSearchParams(extra);
      for (const [name, value] of Object.entries(filled)) for (const v of [value].flat()) body.append(name, v);
      return fetch(`${f.t.url}/cases/${AGENCY}/is-s/acts/DecisionIssued`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          accept: 'text/html',
          cookie: jar.header(),
          origin: f.t.url,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      });
    };
    expect((await send({})).status).toBe(403);
    expect((await caseEvents('is-s')).map((e) => e.type)).toEqual(['CaseOpened']);
    expect((await send({ _csrf: csrfOf(form.text) })).status).toBe(303);
    expect((await caseEvents('is-s')).at(-1)).toMatchObject({
      type: 'DecisionIssued',
      data: { documentSha256: filled['data.documentSha256'] },
    });
  });
});
