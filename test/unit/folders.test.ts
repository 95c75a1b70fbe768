import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeFolders, makePrivateFolders } from '../../src/folders.js';
import { tempDirsForFile } from '../support/stored-folder.js';

const tempDir = tempDirsForFile('folders');
const DIST = path.resolve(__dirname, '../../dist/src/folders.js');

describe('makeFolders (mkdir -p)', () => {
  it('when folders are missing, then it makes each, outermost first, and then none the second time', () => {
    const base = tempDir();
    const dir = path.join(base, 'a', 'b', 'c');
    expect(makeFolders(dir, 0o755)).toEqual([path.join(base, 'a'), path.join(base, 'a', 'b'), dir]);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    expect(makeFolders(dir, 0o755)).toEqual([]);
    expect(makeFolders(`${dir}/`, 0o755)).toEqual([]);
  });

  it('when made private, then every folder it made is 0700 whatever the umask, and the folder that was there is left as it was', () => {
    const base = tempDir();
    fs.chmodSync(base, 0o755);
    const old = process.umask(0o000);
    try {
      makePrivateFolders(path.join(base, 'x', 'y'));
    } finally {
      process.umask(old);
    }
    expect(fs.statSync(path.join(base, 'x')).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(base, 'x', 'y')).mode & 0o777).toBe(0o700);
    expect(fs.statSync(base).mode & 0o777).toBe(0o755);
  });

  it('when a file is where a folder should be, then it fails as mkdir does: EEXIST for the folder itself, ENOTDIR below it', () => {
    const base = tempDir();
    const file = path.join(base, 'f');
    fs.writeFileSync(file, '');
    expect(() => makeFolders(file, 0o700)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeFolders(path.join(file, 'below', 'more'), 0o700)).toThrow(
      expect.objectContaining({ code: 'ENOTDIR' }),
    );
  });

  // in a child process with a deadline, as `fs.mkdirSync(dir, { recursive: true })` never returns here on Node 20
  const procReason = fs.existsSync('/proc/self') ? undefined : 'no /proc on this system';
  if (procReason) console.log(`makeFolders under /proc: not run: ${procReason}`);
  (procReason ? it.skip : it)(
    'when the file system refuses the folder under an existing parent (/proc), then it fails at once',
    () => {
      const run = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { makeFolders } from ${JSON.stringify(pathToFileURL(DIST).href)};` +
            ` try { makeFolders('/proc/ledger-not-here/a', 0o700); console.log('made') }` +
            ` catch (err) { console.log(err.code) }`,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
      expect([run.signal, run.stdout.trim()]).toEqual([null, 'ENOENT']);
    },
  );
});
