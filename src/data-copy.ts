import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { blobLayout } from './adapters/filesystem/blob-store.js';
import { PRIVATE_FILE_MODE } from './adapters/sqlite/private-file.js';
import { makePrivateFolder } from './data-folder.js';

/**
 * Copying what a data folder keeps in files, for `ledger backup` and `ledger restore`: media checked against their
 * names as they are copied, a folder mirrored, a file's digest.
 */

/** A medium that could not be copied: its bytes are not its name, or it could not be read. */
export interface MediaFault {
  readonly code: 'medium_mismatch' | 'medium_unreadable';
  /** The file copied from. */
  readonly path: string;
  readonly detail: string;
}

/** What {@link copyMedia} found and did. */
export interface MediaCopy {
  /** Media in the folder copied from, and their bytes. */
  readonly files: number;
  readonly bytes: number;
  /** Of those, copied (the others were there already, or are faults). */
  readonly copied: number;
  readonly copiedBytes: number;
  /** Of those copied, media `to` held damaged (with `verifyHeld`). */
  readonly repaired: number;
}

/** Makes sure what was written to `file` (or a folder's entries) is on the disk. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The SHA-256 of a file, hex, read as a stream. */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Copies each medium of the media folder `from` (`sha256/aa/bb/<hash>`, its sidecar `<hash>.json`) that `to` lacks,
 * hashing it as it is read: one whose bytes are not its name is not copied, and named as a fault.
 */
export async function copyMedia(
  from: string,
  to: string,
  faults: MediaFault[],
  progress: (done: number, total: number) => void,
  { verifyHeld = false }: { readonly verifyHeld?: boolean } = {},
): Promise<MediaCopy> {
  const hashes = listMedia(from);
  let bytes = 0;
  let copied = 0;
  let copiedBytes = 0;
  let repaired = 0;
  makePrivateFolder(path.join(to, 'sha256'));
  const temp = path.join(to, 'tmp');
  makePrivateFolder(temp);
  progress(0, hashes.length);
  for (const [i, sha256] of hashes.entries()) {
    const source = blobLayout(from, sha256);
    const target = blobLayout(to, sha256);
    const size = fs.statSync(source.blob).size;
    bytes += size;
    const held = sameSize(target.blob, size) && fs.existsSync(target.sidecar);
    // a medium held already is read back when asked: one damaged where it is kept is copied again
    const damaged = held && verifyHeld && (await fileSha256(target.blob)) !== sha256;
    if (!held || damaged) {
      const fault = await copyMedium(source, target, sha256, temp);
      if (fault) faults.push(fault);
      else {
        copied++;
        copiedBytes += size;
        if (damaged) repaired++;
      }
    }
    progress(i + 1, hashes.length);
  }
  return { files: hashes.length, bytes, copied, copiedBytes, repaired };
}

