// The crypto suites side by side (npm run bench -- --only suites): per suite, signatures and checks per CPU second,
// events sealed (hashed, chained and signed) and checked as a chain per CPU second (the signing side of an append
// and the checking side of `ledger verify`), and Merkle leaves per CPU second. CPU time of this process
// (process.cpuUsage), not wall-clock time, so that a busy machine does not change the figures much.
import { generateKeyPairSync } from 'node:crypto';
import { keyResolver } from '../src/ledger/ed25519.js';
import { sealEvents, type EventDraft } from '../src/ledger/envelope.js';
import { CompactRange } from '../src/ledger/merkle.js';
import { SUITES, type CryptoSuite } from '../src/ledger/suite.js';
import { verifyChain } from '../src/ledger/verify.js';

export interface SuiteFigures {
  readonly suite: string;
  readonly signPerSecond: number;
  readonly verifyPerSecond: number;
  readonly sealPerSecond: number;
  readonly chainCheckPerSecond: number;
  readonly leavesPerSecond: number;
}

/** Runs `work` until it has used `seconds` of CPU time; returns its runs per CPU second. */
function perCpuSecond(seconds: number, work: () => number): number {
  const start = process.cpuUsage();
  let done = 0;
  let used = 0;
  while (used < seconds * 1e6) {
    done += work();
    const now = process.cpuUsage(start);
    used = now.user + now.system;
  }
  return (done * 1e6) / used;
}

function draft(i: number): EventDraft {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    type: 'EvidenceCollected',
    schemaVersion: 1,
    occurredAt: '2026-01-05T09:00:00+08:00',
    actor: { sub: 'alice', agency: 'county-justice', roles: ['officer'] },
    data: { description: '现场照片四张' },
    media: [],
  };
}

function keyPairOf(suite: CryptoSuite) {
  return suite.name === 'sm2' ? generateKeyPairSync('ec', { namedCurve: 'SM2' }) : generateKeyPairSync('ed25519');
}

export function suitesBench(options: { seconds: number; events: number }): SuiteFigures[] {
  return Object.values(SUITES).map((suite) => {
    const { privateKey, publicKey } = keyPairOf(suite);
    const signer = suite.signer(privateKey);
    const message = Buffer.from(`evidence-ledger/event/v1\n${'ab'.repeat(32)}`);
    const signature = signer.sign(message);
    const drafts = Array.from({ length: options.events }, (_, i) => draft(i));
    const sealed = sealEvents('case-1', null, drafts, signer, '2026-01-05T09:00:01+08:00');
    const serviceKeys = keyResolver([publicKey]);
    const leaf = Buffer.alloc(32, 7);
    return {
      suite: suite.name,
      signPerSecond: perCpuSecond(options.seconds, () => (signer.sign(message), 1)),
      verifyPerSecond: perCpuSecond(options.seconds, () => (suite.verify(publicKey, message, signature), 1)),
      sealPerSecond: perCpuSecond(options.seconds, () => {
        sealEvents('case-1', null, drafts, signer, '2026-01-05T09:00:01+08:00');
        return drafts.length;
      }),
      chainCheckPerSecond: perCpuSecond(options.seconds, () => {
        if (!verifyChain(sealed, { serviceKeys, suite: suite.name }).ok) throw new Error('the chain does not verify');
        return sealed.length;
      }),
      leavesPerSecond: perCpuSecond(options.seconds, () => {
        const range = new CompactRange(suite.tree);
        for (let i = 0; i < 10_000; i++) range.push(suite.tree.leaf(leaf));
        range.root();
        return 10_000;
      }),
    };
  });
}

export function reportSuites(figures: readonly SuiteFigures[]): void {
  const round = (n: number) => Math.round(n).toLocaleString('en');
  console.log('crypto suites, per CPU second of this process:');
  console.log('  suite     sign      verify    seal (hash+sign)  chain check  Merkle leaves');
  for (const f of figures) {
    const cells = [f.signPerSecond, f.verifyPerSecond, f.sealPerSecond, f.chainCheckPerSecond, f.leavesPerSecond];
    console.log(`  ${f.suite.padEnd(8)}  ${cells.map((c) => round(c).padStart(10)).join('  ')}`);
  }
  console.log('');
}
