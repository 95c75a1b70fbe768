/**
 * The shape of a sealed personal field (src/ledger/sealed-field.ts has the format and the cryptography): apart, so
 * that what only needs to recognise a sealed value (the bounds of event data) needs no cipher.
 */
export const SEALED_FORMAT = 'aes-256-gcm/v1';

export interface SealedValue {
  readonly sealed: typeof SEALED_FORMAT;
  readonly commitment: string;
  readonly iv: string;
  readonly ct: string;
}

/** Whether `value` has the shape of a sealed value (not whether it opens). */
export function isSealed(value: unknown): value is SealedValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    v.sealed === SEALED_FORMAT &&
    typeof v.commitment === 'string' &&
    typeof v.iv === 'string' &&
    typeof v.ct === 'string' &&
    Object.keys(v).length === 4
  );
}
