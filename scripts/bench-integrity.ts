// The integrity part of `npm run bench` (`--only integrity`), (h):
//   bundle: a bundle of one case with 20,000 events (2,000 with --quick) and real signatures, inclusion proofs, a
//     signed checkpoint, keys and media, written to a file and verified from it as `ledger verify` reads it, with 1
//     thread and with every core (`--threads <cores>`; a bundle under the verifier's 1,000-event threshold is
//     checked on one thread either way), against the raw Ed25519 verify/s of one core measured in the same run;
//     target: >= 70% of the raw rate with 1 thread, more with every core;
//   proofs: the Merkle projection's stored nodes for 10^6 leaves (10^5 with --quick) in a SqliteReadModelStore, and
//     the p50/p99 of 1,000 random inclusion and consistency proofs served by the TransparencyLog over it;
//   checkpoints: the cost of issuing a checkpoint (the root from the stored compact range, the root of the map of
//     stream heads, and the note signature) at 10^3 .. 10^6 leaves, every leaf an event of its own stream (so 10^6
//     streams at 10^6 leaves); target: flat, and the heads root <= 5 ms at 10^6 streams.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SqliteReadModelStore } from '../src/adapters/sqlite/read-model-store.js';
import { availableCores, SignaturePool } from '../src/app/signature-pool.js';
import { StreamLocks } from '../src/app/stream-locks.js';
import { TransparencyLog } from '../src/app/transparency-log.js';
import {
  accessStreamOf,
  BUNDLE_FORMAT,
  caseStreamOf,
  CHECKPOINT,
  MANIFEST,
  manifestBytes,
  revisionName,
  signManifest,
  type ManifestFile,
} from '../src/ledger/bundle.js';
import { SIGNATURE_CHECKER_FROM, verifyBundle, type BundleReport } from '../src/ledger/bundle-verify.js';
import { checkpointBody, signNote } from '../src/ledger/checkpoint.js';
import { headsExtension } from '../src/ledger/checkpoint-heads.js';
import { verifyEd25519, type Signer } from '../src/ledger/ed25519.js';
import { eventSigningInput, sealEvents, type EventDraft, type EventEnvelope } from '../src/ledger/envelope.js';
import { sha256Hex } from '../src/ledger/hash.js';
import { CompactRange, type TreeNodes } from '../src/ledger/merkle.js';
import { inclusionProof } from '../src/ledger/merkle-proofs.js';
import { suiteOfSigner } from '../src/ledger/suite.js';
import { writeTar, type TarEntry } from '../src/ledger/tar.js';
import type { EventStore, RecordedEvent } from '../src/ports/event-store.js';
import type { Change, Doc } from '../src/ports/read-models.js';
import { checkpointsProjection } from '../projections/checkpoints.js';
import { merkleProjection } from '../projections/merkle.js';
import { headsProjection } from '../projections/heads.js';
import { LOG_LAYOUT } from '../projections/index.js';

export interface IntegrityBenchOptions {
  /** Where the bundle file and the read-model store go. */
  readonly dir: string;
  /** Events of the bundle's case (20,000; 2,000 with --quick). */
  readonly events: number;
  /** Leaves of the proof tree (10^6; 10^5 with --quick); checkpoints are timed at every power of ten from 10^3. */
  readonly leaves: number;
  /** Random proof requests of each kind (1,000). */
  readonly requests?: number;
  /** Checkpoints issued at each size (1,000). */
  readonly checkpoints?: number;
  /** Pause before the checkpoints of each size are timed, ms (500). */
  readonly settleMs?: number;
  /** Threads for the "every core" verification (default: the cores of this machine). */
  readonly threads?: number;
  /** Timed verifications of the bundle per thread count, alternating, after one to warm up; the best counts (2). */
  readonly runs?: number;
  readonly signer: Signer;
  readonly progress: (text: string) => void;
}

export interface Latency {
  readonly p50: number;
  readonly p99: number;
}

