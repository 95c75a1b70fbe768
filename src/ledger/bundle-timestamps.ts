import { decisionReadsFile } from './bundle-decisions.js';
import type { KeyObject } from 'node:crypto';
import { CHECKPOINT, TIMELINESS, type BundleManifest } from './bundle.js';
import type { Held, HeldEvent, OpenedCheckpoint } from './bundle-checks.js';
import { decodeProof, decodeText, failed, openWith, parseJson } from './bundle-parse.js';
import type { DisclosureTimelinessReport, TimestampReport } from './bundle-report.js';
import { parseCheckpoint } from './checkpoint.js';
import { parseCosignatureLine, splitNote, verifyCosignatureLines } from './cosignature.js';
import { verifyConsistency } from './merkle-proofs.js';
import { suiteOfAlg } from './suite.js';
import {
  attestedTimeliness,
  disclosureDeadline,
  earliestAttested,
  offsetMinutes,
  witnessQuorumTime,
  type WitnessTime,
} from './timeliness.js';
import { timestampedMessage } from './timestamp-request.js';
import { TimestampFailure } from './timestamp-token.js';
import { verifyTimestampToken } from './timestamp-verify.js';

/**
 * Step 12 of docs/integrity.md §13.4: the bundle's RFC 3161 time-stamps (§15), the given witnesses' cosignatures of
 * the checkpoints it carries (§12.4), and what they show of the case's disclosures (§15.5). Runs once every
 * inclusion proof verified, with each event's leaf index.
 */

/** A valid cosignature by a given witness of a checkpoint of the bundle of size `size`. */
type CarriedCosignature = WitnessTime & { readonly size: number; readonly name: string; readonly keyHash: string };

interface Stamped {
  readonly size: number;
  note?: Buffer;
  consistency?: Buffer;
  readonly tokens: { index: number; name: string; bytes: Buffer }[];
}

const DISCLOSED = 'DecisionDisclosed';
const prefix = (size: number) => `timestamps/${size}/`;

function stampedCheckpoints(h: Held): Stamped[] {
  const bySize = new Map<number, Stamped>();
  const of = (size: number) => {
    let s = bySize.get(size);
    if (!s) bySize.set(size, (s = { size, tokens: [] }));
    return s;
  };
  // forEach rather than for-of: no entry array per file of the bundle
  h.kinds.forEach((kind, name) => {
    if (kind.kind === 'stamped-note') of(kind.size).note = h.files.get(name)!;
    else if (kind.kind === 'stamped-consistency') of(kind.size).consistency = h.files.get(name)!;
    else if (kind.kind === 'timestamp')
      of(kind.size).tokens.push({ index: kind.index, name, bytes: h.files.get(name)! });
  });
  return [...bySize.values()].sort((a, b) => a.size - b.size);
}

