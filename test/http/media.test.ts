import { accessStream, deniedAccessStream } from '../../src/app/access-log.js';
import { createHash, randomBytes } from 'node:crypto';
import { startTestService, type TestService } from '../support/service.js';
import { asVideo } from '../support/media-bytes.js';

const MiB = 1024 * 1024;
const AGENCY = 'county-justice';
const today = new Date().toISOString().slice(0, 10);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const officerBody = (officerId: string, roles: string[] = ['officer']) => ({
  officerId,
  name: `执法人员${officerId}`,
  agency: AGENCY,
  certificateNo: `14050100${officerId}`,
  validFrom: '2018-01-01',
  validTo: '2030-12-31',
  roles,
});

/** Registers alice and bob and an enforcement item, and opens case `caseId`. */
async function seed(t: TestService, caseId: string): Promise<void> {
  const admin = t.token('head', AGENCY, ['admin']);
  for (const body of [officerBody('alice'), officerBody('bob')]) {
    expect((await t.call('POST', '/v1/officers', { token: admin, body })).status).toBe(201);
  }
  const item = {
    code: 'P-001',
    agency: AGENCY,
    name: '未按规定公示执业信息',
    category: 'penalty',
    legalBasis: '第五十条',
  };
  expect((await t.call('POST', '/v1/items', { token: admin, body: item })).status).toBe(201);
  const opened = await t.call('POST', '/v1/cases', {
    token: t.token('alice', AGENCY, ['officer']),
    body: {
      caseId,
      itemCode: 'P-001',
      title: '某律所未公示执业信息案',
      openedOn: today,
      officers: ['alice', 'bob'],
      parties: [{ kind: 'person', name: '张三丰', idNumber: '140521199001011234' }],
    },
  });
  expect(opened.status).toBe(201);
}

type Body = Uint8Array | AsyncIterable<Uint8Array>;

/** POST /v1/media with raw bytes; an async iterable is sent chunked (no Content-Length). */
async function upload(t: TestService, token: string | undefined, body: Body, headers: Record<string, string> = {}) {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
    duplex: 'half', // fetch sends an async iterable body as it is produced
  };
  const res = await fetch(`${t.url}/v1/media`, init as RequestInit);
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