export interface IntegrityBenchResult {
  /** Ed25519 verifications per second on one core. */
  readonly rawVerify: number;
  readonly bundle: {
    readonly events: number;
    readonly accessRecords: number;
    readonly media: number;
    readonly treeSize: number;
    readonly bytes: number;
    readonly buildSeconds: number;
    /** Events and access records verified per second with 1 thread, and with `threads`. */
    readonly oneThread: number;
    readonly threads: number;
    readonly allThreads: number;
    /** The reports of the two, which must be the same. */
    readonly reports: readonly BundleReport[];
  };
  readonly proofs: {
    readonly leaves: number;
    readonly buildSeconds: number;
    readonly inclusion: Latency;
    readonly consistency: Latency;
    readonly requests: number;
  };
  readonly checkpoints: readonly ({ readonly size: number; readonly heads: Latency } & Latency)[];
}

const now = () => process.hrtime.bigint();
const seconds = (from: bigint) => Number(now() - from) / 1e9;
const ORIGIN = 'bench.evidence-ledger.local/log';
const RECORDED_AT = '2026-11-27T08:00:00.000+08:00';
/** Leaves of other cases before each event of the bundle's case in the bench tree (its events lie apart in the log). */
const OTHER_LEAVES_PER_EVENT = 9;

// ---------------------------------------------------------------- the bundle

const ACTS: readonly { type: string; data: Record<string, unknown> }[] = [
  {
    type: 'OnSiteInspectionRecorded',
    data: {
      location: '城关镇人民路 18 号',
      findings: '现场检查发现未按规定公示许可证件，已当场告知当事人陈述、申辩权利。',
      credentialsShown: true,
      partyNotified: true,
      officers: ['officer-0001', 'officer-0002'],
    },
  },
  {
    type: 'EvidenceCollected',
    data: { description: '现场照片三张、询问笔录一份（共 4 页），当事人已签字确认。', items: 4 },
  },
  {
    type: 'NoticeServed',
    data: { document: '责令改正通知书', method: 'in_person', servedTo: '张三丰', servedOn: '2026-11-26' },
  },
];

function drafts(count: number, media: readonly { sha256: string; size: number }[]): EventDraft[] {
  return Array.from({ length: count }, (_, i) => {
    const act = ACTS[i % ACTS.length]!;
    const medium = i % 1000 === 1 ? media[Math.floor(i / 1000) % media.length] : undefined;
    return {
      id: randomUUID(),
      type: act.type,
      schemaVersion: 1,
      occurredAt: '2026-11-26T09:30:00+08:00',
      actor: { sub: 'officer-0001', agency: 'county-justice', roles: ['officer'] },
      data: { ...act.data, sequence: i },
      media: medium ? [{ sha256: medium.sha256, size: medium.size, contentType: 'image/jpeg' }] : [],
    };
  });
}

/**
 * Writes the bundle of one case to `file`, as the exporter lays it out (src/app/bundle-export.ts), built directly from
 * sealed events and an in-memory Merkle tree in which the case's events lie among other cases' leaves.
 */
