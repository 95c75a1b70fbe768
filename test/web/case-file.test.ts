import { caseStream } from '../../src/domain/case/acts.js';
import { randomBytes } from 'node:crypto';
import { accessStream, CASE_ACCESSED } from '../../src/app/access-log.js';
import {
  AGENCY,
  at,
  openCase,
  page,
  recordAct,
  seedOverdueDecisions,
  startScreensService,
  uploadMedium,
  type ScreensFixture,
} from '../support/screens.js';
import { asVideo } from '../support/media-bytes.js';

let f: ScreensFixture;
let video: string;
let position: number;

beforeAll(async () => {
  f = await startScreensService();
  await openCase(f, 'cf-1');
  video = await uploadMedium(f, f.alice, asVideo(randomBytes(4096 - 24)), 'video/mp4');
  position = await recordAct(f, f.alice, 'cf-1', {
    type: 'PropertySeized',
    occurredAt: at('09:30'),
    officers: ['alice', 'bob'],
    data: { items: '电动车一辆', legalBasis: '《行政强制法》第二十二条' },
    media: [video],
  });
});
afterAll(() => f.t.stop());

/** The granted retrievals recorded on the case's access trail. */
async function accesses(caseId: string) {
  const trail = await f.t.service.events.readStream(accessStream(AGENCY, caseId));
  return trail.filter((r) => r.event.type === CASE_ACCESSED).map((r) => r.event.data as Record<string, unknown>);
}

