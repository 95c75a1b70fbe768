import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { blobLayout } from '../../src/adapters/filesystem/blob-store.js';
import { copyMedia, mirrorFolder, type MediaFault } from '../../src/data-copy.js';
import { tempDirsForFile } from '../support/stored-folder.js';

const tempDir = tempDirsForFile('data-copy');

/** A media folder holding `bodies`, as the filesystem store lays them out; their hashes. */
function mediaFolder(bodies: string[]): { dir: string; hashes: string[] } {
  const dir = tempDir();
  const hashes = bodies.map((body) => {
    const sha256 = createHash('sha256').update(body).digest('hex');
    const { folder, blob, sidecar } = blobLayout(dir, sha256);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(blob, body);
    fs.writeFileSync(sidecar, JSON.stringify({ sha256, size: body.length, contentType: 'text/plain' }));
    return sha256;
  });
  return { dir, hashes };
}

describe('copyMedia', () => {
  it('when the folder copied to fails part way, then the copy stops with the error instead of naming media as faults', async () => {
    const { dir } = mediaFolder(['one', 'two', 'three']);
    const to = tempDir();
    const faults: MediaFault[] = [];
    // after the first medium, where media are written is gone: as a full or failing disk answers a write
    const copying = copyMedia(dir, to, faults, (done) => {
      if (done === 1) fs.rmSync(path.join(to, 'tmp'), { recursive: true, force: true });
    });
    await expect(copying).rejects.toThrow(/cannot write/);
    expect(faults).toEqual([]);
  });

  it('when a medium cannot be read, then it is a fault and the others are copied', async () => {
    const { dir, hashes } = mediaFolder(['one', 'two']);
    // a medium's name taken by a folder: its bytes cannot be read
    const unreadable = blobLayout(dir, hashes[0]!).blob;
    fs.rmSync(unreadable);
    fs.mkdirSync(unreadable);
    const to = tempDir();
    const faults: MediaFault[] = [];
    const copy = await copyMedia(dir, to, faults, () => {});
    expect(faults.map((f) => [f.code, f.path])).toEqual([['medium_unreadable', unreadable]]);
    expect(copy.copied).toBe(1);
    expect(fs.readFileSync(blobLayout(to, hashes[1]!).blob, 'utf8')).toBe('two');
  });

  it('when a medium held already is damaged where it is kept, then verifyHeld copies it again', async () => {
    const { dir, hashes } = mediaFolder(['evidence']);
    const to = tempDir();
    expect((await copyMedia(dir, to, [], () => {})).copied).toBe(1);
    const held = blobLayout(to, hashes[0]!).blob;
    fs.chmodSync(held, 0o600);
    fs.writeFileSync(held, 'evidencf');
    expect((await copyMedia(dir, to, [], () => {})).copied).toBe(0);
    const again = await copyMedia(dir, to, [], () => {}, { verifyHeld: true });
    expect([again.copied, again.repaired]).toEqual([1, 1]);
    expect(fs.readFileSync(held, 'utf8')).toBe('evidence');
    expect(fs.statSync(held).mode & 0o777).toBe(0o400);
  });

  it('when a mirror stopped part way left a copy in the making, then the next mirror removes it', () => {
    const from = tempDir();
    fs.writeFileSync(path.join(from, 'case-a.key'), 'key a');
    const to = tempDir();
    // a key copied half way: a key all the same, which would outlive the erasure of the one it copies
    fs.mkdirSync(path.join(to, 'tmp'));
    fs.writeFileSync(path.join(to, 'tmp', '.mirror-stopped'), 'key a');
    expect(mirrorFolder(from, to)).toEqual({ files: 1, removed: 0 });
    expect(fs.readdirSync(path.join(to, 'tmp'))).toEqual([]);
    expect(fs.readFileSync(path.join(to, 'case-a.key'), 'utf8')).toBe('key a');
  });
});
