import { PassThrough } from 'node:stream';
import { check } from './check.js';
import type { CliIo } from './io.js';

/** The outcome of {@link checkFolder}: its exit code, its text report, and with `json` the report itself. */
export interface FolderCheck {
  readonly code: number;
  readonly text: string;
  readonly report?: unknown;
}

/**
 * Runs \`ledger check --skip-read-models\` (with \`--media\` when `media`) on the data folder `env` configures, its
 * progress on this command's stderr and its report captured, for \`ledger backup\` and \`ledger restore\` to print
 * after their own.
 */
export async function checkFolder(
  io: CliIo,
  env: Readonly<Record<string, string | undefined>>,
  media: boolean,
  json: boolean,
): Promise<FolderCheck> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const code = await check(['--skip-read-models', ...(media ? ['--media'] : []), ...(json ? ['--json'] : [])], {
    stdout: out,
    stderr: io.stderr,
    env,
    cwd: io.cwd,
  });
  const text = Buffer.concat(chunks).toString('utf8');
  return { code, text, ...(json ? { report: JSON.parse(text) as unknown } : {}) };
}

/**
 * The environment that checks a backup folder as a data folder of the default layout, its embedded stores only:
 * where the log is checked from comes from the folder alone, how it is checked from \`env\`.
 */
export function backupCheckEnv(
  folder: string,
  env: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  const checked: Record<string, string | undefined> = { LEDGER_DATA_DIR: folder };
  for (const name of ['LEDGER_LOG_ORIGIN', 'LEDGER_CRYPTO_SUITE', 'LEDGER_UTC_OFFSET', 'AGENCY_UTC_OFFSETS']) {
    if (env[name] !== undefined) checked[name] = env[name];
  }
  return checked;
}
