import { createPublicKey } from 'node:crypto';
import { openNote, parseCheckpoint } from './checkpoint.js';
import { computeDraw, type DrawInputs, type DrawnTarget, type DrawSample } from './draw.js';
import { isHash } from './merkle.js';
import { verifyConsistency } from './merkle-proofs.js';
import { suiteOfKey, type CryptoSuite } from './suite.js';

/**
 * Re-running a published draw (`ledger draw verify`, and the portal's plan page in the browser): the same checks
 * from the same inputs, so both say the same. Pure and synchronous: the answers of the API come in, a report goes
 * out (in the browser, Ed25519 is answered by WebCrypto around this call).
 */

/** `GET /v1/inspections/{agency}/{planId}`, as much of it as is read here. */
export interface PublishedPlan {
  readonly agency: string;
  readonly planId: string;
  readonly sample: DrawSample;
  readonly inspectorsPerTarget: number;
  readonly drawAtSize: number;
  readonly treeSizeAtPlan: number;
  readonly draw?: {
    readonly size: number;
    readonly rootHash: string;
    readonly seed: string;
    readonly inputsDigest: string;
    readonly inputs: DrawInputs;
    readonly targets: readonly { readonly subjectId: string; readonly inspectors: readonly string[] }[];
  };
}

/** The ledger's evidence for the root: its published keys, a signed checkpoint, a consistency proof from the size. */
export interface DrawEvidence {
  /** `GET /v1/ledger/keys`: the log's name and its keys. */
  readonly origin: string;
  readonly keys: readonly { readonly publicKeyPem: string }[];
  /** The signed checkpoint note (`GET /v1/ledger/checkpoint`'s `note`), of a size at least the draw's. */
  readonly note: string;
  /** `GET /v1/ledger/proof/consistency?from=<size>&to=<checkpoint size>`'s `proof` (empty when the sizes are equal). */
  readonly consistency: readonly string[];
}

/** The check that failed, in the order they run. */
export type DrawStep = 'plan' | 'keys' | 'signature' | 'checkpoint' | 'consistency' | 'inputs' | 'seed' | 'targets';

export interface DrawReport {
  readonly valid: boolean;
  readonly failure?: { readonly step: DrawStep; readonly detail: string };
  readonly agency: string;
  readonly planId: string;
  /** The tree size whose root seeds the draw, and that root (base64). */
  readonly size?: number;
  readonly rootHash?: string;
  /** The signed checkpoint the root was proven against. */
  readonly checkpoint?: { readonly size: number; readonly rootHash: string };
  /** The recomputed seed and targets. */
  readonly seed?: string;
  readonly targets?: readonly DrawnTarget[];
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const bytes = (text: unknown): Buffer | undefined =>
  typeof text === 'string' && BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;

export function verifyDraw(plan: PublishedPlan, evidence: DrawEvidence): DrawReport {
  const base = { agency: String(plan.agency), planId: String(plan.planId) };
  const fail = (step: DrawStep, detail: string, more: Partial<DrawReport> = {}): DrawReport => ({
    ...base,
    ...more,
    valid: false,
    failure: { step, detail },
  });
  const draw = plan.draw;
  if (!draw) return fail('plan', 'the plan has not been drawn yet');
  const root = bytes(draw.rootHash);
  if (draw.size !== plan.drawAtSize || !isHash(root)) {
    return fail('plan', `the draw is not of the plan's tree size ${plan.drawAtSize}, or names no root hash`);
  }
  if (!(plan.treeSizeAtPlan < draw.size)) {
    return fail('plan', `the plan was recorded at tree size ${plan.treeSizeAtPlan}, not before ${draw.size}`);
  }
  const at = { size: draw.size, rootHash: draw.rootHash };

  let verifiers;
  // the log's suite is its keys' (Ed25519, or SM2 for a log of the SM2 suite, whose tree is SM3): one for all of them
  let suite: CryptoSuite | undefined;
  try {
    verifiers = evidence.keys.map((k) => ({ name: evidence.origin, publicKey: createPublicKey(k.publicKeyPem) }));
    const suites = new Set(verifiers.map((v) => suiteOfKey(v.publicKey)));
    suite = suites.size === 1 ? [...suites][0] : undefined;
    if (verifiers.length === 0 || !suite) throw new Error();
  } catch {
    return fail('keys', 'the published keys are not Ed25519 public keys, or SM2 ones, all of one suite', at);
  }
  let opened;
  try {
    opened = openNote(evidence.note, verifiers);
  } catch {
    opened = undefined;
  }
  if (!opened) return fail('signature', "the checkpoint is not signed by the ledger's published keys", at);
  const checkpoint = parseCheckpoint(opened.body);
  if (!checkpoint || checkpoint.origin !== evidence.origin) {
    return fail('checkpoint', 'the signed note is not a checkpoint of this log', at);
  }
  const signed = { size: checkpoint.size, rootHash: checkpoint.rootHash.toString('base64') };
  const proof = evidence.consistency.map(bytes);
  if (
    checkpoint.size < draw.size ||
    proof.some((p) => p === undefined) ||
    !verifyConsistency(draw.size, checkpoint.size, root, checkpoint.rootHash, proof as Buffer[], suite.tree)
  ) {
    return fail('consistency', `the root at size ${draw.size} is not proven part of the signed checkpoint`, {
      ...at,
      checkpoint: signed,
    });
  }
  const proven = { ...at, checkpoint: signed };

  let result;
  try {
    result = computeDraw(
      {
        agency: plan.agency,
        planId: plan.planId,
        size: draw.size,
        rootHash: root,
        sample: plan.sample,
        inspectorsPerTarget: plan.inspectorsPerTarget,
      },
      draw.inputs,
    );
  } catch (err) {
    return fail('targets', `the draw cannot be made from its inputs: ${(err as Error).message}`, proven);
  }
  const recomputed = { ...proven, seed: result.seed, targets: result.targets };
  if (result.inputsDigest !== draw.inputsDigest) {
    return fail('inputs', 'the published inputs do not hash to the recorded inputs digest', recomputed);
  }
  if (result.seed !== draw.seed) return fail('seed', 'the recorded seed is not the one the root gives', recomputed);
  const same = (a: readonly { subjectId: string; inspectors: readonly string[] }[]) =>
    JSON.stringify(a.map((t) => [t.subjectId, t.inspectors]));
  if (same(result.targets) !== same(draw.targets)) {
    return fail('targets', 'the published targets or inspectors are not those the seed draws', recomputed);
  }
  return { ...base, ...recomputed, valid: true };
}
