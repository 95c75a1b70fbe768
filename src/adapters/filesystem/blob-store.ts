import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { access, chmod, link, mkdir, open, readFile, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  assertRange,
  assertSha256,
  BlobTooLarge,
  DigestMismatch,
  type BlobInfo,
  type BlobStore,
  type ByteRange,
  type PutOptions,
} from '../../ports/blob-store.js';
import { makePrivateFolders } from '../../folders.js';

export interface FilesystemBlobStoreOptions {
  /** The media folder; created (with its `sha256/` and `tmp/` folders) when missing. */
  readonly dir: string;
}

/** Where a blob and its sidecar live under the store's folder: `sha256/<aa>/<bb>/<hash>` and `<hash>.json`. */
export function blobLayout(dir: string, sha256: string): { folder: string; blob: string; sidecar: string } {
  const folder = path.join(dir, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4));
  return { folder, blob: path.join(folder, sha256), sidecar: path.join(folder, `${sha256}.json`) };
}

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
/**
 * Stored files are read-only and owner-only: nothing in this process writes to a published blob or sidecar again,
 * and nobody but the service's user reads evidence. Folders are owner-only too. Modes are set explicitly after
 * creation, so the process umask never widens them.
 */
const READ_ONLY = 0o400;
const PRIVATE_FOLDER = 0o700;

/**
 * Media on the local file system, content-addressed. A put streams the body into `tmp/<random>` while hashing
 * it, fsyncs it, publishes the sidecar (`{sha256, size, contentType}`), then the blob, each with `link`, which
 * never replaces an existing name: the first writer of a name wins, so stored evidence is never overwritten and
 * no partial file is ever visible under a final name. A blob exists when its file exists; a sidecar without its
 * blob (an interrupted put) is invisible. The `tmp/` and `sha256/` folders must be on one file system.
 */
export class FilesystemBlobStore implements BlobStore {
  readonly #dir: string;
  readonly #tmp: string;