async function download(
  t: TestService,
  token: string | undefined,
  route: string,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${t.url}${route}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** `size` random bytes, made while they are sent; `sha256()` is their digest once all were sent. */
function generated(size: number, chunkSize = 256 * 1024) {
  const hash = createHash('sha256');
  async function* chunks() {
    for (let sent = 0; sent < size; sent += chunkSize) {
      const chunk = randomBytes(Math.min(chunkSize, size - sent));
      hash.update(chunk);
      yield chunk;
    }
  }
  return { body: chunks(), sha256: () => hash.digest('hex') };
}

describe('media over HTTP', () => {
  let t: TestService;
  let alice: string;
  let olga: string;
  let sam: string;
  const CASE = 'm-1';

  beforeAll(async () => {
    t = await startTestService();
    alice = t.token('alice', AGENCY, ['officer']);
    olga = t.token('olga', 'city-market', ['officer', 'supervisor']);
    sam = t.token('sam', 'city-justice', ['supervisor'], [AGENCY]);
    await seed(t, CASE);
  });
  afterAll(() => t.stop());

  /** Records an act of the case that references the medium. */
  async function cite(caseId: string, hash: string): Promise<void> {
    const act = await t.call('POST', `/v1/cases/${caseId}/acts`, {
      token: alice,
      body: {
        type: 'EvidenceCollected',
        occurredAt: `${today}T00:09:30+08:00`,
        data: { description: '现场照片' },
        media: [hash],
      },
    });
    expect(act.status).toBe(201);
  }

  /** Uploads the bytes and records an act of case m-1 that references them. */
  async function referenced(bytes: Uint8Array, contentType = 'image/jpeg'): Promise<string> {
    const uploaded = await upload(t, alice, bytes, { 'content-type': contentType });
    expect(uploaded.status).toBe(201);
    await cite(CASE, uploaded.body.sha256);
    return uploaded.body.sha256;
  }

  it('when an officer uploads a JPEG, then 201 with its sha256, size and type; again, then 200 with the same', async () => {
    const bytes = randomBytes(1000);
    const first = await upload(t, alice, bytes, { 'content-type': 'Image/JPEG; charset=binary' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ sha256: sha256(bytes), size: 1000, contentType: 'image/jpeg' });
    expect(first.headers.get('location')).toBe(`/v1/media/${sha256(bytes)}`);
    expect(first.headers.get('etag')).toBe(`"${sha256(bytes)}"`);
    const again = await upload(t, alice, bytes);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it('when x-content-sha256 is not the digest of the body, then 400 digest_mismatch and nothing is stored', async () => {
    const bytes = randomBytes(2000);
    const wrong = await upload(t, alice, bytes, { 'x-content-sha256': 'a'.repeat(64) });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'digest_mismatch', expected: 'a'.repeat(64), actual: sha256(bytes) });
    const right = await upload(t, alice, bytes, { 'x-content-sha256': sha256(bytes).toUpperCase() });
    expect(right.status).toBe(201);
  });

  it.each([
    ['no Content-Type', { 'content-type': '' }],
    ['a Content-Type that is not a media type', { 'content-type': 'jpeg' }],
    ['an x-content-sha256 that is not a digest', { 'x-content-sha256': 'abc' }],
  ])('when the upload has %s, then 400 invalid_body', async (_what, headers) => {
    const res = await upload(t, alice, randomBytes(10), headers);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_body');
  });

  it('when the body has a JSON type, which the API parses itself, then 415 and nothing is stored', async () => {
    const res = await upload(t, alice, Buffer.from('{"a":1}'), { 'content-type': 'application/json' });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('when a medium declared a video does not start as one, then 422 media_type_mismatch and nothing is stored', async () => {
    const text = Buffer.from('minutes of the hearing, declared a video by mistake');
    const refused = await upload(t, alice, text, { 'content-type': 'video/mp4' });
    expect([refused.status, refused.body.code]).toEqual([422, 'media_type_mismatch']);
    // not stored: the same bytes sent as what they are are the agency's first upload of them
    expect((await upload(t, alice, text, { 'content-type': 'text/plain' })).status).toBe(201);
  });

  it('when a medium has no bytes, then 422 media_empty, whatever its type, and nothing is stored', async () => {
    const before = (await t.service.events.readAll()).length;
    for (const type of ['image/jpeg', 'application/pdf', 'video/mp4']) {
      const refused = await upload(t, alice, Buffer.alloc(0), { 'content-type': type });
      expect([type, refused.status, refused.body.code]).toEqual([type, 422, 'media_empty']);
    }
    // no MediaReceived was recorded for them
    expect((await t.service.events.readAll()).length).toBe(before);
  });

  it('when a video is streamed with its first bytes split over many chunks, then they are judged together and it is stored whole', async () => {
    const video = asVideo(randomBytes(300_000));
    const streamed = async function* () {
      for (let i = 0; i < 300; i++) yield video.subarray(i, i + 1); // the signature a byte at a time
      yield video.subarray(300);
    };
    const res = await upload(t, alice, streamed(), { 'content-type': 'video/mp4' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ sha256: sha256(video), size: video.length, contentType: 'video/mp4' });
    const short = await upload(t, alice, Buffer.from('short'), { 'content-type': 'audio/mpeg' });
    expect([short.status, short.body.code]).toEqual([422, 'media_type_mismatch']);
  });

  it('when no case references a medium, then it is not found for anyone', async () => {
    const bytes = randomBytes(100);
    expect((await upload(t, alice, bytes)).status).toBe(201);
    for (const token of [alice, olga, sam]) {
      const res = await download(t, token, `/v1/media/${sha256(bytes)}`);
      expect(res.status).toBe(404);
    }
    expect((await download(t, alice, `/v1/media/${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('when an act references it, then an officer of the agency gets the exact bytes with ETag and Accept-Ranges', async () => {
    const bytes = randomBytes(4096);
    const hash = await referenced(bytes, 'image/png');
    const res = await download(t, alice, `/v1/media/${hash}`);
    expect(res.status).toBe(200);
    expect(res.bytes.equals(bytes)).toBe(true);
    expect(res.headers.get('etag')).toBe(`"${hash}"`);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe('4096');
    expect(res.headers.get('cache-control')).toBe('private, max-age=0');
    const access = await t.service.events.readStream(accessStream(AGENCY, CASE));
    expect(access.map((r) => r.event.data)).toContainEqual(
      expect.objectContaining({ action: 'read_media', outcome: 'granted', media: hash }),
    );
  });

  it('when a medium is evidence of two cases, then a retrieval is on the trail of both', async () => {
    const bytes = randomBytes(2048);
    const hash = await referenced(bytes);
    const other = 'm-shared';
    const opened = await t.call('POST', '/v1/cases', {
      token: alice,
      body: {
        caseId: other,
        itemCode: 'P-001',
        title: '另案',
        openedOn: today,
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某律师事务所' }],
      },
    });
    expect(opened.status).toBe(201);
    await cite(other, hash);
    const res = await download(t, sam, `/v1/media/${hash}`, { 'x-purpose': 'shared' });
    expect(res.status).toBe(200);
    for (const caseId of [CASE, other]) {
      const trail = await t.service.events.readStream(accessStream(AGENCY, caseId));
      expect([
        caseId,
        trail.filter((r) => r.event.data.media === hash && r.event.actor.sub === 'sam').map((r) => r.event.data),
      ]).toEqual([caseId, [expect.objectContaining({ action: 'read_media', outcome: 'granted', purpose: 'shared' })]]);
    }
  });

  it('when 6 MiB are uploaded as a stream, then they come back byte for byte', async () => {
    const source = generated(6 * MiB);
    const uploaded = await upload(t, alice, source.body);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toEqual({ sha256: source.sha256(), size: 6 * MiB, contentType: 'image/jpeg' });
    const act = await t.call('POST', `/v1/cases/${CASE}/acts`, {
      token: alice,
      body: {
        type: 'EvidenceCollected',
        occurredAt: `${today}T00:10:00+08:00`,
        data: { description: '执法记录仪视频' },
        media: [uploaded.body.sha256],
      },
    });
    expect(act.status).toBe(201);
    const res = await fetch(`${t.url}/v1/media/${uploaded.body.sha256}`, {
      headers: { authorization: `Bearer ${alice}` },
    });
    expect(res.status).toBe(200);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.byteLength;
    }
    expect({ size, sha256: hash.digest('hex') }).toEqual({ size: 6 * MiB, sha256: uploaded.body.sha256 });
  });

  describe('ranges', () => {
    const bytes = randomBytes(100);
    let route: string;
    beforeAll(async () => {
      route = `/v1/media/${await referenced(bytes)}`;
    });

    it.each([
      ['bytes=0-0', 0, 0],
      ['bytes=10-19', 10, 19],
      ['bytes=-5', 95, 99],
      ['bytes=5-', 5, 99],
      ['bytes=90-1000', 90, 99],
      ['bytes=-1000', 0, 99],
    ])('when Range is %s, then 206 with bytes %i-%i', async (range, start, end) => {
      const res = await download(t, alice, route, { range });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/100`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(res.bytes.equals(bytes.subarray(start, end + 1))).toBe(true);
    });

    it.each([
      ['bytes=999999999-', { start: 999999999 }, 'bytes 999999999- are'],
      ['bytes=100-', { start: 100 }, 'bytes 100- are'],
      ['bytes=600-700', { start: 600, end: 700 }, 'bytes 600-700 are'],
      ['bytes=-0', { start: 100 }, 'bytes 100- are'],
    ])(
      'when Range is %s, then 416 with Content-Range bytes */size, the problem naming the range asked',
      async (range, asked, detail) => {
        const res = await download(t, alice, route, { range });
        expect(res.status).toBe(416);
        expect(res.headers.get('content-range')).toBe('bytes */100');
        const problem = JSON.parse(res.bytes.toString());
        expect(problem).toMatchObject({ code: 'range_not_satisfiable', size: 100, ...asked });
        expect('end' in asked ? problem.end : undefined).toBe((asked as { end?: number }).end);
        expect(problem.detail).toContain(detail);
      },
    );

    it.each(['bytes=0-1,5-6', 'bytes=9-2', 'items=0-1'])(
      'when Range is %s (several, backwards or not bytes), then 200 with the whole',
      async (range) => {
        const res = await download(t, alice, route, { range });
        expect(res.status).toBe(200);
        expect(res.bytes.equals(bytes)).toBe(true);
      },
    );

    it('when If-None-Match is the ETag, then 304 without a body; when If-Range is another, then the whole', async () => {
      const etag = `"${sha256(bytes)}"`;
      const notModified = await download(t, alice, route, { 'if-none-match': etag });
      expect(notModified.status).toBe(304);
      expect(notModified.bytes.length).toBe(0);
      expect(notModified.headers.get('etag')).toBe(etag);
      expect((await download(t, alice, route, { 'if-none-match': '"other"' })).status).toBe(200);
      expect((await download(t, alice, route, { range: 'bytes=0-0', 'if-range': '"other"' })).status).toBe(200);
      expect((await download(t, alice, route, { range: 'bytes=0-0', 'if-range': etag })).status).toBe(206);
    });
  });

  it('when another agency asks, then 404 and the refusal is recorded on the reader’s trail, not the case’s', async () => {
    const hash = await referenced(randomBytes(300));
    const res = await download(t, olga, `/v1/media/${hash}`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.bytes.toString())).toMatchObject({ code: 'not_found' });
    const access = await t.service.events.readStream(accessStream(AGENCY, CASE));
    expect(access.filter((r) => r.event.data.media === hash)).toEqual([]);
    const trail = await t.service.events.readStream(deniedAccessStream('city-market', 'olga'));
    const denied = trail.filter((r) => r.event.data.media === hash);
    expect(denied.map((r) => [r.event.type, r.event.data.action, r.event.data.outcome])).toEqual([
      ['CaseAccessDenied', 'read_media', 'denied'],
    ]);
  });

  it('when a supervisor of the agency asks, then the medium is served', async () => {
    const bytes = randomBytes(300);
    const hash = await referenced(bytes);
    const res = await download(t, sam, `/v1/media/${hash}`);
    expect(res.status).toBe(200);
    expect(res.bytes.equals(bytes)).toBe(true);
  });

  it.each([
    ['too short', 'abc'],
    ['uppercase', 'A'.repeat(64)],
    ['a path', encodeURIComponent('../etc/passwd')],
    ['a path of 64 characters', encodeURIComponent(`../../${'a'.repeat(58)}`)],
    ['65 characters', 'a'.repeat(65)],
    ['not hex', 'g'.repeat(64)],
  ])('when the digest is %s, then 404 or 400, never 5xx', async (_what, digest) => {
    const res = await download(t, alice, `/v1/media/${digest}`);
    expect([400, 404]).toContain(res.status);
  });

  it('when there is no token, then 401; when a reviewer uploads, then 403', async () => {
    expect((await upload(t, undefined, randomBytes(10))).status).toBe(401);
    expect((await download(t, undefined, `/v1/media/${'0'.repeat(64)}`)).status).toBe(401);
    const reviewer = t.token('rita', AGENCY, ['reviewer']);
    const res = await upload(t, reviewer, randomBytes(10));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });
});

describe('media over HTTP with MEDIA_MAX_BYTES of 1 MiB', () => {
  let t: TestService;
  let alice: string;

  beforeAll(async () => {
    t = await startTestService({ MEDIA_MAX_BYTES: String(MiB) });
    alice = t.token('alice', AGENCY, ['officer']);
  });
  afterAll(() => t.stop());

  it('when Content-Length is above the limit, then 413 too_large', async () => {
    const res = await upload(t, alice, randomBytes(2 * MiB));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'too_large', maxBytes: MiB });
  });

  it('when a chunked body grows past the limit, then 413 too_large, and the connection still serves', async () => {
    const source = generated(3 * MiB, 64 * 1024);
    const res = await upload(t, alice, source.body);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'too_large', maxBytes: MiB });
    const exact = generated(MiB, 64 * 1024);
    const fits = await upload(t, alice, exact.body);
    expect(fits.status).toBe(201);
    expect(fits.body).toMatchObject({ sha256: exact.sha256(), size: MiB });
  });

  it('when a refused body goes on far past what is drained, then the connection closes and the service serves on', async () => {
    const source = generated(64 * MiB, 256 * 1024);
    let refused: Awaited<ReturnType<typeof upload>> | undefined;
    try {
      refused = await upload(t, alice, source.body);
    } catch {
      // closed while the client was still sending: it may see the reset before the answer
    }
    if (refused) {
      expect(refused.status).toBe(413);
      expect(refused.headers.get('connection')).toBe('close');
    }
    expect((await upload(t, alice, randomBytes(10))).status).toBe(201);
  });
});
