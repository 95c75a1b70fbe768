import { sha256Hex } from '../../ledger/hash.js';
import { claimDecider } from '../claims.js';
import { agencyStream } from '../streams.js';
import { documentNumberTaken } from './decider.js';

/**
 * One document number (文书号), one decision of the agency, across replicas (src/domain/claims.ts): where replicas
 * share the log, an act that gives a decision a number first claims it for its case, `DocumentNumberClaimed`
 * `{documentNo, caseId}` on the number's own stream, once the act's rules have passed. A correction moves a decision
 * to another number and frees the one it bore, so the claim of a case that moved on without the number lapses.
 */
export interface DocumentNumberClaim {
  readonly documentNo: string;
  readonly caseId: string;
}

export interface DocumentNumberClaimedEvent {
  readonly type: 'DocumentNumberClaimed';
  readonly data: DocumentNumberClaim;
}

/**
 * The stream of an agency's document number, `docnumber-<agency>:<SHA-256 of the number, hex>`: named by the
 * number's hash, as a number may hold any character.
 */
export function documentNumberClaimStream(agency: string, documentNo: string): string {
  return agencyStream('docnumber', agency, sha256Hex(documentNo));
}

/** Claims of a number: the value is the number, the holder its case; another case's is `document_number_taken`. */
export const documentNumberClaimDecider = claimDecider({
  type: 'DocumentNumberClaimed',
  data: (documentNo, caseId): DocumentNumberClaim => ({ documentNo, caseId }),
  holderOf: (data) => data.caseId,
  refuse: documentNumberTaken,
});
