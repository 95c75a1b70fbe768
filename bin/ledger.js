#!/usr/bin/env node
// The `ledger` command. It runs the compiled service in dist/ (`npm run build`, also run by `npm install`) while that
// build is up to date with the sources beside it. A development checkout whose dist/ is missing or older than its
// sources runs the TypeScript sources through tsx instead, and says so; without tsx it says how to build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distState } from './dist-state.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = distState(root);
let main;
if (dist.fresh) {
  ({ main } = await import('../dist/src/cli/main.js'));
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(`ledger: ${dist.reason}: run \`npm run build\` (in ${root}) first\n`);
    process.exit(1);
  }
  process.stderr.write(`ledger: ${dist.reason}; running the sources through tsx (\`npm run build\` compiles them)\n`);
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
// a reader that stops early (`ledger verify case.tar | head -1`, or `2>&1 | head -1`, stderr into the same pipe)
// closes the pipe: what is left to print is dropped, and the exit code stays the command's (the verdict), not a
// crash on the write
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
  });
}
const code = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
// a command that failed may hold what it opened before failing (a service that could not start holds its stores'
// threads): having said why, it ends, so that whoever runs it (a supervisor restarting the service) sees it end
if (code !== 0) process.exit(code);