export async function writeBenchBundle(
  file: string,
  options: { events: number; signer: Signer; caseId?: string; tamper?: (events: EventEnvelope[]) => void },
): Promise<{ events: number; accessRecords: number; media: number; treeSize: number; bytes: number }> {
  const { signer } = options;
  // the tree of the signer's suite (SHA-256, or SM3 for an SM2 signer), as the service that signer keys builds it
  const tree = suiteOfSigner(signer).tree;
  const caseId = options.caseId ?? '2026-0042';
  const agency = 'county-justice';
  const media = Array.from({ length: 4 }, () => {
    const bytes = randomBytes(64 * 1024);
    return { bytes, sha256: sha256Hex(bytes), size: bytes.length };
  });
  const events = sealEvents(caseStreamOf({ agency, caseId }), null, drafts(options.events, media), signer, RECORDED_AT);
  const access = sealEvents(
    accessStreamOf({ agency, caseId }),
    null,
    drafts(2, []).map((d) => ({ ...d, type: 'CaseAccessed', data: { action: 'read_bundle', outcome: 'granted' } })),
    signer,
    RECORDED_AT,
  );
  options.tamper?.(events);

  // the global tree: other cases' leaves, then each event of this case
  const levels: Buffer[][] = [];
  const range = new CompactRange(tree);
  const leafIndex = new Map<string, number>();
  const keep = (nodes: { level: number; index: number; hash: Buffer }[]) => {
    for (const n of nodes) (levels[n.level] ??= [])[n.index] = n.hash;
  };
  for (const e of [...events, ...access]) {
    for (let k = 0; k < OTHER_LEAVES_PER_EVENT; k++) keep(range.append(tree.leaf(randomBytes(32))));
    leafIndex.set(e.id, range.size);
    keep(range.append(tree.leaf(Buffer.from(e.hash, 'hex'))));
  }
  const size = range.size;
  const root = range.root();
  const nodes: TreeNodes = { node: (level, index) => levels[level]![index]! };

  const small: { name: string; bytes: Buffer }[] = [];
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  small.push({
    name: CHECKPOINT,
    bytes: Buffer.from(signNote(checkpointBody({ origin: ORIGIN, size, rootHash: root }), ORIGIN, signer)),
  });
  small.push({
    name: `keys/${signer.keyId}.pem`,
    bytes: Buffer.from(signer.publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  });
  for (const e of events) small.push({ name: `events/${revisionName(e.revision)}.json`, bytes: json(e) });
  for (const e of access) small.push({ name: `access/${revisionName(e.revision)}.json`, bytes: json(e) });
  for (const e of [...events, ...access]) {
    const i = leafIndex.get(e.id)!;
    const proof = inclusionProof(i, size, nodes, tree).map((h) => h.toString('base64'));
    small.push({
      name: `proofs/${e.id}.json`,
      bytes: json({
        eventId: e.id,
        leafIndex: i,
        treeSize: size,
        leafHash: levels[0]![i]!.toString('base64'),
        proof,
      }),
    });
  }
  const used = media.filter((m) => events.some((e) => e.media.some((r) => r.sha256 === m.sha256)));
  const files: ManifestFile[] = [
    ...small.map(({ name, bytes }) => ({ name, size: bytes.length, sha256: sha256Hex(bytes) })),
    ...used.map((m) => ({ name: `media/${m.sha256}`, size: m.size, sha256: m.sha256 })),
  ];
  const manifest = signManifest(
    {
      format: BUNDLE_FORMAT,
      agency,
      caseId,
      createdAt: '2026-11-27T00:00:00.000Z',
      checkpoint: { origin: ORIGIN, size, rootHash: root.toString('base64') },
      files,
      streams: [
        { stream: caseStreamOf({ agency, caseId }), revision: events.length - 1 },
        { stream: accessStreamOf({ agency, caseId }), revision: access.length - 1 },
      ],
    },
    signer,
  );
  const head = manifestBytes(manifest);
  // every file dated the manifest's createdAt, as the exporter dates them (docs/integrity.md §13.1)
  const mtime = Math.floor(Date.parse(manifest.createdAt) / 1000);
  const entries: TarEntry[] = [
    { name: MANIFEST, size: head.length, body: head, mtime },
    ...small.map(({ name, bytes }) => ({ name, size: bytes.length, body: bytes, mtime })),
    ...used.map((m) => ({ name: `media/${m.sha256}`, size: m.size, body: m.bytes, mtime })),
  ];
  await pipeline(Readable.from(writeTar(entries)), fs.createWriteStream(file));
  return {
    events: events.length,
    accessRecords: access.length,
    media: used.length,
    treeSize: size,
    bytes: fs.statSync(file).size,
  };
}

/**
 * Verifies a bundle file as `ledger verify --threads N` does: N - 1 worker threads check the signatures of bundles
 * of `signatureCheckerFrom` events or more (as the verifier defaults it).
 */
export async function verifyFile(
  file: string,
  threads: number,
  signer: Signer,
  signatureCheckerFrom?: number,
): Promise<BundleReport> {
  const pool = threads > 1 ? new SignaturePool(threads - 1) : undefined;
  try {
    return await verifyBundle(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), {
      trustedKeys: [signer.publicKey],
      ...(pool ? { signatureChecker: pool } : {}),
      ...(signatureCheckerFrom !== undefined ? { signatureCheckerFrom } : {}),
    });
  } finally {
    await pool?.close();
  }
}

