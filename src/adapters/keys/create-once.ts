import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Owner-only: the mode of every secret the service writes. */
const PRIVATE_FILE = 0o600;

/** The temporary file {@link createFileOnce} writes beside `file`: `.<name>.<pid>.<random>.tmp`. */
const temporaryOf = (file: string, pid: number): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.${pid}.${randomUUID()}.tmp`);

/**
 * Creates `file` (owner-only, 0600, whatever the umask) holding `contents`, unless it exists: true when this call
 * created it. The bytes are written whole to a temporary file beside it and fsynced, then given the name with
 * `link`, which never replaces an existing name; the folder is fsynced after. So a full disk, a crash or a kill
 * part-way never leaves `file` empty or cut short (a key or secret file made that way would stop every later start
 * until removed by hand), and of two processes creating it at once exactly one does. A failure names the file.
 * Temporary files that a process no longer running left beside `file` are removed first.
 */
export function createFileOnce(file: string, contents: string | Uint8Array): boolean {
  removeAbandoned(file);
  const temp = temporaryOf(file, process.pid);
  try {
    const fd = fs.openSync(temp, 'wx', PRIVATE_FILE);
    try {
      fs.fchmodSync(fd, PRIVATE_FILE);
      fs.writeFileSync(fd, contents);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(temp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
    syncFolder(path.dirname(file));
    return true;
  } catch (err) {
    throw namingFile(err, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * The text of a file {@link createFileOnce} made, trimmed; an empty file is said to be one whose creation was cut
 * short (by a version that wrote in place), with what to do, rather than read as a malformed value.
 */
export function readCreatedFile(file: string, what: string): string {
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text === '') {
    throw new Error(
      `${file} is empty: writing the ${what} was cut short (a full disk or a crash at the first start); nothing ` +
        'can have used it: remove the file and start again',
    );
  }
  return text;
}

/** `.<name>.<pid>.….tmp` files beside `file` whose process is gone: what a kill between write and link leaves. */
function removeAbandoned(file: string): void {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return; // no folder yet: nothing left over; creating the file says why it cannot be
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid)) {
      fs.rmSync(path.join(dir, name), { force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // running, as another user
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

/** The error with the file named, its `code` (ENOSPC, EROFS, EACCES …) kept. */
function namingFile(err: unknown, file: string): Error {
  const cause = err as NodeJS.ErrnoException;
  if (typeof cause?.message !== 'string' || cause.message.includes(file)) return cause;
  const named = new Error(`cannot create ${file}: ${cause.message}`, { cause });
  return Object.assign(named, cause.code === undefined ? {} : { code: cause.code });
}
