import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import { errorHandler } from '../../../src/http/problem.js';

/** An error as SQLite or the file system throws it: a message and a `code`. */
const failure = (code: string) => Object.assign(new Error(`failed: ${code}`), { code });

describe('a store of the service that cannot write, as the answer to a request', () => {
  let server: Server;
  let base: string;
  const lines: { level: number; msg: string; code?: string }[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as (typeof lines)[number]);
        done();
      },
    });
    const app = express();
    app.get('/fail/:code', (req) => {
      throw failure(req.params.code);
    });
    app.use(errorHandler(pino({ level: 'info' }, sink)));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it.each([
    ['SQLITE_FULL', 'its disk is full', 'STORAGE FULL'],
    ['ENOSPC', 'its disk is full', 'STORAGE FULL'],
    ['EDQUOT', 'its disk is full', 'STORAGE FULL'],
    ['SQLITE_READONLY', 'its disk or folder is read-only', 'STORAGE READ-ONLY'],
    ['EROFS', 'its disk or folder is read-only', 'STORAGE READ-ONLY'],
  ])(
    'when a write fails with %s (the data keys, the media), then 503 store_unavailable with Retry-After, never 500, and the operator is told at error level',
    async (code, detail, logged) => {
      lines.length = 0;
      const res = await fetch(`${base}/fail/${code}`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(await res.json()).toMatchObject({
        code: 'store_unavailable',
        detail: `a store of the service cannot be written (${detail}): nothing was recorded; send the request again later`,
      });
      expect(lines).toEqual([expect.objectContaining({ level: 50, code: 'store_unavailable' })]);
      expect(lines[0]!.msg.startsWith(`${logged}:`)).toBe(true);
    },
  );

  it('when a write fails otherwise, then it is 500 internal as before', async () => {
    const res = await fetch(`${base}/fail/EACCES_OTHER`);
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ code: 'internal' });
  });
});
