import { PassThrough } from 'node:stream';
import { BackupRefused } from '../data-backup.js';
import { check } from './check.js';
import { print, type CliIo } from './io.js';
import { stagedProgress, type StagedProgress } from './progress.js';

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

/** What `ledger backup` and `ledger restore` each do, for {@link copyThenCheck}. */
export interface FolderCopy<R extends { readonly faults: readonly unknown[] }> {
  /** The command's name, for its refusals on stderr. */
  readonly command: string;
  /**
   * Copies; a copy that holds a lock on its target calls `whileHeld` with its report before letting go, so that the
   * check runs under the lock too (else the check runs after the copy).
   */
  readonly copy: (progress: StagedProgress['update'], whileHeld: (report: R) => Promise<void>) => Promise<R>;
  /** The environment that configures the folder to check, and whether its media are to be re-hashed. */
  readonly checkWith: (report: R) => {
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly media: boolean;
  };
  readonly summary: (report: R) => string;
  /** Said before the check's text report. */
  readonly checkTitle: string;
}

/**
 * Copies with progress on stderr, then (unless `noCheck`) checks the result with `ledger check`, and prints the
 * report (`json`: the command's report with the check's under `check`). Exit code 1 when the copy was refused, found
 * faults, or the check did.
 */
export async function copyThenCheck<R extends { readonly faults: readonly unknown[] }>(
  io: CliIo,
  options: { readonly json: boolean; readonly noCheck: boolean },
  copying: FolderCopy<R>,
): Promise<number> {
  const progress = stagedProgress(io.stderr);
  let report: R;
  let checked: FolderCheck | undefined;
  let checkedYet = false;
  const runCheck = async (copied: R): Promise<void> => {
    checkedYet = true;
    progress.finish();
    if (options.noCheck) return;
    const target = copying.checkWith(copied);
    checked = await checkFolder(io, target.env, target.media, options.json);
  };
  try {
    report = await copying.copy(progress.update, runCheck);
  } catch (err) {
    progress.finish();
    if (err instanceof BackupRefused) {
      print(io.stderr, `${copying.command}: ${err.message}`);
      // a script reading --json gets an answer on stdout too: nothing was copied, and why
      if (options.json) print(io.stdout, JSON.stringify({ refused: err.message }, null, 2));
      return 1;
    }
    throw err;
  }
  progress.finish();
  if (!checkedYet) await runCheck(report);
  const checkFailed = checked !== undefined && checked.code !== 0;
  if (options.json) {
    print(io.stdout, JSON.stringify({ ...report, ...(checked ? { check: checked.report } : {}) }, null, 2));
  } else {
    print(io.stdout, copying.summary(report));
    if (checked) print(io.stdout, `${copying.checkTitle}:\n${checked.text}`);
    // the check's "no fault found" closes the report: whatever the copy itself found is said again last
    if (report.faults.length > 0 || checkFailed) {
      const codes = [...new Set(report.faults.map((f) => (f as { code?: unknown }).code).filter(Boolean))];
      const found = [
        ...(report.faults.length > 0 ? [`${report.faults.length} fault(s) in the copy (${codes.join(', ')})`] : []),
        ...(checkFailed ? [`the ${copying.checkTitle} failed`] : []),
      ];
      print(io.stderr, `${copying.command}: not done cleanly: ${found.join('; ')}, as reported above`);
    }
  }
  return report.faults.length > 0 || checkFailed ? 1 : 0;
}
