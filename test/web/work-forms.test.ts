import { randomBytes } from 'node:crypto';
import { caseStream } from '../../src/domain/case/acts.js';
import { mediaStream } from '../../src/app/media-holdings.js';
import { AGENCY, DAY, openCase, page, startScreensService, type ScreensFixture } from '../support/screens.js';
import { asJpeg, asVideo } from '../support/media-bytes.js';

let f: ScreensFixture;
/** The day before the fixture's day, on which the cases were neither opened nor decided. */
const DAY_BEFORE = new Date(Date.parse(`${DAY}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  f = await startScreensService();
});
afterAll(() => f.t.stop());

/** Posts a form as a browser would (URL-encoded, or multipart with FormData), with an API token instead of a session. */
async function post(path: string, token: string, form: Record<string, string | string[]> | FormData) {
  let body: URLSearchParams | FormData;
  if (form instanceof FormData) body = form;
  else {
    body = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) for (const v of [value].flat()) body.append(name, v);
  }
  const res = await fetch(f.t.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { accept: 'text/html', authorization: `Bearer ${token}` },
    body,
  });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
}

/** The acts a case page offers, by the type its form links name. */
const offeredActs = (html: string) => [...html.matchAll(/href="\/cases\/[^"]+\/acts\/(\w+)"/g)].map((m) => m[1]);

const caseEvents = async (caseId: string) =>
  (await f.t.service.events.readStream(caseStream(AGENCY, caseId))).map((r) => r.event);

const seizure = {
  occurredAt: `${DAY}T09:30`,
  officers: 'alice, bob',
  'data.items': '电动车一辆',
  'data.legalBasis': '《行政强制法》第二十二条',
};

/** The decision's form as an officer fills it in: a fine under the Lawyers Law, decided today. */
const decisionForm = (documentNo: string, fineYuan: string) => ({
  occurredAt: `${DAY}T15:00`,
  'data.decisionType': 'fine',
  'data.fineFen': fineYuan,
  'data.legalBasis': '《律师法》第五十条',
  'data.documentNo': documentNo,
  'data.decidedOn': DAY,
});

describe('opening a case from the portal', () => {
  it('when an officer opens the form, then it is labelled in Chinese and today and the officer are filled in', async () => {
    const res = await page(f, '/cases/new', f.alice);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<label for="f-title">案由<\/label>/);
    expect(res.text).toContain(`value="${DAY}"`);
    expect(res.text).toMatch(/id="f-officers" name="officers" value="alice"/);
    // the hint says what opening asks of the handling officers, not the on-site acts' rule
    expect(res.text).toContain('案件须由两名以上本机关执法人员承办');
    expect(res.text).not.toContain('现场执法须两人以上');
  });

  it('when the form is filled in, then the case is opened through the command handler and the browser goes to it', async () => {
    const res = await post('/cases', f.alice, {
      caseId: 'wf-1',
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: DAY,
      officers: 'alice、bob',
      'parties.0.kind': 'organization',
      'parties.0.name': '某某律师事务所',
      'parties.0.idNumber': '',
    });
    expect(res.status).toBe(303);
    expect(res.location).toMatch(new RegExp(`^/cases/${AGENCY}/wf-1\\?consistentWith=\\d+$`));
    const [opened] = await caseEvents('wf-1');
    expect(opened).toMatchObject({ type: 'CaseOpened', actor: { sub: 'alice' } });
    expect(opened!.data).toMatchObject({
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某某律师事务所' }],
    });
  });

  it('when the title is left empty, then the form comes back with the error in Chinese, linked to the field, what was typed kept, and no case', async () => {
    const res = await post('/cases', f.alice, {
      caseId: 'wf-bad',
      itemCode: 'P-001',
      title: '',
      openedOn: DAY,
      officers: 'alice, bob',
      'parties.0.kind': 'person',
      'parties.0.name': '张三',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#f-title">请填写“案由”。</a>');
    expect(res.text).toMatch(
      /id="f-title" name="title" value=""[^>]*aria-describedby="f-title-error" aria-invalid="true"/,
    );
    expect(res.text).toContain('value="张三"');
    expect(await caseEvents('wf-bad')).toEqual([]);
  });

  it('when the opening date is after today, then the refusal is at the date field, linked to it, and no case', async () => {
    const res = await post('/cases', f.alice, {
      caseId: 'wf-future',
      itemCode: 'P-001',
      title: '某案',
      openedOn: '2026-03-09',
      officers: 'alice, bob',
      'parties.0.kind': 'organization',
      'parties.0.name': '某公司',
    });
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/<a href="#f-openedOn">[^<]+<\/a>/);
    expect(res.text).toMatch(/id="f-openedOn"[^>]*aria-invalid="true"/);
    expect(await caseEvents('wf-future')).toEqual([]);
  });

  it('when several fields are wrong, then the form names every one of them, each linked to its field and marked', async () => {
    const res = await post('/cases', f.alice, {
      caseId: 'wf-bad3',
      itemCode: 'P-001',
      title: '',
      openedOn: '2026-3-2',
      officers: 'alice, bob',
      'parties.0.kind': 'person',
      'parties.0.name': '',
    });
    expect(res.status).toBe(400);
    const summary = /<div class="error-summary"[^]*?<\/div>/.exec(res.text)?.[0] ?? '';
    const links = [...summary.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(['f-openedOn', 'f-parties-0-name', 'f-title']);
    for (const id of links) {
      expect(res.text).toMatch(new RegExp(`id="${id}"[^>]*aria-describedby="${id}-error" aria-invalid="true"`));
      expect(res.text).toContain(`<p class="error" id="${id}-error">`);
    }
    expect(res.text).not.toMatch(/id="f-caseId"[^>]*aria-invalid/);
    expect(await caseEvents('wf-bad3')).toEqual([]);
    // the language switch goes to the form's page, which answers GET, not to the path the form was posted to
    expect(res.text).toMatch(/<a class="lang" href="\/cases\/new\?lang=en"/);
    expect((await page(f, '/cases/new?lang=en', f.alice)).status).toBe(200);
  });

  it('when the item code is not in the registry, then the rule is told in Chinese and no case is opened', async () => {
    const res = await post('/cases', f.alice, {
      caseId: 'wf-bad2',
      itemCode: 'NO-SUCH',
      title: '案',
      openedOn: DAY,
      officers: 'alice, bob',
      'parties.0.kind': 'person',
      'parties.0.name': '张三',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('执法事项编码不存在');
    expect(await caseEvents('wf-bad2')).toEqual([]);
  });
});

describe('the start page of signed-in work', () => {
  it("when an officer opens it, then the agency's cases are listed, linked, and another agency's are not", async () => {
    await openCase(f, 'wf-list');
    await f.t.service.readModelsCaughtUp();
    const mine = await page(f, '/work', f.alice);
    expect(mine.status).toBe(200);
    expect(mine.text).toContain(`<a href="/cases/${AGENCY}/wf-list">`);
    expect(mine.text).toContain('<a href="/cases/new">立案</a>');
    const theirs = await page(f, '/work', f.olga);
    expect(theirs.status).toBe(200);
    expect(theirs.text).not.toContain('wf-list');
  });
});

describe('recording acts from the portal', () => {
  beforeAll(async () => {
    await openCase(f, 'wf-2');
    // the refused form shows the case's summary, read from the read models
    await f.t.service.readModelsCaughtUp();
  });

  it('when a seizure is sent without a recording, then it is refused in plain Chinese, what was typed kept, nothing recorded', async () => {
    const before = await caseEvents('wf-2');
    const res = await post(`/cases/${AGENCY}/wf-2/acts/PropertySeized`, f.alice, seizure);
    expect(res.status).toBe(422);
    expect(res.text).toContain('查封扣押、强制拆除须附全程音频或视频记录');
    expect(res.text).toContain('<a href="#f-medium">');
    expect(res.text).toContain('电动车一辆');
    expect(await caseEvents('wf-2')).toHaveLength(before.length);
    // the case is named by its title beside the form, as when the form was first shown
    const summary = /<section aria-labelledby="case-summary"[^]*?<\/section>/.exec(res.text)![0];
    expect(summary).toContain(`<a href="/cases/${AGENCY}/wf-2">某律所未公示执业信息案</a>`);
    expect(summary).toContain('案件编号：wf-2');
  });

  it('when a seizure is sent with its video in the same form, then the video is stored and the act recorded with it', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(seizure)) form.append(name, value);
    const video = asVideo(randomBytes(8192 - 24));
    form.append('medium', new Blob([video], { type: 'video/mp4' }), '现场.mp4');
    const res = await post(`/cases/${AGENCY}/wf-2/acts/PropertySeized`, f.alice, form);
    expect(res.status).toBe(303);
    expect(res.location).toMatch(new RegExp(`^/cases/${AGENCY}/wf-2\\?consistentWith=\\d+#act-`));
    const seized = (await caseEvents('wf-2')).find((e) => e.type === 'PropertySeized');
    expect(seized?.media).toEqual([expect.objectContaining({ contentType: 'video/mp4', size: 8192 })]);
    expect(seized?.occurredAt).toBe(`${DAY}T09:30:00+08:00`);
  });

  it('when the form with a file has an invalid field, then nothing is stored: no act and no medium received', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...seizure, 'data.items': '' })) form.append(name, value);
    const video = asVideo(randomBytes(4096 - 24));
    form.append('medium', new Blob([video], { type: 'video/mp4' }), 'v.mp4');
    const before = await caseEvents('wf-2');
    const res = await post(`/cases/${AGENCY}/wf-2/acts/PropertySeized`, f.alice, form);
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#f-data-items">请填写“查封扣押的财物”。</a>');
    expect(await caseEvents('wf-2')).toHaveLength(before.length);
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(video).digest('hex');
    expect(await f.t.service.events.readStream(mediaStream(AGENCY, sha))).toEqual([]);
  });

  it('when a seizure is sent with a file that claims to be a video but is not, then it is told in Chinese and nothing is recorded', async () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(seizure)) form.append(name, value);
    const notVideo = Buffer.from('现场情况说明（文字），并非视频');
    form.append('medium', new Blob([notVideo], { type: 'video/mp4' }), '现场.mp4');
    const before = await caseEvents('wf-2');
    const res = await post(`/cases/${AGENCY}/wf-2/acts/PropertySeized`, f.alice, form);
    expect(res.status).toBe(422);
    expect(res.text).toContain('该文件不是可识别格式的音频或视频，不能作为音像记录上传。');
    expect(res.text).toContain('<a href="#f-medium">');
    expect(await caseEvents('wf-2')).toHaveLength(before.length);
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(notVideo).digest('hex');
    expect(await f.t.service.events.readStream(mediaStream(AGENCY, sha))).toEqual([]);
  });

  it.each([
    [
      'an executable',
      Buffer.from('MZ\x90\x00 a program', 'latin1'),
      'application/x-msdownload',
      'setup.exe',
      415,
      '该类文件不能作为执法记录上传：请上传音频、视频、照片或 PDF 文书。',
    ],
    [
      'a text named as a photo',
      Buffer.from('现场情况说明（文字），并非照片'),
      'image/jpeg',
      '现场.jpg',
      422,
      '该文件不是可识别格式的照片（JPEG、PNG、GIF、WebP、HEIC、TIFF 或 BMP），不能作为照片上传。',
    ],
    [
      'a photo named as a PDF',
      asJpeg('照片'),
      'application/pdf',
      '笔录.pdf',
      422,
      '该文件不是 PDF 文书，不能作为 PDF 上传。',
    ],
  ])(
    'when evidence is sent with %s, then it is refused at the file, in Chinese, and nothing is stored or recorded',
    async (_what, bytes, type, name, status, said) => {
      const form = new FormData();
      form.append('occurredAt', `${DAY}T14:00`);
      form.append('officers', 'alice, bob');
      form.append('data.description', '现场照片');
      form.append('medium', new Blob([bytes], { type }), name);
      const before = await caseEvents('wf-2');
      const res = await post(`/cases/${AGENCY}/wf-2/acts/EvidenceCollected`, f.alice, form);
      expect(res.status).toBe(status);
      expect(res.text).toContain(said);
      expect(res.text).toContain('<a href="#f-medium">');
      expect(await caseEvents('wf-2')).toHaveLength(before.length);
      const { createHash } = await import('node:crypto');
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(await f.t.service.events.readStream(mediaStream(AGENCY, sha))).toEqual([]);
    },
  );

  it('when a forced demolition is sent with only a photo, then the recording rule is told in Chinese and nothing is recorded', async () => {
    const form = new FormData();
    form.append('occurredAt', `${DAY}T13:00`);
    form.append('officers', 'alice, bob');
    form.append('data.target', '违法搭建的彩钢棚');
    form.append('data.legalBasis', '《行政强制法》第四十四条');
    form.append('medium', new Blob([asJpeg(randomBytes(1024))], { type: 'image/jpeg' }), 'p.jpg');
    const before = await caseEvents('wf-2');
    const res = await post(`/cases/${AGENCY}/wf-2/acts/ForcedDemolition`, f.alice, form);
    expect(res.status).toBe(422);
    // the file given is named: not audio or video
    expect(res.text).toContain('须附全程音频或视频记录：所附文件（image/jpeg）不是音频或视频。');
    // the photo is kept for the next try, so it need not be uploaded again, as a ticked box the officer may untick
    const photo = /<input type="checkbox" id="kept-1" name="media" value="([0-9a-f]{64})" checked/.exec(res.text)?.[1];
    expect(photo).toMatch(/^[0-9a-f]{64}$/);
    expect(await caseEvents('wf-2')).toHaveLength(before.length);
    // sent again with the photo unticked (a browser sends no value for it) and the video: recorded with the video only
    const again = new FormData();
    again.append('occurredAt', `${DAY}T13:00`);
    again.append('officers', 'alice, bob');
    again.append('data.target', '违法搭建的彩钢棚');
    again.append('data.legalBasis', '《行政强制法》第四十四条');
    again.append('medium', new Blob([asVideo(randomBytes(2048 - 24))], { type: 'video/mp4' }), 'v.mp4');
    const recorded = await post(`/cases/${AGENCY}/wf-2/acts/ForcedDemolition`, f.alice, again);
    expect(recorded.status).toBe(303);
    const demolition = (await caseEvents('wf-2')).at(-1)!;
    expect(demolition.type).toBe('ForcedDemolition');
    expect(demolition.media.map((m) => m.contentType)).toEqual(['video/mp4']);
  });

  it('when the act names an officer the agency does not have, then the refusal names that officer, at the officers field', async () => {
    const before = await caseEvents('wf-2');
    const res = await post(`/cases/${AGENCY}/wf-2/acts/EvidenceCollected`, f.alice, {
      occurredAt: `${DAY}T10:00`,
      officers: 'alice, bob, zed',
      'data.description': '照片',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('<a href="#f-officers">执法人员编号 zed 不存在或不属于本机关，请核对执法人员名单。</a>');
    expect(await caseEvents('wf-2')).toHaveLength(before.length);
  });

  it('when the act names a reviewer among its officers, then the refusal names her by the name on the officer list', async () => {
    const before = await caseEvents('wf-2');
    const res = await post(`/cases/${AGENCY}/wf-2/acts/EvidenceCollected`, f.alice, {
      occurredAt: `${DAY}T10:00`,
      officers: 'alice, rita',
      'data.description': '照片',
    });
    expect(res.status).toBe(422);
    // 执法人员rita: the name the agency registered her under (test/support/service.ts, seedAgency)
    expect(res.text).toContain('<a href="#f-officers">执法人员rita（rita） 登记为法制审核');
    expect(await caseEvents('wf-2')).toHaveLength(before.length);
  });

  it('when the act is stated later than it is recorded, then the refusal names the time of recording in the agency’s time, not in UTC', async () => {
    const before = await caseEvents('wf-2');
    const res = await post(`/cases/${AGENCY}/wf-2/acts/EvidenceCollected`, f.alice, {
      occurredAt: `${DAY}T23:30`,
      officers: 'alice, bob',
      'data.description': '照片',
    });
    expect(res.status).toBe(422);
    // the service's clock is 10:xx UTC on the day: 18:xx at the county, with its offset written
    const said = /发生时间晚于记录时间（([^）]*)）/.exec(res.text)?.[1];
    expect(said).toMatch(new RegExp(`^${DAY} 18:\\d{2} \\+08:00$`));
    expect(res.text).not.toMatch(/记录时间（[^）]*Z）/);
    expect(await caseEvents('wf-2')).toHaveLength(before.length);
  });

  it('when an officer of another agency posts to the case, then 404 and nothing is recorded', async () => {
    const before = await caseEvents('wf-2');
    const res = await post(`/cases/${AGENCY}/wf-2/acts/EvidenceCollected`, f.olga, {
      occurredAt: `${DAY}T10:00`,
      officers: 'olga, oscar',
      'data.description': '照片',
    });
    expect(res.status).toBe(404);
    expect(await caseEvents('wf-2')).toHaveLength(before.length);
  });
});

