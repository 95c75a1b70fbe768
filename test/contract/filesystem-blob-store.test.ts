import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { blobLayout, FilesystemBlobStore } from '../../src/adapters/filesystem/blob-store.js';
import { BlobTooLarge, DigestMismatch, InvalidDigest } from '../../src/ports/blob-store.js';
import { freshTempDir } from '../support/temp-dir.js';
import { blobStoreContract, bodyOf, collect, patterned, sha256 } from './blob-store.contract.js';

blobStoreContract('filesystem (embedded)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-blob-contract-'));
  return {
    store: new FilesystemBlobStore({ dir }),
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

describe('FilesystemBlobStore', () => {
  const dir = freshTempDir('blobs');
  const opts = { contentType: 'image/jpeg', maxBytes: 1024 * 1024 };
  const tmpFiles = () => fs.readdirSync(path.join(dir(), 'tmp'));

  afterEach(() => jest.restoreAllMocks());

  it('when a blob is put, then it lies at sha256/<aa>/<bb>/<hash> beside its read-only <hash>.json sidecar', async () => {
    const store = new FilesystemBlobStore({ dir: dir() });
    const bytes = Buffer.from('on-site inspection photo');
    const hash = sha256(bytes);
    await store.put(bodyOf(bytes), opts);

    const file = path.join(dir(), 'sha256', hash.slice(0, 2), hash.slice(2, 4), hash);
    expect(blobLayout(dir(), hash)).toEqual({ folder: path.dirname(file), blob: file, sidecar: `${file}.json` });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(JSON.parse(fs.readFileSync(`${file}.json`, 'utf8'))).toEqual({
      sha256: hash,
      size: bytes.length,
      contentType: 'image/jpeg',
    });
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual([hash, `${hash}.json`]);
    expect(fs.statSync(file).mode & 0o222).toBe(0);
    expect(fs.statSync(`${file}.json`).mode & 0o222).toBe(0);
  });

  it('when the folder does not exist, then the constructor creates it with its sha256 and tmp folders', () => {
    const nested = path.join(dir(), 'a', 'b');
    new FilesystemBlobStore({ dir: nested });
    expect(fs.readdirSync(nested).sort()).toEqual(['sha256', 'tmp']);
  });

  it('when puts succeed or fail, then no file is left in tmp', async () => {
    const store = new FilesystemBlobStore({ dir: dir() });
    const bytes = Buffer.from('evidence');
    await store.put(bodyOf(bytes), opts);
    await store.put(bodyOf(bytes), opts);
    await Promise.all(Array.from({ length: 5 }, () => store.put(patterned(100_000, { seed: 5 }), opts)));
    await expect(store.put(patterned(2 * 1024 * 1024), opts)).rejects.toBeInstanceOf(BlobTooLarge);
    await expect(store.put(bodyOf(bytes), { ...opts, expectedSha256: 'f'.repeat(64) })).rejects.toBeInstanceOf(
      DigestMismatch,
    );
    async function* failing() {
      yield bytes;
      throw new Error('aborted');
    }
    await expect(store.put(failing(), opts)).rejects.toThrow('aborted');
    await store.ping();
    expect(tmpFiles()).toEqual([]);
  });

  it('when an interrupted put left a partial temp file and its sidecar, then the blob is invisible until put', async () => {
    const bytes = Buffer.from('full audio-video recording of the demolition');
    const hash = sha256(bytes);
    const at = blobLayout(dir(), hash);
    const store = new FilesystemBlobStore({ dir: dir() });
    // The state a crash leaves between writing the sidecar and linking the blob.
    fs.writeFileSync(path.join(dir(), 'tmp', 'interrupted'), bytes.subarray(0, 10));
    fs.mkdirSync(at.folder, { recursive: true });
    fs.writeFileSync(at.sidecar, JSON.stringify({ sha256: hash, size: bytes.length, contentType: 'video/mp4' }));

    expect(await store.head(hash)).toBeUndefined();
    expect(await store.get(hash)).toBeUndefined();

    const result = await store.put(bodyOf(bytes), { ...opts, contentType: 'video/mp4' });
    expect(result).toEqual({ sha256: hash, size: bytes.length, contentType: 'video/mp4', created: true });
    expect(await collect((await store.get(hash))!.body)).toEqual(bytes);
    expect(tmpFiles()).toEqual(['interrupted']); // another process's put may still own it: left alone
  });

  it('when a blob file has no sidecar, then head takes its size from the file and reports octet-stream', async () => {
    const bytes = Buffer.from('restored without sidecar');
    const at = blobLayout(dir(), sha256(bytes));
    const store = new FilesystemBlobStore({ dir: dir() });
    fs.mkdirSync(at.folder, { recursive: true });
    fs.writeFileSync(at.blob, bytes);
    const info = { sha256: sha256(bytes), size: bytes.length, contentType: 'application/octet-stream' };
    expect(await store.head(info.sha256)).toEqual(info);
    const got = await store.get(info.sha256);
    expect(got?.info).toEqual(info);
    expect(await collect(got!.body)).toEqual(bytes);
  });

  it('when a file of another size already has the name, then the put fails and leaves that file alone', async () => {
    const bytes = Buffer.from('the real bytes');
    const at = blobLayout(dir(), sha256(bytes));
    const store = new FilesystemBlobStore({ dir: dir() });
    fs.mkdirSync(at.folder, { recursive: true });
    fs.writeFileSync(at.blob, 'damaged');
    await expect(store.put(bodyOf(bytes), opts)).rejects.toThrow(/damaged/);
    expect(fs.readFileSync(at.blob, 'utf8')).toBe('damaged');
    expect(tmpFiles()).toEqual([]);
  });

  it('when a hash is not a digest, then head and get touch no file', async () => {
    const store = new FilesystemBlobStore({ dir: dir() });
    const spies = (['open', 'stat', 'readFile', 'access', 'lstat'] as const).map((name) => jest.spyOn(fsp, name));
    for (const hash of ['../../etc/passwd', '../sha256', 'A'.repeat(64), '']) {
      await expect(store.head(hash)).rejects.toBeInstanceOf(InvalidDigest);
      await expect(store.get(hash, { start: 0 })).rejects.toBeInstanceOf(InvalidDigest);
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    // the spies do see the adapter's file access when the hash is valid
    await store.head('0'.repeat(64));
    expect(spies[1]).toHaveBeenCalled();
  });
});
