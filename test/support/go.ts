import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Where Debian's golang-golang-x-mod-dev puts golang.org/x/mod, a GOPATH. */
export const DEBIAN_GOPATH = '/usr/share/gocode';
const X_MOD = path.join(DEBIAN_GOPATH, 'src/golang.org/x/mod/sumdb/note');
const PACKAGES = ['golang-go', 'golang-golang-x-mod-dev'];
const INSTALL_TIMEOUT_MS = 15 * 60_000;

const present = () => spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0 && fs.existsSync(X_MOD);

/**
 * Why Go with golang.org/x/mod cannot be used here, or undefined when it can. When either is missing and this runs
 * as root with apt-get, it installs Debian's `golang-go` and `golang-golang-x-mod-dev` first (updating the package
 * lists when the first try fails).
 */
export function goUnavailable(): string | undefined {
  if (present()) return undefined;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const aptGet = spawnSync('apt-get', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!root || !aptGet) {
    return `go or ${X_MOD} is missing and cannot be installed here (needs apt-get as root: apt-get install ${PACKAGES.join(' ')})`;
  }
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], {
      encoding: 'utf8',
      timeout: INSTALL_TIMEOUT_MS,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  let result = install();
  if (result.status !== 0) {
    spawnSync('apt-get', ['update'], { encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });
    result = install();
  }
  if (result.status !== 0 || !present()) {
    const last = `${result.stderr ?? ''}`.trim().split('\n').pop() ?? '';
    return `installing ${PACKAGES.join(' ')} failed (${last || `exit ${result.status}`})`;
  }
  return undefined;
}

/**
 * Builds the Go program of `test/support/<name>/` into `outDir` in GOPATH mode against Debian's golang.org/x/mod,
 * offline (no module proxy, no network); returns the binary's path.
 */
export function buildGoProgram(name: string, outDir: string): string {
  const binary = path.join(outDir, name);
  const build = spawnSync('go', ['build', '-o', binary, '.'], {
    cwd: path.join(__dirname, name),
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    env: {
      ...process.env,
      GO111MODULE: 'off',
      GOPATH: DEBIAN_GOPATH,
      GOFLAGS: '',
      GOPROXY: 'off',
      GOCACHE: path.join(outDir, 'go-cache'),
    },
  });
  if (build.status !== 0) throw new Error(`go build ${name} failed:\n${build.stdout}${build.stderr}`);
  return binary;
}
