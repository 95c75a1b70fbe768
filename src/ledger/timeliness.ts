/**
 * Provable timeliness of a disclosure (docs/integrity.md §15.5): whether an independent time (an RFC 3161 token's
 * `genTime`, plus its accuracy, or the time a quorum of witnesses' cosignatures vouches for) shows that the
 * `DecisionDisclosed` event was in the log before its deadline.
 */

export type Timeliness = 'on_time' | 'late' | 'not_attested';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** Minutes east of UTC of `±HH:MM`; undefined for anything else. */
export function offsetMinutes(text: string): number | undefined {
  const m = OFFSET.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) > 59 || minutes > 14 * 60) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

/** `±HH:MM` of minutes east of UTC. */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The deadline of a disclosure due by `dueBy` (a calendar date) in an agency `offset` minutes east of UTC: the end
 * of that day there, i.e. the instant the next day begins, 00:00 local time. A disclosure is on time when it was
 * provably in the log strictly before this instant. Undefined for a date that is not one.
 */
export function disclosureDeadline(dueBy: string, offset: number): { iso: string; ms: number } | undefined {
  const m = DATE.exec(dueBy);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const midnight = Date.UTC(y, mo - 1, d);
  if (new Date(midnight).getUTCDate() !== d || new Date(midnight).getUTCMonth() !== mo - 1) return undefined;
  const ms = midnight + 86_400_000 - offset * 60_000;
  return { iso: new Date(ms).toISOString(), ms };
}

/**
 * On time when the attested time (the latest instant the time-stamp allows: `genTime` + accuracy) is before the
 * deadline; late when it is not (the log cannot prove publication by the deadline); not attested without one.
 */
export function attestedTimeliness(attestedMs: number | undefined, deadlineMs: number): Timeliness {
  if (attestedMs === undefined) return 'not_attested';
  return attestedMs < deadlineMs ? 'on_time' : 'late';
}

/** Where an attested time comes from: an RFC 3161 time-stamp, or a quorum of witnesses' cosignatures. */
export type AttestationSource = 'tsa' | 'witnesses';

/** A valid cosignature of a checkpoint covering the event: the witness (its key name and key ID) and its time. */
export interface WitnessTime {
  /** `<name>+<key ID hex>`: one witness key. */
  readonly witness: string;
  /** POSIX seconds, as the cosignature states. */
  readonly timestamp: number;
}

/**
 * The time a quorum of witnesses vouches for (docs/integrity.md §15.5): each cosignature timestamp is one witness's
 * word, so each witness counts once, with its earliest timestamp, and the time is the `quorum`-th earliest of those
 * (a quorum below 1 counts as 1), as an instant in ms; undefined when fewer witnesses cosigned. Returns the
 * witnesses' earliest times that make it, earliest first.
 */
export function witnessQuorumTime(
  cosignatures: readonly WitnessTime[],
  quorum: number,
): { ms: number; cosignatures: WitnessTime[] } | undefined {
  const earliest = new Map<string, number>();
  for (const { witness, timestamp } of cosignatures) {
    const seen = earliest.get(witness);
    if (seen === undefined || timestamp < seen) earliest.set(witness, timestamp);
  }
  const n = Math.max(1, quorum);
  const sorted = [...earliest]
    .map(([witness, timestamp]) => ({ witness, timestamp }))
    .sort((a, b) => a.timestamp - b.timestamp || (a.witness < b.witness ? -1 : 1));
  if (sorted.length < n) return undefined;
  return { ms: sorted[n - 1]!.timestamp * 1000, cosignatures: sorted.slice(0, n) };
}

/** The earlier of an RFC 3161 attested time and a witness quorum's time, and which it is (the TSA's on a tie). */
export function earliestAttested(
  tsaMs: number | undefined,
  witnessesMs: number | undefined,
): { ms: number; source: AttestationSource } | undefined {
  if (tsaMs === undefined && witnessesMs === undefined) return undefined;
  if (witnessesMs === undefined || (tsaMs !== undefined && tsaMs <= witnessesMs)) {
    return { ms: tsaMs!, source: 'tsa' };
  }
  return { ms: witnessesMs, source: 'witnesses' };
}
