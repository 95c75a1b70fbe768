import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { blobLayout } from '../../src/adapters/filesystem/blob-store.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { asVideo } from '../support/media-bytes.js';

const AGENCY = 'county-justice';

/** GET over a plain socket: what arrived, and whether the response ended or the connection broke first. */
function rawGet(
  url: string,
  token: string,
): Promise<{ status: number; length: number; bytes: Buffer; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      let ended = false;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (ended = true));
      res.on('error', () => {}); // "aborted": the broken transfer this test is about
      res.on('close', () =>
        resolve({
          status: res.statusCode ?? 0,
          length: Number(res.headers['content-length']),
          bytes: Buffer.concat(chunks),
          ended: ended && res.complete,
        }),
      );
    });
    req.on('error', reject);
  });
}

describe('media are checked as they are served', () => {
  let t: TestService;
  let officer: string;
  const logged: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(line: Buffer, _encoding, done) {
        logged.push(JSON.parse(line.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    t = await startTestService({}, { log: pino({ level: 'warn' }, sink) });
    ({ officer } = await seedAgency(t, AGENCY));
    const opened = await t.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId: 'i-1',
        itemCode: 'P-001',
        title: '检查案',
        openedOn: '2026-03-02',
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某公司' }],
      },
    });
    expect(opened.status).toBe(201);
  });
  afterAll(() => t.stop());

  it('when a stored medium is changed on disk, then its transfer breaks before it completes and an integrity fault is logged', async () => {
    const bytes = asVideo(randomBytes(300_000));
    const res = await fetch(`${t.url}/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'video/mp4' },
      body: bytes,
    });
    expect(res.status).toBe(201);
    const { sha256 } = (await res.json()) as { sha256: string };
    const act = await t.call('POST', '/v1/cases/i-1/acts', {
      token: officer,
      body: {
        type: 'EvidenceCollected',
        occurredAt: '2026-03-03T09:30:00+08:00',
        data: { description: '现场录像' },
        media: [sha256],
      },
    });
    expect(act.status).toBe(201);
    expect(await rawGet(`${t.url}/v1/media/${sha256}`, officer)).toMatchObject({ status: 200, ended: true, bytes });

    // one byte changed in place, the size kept: only a re-hash can tell
    const file = blobLayout(path.join(t.dataDir, 'media'), sha256).blob;
    fs.chmodSync(file, 0o600);
    const tampered = Buffer.from(bytes);
    tampered[150_000] = tampered[150_000]! ^ 0xff;
    fs.writeFileSync(file, tampered);

    const served = await rawGet(`${t.url}/v1/media/${sha256}`, officer);
    expect(served.status).toBe(200);
    expect(served.length).toBe(bytes.length);
    expect(served.ended).toBe(false);
    expect(served.bytes.length).toBeLessThan(bytes.length);
    // the server logs once its side of the pipeline has ended, which may be just after the client saw the break
    const fault = expect.objectContaining({ sha256, code: 'integrity_fault', level: 50 });
    for (
      let waited = 0;
      waited < 5_000 && !logged.some((entry) => entry.code === 'integrity_fault' && entry.sha256 === sha256);
      waited += 50
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logged).toContainEqual(fault);
  });
});
