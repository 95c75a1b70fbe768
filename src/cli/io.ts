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
