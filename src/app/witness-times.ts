import type { Page } from '../ports/read-models.js';
import { witnessQuorumTime, type WitnessTime } from '../ledger/timeliness.js';
import type { SignedCheckpoint } from './transparency-log.js';

/**
 * The most checkpoints covering an event read to find the witnesses' earliest cosignatures of it
 * (docs/integrity.md §15.5): a witness that cosigned none of them does not count for that event.
 */
export const WITNESS_COVERING_SCAN = 128;
const PAGE = 32;

/** A witness whose cosignatures the service counts: its key name and key ID (hex). */
export interface CountedWitness {
  readonly name: string;
  readonly keyHash: string;
}

export interface WitnessTimesDependencies {
  readonly log: {
    covering(leafIndex: number, maxSize: number, page: { limit: number; after?: string }): Page<SignedCheckpoint>;
  };
  /** The configured witnesses (`WITNESSES`): only their recorded cosignatures count. */
  readonly witnesses: readonly CountedWitness[];
  /** How many of them must have cosigned (`WITNESS_QUORUM`). */
  readonly quorum: number;
}

/**
 * What the witnesses' cosignatures show of when an event was logged (docs/integrity.md §15.5): for each configured
 * witness, its cosignature of the smallest checkpoint covering the event that it cosigned (the service recorded
 * each after verifying it with the witness's configured key); the time a quorum vouches for is the `quorum`-th
 * earliest of their timestamps. Reads the covering checkpoints smallest first, and stops once `quorum` witnesses
 * are found (a witness found later cosigned a larger checkpoint, later) or after {@link WITNESS_COVERING_SCAN}.
 */
export class WitnessTimes {
  constructor(private readonly deps: WitnessTimesDependencies) {}

  /** Each counted witness's first covering checkpoint, as found (at most `quorum` of them). */
  covering(leafIndex: number, maxSize: number): { checkpoint: SignedCheckpoint; time: WitnessTime }[] {
    const { log, witnesses, quorum } = this.deps;
    const wanted = new Map(witnesses.map((w) => [`${w.name}+${w.keyHash}`, w]));
    const found: { checkpoint: SignedCheckpoint; time: WitnessTime }[] = [];
    let after: string | undefined;
    for (let read = 0; read < WITNESS_COVERING_SCAN && found.length < quorum;) {
      const page = log.covering(leafIndex, maxSize, { limit: PAGE, ...(after ? { after } : {}) });
      for (const checkpoint of page.items) {
        read += 1;
        for (const c of checkpoint.cosignatures ?? []) {
          const id = `${c.witness}+${c.keyHash}`;
          if (!wanted.has(id) || found.some((f) => f.time.witness === id)) continue;
          found.push({ checkpoint, time: { witness: id, timestamp: c.timestamp } });
        }
        if (found.length >= quorum || read >= WITNESS_COVERING_SCAN) break;
      }
      if (!page.next) break;
      after = page.next;
    }
    return found;
  }

  /** The time (ms) a quorum of the witnesses vouches for the leaf, and the size of the checkpoint that makes it. */
  quorumTime(leafIndex: number, maxSize: number): { ms: number; checkpointSize: number } | undefined {
    const found = this.covering(leafIndex, maxSize);
    const time = witnessQuorumTime(
      found.map((f) => f.time),
      this.deps.quorum,
    );
    if (!time) return undefined;
    const last = time.cosignatures.at(-1)!;
    const at = found.find((f) => f.time.witness === last.witness)!;
    return { ms: time.ms, checkpointSize: at.checkpoint.size };
  }
}
