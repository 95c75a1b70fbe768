import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { blobLayout } from '../../src/adapters/filesystem/blob-store.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/**
 * A medium or a bundle is taken as sent, never decoded: a body with a `Content-Encoding` other than `identity` is
 * `415 unsupported_media_type` naming the coding, before any of it is read, and nothing is stored (the compressed
 * bytes would otherwise be kept as the medium they were declared to be).
 */
const AGENCY = 'county-justice';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Whether the service's media folder holds these bytes. */
const isStored = (bytes: Uint8Array) => fs.existsSync(blobLayout(path.join(t.dataDir, 'media'), sha256(bytes)).blob);

let t: TestService;
let alice: string;

beforeAll(async () => {
  t = await startTestService();
  alice = t.token('alice', AGENCY, ['officer']);
}, 120_000);
afterAll(() => t?.stop());

async function post(route: string, body: Uint8Array, headers: Record<string, string>) {
  const res = await fetch(`${t.url}${route}`, { method: 'POST', headers, body: new Uint8Array(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

const upload = (body: Uint8Array, headers: Record<string, string> = {}) =>
  post('/v1/media', body, { authorization: `Bearer ${alice}`, 'content-type': 'image/jpeg', ...headers });

describe('a content coding on a raw body', () => {
  it('when a medium is uploaded with Content-Encoding: gzip, then 415 unsupported_media_type naming gzip, and nothing is stored', async () => {
    const photo = randomBytes(4000);
    const gzipped = gzipSync(photo);
    const before = await t.service.events.headPosition();

    const refused = await upload(gzipped, { 'content-encoding': 'gzip' });
    expect(refused.status).toBe(415);
    expect(refused.headers.get('accept-encoding')).toBe('identity');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect(refused.body.detail).toContain('content coding gzip');
    // no MediaReceived was recorded, and neither the compressed bytes nor what they inflate to were stored
    expect(await t.service.events.headPosition()).toBe(before);
    expect([isStored(gzipped), isStored(photo)]).toEqual([false, false]);
    // sent as what they are, the same bytes are the agency's first upload of them
    expect((await upload(gzipped, { 'content-type': 'application/gzip' })).status).toBe(201);
    expect(isStored(gzipped)).toBe(true);
  });

  it.each([['GZIP'], ['br'], ['deflate, gzip']])(
    'when a medium comes with Content-Encoding: %s, then it is refused the same way',
    async (coding) => {
      const refused = await upload(randomBytes(100), { 'content-encoding': coding });
      expect([refused.status, refused.body.code]).toEqual([415, 'unsupported_media_type']);
      expect(refused.body.detail).toContain(`content coding ${coding.toLowerCase()}`);
    },
  );

  it('when a medium comes with Content-Encoding: identity, then it is stored as sent', async () => {
    const bytes = randomBytes(1000);
    const stored = await upload(bytes, { 'content-encoding': 'identity' });
    expect(stored.status).toBe(201);
    expect(stored.body).toEqual({ sha256: sha256(bytes), size: 1000, contentType: 'image/jpeg' });
  });

  it('when an application form with an attachment comes with Content-Encoding: gzip, then 415 unsupported_media_type, unread, and nothing is filed or stored', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(500), Buffer.from('\n%%EOF\n')]);
    const form = new FormData();
    form.set('application', JSON.stringify({ agency: AGENCY, itemCode: 'L-001', request: '申请' }));
    form.append('attachment', new Blob([pdf], { type: 'application/pdf' }), 'a.pdf');
    const encoded = new Response(form);
    const contentType = encoded.headers.get('content-type')!;
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const before = await t.service.events.headPosition();
    const refused = await post('/v1/applications', gzipSync(bytes), {
      'content-type': contentType,
      'content-encoding': 'gzip',
    });
    expect(refused.status).toBe(415);
    expect(refused.headers.get('accept-encoding')).toBe('identity');
    expect(refused.body).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect(refused.body.detail).toContain('content coding gzip');
    expect(await t.service.events.headPosition()).toBe(before);
    expect(isStored(pdf)).toBe(false);
  });

  it('when a bundle is posted for verification with Content-Encoding: gzip, then 415 unsupported_media_type naming gzip, unread', async () => {
    const bundle = gzipSync(Buffer.alloc(2048));
    const refused = await post('/v1/verify', bundle, {
      'content-type': 'application/x-tar',
      'content-encoding': 'gzip',
    });
    expect(refused.status).toBe(415);
    expect(refused.headers.get('accept-encoding')).toBe('identity');
    expect(refused.body).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect(refused.body.detail).toContain('content coding gzip');
    // the same bytes without the header are read and verified (and are no bundle)
    const read = await post('/v1/verify', bundle, { 'content-type': 'application/x-tar' });
    expect([read.status, read.body.valid]).toEqual([200, false]);
  });
});

describe('a content coding on a JSON body', () => {
  const opening = (caseId: string) =>
    JSON.stringify({
      caseId,
      itemCode: 'P-001',
      title: '压缩的请求',
      openedOn: new Date().toISOString().slice(0, 10),
      officers: ['alice', 'bob'],
      parties: [{ kind: 'organization', name: '某公司' }],
    });
  const json = (body: Uint8Array, coding: string) =>
    post('/v1/cases', body, {
      authorization: `Bearer ${officer}`,
      'content-type': 'application/json',
      'content-encoding': coding,
    });
  let officer: string;
  beforeAll(async () => {
    ({ officer } = await seedAgency(t, 'json-coding'));
  });

  it('when it is gzip, then it is decoded and taken as the same JSON sent plain would be', async () => {
    const res = await json(gzipSync(Buffer.from(opening('cc-1'))), 'gzip');
    expect([res.status, res.body.caseId]).toEqual([201, 'cc-1']);
  });

  it('when it inflates beyond the 1 MiB of a JSON body, then 413 too_large, counted after decoding', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)); // 8 MiB of spaces in a few KiB
    expect(bomb.length).toBeLessThan(64 * 1024);
    const before = await t.service.events.headPosition();
    const res = await json(bomb, 'gzip');
    expect([res.status, res.body.code]).toEqual([413, 'too_large']);
    expect(await t.service.events.headPosition()).toBe(before);
  });

  it('when the coding is none the service knows, then 415 unsupported_media_type and nothing is recorded', async () => {
    const res = await json(Buffer.from(opening('cc-2')), 'x-unknown');
    expect([res.status, res.body.code]).toEqual([415, 'unsupported_media_type']);
  });
});
