#!/usr/bin/env node
// npm run test:sm2 [-- [--quick] <jest options>]
//
// Runs the integrity tests on a deployment of the SM2 suite (docs/integrity.md §17): jest with LEDGER_CRYPTO_SUITE=sm2,
// so every service the tests start, every keys folder they make before starting one and every key of
// test/support/events.ts's testSigner is SM2/SM3. The files are those that seal, prove, checkpoint, witness,
// timestamp, bundle, verify or check the log; `npm test` runs them on the Ed25519 suite (and
// test/integration/sm2-suite.test.ts on the SM2 suite) every time. Extra arguments go to jest (e.g. `--maxWorkers=1`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SM2_TEST_FILES = [
  'test/http/head-proofs.test.ts',
  'test/http/integrity.test.ts',
  'test/http/ledger.test.ts',
  'test/http/timestamps.test.ts',
  'test/http/verify-limits.test.ts',
  'test/http/verify-pool.test.ts',
  'test/http/witnesses.test.ts',
  'test/integration/bundle.test.ts',
  'test/integration/bundle-complete.test.ts',
  'test/integration/bundle-export-heads.test.ts',
  'test/integration/bundle-threads.test.ts',
  'test/integration/bundle-timestamps.test.ts',
  'test/integration/checkpoint-cosignatures.test.ts',
  'test/integration/cli.test.ts',
  'test/integration/crash-harness.test.ts',
  'test/integration/ledger-check.test.ts',
  'test/integration/merkle-tiles.test.ts',
  'test/integration/quarantine.test.ts',
  'test/integration/sqlite-event-store.test.ts',
  'test/integration/startup-check.test.ts',
  'test/integration/transparency-log.test.ts',
  'test/integration/witness-process.test.ts',
  'test/integration/witness-timeliness.test.ts',
  'test/cli/bundle-output.test.ts',
  'test/cli/draw-verify.test.ts',
  'test/cli/verify-files.test.ts',
  'test/replicas/checkpoints.test.ts',
  'test/replicas/verify-lagging.test.ts',
  'test/e2e/erasure.test.ts',
  'test/e2e/readme-tour.test.ts',
];

/**
 * Left out by `--quick` (about a minute here, against a minute and a half): the files whose SM2 run repeats, at
 * the highest cost, logic that does not depend on the suite (the crash harness's durability, the README tour's HTTP
 * flow, the replicas' coordination, erasure, the verifier's body limits). Every file of the list above still seals,
 * proves, checkpoints, witnesses, time-stamps, bundles or verifies on SM2 in the quick run but these.
 */
export const SM2_SLOW_SUITE_INDEPENDENT = [
  'test/integration/crash-harness.test.ts',
  'test/e2e/readme-tour.test.ts',
  'test/replicas/checkpoints.test.ts',
  'test/replicas/verify-lagging.test.ts',
  'test/e2e/erasure.test.ts',
  'test/http/verify-limits.test.ts',
];

const quick = process.argv.includes('--quick');
const files = quick ? SM2_TEST_FILES.filter((f) => !SM2_SLOW_SUITE_INDEPENDENT.includes(f)) : SM2_TEST_FILES;
if (quick) {
  console.log(
    `test:sm2 --quick: ${files.length} of ${SM2_TEST_FILES.length} files; not run on SM2 here (run without --quick for them):`,
  );
  for (const f of SM2_SLOW_SUITE_INDEPENDENT) console.log(`  ${f}`);
}
const jestArgs = process.argv.slice(2).filter((a) => a !== '--quick');
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, ...files, ...jestArgs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, LEDGER_CRYPTO_SUITE: 'sm2' },
});
process.exit(result.status ?? 1);
