import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parseCmd, parseCopy, parseDockerfile, parseEnv, type Stage } from './dockerfile.js';

/**
 * The files a Dockerfile's stages produce, rebuilt in a folder without a Docker engine: each stage is a folder
 * standing for its WORKDIR; COPY copies from the repository (less what .dockerignore names) or from an earlier
 * stage's folder; `npm ci` links the repository's installed packages instead of installing (with `--omit=dev`,
 * only the packages package-lock.json does not mark `dev`); `npm run X` runs; the system set-up commands (apt-get,
 * npm rebuild, the data folder's mkdir/chown) are what this machine's own install already stands for and are
 * skipped. Any other command is refused, so a Dockerfile this cannot reproduce fails the test instead of passing it.
 */
export interface ImageLayout {
  /** The final stage's folder: the image's WORKDIR. */
  readonly dir: string;
  readonly env: Record<string, string>;
  readonly cmd: string[];
  readonly final: Stage;
}

const SKIPPED = [
  /^apt-get /,
  /^rm -rf \/var\/lib\/apt\//,
  /^npm rebuild\b/,
  /^npm cache clean\b/,
  /^mkdir -p \//,
  /^chown /,
];

export function layOutImage(dockerfile: string, repo: string, into: string): ImageLayout {
  const stages = parseDockerfile(dockerfile);
  const folders = new Map<string, { dir: string; workdir: string }>();
  const ignored = dockerIgnore(repo);
  let env: Record<string, string> = {};
  let cmd: string[] = [];
  for (const stage of stages) {
    const dir = path.join(into, stage.name);
    fs.mkdirSync(dir, { recursive: true });
    let workdir = '/';
    env = {};
    cmd = [];
    const inStage = (p: string) => {
      const absolute = path.posix.resolve(workdir, p);
      const rel = path.posix.relative(workdir, absolute);
      if (rel.startsWith('..')) throw new Error(`${p} is outside the WORKDIR ${workdir}: not reproduced`);
      return path.join(dir, rel);
    };
    for (const { keyword, args } of stage.instructions) {
      if (keyword === 'WORKDIR') workdir = path.posix.resolve(workdir, args);
      else if (keyword === 'ENV') env = { ...env, ...parseEnv(args) };
      else if (keyword === 'CMD') cmd = parseCmd(args);
      else if (keyword === 'COPY') {
        const copy = parseCopy(args);
        const source = copy.from === undefined ? undefined : folders.get(copy.from);
        if (copy.from !== undefined && !source) throw new Error(`COPY --from=${copy.from}: no such stage before`);
        const intoDir = copy.dest.endsWith('/') || copy.sources.length > 1;
        for (const src of copy.sources) {
          const from = source
            ? path.join(source.dir, path.posix.relative(source.workdir, path.posix.resolve(source.workdir, src)))
            : path.join(repo, src);
          if (!fs.existsSync(from)) throw new Error(`COPY ${src}: not found`);
          const to = intoDir ? path.join(inStage(copy.dest), path.basename(src)) : inStage(copy.dest);
          fs.cpSync(from, to, {
            recursive: true,
            verbatimSymlinks: true,
            filter: (f) => source !== undefined || !ignored(path.relative(repo, f)),
          });
        }
      } else if (keyword === 'RUN') {
        for (const command of args.split('&&').map((c) => c.trim())) run(command, dir, repo);
      }
    }
    folders.set(stage.name, { dir, workdir });
  }
  const final = stages[stages.length - 1]!;
  return { dir: folders.get(final.name)!.dir, env, cmd, final };
}

function run(command: string, dir: string, repo: string): void {
  if (/^npm ci\b/.test(command)) return linkPackages(dir, repo, /\s--omit=dev\b/.test(command));
  const script = /^npm run (\S+)$/.exec(command)?.[1];
  if (script) {
    const result = spawnSync('npm', ['run', script], { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`RUN ${command} failed: ${result.stderr}`);
    return;
  }
  if (SKIPPED.some((pattern) => pattern.test(command))) return;
  throw new Error(`RUN ${command}: this test does not know how to reproduce it`);
}

/** `npm ci` from the stage's package-lock.json, by links to the repository's installed packages. */
function linkPackages(dir: string, repo: string, omitDev: boolean): void {
  const lockFile = path.join(dir, 'package-lock.json');
  if (!fs.existsSync(lockFile)) throw new Error('npm ci without a package-lock.json in the stage');
  if (!omitDev) {
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
    return;
  }
  const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!/^node_modules\/(@[^/]+\/)?[^/]+$/.test(key) || entry.dev) continue;
    const installed = path.join(repo, key);
    if (!fs.existsSync(installed)) continue; // an optional package for another platform
    fs.mkdirSync(path.dirname(path.join(dir, key)), { recursive: true });
    fs.symlinkSync(installed, path.join(dir, key));
  }
}

/** The top-level names .dockerignore keeps out of the build context (`*` globs, no negations: what it uses). */
function dockerIgnore(repo: string): (rel: string) => boolean {
  const file = path.join(repo, '.dockerignore');
  const patterns = fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'))
        .map((l) => new RegExp(`^${l.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`))
    : [];
  return (rel) => patterns.some((p) => p.test(rel));
}

/** Starts the image's CMD with its ENV in its folder and waits for /readyz 200, or for the process to stop. */
export async function startImage(
  image: ImageLayout,
  overrides: Record<string, string>,
  timeoutMs: number,
): Promise<{ ready: boolean; code: number | null; stderr: string; stop: () => Promise<number | null> }> {
  const [program, ...args] = image.cmd;
  if (program !== 'node') throw new Error(`CMD starts ${program}, not node`);
  const child = spawn(process.execPath, args, {
    cwd: image.dir,
    env: { PATH: process.env.PATH ?? '', ...image.env, ...overrides },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  const port = new Promise<number | undefined>((resolve) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'listening') resolve(entry.port);
    });
    void exited.then(() => resolve(undefined));
  });
  const deadline = performance.now() + timeoutMs;
  const listening = await Promise.race([
    port,
    new Promise<undefined>((resolve) => setTimeout(resolve, timeoutMs, undefined).unref()),
  ]);
  let ready = false;
  while (listening !== undefined && !ready && child.exitCode === null && performance.now() < deadline) {
    const answer = await fetch(`http://127.0.0.1:${listening}/readyz`).catch(() => undefined);
    ready = answer?.status === 200;
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const code = ready ? null : await stop();
  return { ready, code, stderr, stop };
}
