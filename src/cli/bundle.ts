import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { print, shellArg, unreachable, UsageError, type CliIo } from './io.js';
import { progressBar } from './progress.js';
import { serviceBase } from './service-call.js';

export const bundleHelp = `Usage: ledger bundle CASE_ID -o FILE [--url URL] [--token TOKEN] [--trusted-size N] [--agency CODE] [--purpose TEXT]
       ledger bundle CASE_ID [options] > FILE

Downloads the evidence bundle of a case from a running service (GET /v1/cases/CASE_ID/bundle): one tar with the
case's signed events, access records, media, inclusion proofs, the signed checkpoint and the public keys
(docs/integrity.md §13). The download is recorded as a read of the case. Check it with "ledger verify FILE".

It writes FILE only when asked with -o; without -o the tar goes to stdout, which must then be a file or a pipe
(a terminal is refused: a tar is not for reading there; -o - sends it to stdout all the same). CASE_ID is the case's id as the service gave it when the
case was opened (a UUID unless the agency chose one).

Options:
  -o, --output FILE     write the bundle to FILE (to FILE.part first, renamed when complete); a folder: to
                        case-CASE_ID.tar in it; "-" is stdout
  --url URL             the service [default: http://localhost:$PORT, PORT defaulting to 8080]
  --token TOKEN         a bearer token that may read the case [default: $LEDGER_TOKEN]
  --trusted-size N      also carry the consistency proof from the checkpoint of N entries you hold already
  --agency CODE         the agency whose case is meant, where agencies you may read use the same case id
  --purpose TEXT        why the case is retrieved, kept in the access record

Progress is shown on stderr. Exit codes: 0 written, 1 failed, 2 usage error.

Example:
  export LEDGER_TOKEN=$(npx ledger token --sub alice --agency county-justice --roles officer)
  npx ledger bundle 01a22a3b-1ec5-7a41-9b6e-2f0c4d8e1a37 -o case.tar
  npx ledger bundle 01a22a3b-1ec5-7a41-9b6e-2f0c4d8e1a37 --purpose "复议答复" > case.tar
`;

export async function bundle(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      output: { type: 'string', short: 'o' },
      url: { type: 'string' },
      token: { type: 'string' },
      'trusted-size': { type: 'string' },
      agency: { type: 'string' },
      purpose: { type: 'string' },
    },
  });
  if (values.help) {
    print(io.stdout, bundleHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one CASE_ID');
  const toStdout = values.output === undefined || values.output === '-';
  if (values.output === undefined && (io.stdout as { isTTY?: boolean }).isTTY) {
    throw new UsageError('the bundle is a tar: give -o FILE, or send stdout to a file or a pipe');
  }
  const token = values.token ?? io.env.LEDGER_TOKEN;
  if (!token) throw new UsageError('a token is required: --token TOKEN or LEDGER_TOKEN');
  const trustedSize = values['trusted-size'];
  if (trustedSize !== undefined && !/^[1-9][0-9]{0,15}$/.test(trustedSize)) {
    throw new UsageError('--trusted-size is a tree size, an integer of 1 or more');
  }
  const base = serviceBase(values.url, io);
  const url = new URL(`${base}/v1/cases/${encodeURIComponent(positionals[0]!)}/bundle`);
  if (trustedSize !== undefined) url.searchParams.set('trustedSize', trustedSize);
  if (values.agency !== undefined) url.searchParams.set('agency', values.agency);
  const output = toStdout ? undefined : outputFile(io.cwd, values.output!, positionals[0]!);

  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (values.purpose) headers['x-purpose'] = encodeURIComponent(values.purpose);
  let res: Response;
  try {
    res = await fetch(url, { headers });
  } catch (err) {
    print(io.stderr, `ledger bundle: ${unreachable(base, err)}`);
    return 1;
  }
  if (!res.ok || !res.body) {
    const text = await res.text();
    let reason = `${res.status} ${res.statusText}`;
    try {
      const problem = JSON.parse(text) as { code?: string; detail?: string };
      if (problem.code) reason = `${res.status} ${problem.code}: ${problem.detail ?? ''}`;
    } catch {
      /* not a problem document */
    }
    print(io.stderr, `ledger bundle: the service refused: ${reason}`);
    return 1;
  }
  // a proxy's sign-in page or an error page answered 200 would otherwise be saved as the bundle
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-tar') {
    await res.body.cancel();
    print(
      io.stderr,
      `ledger bundle: ${base} answered ${type || 'without a Content-Type'}, not an evidence bundle ` +
        '(application/x-tar): is --url the service itself, not a proxy or another site?',
    );
    return 1;
  }

  const total = Number(res.headers.get('content-length') ?? 0);
  const progress = progressBar(io.stderr as NodeJS.WritableStream & { isTTY?: boolean }, 'bytes');
  let received = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      progress.update(received, Math.max(total, received));
      done(null, chunk);
    },
  });
  const partial = output === undefined ? undefined : `${output}.part`;
  const failed = (message: string) => {
    progress.finish();
    if (partial !== undefined) fs.rmSync(partial, { force: true });
    print(io.stderr, `ledger bundle: ${message}`);
    return 1;
  };
  try {
    const source = Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>);
    await (partial === undefined
      ? pipeline(source, count, io.stdout, { end: false }) // stdout stays open for what the process prints after
      : pipeline(source, count, fs.createWriteStream(partial, { mode: 0o600 })));
  } catch (err) {
    return failed(`the download failed after ${received} bytes: ${(err as Error).message}`);
  }
  if (total > 0 && received !== total) return failed(`the download ended after ${received} of ${total} bytes`);
  progress.finish();
  if (partial === undefined) {
    print(io.stderr, `ledger bundle: wrote ${received} bytes to stdout`);
    return 0;
  }
  fs.renameSync(partial, output!);
  const written = path.relative(io.cwd, output!) || output!;
  print(
    io.stderr,
    `ledger bundle: wrote ${written} (${received} bytes); check it with: ledger verify ${shellArg(written)}`,
  );
  return 0;
}

/**
 * Where `-o` writes: the file named, or in a folder named (an existing one, or a name ending in `/`) the file the
 * service names the bundle, `case-<caseId>.tar`. The folder must exist: a usage error before anything is
 * downloaded (and recorded as a read), rather than a failure at the end of the download.
 */
function outputFile(cwd: string, given: string, caseId: string): string {
  const resolved = path.resolve(cwd, given);
  const isFolder = /[/\\]$/.test(given) || (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory());
  const file = isFolder ? path.join(resolved, `case-${caseId.replace(/[^A-Za-z0-9._-]/g, '_')}.tar`) : resolved;
  const folder = path.dirname(file);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new UsageError(`-o ${given}: the folder ${folder} does not exist`);
  }
  return file;
}
