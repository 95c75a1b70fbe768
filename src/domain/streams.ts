/**
 * Stream names of the agencies' records: `<category>-<agency>:<id>`, defined with the integrity format in
 * `src/ledger/streams.ts` (the bundle verifier checks them there too) and used by the domain from here.
 */
export { agencyStream, parseAgencyStream } from '../ledger/streams.js';
