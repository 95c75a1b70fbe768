// CPU time per event of one-thread bundle verification against raw Ed25519 verification of the same number of
// signatures, measured by the CPU the process spends rather than by the clock, so that a run on a busy machine gives
// the same figures as a quiet one. It writes the bench's bundle (scripts/bench-integrity.ts), verifies it `--runs`
// times as `ledger verify` reads it and keeps the cheapest run, then times as many raw verifications.
//
//   node --import tsx scripts/cpu-verify.ts [--events 5000] [--runs 3] [--profile FILE.cpuprofile]
//
// `--profile` writes a CPU profile of the verifications alone (not of writing the bundle nor of the raw
// verifications), for Chrome's DevTools. The main thread's own CPU comes from /proc (Linux).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ed25519Signer, verifyEd25519 } from '../src/ledger/ed25519.js';
import { eventSigningInput } from '../src/ledger/envelope.js';
import { sha256Hex } from '../src/ledger/hash.js';
import { verifyFile, writeBenchBundle } from './bench-integrity.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    profile: { type: 'string' },
  },
});
const events = Number(values.events);
const runs = Number(values.runs);

/** CPU µs of this process (every thread) and of its main thread alone. */
function cpu(): { all: number; main: number } {
  const usage = process.cpuUsage();
  let main = NaN;
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    main = ((Number(fields[11]) + Number(fields[12])) / 100) * 1e6;
  } catch {
    /* not Linux: the main thread's share is not shown */
  }
  return { all: usage.user + usage.system, main };
}

async function measured(fn: () => unknown): Promise<{ all: number; main: number }> {
  const before = cpu();
  await fn();
  const after = cpu();
  return { all: after.all - before.all, main: after.main - before.main };
}

const { privateKey } = generateKeyPairSync('ed25519');
const signer = ed25519Signer(privateKey);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-cpu-verify-'));
try {
  const file = path.join(dir, 'bundle.tar');
  const written = await writeBenchBundle(file, { events, signer });
  const total = written.events + written.accessRecords;
  let verify = { all: Infinity, main: Infinity };
  const session = values.profile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
  }
  for (let run = 0; run <= runs; run++) {
    const spent = await measured(async () => {
      const result = await verifyFile(file, 1, signer);
      if (!result.valid) throw new Error(`the bench bundle did not verify: ${JSON.stringify(result.failure)}`);
    });
    if (run > 0 && spent.all < verify.all) verify = spent; // run 0 warms up
    if (run === 0) await session?.post('Profiler.start');
  }
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(values.profile!, JSON.stringify(profile));
    session.disconnect();
  }
  const samples = Array.from({ length: 64 }, () => {
    const message = eventSigningInput(sha256Hex(randomBytes(32)));
    return { message, signature: signer.sign(message) };
  });
  let raw = { all: Infinity, main: Infinity };
  for (let run = 0; run <= runs; run++) {
    const spent = await measured(() => {
      for (let i = 0; i < total; i++) {
        const { message, signature } = samples[i % samples.length]!;
        if (!verifyEd25519(signer.publicKey, message, signature)) throw new Error('a valid signature did not verify');
      }
    });
    if (run > 0 && spent.all < raw.all) raw = spent;
  }
  const per = (us: number) => (us / total).toFixed(1).padStart(6);
  console.log(`bundle of ${total} events, ${(written.bytes / 2 ** 20).toFixed(1)} MiB; cheapest of ${runs} runs`);
  console.log(`raw Ed25519 verify          ${per(raw.all)} µs CPU per event (main thread ${per(raw.main)})`);
  console.log(`bundle verify, 1 thread     ${per(verify.all)} µs CPU per event (main thread ${per(verify.main)})`);
  console.log(
    `raw / bundle, all CPU       ${((raw.all / verify.all) * 100).toFixed(0)}%   (the bench's "1 thread / raw verify")`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
