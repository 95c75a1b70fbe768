#!/usr/bin/env node
// npm run bench:setup
//
// Installs the benchmark's peer, @event-driven-io/emmett-sqlite (part (d) of `npm run bench`), into bench-peer/, a
// folder of its own that git ignores. It is kept out of the project's dependencies because its driver, sqlite3,
// compiles SQLite from source where no prebuilt binary can be fetched: minutes that every `npm install` paid for a
// comparison only the benchmark makes. Without it, `npm run bench` says in one line that it did not run the peer.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PEER_DIR = path.join(root, 'bench-peer');
// the versions the benchmark's figures in the README were measured with; emmett's own peers come with it (npm >= 7)
const PEER = {
  '@event-driven-io/emmett': '0.38.5',
  '@event-driven-io/emmett-sqlite': '0.38.5',
  sqlite3: '5.1.7',
};

fs.mkdirSync(PEER_DIR, { recursive: true });
fs.writeFileSync(
  path.join(PEER_DIR, 'package.json'),
  `${JSON.stringify(
    // npm >= 11 asks which packages may run install scripts: sqlite3's compiles its native module
    { name: 'evidence-ledger-bench-peer', private: true, dependencies: PEER, allowScripts: { sqlite3: true } },
    null,
    2,
  )}\n`,
);
const started = Date.now();
const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock'], {
  cwd: PEER_DIR,
  stdio: 'inherit',
});
if (npm.status !== 0) {
  console.error(`bench:setup: npm install in ${path.relative(root, PEER_DIR)}/ failed (exit ${npm.status})`);
  process.exit(npm.status ?? 1);
}
console.log(
  `bench:setup: the peer is in ${path.relative(root, PEER_DIR)}/ (${Math.round((Date.now() - started) / 1000)} s)`,
);
