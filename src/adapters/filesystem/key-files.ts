import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DataKeyNotErasable, type KeyObjects } from '../../ports/data-keys.js';
import { makeFolders } from '../../folders.js';

const PRIVATE_FILE = 0o600;
const PRIVATE_FOLDER = 0o700;

/**
 * Data-key objects as files in one folder (`<media folder>/data-keys/`, owner-only), for replicas on one host or a
 * shared volume. A file is written whole to `tmp/`, fsynced, then given its name with `link`, which never replaces
 * an existing name: of two writers at once exactly one creates it, and no partial file is ever visible. Removing
 * overwrites the file's bytes with zeros (fsynced) before unlinking it; copies of the folder made before (backups,
 * snapshots) still hold it, as docs/privacy.md says.
 */
export class FolderKeyObjects implements KeyObjects {
  readonly where: string;
  readonly #dir: string;
  readonly #tmp: string;

  constructor(dir: string) {
    this.#dir = path.resolve(dir);
    this.#tmp = path.join(this.#dir, 'tmp');
    this.where = `${this.#dir}${path.sep}`;
    makeFolders(this.#tmp, PRIVATE_FOLDER);
    fs.chmodSync(this.#dir, PRIVATE_FOLDER);
    fs.chmodSync(this.#tmp, PRIVATE_FOLDER);
  }

  async create(name: string, bytes: Buffer): Promise<boolean> {
    const temp = path.join(this.#tmp, randomUUID());
    const fd = fs.openSync(temp, 'wx', PRIVATE_FILE);
    try {
      fs.fchmodSync(fd, PRIVATE_FILE);
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(temp, this.#file(name));
      syncFolder(this.#dir);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }

  async read(name: string): Promise<Buffer | undefined> {
    try {
      return fs.readFileSync(this.#file(name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async remove(name: string): Promise<void> {
    const file = this.#file(name);
    let fd: number;
    try {
      fd = fs.openSync(file, 'r+');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    try {
      fs.writeSync(fd, Buffer.alloc(fs.fstatSync(fd).size), 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.rmSync(file, { force: true });
    syncFolder(this.#dir);
  }

  /** A folder or key file this process cannot write (a read-only mount, an immutable file) cannot be erased. */
  async checkErasable(names: readonly string[]): Promise<void> {
    const writable = (file: string): boolean => {
      try {
        fs.accessSync(file, fs.constants.W_OK);
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true; // nothing to remove
        return false;
      }
    };
    for (const file of [this.#dir, ...names.map((name) => this.#file(name))])
      if (!writable(file))
        throw new DataKeyNotErasable(
          `${file} cannot be written, so a data key in it cannot be overwritten and removed`,
        );
  }

  #file(name: string): string {
    if (name.includes('/') || name.includes(path.sep) || name.startsWith('.'))
      throw new Error('a data-key object name is one file name');
    return path.join(this.#dir, name);
  }
}

function syncFolder(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