  constructor(options: FilesystemBlobStoreOptions) {
    this.#dir = path.resolve(options.dir);
    this.#tmp = path.join(this.#dir, 'tmp');
    for (const folder of [path.join(this.#dir, 'sha256'), this.#tmp]) {
      makePrivateFolders(folder, PRIVATE_FOLDER);
    }
  }

  /**
   * Removes what `tmp/` holds: uploads a killed process left part way (a put removes its own file however it ends).
   * Only for whoever holds the data folder while nothing is being put (the service, at start); returns how many.
   */
  removeTemporaries(): number {
    const names = fs.readdirSync(this.#tmp);
    for (const name of names) fs.rmSync(path.join(this.#tmp, name), { recursive: true, force: true });
    return names.length;
  }

  async put(body: AsyncIterable<Uint8Array>, options: PutOptions): Promise<BlobInfo & { readonly created: boolean }> {
    checkPutOptions(options);
    const temp = path.join(this.#tmp, randomUUID());
    try {
      const { sha256, size } = await receive(body, temp, options);
      return await this.#publish(temp, { sha256, size, contentType: options.contentType });
    } finally {
      await rm(temp, { force: true });
    }
  }

  async head(sha256: string): Promise<BlobInfo | undefined> {
    assertSha256(sha256);
    const at = blobLayout(this.#dir, sha256);
    let size: number;
    try {
      size = (await stat(at.blob)).size;
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return undefined;
      throw err;
    }
    return { sha256, size, contentType: await contentTypeOf(at.sidecar) };
  }

  /** The caller must consume or destroy `body`: it holds an open file until then. */
  async get(
    sha256: string,
    range?: ByteRange,
  ): Promise<{ readonly info: BlobInfo; readonly body: NodeJS.ReadableStream } | undefined> {
    assertSha256(sha256);
    const at = blobLayout(this.#dir, sha256);
    let handle: FileHandle;
    try {
      handle = await open(at.blob, 'r');
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return undefined;
      throw err;
    }
    try {
      const { size } = await handle.stat();
      const info: BlobInfo = { sha256, size, contentType: await contentTypeOf(at.sidecar) };
      const bounds = range ? assertRange(range, size) : {};
      return { info, body: handle.createReadStream(bounds) };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async ping(): Promise<void> {
    await access(path.join(this.#dir, 'sha256'), fs.constants.R_OK | fs.constants.W_OK);
    const probe = path.join(this.#tmp, `ping-${randomUUID()}`);
    try {
      await (await open(probe, 'wx', 0o600)).close();
    } finally {
      await rm(probe, { force: true });
    }
  }

  async #publish(temp: string, info: BlobInfo): Promise<BlobInfo & { readonly created: boolean }> {
    const existing = await this.head(info.sha256);
    if (existing) return { ...existing, size: sameSize(existing.sha256, existing.size, info.size), created: false };

    const at = blobLayout(this.#dir, info.sha256);
    await makeFolder(at.folder);
    const contentType = await this.#publishSidecar(at.sidecar, info);
    const created = await linkOnce(temp, at.blob);
    await syncFolder(at.folder);
    // Lost a race with a concurrent put of the same bytes: theirs is the stored copy.
    if (!created) sameSize(info.sha256, (await stat(at.blob)).size, info.size);
    return { ...info, contentType, created };
  }

  /** Publishes the sidecar unless one is there (a concurrent or interrupted put); returns the stored type. */
  async #publishSidecar(file: string, info: BlobInfo): Promise<string> {
    const temp = path.join(this.#tmp, `${randomUUID()}.json`);
    try {
      const handle = await open(temp, 'wx', READ_ONLY);
      try {
        await handle.chmod(READ_ONLY);
        const sidecar: BlobInfo = { sha256: info.sha256, size: info.size, contentType: info.contentType };
        await handle.writeFile(JSON.stringify(sidecar));
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (await linkOnce(temp, file)) return info.contentType;
    } finally {
      await rm(temp, { force: true });
    }
    return contentTypeOf(file);
  }
}

function checkPutOptions(options: PutOptions): void {
  if (!Number.isSafeInteger(options.maxBytes) || options.maxBytes < 0)
    throw new TypeError('maxBytes must be a non-negative integer');
  if (typeof options.contentType !== 'string' || options.contentType === '')
    throw new TypeError('contentType must be a non-empty string');
  if (options.expectedSha256 !== undefined) assertSha256(options.expectedSha256);
}

/** Writes the body to `file` while hashing and counting it; the file is durable when this resolves. */
async function receive(
  body: AsyncIterable<Uint8Array>,
  file: string,
  options: PutOptions,
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  // Start reading before anything is awaited: a stream source listens for its errors only once it is read, and one
  // that fails while the file is being opened would otherwise emit an error nobody handles.
  const chunks = body[Symbol.asyncIterator]();
  let next = chunks.next();
  next.catch(() => {}); // handled where it is awaited below; this only keeps it from counting as unhandled meanwhile
  let done = false;
  try {
    const handle = await open(file, 'wx', READ_ONLY);
    try {
      await handle.chmod(READ_ONLY);
      for (let result = await next; !result.done; result = await next) {
        const chunk = result.value;
        if (!(chunk instanceof Uint8Array)) throw new TypeError('a body yields bytes (Uint8Array), not strings');
        size += chunk.byteLength;
        if (size > options.maxBytes) throw new BlobTooLarge(options.maxBytes);
        hash.update(chunk);
        await writeAll(handle, chunk);
        next = chunks.next();
      }
      done = true;
      const sha256 = hash.digest('hex');
      if (options.expectedSha256 !== undefined && sha256 !== options.expectedSha256)
        throw new DigestMismatch(options.expectedSha256, sha256);
      await handle.sync();
      return { sha256, size };
    } finally {
      await handle.close();
    }
  } finally {
    // Leaving early (a throw) stops the source: `return()` destroys a stream
    if (!done) await chunks.return?.().catch(() => {});
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let offset = 0; offset < chunk.byteLength;) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

/** The stored copy of the same digest must have the same size; anything else means the store is damaged. */
function sameSize(sha256: string, stored: number, size: number): number {
  if (stored !== size)
    throw new Error(`stored blob ${sha256} has ${stored} bytes, not ${size}: the media store is damaged`);
  return stored;
}

async function contentTypeOf(sidecar: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(sidecar, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return DEFAULT_CONTENT_TYPE;
    throw err;
  }
  const parsed = JSON.parse(text) as Partial<BlobInfo>;
  if (typeof parsed.contentType !== 'string') throw new Error(`${sidecar} is not a blob sidecar`);
  return parsed.contentType;
}

/** Links `from` to `to` unless `to` exists; true when this call made the link. */
async function linkOnce(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (err) {
    if (isErrno(err, 'EEXIST')) return false;
    throw err;
  }
}

/** `mkdir -p`, then fsyncs the parent of every folder it made, so that their names survive a crash. */
async function makeFolder(folder: string): Promise<void> {
  const first = await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER });
  if (first === undefined) return;
  for (const made of madeFolders(first, folder)) await chmod(made, PRIVATE_FOLDER);
  for (let made = folder; ; made = path.dirname(made)) {
    await syncFolder(path.dirname(made));
    if (made === first) return;
  }
}

/** The folders `mkdir -p folder` made, given the first one it made: `first` and each one below it to `folder`. */
function madeFolders(first: string, folder: string): string[] {
  const made: string[] = [];
  for (let at = folder; ; at = path.dirname(at)) {
    made.push(at);
    if (at === first || at === path.dirname(at)) return made.reverse();
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isErrno(err: unknown, code: string): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === code;
}