/** A few distinct event signatures of `signer`, for {@link rawVerifyRate}. */
function rawVerifySamples(signer: Signer): { message: Buffer; signature: Buffer }[] {
  return Array.from({ length: 64 }, () => {
    const message = eventSigningInput(sha256Hex(randomBytes(32)));
    return { message, signature: signer.sign(message) };
  });
}

/**
 * Ed25519 verifications per second on this thread over `duration` seconds, of the few signatures `samples`: the
 * yardstick of the one-thread verification, timed for as long as one run of it, right after it.
 */
function rawVerifyRate(
  signer: Signer,
  samples: readonly { message: Buffer; signature: Buffer }[],
  duration: number,
): number {
  let ops = 0;
  const start = now();
  const end = start + BigInt(Math.round(duration * 1e9));
  while (now() < end) {
    for (const { message, signature } of samples) {
      if (!verifyEd25519(signer.publicKey, message, signature)) throw new Error('a valid signature did not verify');
    }
    ops += samples.length;
  }
  return ops / seconds(start);
}

// ---------------------------------------------------------------- proofs and checkpoints

/** An event id for leaf `i`, so that the bench keeps no list of a million ids. */
const idOf = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function quantiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

function time(fn: () => unknown): number {
  const start = now();
  fn();
  return Number(now() - start) / 1e6;
}

async function proofsAndCheckpoints(options: IntegrityBenchOptions) {
  const { leaves, signer, progress } = options;
  const requests = options.requests ?? 1000;
  const readModels = new SqliteReadModelStore({
    path: path.join(options.dir, 'merkle.sqlite'),
    projections: [merkleProjection, headsProjection, checkpointsProjection],
  });
  readModels.reset([merkleProjection, headsProjection, checkpointsProjection]);
  // only the tree, the proofs and the root are asked of the log here: nothing reads or appends events
  const unused = () => {
    throw new Error('the bench does not append checkpoints');
  };
  const log = new TransparencyLog({
    events: { headPosition: unused, readStream: unused, append: unused } as unknown as EventStore,
    readModels,
    runner: { position: () => 0, waitFor: () => Promise.resolve(true) },
    signer,
    clock: { now: () => new Date(RECORDED_AT) },
    locks: new StreamLocks(),
    origin: ORIGIN,
    layout: LOG_LAYOUT,
    newId: () => idOf(0),
  });

  // the Merkle projection applied to `leaves` events, 10,000 to a transaction as the runner batches them
  const checkpoints: ({ size: number; heads: Latency } & Latency)[] = [];
  const started = now();
  const BATCH = 10_000;
  for (let from = 0; from < leaves;) {
    // the batch's documents by key, the last change of each (the tree, the tiles it grows), as the runner keeps them
    const changes = new Map<string, Change>();
    const docs = {
      get: <D extends Doc>(collection: string, key: string) =>
        changes.has(key) ? (changes.get(key)!.doc as D) : readModels.get<D>(collection, key),
    };
    // stop at each power of ten, to time checkpoints there
    const to = Math.min(leaves, from + BATCH, 10 ** (Math.floor(Math.log10(Math.max(from, 1))) + 1));
    for (let i = from; i < to; i++) {
      const event = {
        id: idOf(i),
        stream: caseStreamOf({ agency: 'county-justice', caseId: String(i) }),
        revision: 0,
        hash: sha256Hex(String(i)),
      } as EventEnvelope;
      for (const projection of [merkleProjection, headsProjection]) {
        for (const change of projection.apply({ event, position: i + 1 } as RecordedEvent, docs)) {
          changes.set(change.key, change);
        }
      }
    }
    readModels.commit(changes.values(), to);
    from = to;
    if (to % 100_000 === 0) progress(`integrity: Merkle nodes of ${to.toLocaleString('en')} leaves stored`);
    // a checkpoint at each power of ten: the root from the stored compact range, and the note signature; after a
    // pause, so that the collection of the build's garbage is not timed with it
    if (to >= 1000 && Number.isInteger(Math.log10(to))) {
      await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 500));
      const heads: number[] = [];
      const samples = Array.from({ length: options.checkpoints ?? 1000 }, () =>
        time(() => {
          const { size, rootHash } = log.tree();
          if (size !== to) throw new Error(`the tree has ${size} leaves, not ${to}`);
          const started = now();
          const extensions = [headsExtension(log.headsRoot(size))];
          heads.push(Number(now() - started) / 1e6);
          signNote(checkpointBody({ origin: ORIGIN, size, rootHash, extensions }), ORIGIN, signer);
        }),
      );
      checkpoints.push({ size: to, heads: quantiles(heads), ...quantiles(samples) });
    }
  }
  const buildSeconds = seconds(started);

  progress(`integrity: ${requests} inclusion and consistency proofs at ${leaves.toLocaleString('en')} leaves`);
  const root = log.tree().rootHash;
  const inclusion: number[] = [];
  const consistency: number[] = [];
  for (let r = 0; r < requests; r++) {
    const index = randomInt(leaves);
    inclusion.push(time(() => log.inclusion(idOf(index))));
    const from = 1 + randomInt(leaves - 1);
    consistency.push(time(() => log.consistency(from, leaves)));
  }
  if (!log.tree().rootHash.equals(root)) throw new Error('the tree changed while proving');
  readModels.close();
  return {
    proofs: {
      leaves,
      buildSeconds,
      inclusion: quantiles(inclusion),
      consistency: quantiles(consistency),
      requests,
    },
    checkpoints,
  };
}

