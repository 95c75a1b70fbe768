import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** Structured JSON logs on stdout. Callers log ids, hashes and codes: never bodies or personal data. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'evidence-ledger' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.authorization', '*.authorization', '*.token'], censor: '[redacted]' },
    },
    destination,
  );
}
