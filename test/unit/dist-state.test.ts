import fs from 'node:fs';
import path from 'node:path';
import { BUILD_INFO, distState } from '../../bin/dist-state.js';
import { freshTempDir } from '../support/temp-dir.js';

/** bin/ledger.js runs dist/ only while it is a build of the sources beside it. */
const tempDir = freshTempDir('dist-state');

function checkout(withSources: boolean): string {
  const root = tempDir();
  if (withSources) {
    fs.mkdirSync(path.join(root, 'src/app'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src/app/a.ts'), 'export {};\n');
  }
  return root;
}

function built(root: string, startedAt: number): void {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist', BUILD_INFO), JSON.stringify({ startedAt }));
}

const age = (file: string, ms: number) => fs.utimesSync(file, new Date(ms), new Date(ms));

describe('dist/ against its sources', () => {
  it('when there is no build, then dist/ is not fresh and the reason says so', () => {
    const state = distState(checkout(true));
    expect(state).toEqual({ fresh: false, reason: 'dist/ holds no build' });
  });

  it('when no source changed since the build started, then dist/ is fresh', () => {
    const root = checkout(true);
    for (const f of ['src', 'src/app', 'src/app/a.ts']) age(path.join(root, f), 1_000_000);
    built(root, 2_000_000);
    expect(distState(root)).toEqual({ fresh: true });
  });

  it('when a source file changed after the build started, then dist/ is stale and the file is named', () => {
    const root = checkout(true);
    for (const f of ['src', 'src/app']) age(path.join(root, f), 1_000_000);
    age(path.join(root, 'src/app/a.ts'), 3_000_000);
    built(root, 2_000_000);
    expect(distState(root)).toEqual({
      fresh: false,
      reason: `${path.join('src', 'app', 'a.ts')} changed since the last build`,
    });
  });

  it('when a source file is removed after the build, then its folder names the change', () => {
    const root = checkout(true);
    fs.writeFileSync(path.join(root, 'src/app/b.ts'), 'export {};\n');
    for (const f of ['src', 'src/app/a.ts', 'src/app/b.ts']) age(path.join(root, f), 1_000_000);
    built(root, 2_000_000);
    fs.rmSync(path.join(root, 'src/app/b.ts'));
    age(path.join(root, 'src/app'), 3_000_000);
    expect(distState(root)).toEqual({
      fresh: false,
      reason: `${path.join('src', 'app')} changed since the last build`,
    });
  });

  it('when no source folder is beside the build (the image), then the build is fresh', () => {
    const root = checkout(false);
    built(root, 1);
    expect(distState(root)).toEqual({ fresh: true });
  });
});
