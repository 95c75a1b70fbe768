import { AGENCY, openCase, page, recordAct, uploadMedium, type ScreensFixture } from '../support/screens.js';
import { recordingFixture } from './recording-fixture.js';
import { asVideo } from '../support/media-bytes.js';

/*
 * /supervise/devices lists 50 devices and 50 recordings at a time (`?limit=` another size for both), each list with
 * its own next page: `?cursor=` for the devices, `?recordingsCursor=` for the recordings.
 */

let f: ScreensFixture;
/** Devices besides the fixture's cam-07, and recordings besides its one on rec-1. */
const MORE = 6;

beforeAll(async () => {
  f = await recordingFixture();
  for (let i = 1; i <= MORE; i++) {
    const device = { deviceId: `cam-0${i}`, agency: AGENCY, holder: 'alice', model: 'DSJ-V7' };
    expect((await f.t.call('POST', '/v1/devices', { token: f.admin, body: device })).status).toBe(201);
    const caseId = `rc-${i}`;
    await openCase(f, caseId);
    const video = await uploadMedium(f, f.alice, asVideo(`footage ${i}`), 'video/mp4');
    await recordAct(f, f.alice, caseId, {
      type: 'RecordingAttached',
      occurredAt: `2026-03-02T18:02:0${i}+08:00`, // after cam-07's recording on rec-1, at 18:02
      data: { description: '执法记录仪视频', deviceId: 'cam-07' },
      media: [video],
    });
  }
  await f.t.service.readModelsCaughtUp();
}, 120_000);
afterAll(() => f.t.stop());

/** The part of the page from the recordings' heading on; before it, the devices. */
const split = (text: string) => {
  const at = text.indexOf('id="recordings-heading"');
  return { devices: text.slice(0, at), recordings: text.slice(at) };
};
const devicesIn = (text: string) =>
  [...split(text).devices.matchAll(/<td><a href="\/supervise\/devices\?deviceId=([^&"]+)&amp;/g)].map((m) => m[1]!);
const recordingsIn = (text: string) =>
  [...split(text).recordings.matchAll(/<td><a href="\/cases\/[^/]+\/([^"]+)">/g)].map((m) => m[1]!);
/** The next link of the pager labelled `label`. */
const nextOf = (text: string, label: string) => {
  const nav = new RegExp(`<nav class="pager" aria-label="${label}">([\\s\\S]*?)</nav>`).exec(text)?.[1] ?? '';
  return /<a rel="next" href="([^"]+)"/.exec(nav)?.[1]?.replaceAll('&amp;', '&');
};

/** The link back to the first page of the pager labelled `label`. */
const firstOf = (text: string, label: string) => {
  const nav = new RegExp(`<nav class="pager" aria-label="${label}">([\\s\\S]*?)</nav>`).exec(text)?.[1] ?? '';
  return /<a href="([^"]+)">回到第一页<\/a>/.exec(nav)?.[1]?.replaceAll('&amp;', '&');
};

/** Every row of one list, read from `path` by that list's next links to the end, and the links followed. */
async function readAll(path: string, label: string, rows: (text: string) => string[]) {
  const first = await page(f, path, f.sam);
  expect(first.status).toBe(200);
  const seen = rows(first.text);
  const links: string[] = [];
  for (let next = nextOf(first.text, label); next !== undefined;) {
    links.push(next);
    const res = await page(f, next, f.sam);
    expect(res.status).toBe(200);
    expect(res.text).toContain('回到第一页');
    seen.push(...rows(res.text));
    next = nextOf(res.text, label);
  }
  return { seen, links };
}

const api = async (path: string, member: string) =>
  ((await f.t.call('GET', path, { token: f.sam })).body.items as Record<string, string>[]).map((r) => r[member]!);

describe('/supervise/devices a page at a time', () => {
  it('when the devices are read three a page, then every device is listed once, in the order of the read', async () => {
    const { seen, links } = await readAll(`/supervise/devices?agency=${AGENCY}&limit=3`, '执法记录仪', devicesIn);
    expect(seen).toEqual(await api(`/v1/audit/devices?agency=${AGENCY}&limit=200`, 'deviceId'));
    expect(seen).toHaveLength(MORE + 1);
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toMatch(new RegExp(`agency=${AGENCY}.*limit=3.*cursor=`));
  });

  it("when one device's recordings are read three a page, then every recording is listed once, latest first", async () => {
    const path = `/supervise/devices?agency=${AGENCY}&deviceId=cam-07&limit=3`;
    const { seen, links } = await readAll(path, '音像记录', recordingsIn);
    expect(seen).toEqual(['rc-6', 'rc-5', 'rc-4', 'rc-3', 'rc-2', 'rc-1', 'rec-1']);
    expect(links).toHaveLength(2);
    for (const link of links) expect(link).toMatch(/deviceId=cam-07.*limit=3.*recordingsCursor=/);
  });

  it("when one list's pager is followed, then the other list stays on the page it was on", async () => {
    const devices = await api(`/v1/audit/devices?agency=${AGENCY}&limit=200`, 'deviceId');
    const first = await page(f, `/supervise/devices?agency=${AGENCY}&deviceId=cam-07&limit=3`, f.sam);
    const onRecordings = await page(f, nextOf(first.text, '音像记录')!, f.sam);
    expect(devicesIn(onRecordings.text)).toEqual(devices.slice(0, 3));
    expect(recordingsIn(onRecordings.text)).toEqual(['rc-3', 'rc-2', 'rc-1']);
    // the devices' next page keeps the recordings' cursor, and the recordings' next page the devices'
    const onBoth = await page(f, nextOf(onRecordings.text, '执法记录仪')!, f.sam);
    expect(onBoth.status).toBe(200);
    expect(devicesIn(onBoth.text)).toEqual(devices.slice(3, 6));
    expect(recordingsIn(onBoth.text)).toEqual(['rc-3', 'rc-2', 'rc-1']);
    const further = await page(f, nextOf(onBoth.text, '音像记录')!, f.sam);
    expect(devicesIn(further.text)).toEqual(devices.slice(3, 6));
    expect(recordingsIn(further.text)).toEqual(['rec-1']);
    // and each list's link back to its first page keeps the other list's cursor
    const devicesFirst = await page(f, firstOf(further.text, '执法记录仪')!, f.sam);
    expect(devicesIn(devicesFirst.text)).toEqual(devices.slice(0, 3));
    expect(recordingsIn(devicesFirst.text)).toEqual(['rec-1']);
    const recordingsFirst = await page(f, firstOf(further.text, '音像记录')!, f.sam);
    expect(devicesIn(recordingsFirst.text)).toEqual(devices.slice(3, 6));
    expect(recordingsIn(recordingsFirst.text)).toEqual(['rc-6', 'rc-5', 'rc-4']);
  });

  it('when no size is asked for, then the first page is as before: every device and recording, no pager', async () => {
    const res = await page(f, '/supervise/devices', f.sam);
    expect(devicesIn(res.text)).toHaveLength(MORE + 1);
    expect(recordingsIn(res.text)).toHaveLength(MORE + 1);
    expect(res.text).not.toContain('class="pager"');
  });

  it('when a cursor or the size is not one the lists take, then 400', async () => {
    expect((await page(f, '/supervise/devices?cursor=bogus', f.sam)).status).toBe(400);
    expect((await page(f, '/supervise/devices?recordingsCursor=bogus', f.sam)).status).toBe(400);
    expect((await page(f, '/supervise/devices?limit=0', f.sam)).status).toBe(400);
  });
});
