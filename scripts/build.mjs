#!/usr/bin/env node
// npm run build [-- --out DIR] [-- --if-stale]
//
// Compiles the service (src/ and projections/) to JavaScript in dist/ with esbuild, one output file per source file,
// so the module layout, the worker threads' entry files and every path resolved from `import.meta.url` stay what
// they are in the sources. esbuild only strips the types: type-checking is `npm run typecheck`'s, as it is for the
// tests (SWC). The files the code reads at run time beside its modules are copied: the thread bootstraps (.mjs),
// the JSON in src/ (the official holiday schedule) and schemas/ (so `../../schemas/` from dist/src/http/ is
// dist/schemas/). dist/build-info.json records when the build started; bin/ledger.js runs dist/ only while no
// source is newer than that.
//
//   --out DIR    build into DIR instead of dist/ (the image-layout test builds into a temporary folder)
//   --if-stale   do nothing when dist/ is up to date (the tests' global set-up)
//   --prepare    npm's `prepare` step: as --if-stale, and a production install without esbuild says so and builds
//                nothing (the image installs with --ignore-scripts and copies the dist/ of its build stage)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { BUILD_INFO, distState } from '../bin/dist-state.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: { out: { type: 'string' }, 'if-stale': { type: 'boolean' }, prepare: { type: 'boolean' } },
});
const out = path.resolve(args.out ?? path.join(root, 'dist'));

const onlyIfStale = args['if-stale'] || args.prepare;
if (onlyIfStale && distState(root, out).fresh) process.exit(0);

// One build at a time per output folder: two test runs started together in one checkout would otherwise both build
// and the later swap would remove the folder the earlier run's threads load from. A lock file names its holder; a
// holder that is no longer running (killed mid-build) leaves a lock the next build takes over.
const lock = `${out}.lock`;
const holderAlive = () => {
  try {
    process.kill(Number(fs.readFileSync(lock, 'utf8')), 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
};
for (let waited = 0; ; waited += 200) {
  try {
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
    break;
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
    if (!holderAlive()) {
      fs.rmSync(lock, { force: true });
      continue;
    }
    if (waited === 0)
      console.log(`build: another build (pid ${fs.readFileSync(lock, 'utf8')}) is writing ${out}; waiting`);
    await sleep(200);
  }
}
process.on('exit', () => {
  if (fs.existsSync(lock) && fs.readFileSync(lock, 'utf8') === String(process.pid)) fs.rmSync(lock, { force: true });
});
// the build waited for may have made dist/ fresh
if (onlyIfStale && distState(root, out).fresh) process.exit(0);

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (err) {
  if (!args.prepare) throw err;
  console.log('build: esbuild is not installed (a production install?): dist/ not built; `npm run build` builds it');
  process.exit(0);
}

const startedAt = Date.now();
const files = (dir, keep) =>
  fs.existsSync(path.join(root, dir))
    ? fs
        .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && keep(e.name))
        .map((e) => path.relative(root, path.join(e.parentPath ?? e.path, e.name)))
    : [];
const isModule = (name) => name.endsWith('.ts') && !name.endsWith('.d.ts');

// build beside the old dist/ and swap at the end: a running service never sees a half-written folder
const staging = `${out}.building-${process.pid}`;
fs.rmSync(staging, { recursive: true, force: true });
// src/web/client/ holds browser code: bundled below, not compiled for Node
const CLIENT_DIR = path.join('src', 'web', 'client');
const isClient = (file) => file.startsWith(CLIENT_DIR + path.sep);
const entryPoints = [...files('src', isModule).filter((f) => !isClient(f)), ...files('projections', isModule)].map(
  (f) => path.join(root, f),
);
await esbuild.build({
  entryPoints,
  outdir: staging,
  outbase: root,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  bundle: false,
  logLevel: 'warning',
});
// each top-level script of src/web/client/ is a page's enhancement, bundled (with what it imports) for browsers
const clientEntries = files(CLIENT_DIR, (name) => isModule(name)).filter((f) => path.dirname(f) === CLIENT_DIR);
// src/ledger runs in the browser as it is (the evidence verifier, the ledger badge): the few Node built-ins it uses
// are the browser stand-ins of client/shims/ (SHA-256, Ed25519 by WebCrypto, Buffer); docs/portal.md says why
const shim = (name) => path.join(root, CLIENT_DIR, 'shims', name);
// the `buffer` package declares no `sideEffects`: said here, so a bundle that never names Buffer does not carry it
const bufferWithoutSideEffects = {
  name: 'buffer-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /^buffer$/ }, async ({ kind, resolveDir, pluginData }) => {
      if (pluginData === 'resolving') return undefined;
      const resolved = await build.resolve('buffer', { kind, resolveDir, pluginData: 'resolving' });
      return { ...resolved, sideEffects: false };
    });
  },
};
await esbuild.build({
  entryPoints: clientEntries.map((f) => path.join(root, f)),
  outdir: path.join(staging, 'src', 'web', 'bundles'),
  alias: { 'node:crypto': shim('crypto.ts'), 'node:buffer': shim('buffer.ts') },
  inject: [shim('buffer-global.ts')],
  plugins: [bufferWithoutSideEffects],
  format: 'esm',
  platform: 'browser',
  target: ['chrome110', 'firefox115', 'safari16'],
  bundle: true,
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
});
const assets = [
  ...files('src', (name) => name.endsWith('.mjs') || name.endsWith('.json') || name.endsWith('.css')),
  ...files('schemas', () => true),
];
for (const file of assets) {
  fs.mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
  fs.copyFileSync(path.join(root, file), path.join(staging, file));
}
fs.writeFileSync(path.join(staging, BUILD_INFO), `${JSON.stringify({ startedAt, modules: entryPoints.length })}\n`);
fs.rmSync(out, { recursive: true, force: true });
fs.renameSync(staging, out);
console.log(
  `build: ${entryPoints.length} modules, ${clientEntries.length} browser bundles and ${assets.length} files in ${path.relative(process.cwd(), out) || '.'}/ (${Date.now() - startedAt} ms)`,
);
