import fs from 'node:fs';
import path from 'node:path';
import { freshTempDir } from '../support/temp-dir.js';
import { runCli } from '../support/cli.js';

const dir = freshTempDir('cli-verify');

describe('ledger verify on a file it cannot read', () => {
  it('when the bundle does not exist, then exit 1 with the system reason, not a usage error', async () => {
    const result = await runCli(['verify', 'no-such-case.tar'], {}, dir());
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd()).toBe(
      'ledger verify: cannot read no-such-case.tar: no such file or directory (ENOENT)',
    );
    expect(result.stdout).toBe('');
  });

  it('when the bundle is a folder, then exit 1 saying it is not a file', async () => {
    fs.mkdirSync(path.join(dir(), 'case.tar'));
    const result = await runCli(['verify', 'case.tar'], {}, dir());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot read case.tar: it is not a file');
  });

  it('when a --key file does not exist, then exit 1 with the system reason', async () => {
    fs.writeFileSync(path.join(dir(), 'case.tar'), 'not read: the key comes first');
    const result = await runCli(['verify', 'case.tar', '--key', 'missing.pem'], {}, dir());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--key: cannot read');
    expect(result.stderr).toContain('no such file or directory (ENOENT)');
  });

  it('when a --key is a folder, then exit 1 saying it is not a file, as for the bundle', async () => {
    fs.writeFileSync(path.join(dir(), 'case.tar'), 'not read: the key comes first');
    fs.mkdirSync(path.join(dir(), 'keys'));
    const result = await runCli(['verify', 'case.tar', '--key', 'keys'], {}, dir());
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd()).toMatch(/^ledger verify: --key: cannot read \S*keys: it is not a file$/);
  });

  it('when the bundle is an empty file, then exit 1: malformed, the file is empty', async () => {
    fs.writeFileSync(path.join(dir(), 'empty.tar'), '');
    const result = await runCli(['verify', 'empty.tar'], {}, dir());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('malformed: the file is empty: no archive (at byte 0)');
  });
});
