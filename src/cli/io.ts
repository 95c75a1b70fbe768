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

/**
 * `text` as one word of a POSIX shell's command line, for a command the CLI suggests: as it is when it holds only
 * characters no shell treats specially, else in single quotes (a quote inside written `'\''`).
 */
export function shellArg(text: string): string {
  if (/^[\w./:@%+=,-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Why a request to the service at `origin` got no answer, from fetch's failure: the system's reason, and for a
 * refused or unresolved address what to check.
 */
export function unreachable(origin: string, err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (err as Error).message;
  const hint =
    cause?.code === 'ECONNREFUSED'
      ? ': nothing listens there (is the service running? --url names where)'
      : cause?.code === 'ENOTFOUND'
        ? ': no such host (--url names where the service runs)'
        : '';
  return `cannot reach ${origin}: ${reason}${hint}`;
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
