/**
 * Provable timeliness of a disclosure (docs/integrity.md §15.5): whether an independent time (an RFC 3161 token's
 * `genTime`, plus its accuracy) shows that the `DecisionDisclosed` event was in the log before its deadline.
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
