// Whether dist/ holds a build of the sources beside it. Read by bin/ledger.js at every start, so it only stats files.
import fs from 'node:fs';
import path from 'node:path';

/** The file a build writes last in dist/: `{ startedAt }`, the build's start in ms since the epoch. */
export const BUILD_INFO = 'build-info.json';

/** The folders a build compiles or copies; none of them exists in the image, where dist/ is all there is. */
export const SOURCE_DIRS = ['src', 'projections', 'schemas'];

/**
 * `{ fresh: true }` when `dist` holds a build and no source file or folder (a folder's time changes when a file is
 * added or removed) changed since that build started; otherwise `{ fresh: false, reason }`.
 */
export function distState(root, dist = path.join(root, 'dist')) {
  let startedAt;
  try {
    ({ startedAt } = JSON.parse(fs.readFileSync(path.join(dist, BUILD_INFO), 'utf8')));
  } catch {
    return { fresh: false, reason: `${path.relative(root, dist) || dist}/ holds no build` };
  }
  for (const dir of SOURCE_DIRS) {
    const top = path.join(root, dir);
    if (!fs.existsSync(top)) continue;
    const entries = [top, ...fs.readdirSync(top, { recursive: true }).map((name) => path.join(top, name))];
    const changed = entries.find((entry) => fs.statSync(entry).mtimeMs > startedAt);
    if (changed) return { fresh: false, reason: `${path.relative(root, changed)} changed since the last build` };
  }
  return { fresh: true };
}
