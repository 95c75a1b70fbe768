import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { freshTempDir } from '../support/temp-dir.js';
import { runCli } from '../support/cli.js';
import { writeBenchBundle } from '../../scripts/bench-integrity.js';
import { testSigner } from '../support/events.js';

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

describe('ledger verify on a file that is no bundle', () => {
  let bundle: Buffer;
  beforeAll(async () => {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cli-odd-'));
    try {
      await writeBenchBundle(path.join(made, 'case.tar'), { events: 5, signer: testSigner() });
      bundle = fs.readFileSync(path.join(made, 'case.tar'));
    } finally {
      fs.rmSync(made, { recursive: true, force: true });
    }
  }, 60_000);

  it.each([
    [
      'a bundle compressed with gzip',
      () => gzipSync(bundle),
      'malformed: the file is compressed with gzip, not a bundle (a .tar): unpack it (gunzip) and verify the .tar it holds (at byte 0)',
      'compressed',
    ],
    [
      'a ZIP archive',
      () => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(1020, 1)]),
      "malformed: the file is a ZIP archive, not a bundle (a .tar): if it holds the exported .tar, unpack it and verify that file; a bundle's files unpacked and zipped are no longer the bundle: verify the .tar as it was exported (at byte 0)",
      'zip',
    ],
    [
      'a short text',
      () => Buffer.from('hello world\n'),
      'malformed: the file ends before its first tar header is whole (it is 12 bytes): not a bundle, or one cut short (at byte 0)',
      'cut_short',
    ],
    [
      'a bundle cut short',
      () => bundle.subarray(0, 4096),
      'malformed: the archive ends before its end-of-archive blocks: the file was cut short (an interrupted download or copy?); get it again (at byte 4096)',
      'cut_short',
    ],
    [
      'a bundle unpacked and packed again with tar',
      () => repacked(bundle),
      // (GNU tar's first member is the folder "./")
      'malformed: the file is a tar archive, but not as the ledger writes bundles (member type "5" is not a regular file): a bundle unpacked and packed again (with tar or another tool) is no longer the bundle; verify the file as it was exported (at byte 0)',
      'repacked',
    ],
    [
      'a long text',
      () => Buffer.from('x'.repeat(2000)),
      'malformed: the file is not a tar archive, which a bundle is (its first block is no tar header: the checksum field is malformed) (at byte 0)',
      undefined,
    ],
  ])('when the file is %s, then exit 1 saying what it is', async (_what, bytes, said, hint) => {
    fs.writeFileSync(path.join(dir(), 'odd.tar'), bytes());
    const result = await runCli(['verify', 'odd.tar', '--json'], {}, dir());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(said);
    // the report names what the file most likely is, for a reader's next step in their own language
    expect((JSON.parse(result.stdout) as { failure: { hint?: string } }).failure.hint).toBe(hint);
  });
});

/** The bundle's files unpacked and packed again with the system's tar, as a reader might. */
function repacked(bundle: Buffer): Buffer {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-repack-'));
  try {
    fs.writeFileSync(path.join(work, 'in.tar'), bundle);
    fs.mkdirSync(path.join(work, 'x'));
    execFileSync('tar', ['-xf', path.join(work, 'in.tar'), '-C', path.join(work, 'x')]);
    execFileSync('tar', ['-cf', path.join(work, 'out.tar'), '-C', path.join(work, 'x'), '.']);
    return fs.readFileSync(path.join(work, 'out.tar'));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

describe('ledger verify reading a bundle that streams', () => {
  let bundle: Buffer;
  let fromFile: { code: number; stdout: string };
  let made: string;

  beforeAll(async () => {
    made = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cli-stream-'));
    const file = path.join(made, 'case.tar');
    await writeBenchBundle(file, { events: 40, signer: testSigner() });
    bundle = fs.readFileSync(file);
    fromFile = await runCli(['verify', file, '--json'], {}, made);
    expect(fromFile.code).toBe(0);
  }, 60_000);
  afterAll(() => fs.rmSync(made, { recursive: true, force: true }));

  it('when FILE is -, then the bundle is read from the standard input and the report is the one of the file', async () => {
    const result = await runCli(['verify', '-', '--json'], {}, dir(), { stdin: bundle });
    expect([result.code, result.stderr]).toEqual([0, expect.any(String)]);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });

  it('when the standard input holds a bundle cut short, then exit 1 naming what fails, as for a file', async () => {
    const result = await runCli(['verify', '-'], {}, dir(), { stdin: bundle.subarray(0, bundle.length - 2048) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/malformed/);
  });

  it('when FILE is - and the standard input is a terminal, then a usage error (exit 2)', async () => {
    const result = await runCli(['verify', '-'], {}, dir(), { stdin: bundle, stdinTty: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the standard input is a terminal');
  });

  it('when FILE is a named pipe, then it is read as it streams', async () => {
    const fifo = path.join(dir(), 'bundle.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(fifo);
      out.on('error', reject);
      out.end(bundle, () => resolve());
    });
    const [result] = await Promise.all([runCli(['verify', fifo, '--json'], {}, dir()), writer]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });
});

describe('ledger verify given a --key file that is not a file of keys', () => {
  let made: string;
  const signer = testSigner();
  beforeAll(async () => {
    made = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cli-keyfile-'));
    await writeBenchBundle(path.join(made, 'case.tar'), { events: 4, signer });
  }, 60_000);
  afterAll(() => fs.rmSync(made, { recursive: true, force: true }));

  it('when --key names the bundle itself (which holds its own keys), or a key amid other text, then a usage error (exit 2) and nothing is reported valid', async () => {
    const pem = signer.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    fs.writeFileSync(path.join(made, 'noted.pem'), `the ledger's key, as mailed:\n${pem}thanks\n`);
    for (const keyFile of ['case.tar', 'noted.pem']) {
      const result = await runCli(['verify', 'case.tar', '--key', keyFile], {}, made);
      expect([keyFile, result.code, result.stdout]).toEqual([keyFile, 2, '']);
      expect(result.stderr).toContain(
        `--key ${keyFile} holds more than PEM public keys: give a file of the ledger's keys alone (GET /v1/ledger/keys)`,
      );
    }
    // the keys alone, with blank lines around them, are a file of keys
    fs.writeFileSync(path.join(made, 'keys.pem'), `\n${pem}\n\n${pem}\n`);
    const result = await runCli(['verify', 'case.tar', '--key', 'keys.pem'], {}, made);
    expect(result.code).toBe(0);
  });

  it('when --consistency-proof is given without --trusted-checkpoint, then a usage error (exit 2): it proves nothing on its own', async () => {
    fs.writeFileSync(path.join(made, 'proof.json'), JSON.stringify({ from: 1, to: 4, proof: [] }));
    const result = await runCli(['verify', 'case.tar', '--consistency-proof', 'proof.json'], {}, made);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(
      '--consistency-proof goes with --trusted-checkpoint: it proves the bundle consistent with that',
    );
  });
});