describe('the case file page', () => {
  it('when an officer of the agency opens it, then it shows the file in Chinese: facts, checklist, acts and the video', async () => {
    const res = await page(f, `/cases/${AGENCY}/cf-1?consistentWith=${position}`, f.alice);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="zh-CN"');
    expect(res.text).toContain('某律所未公示执业信息案');
    expect(res.text).toContain('案卷完整性');
    expect(res.text).toMatch(/<strong>立案<\/strong>/);
    expect(res.text).toMatch(/<strong>查封扣押<\/strong>/);
    expect(res.text).toContain(`<video controls preload="metadata" src="/media/${video}"`);
    expect(res.text).toContain(`href="/cases/${AGENCY}/cf-1/bundle"`);
    // the officer signed in and the recorder of each act, by the names the officer list holds
    expect(res.text).toContain('<span class="who">执法人员alice（alice） · county-justice</span>');
    expect(res.text).toMatch(/记录人：执法人员alice（alice）/);
  });

  it('when a supervisor retrieves the file, then each act shows what it recorded: its members as labelled, who was there, its media', async () => {
    const inspected = await recordAct(f, f.alice, 'cf-1', {
      type: 'OnSiteInspectionRecorded',
      occurredAt: at('10:00'),
      officers: ['alice', 'bob'],
      data: {
        location: '城关镇人民路18号',
        findings: '执业场所未公示<执业信息>',
        credentialsShown: true,
        partyNotified: true,
      },
    });
    const res = await page(f, `/cases/${AGENCY}/cf-1?consistentWith=${inspected}`, f.sam);
    expect(res.status).toBe(200);
    const act = (type: string) => {
      const at = res.text.indexOf(`<strong>${type}</strong>`);
      return res.text.slice(at, res.text.indexOf('</li>', at));
    };
    const seizure = act('查封扣押');
    expect(seizure).toMatch(/<dt>查封扣押的财物<\/dt>\s*<dd>电动车一辆<\/dd>/);
    expect(seizure).toMatch(/<dt>法律依据<\/dt>\s*<dd>《行政强制法》第二十二条<\/dd>/);
    expect(seizure).toMatch(/<dt>在场执法人员<\/dt>\s*<dd>执法人员alice（alice）、执法人员bob（bob）<\/dd>/);
    expect(seizure).toContain(`<a href="/media/${video}"`);
    expect(seizure).toContain('video/mp4');
    const inspection = act('现场检查');
    expect(inspection).toMatch(/<dd>城关镇人民路18号<\/dd>/);
    expect(inspection).toContain('执业场所未公示&lt;执业信息&gt;'); // escaped
    expect(inspection).toMatch(/<dt>已出示执法证件<\/dt>\s*<dd>是<\/dd>/);
    expect(inspection).toMatch(/<dt>已告知当事人权利义务<\/dt>\s*<dd>是<\/dd>/);

    // a correction recorded later stands beside the act it corrects, with its reason and the corrected member
    const events = await f.t.service.events.readStream(caseStream(AGENCY, 'cf-1'));
    const inspectionId = events.find((r) => r.event.type === 'OnSiteInspectionRecorded')!.event.id;
    const corrected = await recordAct(f, f.alice, 'cf-1', {
      type: 'RecordCorrected',
      occurredAt: at('10:30'),
      data: { corrects: inspectionId, reason: '地址笔误', data: { location: '城关镇人民路81号' } },
    });
    const after = await page(f, `/cases/${AGENCY}/cf-1?consistentWith=${corrected}`, f.sam);
    const at2 = after.text.indexOf('<strong>现场检查</strong>');
    const shown = after.text.slice(at2, after.text.indexOf('</li>', at2));
    expect(shown).toMatch(/<dt>更正<\/dt>\s*<dd>\s*地址笔误[\s\S]*<dd>城关镇人民路81号<\/dd>/);
  });

  it('when a decision is past its last day for publication, then the page says it is overdue and by how many days, as the API does', async () => {
    await seedOverdueDecisions(f, 'od', 1);
    const file = await f.t.call('GET', '/v1/cases/od-01', { token: f.alice });
    expect(file.body.disclosureDeadline).toMatchObject({ status: 'overdue', asOf: '2026-03-02' });
    const days = file.body.disclosureDeadline.daysOverdue as number;
    expect(days).toBeGreaterThan(30);
    const res = await page(f, `/cases/${AGENCY}/od-01`, f.alice);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<dt>公示情况<\/dt>\s*<dd class="timeliness-overdue">\s*<strong>逾期未公示<\/strong>/);
    expect(res.text).toContain(`（逾期 ${days} 天）`);
    // the checklist agrees: publication missing, not pending
    expect(file.body.completeness.disclosure).toEqual({ status: 'missing' });
  });

  it('when the page is opened once, then exactly one read_case retrieval is recorded, as the API records it', async () => {
    const opened = await openCase(f, 'cf-2');
    expect(await accesses('cf-2')).toEqual([]);
    // as with the API, a read right after a write names the write, or it may find the case not there yet
    const res = await page(f, `/cases/${AGENCY}/cf-2?consistentWith=${opened}`, f.alice, {
      'x-purpose': encodeURIComponent('案卷评查'),
    });
    expect(res.status).toBe(200);
    expect(await accesses('cf-2')).toEqual([
      expect.objectContaining({ action: 'read_case', outcome: 'granted', caseId: 'cf-2', purpose: '案卷评查' }),
    ]);
  });

  it("when an officer of another agency opens it, then the 404 page, and nothing is added to the case's trail", async () => {
    const before = (await accesses('cf-1')).length;
    const res = await page(f, `/cases/${AGENCY}/cf-1`, f.olga);
    expect(res.status).toBe(404);
    expect(res.text).toContain('页面不存在');
    expect(res.text).not.toContain('某律所未公示执业信息案');
    expect(await accesses('cf-1')).toHaveLength(before);
  });

  it('when nobody is signed in, then the browser is sent to sign in and comes back afterwards', async () => {
    const res = await page(f, `/cases/${AGENCY}/cf-1`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/signin?next=${encodeURIComponent(`/cases/${AGENCY}/cf-1`)}`);
  });

  it('when a supervisor of the agency opens it, then the page lists who accessed the file', async () => {
    await page(f, `/cases/${AGENCY}/cf-1`, f.alice);
    await f.t.service.readModelsCaughtUp();
    const res = await page(f, `/cases/${AGENCY}/cf-1`, f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toContain('调阅记录');
    // who, by the name the officer list holds and the id, and of which agency
    expect(res.text).toMatch(/<td>执法人员alice（alice） · county-justice<\/td>/);
    // an officer is told the trail exists, not shown it (the API gives it to supervisors only)
    expect((await page(f, `/cases/${AGENCY}/cf-1`, f.alice)).text).not.toMatch(/<td>alice/);
  });

  it("when the page shows times the service stamped in UTC, then they are in the agency's local time, as the acts typed in it are", async () => {
    await page(f, `/cases/${AGENCY}/cf-1`, f.alice);
    await f.t.service.readModelsCaughtUp();
    const res = await page(f, `/cases/${AGENCY}/cf-1`, f.sam);
    // the opening is stamped by the service's clock (10:0x UTC on the fixture's day), the seizure typed at 09:30 +08:00
    expect(res.text).toMatch(
      /<strong>立案<\/strong>\s*<time datetime="2026-03-02T10:0\d:[\d.]+Z">2026-03-02 18:0\d<\/time>/,
    );
    expect(res.text).toMatch(
      /<strong>查封扣押<\/strong>\s*<time datetime="2026-03-02T09:30:00\+08:00">2026-03-02 09:30<\/time>/,
    );
    // the access trail's times are the service's too
    expect(res.text).toMatch(/<td><time datetime="2026-03-02T10:\d\d:[\d.]+Z">2026-03-02 18:\d\d<\/time><\/td>/);
  });

  it('when an act took place before acts entered above it, then its line says so and when it was entered; the others say nothing', async () => {
    // evidence collected at 09:45, entered after the inspection of 10:00 (entered before it)
    const entered = await recordAct(f, f.alice, 'cf-1', {
      type: 'EvidenceCollected',
      occurredAt: at('09:45'),
      officers: ['alice', 'bob'],
      data: { description: '现场照片' },
      media: [video],
    });
    const { text } = await page(f, `/cases/${AGENCY}/cf-1?consistentWith=${entered}`, f.alice);
    expect(text).toContain('<p class="hint">按记入账本的先后排列；每项时间为该行为发生的时间。</p>');
    const lines = text.split('<li id="act-').slice(1);
    const evidence = lines.find((l) => l.includes('<strong>调查取证</strong>'))!;
    expect(evidence).toMatch(
      /<span class="late">发生在上面已记入的行为之前，\d{4}-\d\d-\d\d \d{2}:\d{2} 记入账本。<\/span>/,
    );
    // the seizure (09:30) is dated before the opening, which the service stamped when the case was entered: the
    // opening's stamp is no act's time to be out of order with
    const seizure = lines.find((l) => l.includes('<strong>查封扣押</strong>'))!;
    const opening = lines.find((l) => l.includes('<strong>立案</strong>'))!;
    expect(seizure).not.toContain('class="late"');
    expect(opening).not.toContain('class="late"');
  });

  it('when the page is read in English, then its notes are bracketed the English way, not with full-width brackets', async () => {
    await page(f, `/cases/${AGENCY}/cf-1`, f.alice);
    await f.t.service.readModelsCaughtUp();
    const res = await page(f, `/cases/${AGENCY}/cf-1?lang=en`, f.sam);
    expect(res.text).toContain('<html lang="en"');
    expect(res.text).toMatch(/<dd>\s*某某律师事务所 \([^)（）]+\)\s*<\/dd>/);
    expect(res.text).toMatch(/<td>执法人员alice \(alice\) · county-justice<\/td>/);
    const main = res.text.slice(res.text.indexOf('<main'));
    expect(main.replace(/某[^<]*所/g, '')).not.toMatch(/[（）：]/);
    expect(main).toContain('Recorded by: ');
    // the handling officers are listed the English way too, as they are the Chinese way on the Chinese page
    expect(main).not.toContain('、');
    expect(main).toMatch(/<dd>[^<]*, [^<]*<\/dd>/);
    const zh = await page(f, `/cases/${AGENCY}/cf-1`, f.sam);
    expect(zh.text.slice(zh.text.indexOf('<main'))).toMatch(/<dd>[^<]*、[^<]*<\/dd>/);
    // and the Chinese page the Chinese way: the item's code in full-width brackets, labels with a full-width colon
    expect(zh.text).toMatch(/<dd>\s*[^<(]+（P-001）\s*<\/dd>/);
    expect(zh.text).toContain('记录人：');
  });

  it('when the video is asked for a range, as a browser plays it, then 206 with those bytes, and the read is recorded', async () => {
    const before = (await accesses('cf-1')).filter((a) => a.action === 'read_media').length;
    const res = await fetch(`${f.t.url}/media/${video}`, {
      headers: { authorization: `Bearer ${f.alice}`, range: 'bytes=0-99' },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 0-99/4096');
    expect((await res.arrayBuffer()).byteLength).toBe(100);
    const after = (await accesses('cf-1')).filter((a) => a.action === 'read_media');
    expect(after).toHaveLength(before + 1);
  });

  it('when another agency asks for the video, then 404, as the API answers', async () => {
    const res = await fetch(`${f.t.url}/media/${video}`, { headers: { authorization: `Bearer ${f.olga}` } });
    expect(res.status).toBe(404);
  });

  it('when the export link is followed, then the evidence bundle downloads as a tar, its retrieval recorded', async () => {
    const res = await fetch(`${f.t.url}/cases/${AGENCY}/cf-1/bundle`, {
      headers: { authorization: `Bearer ${f.alice}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-tar');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="case-cf-1.tar"');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(4096);
    expect((await accesses('cf-1')).some((a) => a.action === 'read_bundle')).toBe(true);
  });

  it('when the case id is not one the API takes, then the 404 page', async () => {
    const res = await page(f, `/cases/${AGENCY}/${encodeURIComponent('../etc')}`, f.alice);
    expect(res.status).toBe(404);
  });
});
