import { createHash, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { BUNDLE_FORMAT, manifestBytes, signManifest } from '../../src/ledger/bundle.js';
import { ed25519Signer } from '../../src/ledger/ed25519.js';
import { BLOCK, tarHeader, tarSize } from '../../src/ledger/tar.js';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { bundleApi } from '../../src/http/bundle-api.js';
import { errorHandler } from '../../src/http/problem.js';
import { Slots } from '../../src/http/slots.js';
import { startTestService, type TestService } from '../support/service.js';

const MiB = 1024 * 1024;
const FILE = Buffer.alloc(4 * MiB, 0x20); // 4 MiB of spaces: the most a held file of POST /v1/verify may have
const FILE_SHA = createHash('sha256').update(FILE).digest('hex');

/**
 * A hostile bundle: a manifest first, listing `files` event files of 4 MiB with their right hashes, signed by a key
 * the service does not know; then the files.
 */
function hostileBundle(files: number): { size: number; chunks: () => Generator<Uint8Array> } {
  const attacker = ed25519Signer(generateKeyPairSync('ed25519').privateKey);
  const names = Array.from({ length: files }, (_, i) => `events/${String(i).padStart(8, '0')}.json`);
  const manifest = manifestBytes(
    signManifest(
      {
        format: BUNDLE_FORMAT,
        agency: 'a',
        caseId: 'x',
        createdAt: '2026-12-01T00:00:00.000Z',
        checkpoint: { origin: 'evidence-ledger.local/log', size: 1, rootHash: Buffer.alloc(32).toString('base64') },
        files: [
          ...names.map((name) => ({ name, size: FILE.length, sha256: FILE_SHA })),
          { name: 'checkpoint.txt', size: 0, sha256: createHash('sha256').digest('hex') },
        ],
        streams: [
          { stream: 'case-a:x', revision: files - 1 },
          { stream: 'access-a:x', revision: -1 },
        ],
      },
      attacker,
    ),
  );
  const size = tarSize([manifest.length, ...names.map(() => FILE.length), 0]);
  const mtime = Math.floor(Date.parse('2026-12-01T00:00:00.000Z') / 1000); // the manifest's createdAt
  return {
    size,
    *chunks() {
      yield tarHeader('manifest.json', manifest.length, mtime);
      yield manifest;
      yield Buffer.alloc((BLOCK - (manifest.length % BLOCK)) % BLOCK);
      for (const name of names) {
        yield tarHeader(name, FILE.length, mtime);
        yield FILE;
      }
      yield tarHeader('checkpoint.txt', 0, mtime);
      yield Buffer.alloc(2 * BLOCK);
    },
  };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/**
 * POST /v1/verify with node:http, writing `chunks` with backpressure; `hold` keeps the body open until it resolves.
 * Resolves with the answer, even when the server answers before the body is sent.
 */
function post(
  url: string,
  options: { size?: number; chunks?: Iterable<Uint8Array>; hold?: Promise<void>; rest?: Iterable<Uint8Array> },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/x-tar' };
    if (options.size !== undefined) headers['content-length'] = String(options.size);
    const req = http.request(`${url}/v1/verify`, { method: 'POST', headers, agent: false });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined });
      });
      res.on('error', reject);
    });
    req.on('error', () => {}); // the server may close while the body is still being written; the answer decides
    req.flushHeaders();
    void (async () => {
      for (const chunk of options.chunks ?? []) {
        if (req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      if (options.hold) await options.hold;
      for (const chunk of options.rest ?? []) {
        if (req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      if (options.chunks || options.rest) req.end();
    })();
  });
}

/** Waits until `/metrics` shows the gauge at `value` (the server's own count: no timing involved). */
async function gauge(t: TestService, name: string, value: number): Promise<void> {
  for (;;) {
    const text = (await t.call('GET', '/metrics')).body as string;
    if (new RegExp(`^${name} ${value}$`, 'm').test(text)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('POST /v1/verify under hostile load', () => {
  let t: TestService;
  afterEach(async () => t?.stop());

  it("when a bundle's manifest signature is bogus, then verification fails before any media is held", async () => {
    t = await startTestService({
      VERIFY_CONCURRENCY: '12',
      VERIFY_QUEUE: '0',
      VERIFY_PER_CLIENT: '12',
      PUBLIC_RATE_LIMIT_BYTES: '0',
    });
    const bundles = Array.from({ length: 12 }, () => hostileBundle(30)); // 12 × 120 MiB
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage();
    const peak = { rss: before.rss, arrayBuffers: before.arrayBuffers };
    const sampler = setInterval(() => {
      gc();
      const now = process.memoryUsage();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
    }, 500);
    let answers: Answer[];
    try {
      answers = await Promise.all(bundles.map((b) => post(t.url, { size: b.size, chunks: b.chunks() })));
    } finally {
      clearInterval(sampler);
    }
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ valid: false, failure: { code: 'unknown_key' } });
      // refused at the first event file: nothing but the manifest was held
      expect(answer.body.counts.events).toBe(0);
    }
    // holding the files would take 12 × 120 MiB; refusing before holding keeps growth to the manifests and buffers
    expect((peak.rss - before.rss) / MiB).toBeLessThan(150);
    expect((peak.arrayBuffers - before.arrayBuffers) / MiB).toBeLessThan(150);
  }, 300_000);

  it('when more verifications arrive than the cap, then 503 with Retry-After', async () => {
    t = await startTestService({ VERIFY_CONCURRENCY: '1', VERIFY_QUEUE: '1', VERIFY_PER_CLIENT: '3' });
    const bundle = hostileBundle(1);
    const all = [...bundle.chunks()];
    let letFirstFinish!: () => void;
    const hold = new Promise<void>((r) => (letFirstFinish = r));
    // the first holds the only slot: its body stays open after the manifest's header
    const first = post(t.url, { size: bundle.size, chunks: all.slice(0, 1), hold, rest: all.slice(1) });
    await gauge(t, 'ledger_verify_active', 1);
    // the second waits in the queue
    const second = post(t.url, { size: bundle.size, chunks: all });
    await gauge(t, 'ledger_verify_waiting', 1);
    // the third finds no slot and no room in the queue
    const third = await post(t.url, { size: bundle.size });
    expect(third.status).toBe(503);
    expect(third.headers['retry-after']).toBe('5');
    expect(third.body).toMatchObject({ code: 'verify_busy', status: 503 });

    letFirstFinish();
    for (const answer of await Promise.all([first, second])) {
      expect(answer).toMatchObject({ status: 200, body: { valid: false, failure: { code: 'unknown_key' } } });
    }
    await gauge(t, 'ledger_verify_active', 0);
    expect((await post(t.url, { size: bundle.size, chunks: all })).status).toBe(200);
  }, 120_000);

  it('when one client address already has a verification in progress, then its next is 429 verify_client_busy, unread', async () => {
    t = await startTestService({ VERIFY_CONCURRENCY: '2', VERIFY_QUEUE: '4' });
    const bundle = hostileBundle(1);
    const all = [...bundle.chunks()];
    let letFirstFinish!: () => void;
    const hold = new Promise<void>((r) => (letFirstFinish = r));
    const first = post(t.url, { size: bundle.size, chunks: all.slice(0, 1), hold, rest: all.slice(1) });
    await gauge(t, 'ledger_verify_active', 1);
    // a slot is free, but not for this address
    const second = await post(t.url, { size: bundle.size, chunks: all });
    expect(second.status).toBe(429);
    expect(second.headers['retry-after']).toBe('5');
    expect(second.body).toMatchObject({ code: 'verify_client_busy', status: 429 });
    letFirstFinish();
    expect(await first).toMatchObject({ status: 200, body: { failure: { code: 'unknown_key' } } });
    // once answered, the address may send the next
    expect((await post(t.url, { size: bundle.size, chunks: all })).status).toBe(200);
  }, 120_000);

  it('when an upload holding a slot trickles, then 408 upload_too_slow closes it and the slot is free again', async () => {
    const app = express();
    const slots = new Slots({ concurrency: 1, queue: 0, retryAfterSeconds: 5 });
    app.use(
      bundleApi({
        bundles: { export: () => Promise.reject(new Error('not asked')) },
        verify: () => {
          throw new Error('not asked');
        },
        keys: () => [],
        limited: (_req, _res, next) => next(),
        log: pino({ level: 'silent' }),
        verifySlots: slots,
        verifyProgress: { windowMs: 300, minBytes: 1024 },
      }),
    );
    app.use(errorHandler(pino({ level: 'silent' })));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const bundle = hostileBundle(1);
      const all = Buffer.concat([...bundle.chunks()]);
      // the first 600 bytes, then one byte every 100 ms: far below 1 KiB in 300 ms
      let stop = false;
      const trickle = (async function* () {
        yield all.subarray(0, 600);
        for (let at = 600; !stop && at < all.length; at++) {
          await new Promise((r) => setTimeout(r, 100));
          yield all.subarray(at, at + 1);
        }
      })();
      const chunks: Buffer[] = [];
      const slow = await new Promise<Answer>((resolve, reject) => {
        const req = http.request(`${url}/v1/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-tar', 'content-length': String(all.length) },
          agent: false,
        });
        req.on('response', (res) => {
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              headers: res.headers,
              body: JSON.parse(Buffer.concat(chunks).toString()),
            }),
          );
          res.on('error', reject);
        });
        req.on('error', () => {});
        void (async () => {
          for await (const chunk of trickle) if (!req.destroyed) req.write(chunk);
        })();
      });
      stop = true;
      expect(slow.status).toBe(408);
      expect(slow.headers.connection).toBe('close');
      expect(slow.body).toMatchObject({ code: 'upload_too_slow', status: 408 });
      // the slot it held is free: a whole bundle sent at once is read and answered
      for (let waited = 0; slots.active > 0 && waited < 30_000; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      expect(slots.active).toBe(0);
      const next = await post(url, { size: bundle.size, chunks: bundle.chunks() });
      expect(next).toMatchObject({ status: 200, body: { valid: false } });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 120_000);

  it('when a public client posts bundles past its byte budget, then 429, and 413 beyond the whole budget', async () => {
    // 10 MiB a minute: one 4 MiB bundle passes, a second exhausts the budget, and a body larger than it never fits
    t = await startTestService({ PUBLIC_RATE_LIMIT_BYTES: String(10 * MiB), PUBLIC_RATE_LIMIT: '1000' });
    const bundle = hostileBundle(1);
    const firstAnswer = await post(t.url, { size: bundle.size, chunks: bundle.chunks() });
    expect(firstAnswer).toMatchObject({ status: 200, body: { failure: { code: 'unknown_key' } } });
    const secondAnswer = await post(t.url, { size: bundle.size, chunks: bundle.chunks() });
    expect(secondAnswer.status).toBe(200);
    // the requests limit allows many more; the bytes are spent
    const refused = await post(t.url, { size: bundle.size });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const tooLarge = await post(t.url, { size: 11 * MiB });
    expect(tooLarge).toMatchObject({ status: 413, body: { code: 'too_large' } });
  }, 120_000);
});
