import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.resolve(__dirname, '../..');
const START_TIMEOUT_MS = 60_000;

export interface WitnessProcess {
  /** `http://127.0.0.1:<port>`: the submission prefix. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Its cosignature/v1 verifier key. */
  readonly verifierKey: string;
  /** The JSON log lines it printed so far. */
  readonly lines: Record<string, unknown>[];
  /** Resolves with the log lines that match once there are `count` of them (within a minute). */
  logged(match: (line: Record<string, unknown>) => boolean, count: number): Promise<Record<string, unknown>[]>;
  /** Stops it (SIGTERM) and waits for its exit; its folder is kept for a restart. */
  stop(): Promise<void>;
  /** Stops it if running and removes its folder. */
  remove(): Promise<void>;
}

/**
 * Starts `ledger witness serve` (bin/ledger.js, as an operator would) as a child process on 127.0.0.1, following
 * the given logs, with its data in `dataDir` (default: a fresh temporary folder) and on `port` (default: a free
 * one, so a restart can ask for the same); `allowPlain` names origins whose checkpoints may lack a heads line.
 */
export async function startWitness(
  options: { logs?: string[]; dataDir?: string; port?: number; name?: string; allowPlain?: string[] } = {},
): Promise<WitnessProcess> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-witness-'));
  const args = [
    path.join(ROOT, 'bin/ledger.js'),
    'witness',
    'serve',
    '--data',
    dataDir,
    '--host',
    '127.0.0.1',
    '--port',
    String(options.port ?? 0),
    '--name',
    options.name ?? 'witness.test/w1',
    ...(options.logs ?? []).flatMap((key) => ['--log', key]),
    ...(options.allowPlain ?? []).flatMap((origin) => ['--allow-plain', origin]),
  ];
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'debug' },
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the witness did not start: ${stderr}`)), START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the witness exited (${code}): ${stderr}`));
    });
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      lines.push(parsed);
      if (parsed.msg === 'witness: listening') {
        clearTimeout(timer);
        resolve(parsed);
      }
    });
  });
  let running = true;
  const stop = async () => {
    if (!running) return;
    running = false;
    child.kill('SIGTERM');
    await exited;
  };
  const port = listening.port as number;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    verifierKey: listening.verifierKey as string,
    lines,
    async logged(match, count) {
      for (let waited = 0; waited < START_TIMEOUT_MS; waited += 50) {
        const found = lines.filter(match);
        if (found.length >= count) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the witness did not log ${count} such lines`);
    },
    stop,
    async remove() {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
