import { mainHelp } from '../../src/cli/main.js';
import { runCli } from '../support/cli.js';

/** The commands `ledger --help` lists. */
function commandsListed(): string[] {
  const commands = [...(mainHelp.split(/^Commands:$/m)[1] ?? '').matchAll(/^ {2}(\S+) /gm)].map((m) => m[1]!);
  if (commands.length < 12) throw new Error(`ledger --help lists ${commands.length} commands: the listing changed`);
  return commands;
}

/** A usage error says what is wrong in one line and where the rest is, never the whole help. */
describe('usage errors', () => {
  it.each([
    [[], 'ledger: give a command', 'ledger --help'],
    [['frobnicate'], 'ledger: unknown command "frobnicate"', 'ledger --help'],
    [['help', 'frobnicate'], 'ledger help: unknown command "frobnicate"', 'ledger --help'],
    [['token', '--sub', 'alice'], 'ledger token: --sub, --agency and --roles are required', 'ledger token --help'],
    [['token', '--bogus'], "ledger token: Unknown option '--bogus'", 'ledger token --help'],
    [
      ['token', '--sub', 'a\tb', '--agency', 'county-justice', '--roles', 'officer'],
      'ledger token: --sub "a\\tb" is not a user id the service accepts: at most 255 characters, no control characters, not blank',
      'ledger token --help',
    ],
    [['token', 'revoke', '--bogus'], "ledger token revoke: Unknown option '--bogus'", 'ledger token revoke --help'],
    [['bundle'], 'ledger bundle: give exactly one CASE_ID', 'ledger bundle --help'],
    [['verify'], 'ledger verify: give exactly one bundle FILE', 'ledger verify --help'],
    [['verify', ''], 'ledger verify: give exactly one bundle FILE', 'ledger verify --help'],
    [['witness', 'key', '--data', ''], 'ledger witness: --data names a folder', 'ledger witness --help'],
    [
      ['witness', 'logs', 'add', 'garbage', '--data', '/nonexistent-witness-folder'],
      'ledger witness: a log key is a note verifier key',
      'ledger witness --help',
    ],
    [['rebuild', '--batch', 'many'], 'ledger rebuild: --batch must be an integer', 'ledger rebuild --help'],
    [['rebuild', '--threads', '3'], 'ledger rebuild: --threads must be 1 or 2', 'ledger rebuild --help'],
    [['check', 'extra'], 'ledger check: unexpected argument extra', 'ledger check --help'],
    [['erase', '--case', 'c-1', 'extra'], 'ledger erase: unexpected argument extra', 'ledger erase --help'],
    [
      ['erase', '--ground', 'retention_expired'],
      'ledger erase: --case ID or --application ID is required',
      'ledger erase --help',
    ],
    [
      ['erase', '--case', 'c-1', '--application', 'a-1'],
      'ledger erase: give either --case ID or --application ID, not both',
      'ledger erase --help',
    ],
    // a URL without its scheme parses as one of the scheme `localhost:`
    ...[
      ['erase', '--case', 'c-1', '--ground', 'other_legal_ground', '--reason', 'r', '--token', 't'],
      ['token', 'revoke', '--jti', 'j-1', '--token', 't'],
      ['draw', 'verify', '--agency', 'county-market', '--plan', 'P-1'],
    ].map((argv): [string[], string, string] => {
      const command = argv[0] === 'token' ? 'token revoke' : argv[0]!;
      return [
        [...argv, '--url', 'localhost:3711'],
        `ledger ${command}: --url localhost:3711 is not an http:// or https:// URL (e.g. http://localhost:8080)`,
        `ledger ${command} --help`,
      ];
    }),
  ])('when %j is run, then exit 2 with one line and a hint to --help, not the help', async (argv, line, help) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(line);
    expect(lines[1]).toBe(`Run "${help}" for the usage.`);
    expect(result.stderr).not.toMatch(/Usage:|Options:|Commands:/);
  });

  it.each([...commandsListed(), 'token revoke'])(
    'when ledger %s --help is asked for, then it has an Options section and the exit codes',
    async (command) => {
      const result = await runCli([...command.split(' '), '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Options:$/m);
      expect(result.stdout).toMatch(/Exit codes: 0 [^]*2 usage error/);
    },
  );

  it.each(['serve', 'check', 'backup', 'restore', 'rebuild'])(
    'when ledger %s --help alone is asked for, then the help printed without loading the command is the one it prints itself',
    async (command) => {
      const alone = await runCli([command, '--help']);
      // with another option after it, the command's own parser answers: the help its module holds
      const parsed = await runCli([command, '--help', '-h']);
      expect([alone.code, parsed.code]).toEqual([0, 0]);
      expect(alone.stdout).toMatch(new RegExp(`^Usage: ledger ${command}\\b`));
      expect(alone.stdout).toBe(parsed.stdout);
    },
  );

  it.each([...commandsListed(), 'token revoke', 'witness serve'])(
    'when ledger help %s is asked for, then it prints what the command prints for --help',
    async (command) => {
      const viaHelp = await runCli(['help', ...command.split(' ')]);
      const viaOption = await runCli([...command.split(' '), '--help']);
      expect([viaHelp.code, viaHelp.stderr]).toEqual([0, '']);
      expect(viaHelp.stdout).toBe(viaOption.stdout);
      expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: ledger ${command}\\b`));
    },
  );

  it('when --help is asked for, then the whole help goes to stdout with exit 0', async () => {
    const result = await runCli(['bundle', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Options:');
    expect(result.stderr).toBe('');
  });
});

describe('PORT, for the commands that call a running service', () => {
  it('when PORT is empty, then it counts as unset (port 8080), as the service reads it', async () => {
    const result = await runCli(['token', 'revoke', '--jti', 'j-1', '--token', 't'], { PORT: '' });
    expect(result.stderr).toContain('http://localhost:8080');
    expect(result.stderr).not.toContain('localhost::');
  });

  it.each([
    ['http', '"http" is not a whole number'],
    ['70000', '70000 is outside 1..65535'],
  ])('when PORT is %s, then it is a configuration error naming PORT, not --url', async (port, said) => {
    const result = await runCli(['bundle', 'c-1', '-o', 'x.tar', '--token', 't'], { PORT: port });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`configuration error: PORT: ${said}`);
    expect(result.stderr).not.toContain('--url');
  });
});
