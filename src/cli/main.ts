import { ConfigError } from '../errors.js';
import { print, UsageError, type CliIo } from './io.js';
import { check, checkHelp } from './check.js';
import { keys, keysHelp } from './keys.js';
import { rebuild, rebuildHelp } from './rebuild.js';
import { serve, serveHelp } from './serve.js';
import { token, tokenHelp } from './token.js';
import { bundle, bundleHelp } from './bundle.js';
import { calendar, calendarHelp } from './calendar.js';
import { verify, verifyHelp } from './verify.js';

type Command = (argv: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string; help: string }> = {
  serve: { run: serve, summary: 'run the HTTP API (npm start)', help: serveHelp },
  token: { run: token, summary: 'issue a bearer token with the embedded key', help: tokenHelp },
  keys: { run: keys, summary: 'list or rotate the signing keys', help: keysHelp },
  rebuild: { run: rebuild, summary: 'drop and rebuild the read models from the log', help: rebuildHelp },
  check: { run: check, summary: 'verify every chain, signature and checkpoint of the store', help: checkHelp },
  bundle: { run: bundle, summary: "download a case's evidence bundle from the service", help: bundleHelp },
  verify: { run: verify, summary: 'check an evidence bundle offline', help: verifyHelp },
  calendar: { run: calendar, summary: "record a year's holidays and make-up working days", help: calendarHelp },
};

export const mainHelp = `Usage: ledger <command> [options]

Evidence Ledger: a tamper-evident record of administrative enforcement acts.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Run "ledger <command> --help" for a command's options.
Exit codes: 0 success, 1 failure, 2 usage error.
`;

/** Runs one CLI invocation; returns the exit code. Errors are reported on stderr, never thrown. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    print(name === undefined ? io.stderr : io.stdout, mainHelp);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    print(io.stderr, `ledger: unknown command "${name}"\n\n${mainHelp}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      print(io.stderr, `ledger ${name}: ${(err as Error).message}\n\n${command.help}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      print(io.stderr, `ledger ${name}: configuration error: ${err.message}`);
      return 1;
    }
    print(io.stderr, `ledger ${name}: ${(err as Error).message}`);
    return 1;
  }
}
