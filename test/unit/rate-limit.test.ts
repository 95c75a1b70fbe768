import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { errorHandler } from '../../src/http/problem.js';
import { chargeBody, rateLimit, TokenBuckets } from '../../src/http/rate-limit.js';

describe('token buckets per client', () => {
  it('when a client makes perMinute requests at once, then the next is refused until a token is back', () => {
    let now = 1_000_000;
    const buckets = new TokenBuckets({ perMinute: 3, now: () => now });
    // 3 a minute: one token every 20 s, so the bucket is full again 20 s after each token taken
    expect([1, 2, 3].map(() => buckets.take('a'))).toEqual([
      { allowed: true, remaining: 2, retryAfterSeconds: 0, fullInSeconds: 20 },
      { allowed: true, remaining: 1, retryAfterSeconds: 0, fullInSeconds: 40 },
      { allowed: true, remaining: 0, retryAfterSeconds: 0, fullInSeconds: 60 },
    ]);
    expect(buckets.take('a')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 20, fullInSeconds: 60 });
    now += 15_000;
    expect(buckets.take('a')).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 5, fullInSeconds: 45 });
    expect(buckets.peek('a')).toEqual({ remaining: 0, fullInSeconds: 45 });
    expect(buckets.peek('stranger')).toEqual({ remaining: 3, fullInSeconds: 0 });
    now += 5_000;
    expect(buckets.take('a')).toMatchObject({ allowed: true, remaining: 0 });
    expect(buckets.take('a').allowed).toBe(false);
  });

  it('when one client is refused, then another client still has its own full bucket', () => {
    const buckets = new TokenBuckets({ perMinute: 1, now: () => 0 });
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
    expect(buckets.take('b')).toMatchObject({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
  });

  it('when a client waits longer than a minute, then its bucket holds no more than perMinute tokens', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 2, now: () => now });
    buckets.take('a');
    now += 3_600_000;
    expect(buckets.take('a').remaining).toBe(1);
    expect(buckets.take('a').remaining).toBe(0);
    expect(buckets.take('a').allowed).toBe(false);
  });

  it('when the clock goes backwards, then no tokens are added or lost', () => {
    let now = 60_000;
    const buckets = new TokenBuckets({ perMinute: 1, now: () => now });
    expect(buckets.take('a').allowed).toBe(true);
    now = 0;
    expect(buckets.take('a').allowed).toBe(false);
  });

  it('when more clients come than maxClients, then memory stays bounded and idle full buckets go first', () => {
    let now = 0;
    const buckets = new TokenBuckets({ perMinute: 2, now: () => now, maxClients: 100 });
    buckets.take('busy');
    buckets.take('busy');
    for (let i = 0; i < 1_000; i += 1) {
      buckets.take(`c${i}`);
      expect(buckets.size).toBeLessThanOrEqual(100);
    }
    // busy was the least recently used and was forgotten under pressure: it starts with a full bucket again
    expect(buckets.take('busy').remaining).toBe(1);
    now += 60_000; // every bucket has refilled: the next sweep forgets them all but the newest
    for (let i = 0; i < 100; i += 1) buckets.take(`d${i}`);
    expect(buckets.size).toBeLessThanOrEqual(100);
    expect(buckets.size).toBeGreaterThan(0);
  });

  it('when perMinute is not a positive integer, then the buckets refuse to be made', () => {
    expect(() => new TokenBuckets({ perMinute: 0 })).toThrow(/perMinute/);
    expect(() => new TokenBuckets({ perMinute: 1.5 })).toThrow(/perMinute/);
  });
});

