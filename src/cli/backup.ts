import path from 'node:path';
import { backupHelp } from './help-texts.js';
import { parseArgs } from 'node:util';
import { systemClock } from '../adapters/clock/system-clock.js';
import { loadConfig } from '../config.js';
import { backupDataFolder, type BackupReport } from '../data-backup.js';
import { backupCheckEnv, copyThenCheck } from './check-folder.js';
import { print, UsageError, type CliIo } from './io.js';

export async function backup(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      to: { type: 'string' },
      'no-check': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  if (values.help) {
    print(io.stdout, backupHelp);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
  if (!values.to) throw new UsageError('--to FOLDER is required: where the backup goes');
  const config = loadConfig(io.env, io.cwd);
  const to = path.resolve(io.cwd, values.to);
  return copyThenCheck(
    io,
    { json: values.json === true, noCheck: values['no-check'] === true },
    {
      command: 'ledger backup',
      // the copy is checked while the backup folder is still locked: a second backup waits for the check too
      copy: (progress, whileLocked) =>
        backupDataFolder({ config, to, now: () => systemClock.now(), progress, whileLocked }),
      checkWith: (report) => ({
        env: backupCheckEnv(report.folder, io.env),
        media: report.media.store === 'filesystem',
      }),
      summary,
      checkTitle: 'check of the copy',
    },
  );
}

function summary(report: BackupReport): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const bytes = report.files.reduce((sum, f) => sum + f.bytes, 0);
  const lines = [
    `backup      ${report.folder} (${report.createdAt})`,
    `log         up to position ${n(report.log.lastPosition)}`,
    `files       ${report.files.map((f) => f.path).join(', ')} (${n(bytes)} bytes)`,
  ];
  if (report.media.store === 'filesystem') {
    const m = report.media;
    lines.push(
      `media       ${n(m.files)} (${n(m.bytes)} bytes); ${n(m.copied)} copied (${n(m.copiedBytes)} bytes` +
        (m.repaired > 0 ? `; ${n(m.repaired)} of them over a damaged copy in the backup` : '') +
        `), ${n(m.files - m.copied - report.faults.filter((f) => f.code !== 'data_keys_unopened').length)} already in the backup`,
    );
  } else {
    lines.push(`media       not copied: they are in the S3 bucket ${report.media.bucket}`);
  }
  if (report.dataKeyObjects) {
    lines.push(
      `data keys   ${n(report.dataKeyObjects.files)} objects mirrored, ${n(report.dataKeyObjects.removed)} removed (erased since)`,
    );
  }
  lines.push(
    report.faults.length === 0 ? 'no fault found in the media or the data keys' : `${report.faults.length} fault(s):`,
  );
  for (const f of report.faults) lines.push(`  ${f.code}: ${f.path}: ${f.detail}`);
  return lines.join('\n');
}

export { backupHelp };