describe('legal review from the portal', () => {
  const proposal = {
    occurredAt: `${DAY}T11:00`,
    'data.proposed.decisionType': 'fine',
    'data.proposed.fineFen': '20000',
    'data.proposed.legalBasis': '《律师法》第五十条',
  };
  const allChecks = Object.fromEntries(
    [
      'subjectLawful',
      'officersQualified',
      'procedureLawful',
      'factsClear',
      'evidenceSufficient',
      'lawAppliedCorrectly',
      'discretionAppropriate',
      'withinAuthority',
      'documentsComplete',
    ].map((c) => [`data.checks.${c}`, 'on']),
  );
  beforeAll(() => openCase(f, 'wf-3'));

  it('when the officer requests a review, then the reviewer finds the case in the queue with its proposal', async () => {
    const res = await post(`/cases/${AGENCY}/wf-3/acts/LegalReviewRequested`, f.alice, proposal);
    expect(res.status).toBe(303);
    expect((await caseEvents('wf-3')).at(-1)?.data).toEqual({
      proposed: { decisionType: 'fine', fineFen: 2_000_000, legalBasis: '《律师法》第五十条' },
      reviewWorkingDays: 5,
      reviewDueBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    await f.t.service.readModelsCaughtUp();
    // while the request is pending, the case page offers the officer no second request, the head nothing to resolve
    const officerOffers = offeredActs((await page(f, `/cases/${AGENCY}/wf-3`, f.alice)).text);
    expect(officerOffers).toContain('DecisionIssued');
    expect(officerOffers).not.toContain('LegalReviewRequested');
    expect(offeredActs((await page(f, `/cases/${AGENCY}/wf-3`, f.admin)).text)).toEqual(['DecisionIssued']);
    const queue = await page(f, '/reviews', f.rita);
    expect(queue.status).toBe(200);
    expect(queue.text).toContain(`href="/cases/${AGENCY}/wf-3/acts/LegalReviewCompleted"`);
    expect(queue.text).toContain('¥20,000.00');
    // each pending review with its last day, as the request recorded it, and where it stands
    const dueBy = (await caseEvents('wf-3')).at(-1)!.data.reviewDueBy as string;
    const row = queue.text.slice(queue.text.indexOf(`/cases/${AGENCY}/wf-3`));
    expect(row).toMatch(new RegExp(`审核期限[^<]*${dueBy}`));
    const form = await page(f, `/cases/${AGENCY}/wf-3/acts/LegalReviewCompleted`, f.rita);
    expect(form.text).toContain('<legend>审核内容（逐项核对）</legend>');
    expect(form.text).toContain('执法主体合法');
    // the case page offers the reviewer the review while the request waits
    expect(offeredActs((await page(f, `/cases/${AGENCY}/wf-3`, f.rita)).text)).toContain('LegalReviewCompleted');
  });

  it('when the reviewer approves with a check not met, then the rule is told in Chinese and nothing is recorded', async () => {
    const before = await caseEvents('wf-3');
    const { 'data.checks.factsClear': _unmet, ...someChecks } = allChecks;
    const res = await post(`/cases/${AGENCY}/wf-3/acts/LegalReviewCompleted`, f.rita, {
      occurredAt: `${DAY}T14:00`,
      'data.outcome': 'approved',
      ...someChecks,
      'data.opinion': '同意',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('审核通过时，前九项审核内容须全部符合');
    expect(res.text).toMatch(/name="data\.checks\.subjectLawful" value="on" checked/);
    // the error is at the check not met, and the summary links there
    expect(res.text).toContain('href="#f-data-checks-factsClear"');
    expect(res.text).not.toContain('href="#f-data-checks-subjectLawful"');
    expect(await caseEvents('wf-3')).toHaveLength(before.length);
  });

  it('when the review is dated before the request it answers, then the form says so, naming the request time', async () => {
    const before = await caseEvents('wf-3');
    const res = await post(`/cases/${AGENCY}/wf-3/acts/LegalReviewCompleted`, f.rita, {
      occurredAt: `${DAY}T10:00`,
      'data.outcome': 'approved',
      ...allChecks,
      'data.opinion': '同意',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('审核完成的时间不能早于提请法制审核的时间（');
    expect(res.text).not.toContain('日期有误');
    expect(await caseEvents('wf-3')).toHaveLength(before.length);
  });

  it('when the reviewer approves with every check met, then the officer may decide as proposed and publish', async () => {
    const approved = await post(`/cases/${AGENCY}/wf-3/acts/LegalReviewCompleted`, f.rita, {
      occurredAt: `${DAY}T14:00`,
      'data.outcome': 'approved',
      ...allChecks,
      'data.opinion': '事实清楚，证据充分，同意。',
    });
    // answered: no review is offered until another request
    const reviewed = await page(f, `${approved.location!.replace(/#.*$/, '')}`, f.rita);
    expect(offeredActs(reviewed.text)).not.toContain('LegalReviewCompleted');
    expect(approved.status).toBe(303);
    const decision = decisionForm('县司罚决字〔2026〕1号', '20,000');
    const decided = await post(`/cases/${AGENCY}/wf-3/acts/DecisionIssued`, f.alice, decision);
    expect(decided.status).toBe(303);
    // the decision's form sent again (the browser's Back, a fresh key): not "the same again?" but refused, naming
    // the case's status
    const decidedEvents = (await caseEvents('wf-3')).length;
    const again = await post(`/cases/${AGENCY}/wf-3/acts/DecisionIssued`, f.alice, decision);
    expect(again.status).toBe(409);
    expect(again.text).toContain('本案当前为“已作出决定”，不能办理此事项：请回到案卷查看已记录的办理情况。');
    expect(again.text).not.toContain('已记录过内容完全相同的一项');
    expect(await caseEvents('wf-3')).toHaveLength(decidedEvents);
    const published = await post(`/cases/${AGENCY}/wf-3/acts/DecisionDisclosed`, f.alice, {
      occurredAt: `${DAY}T16:00`,
      'data.publishedOn': DAY,
    });
    expect(published.status).toBe(303);
    // a published decision is not exempted: the head is told to withdraw the publication first
    const exemptPublished = await post(`/cases/${AGENCY}/wf-3/acts/DisclosureExempted`, f.admin, {
      occurredAt: `${DAY}T16:30`,
      'data.ground': 'personal_privacy',
      'data.legalBasis': '《政府信息公开条例》第十五条',
      'data.reason': '载有健康信息。',
    });
    expect(exemptPublished.status).toBe(409);
    expect(exemptPublished.text).toContain('决定正在公示中：须先撤销公示，才能决定不予公开。');
    expect((await caseEvents('wf-3')).map((e) => e.type).slice(-3)).toEqual([
      'LegalReviewCompleted',
      'DecisionIssued',
      'DecisionDisclosed',
    ]);
    const withdrawn = await post(`/cases/${AGENCY}/wf-3/acts/DisclosureWithdrawn`, f.alice, {
      occurredAt: `${DAY}T17:00`,
      'data.reason': '决定已被复议机关撤销。',
    });
    expect(withdrawn.status).toBe(303);
    expect((await caseEvents('wf-3')).at(-1)).toMatchObject({ type: 'DisclosureWithdrawn' });
  });

  it('when the publication is withdrawn, then the head is offered the exemption from publication, records it with its form, and the officer may not', async () => {
    await f.t.service.readModelsCaughtUp(); // the case page read after the withdrawal the previous test recorded
    const withdrawnPage = (await page(f, `/cases/${AGENCY}/wf-3`, f.admin)).text;
    expect(offeredActs(withdrawnPage)).toEqual(['DisclosureExempted', 'CaseClosed']);
    // the checklist says the publication was withdrawn, not that it is complete
    expect(withdrawnPage).toMatch(
      /<li class="check-withdrawn">\s*<span>执法决定公示<\/span\s*>：<strong\s*>已撤销公示<\/strong/,
    );
    const form = await page(f, `/cases/${AGENCY}/wf-3/acts/DisclosureExempted`, f.admin);
    expect(form.status).toBe(200);
    expect(form.text).toContain('不予公开的情形');
    expect(form.text).toContain('涉及个人隐私');
    const exemption = {
      occurredAt: `${DAY}T17:30`,
      'data.ground': 'personal_privacy',
      'data.legalBasis': '《政府信息公开条例》第十五条',
      'data.reason': '决定书载有当事人的健康信息。',
    };
    const refused = await post(`/cases/${AGENCY}/wf-3/acts/DisclosureExempted`, f.alice, exemption);
    expect(refused.status).toBe(403);
    // dated before the decision: the sentence names the decision's day and marks the act's time
    const early = await post(`/cases/${AGENCY}/wf-3/acts/DisclosureExempted`, f.admin, {
      ...exemption,
      occurredAt: `${DAY_BEFORE}T17:30`,
    });
    expect(early.status).toBe(422);
    expect(early.text).toContain(`日期不能早于作出决定的日期（${DAY}）。`);
    expect(early.text).toMatch(/id="f-occurredAt"[^>]*aria-invalid="true"/);
    const missing = await post(`/cases/${AGENCY}/wf-3/acts/DisclosureExempted`, f.admin, {
      ...exemption,
      'data.ground': '',
    });
    expect(missing.status).toBe(400);
    expect(missing.text).toMatch(/href="#f-data-ground"/);
    expect((await caseEvents('wf-3')).at(-1)).toMatchObject({ type: 'DisclosureWithdrawn' });
    const exempted = await post(`/cases/${AGENCY}/wf-3/acts/DisclosureExempted`, f.admin, exemption);
    expect(exempted.status).toBe(303);
    expect((await caseEvents('wf-3')).at(-1)).toMatchObject({
      type: 'DisclosureExempted',
      data: { ground: 'personal_privacy', legalBasis: '《政府信息公开条例》第十五条' },
    });
    const after = await page(f, exempted.location!, f.admin);
    expect(after.text).toContain('依法不予公开');
    // the page shows the exemption as the case file holds it, and the withdrawal before it
    const exemptionShown = /<dd id="decision-exemption">([\s\S]*?)<\/dd>/.exec(after.text)?.[1] ?? '';
    expect(exemptionShown).toContain('涉及个人隐私');
    expect(exemptionShown).toContain('《政府信息公开条例》第十五条');
    expect(exemptionShown).toContain('决定书载有当事人的健康信息。');
    expect(after.text).toMatch(/<dd id="decision-withdrawn">[\s\S]*决定已被复议机关撤销。/);
    expect(offeredActs(after.text)).toEqual(['CaseClosed']);
    // closed with no publication standing: nothing to update or withdraw is offered, to the head or the officer
    const closed = await post(`/cases/${AGENCY}/wf-3/acts/CaseClosed`, f.admin, {
      occurredAt: `${DAY}T18:00`,
      'data.closedOn': DAY,
    });
    expect(closed.status).toBe(303);
    expect(offeredActs((await page(f, closed.location!, f.admin)).text)).toEqual([]);
    expect(offeredActs((await page(f, closed.location!, f.alice)).text)).toEqual([]);
  });

  it("when a closed case's publication is withdrawn, then the head is offered the exemption, records it, and the case stays closed", async () => {
    await openCase(f, 'wf-closed');
    const acts: [string, string, Record<string, string>][] = [
      [
        'DecisionIssued',
        f.alice,
        {
          'data.decisionType': 'fine',
          'data.fineFen': '500',
          'data.legalBasis': '《律师法》第五十条',
          'data.documentNo': '县司罚决字〔2026〕9号',
          'data.decidedOn': DAY,
        },
      ],
      ['DecisionDisclosed', f.alice, { 'data.publishedOn': DAY }],
      ['CaseClosed', f.admin, { 'data.closedOn': DAY }],
      ['DisclosureWithdrawn', f.admin, { 'data.reason': '误公开了当事人的健康信息。' }],
    ];
    let location = '';
    for (const [i, [type, token, data]] of acts.entries()) {
      const res = await post(`/cases/${AGENCY}/wf-closed/acts/${type}`, token, {
        occurredAt: `${DAY}T1${i}:00`,
        ...data,
      });
      expect([type, res.status]).toEqual([type, 303]);
      location = res.location!;
    }
    expect(offeredActs((await page(f, location, f.admin)).text)).toEqual(['DisclosureExempted']);
    expect(offeredActs((await page(f, location, f.alice)).text)).toEqual([]);
    const exempted = await post(`/cases/${AGENCY}/wf-closed/acts/DisclosureExempted`, f.admin, {
      occurredAt: `${DAY}T15:00`,
      'data.ground': 'personal_privacy',
      'data.legalBasis': '《政府信息公开条例》第十五条',
      'data.reason': '决定书载有当事人的健康信息。',
    });
    expect(exempted.status).toBe(303);
    const after = await page(f, exempted.location!, f.admin);
    expect(after.text).toMatch(/<dd id="decision-exemption">[\s\S]*涉及个人隐私/);
    expect(after.text).toContain('已结案');
    expect(offeredActs(after.text)).toEqual([]);
    const file = await f.t.call('GET', `/v1/cases/wf-closed?agency=${AGENCY}`, { token: f.admin });
    expect(file.body).toMatchObject({ status: 'closed', decision: { exemption: { ground: 'personal_privacy' } } });
  });

  it('when the officer decides a major case without an approved review, then it is refused in Chinese', async () => {
    await openCase(f, 'wf-4');
    const res = await post(
      `/cases/${AGENCY}/wf-4/acts/DecisionIssued`,
      f.alice,
      decisionForm('县司罚决字〔2026〕2号', '20000'),
    );
    expect(res.status).toBe(409);
    expect(res.text).toContain('本案属重大执法决定');
  });

  it('when a hearing is dated tomorrow where the agency is, though that day has begun further east, then it is refused', async () => {
    // the fixture's clock is past 18:00 in Beijing: the next day has begun at UTC+14, not in the county
    await openCase(f, 'wf-date');
    const next = new Date(Date.parse(`${DAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const heard = (heldOn: string) =>
      post(`/cases/${AGENCY}/wf-date/acts/HearingHeld`, f.alice, { occurredAt: `${DAY}T09:00`, 'data.heldOn': heldOn });
    const refused = await heard(next);
    expect(refused.status).toBe(422);
    expect(refused.text).toMatch(/日期（\d{4}-\d{2}-\d{2}）不对：不能晚于今天/);
    // the summary links to the date at fault, which is marked where it is (the act has two dates)
    expect(refused.text).toContain('<a href="#f-data-heldOn">');
    expect(refused.text).toMatch(/id="f-data-heldOn"[^>]*aria-invalid="true"/);
    expect(refused.text).not.toMatch(/id="f-occurredAt"[^>]*aria-invalid/);
    expect((await caseEvents('wf-date')).map((e) => e.type)).toEqual(['CaseOpened']);
    expect((await heard(DAY)).status).toBe(303);
  });

  it('when the review rejects the proposal, then the head resolves the disagreement with the form', async () => {
    await openCase(f, 'wf-5');
    expect((await post(`/cases/${AGENCY}/wf-5/acts/LegalReviewRequested`, f.alice, proposal)).status).toBe(303);
    const rejected = await post(`/cases/${AGENCY}/wf-5/acts/LegalReviewCompleted`, f.rita, {
      occurredAt: `${DAY}T14:00`,
      'data.outcome': 'rejected',
      ...allChecks,
      'data.opinion': '裁量过重。',
    });
    expect(rejected.status).toBe(303);
    await f.t.service.readModelsCaughtUp();
    // the head's case page offers the resolution beside the decision
    expect(offeredActs((await page(f, `/cases/${AGENCY}/wf-5`, f.admin)).text)).toEqual([
      'ReviewDisagreementResolved',
      'DecisionIssued',
    ]);
    const form = await page(f, `/cases/${AGENCY}/wf-5/acts/ReviewDisagreementResolved`, f.admin);
    expect(form.status).toBe(200);
    expect(form.text).toContain('<legend>协调决定</legend>');
    // the head sees what is being settled: the proposal, and the reviewer's outcome and opinion
    const settled = /<dl class="fields" id="disagreement">([\s\S]*?)<\/dl>/.exec(form.text)?.[1] ?? '';
    const shown = settled.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(shown).toContain('未获审核通过的拟作决定 罚款 ¥20,000.00 · 《律师法》第五十条');
    expect(shown).toMatch(/法制审核意见 审核不通过 · \S*rita\S*：裁量过重。/);
    const resolved = await post(`/cases/${AGENCY}/wf-5/acts/ReviewDisagreementResolved`, f.admin, {
      occurredAt: `${DAY}T17:00`,
      'data.outcome': 'review_upheld',
      'data.reasoning': '采纳审核意见，重新拟定处理意见。',
    });
    expect(resolved.status).toBe(303);
    expect((await caseEvents('wf-5')).at(-1)).toMatchObject({
      type: 'ReviewDisagreementResolved',
      actor: { sub: `head-${AGENCY}` },
      // the reasoning is free text that may name a person: signed sealed, read opened
      data: { outcome: 'review_upheld', reasoning: { sealed: 'aes-256-gcm/v1' } },
    });
    await f.t.service.readModelsCaughtUp(); // the case file is read from the read models, which may lag the log
    // resolved: nothing more to resolve
    expect(offeredActs((await page(f, `/cases/${AGENCY}/wf-5`, f.admin)).text)).toEqual(['DecisionIssued']);
    const file = await f.t.call('GET', '/v1/cases/wf-5', { token: f.t.token('alice', AGENCY, ['officer']) });
    expect(file.body.timeline.at(-1).data).toEqual({
      outcome: 'review_upheld',
      reasoning: '采纳审核意见，重新拟定处理意见。',
    });
  });
});

describe('sums typed as a Chinese input method types them', () => {
  beforeAll(() => openCase(f, 'wf-yuan'));

  it('when a fine is typed in full-width digits with 元 after it, then it is read as yuan and sent in fen', async () => {
    const res = await post(`/cases/${AGENCY}/wf-yuan/acts/LegalReviewRequested`, f.alice, {
      occurredAt: `${DAY}T11:00`,
      'data.proposed.decisionType': 'fine',
      'data.proposed.fineFen': '２０，０００．５０元',
      'data.proposed.legalBasis': '《律师法》第五十条',
    });
    expect(res.status).toBe(303);
    expect((await caseEvents('wf-yuan')).at(-1)?.data).toMatchObject({ proposed: { fineFen: 2_000_050 } });
  });
});

describe('submission materials on the review request form', () => {
  const request = {
    occurredAt: `${DAY}T11:00`,
    'data.proposed.decisionType': 'fine',
    'data.proposed.fineFen': '20000',
    'data.proposed.legalBasis': '《律师法》第五十条',
  };
  beforeAll(async () => {
    const item = {
      code: 'P-077',
      agency: AGENCY,
      name: '未按规定办理执业登记',
      category: 'penalty',
      legalBasis: '《律师法》第五十条',
      reviewMaterials: ['案件调查终结报告', '证据材料'],
    };
    const res = await f.t.call('POST', '/v1/items', { token: f.admin, body: item });
    if (res.status !== 201) throw new Error(`registering P-077: ${res.status} ${JSON.stringify(res.body)}`);
    const opened = await f.t.call('POST', '/v1/cases', {
      token: f.alice,
      body: {
        caseId: 'wf-9',
        itemCode: 'P-077',
        title: '某律所未办理执业登记案',
        openedOn: DAY,
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某某律师事务所' }],
      },
    });
    if (opened.status !== 201) throw new Error(`opening wf-9: ${opened.status} ${JSON.stringify(opened.body)}`);
    await f.t.service.readModelsCaughtUp(); // the form shows the case, read from the read models
  });

  it('when the form is shown, then it asks for the materials one per line', async () => {
    const form = await page(f, `/cases/${AGENCY}/wf-9/acts/LegalReviewRequested`, f.alice);
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/<textarea id="[^"]*" name="data.materials"/);
    expect(form.text).toContain('送审材料（每行一项）');
  });

  it('when a material the item requires is missing, then the form says which in Chinese and nothing is recorded', async () => {
    const before = await caseEvents('wf-9');
    const res = await post(`/cases/${AGENCY}/wf-9/acts/LegalReviewRequested`, f.alice, {
      ...request,
      'data.materials': '案件调查终结报告\n',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('缺少该事项要求的送审材料：证据材料。');
    expect(await caseEvents('wf-9')).toEqual(before);
  });

  it('when every material is listed, one per line, then the request records them as a list', async () => {
    const res = await post(`/cases/${AGENCY}/wf-9/acts/LegalReviewRequested`, f.alice, {
      ...request,
      'data.materials': ' 案件调查终结报告\r\n\r\n证据材料 ',
    });
    expect(res.status).toBe(303);
    // signed sealed (the materials may name the party), read opened
    expect((await caseEvents('wf-9')).at(-1)?.data).toMatchObject({ materials: { sealed: 'aes-256-gcm/v1' } });
    await f.t.service.readModelsCaughtUp();
    const file = await f.t.call('GET', '/v1/cases/wf-9', { token: f.t.token('alice', AGENCY, ['officer']) });
    const requested = file.body.timeline.findLast((t: { type: string }) => t.type === 'LegalReviewRequested');
    expect(requested.data).toMatchObject({ materials: ['案件调查终结报告', '证据材料'] });
  });
});

describe('a form sent twice (a double click, a resend after a lost answer)', () => {
  /** The submission key of the form a page shows. */
  const keyOf = (text: string) => /<input type="hidden" name="_submission" value="([^"]+)"/.exec(text)?.[1];

  beforeAll(async () => {
    await openCase(f, 'wf-twice');
    await f.t.service.readModelsCaughtUp(); // the form shows the case, read from the read models
  });

  it('when the form opening a case without a case number is sent twice, then one case is opened and both go to it', async () => {
    const key = keyOf((await page(f, '/cases/new', f.alice)).text);
    expect(key).toBeDefined();
    const form = {
      _submission: key!,
      caseId: '',
      itemCode: 'P-001',
      title: '重复提交的立案',
      openedOn: DAY,
      officers: 'alice, bob',
      'parties.0.kind': 'organization',
      'parties.0.name': '某某公司',
    };
    const first = await post('/cases', f.alice, form);
    const second = await post('/cases', f.alice, form);
    expect([first.status, second.status]).toEqual([303, 303]);
    const caseId = /^\/cases\/[^/]+\/([^?]+)\?/.exec(first.location!)![1]!;
    // named by the key, a time-ordered id as a fresh one would be: the agency's case list keeps its order
    expect(caseId).toBe(key);
    expect(second.location).toBe(first.location);
    expect((await caseEvents(caseId)).map((e) => e.type)).toEqual(['CaseOpened']);
  });

  it('when the browser goes back to the form that opened a case without a number and sends it again, then the user is warned and no second case is opened until it is sent once more', async () => {
    const form = {
      caseId: '',
      itemCode: 'P-001',
      title: '退回后再次提交的立案',
      openedOn: DAY,
      officers: 'alice, bob',
      'parties.0.kind': 'organization',
      'parties.0.name': '某某商行',
    };
    const fresh = async () => keyOf((await page(f, '/cases/new', f.alice)).text)!;
    const first = await post('/cases', f.alice, { ...form, _submission: await fresh() });
    expect(first.status).toBe(303);
    const back = await post('/cases', f.alice, { ...form, _submission: await fresh() });
    expect(back.status).toBe(409);
    expect(back.text).toContain('已记录过内容完全相同的一项');
    expect(back.text).toContain('退回后再次提交的立案');
    const again = /<input type="hidden" name="_again" value="([^"]+)"/.exec(back.text)?.[1];
    expect(again).toBeDefined();
    const confirmed = await post('/cases', f.alice, { ...form, _submission: keyOf(back.text)!, _again: again! });
    expect(confirmed.status).toBe(303);
    expect(confirmed.location).not.toBe(first.location);
  });

  it('when an act form is sent twice, then the act is recorded once and both go to it', async () => {
    const shown = await page(f, `/cases/${AGENCY}/wf-twice/acts/EvidenceCollected`, f.alice);
    const form = {
      _submission: keyOf(shown.text)!,
      occurredAt: `${DAY}T10:00`,
      officers: 'alice, bob',
      'data.description': '现场照片两张',
    };
    const before = (await caseEvents('wf-twice')).length;
    const first = await post(`/cases/${AGENCY}/wf-twice/acts/EvidenceCollected`, f.alice, form);
    const second = await post(`/cases/${AGENCY}/wf-twice/acts/EvidenceCollected`, f.alice, form);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(second.location).toBe(first.location);
    expect(await caseEvents('wf-twice')).toHaveLength(before + 1);
  });

  it('when the form is changed after it was recorded and sent again, then nothing more is recorded, the user is told, and a fresh key lets them send it on purpose', async () => {
    const shown = await page(f, `/cases/${AGENCY}/wf-twice/acts/EvidenceCollected`, f.alice);
    const key = keyOf(shown.text)!;
    const form = {
      _submission: key,
      occurredAt: `${DAY}T11:00`,
      officers: 'alice, bob',
      'data.description': '询问笔录',
    };
    expect((await post(`/cases/${AGENCY}/wf-twice/acts/EvidenceCollected`, f.alice, form)).status).toBe(303);
    const before = (await caseEvents('wf-twice')).length;
    const changed = { ...form, 'data.description': '询问笔录一份' };
    const refused = await post(`/cases/${AGENCY}/wf-twice/acts/EvidenceCollected`, f.alice, changed);
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('这份表单已经提交并记录过');
    expect(refused.text).toContain('询问笔录一份');
    const fresh = keyOf(refused.text);
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(key);
    expect(await caseEvents('wf-twice')).toHaveLength(before);
    const again = await post(`/cases/${AGENCY}/wf-twice/acts/EvidenceCollected`, f.alice, {
      ...changed,
      _submission: fresh!,
    });
    expect(again.status).toBe(303);
    expect(await caseEvents('wf-twice')).toHaveLength(before + 1);
  });

  it('when the browser goes back to a recorded form and sends it again as typed (a fresh key, a new time), then nothing is recorded and the user is warned; sent once more as shown, it is recorded', async () => {
    const path = `/cases/${AGENCY}/wf-twice/acts/EvidenceCollected`;
    const typed = { officers: 'alice, bob', 'data.description': '现场照片二' };
    const first = await post(path, f.alice, {
      ...typed,
      _submission: keyOf((await page(f, path, f.alice)).text)!,
      occurredAt: `${DAY}T12:00`,
    });
    expect(first.status).toBe(303);
    const before = (await caseEvents('wf-twice')).length;
    // going back fetches the form again (it is never kept): a new key and a new time, what was typed put back
    const back = await post(path, f.alice, {
      ...typed,
      _submission: keyOf((await page(f, path, f.alice)).text)!,
      occurredAt: `${DAY}T12:03`,
    });
    expect(back.status).toBe(409);
    expect(back.text).toContain('已记录过内容完全相同的一项');
    expect(back.text).toContain('现场照片二');
    expect(await caseEvents('wf-twice')).toHaveLength(before);
    const again = /<input type="hidden" name="_again" value="([^"]+)"/.exec(back.text)?.[1];
    expect(again).toBe(/#act-(.+)$/.exec(first.location!)![1]);
    // sent as shown, warning read: recorded once more
    const confirmed = await post(path, f.alice, {
      ...typed,
      _submission: keyOf(back.text)!,
      _again: again!,
      occurredAt: `${DAY}T12:03`,
    });
    expect(confirmed.status).toBe(303);
    expect(await caseEvents('wf-twice')).toHaveLength(before + 1);
    // another act is not held back
    const other = await post(path, f.alice, {
      ...typed,
      'data.description': '现场照片三',
      _submission: keyOf((await page(f, path, f.alice)).text)!,
      occurredAt: `${DAY}T12:05`,
    });
    expect(other.status).toBe(303);
  });
});
