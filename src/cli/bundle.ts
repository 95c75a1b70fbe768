import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseArgs } from 'node:util';
import { print, UsageError, type CliIo } from './io.js';
import { progressBar } from './progress.js';

export const bundleHelp = `Usage: ledger bundle CASE_ID -o FILE [--url URL] [--token TOKEN] [--trusted-size N]

Downloads the evidence bundle of a case from a running service (GET /v1/cases/CASE_ID/bundle) into FILE: one tar
with the case's signed events, access records, media, inclusion proofs, the signed checkpoint and the public keys
(docs/integrity.md §13). The download is recorded as a read of the case. Check it with "ledger verify FILE".

Options:
  -o, --output FILE     where to write the bundle (written to FILE.part, renamed when complete)
  --url URL             the service [default: http://localhost:$PORT, PORT defaulting to 8080]
  --token TOKEN         a bearer token that may read the case [default: $LEDGER_TOKEN]
  --trusted-size N      also carry the consistency proof from the checkpoint of N entries you hold already
  --agency CODE         the agency whose case is meant, where agencies you may read use the same case id
  --purpose TEXT        why the case is retrieved, kept in the access record

Progress is shown on stderr. Exit codes: 0 written, 1 failed, 2 usage error.

Example:
  export LEDGER_TOKEN=$(npx ledger token --sub alice --agency county-justice --roles officer)
  npx ledger bundle 2026-0042 -o case-2026-0042.tar
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
  if (!values.output) throw new UsageError('-o FILE is required');
  const token = values.token ?? io.env.LEDGER_TOKEN;
  if (!token) throw new UsageError('a token is required: --token TOKEN or LEDGER_TOKEN');
  const trustedSize = values['trusted-size'];
  if (trustedSize !== undefined && !/^[1-9][0-9]{0,15}$/.test(trustedSize)) {
    throw new UsageError('--trusted-size is a tree size, an integer of 1 or more');
  }
  const base = (values.url ?? `http://localhost:${io.env.PORT ?? '8080'}`).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(`${base}/v1/cases/${encodeURIComponent(positionals[0]!)}/bundle`);
  } catch {
    throw new UsageError(`--url ${base} is not a URL`);
  }
  if (trustedSize !== undefined) url.searchParams.set('trustedSize', trustedSize);
  if (values.agency !== undefined) url.searchParams.set('agency', values.agency);
  const output = path.resolve(io.cwd, values.output);

  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (values.purpose) headers['x-purpose'] = encodeURIComponent(values.purpose);
  let res: Response;
  try {
    res = await fetch(url, { headers });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    print(io.stderr, `ledger bundle: cannot reach ${base}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
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
  const partial = `${output}.part`;
  try {
    await pipeline(
      Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>),
      count,
      fs.createWriteStream(partial, { mode: 0o600 }),
    );
  } catch (err) {
    progress.finish();
    fs.rmSync(partial, { force: true });
    print(io.stderr, `ledger bundle: the download failed after ${received} bytes: ${(err as Error).message}`);
    return 1;
  }
  progress.finish();
  if (total > 0 && received !== total) {
    fs.rmSync(partial, { force: true });
    print(io.stderr, `ledger bundle: the download ended after ${received} of ${total} bytes`);
    return 1;
  }
  fs.renameSync(partial, output);
  print(
    io.stderr,
    `ledger bundle: wrote ${values.output} (${received} bytes); check it with: ledger verify ${values.output}`,
  );
  return 0;
}
