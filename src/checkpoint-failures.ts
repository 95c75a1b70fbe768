import type { Logger } from 'pino';
import { IntegrityFault, NotCaughtUp } from './errors.js';

/**
 * What the service logs when the checkpoint schedule could not issue one: read models still catching up is routine
 * (info); stored data that failed its check before it was signed is an integrity fault, said at error level as
 * every such fault is (`INTEGRITY FAULT`, with where, never event data: docs/integrity.md §14); anything else is
 * retried on schedule (warn).
 */
export function checkpointFailureLogger(log: Logger): (err: unknown) => void {
  return (err) => {
    if (err instanceof NotCaughtUp) {
      log.info({ head: err.wanted, applied: err.applied }, 'checkpoint: not issued while the read models catch up');
    } else if (err instanceof IntegrityFault) {
      log.error(
        { err, code: err.code, ...err.details },
        'INTEGRITY FAULT: stored data failed its check and no checkpoint was signed; run `ledger check`',
      );
    } else log.warn({ err }, 'checkpoint: issuing failed; retrying on schedule');
  };
}
