import { RuleViolation } from './errors.js';

export type Role = 'officer' | 'reviewer' | 'supervisor' | 'admin' | 'integration';

/** Who issues a command, as the verified bearer token says. */
export interface Actor {
  readonly sub: string;
  readonly agency: string;
  readonly roles: readonly string[];
}

export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!roles.some((role) => actor.roles.includes(role))) {
    throw new RuleViolation('role_required', 403, `${what} needs the role ${roles.join(' or ')}`, { roles });
  }
}

export function requireAgency(actor: Actor, agency: string): void {
  if (actor.agency !== agency)
    throw new RuleViolation('forbidden', 403, `acting for agency ${actor.agency}, not ${agency}`);
}

/** The calendar date (YYYY-MM-DD) of an ISO 8601 date-time as written, in its own offset: the agency's local day. */
export const localDate = (dateTime: string): string => dateTime.slice(0, 10);

/** The easternmost offset in use (UTC+14, Line Islands): a date begins there first. */
const EARLIEST_OFFSET_MS = 14 * 3_600_000;

/**
 * The latest calendar date (YYYY-MM-DD) that has begun somewhere on Earth at the instant `dateTime`: its date at
 * UTC+14. The service does not know an agency's time zone, so a date after this one is in the future everywhere.
 */
export const latestDateAt = (dateTime: string): string =>
  new Date(Date.parse(dateTime) + EARLIEST_OFFSET_MS).toISOString().slice(0, 10);