// ---------------------------------------------------------------- the part

export async function integrityBench(options: IntegrityBenchOptions): Promise<IntegrityBenchResult> {
  const { dir, signer, progress } = options;
  const threads = options.threads ?? availableCores();
  const runs = options.runs ?? 2;

  progress(`integrity: writing a bundle of ${options.events.toLocaleString('en')} events`);
  const file = path.join(dir, 'bundle.tar');
  const built = now();
  const written = await writeBenchBundle(file, { events: options.events, signer });
  const buildSeconds = seconds(built);

  // one untimed run first, so that neither thread count is timed while the code is still being compiled; then the
  // two alternate, and the best run of each counts. The raw verifications are timed alike: right after each run on
  // one thread, for as long as that run took, the best of them counting, so that the yardstick and the verification
  // are each the best of as many windows of the same length (on a machine whose speed drifts, the best of many short
  // windows is higher than the best of a few long ones)
  progress('integrity: verifying the bundle once to warm up');
  await verifyFile(file, 1, signer);
  const samples = rawVerifySamples(signer);
  rawVerifyRate(signer, samples, 0.2); // warm
  let rawVerify = 0;
  const counts = [1, threads];
  const rates = [0, 0];
  const reports: BundleReport[] = [];
  for (let run = 0; run < runs; run++) {
    for (const [i, n] of counts.entries()) {
      progress(`integrity: verifying the bundle, ${n} thread${n === 1 ? '' : 's'} (run ${run + 1} of ${runs})`);
      const start = now();
      const report = await verifyFile(file, n, signer);
      const elapsed = seconds(start);
      if (!report.valid) throw new Error(`the bench bundle does not verify: ${JSON.stringify(report.failure)}`);
      rates[i] = Math.max(rates[i]!, (report.counts.events + report.counts.accessRecords) / elapsed);
      if (run === 0) reports.push(report);
      if (n === 1) {
        progress(`integrity: raw Ed25519 verify, one core, for as long (run ${run + 1} of ${runs})`);
        rawVerify = Math.max(rawVerify, rawVerifyRate(signer, samples, elapsed));
      }
    }
  }

  const { proofs, checkpoints } = await proofsAndCheckpoints(options);
  return {
    rawVerify,
    bundle: { ...written, buildSeconds, oneThread: rates[0]!, threads, allThreads: rates[1]!, reports },
    proofs,
    checkpoints,
  };
}

