// The HTTP part of `npm run bench`: the server runs in a child process (as in production), the load comes from
// this process over loopback with keep-alive connections.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(import.meta.dirname, '..');
const now = () => process.hrtime.bigint();

export interface Started {
  readonly child: ChildProcess;
  readonly port: number;
}

export function start(args: string[], env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'listening') resolve({ child, port: entry.port! });
      } catch {
        /* not a log line */
      }
    });
  });
}

export async function stop({ child }: Started): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function request(
  port: number,
  method: string,
  route: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: route, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * `clients` concurrent loops, each posting `body` to its own route for `seconds`; returns requests/s, latency
 * percentiles in ms, and how many answers were not 2xx.
 */
async function load(
  port: number,
  routeFor: (client: number) => string,
  headers: Record<string, string>,
  body: string,
  clients: number,
  seconds: number,
) {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = now() + BigInt(Math.round(seconds * 1e9));
  const started = now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const route = routeFor(client);
      while (now() < deadline) {
        const t0 = now();
        const res = await request(port, 'POST', route, headers, body);
        latencies.push(Number(now() - t0) / 1e6);
        if (res.status >= 300) failures++;
      }
    }),
  );
  const elapsed = Number(now() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rate: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), failures };
}

function rssOf(pid: number): number {
  const out = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return Number(out) * 1024;
}

/**
 * Each server is loaded as it is measured for this long first, untimed: a fresh process spends its first thousands
 * of requests compiling (V8's optimising compiler, on threads of its own, took 300 to 400 µs of an act's 1,500 µs of
 * CPU between the 1,000th and the 5,000th act), which a service that has been running a while no longer pays.
 */
export const WARM_UP_SECONDS = 5;

export interface HttpBenchResult {
  readonly hello: { rate: number; p50: number; p99: number };
  readonly acts: { rate: number; p50: number; p99: number; failures: number };
  readonly rawMediaMBps: number;
  readonly media: { MBps: number; bytes: number; rssGrowthMB: number };
}

export async function httpBench(options: {
  seconds: number;
  mediaBytes: number;
  progress: (text: string) => void;
}): Promise<HttpBenchResult> {
  const { seconds, mediaBytes, progress } = options;
  progress('http: express hello-world, 64 clients');
  const hello = await start(['--import', 'tsx', 'scripts/hello-server.ts'], {});
  const helloLoad = (duration: number) =>
    load(hello.port, () => '/hello', { 'content-type': 'application/json' }, '{"a":1}', 64, duration);
  await helloLoad(WARM_UP_SECONDS);
  const helloResult = await helloLoad(seconds);
  await stop(hello);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-http-'));
  const env = { LEDGER_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  try {
    const service = await start(['bin/ledger.js', 'serve'], { ...env, LOG_LEVEL: 'info' });
    const { officer, act } = await seedActs(service.port, env);
    progress('http: POST /v1/cases/{id}/acts, 64 clients on 64 cases');
    const actsLoad = (duration: number) =>
      load(service.port, (client) => `/v1/cases/bench-${client}/acts`, officer, act, 64, duration);
    await actsLoad(WARM_UP_SECONDS);
    const actsResult = await actsLoad(seconds);

    progress(`http: media upload of ${(mediaBytes / 2 ** 20).toFixed(0)} MiB`);
    const rawMediaMBps = rawHashWrite(mediaBytes, dataDir);
    const before = rssOf(service.child.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(service.child.pid!))), 200);
    const t0 = now();
    const uploaded = await upload(service.port, officer.authorization, mediaBytes);
    const mediaSeconds = Number(now() - t0) / 1e9;
    clearInterval(sampler);
    if (uploaded.status !== 201) throw new Error(`media upload failed: ${uploaded.status} ${uploaded.body}`);
    await stop(service);
    return {
      hello: helloResult,
      acts: actsResult,
      rawMediaMBps,
      media: { MBps: mediaBytes / 2 ** 20 / mediaSeconds, bytes: mediaBytes, rssGrowthMB: (peak - before) / 2 ** 20 },
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Registers two officers and an item of agency `bench` on a started service, opens the cases `bench-0` to
 * `bench-{cases-1}`, and returns the officer's headers and the act body that the acts part posts.
 */
export async function seedActs(
  port: number,
  env: Record<string, string>,
  cases = 64,
): Promise<{ officer: { authorization: string; 'content-type': string }; act: string }> {
  const token = (sub: string, roles: string) =>
    spawnSync(process.execPath, ['bin/ledger.js', 'token', '--sub', sub, '--agency', 'bench', '--roles', roles], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    }).stdout.trim();
  const admin = { authorization: `Bearer ${token('head', 'admin')}`, 'content-type': 'application/json' };
  const officer = { authorization: `Bearer ${token('o1', 'officer')}`, 'content-type': 'application/json' };
  for (const id of ['o1', 'o2']) {
    const body = JSON.stringify({
      officerId: id,
      name: id,
      agency: 'bench',
      certificateNo: `C-${id}`,
      validFrom: '2018-01-01',
      validTo: '2099-12-31',
      roles: ['officer'],
    });
    await request(port, 'POST', '/v1/officers', admin, body);
  }
  await request(
    port,
    'POST',
    '/v1/items',
    admin,
    JSON.stringify({ code: 'P-1', agency: 'bench', name: 'n', category: 'penalty', legalBasis: 'b' }),
  );
  const today = new Date().toISOString().slice(0, 10);
  for (let c = 0; c < cases; c++) {
    const open = {
      caseId: `bench-${c}`,
      itemCode: 'P-1',
      title: '案',
      openedOn: today,
      officers: ['o1', 'o2'],
      parties: [{ kind: 'organization', name: '某公司' }],
    };
    await request(port, 'POST', '/v1/cases', officer, JSON.stringify(open));
  }
  const act = JSON.stringify({
    type: 'EvidenceCollected',
    occurredAt: `${today}T00:00:00Z`,
    data: { description: '现场照片三张，询问笔录一份' },
  });
  return { officer, act };
}

/** The machine's raw rate for what an upload must do: SHA-256 the bytes and write them to a file, 1 MiB at a time. */
function rawHashWrite(bytes: number, dir: string): number {
  const chunk = Buffer.alloc(1 << 20, 7);
  const file = path.join(dir, 'raw.bin');
  const fd = fs.openSync(file, 'w');
  const hash = createHash('sha256');
  const t0 = now();
  for (let written = 0; written < bytes; written += chunk.length) {
    hash.update(chunk);
    fs.writeSync(fd, chunk);
  }
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  hash.digest();
  const seconds = Number(now() - t0) / 1e9;
  fs.rmSync(file);
  return bytes / 2 ** 20 / seconds;
}

function upload(port: number, authorization: string, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/v1/media',
        agent,
        headers: { authorization, 'content-type': 'video/mp4', 'content-length': String(bytes) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    const chunk = Buffer.alloc(1 << 20);
    // a video as the service checks one: it starts as an MP4 file (an ISO base media ftyp box)
    chunk.writeUInt32BE(24, 0);
    chunk.write('ftypisommp41isommp41', 4, 'latin1');
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        chunk.writeUInt32BE(sent / chunk.length, 24); // each MiB differs, so nothing dedupes
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}
