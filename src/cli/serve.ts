import { parseArgs } from 'node:util';
import { serveHelp } from './help-texts.js';
import { loadConfig } from '../config.js';
import { startService } from '../compose.js';
import { createLogger } from '../logger.js';
import { systemClock } from '../adapters/clock/system-clock.js';
import { namingDamagedStores } from './damaged-stores.js';
import { print, type CliIo } from './io.js';

export async function serve(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    print(io.stdout, serveHelp);
    return 0;
  }
  const config = loadConfig(io.env, io.cwd);
  const log = createLogger(config.logLevel);
  // a stop asked for while starting (a start-up rebuild of a large log takes minutes): nothing is served or
  // acknowledged yet, and what the start writes is written whole or not at all (a rebuild into a file of its own,
  // keys by rename), so the process ends at once, saying so, rather than being killed unseen
  const stopWhileStarting = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'stopped while starting: nothing was served; the next start begins again');
    process.exit(0);
  };
  for (const signal of STOP_SIGNALS) process.once(signal, stopWhileStarting);
  let service: Awaited<ReturnType<typeof startService>>;
  try {
    service = await namingDamagedStores(
      () => config,
      () => startService(config, { clock: systemClock, log }),
    );
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, stopWhileStarting);
  }

  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      log.info({ signal }, 'shutting down');
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      process.off('SIGHUP', stop);
      void service.close().then(resolve, (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        resolve();
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    // the terminal the service was started from closing: stopped as gracefully, its last checkpoint signed
    process.on('SIGHUP', stop);
  });
  return 0;
}

/** The signals that stop the service gracefully. */
const STOP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

export { serveHelp };
