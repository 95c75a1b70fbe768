import type { RefusalKind, WitnessedCheckpoint } from '../ledger/witness-protocol.js';

/** A log a witness is configured to follow: its origin line and the note verifier keys it trusts for it. */
export interface WitnessLog {
  readonly origin: string;
  /** C2SP verifier keys (`<name>+<key ID>+<base64 key>`), of type 0x01 (Ed25519 note signatures). */
  readonly keys: readonly string[];
}

/** The latest checkpoint a witness cosigned for a log. */
export interface CosignedState extends WitnessedCheckpoint {
  readonly origin: string;
  /** The signed note as the log submitted it. */
  readonly note: string;
  /** The witness's cosignature line (without its newline) and when it was made (RFC 3339). */
  readonly cosignature: string;
  readonly cosignedAt: string;
}

/** A validly signed checkpoint the witness refused because it contradicts what it cosigned: evidence. */
export interface Refusal {
  readonly id: number;
  readonly at: string;
  readonly origin: string;
  readonly kind: RefusalKind;
  /** The submitted checkpoint: its size, root and whole signed note (signed by the log: proof of what it said). */
  readonly size: number;
  readonly rootHash: string;
  /** Its heads root (base64; null without a heads line). */
  readonly headsRoot: string | null;
  readonly note: string;
  readonly oldSize: number;
  /** The checkpoint the witness had cosigned. */
  readonly cosignedSize: number;
  readonly cosignedRootHash: string;
  readonly cosignedHeadsRoot: string | null;
}

/**
 * What a witness keeps (its own store, never the log's): the logs it follows, the latest checkpoint it cosigned
 * per log, and the refusals. `atomically` runs a check-and-update with no other writer in between, across
 * processes sharing the store too (tlog-witness requires the check of the old size and the update to be atomic).
 */
export interface WitnessStore {
  logs(): WitnessLog[];
  addLog(origin: string, key: string): void;
  latest(origin: string): CosignedState | undefined;
  setLatest(state: CosignedState): void;
  recordRefusal(refusal: Omit<Refusal, 'id'>): Refusal;
  /** Newest first. */
  refusals(limit: number): Refusal[];
  atomically<T>(work: () => T): T;
  close(): void;
}
