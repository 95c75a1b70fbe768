import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BLOCK, TarFormatError, tarHeader, tarSize, writeTar, type TarEntry } from '../../../src/ledger/tar.js';
import { TarReader, type TarMember } from '../../../src/ledger/tar-reader.js';

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Reads an archive fed in chunks of `chunkSize` bytes; returns its members with their bytes. */
function read(archive: Uint8Array, chunkSize = archive.length || 1) {
  const members: (TarMember & { bytes: Buffer })[] = [];
  let parts: Buffer[] = [];
  let current: TarMember | undefined;
  const reader = new TarReader({
    member: (m) => {
      current = m;
      parts = [];
    },
    data: (chunk) => parts.push(Buffer.from(chunk)),
    memberEnd: () => members.push({ ...current!, bytes: Buffer.concat(parts) }),
  });
  for (let at = 0; at < archive.length; at += chunkSize) reader.write(archive.subarray(at, at + chunkSize));
  reader.close();
  return members;
}

function readError(archive: Uint8Array): TarFormatError {
  try {
    read(archive);
  } catch (err) {
    if (err instanceof TarFormatError) return err;
    throw err;
  }
  throw new Error('the archive was accepted');
}

const entries = (): TarEntry[] => [
  { name: 'manifest.json', size: 2, body: Buffer.from('{}'), mtime: 1_700_000_000 },
  { name: 'events/00000000.json', size: 0, body: Buffer.alloc(0) },
  { name: 'media/' + 'a'.repeat(64), size: 1500, body: Buffer.alloc(1500, 7) },
  { name: 'keys/exactly-512', size: 512, body: Buffer.alloc(512, 1) },
];

describe('ustar writer and reader', () => {
  it('when entries are written, then the archive has the size tarSize says and reads back the same in any chunking', async () => {
    const archive = await collect(writeTar(entries()));
    expect(archive.length).toBe(tarSize(entries().map((e) => e.size)));
    expect(archive.length % BLOCK).toBe(0);
    for (const chunkSize of [1, 7, 511, 512, 513, 4096, archive.length]) {
      const members = read(archive, chunkSize);
      expect(members.map((m) => [m.name, m.size, m.bytes.length])).toEqual([
        ['manifest.json', 2, 2],
        ['events/00000000.json', 0, 0],
        ['media/' + 'a'.repeat(64), 1500, 1500],
        ['keys/exactly-512', 512, 512],
      ]);
      expect(members[2]!.bytes.equals(Buffer.alloc(1500, 7))).toBe(true);
      expect(members[0]!.mtime).toBe(1_700_000_000);
    }
  });

  it('when GNU tar lists and extracts our archive, then it finds the same files and bytes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-test-'));
    try {
      const file = path.join(dir, 'a.tar');
      const long = `deep/${'x'.repeat(90)}/${'y'.repeat(90)}.bin`; // over 100 bytes: uses the prefix field
      fs.writeFileSync(
        file,
        await collect(writeTar([...entries(), { name: long, size: 3, body: Buffer.from('abc') }])),
      );
      const listed = execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n');
      expect(listed).toEqual([...entries().map((e) => e.name), long]);
      execFileSync('tar', ['-xf', file, '-C', dir]);
      expect(fs.readFileSync(path.join(dir, 'media', 'a'.repeat(64))).equals(Buffer.alloc(1500, 7))).toBe(true);
      expect(fs.readFileSync(path.join(dir, long), 'utf8')).toBe('abc');
      // what GNU tar writes in POSIX ustar format is a valid archive, but not as bundles are written (its mode,
      // owner, names and times are the files'): a bundle packed again is refused, whatever it holds
      execFileSync('tar', ['--format=ustar', '-cf', path.join(dir, 'b.tar'), '-C', dir, `media/${'a'.repeat(64)}`]);
      expect(() => read(fs.readFileSync(path.join(dir, 'b.tar')))).toThrow(/not as bundles are written/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when a body is large, then the writer passes its chunks through as they come and never buffers it', async () => {
    const chunkSize = 64 * 1024;
    const total = 64 * 1024 * 1024;
    let produced = 0;
    async function* medium() {
      for (let sent = 0; sent < total; sent += chunkSize) {
        produced += chunkSize;
        yield Buffer.alloc(chunkSize, sent / chunkSize);
      }
    }
    let consumed = 0;
    let maxAhead = 0;
    const hash = createHash('sha256');
    for await (const chunk of writeTar([{ name: 'media/big', size: total, body: medium }])) {
      consumed += chunk.byteLength;
      hash.update(chunk);
      // the source never runs more than one chunk ahead of what the writer has handed on
      maxAhead = Math.max(maxAhead, produced - (consumed - BLOCK));
    }
    expect(consumed).toBe(tarSize([total]));
    expect(maxAhead).toBeLessThanOrEqual(chunkSize);
  });

  it('when a body is opened lazily, then it is opened only when its turn comes', async () => {
    const opened: string[] = [];
    const lazy = (name: string): TarEntry => ({
      name,
      size: 1,
      body: () => {
        opened.push(name);
        return (async function* () {
          yield Buffer.from('x');
        })();
      },
    });
    const out = writeTar([lazy('a'), lazy('b')]);
    await out.next(); // a's header
    expect(opened).toEqual([]);
    await out.next(); // a's byte
    expect(opened).toEqual(['a']);
  });

  it('when a body yields more or fewer bytes than announced, then writing throws', async () => {
    await expect(collect(writeTar([{ name: 'a', size: 3, body: Buffer.from('ab') }]))).rejects.toThrow(/2 bytes/);
    await expect(collect(writeTar([{ name: 'a', size: 1, body: Buffer.from('ab') }]))).rejects.toThrow(/more than/);
  });

  it('when a name is unsafe, then the writer refuses it', () => {
    for (const name of ['', '/etc/passwd', '../x', 'a/../b', 'a//b', 'a\\b', 'a\u0000b', './a']) {
      expect(() => tarHeader(name, 0)).toThrow(RangeError);
    }
  });

  it('when sizes pass 8 GiB, then the header uses base-256 and the reader reads it back', () => {
    const size = 9 * 1024 ** 3;
    const header = tarHeader('media/huge', size);
    expect(header[124]).toBe(0x80);
    let seen: TarMember | undefined;
    const reader = new TarReader({ member: (m) => (seen = m), data: () => {}, memberEnd: () => {} });
    reader.write(header);
    expect(seen?.size).toBe(size);
  });
});

