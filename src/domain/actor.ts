import { RuleViolation } from './errors.js';

export type Role = 'officer' | 'reviewer' | 'supervisor' | 'admin' | 'integration';

/** Who issues a command, as the verified bearer token says. */
export interface Actor {
  readonly sub: string;
  readonly agency: string;
  readonly roles: readonly string[];
}

/**
 * The actor holds one of `roles`, else `403 forbidden` (the code every refusal for a role lacking has, whether a route
 * or a rule refuses it), `roles` naming those that would do.
 */
export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!roles.some((role) => actor.roles.includes(role))) {
    throw new RuleViolation('forbidden', 403, `${what} needs the role ${roles.join(' or ')}`, { roles });
  }
}

export function requireAgency(actor: Actor, agency: string): void {
  if (actor.agency !== agency)
    throw new RuleViolation('forbidden', 403, `acting for agency ${actor.agency}, not ${agency}`);
}

/** The calendar date (YYYY-MM-DD) of an ISO 8601 date-time as written, in its own offset: the agency's local day. */
export const localDate = (dateTime: string): string => dateTime.slice(0, 10);

/**
 * The agency's day of the instant `dateTime`: read on its clock, given its offset from UTC in minutes (an act
 * written in UTC at 17:00 is of the next day in a county at UTC+8); without the offset, the day as written.
 */
export const agencyDate = (dateTime: string, offsetMinutes: number | undefined): string =>
  offsetMinutes === undefined ? localDate(dateTime) : dateAtOffset(dateTime, offsetMinutes);

/** Minutes east of UTC of the agencies' local time: every agency's but those named in `agencies`. */
export interface UtcOffsets {
  readonly defaultMinutes: number;
  readonly agencies: ReadonlyMap<string, number>;
}

/** The minutes east of UTC of an agency's local time. */
export const utcOffsetOf = (offsets: UtcOffsets, agency: string): number =>
  offsets.agencies.get(agency) ?? offsets.defaultMinutes;

/** Every agency at UTC+8 (China Standard Time): what the service assumes unless configured otherwise. */
export const CHINA_STANDARD_TIME: UtcOffsets = Object.freeze({ defaultMinutes: 8 * 60, agencies: new Map() });

/** The easternmost offset in use (UTC+14, Line Islands): a date begins there first. */
const EARLIEST_OFFSET_MINUTES = 14 * 60;
/** The westernmost offset in use (UTC−12). */
const LATEST_OFFSET_MINUTES = -12 * 60;

/** The calendar date (YYYY-MM-DD) of the instant `at` where the clocks read UTC plus `offsetMinutes`. */
export function dateAtOffset(at: Date | string, offsetMinutes: number): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  // a date-time names its date itself at its own offset (as an agency's acts are written), and at any other offset
  // that moves its time of day by less than what is left of the day (a server time in UTC read at UTC+8 before 16:00)
  if (typeof at === 'string' && Number.isFinite(ms) && plainDay(at)) {
    const written = writtenOffset(at);
    if (written !== undefined) {
      const minute = Number(at.slice(11, 13)) * 60 + Number(at.slice(14, 16)) + offsetMinutes - written;
      if (minute >= 0 && minute < 24 * 60) return at.slice(0, 10);
    }
  }
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Whether a date-time's own fields name its day as it is (what `Date` would carry into the next day or month — a
 * 30 February, a 24:00, a 60th second — is not): days 1 to 28, hours below 24, minutes and seconds below 60.
 */
function plainDay(dateTime: string): boolean {
  const day = Number(dateTime.slice(8, 10));
  const seconds = dateTime[16] === ':' ? Number(dateTime.slice(17, 19)) : 0;
  return (
    day >= 1 &&
    day <= 28 &&
    dateTime[13] === ':' &&
    Number(dateTime.slice(11, 13)) < 24 &&
    Number(dateTime.slice(14, 16)) < 60 &&
    seconds < 60
  );
}

/** The offset in minutes east of UTC an ISO 8601 date-time (`YYYY-MM-DDThh:mm…`) ends with (`Z` or `±hh:mm`). */
function writtenOffset(dateTime: string): number | undefined {
  if (dateTime.length < 17 || dateTime[4] !== '-' || dateTime[7] !== '-' || dateTime[10] !== 'T') return undefined;
  if (dateTime.endsWith('Z')) return 0;
  const sign = dateTime[dateTime.length - 6];
  if ((sign !== '+' && sign !== '-') || dateTime[dateTime.length - 3] !== ':') return undefined;
  const hours = Number(dateTime.slice(-5, -3));
  const minutes = Number(dateTime.slice(-2));
  if (!Number.isInteger(hours) || !Number.isInteger(minutes)) return undefined;
  return (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * The minutes east of UTC that a `±HH:MM` offset (as ISO 8601 writes it, `+08:00`) names, or `undefined` when it
 * is not one in use on Earth (UTC−12:00 to UTC+14:00, minutes below 60).
 */
export function parseUtcOffset(text: string): number | undefined {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, sign, hours, minutes] = match;
  if (Number(minutes) > 59) return undefined;
  const total = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  return total < LATEST_OFFSET_MINUTES || total > EARLIEST_OFFSET_MINUTES ? undefined : total;
}

/**
 * The latest calendar date (YYYY-MM-DD) that has begun somewhere on Earth at the instant `dateTime`: its date at
 * UTC+14. An act's own date is judged against this, so a date after this one is in the future everywhere.
 */
export const latestDateAt = (dateTime: string): string => dateAtOffset(dateTime, EARLIEST_OFFSET_MINUTES);