/** The stamped checkpoint's note opens with a trusted key, and its tree is a prefix of the bundle's (or it). */
function checkStampedCheckpoint(
  s: Stamped,
  manifest: BundleManifest,
  root: Buffer,
  keys: { all: KeyObject[] },
): string {
  const { origin, size: n } = manifest.checkpoint;
  const name = `${prefix(s.size)}checkpoint.txt`;
  if (!s.note) failed('malformed', `${prefix(s.size)} holds time-stamps without its checkpoint.txt`);
  const text = decodeText(s.note!, name, 'checkpoint_invalid');
  const cosigned = splitNote(text)?.lines.some((line) => parseCosignatureLine(line) !== undefined) ?? false;
  if (s.tokens.length === 0 && !cosigned) failed('malformed', `${name} has neither a time-stamp nor a cosignature`);
  if (s.size > n) failed('malformed', `${name} is of size ${s.size}, beyond the bundle's checkpoint (${n})`);
  const note = text;
  const opened = openWith(note, origin, keys.all);
  const parsed = opened ? parseCheckpoint(opened.body) : undefined;
  if (!parsed || parsed.origin !== origin || parsed.size !== s.size) {
    failed('checkpoint_invalid', `${name} is not a checkpoint of size ${s.size} signed by a trusted key`);
  }
  const consistencyName = `${prefix(s.size)}consistency.json`;
  if (s.size === n) {
    if (!parsed!.rootHash.equals(root)) failed('checkpoint_inconsistent', `${name} differs from checkpoint.txt`);
    if (s.consistency) failed('malformed', `${consistencyName} is for the bundle's own checkpoint`);
  } else {
    if (!s.consistency) failed('consistency_proof_missing', `${name} has no ${consistencyName}`);
    const value = parseJson(s.consistency!, consistencyName, 'malformed') as Record<string, unknown>;
    const proof = Array.isArray(value?.proof) ? decodeProof(value.proof) : undefined;
    if (value?.from !== s.size || value?.to !== n || !proof) {
      failed('malformed', `${consistencyName} is not {from: ${s.size}, to: ${n}, proof}`);
    }
    if (
      s.size === 0 ||
      !verifyConsistency(s.size, n, parsed!.rootHash, root, proof!, suiteOfAlg(manifest.signature.alg)?.tree)
    ) {
      failed('checkpoint_inconsistent', `${consistencyName} does not prove ${name} a prefix of the bundle's tree`);
    }
  }
  return note;
}

/**
 * The cosignatures by the given witnesses of a checkpoint note the bundle carries, verified over its body
 * [`cosignature_invalid`]; none without given witnesses.
 */
function cosignaturesOf(h: Held, note: string, name: string, size: number): CarriedCosignature[] {
  const witnesses = h.options.witnesses ?? [];
  const parts = splitNote(note);
  if (witnesses.length === 0 || !parts) return [];
  const result = verifyCosignatureLines(parts.body, parts.lines, witnesses);
  if (result.invalid.length > 0) {
    failed('cosignature_invalid', `the cosignature of ${result.invalid[0]} in ${name} does not verify`);
  }
  return result.valid.map((c) => ({
    witness: `${c.name}+${c.keyHash}`,
    name: c.name,
    keyHash: c.keyHash,
    timestamp: c.timestamp,
    size,
  }));
}

/**
 * The time-stamps of the bundle, verified, and the given witnesses' cosignatures of its checkpoints; then the
 * timeliness of each `DecisionDisclosed` event of the case.
 */
export function checkTimestamps(
  h: Held,
  checkpoint: OpenedCheckpoint,
  keys: { all: KeyObject[] },
  events: readonly HeldEvent[],
  leaves: ReadonlyMap<string, number>,
): { timestamps: TimestampReport[]; disclosures?: DisclosureTimelinessReport[] } {
  const manifest = h.manifest;
  const root = checkpoint.root;
  const roots = h.options.timestampRoots;
  const timestamps: TimestampReport[] = [];
  const own = decodeText(h.files.get(CHECKPOINT)!, CHECKPOINT, 'checkpoint_invalid');
  const cosignatures = cosignaturesOf(h, own, CHECKPOINT, manifest.checkpoint.size);
  for (const s of stampedCheckpoints(h)) {
    const note = checkStampedCheckpoint(s, manifest, root, keys);
    cosignatures.push(...cosignaturesOf(h, note, `${prefix(s.size)}checkpoint.txt`, s.size));
    const message = timestampedMessage(note, manifest.checkpoint.origin);
    for (const token of s.tokens.sort((a, b) => a.index - b.index)) {
      try {
        const v = verifyTimestampToken(token.bytes, message, roots);
        timestamps.push({
          file: token.name,
          size: s.size,
          tsa: v.tsa,
          genTime: v.genTime,
          ...(v.accuracyMs === undefined ? {} : { accuracyMs: v.accuracyMs }),
          trusted: roots !== undefined,
        });
      } catch (err) {
        if (!(err instanceof TimestampFailure)) throw err;
        failed(err.code, `${token.name}: ${err.detail}`);
      }
    }
  }
  const disclosures = timeliness(h, events, leaves, timestamps, cosignatures);
  return { timestamps, ...(disclosures ? { disclosures } : {}) };
}

