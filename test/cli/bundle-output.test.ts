import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { freshTempDir } from '../support/temp-dir.js';
import { runCli } from '../support/cli.js';

/** Where `ledger bundle` puts the tar: a file only when asked (-o), else stdout, never a terminal. */
const dir = freshTempDir('cli-bundle');
const CASE = '01a22a3b-1ec5-7a41-9b6e-2f0c4d8e1a37';
const TAR = Buffer.from('a stand-in for the tar the service sends\n'.repeat(100));

let server: http.Server;
let url: string;
let requests: string[];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/x-tar', 'content-length': TAR.length });
    res.end(TAR);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(() => {
  requests = [];
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const run = (argv: string[], tty = false) =>
  runCli(['bundle', CASE, '--url', url, '--token', 'a-token', ...argv], {}, dir(), { tty });

describe('ledger bundle output', () => {
  it('when stdout is a terminal and no -o is given, then exit 2 with a hint, nothing asked for and no file', async () => {
    const result = await run([], true);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give -o FILE, or send stdout to a file or a pipe');
    expect(result.stderr).toContain('Run "ledger bundle --help" for the usage.');
    expect(requests).toEqual([]);
    expect(fs.readdirSync(dir())).toEqual([]);
  });

  it('when stdout is a pipe and no -o is given, then the tar goes to stdout and nothing is written here', async () => {
    const result = await run([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(TAR.toString());
    expect(result.stderr).toContain(`wrote ${TAR.length} bytes to stdout`);
    expect(requests).toEqual([`/v1/cases/${CASE}/bundle`]);
    expect(fs.readdirSync(dir())).toEqual([]);
  });

  it('when -o - is given, then the tar goes to stdout, even on a terminal', async () => {
    const result = await run(['-o', '-'], true);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(TAR.toString());
    expect(fs.readdirSync(dir())).toEqual([]);
  });

  it('when -o FILE is given, then the tar is written to FILE and nothing to stdout', async () => {
    const result = await run(['-o', 'case.tar']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(fs.readFileSync(path.join(dir(), 'case.tar'))).toEqual(TAR);
    expect(fs.readdirSync(dir())).toEqual(['case.tar']);
  });

  it('when -o names a folder, then the tar is written in it under the name the service gives, and nothing beside it', async () => {
    fs.mkdirSync(path.join(dir(), 'out'));
    for (const given of ['out', 'out/']) {
      const result = await run(['-o', given]);
      expect([given, result.code]).toEqual([given, 0]);
      expect(result.stderr).toContain(`wrote ${path.join('out', `case-${CASE}.tar`)}`);
      expect(fs.readFileSync(path.join(dir(), 'out', `case-${CASE}.tar`))).toEqual(TAR);
    }
    expect(fs.readdirSync(dir())).toEqual(['out']);
    expect(fs.readdirSync(path.join(dir(), 'out'))).toEqual([`case-${CASE}.tar`]);
  });

  it('when -o names a path with spaces, quotes or Chinese, then the check it suggests names that file to a shell', async () => {
    for (const name of ['证据 包.tar', "it's here.tar", 'a$b `c`.tar']) {
      const result = await run(['-o', name]);
      expect([name, result.code]).toEqual([name, 0]);
      const suggested = /check it with: ledger verify (.*)$/m.exec(result.stderr)?.[1];
      // the suggested argument, as sh reads it, in the folder the command ran in, is the file written
      const read = spawnSync('sh', ['-c', `cat -- ${suggested}`], { cwd: dir() });
      expect([name, read.status, read.stdout]).toEqual([name, 0, TAR]);
    }
  });

  it('when what answers at --url sends a page instead of a bundle, then exit 1 saying so, and no file', async () => {
    const proxy = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body>请登录</body></html>');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const result = await runCli(['bundle', CASE, '--url', at, '--token', 'a-token', '-o', 'x.tar'], {}, dir());
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${at} answered text/html, not an evidence bundle (application/x-tar)`);
      expect(fs.readdirSync(dir())).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it('when nothing listens at --url, then it says so and what to check', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await runCli(
      ['bundle', CASE, '--url', `http://127.0.0.1:${port}`, '--token', 'a-token', '-o', 'x.tar'],
      {},
      dir(),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot reach http://127.0.0.1:${port}: ECONNREFUSED: nothing listens there`);
    expect(result.stderr).toContain('is the service running?');
  });

  it('when -o names a file in a folder that does not exist, then exit 2 before anything is asked for', async () => {
    const result = await run(['-o', 'missing/case.tar']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`-o missing/case.tar: the folder ${path.join(dir(), 'missing')} does not exist`);
    expect(requests).toEqual([]);
    expect(fs.readdirSync(dir())).toEqual([]);
  });
});
