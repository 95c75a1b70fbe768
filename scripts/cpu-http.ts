// CPU time per request of the HTTP part of the bench, measured in the server's process rather than by the clock, so
// that a run on a busy machine gives the same figures as a quiet one. It starts the Express hello-world and then the
// service (compiled, as `npm run bench` runs it), sends `--requests` posts from 64 keep-alive clients after a
// warm-up, and reads each server thread's user + system CPU from /proc before and after.
//
//   node --import tsx scripts/cpu-http.ts [--requests 4000] [--warm-up 1000] [--profile DIR]
//
// `--warm-up N` sends N untimed requests first (default: 1,000, or `--requests` when fewer): a fresh service
// still compiles its code for the first few thousand acts (V8's optimising compiler, on threads of its own), so
// 10,000 or more give the figures of a service that has been running a while.
// `--profile DIR` runs the service under `node --cpu-prof` and leaves the profile in DIR. Linux only (/proc).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { request, seedActs, start, stop } from './bench-http.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '4000' },
    'warm-up': { type: 'string' },
    profile: { type: 'string' },
  },
});
const requests = Number(values.requests);
const warmUp = values['warm-up'] === undefined ? Math.min(1000, requests) : Number(values['warm-up']);
const ticks = 100; // USER_HZ on Linux

/** CPU seconds (user + system) of each thread of `pid`, by thread name. */
function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / ticks;
    const key = tid === String(pid) ? 'main' : `${name}#${tid}`;
    out.set(key, (out.get(key) ?? 0) + cpu);
  }
  return out;
}

async function measure(
  pid: number,
  port: number,
  route: (c: number) => string,
  headers: Record<string, string>,
  body: string,
) {
  const send = async (count: number) => {
    let next = 0;
    let failures = 0;
    await Promise.all(
      Array.from({ length: 64 }, async (_, client) => {
        while (next++ < count) {
          const res = await request(port, 'POST', route(client), headers, body);
          if (res.status >= 300) failures++;
        }
      }),
    );
    return failures;
  };
  await send(warmUp);
  const before = threadCpu(pid);
  const failures = await send(requests);
  const after = threadCpu(pid);
  const perThread = new Map<string, number>();
  for (const [name, cpu] of after) perThread.set(name, ((cpu - (before.get(name) ?? 0)) / requests) * 1e6);
  const total = [...perThread.values()].reduce((a, b) => a + b, 0);
  return { total, main: perThread.get('main') ?? 0, perThread, failures };
}

function show(label: string, r: Awaited<ReturnType<typeof measure>>) {
  const others = [...r.perThread]
    .filter(([name, us]) => name !== 'main' && us >= 1)
    .map(([name, us]) => `${name} ${us.toFixed(0)}`)
    .join(', ');
  console.log(
    `${label.padEnd(34)} ${r.total.toFixed(0).padStart(6)} µs CPU per request (main thread ${r.main.toFixed(0)}; ${others || 'no other thread'}; ${r.failures} not 2xx)`,
  );
}

const hello = await start(['--import', 'tsx', 'scripts/hello-server.ts'], {});
const helloCpu = await measure(
  hello.child.pid!,
  hello.port,
  () => '/hello',
  { 'content-type': 'application/json' },
  '{"a":1}',
);
await stop(hello);
show('express hello-world', helloCpu);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cpu-http-'));
const env = { LEDGER_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
try {
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
  const service = await start([...profile, 'bin/ledger.js', 'serve'], { ...env, LOG_LEVEL: 'info' });
  const { officer, act } = await seedActs(service.port, env);
  const acts = await measure(service.child.pid!, service.port, (c) => `/v1/cases/bench-${c}/acts`, officer, act);
  await stop(service);
  show('POST /v1/cases/{id}/acts', acts);
  console.log(
    `hello / act, CPU of the main thread   ${((helloCpu.main / acts.main) * 100).toFixed(0)}%   (all threads ${((helloCpu.total / acts.total) * 100).toFixed(0)}%)`,
  );
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
