import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileOnce, readCreatedFile } from '../../src/adapters/keys/create-once.js';
import { loadOrCreateMasterKey } from '../../src/adapters/keys/master-key.js';
import { loadOrCreateSecret } from '../../src/adapters/keys/service-secrets.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-create-once-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that ran and is gone. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** A write that fails as on a full disk, once. */
function diskFullOnce(): void {
  const write = fs.writeFileSync;
  jest.spyOn(fs, 'writeFileSync').mockImplementationOnce(() => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  });
  expect(fs.writeFileSync).not.toBe(write);
}

describe('createFileOnce', () => {
  it('when the file is not there, then it is made owner-only with the bytes, and a second call leaves it', () => {
    const file = path.join(dir, 'secret');
    expect(createFileOnce(file, 'first\n')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('first\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(createFileOnce(file, 'second\n')).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('first\n');
    expect(fs.readdirSync(dir)).toEqual(['secret']);
  });

  it('when the write fails (a full disk), then neither the file nor a temporary one is left, and the error names the file', () => {
    const file = path.join(dir, 'secret');
    diskFullOnce();
    let failure: NodeJS.ErrnoException | undefined;
    try {
      createFileOnce(file, 'x'.repeat(64));
    } catch (err) {
      failure = err as NodeJS.ErrnoException;
    }
    expect(failure?.code).toBe('ENOSPC');
    expect(failure?.message).toBe(`cannot create ${file}: ENOSPC: no space left on device, write`);
    expect(fs.readdirSync(dir)).toEqual([]);
    // space back: the next start makes it
    expect(createFileOnce(file, 'y\n')).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe('y\n');
  });

  it('when a process that is gone left a temporary file beside it, then that file is removed; a running one keeps its own', () => {
    const file = path.join(dir, 'master.key');
    const abandoned = path.join(dir, `.master.key.${deadPid()}.0b8f.tmp`);
    const running = path.join(dir, `.master.key.${process.ppid}.0b8f.tmp`);
    const other = path.join(dir, `.other.${deadPid()}.0b8f.tmp`);
    for (const f of [abandoned, running, other]) fs.writeFileSync(f, 'half');
    createFileOnce(file, 'k\n');
    expect(fs.existsSync(abandoned)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
    expect(fs.existsSync(other)).toBe(true);
  });
});

describe('the key and secret files made at the first start', () => {
  it('when the disk is full as the master key is made, then no master key file is left, and the next start makes one', () => {
    const file = path.join(dir, 'keys', 'master.key');
    diskFullOnce();
    expect(() => loadOrCreateMasterKey(file)).toThrow(`cannot create ${file}: ENOSPC`);
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
    expect(loadOrCreateMasterKey(file)).toHaveLength(32);
  });

  it('when the disk is full as the session secret is made, then none is left, and the next start makes one', () => {
    diskFullOnce();
    expect(() => loadOrCreateSecret(dir, 'session')).toThrow('session.secret: ENOSPC');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(loadOrCreateSecret(dir, 'session')).toHaveLength(32);
  });

  it('when an earlier version left an empty secret file, then the start says what happened and what to do', () => {
    fs.writeFileSync(path.join(dir, 'webhook.secret'), '');
    expect(() => loadOrCreateSecret(dir, 'webhook')).toThrow(
      'webhook.secret is empty: writing the webhook secret was cut short (a full disk or a crash at the first start); ' +
        'nothing can have used it: remove the file and start again',
    );
    expect(() => readCreatedFile(path.join(dir, 'webhook.secret'), 'webhook secret')).toThrow('is empty');
  });
});
