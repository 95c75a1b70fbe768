import { createHash } from 'node:crypto';
import { asVideo } from '../support/media-bytes.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { SUPERVISION_TABLES } from '../../src/http/supervision-csv.js';
import { expectCsvOfAnswer } from '../support/csv.js';

const AGENCY = 'county-justice';
const MARKET = 'city-market';

let t: TestService;
let admin: string;
let officer: string;
let supervisor: string;

const FLOORS = [
  {
    entryId: 'seizure',
    actType: 'PropertySeized',
    method: 'audio_video',
    content: '查封扣押全过程',
    keyStages: ['告知', '清点', '签字'],
    place: '现场',
  },
  {
    entryId: 'demolition',
    actType: 'ForcedDemolition',
    method: 'audio_video',
    content: '强制拆除全过程',
    keyStages: ['催告', '拆除'],
    place: '现场',
  },
];
const EVIDENCE = {
  entryId: 'evidence',
  actType: 'EvidenceCollected',
  itemCodes: ['P-001'],
  method: 'audio_video',
  content: '现场调查取证',
  keyStages: ['出示证件', '提取证据'],
  place: '律师事务所',
};

const open = (caseId: string) => ({
  caseId,
  itemCode: 'P-001',
  title: '某律所未公示执业信息案',
  openedOn: '2025-03-03',
  officers: ['alice', 'bob'],
  parties: [{ kind: 'organization', name: '某律师事务所' }],
});
const evidence = (media: string[] = []) => ({
  type: 'EvidenceCollected',
  occurredAt: '2025-03-05T10:00:00+08:00',
  data: { description: '现场照片' },
  media,
});

