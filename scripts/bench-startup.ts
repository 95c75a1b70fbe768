// Part (i) of `npm run bench` (`--only startup`): what the compiled build saves at start, against the TypeScript
// sources run through tsx. The service: from process start to the first /readyz 200 (on a data folder made by an
// earlier start, as a restart finds it); a worker thread: from its creation to its first answer (a signature
// pool of one thread checking one signature); each with the CPU it took (the service's, all threads, from /proc;
// the benchmark process's for the thread), which a busy machine inflates less than the time. Medians of a few
// runs, printed, never asserted.
import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { distState } from '../bin/dist-state.js';
import * as sourcePool from '../src/app/signature-pool.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * `ledger serve` from the sources, as bin/ledger.js runs them when dist/ is out of date (without its check). A file,
 * not --eval: worker threads inherit the process's flags, and they refuse --input-type.
 */
function fromSources(dir: string): string[] {
  const file = path.join(dir, 'serve-from-sources.mjs');
  const main = JSON.stringify(pathToFileURL(path.join(ROOT, 'src/cli/main.ts')).href);
  fs.writeFileSync(
    file,
    `const { main } = await import(${main});\n` +
      "process.exitCode = await main(['serve'], { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });\n",
  );
  return ['--import', 'tsx', file];
}
const COMPILED = ['bin/ledger.js', 'serve'];

export interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number;
}
export interface StartupBenchResult {
  readonly service: { readonly tsx: Timing; readonly compiled: Timing };
  readonly thread: { readonly tsx: Timing; readonly compiled: Timing };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** CPU time a process has used, all its threads (Linux: /proc; elsewhere NaN). */
function cpuOf(pid: number): number {
  try {
    // the fields after the command's closing parenthesis; utime and stime are the 12th and 13th, in 1/100 s
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** From spawning `node args` to its /readyz answering 200: milliseconds, and the service's CPU; then stopped. */
async function serviceStart(args: string[], dataDir: string): Promise<Timing> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LEDGER_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the service stopped (exit ${code}) before listening`)));
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        const entry = JSON.parse(line) as { msg?: string; port?: number };
        if (entry.msg === 'listening') resolve(entry.port!);
      });
    });
    for (;;) {
      const answer = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
      if (answer?.status === 200) return { wallMs: performance.now() - started, cpuMs: cpuOf(child.pid!) };
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** A signature pool of one thread, from its creation to the answer to its first signature. */
async function threadStart(Pool: typeof sourcePool.SignaturePool): Promise<Timing> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const message = Buffer.from('start-up');
  const signature = sign(null, message, privateKey);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const pool = new Pool(1);
  const [valid] = await pool.check([{ publicKey, message, signature }]);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await pool.close();
  if (valid !== true) throw new Error('the signature thread did not confirm a valid signature');
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export async function startupBench(options: {
  dir: string;
  runs: number;
  progress: (text: string) => void;
}): Promise<StartupBenchResult> {
  const { dir, runs, progress } = options;
  if (!distState(ROOT).fresh) {
    progress('start-up: building dist/');
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const compiledPool = (await import(
    pathToFileURL(path.join(ROOT, 'dist/src/app/signature-pool.js')).href
  )) as typeof sourcePool;
  const dataDir = path.join(dir, 'data');
  progress('start-up: a first start makes the data folder');
  await serviceStart(COMPILED, dataDir);
  const service = { tsx: [] as Timing[], compiled: [] as Timing[] };
  const thread = { tsx: [] as Timing[], compiled: [] as Timing[] };
  for (let run = 1; run <= runs; run++) {
    progress(`start-up: run ${run} of ${runs}`);
    service.tsx.push(await serviceStart(fromSources(dir), dataDir));
    service.compiled.push(await serviceStart(COMPILED, dataDir));
    thread.tsx.push(await threadStart(sourcePool.SignaturePool));
    thread.compiled.push(await threadStart(compiledPool.SignaturePool));
  }
  const timing = (t: Timing[]) => ({ wallMs: median(t.map((x) => x.wallMs)), cpuMs: median(t.map((x) => x.cpuMs)) });
  return {
    service: { tsx: timing(service.tsx), compiled: timing(service.compiled) },
    thread: { tsx: timing(thread.tsx), compiled: timing(thread.compiled) },
  };
}

export function reportStartup(r: StartupBenchResult): void {
  const ms = (v: number) => `${Math.round(v).toLocaleString('en')} ms`.padStart(8);
  console.log('(i) start-up: the TypeScript sources through tsx, and compiled (dist/, `npm run build`)');
  const line = (what: string, t: { tsx: Timing; compiled: Timing }) =>
    console.log(
      `  ${what.padEnd(38)} tsx ${ms(t.tsx.wallMs)}   compiled ${ms(t.compiled.wallMs)}` +
        `   (CPU: tsx ${ms(t.tsx.cpuMs).trim()}, compiled ${ms(t.compiled.cpuMs).trim()})`,
    );
  line('service, process start to /readyz 200', r.service);
  line('worker thread, start to first answer', r.thread);
}