/** The media of a media folder, by their names, in order. */
function listMedia(dir: string): string[] {
  const root = path.join(dir, 'sha256');
  const hashes: string[] = [];
  const folders = (p: string) =>
    fs.existsSync(p)
      ? fs
          .readdirSync(p, { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => e.name)
          .sort()
      : [];
  for (const a of folders(root)) {
    for (const b of folders(path.join(root, a))) {
      for (const name of fs.readdirSync(path.join(root, a, b)).sort()) {
        if (HEX64.test(name) && name.startsWith(a + b)) hashes.push(name);
      }
    }
  }
  return hashes;
}

function sameSize(file: string, size: number): boolean {
  try {
    return fs.statSync(file).size === size;
  } catch {
    return false;
  }
}

/** Copies one medium (its sidecar, then its bytes, checked), read-only as the store keeps it. */
async function copyMedium(
  source: { folder: string; blob: string; sidecar: string },
  target: { folder: string; blob: string; sidecar: string },
  sha256: string,
  temp: string,
): Promise<MediaFault | undefined> {
  const partial = path.join(temp, randomUUID());
  const hash = createHash('sha256');
  const input = fs.createReadStream(source.blob);
  let unreadable = false;
  input.on('error', () => {
    unreadable = true;
  });
  try {
    await pipeline(
      input,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          yield chunk;
        }
      },
      fs.createWriteStream(partial, { mode: PRIVATE_FILE_MODE }),
    );
  } catch (err) {
    fs.rmSync(partial, { force: true });
    // the medium is the fault; where it is copied to failing (a full disk) stops the whole copy
    if (!unreadable) throw new Error(`cannot write ${partial}: ${(err as Error).message}`, { cause: err });
    return { code: 'medium_unreadable', path: source.blob, detail: (err as Error).message };
  }
  const actual = hash.digest('hex');
  if (actual !== sha256) {
    fs.rmSync(partial, { force: true });
    return { code: 'medium_mismatch', path: source.blob, detail: `its bytes hash to ${actual}` };
  }
  // on the disk before it is named: a copy said to be made survives a power cut
  syncFile(partial);
  makePrivateFolder(target.folder);
  if (fs.existsSync(source.sidecar)) {
    const sidecar = `${partial}.json`;
    fs.copyFileSync(source.sidecar, sidecar);
    replaceReadOnly(sidecar, target.sidecar);
  }
  replaceReadOnly(partial, target.blob);
  syncFile(target.folder);
  return undefined;
}

function replaceReadOnly(from: string, to: string): void {
  fs.chmodSync(from, 0o400);
  fs.renameSync(from, to);
}

/** The names of {@link mirrorFolder}'s copies in the making, in the folder's `tmp/`. */
const MIRROR_TEMP = '.mirror-';

/**
 * Makes `to` hold exactly the files of `from` (the data keys' objects of a media data-key store, not its `tmp/`):
 * copies them, and removes those `from` no longer has (a data key destroyed by an erasure), its bytes overwritten
 * with zeros first, as the store removes its own; with `removeOthers: false`, only copies them.
 */
export function mirrorFolder(
  from: string,
  to: string,
  { removeOthers = true }: { readonly removeOthers?: boolean } = {},
): { files: number; removed: number } {
  const files = fs.existsSync(from) ? listFiles(from) : [];
  // copies are written in the folder's tmp/ (which is never listed) and named once synced; those a copy stopped part
  // way left there are removed first: each is a key, and a key left behind would outlive its erasure
  const temps = path.join(to, 'tmp');
  makePrivateFolder(temps);
  for (const name of fs.readdirSync(temps)) {
    if (name.startsWith(MIRROR_TEMP)) fs.rmSync(path.join(temps, name), { force: true });
  }
  for (const rel of files) {
    const target = path.join(to, rel);
    makePrivateFolder(path.dirname(target));
    const temp = path.join(temps, `${MIRROR_TEMP}${randomUUID()}`);
    fs.copyFileSync(path.join(from, rel), temp);
    fs.chmodSync(temp, PRIVATE_FILE_MODE);
    syncFile(temp);
    fs.renameSync(temp, target);
  }
  if (files.length > 0) syncFile(to);
  const removed = removeOthers ? removeFilesNotIn(to, new Set(files)) : 0;
  return { files: files.length, removed };
}

/**
 * Removes the files below `dir` (but those of its `tmp/`) whose paths in it `keep` does not hold, each overwritten
 * first (keys: what was forgotten must not stay readable in the file's old blocks through a plain read); returns how
 * many.
 */
export function removeFilesNotIn(dir: string, keep: ReadonlySet<string>): number {
  let removed = 0;
  for (const rel of listFiles(dir)) {
    if (keep.has(rel)) continue;
    const file = path.join(dir, rel);
    fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size));
    fs.rmSync(file, { force: true });
    removed++;
  }
  return removed;
}

/** The files below `dir`, by their paths in it, but those of its `tmp/` (files being written). */
function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) return prefix === '' && entry.name === 'tmp' ? [] : listFiles(dir, rel);
    return entry.isFile() ? [rel] : [];
  });
}
