import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../adapters/clock/system-clock.js';
import { loadConfig } from '../config.js';
import { BackupRefused } from '../data-backup.js';
import { restoreDataFolder, type RestoreReport } from '../data-restore.js';
import { checkFolder } from './check-folder.js';
import { print, UsageError, type CliIo } from './io.js';
import { stagedProgress } from './progress.js';

export const restoreHelp = `Usage: ledger restore --from FOLDER [--no-check] [--json]

Restores a backup that "ledger backup" made into the data folder (LEDGER_DATA_DIR), which must hold no log: an
empty or missing folder (a data folder that holds a log is never overwritten: move it aside first). The service must
not run on it; the restore holds the folder meanwhile.

First every database and key file of the backup is checked against the SHA-256 its manifest (backup.json)
recorded, and a backup damaged since it was made is refused before anything is copied. Then each goes where the
configuration puts it (LEDGER_KEYS_DIR, LEDGER_MASTER_KEY_FILE, LEDGER_DATA_KEYS_FILE: by default the data
folder's own layout), the log last, and each medium is hashed as it is copied. Then the restored folder is checked
as "ledger check --media --skip-read-models" checks it (--no-check skips it). Start the service on it afterwards:
it makes the read models again from the log before it is ready. Acts recorded after the backup was made are not
in it (docs/operations.md says what that means for the checkpoints already published).

Options:
  --from FOLDER   the backup folder
  --no-check      do not check the restored folder
  --json          print the report (and the check's) as JSON
  -h, --help      this help

Exit codes: 0 restored and checked, 1 refused, or a medium or the restored log found faulty, 2 usage error.
`;

export async function restore(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      from: { type: 'string' },
      'no-check': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  if (values.help) {
    print(io.stdout, restoreHelp);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  if (!values.from) throw new UsageError('--from FOLDER is required: the backup to restore');
  const config = loadConfig(io.env, io.cwd);
  const progress = stagedProgress(io.stderr);
  let report: RestoreReport;
  try {
    report = await restoreDataFolder({
      config,
      from: path.resolve(io.cwd, values.from),
      now: () => systemClock.now(),
      progress: progress.update,
    });
  } catch (err) {
    progress.finish();
    if (err instanceof BackupRefused) {
      print(io.stderr, `ledger restore: ${err.message}`);
      return 1;
    }
    throw err;
  }
  progress.finish();
  const checked = values['no-check']
    ? undefined
    : await checkFolder(io, io.env, report.media.store === 'filesystem', values.json === true);
  if (values.json) {
    print(io.stdout, JSON.stringify({ ...report, ...(checked ? { check: checked.report } : {}) }, null, 2));
  } else {
    print(io.stdout, summary(report));
    if (checked) print(io.stdout, `check of the restored folder:\n${checked.text}`);
  }
  return report.faults.length > 0 || (checked !== undefined && checked.code !== 0) ? 1 : 0;
}

function summary(report: RestoreReport): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [
    `restored    ${report.backup.folder} (backed up ${report.backup.createdAt}) into ${report.dataDir}`,
    `log         up to position ${n(report.backup.lastPosition)}`,
    `files       ${report.files.map((f) => f.path).join(', ')}, each as its manifest recorded it`,
  ];
  if (report.media.store === 'filesystem') {
    const m = report.media;
    lines.push(`media       ${n(m.files)} (${n(m.bytes)} bytes); ${n(m.copied)} copied`);
  } else {
    lines.push(`media       not copied: they are in the S3 bucket ${report.media.bucket}`);
  }
  if (report.dataKeyObjects) lines.push(`data keys   ${n(report.dataKeyObjects.files)} objects copied`);
  lines.push(report.faults.length === 0 ? 'no fault found in the media' : `${report.faults.length} fault(s):`);
  for (const f of report.faults) lines.push(`  ${f.code}: ${f.path}: ${f.detail}`);
  lines.push('start the service on it: it makes the read models again from the log before it is ready');
  return lines.join('\n');
}
