import { sha256Hex } from '../../ledger/hash.js';
import type { Actor } from '../actor.js';
import type { Decider } from '../decider.js';
import { agencyStream } from '../streams.js';
import { refuseTakenDocumentNumber } from './decider.js';

/**
 * One document number (文书号), one decision of the agency, across replicas. The rule itself is the decider's
 * (`document_number_taken`, read from the read models); replicas sharing one log read their own read models, so two
 * of them could each find a number free at the same moment. Where replicas share the log, an act that gives a
 * decision a number therefore first claims it: `DocumentNumberClaimed` `{documentNo, caseId}` on the number's own
 * stream, `docnumber-<agency>:<SHA-256 of the number, hex>`, appended at the revision the claimer read, so of two
 * claims made at once one is appended and the other reads it.
 *
 * Unlike an officer key's claim, a number's claim can lapse, since a correction moves a decision to another number
 * and frees the one it bore. The last claim holds the number for its case (`holder`) until the claim is
 * {@link ClaimStanding released}: its case recorded something after the claim and, with that applied, does not
 * bear the number (the act that claimed it was refused, abandoned, or corrected away later), or the claim is older
 * than {@link CLAIM_HOLD_MS} and its case still does not bear it (a claimer that stopped between its claim and its
 * act). Until then another case's claim is `409 document_number_taken` naming the holder, and nothing is recorded.
 * A case's act can only be appended at the revision its command read, before its claim; once anything moved the
 * case after the claim, that act cannot be appended, which is why a moved case's claim may be taken over.
 */
export interface DocumentNumberClaim {
  readonly documentNo: string;
  readonly caseId: string;
}

/** A claim whose case has neither recorded anything since nor borne the number lapses after this long. */
export const CLAIM_HOLD_MS = 10 * 60_000;

/** Whether the last claim still holds the number, as the service found it (the case's stream, the read models). */
export type ClaimStanding = 'held' | 'released';

export interface ClaimDocumentNumber extends DocumentNumberClaim {
  readonly type: 'ClaimDocumentNumber';
  readonly actor: Actor;
  /** Of the last claim, when another case made it: whether it still holds the number. */
  readonly standing?: ClaimStanding;
}

export interface DocumentNumberClaimedEvent {
  readonly type: 'DocumentNumberClaimed';
  readonly data: DocumentNumberClaim;
}

/** The case of the last claim, if any. */
export interface DocumentNumberClaimState {
  readonly holder?: string;
}

/** The stream of an agency's document number: named by the number's SHA-256, as a number may hold any character. */
export function documentNumberClaimStream(agency: string, documentNo: string): string {
  return agencyStream('docnumber', agency, sha256Hex(documentNo));
}

/**
 * The case that made the last claim keeps the number, and claiming it again records nothing (a retry, or a later
 * act of the same case); another case takes it only from a released claim, else `document_number_taken`.
 */
export const documentNumberClaimDecider: Decider<
  ClaimDocumentNumber,
  DocumentNumberClaimedEvent,
  DocumentNumberClaimState
> = {
  initialState: () => ({}),
  decide(command, state) {
    const { documentNo, caseId } = command;
    if (state.holder === caseId) return [];
    if (state.holder !== undefined && command.standing !== 'released') {
      refuseTakenDocumentNumber(documentNo, caseId, state.holder);
    }
    return [{ type: 'DocumentNumberClaimed', data: { documentNo, caseId } }];
  },
  evolve: (_state, event) => ({ holder: event.data.caseId }),
};