// ---------------------------------------------------------------- report

const n = (v: number) => Math.round(v).toLocaleString('en');
const fmt = (v: number) => n(v).padStart(10);
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`.padStart(10);
const ms = (v: number) => `${v < 1 ? v.toFixed(3) : v.toFixed(2)} ms`;
const met = (ok: boolean) => (ok ? 'target met' : 'target not met');

export function reportIntegrity(r: IntegrityBenchResult): void {
  const b = r.bundle;
  const one = b.oneThread / r.rawVerify;
  const all = b.allThreads / r.rawVerify;
  console.log('(h) integrity: evidence bundle verification, proofs and checkpoints');
  console.log(`  raw Ed25519 verify, 1 core            ${fmt(r.rawVerify)} /s`);
  console.log(
    `  bundle: ${n(b.events)} events, ${b.accessRecords} access records, ${b.media} media, ${(b.bytes / 2 ** 20).toFixed(0)} MiB; ` +
      `proofs in a tree of ${n(b.treeSize)} leaves (written in ${b.buildSeconds.toFixed(1)} s)`,
  );
  // below the verifier's threshold, --threads changes nothing: the same single-thread path
  const threaded = b.threads > 1 && b.events + b.accessRecords >= SIGNATURE_CHECKER_FROM;
  const below = threaded ? '' : `   (${n(SIGNATURE_CHECKER_FROM)} events or more use the threads: not this bundle)`;
  console.log(`  verify, 1 thread                      ${fmt(b.oneThread)} events/s`);
  console.log(`  verify, ${b.threads} threads (every core)        ${fmt(b.allThreads)} events/s${below}`);
  console.log(
    `  1 thread / raw verify                 ${pct(b.oneThread, r.rawVerify)}   (target >= 70%: ${met(one >= 0.7)})`,
  );
  console.log(
    `  ${b.threads} threads / raw verify                ${pct(b.allThreads, r.rawVerify)}   ` +
      (threaded ? `(target: more than 1 thread: ${met(all > one)})` : '(no target: one thread)'),
  );
  const same = JSON.stringify(b.reports[0]) === JSON.stringify(b.reports[1]);
  console.log(`  reports of 1 and ${b.threads} threads              ${same ? '  the same' : '    DIFFER'}`);
  const p = r.proofs;
  console.log(
    `  proofs at ${n(p.leaves)} leaves (stored Merkle nodes in SQLite, built in ${p.buildSeconds.toFixed(0)} s), ${n(p.requests)} random requests each`,
  );
  console.log(`  inclusion proof                       p50 ${ms(p.inclusion.p50)}  p99 ${ms(p.inclusion.p99)}`);
  console.log(`  consistency proof                     p50 ${ms(p.consistency.p50)}  p99 ${ms(p.consistency.p99)}`);
  console.log('  checkpoint: root from the stored compact range + heads root + note signature (a stream per leaf)');
  for (const c of r.checkpoints) {
    console.log(
      `  ${n(c.size).padStart(12)} leaves             p50 ${ms(c.p50)}  p99 ${ms(c.p99)}   ` +
        `heads root of ${n(c.size)} streams p50 ${ms(c.heads.p50)}  p99 ${ms(c.heads.p99)}`,
    );
  }
  const most = r.checkpoints[r.checkpoints.length - 1]!;
  console.log(
    `  heads root at ${n(most.size)} streams (p99)     ${ms(most.heads.p99)}   (target <= 5 ms at 10^6: ${met(most.heads.p99 <= 5)})`,
  );
  const first = r.checkpoints[0]!;
  const last = r.checkpoints[r.checkpoints.length - 1]!;
  const flat = last.p50 / first.p50;
  console.log(
    `  largest / smallest (p50)              ${pct(last.p50, first.p50)}   (flat = close to 100%; target <= 150%: ${met(flat <= 1.5)})`,
  );
}
