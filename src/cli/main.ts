import fs from 'node:fs';
import { ConfigError, storageKind } from '../errors.js';
import { print, UsageError, type CliIo } from './io.js';
type Command = (argv: string[], io: CliIo) => Promise<number>;

/**
 * A command, what it does in a line, and the subcommands it dispatches to (each with its own `--help`). Each
 * command's module is loaded when it runs: `ledger verify` or `ledger token` never loads the service; a command whose
 * module is heavy has its help apart (`help`), so that `--help` alone answers at once.
 */
const COMMANDS: Record<
  string,
  { run: Command; summary: string; subcommands?: readonly string[]; help?: () => Promise<string> }
> = {
  serve: {
    run: async (a, io) => (await import('./serve.js')).serve(a, io),
    summary: 'run the HTTP API (npm start)',
    help: async () => (await import('./help-texts.js')).serveHelp,
  },
  token: {
    run: async (a, io) => (await import('./token.js')).token(a, io),
    summary: 'issue a bearer token with the embedded key',
    subcommands: ['revoke'],
  },
  keys: { run: async (a, io) => (await import('./keys.js')).keys(a, io), summary: 'list or rotate the signing keys' },
  rebuild: {
    run: async (a, io) => (await import('./rebuild.js')).rebuild(a, io),
    summary: 'drop and rebuild the read models from the log',
    help: async () => (await import('./help-texts.js')).rebuildHelp,
  },
  check: {
    run: async (a, io) => (await import('./check.js')).check(a, io),
    summary: 'verify every chain, signature and checkpoint of the store',
    help: async () => (await import('./help-texts.js')).checkHelp,
  },
  backup: {
    run: async (a, io) => (await import('./backup.js')).backup(a, io),
    summary: 'copy the data folder, whole and checked, while the service runs',
    help: async () => (await import('./help-texts.js')).backupHelp,
  },
  restore: {
    run: async (a, io) => (await import('./restore.js')).restore(a, io),
    summary: 'restore a backup into an empty data folder, each file checked',
    help: async () => (await import('./help-texts.js')).restoreHelp,
  },
  bundle: {
    run: async (a, io) => (await import('./bundle.js')).bundle(a, io),
    summary: "download a case's evidence bundle from the service",
  },
  verify: {
    run: async (a, io) => (await import('./verify.js')).verify(a, io),
    summary: 'check an evidence bundle offline',
  },
  calendar: {
    run: async (a, io) => (await import('./calendar.js')).calendar(a, io),
    summary: "record a year's holidays and make-up working days",
  },
  erase: {
    run: async (a, io) => (await import('./erase.js')).erase(a, io),
    summary: "erase a case's or an application's personal data by destroying its data key",
  },
  'verify-disclosure': {
    run: async (a, io) => (await import('./verify-disclosure.js')).verifyDisclosure(a, io),
    summary: 'check that a disclosed value is the one sealed in an event',
  },
  draw: {
    run: async (a, io) => (await import('./draw.js')).draw(a, io),
    summary: 'verify the draw of a "double random, one public" inspection',
  },
  witness: {
    run: async (a, io) => (await import('./witness.js')).witness(a, io),
    summary: "run a witness that cosigns a ledger's checkpoints (C2SP tlog-witness)",
  },
};

/** The commands' summaries start in one column, after the longest name. */
const NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map((name) => name.length));

export const mainHelp = `Usage: ledger <command> [options]

Evidence Ledger: a tamper-evident record of administrative enforcement acts.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(NAME_WIDTH)} ${c.summary}`)
  .join('\n')}

Run "ledger <command> --help" or "ledger help <command>" for a command's options, and "ledger --version"
for the version.
Exit codes: 0 success, 1 failure, 2 usage error.
`;

/** The version of the package this CLI belongs to (its package.json, above src/ or dist/src/). */
function packageVersion(): string {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(fs.readFileSync(new URL(up, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'evidence-ledger' && pkg.version) return pkg.version;
    } catch {
      // not there: the other layout
    }
  }
  return 'unknown';
}

/** Runs one CLI invocation; returns the exit code. Errors are reported on stderr, never thrown. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  // `ledger help verify` (or `ledger help witness serve`) is `ledger verify --help`
  if (name === 'help' && rest.length > 0) {
    if (!COMMANDS[rest[0]!]) return usageError(io, `ledger help: unknown command "${rest[0]}"`, 'ledger --help');
    return main([...rest, '--help'], io);
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    print(io.stdout, mainHelp);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    print(io.stdout, `ledger ${packageVersion()}`);
    return 0;
  }
  if (name === undefined) return usageError(io, 'ledger: give a command', 'ledger --help');
  const command = COMMANDS[name];
  if (!command) return usageError(io, `ledger: unknown command "${name}"`, 'ledger --help');
  // a usage error of a subcommand points to that subcommand's help
  const invoked = command.subcommands?.includes(rest[0] ?? '') ? `ledger ${name} ${rest[0]}` : `ledger ${name}`;
  try {
    // the help alone of a command whose module loads the stores: printed without loading it
    if (command.help && rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h')) {
      print(io.stdout, await command.help());
      return 0;
    }
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // Node's parser goes on about positional arguments after an unknown option: the option is what matters
      const message = (err as Error).message.replace(/\. To specify a positional argument[^]*$/, '');
      return usageError(io, `${invoked}: ${message}`, `${invoked} --help`);
    }
    if (err instanceof ConfigError) {
      print(io.stderr, `ledger ${name}: configuration error: ${err.message}`);
      return 1;
    }
    // a module the command loads is missing: an installation or image that left out part of the build
    const code = (err as { code?: unknown }).code;
    const incomplete = code === 'ERR_MODULE_NOT_FOUND';
    const message = (err as Error).message;
    // SQLite says "database or disk is full" or "attempt to write a readonly database", and a write "ENOSPC: no
    // space left on device, write", naming nothing: what it means is said with it, unless the message says it
    const kind = storageKind(code);
    const meaning =
      kind === undefined || message.includes(`(${String(code)})`)
        ? ''
        : kind === 'full'
          ? ` (${String(code)}: the disk it writes to is full; free space there and run it again)`
          : ` (${String(code)}: it writes to a read-only disk or folder)`;
    print(
      io.stderr,
      `ledger ${name}: ${incomplete ? 'this installation is incomplete (ERR_MODULE_NOT_FOUND): ' : ''}${message}${meaning}`,
    );
    return 1;
  }
}

/** A usage error: what is wrong on one line, and where the rest is; never the whole help (exit 2). */
function usageError(io: CliIo, line: string, help: string): number {
  print(io.stderr, `${line.replace(/\s*\n\s*/g, ' ')}\nRun "${help}" for the usage.`);
  return 2;
}
