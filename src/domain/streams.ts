/**
 * Stream names of the agencies' records: `<category>-<agency>:<id>`, defined with the integrity format in
 * `src/ledger/streams.ts` (the bundle verifier checks them there too) and used by the domain from here.
 */
export { agencyStream, parseAgencyStream } from '../ledger/streams.js';

/**
 * An identifier an agency chooses (a case, officer, item or subject id) or an agency's code, as `defs.schema.json`'s
 * `id` states it: 1 to 128 letters, digits, `.`, `_` or `-`, the first a letter or digit.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
