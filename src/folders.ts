import fs from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p`: makes `dir` and the folders missing above it, each with `mode` (less the umask), and returns those it
 * made, outermost first (none when `dir` was there). A folder another process makes meanwhile is taken as made.
 *
 * Not `fs.mkdirSync(dir, { recursive: true })`, which on Node 20 never returns when the file system refuses a folder
 * whose parent exists with ENOENT (under /proc or /sys: it makes the parent again, then the child, forever): a path
 * there given by mistake (`LEDGER_DATA_DIR=/proc/ledger`) must be an error, not a process spinning at full CPU.
 * At the top of `src/` so that every adapter that makes folders may use it (docs/architecture.md).
 */
export function makeFolders(dir: string, mode: number): string[] {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(at) === at) throw err;
      missing.push(at);
      continue;
    }
    // a file where a folder should be: mkdir says so (EEXIST for `dir` itself, ENOTDIR below it), in its words
    if (!stat.isDirectory()) fs.mkdirSync(missing.at(-1) ?? at, { mode });
    break;
  }
  const made: string[] = [];
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder, { mode });
      made.push(folder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(folder).isDirectory()) throw err;
    }
  }
  return made;
}

/** {@link makeFolders} with every folder it makes owner-only (`mode`, 0700 by default), whatever the umask. */
export function makePrivateFolders(dir: string, mode = 0o700): void {
  for (const made of makeFolders(dir, mode)) fs.chmodSync(made, mode);
}
