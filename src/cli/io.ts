import fs from 'node:fs';
/** What a CLI command may touch: its arguments, output streams, environment and working folder. */
export interface CliIo {
  /** What a command reads when its file is `-` (`ledger verify -`); absent, such a command has nothing to read. */
  readonly stdin?: AsyncIterable<Uint8Array> & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** A usage error: the command line itself is wrong (exit code 2). */
export class UsageError extends Error {}

export function print(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** "no such file or directory (ENOENT)" from a system error, without the path Node repeats in its message. */
export function osReason(err: unknown): string {
  const { code, message } = err as NodeJS.ErrnoException;
  const reason = /^[A-Z0-9]+: ([^,]+)/.exec(message)?.[1] ?? message;
  return code ? `${reason} (${code})` : reason;
}

/** A file named on the command line (`shown` as given), as text; unreadable, an error saying why in words. */
export function readTextFile(file: string, shown: string): string {
  try {
    if (fs.statSync(file).isDirectory()) throw new Error(`cannot read ${shown}: it is not a file`);
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (!(err as NodeJS.ErrnoException).code) throw err;
    throw new Error(`cannot read ${shown}: ${osReason(err)}`);
  }
}
