import path from 'node:path';
import { restoreHelp } from './help-texts.js';
import { parseArgs } from 'node:util';
import { systemClock } from '../adapters/clock/system-clock.js';
import { loadConfig } from '../config.js';
import { restoreDataFolder, type RestoreReport } from '../data-restore.js';
import { copyThenCheck } from './check-folder.js';
import { print, UsageError, type CliIo } from './io.js';

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
  const from = path.resolve(io.cwd, values.from);
  return copyThenCheck(
    io,
    { json: values.json === true, noCheck: values['no-check'] === true },
    {
      command: 'ledger restore',
      copy: (progress) => restoreDataFolder({ config, from, now: () => systemClock.now(), progress }),
      checkWith: (report) => ({ env: io.env, media: report.media.store === 'filesystem' }),
      summary,
      checkTitle: 'check of the restored folder',
    },
  );
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
  lines.push(
    report.faults.length === 0 ? 'no fault found in the media or the data keys' : `${report.faults.length} fault(s):`,
  );
  for (const f of report.faults) lines.push(`  ${f.code}: ${f.path}: ${f.detail}`);
  if (report.faults.length === 0) {
    lines.push('start the service on it: it makes the read models again from the log before it is ready');
  }
  if (report.faults.some((f) => f.code !== 'data_keys_unopened')) {
    lines.push(
      'the media named were not restored: the data folder the backup was made from, or another backup of it, may ' +
        'hold them whole (copy each with its .json sidecar into the media folder, then ledger check --media)',
    );
  }
  if (report.faults.some((f) => f.code === 'data_keys_unopened')) {
    lines.push(
      "the service would refuse to start on it: restore with the service's LEDGER_MASTER_KEY_FILE, or from a " +
        'backup made with it',
    );
  }
  return lines.join('\n');
}

export { restoreHelp };
