import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifierKey } from '../../src/ledger/checkpoint.js';
import { runCli } from '../support/cli.js';

/** `ledger witness serve` refuses what it cannot use before it makes a key or a store, naming where it came from. */
describe('ledger witness serve, configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'witness-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [{ WITNESS_PORT: '99999' }, 'WITNESS_PORT: "99999" is not a TCP port, 0..65535'],
    [{ WITNESS_PORT: 'http' }, 'WITNESS_PORT: "http" is not a TCP port, 0..65535'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL: "verbose" is not one of fatal, error, warn, info, debug, trace, silent'],
  ])('when %j is set, then exit 1 with a configuration error naming the variable', async (env, message) => {
    const result = await runCli(['witness', 'serve', '--data', dir], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`ledger witness: configuration error: ${message}`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('when --port is bad, then it is a usage error naming --port, even with a good WITNESS_PORT', async () => {
    const result = await runCli(['witness', 'serve', '--data', dir, '--port', '99999'], { WITNESS_PORT: '8090' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ledger witness: --port is a TCP port, 0..65535');
    expect(result.stderr).not.toContain('WITNESS_PORT');
  });

  it.each(['', '  '])(
    'when WITNESS_DATA_DIR is %j, then it counts as unset: the key goes to ./witness-data',
    async (value) => {
      const result = await runCli(
        ['witness', 'key', '--name', 'test.example/witness'],
        { WITNESS_DATA_DIR: value },
        dir,
      );
      expect(result.code).toBe(0);
      expect(readdirSync(dir)).toEqual(['witness-data']);
      expect(readdirSync(path.join(dir, 'witness-data'))).toContain('witness-key.json');
    },
  );

  it.each<Record<string, string>>([{ WITNESS_PORT: ' ' }, { LOG_LEVEL: ' ' }])(
    'when %j is blank, then it counts as unset and is not refused',
    async (env) => {
      // a bad --log is refused after the variables are read: a refused variable would come first, with exit 1
      const result = await runCli(['witness', 'serve', '--data', dir, '--log', 'not-a-key'], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('ledger witness: --log:');
    },
  );

  it('when logs or refusals name a folder that does not exist, then usage errors are exit 2 and the rest exit 1 naming it, nothing made', async () => {
    const missing = path.join(dir, 'nope');
    for (const argv of [
      ['logs', 'add'],
      ['logs', 'bogus'],
      ['logs', 'list', 'extra'],
      ['logs', 'add', 'a+1a2b3c4d+AAAA'], // not a log's verifier key
    ]) {
      const usage = await runCli(['witness', ...argv, '--data', missing]);
      expect([argv.join(' '), usage.code]).toEqual([argv.join(' '), 2]);
    }
    const logKey = verifierKey('ledger.example/log', generateKeyPairSync('ed25519').publicKey);
    for (const argv of [['logs', 'list'], ['refusals'], ['logs', 'add', logKey]]) {
      const refused = await runCli(['witness', ...argv, '--data', missing]);
      expect([argv.join(' '), refused.code]).toEqual([argv.join(' '), 1]);
      expect(refused.stderr).toContain(`no witness folder ${missing} (--data or WITNESS_DATA_DIR)`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('when the help is asked for, then it names the variables it reads and the exit codes', async () => {
    const result = await runCli(['witness', '--help']);
    expect(result.code).toBe(0);
    for (const name of ['WITNESS_DATA_DIR', 'WITNESS_PORT', 'LOG_LEVEL', 'Exit codes:']) {
      expect(result.stdout).toContain(name);
    }
  });
});
