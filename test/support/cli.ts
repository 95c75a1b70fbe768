import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/**
 * Runs the CLI in-process with captured output; `tty` makes its stdout look like a terminal; `stdin` is what its
 * standard input holds (`stdinTty`: a terminal).
 */
export async function runCli(
  argv: string[],
  env: Record<string, string> = {},
  cwd = process.cwd(),
  {
    tty = false,
    stdin,
    stdinTty = false,
    stderrTty = false,
  }: { tty?: boolean; stdin?: Buffer; stdinTty?: boolean; stderrTty?: boolean } = {},
) {
  const stdout = Object.assign(new PassThrough(), tty ? { isTTY: true } : {});
  const stderr = Object.assign(new PassThrough(), stderrTty ? { isTTY: true } : {});
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const input =
    stdin === undefined ? {} : { stdin: Object.assign(Readable.from([stdin]), stdinTty ? { isTTY: true } : {}) };
  const code = await main(argv, { ...input, stdout, stderr, env, cwd });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
