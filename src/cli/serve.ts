import { parseArgs } from 'node:util';
import { CONFIG_VARIABLES, loadConfig } from '../config.js';
import { startService } from '../compose.js';
import { createLogger } from '../logger.js';
import { systemClock } from '../adapters/clock/system-clock.js';
import { print, type CliIo } from './io.js';

export const serveHelp = `Usage: ledger serve

Runs the HTTP API. Without EVENTSTORE_URL and S3_* it uses the embedded default: a SQLite file and a media
folder under LEDGER_DATA_DIR, and keys generated there on first start. Stops gracefully on SIGTERM or SIGINT:
requests in flight and appends already accepted finish before the stores close. Holds the data folder's lock
(LEDGER_DATA_DIR/service.lock) while it runs: it does not start while another service or "ledger rebuild" holds it,
and "ledger rebuild" refuses while it runs. The lock ends with the process, however it ends.

Options:
  -h, --help  this help

Exit codes: 0 stopped by SIGTERM or SIGINT, 1 did not start (a configuration error naming the variable, the data
folder held by another service or a rebuild, or a store that cannot be opened), 2 usage error.

Environment:
${CONFIG_VARIABLES.map((v) => `  ${v.name.padEnd(24)} ${v.description} [default: ${v.default}]`).join('\n')}
`;

export async function serve(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    print(io.stdout, serveHelp);
    return 0;
  }
  const config = loadConfig(io.env, io.cwd);
  const log = createLogger(config.logLevel);
  const service = await startService(config, { clock: systemClock, log });

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      log.info({ signal }, 'shutting down');
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      void service.close().then(resolve, (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        resolve();
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return 0;
}