describe('the rate-limit middleware', () => {
  async function serve(perMinute: number, now: () => number) {
    const app = express();
    app.get('/x', rateLimit({ perMinute, now }), (_req, res) => {
      res.json({ ok: true });
    });
    app.use(errorHandler(pino({ level: 'silent' })));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    return { get: () => fetch(url), close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('when a client goes over the limit, then 429 rate_limited with Retry-After and the RateLimit fields of the draft', async () => {
    const now = 0;
    const s = await serve(2, () => now);
    try {
      const first = await s.get();
      // draft-ietf-httpapi-ratelimit-headers: the policy (quota q per window w) and what is left (r), full in t s
      expect([first.status, first.headers.get('ratelimit-policy'), first.headers.get('ratelimit')]).toEqual([
        200,
        '"requests";q=2;w=60',
        '"requests";r=1;t=30',
      ]);
      expect(first.headers.get('ratelimit-limit')).toBeNull();
      expect((await s.get()).status).toBe(200);
      const refused = await s.get();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.headers.get('retry-after')).toBe('30');
      // refused: r is what is left and t when the whole quota is back, as on every answer; Retry-After says when
      // the next request is allowed
      expect(refused.headers.get('ratelimit')).toBe('"requests";r=0;t=60');
      expect(await refused.json()).toMatchObject({ status: 429, code: 'rate_limited', title: 'Rate limit exceeded' });
    } finally {
      await s.close();
    }
  });

  it('when the limit is 0, then every request passes and no RateLimit header is sent', async () => {
    const s = await serve(0, () => 0);
    try {
      for (let i = 0; i < 5; i += 1) expect((await s.get()).status).toBe(200);
      const free = await s.get();
      expect([free.headers.get('ratelimit'), free.headers.get('ratelimit-policy')]).toEqual([null, null]);
    } finally {
      await s.close();
    }
  });
});

describe('the byte budget of the public routes', () => {
  async function serve(bytesPerMinute: number, now: () => number) {
    const app = express();
    app.post('/x', rateLimit({ perMinute: 1000, bytesPerMinute, now }), async (req, res) => {
      let read = 0;
      for await (const chunk of req) {
        read += (chunk as Buffer).length;
        chargeBody(res, (chunk as Buffer).length);
      }
      res.json({ read });
    });
    app.use(errorHandler(pino({ level: 'silent' })));
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    return {
      /** A body with its Content-Length, or sent chunked (one write: the server reads all of it). */
      post: (bytes: number, chunked = false) =>
        fetch(url, {
          method: 'POST',
          body: chunked
            ? (async function* () {
                yield Buffer.alloc(bytes, 1);
              })()
            : Buffer.alloc(bytes, 1),
          ...(chunked ? { duplex: 'half' } : {}),
        } as RequestInit),
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  }

  it('when a public client sends many bytes, then it is limited by bytes', async () => {
    let now = 0;
    const s = await serve(6_000, () => now); // 100 bytes a second
    try {
      const first = await s.post(2_500);
      expect([first.status, first.headers.get('ratelimit-policy'), first.headers.get('ratelimit')]).toEqual([
        200,
        '"requests";q=1000;w=60, "bytes";q=6000;qu="content-bytes";w=60',
        '"requests";r=999;t=1, "bytes";r=3500;t=25',
      ]);
      expect((await s.post(2_500)).status).toBe(200);
      // 1,000 bytes left: a declared 2,500 is refused before it is read, with the time the bytes take to come back
      const refused = await s.post(2_500);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('15');
      // what is left is said as it is, though this body is larger
      expect(refused.headers.get('ratelimit')).toBe('"requests";r=997;t=1, "bytes";r=1000;t=50');
      expect(await refused.json()).toMatchObject({ code: 'rate_limited' });
      // a chunked body is charged as it is read
      const chunked = await s.post(1_500, true);
      expect(chunked.status).toBe(429);
      expect(chunked.headers.get('retry-after')).toBe('5');
      now += 60_000;
      expect(await (await s.post(1_500, true)).json()).toEqual({ read: 1_500 });
      // more than the whole budget can never be sent
      const tooLarge = await s.post(6_001);
      expect([tooLarge.status, ((await tooLarge.json()) as { code: string }).code]).toEqual([413, 'too_large']);
    } finally {
      await s.close();
    }
  });

  it('when a cost is asked of the buckets, then that many tokens are taken or none', () => {
    const buckets = new TokenBuckets({ perMinute: 600, now: () => 0 });
    expect(buckets.take('a', 500)).toEqual({ allowed: true, remaining: 100, retryAfterSeconds: 0, fullInSeconds: 50 });
    // refused: nothing taken, what is left said as it is
    expect(buckets.take('a', 101)).toMatchObject({ allowed: false, remaining: 100, retryAfterSeconds: 1 });
    expect(buckets.take('a', 100)).toMatchObject({ allowed: true, remaining: 0 });
  });
});

describe('PUBLIC_RATE_LIMIT', () => {
  it('when unset, then 600 a minute; when 0, then no limit; when malformed, then a configuration error', () => {
    expect(loadConfig({}, '/srv').publicRateLimit).toBe(600);
    expect(loadConfig({ PUBLIC_RATE_LIMIT: '0' }, '/srv').publicRateLimit).toBe(0);
    expect(loadConfig({ PUBLIC_RATE_LIMIT: '30' }, '/srv').publicRateLimit).toBe(30);
    for (const bad of ['-1', 'many', '1000001']) {
      expect(() => loadConfig({ PUBLIC_RATE_LIMIT: bad }, '/srv')).toThrow(ConfigError);
      expect(() => loadConfig({ PUBLIC_RATE_LIMIT: bad }, '/srv')).toThrow(/^PUBLIC_RATE_LIMIT: /);
    }
  });
});

describe('PUBLIC_RATE_LIMIT_BYTES, VERIFY_CONCURRENCY, VERIFY_QUEUE', () => {
  it('when unset, then 1 GiB a minute, 2 verifications and 4 waiting; when out of range, then a configuration error', () => {
    const config = loadConfig({}, '/srv');
    expect([config.publicRateLimitBytes, config.verifyConcurrency, config.verifyQueue]).toEqual([1024 ** 3, 2, 4]);
    expect(loadConfig({ PUBLIC_RATE_LIMIT_BYTES: '0', VERIFY_QUEUE: '0' }, '/srv')).toMatchObject({
      publicRateLimitBytes: 0,
      verifyQueue: 0,
    });
    expect(() => loadConfig({ VERIFY_CONCURRENCY: '0' }, '/srv')).toThrow(/^VERIFY_CONCURRENCY: /);
    expect(() => loadConfig({ VERIFY_QUEUE: 'x' }, '/srv')).toThrow(/^VERIFY_QUEUE: /);
    expect(() => loadConfig({ PUBLIC_RATE_LIMIT_BYTES: '-1' }, '/srv')).toThrow(/^PUBLIC_RATE_LIMIT_BYTES: /);
  });
});