describe('the reader refuses what is not a plain, well-formed archive', () => {
  let archive: Buffer;
  beforeAll(async () => {
    archive = await collect(writeTar(entries()));
  });

  /** A copy of the archive with a header rewritten (and its checksum recomputed unless `keepChecksum`). */
  function withHeader(edit: (h: Buffer) => void, keepChecksum = false): Buffer {
    const copy = Buffer.from(archive);
    const h = copy.subarray(0, BLOCK);
    edit(h);
    if (!keepChecksum) {
      h.fill(0x20, 148, 156);
      let sum = 0;
      for (const b of h) sum += b;
      h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
    }
    return copy;
  }

  it('when any single bit of the archive is flipped, then the archive is refused or a member differs', () => {
    const original = read(archive);
    const describe = (ms: typeof original) =>
      ms.map((m) => `${m.name}:${m.size}:${m.mtime}:${m.bytes.toString('hex')}`);
    let refused = 0;
    let changed = 0;
    for (let byte = 0; byte < archive.length; byte++) {
      for (const bit of [0, 5]) {
        const copy = Buffer.from(archive);
        copy[byte] = copy[byte]! ^ (1 << bit);
        let members;
        try {
          members = read(copy);
        } catch (err) {
          expect(err).toBeInstanceOf(TarFormatError);
          refused += 1;
          continue;
        }
        // accepted: then the flip must be in a member's bytes, which the manifest's hashes catch
        expect(describe(members)).not.toEqual(describe(original));
        changed += 1;
      }
    }
    expect(refused + changed).toBe(archive.length * 2);
    expect(refused).toBeGreaterThan(0);
  });

  it('when a header checksum is wrong, then the archive is refused', () => {
    expect(readError(withHeader((h) => (h[0] = 0x4e), true)).message).toMatch(/checksum/);
  });

  it('when a name escapes the archive, then the archive is refused', () => {
    for (const name of ['../evil', '/abs', 'a/../../b', 'a\\b']) {
      const copy = withHeader((h) => {
        h.fill(0, 0, 100);
        h.write(name, 0, 'utf8');
      });
      expect(readError(copy).message).toMatch(/name/);
    }
  });

  it('when a header field the format fixes is changed and the checksum made again, then the archive is refused', () => {
    const edits: [string, (h: Buffer) => void][] = [
      ['setuid mode', (h) => h.write('0004755\0', 100, 'ascii')],
      ['owner 1000', (h) => h.write('0001750\0', 108, 'ascii')],
      ['group 1000', (h) => h.write('0001750\0', 116, 'ascii')],
      ['a link name', (h) => h.write('/etc/shadow', 157, 'ascii')],
      ['user name root', (h) => h.write('root', 265, 'ascii')],
      ['group name root', (h) => h.write('root', 297, 'ascii')],
      ['a device number', (h) => h.write('0000001\0', 329, 'ascii')],
      ['GNU magic', (h) => h.write('ustar  \0', 257, 'latin1')],
      ['old-style type NUL', (h) => (h[156] = 0)],
      ['bytes after the name', (h) => h.write('hidden', 90, 'ascii')],
      ['bytes after the prefix', (h) => (h[511] = 1)],
      [
        'a size written with spaces',
        (h) =>
          h.write(
            ' '.repeat(11 - h.toString('ascii', 124, 135).replace(/^0+/, '').length) +
              h.toString('ascii', 124, 135).replace(/^0+/, '') +
              ' ',
            124,
            'ascii',
          ),
      ],
      ['an mtime ending in a space', (h) => (h[147] = 0x20)],
    ];
    for (const [what, edit] of edits) {
      const error = readError(withHeader(edit));
      expect([what, error.message]).toEqual([
        what,
        expect.stringMatching(/not as bundles are written|bytes after|not zero-padded|not written as bundles/),
      ]);
    }
    // the same archive untouched is read
    expect(read(withHeader(() => {})).length).toBe(entries().length);
  });

  it('when a member is not a regular file (folder, link, pax header), then the archive is refused', () => {
    for (const type of ['5', '1', '2', 'x', 'g', 'L']) {
      expect(readError(withHeader((h) => h.write(type, 156, 'ascii'))).message).toMatch(/not a regular file/);
    }
  });

  it('when a name appears twice, then the archive is refused', async () => {
    const twice = await collect(
      writeTar([
        { name: 'a', size: 1, body: Buffer.from('1') },
        { name: 'a', size: 1, body: Buffer.from('2') },
      ]),
    );
    expect(readError(twice).message).toMatch(/appears twice/);
  });

  it('when an archive holds more members than the reader takes, then it is refused at the first one past them', async () => {
    const three = await collect(writeTar(['a', 'b', 'c'].map((name) => ({ name, size: 0, body: Buffer.alloc(0) }))));
    const names: string[] = [];
    const sink = { member: (m: TarMember) => names.push(m.name), data: () => {}, memberEnd: () => {} };
    new TarReader(sink, { maxMembers: 3 }).write(three);
    expect(names).toEqual(['a', 'b', 'c']);
    names.length = 0;
    expect(() => new TarReader(sink, { maxMembers: 2 }).write(three)).toThrow(/too many members \(at byte 1024\)/);
    expect(names).toEqual(['a', 'b']);
  });

  it('when bytes follow the end of the archive, or it is cut short, then it is refused; zero padding is accepted', () => {
    expect(readError(Buffer.concat([archive, Buffer.from('garbage')])).message).toMatch(/after the end/);
    expect(read(Buffer.concat([archive, Buffer.alloc(10240 - (archive.length % 10240))]))).toHaveLength(4);
    for (const cut of [archive.length - 1, archive.length - BLOCK, archive.length - 2 * BLOCK, 700, 100]) {
      expect(readError(archive.subarray(0, cut)).message).toMatch(/ends before/);
    }
  });

  it('when the magic is not ustar, then the archive is refused', () => {
    expect(readError(withHeader((h) => h.write('xstar', 257, 'ascii'))).message).toMatch(/ustar/);
  });

  it('when random bytes are read, then the reader throws TarFormatError and nothing else', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = randomBytes(BLOCK * (1 + (i % 4)));
      expect(() => read(bytes)).toThrow(TarFormatError);
    }
  });
});
