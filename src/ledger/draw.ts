import { canonicalize } from './canonical-json.js';
import { sha256 } from './hash.js';

/**
 * The draw of a "double random, one public" inspection (双随机、一公开): which regulated subjects are inspected, and
 * by which officers, computed from the root hash of the Merkle log at a tree size fixed in advance (docs/inspections.md
 * gives the byte layout and a worked example that test/unit/ledger/draw.test.ts checks). Pure and deterministic: the
 * service, `ledger draw verify` and the portal's page (in the browser) run this same code and must agree.
 */

/** The domain-separation tag that starts the seed's pre-image. */
export const DRAW_TAG = 'evidence-ledger/draw/v1';

/** How many subjects a plan draws: a count, or a whole percentage of the candidates, rounded up. */
export type DrawSample = { readonly count: number } | { readonly percent: number };

/** What the draw is computed from: the candidates as the registries stood at the tree size, sorted by id. */
export interface DrawInputs {
  readonly subjects: readonly string[];
  readonly officers: readonly string[];
  /** Declared conflicts of interest: `[subjectId, officerId]`, sorted. */
  readonly conflicts: readonly (readonly [string, string])[];
}

export interface DrawParameters {
  readonly agency: string;
  readonly planId: string;
  /** The tree size S whose root hash seeds the draw. */
  readonly size: number;
  /** The 32 bytes of the root hash of the log's first S leaves. */
  readonly rootHash: Uint8Array;
  readonly sample: DrawSample;
  readonly inspectorsPerTarget: number;
}

export interface DrawnTarget {
  readonly subjectId: string;
  readonly inspectors: readonly string[];
}

export interface DrawResult {
  /** The seed, hex. */
  readonly seed: string;
  /** SHA-256 (hex) of the canonical JSON of the inputs ({@link inputsDigest}). */
  readonly inputsDigest: string;
  /** The targets in the order drawn, each with its inspectors in the order drawn. */
  readonly targets: readonly DrawnTarget[];
}

/** Why a draw cannot be made: too few officers free of conflicts for one of the targets. */
export class DrawImpossible extends Error {
  constructor(
    readonly subjectId: string,
    readonly eligible: number,
  ) {
    super(`only ${eligible} officers without a conflict of interest can inspect subject ${subjectId}`);
  }
}

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function u64be(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32BE(Math.floor(n / 2 ** 32));
  b.writeUInt32BE(n % 2 ** 32, 4);
  return b;
}

function field(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32be(bytes.length), bytes]);
}

/**
 * seed = SHA-256(tag || 0x00 || u64be(size) || root(32) || u32be(len) agency || u32be(len) planId), lengths in bytes
 * of the UTF-8 encodings.
 */
export function drawSeed(agency: string, planId: string, size: number, rootHash: Uint8Array): Buffer {
  if (rootHash.length !== 32) throw new RangeError('the root hash has 32 bytes');
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError('the tree size is a positive safe integer');
  return sha256(
    Buffer.concat([
      Buffer.from(DRAW_TAG, 'utf8'),
      Buffer.from([0]),
      u64be(size),
      rootHash,
      field(agency),
      field(planId),
    ]),
  );
}

/**
 * A stream of unsigned 32-bit words: block i = SHA-256(seed || u64be(i)) for i = 0, 1, …; each block gives eight
 * words, big-endian, in order.
 */
export class DrawStream {
  #block: Buffer = Buffer.alloc(0);
  #counter = 0;
  #offset = 32;
  /** Words read so far (rejected ones included). */
  words = 0;

  constructor(private readonly seed: Uint8Array) {}

  nextWord(): number {
    if (this.#offset === 32) {
      this.#block = sha256(Buffer.concat([this.seed, u64be(this.#counter++)]));
      this.#offset = 0;
    }
    const word = this.#block.readUInt32BE(this.#offset);
    this.#offset += 4;
    this.words++;
    return word;
  }

  /** A uniform integer in [0, n), by rejection: words at or above the largest multiple of n below 2^32 are skipped. */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError('n is a whole number from 1 to 2^32');
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const word = this.nextWord();
      if (word < limit) return word % n;
    }
  }

  /** `k` of `items` without replacement, in the order drawn: the first k steps of a Fisher–Yates shuffle. */
  sample<T>(items: readonly T[], k: number): T[] {
    const a = [...items];
    if (k > a.length) throw new RangeError(`cannot draw ${k} of ${a.length}`);
    for (let i = 0; i < k; i++) {
      const j = i + this.below(a.length - i);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a.slice(0, k);
  }
}

/** How many of `candidates` subjects a plan draws: the count (at most all), or ⌈candidates × percent / 100⌉. */
export function sampleSize(sample: DrawSample, candidates: number): number {
  const wanted = 'count' in sample ? sample.count : Math.ceil((candidates * sample.percent) / 100);
  return Math.min(wanted, candidates);
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The inputs in their canonical form: each list sorted by id (UTF-16 code units), duplicates removed. */
export function canonicalInputs(inputs: DrawInputs): DrawInputs {
  const unique = (ids: readonly string[]) => [...new Set(ids)].sort(byId);
  const pairs = new Map(inputs.conflicts.map(([s, o]) => [JSON.stringify([s, o]), [s, o] as const]));
  return {
    subjects: unique(inputs.subjects),
    officers: unique(inputs.officers),
    conflicts: [...pairs.values()].sort((a, b) => byId(a[0], b[0]) || byId(a[1], b[1])),
  };
}

/** SHA-256 (hex) of the RFC 8785 canonical JSON of `{subjects, officers, conflicts}` in their canonical form. */
export function inputsDigest(inputs: DrawInputs): string {
  const { subjects, officers, conflicts } = canonicalInputs(inputs);
  return sha256(Buffer.from(canonicalize({ subjects, officers, conflicts }), 'utf8')).toString('hex');
}

/**
 * The draw: from one stream, first the targets (a sample of the subjects), then for each target in the order drawn,
 * its inspectors (a sample of the officers with no declared conflict with it). Throws {@link DrawImpossible} when a
 * target has fewer eligible officers than the plan needs.
 */
export function computeDraw(parameters: DrawParameters, inputs: DrawInputs): DrawResult {
  const { subjects, officers, conflicts } = canonicalInputs(inputs);
  const seed = drawSeed(parameters.agency, parameters.planId, parameters.size, parameters.rootHash);
  const stream = new DrawStream(seed);
  const conflicted = new Map<string, Set<string>>();
  for (const [subjectId, officerId] of conflicts) {
    conflicted.set(subjectId, (conflicted.get(subjectId) ?? new Set()).add(officerId));
  }
  const chosen = stream.sample(subjects, sampleSize(parameters.sample, subjects.length));
  const targets = chosen.map((subjectId) => {
    const excluded = conflicted.get(subjectId);
    const eligible = excluded ? officers.filter((o) => !excluded.has(o)) : officers;
    if (eligible.length < parameters.inspectorsPerTarget) throw new DrawImpossible(subjectId, eligible.length);
    return { subjectId, inspectors: stream.sample(eligible, parameters.inspectorsPerTarget) };
  });
  return { seed: seed.toString('hex'), inputsDigest: inputsDigest({ subjects, officers, conflicts }), targets };
}
