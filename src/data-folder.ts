import fs from 'node:fs';
import path from 'node:path';
import { makePrivateFolders } from './folders.js';
import { ConfigError } from './errors.js';

/**
 * The mark of a restore under way in a data folder (`ledger restore`: where from, and the files it writes). While
 * it is there the service refuses to start on the folder (half restored, it would start as a new log, or as one
 * signing with the restored keys), and a restore run again takes the folder up where it was left.
 */
export const RESTORE_MARK = 'restore.incomplete';

/**
 * Refuses a data folder a restore into which stopped part way: the service, and the commands that would make keys
 * there (`ledger token`, `ledger keys`), which a restore run again would then find in its way.
 */
export function refuseHalfRestored(dataDir: string, what: string): void {
  if (!fs.existsSync(path.join(dataDir, RESTORE_MARK))) return;
  throw new ConfigError(
    'LEDGER_DATA_DIR',
    `a restore into ${dataDir} stopped before it was complete (${RESTORE_MARK}), so ${what}: run ledger restore ` +
      'again to complete it, or remove the folder (and what the restore wrote outside it, where LEDGER_KEYS_DIR, ' +
      'LEDGER_MASTER_KEY_FILE or LEDGER_DATA_KEYS_FILE point)',
  );
}

/**
 * Whether `file` exists: false when it, or a folder on its path, does not. Any other failure is thrown, said plainly
 * when it is a permission (a folder this user may not enter): `fs.existsSync` answers false then too, and "there is
 * no log here" would send the operator looking for a missing file instead of at the user running the command.
 */
export function pathExists(file: string): boolean {
  try {
    fs.statSync(file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new Error(
        `permission denied (${code}) on the way to ${file}: run the command as the user the data folder belongs to`,
        { cause: err },
      );
    }
    throw err;
  }
}

/** Owner-only modes of everything the service creates under `LEDGER_DATA_DIR` (media files are 0400). */
export const PRIVATE_FOLDER_MODE = 0o700;

/** `mkdir -p` with every folder it makes owner-only (0700), whatever the process umask. */
export function makePrivateFolder(dir: string): void {
  makePrivateFolders(dir, PRIVATE_FOLDER_MODE);
}

/**
 * {@link makePrivateFolder} for a folder a setting names (`variable`: its own, or the folder of the file it names):
 * a folder that cannot be made (a path under /proc, a file on the way, a folder this user may not write) stops
 * start-up with a `ConfigError` naming the variable, not the bare system error.
 */
export function makeSettingFolder(variable: string, dir: string): void {
  try {
    makePrivateFolder(dir);
  } catch (err) {
    const { code, message } = err as NodeJS.ErrnoException;
    throw new ConfigError(
      variable,
      `the folder ${dir} cannot be made (${code ?? message}: ${message.replace(/^\w+: /, '')}): name a folder ` +
        'that exists or can be made, writable by the user the service runs as',
    );
  }
}

/**
 * The variable that names the master key's folder: `LEDGER_KEYS_DIR` when the key is in the keys folder (its
 * default place), else `LEDGER_MASTER_KEY_FILE`.
 */
export function masterKeyFolderVariable(config: { keysDir: string; masterKeyFile: string }): string {
  return path.dirname(config.masterKeyFile) === config.keysDir ? 'LEDGER_KEYS_DIR' : 'LEDGER_MASTER_KEY_FILE';
}

export interface WidePath {
  readonly path: string;
  /** The permission bits, e.g. 0o755. */
  readonly mode: number;
}

/**
 * The paths of the data folder that others than its owner may read, write or enter (any group or other
 * permission bit): the given folders themselves and the entries directly in them. Bounded work at start-up: the
 * media files below `media/sha256/` are not walked (there may be millions); each is created 0400.
 */
export function widerThanOwner(folders: readonly string[]): WidePath[] {
  const seen = new Set<string>();
  const wide: WidePath[] = [];
  const look = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    let mode: number;
    try {
      mode = fs.statSync(file).mode & 0o777;
    } catch {
      return; // missing (not created yet) or unreadable: nothing to warn about here
    }
    if ((mode & 0o077) !== 0) wide.push({ path: file, mode });
  };
  for (const folder of folders) {
    look(folder);
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) look(path.join(folder, name));
  }
  return wide;
}