/**
 * §15.5: for each `DecisionDisclosed` event, the earlier of the earliest attested time of a time-stamp of a
 * checkpoint that covers it, and the time a quorum of the given witnesses vouches for by their cosignatures of
 * checkpoints that cover it.
 */
/**
 * Whether the timeliness check or the report's decisions (bundle-decisions.ts) read again the file of an event of this type (a disclosure's `data`): the bundle
 * verifier holds those files even where it keeps only what the other checks need of an event.
 */
export function readsEventFile(type: string): boolean {
  return type === DISCLOSED || decisionReadsFile(type);
}

function timeliness(
  h: Held,
  events: readonly HeldEvent[],
  leaves: ReadonlyMap<string, number>,
  timestamps: readonly TimestampReport[],
  cosignatures: readonly CarriedCosignature[],
): DisclosureTimelinessReport[] | undefined {
  const quorum = h.options.witnessQuorum ?? h.options.witnesses?.length ?? 0;
  const bytes = h.files.get(TIMELINESS);
  if (!bytes) return undefined;
  const value = parseJson(bytes, TIMELINESS, 'malformed') as Record<string, unknown>;
  const offset = typeof value?.utcOffset === 'string' ? offsetMinutes(value.utcOffset) : undefined;
  if (offset === undefined || Object.keys(value).length !== 1) {
    failed('malformed', `${TIMELINESS} is not {utcOffset: "±HH:MM"}`);
  }
  const out: DisclosureTimelinessReport[] = [];
  for (const event of events) {
    if (event.type !== DISCLOSED) continue;
    const data = (parseJson(h.files.get(event.name)!, event.name, 'malformed_event') as { data?: unknown }).data as
      { publishedOn?: unknown; dueBy?: unknown } | undefined;
    const dueBy = typeof data?.dueBy === 'string' ? data.dueBy : undefined;
    const deadline = dueBy === undefined ? undefined : disclosureDeadline(dueBy, offset!);
    if (!deadline) failed('malformed_event', `${event.name}: DecisionDisclosed without a due date`);
    const leaf = leaves.get(event.id)!;
    let stamp: { ms: number; genTime: string; trusted: boolean } | undefined;
    for (const t of timestamps) {
      if (t.size <= leaf) continue;
      const ms = Date.parse(t.genTime) + (t.accuracyMs ?? 0);
      if (!stamp || ms < stamp.ms) stamp = { ms, genTime: t.genTime, trusted: t.trusted };
    }
    const covering = cosignatures.filter((c) => c.size > leaf);
    const quorumTime = covering.length > 0 ? witnessQuorumTime(covering, quorum) : undefined;
    const attested = earliestAttested(stamp?.ms, quorumTime?.ms);
    out.push({
      eventId: event.id,
      revision: event.revision,
      ...(typeof data?.publishedOn === 'string' ? { publishedOn: data.publishedOn } : {}),
      dueBy: dueBy!,
      deadline: deadline!.iso,
      ...(attested ? { attestedBy: new Date(attested.ms).toISOString(), source: attested.source } : {}),
      ...(attested?.source === 'tsa' ? { genTime: stamp!.genTime, tsaTrusted: stamp!.trusted } : {}),
      ...(attested?.source === 'witnesses'
        ? {
            cosignatures: quorumTime!.cosignatures.map((w) => {
              const c = covering.find((x) => x.witness === w.witness && x.timestamp === w.timestamp)!;
              return { name: c.name, keyHash: c.keyHash, timestamp: c.timestamp, size: c.size };
            }),
          }
        : {}),
      status: attestedTimeliness(attested?.ms, deadline!.ms),
    });
  }
  return out;
}