/** Uploads `text` as `contentType`: as the body of an MP4 file when the type is a video. */
async function upload(contentType: string, text: string): Promise<string> {
  const res = await fetch(`${t.url}/v1/media`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${officer}` },
    body: contentType.startsWith('video/') ? asVideo(text) : new TextEncoder().encode(text),
  });
  const body = (await res.json()) as { sha256: string };
  if (res.status !== 201 && res.status !== 200) throw new Error(`upload: ${res.status}`);
  return body.sha256;
}

const list = async () => (await t.call('GET', `/v1/agencies/${AGENCY}/recording-list`)).body;
const put = (body: unknown, token = admin) =>
  t.call('PUT', `/v1/agencies/${AGENCY}/recording-list`, { token, body: body as Record<string, unknown> });

beforeAll(async () => {
  t = await startTestService();
  ({ admin, officer } = await seedAgency(t, AGENCY, { officers: ['alice', 'bob'] }));
  await seedAgency(t, MARKET, { officers: ['olga', 'oscar'] });
  supervisor = t.token('sam', AGENCY, ['supervisor']);
}, 60_000);
afterAll(() => t.stop());

describe('the recording list (音像记录事项清单)', () => {
  it('when no list is published, then the public list shows version 0, the floors and the default duties', async () => {
    const answer = await list();
    expect(answer).toMatchObject({ agency: AGENCY, version: 0, entries: [], history: [] });
    expect(answer.floors.map((f: { actType: string }) => f.actType)).toEqual(['PropertySeized', 'ForcedDemolition']);
    expect(answer.defaultDuties).toHaveLength(3);
  });

  it('when a list leaves out forced demolition, then 422 recording_floor_mandatory names it and nothing is published', async () => {
    const res = await put({ agency: AGENCY, entries: [FLOORS[0], EVIDENCE], reason: '年度调整' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'recording_floor_mandatory', missing: ['ForcedDemolition'] });
    expect((await list()).version).toBe(0);
  });

  it('when a list narrows seizure to some items or to any medium, then it is refused as a removed floor', async () => {
    const narrowed = { ...FLOORS[0], itemCodes: ['P-001'] };
    const weakened = { ...FLOORS[0], method: 'any_medium' };
    for (const seizure of [narrowed, weakened]) {
      const res = await put({ agency: AGENCY, entries: [seizure, FLOORS[1]], reason: 'r' });
      expect([res.status, res.body.code]).toEqual([422, 'recording_floor_mandatory']);
    }
    expect((await list()).version).toBe(0);
  });

  it('when the body is malformed, names another agency or comes from an officer, then 400 or 403 and nothing is published', async () => {
    const bad = [
      { agency: AGENCY, entries: [{ ...EVIDENCE, actType: 'DecisionIssued' }, ...FLOORS], reason: 'r' },
      { agency: AGENCY, entries: FLOORS },
      { agency: AGENCY, entries: [{ ...EVIDENCE, method: 'paper' }, ...FLOORS], reason: 'r' },
      { agency: MARKET, entries: FLOORS, reason: 'r' },
    ];
    for (const body of bad) {
      const res = await put(body);
      expect([res.status, res.body.code]).toEqual([400, 'invalid_body']);
    }
    expect((await put({ agency: AGENCY, entries: FLOORS, reason: 'r' }, officer)).status).toBe(403);
    const market = t.token(`head-${MARKET}`, MARKET, ['admin']);
    expect((await put({ agency: AGENCY, entries: FLOORS, reason: 'r' }, market)).status).toBe(403);
    expect((await list()).version).toBe(0);
  });

  it('when a case is opened after the list names evidence collection, then evidence without a recording is refused there but not in a case opened before', async () => {
    expect((await t.call('POST', '/v1/cases', { token: officer, body: open('before') })).status).toBe(201);
    const res = await put({ agency: AGENCY, entries: [...FLOORS, EVIDENCE], reason: '年度调整' });
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(1);
    expect((await t.call('POST', '/v1/cases', { token: officer, body: open('after') })).status).toBe(201);

    const refused = await t.call('POST', '/v1/cases/after/acts', { token: officer, body: evidence() });
    expect([refused.status, refused.body.code]).toEqual([422, 'recording_required']);
    const photo = await upload('image/jpeg', 'photo of the office');
    const onlyPhoto = await t.call('POST', '/v1/cases/after/acts', { token: officer, body: evidence([photo]) });
    expect([onlyPhoto.status, onlyPhoto.body.code]).toEqual([422, 'recording_required']);
    // a file declared a video that is none is not stored, and stands as no recording
    const text = new TextEncoder().encode('a text file, declared a video');
    const declared = await fetch(`${t.url}/v1/media`, {
      method: 'POST',
      headers: { 'content-type': 'video/mp4', authorization: `Bearer ${officer}` },
      body: text,
    });
    const problem = (await declared.json()) as { code: string };
    expect([declared.status, problem.code]).toEqual([422, 'media_type_mismatch']);
    const sha = createHash('sha256').update(text).digest('hex');
    expect((await t.call('GET', `/v1/media/${sha}`, { token: officer })).status).toBe(404);
    const video = await upload('video/mp4', 'video of the collection');
    expect((await t.call('POST', '/v1/cases/after/acts', { token: officer, body: evidence([video]) })).status).toBe(
      201,
    );
    // the duties of a case are those in force when it was opened
    expect((await t.call('POST', '/v1/cases/before/acts', { token: officer, body: evidence() })).status).toBe(201);

    const published = await t.call('GET', `/v1/agencies/${AGENCY}/recording-list?consistentWith=${res.body.position}`);
    expect(published.body).toMatchObject({ version: 1, reason: '年度调整', entries: [...FLOORS, EVIDENCE] });
    expect(published.body.history).toEqual([expect.objectContaining({ version: 1, reason: '年度调整', entries: 3 })]);
    expect(published.body.defaultDuties).toBeUndefined();
  });

  it('when the list in force is published again without a key (another reason alone), then 409 version_unchanged and no version is added', async () => {
    const before = await list();
    expect(before.version).toBeGreaterThan(0);
    const entries = before.entries.map((e: Record<string, unknown>) => ({ ...e }));
    const res = await put({ agency: AGENCY, entries, reason: '再次提交' });
    expect([res.status, res.body.code]).toEqual([409, 'version_unchanged']);
    expect((await list()).version).toBe(before.version);
  });
});

describe('recording devices (执法记录仪)', () => {
  // made now, unless said otherwise: a device is judged as it stood when the recording was made
  const attach = (deviceId: string, media: string[], occurredAt = new Date().toISOString()) => ({
    type: 'RecordingAttached',
    occurredAt,
    data: { description: '执法记录仪视频', deviceId },
    media,
  });

  it('when a device is registered to an unknown officer, malformed, or by an officer, then it is refused and not registered', async () => {
    const unknown = await t.call('POST', '/v1/devices', {
      token: admin,
      body: { deviceId: 'cam-x', agency: AGENCY, holder: 'olga' },
    });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'officer_unknown']);
    const malformed = await t.call('POST', '/v1/devices', {
      token: admin,
      body: { deviceId: 'cam-x', agency: AGENCY },
    });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'invalid_body']);
    const byOfficer = await t.call('POST', '/v1/devices', {
      token: officer,
      body: { deviceId: 'cam-x', agency: AGENCY, holder: 'alice' },
    });
    expect(byOfficer.status).toBe(403);
    const devices = await t.call('GET', '/v1/audit/devices', { token: supervisor });
    expect(devices.body.items).toEqual([]);
  });

  it('when a recording names a registered device, then supervisors see it by device; an unknown, lost or retired device is refused', async () => {
    const body = { deviceId: 'cam-01', agency: AGENCY, holder: 'alice', model: 'DSJ-V1' };
    expect((await t.call('POST', '/v1/devices', { token: admin, body })).status).toBe(201);
    const video = await upload('video/mp4', 'body camera footage');

    const unknown = await t.call('POST', '/v1/cases/after/acts', { token: officer, body: attach('cam-99', [video]) });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'device_unknown']);
    // a recording made before the device was registered is not the registered device's
    const beforeRegistration = await t.call('POST', '/v1/cases/after/acts', {
      token: officer,
      body: attach('cam-01', [video], '2025-03-06T10:00:00+08:00'),
    });
    expect([beforeRegistration.status, beforeRegistration.body.code]).toEqual([422, 'device_unknown']);
    const madeBeforeLoss = new Date().toISOString();
    const attached = await t.call('POST', '/v1/cases/after/acts', { token: officer, body: attach('cam-01', [video]) });
    expect(attached.status).toBe(201);

    const lost = await t.call('POST', '/v1/devices/cam-01/changes', {
      token: admin,
      body: { status: 'lost', reason: '外勤遗失' },
    });
    expect(lost.status).toBe(201);
    const whileLost = await t.call('POST', '/v1/cases/after/acts', { token: officer, body: attach('cam-01', [video]) });
    expect([whileLost.status, whileLost.body.code]).toEqual([409, 'device_lost']);
    // made while the device was in service, and attached once it is reported lost: still the device's
    const madeBefore = await t.call('POST', '/v1/cases/after/acts', {
      token: officer,
      body: attach('cam-01', [video], madeBeforeLoss),
    });
    expect(madeBefore.status).toBe(201);
    const both = await t.call('POST', '/v1/devices/cam-01/changes', {
      token: admin,
      body: { status: 'retired', holder: 'bob', reason: 'r' },
    });
    expect([both.status, both.body.code]).toEqual([400, 'invalid_body']);
    const retired = await t.call('POST', '/v1/devices/cam-01/changes', {
      token: admin,
      body: { status: 'retired', reason: '报废' },
    });
    expect(retired.status).toBe(201);
    const afterRetired = await t.call('POST', '/v1/cases/after/acts', {
      token: officer,
      body: attach('cam-01', [video]),
    });
    expect([afterRetired.status, afterRetired.body.code]).toEqual([409, 'device_retired']);
    const again = await t.call('POST', '/v1/devices/cam-01/changes', {
      token: admin,
      body: { holder: 'bob', reason: '移交' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'device_retired']);

    const consistentWith = `consistentWith=${retired.body.position}`;
    const devices = await t.call('GET', `/v1/audit/devices?${consistentWith}`, { token: supervisor });
    expect(devices.body.items).toEqual([
      expect.objectContaining({ deviceId: 'cam-01', holder: 'alice', status: 'retired', recordings: 2 }),
    ]);
    const recordings = await t.call('GET', `/v1/audit/device-recordings?deviceId=cam-01&${consistentWith}`, {
      token: supervisor,
    });
    // both as CSV too: a row per device, and a row per medium of each recording
    const devicesCsv = await t.call('GET', `/v1/audit/devices?format=csv`, { token: supervisor });
    expect(devicesCsv.headers.get('content-disposition')).toBe('attachment; filename="devices.csv"');
    expect(expectCsvOfAnswer(devicesCsv.body as string, devices.body, SUPERVISION_TABLES.devices).entries).toBe(1);
    const recordingsCsv = await t.call('GET', '/v1/audit/device-recordings?deviceId=cam-01', {
      token: supervisor,
      headers: { accept: 'text/csv' },
    });
    const table = SUPERVISION_TABLES.deviceRecordings;
    const { rows } = expectCsvOfAnswer(recordingsCsv.body as string, recordings.body, table);
    expect(rows.map((row) => row[table.columns.indexOf('media.sha256')])).toEqual([video, video]);
    expect(recordings.body.items).toEqual([
      expect.objectContaining({ deviceId: 'cam-01', caseId: 'after', recordedBy: 'alice' }),
      expect.objectContaining({ deviceId: 'cam-01', caseId: 'after', recordedBy: 'alice' }),
    ]);
    expect(recordings.body.items[0].media[0].sha256).toBe(video);
    // each showing (JSON, CSV) is a read of the case, recorded once on the supervisor's trail however many rows it fills
    await t.service.readModelsCaughtUp();
    const access = await t.call('GET', '/v1/audit/access?caseId=after&sub=sam', { token: supervisor });
    const shown = access.body.items.filter((e: { view?: string }) => e.view === 'device-recordings');
    expect(shown).toHaveLength(2);
    expect(new Set(shown.map((e: { requestId: string }) => e.requestId)).size).toBe(2);
    const outsider = t.token('mia', MARKET, ['supervisor']);
    const forbidden = await t.call('GET', `/v1/audit/device-recordings?agency=${AGENCY}`, { token: outsider });
    expect(forbidden.status).toBe(403);
  });

  it('when recordings state their times in different offsets, then supervisors see them latest first by the instant made', async () => {
    const body = { deviceId: 'cam-02', agency: AGENCY, holder: 'bob' };
    expect((await t.call('POST', '/v1/devices', { token: admin, body })).status).toBe(201);
    const video = await upload('video/mp4', 'second camera footage');
    expect((await t.call('POST', '/v1/cases', { token: officer, body: open('offsets') })).status).toBe(201);
    const start = Date.now() + 1000;
    // the earlier recording written at UTC+8, the later one in UTC: as text, the earlier sorts after the later
    const atUtc8 = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    const earlier = atUtc8(start);
    const later = new Date(start + 60_000).toISOString();
    expect(earlier > later).toBe(true);
    let position = 0;
    for (const occurredAt of [earlier, later]) {
      const res = await t.call('POST', '/v1/cases/offsets/acts', {
        token: officer,
        body: attach('cam-02', [video], occurredAt),
      });
      expect(res.status).toBe(201);
      position = res.body.position;
    }
    const recordings = await t.call('GET', `/v1/audit/device-recordings?deviceId=cam-02&consistentWith=${position}`, {
      token: supervisor,
    });
    expect(recordings.body.items.map((r: { occurredAt: string }) => r.occurredAt)).toEqual([later, earlier]);
    // what orders them is not shown
    expect(Object.keys(recordings.body.items[0]).sort()).toEqual([
      'agency',
      'caseId',
      'deviceId',
      'eventId',
      'media',
      'occurredAt',
      'recordedBy',
    ]);
  });
});
