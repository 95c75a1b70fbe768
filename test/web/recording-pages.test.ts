import { AGENCY, page, recordAct, uploadMedium, type ScreensFixture } from '../support/screens.js';
import { recordingFixture } from './recording-fixture.js';
import { asVideo } from '../support/media-bytes.js';

let f: ScreensFixture;

beforeAll(async () => {
  f = await recordingFixture();
}, 60_000);
afterAll(() => f.t.stop());

describe('the recording list page (音像记录事项清单)', () => {
  it('when opened without JavaScript, then it shows the floors, the agency list with its stages and place, and the changes, in Chinese', async () => {
    const { status, text } = await page(f, `/recording-list?agency=${AGENCY}`);
    expect(status).toBe(200);
    expect(text).toContain('<h1>音像记录事项清单</h1>');
    expect(text).toContain('法定必须全程音像记录的行为');
    expect(text).toContain('公告张贴过程');
    expect(text).toContain('表明身份、告知权利、清点签字');
    expect(text).toContain('送达方式：公告送达');
    expect(text).toContain('照片、录音录像或文书留存');
    expect(text).toContain('依据实施方案公布');
    expect(text).toContain('第 1 版，2026-03-02 公布');
    // published by the service's clock at 10:xx in UTC: the changes show it in the agency's time, 18:xx, with
    // the offset
    expect(text).toMatch(/<td>2026-03-02 18:\d{2} \+08:00<\/td>/);
  });

  it('when asked in English, or for an agency with no list, then the English text or the default duties show', async () => {
    const en = await page(f, `/recording-list?agency=${AGENCY}&lang=en`);
    expect(en.text).toContain('List of acts recorded on audio or video');
    // a duty scoped to service methods names them in brackets of the page's language
    expect(en.text).not.toMatch(/[（）]/);
    const none = await page(f, '/recording-list?agency=city-market');
    expect(none.status).toBe(200);
    expect(none.text).toContain('本机关尚未公布清单，适用默认要求');
    expect(none.text).toContain('留置送达、公告送达');
  });

  it('when an agency the public lists do not know is asked for, then the 404 page says so and offers the known agencies', async () => {
    const { status, text } = await page(f, '/recording-list?agency=zzz');
    expect(status).toBe(404);
    expect(text).toContain('公开信息中没有执法机关“zzz”');
    expect(text).toContain(`<option value="${AGENCY}"`);
    expect(text).not.toContain('floors-heading');
  });

  it('when the agency is malformed, then a 400 page', async () => {
    expect((await page(f, '/recording-list?agency=a%2Fb')).status).toBe(400);
  });
});

describe('the devices page of supervision', () => {
  it('when a supervisor opens it, then each device shows its holder, status and recordings, linked to the case', async () => {
    const { status, text } = await page(f, '/supervise/devices', f.sam);
    expect(status).toBe(200);
    expect(text).toContain('<h1>执法记录仪与音像记录</h1>');
    expect(text).toContain('cam-07');
    expect(text).toContain('DSJ-V7');
    expect(text).toContain('在用');
    expect(text).toContain(`href="/cases/${AGENCY}/rec-1"`);
    expect(text).toContain('video/mp4');
  });

  it('when an officer opens it, then it is refused', async () => {
    expect((await page(f, '/supervise/devices', f.alice)).status).toBe(403);
  });

  it("when a recording's time was written in UTC, then the page shows it in the agency's local time", async () => {
    const video = await uploadMedium(f, f.alice, asVideo('footage in UTC'), 'video/mp4');
    await recordAct(f, f.alice, 'rec-1', {
      type: 'RecordingAttached',
      occurredAt: '2026-03-02T10:03:30Z', // 18:03 in China, after the device was registered
      data: { description: '执法记录仪视频（续）', deviceId: 'cam-07' },
      media: [video],
    });
    await f.t.service.readModelsCaughtUp();
    const { text } = await page(f, '/supervise/devices?deviceId=cam-07', f.sam);
    expect(text).toContain('<td>2026-03-02 18:03 +08:00</td>');
    expect(text).not.toContain('10:03');
  });
});
