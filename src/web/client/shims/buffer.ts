import { Buffer } from 'buffer';

/**
 * `node:buffer` in the browser build of src/ledger (scripts/build.mjs aliases it here, and injects `Buffer` where
 * the ledger uses it as a global): the `buffer` package's Buffer, and `isUtf8` from the browser's strict decoder.
 */
export { Buffer };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
