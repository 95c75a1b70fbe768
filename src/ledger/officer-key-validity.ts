/**
 * When an officer's registered key may sign an act (docs/integrity.md §6): one rule for the service, which refuses
 * an act signed otherwise, and for the verifier, which checks a bundle's signed acts against the key events it
 * carries (§13.4).
 */

/** What the rule reads of a key: its validity, when its registration was recorded and, once revoked, from when. */
export interface KeyValidity {
  readonly validFrom: string;
  readonly validTo?: string;
  readonly revoked?: { readonly revokedFrom: string };
  /** The `recordedAt` of the key's `OfficerKeyRegistered`: an act recorded before it was not signed with a key of the registry. */
  readonly registeredAt?: string;
}

/** The start of a revocation as epoch milliseconds: an instant as written, a date from 00:00 UTC of that day. */
export function revokedFromMs(revokedFrom: string): number {
  return Date.parse(revokedFrom.length === 10 ? `${revokedFrom}T00:00:00Z` : revokedFrom);
}

/**
 * Why a key may not sign an act that occurred on `date` (YYYY-MM-DD) and is recorded at `recordedAt`, or
 * `undefined` when it may: recorded before the key's registration was (`officer_key_not_registered`), revoked from
 * an instant at or before the recording (`officer_key_revoked`), or the day outside its validity
 * (`officer_key_not_valid`).
 */
export function keyRefusal(
  key: KeyValidity,
  date: string,
  recordedAt: string,
): 'officer_key_not_registered' | 'officer_key_not_valid' | 'officer_key_revoked' | undefined {
  if (key.registeredAt !== undefined && Date.parse(recordedAt) < Date.parse(key.registeredAt))
    return 'officer_key_not_registered';
  if (key.revoked && revokedFromMs(key.revoked.revokedFrom) <= Date.parse(recordedAt)) return 'officer_key_revoked';
  if (date < key.validFrom || (key.validTo !== undefined && date > key.validTo)) return 'officer_key_not_valid';
  return undefined;
}
