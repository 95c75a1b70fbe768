import type { Actor } from '../domain/actor.js';
import {
  CLAIM_HOLD_MS,
  documentNumberClaimDecider,
  documentNumberClaimStream,
  type ClaimStanding,
  type DocumentNumberClaimedEvent,
  type DocumentNumberClaimState,
} from '../domain/case/document-number-claims.js';
import { caseStream } from '../domain/case/acts.js';
import type { DocReader } from '../ports/read-models.js';
import { documentNumberHolder } from '../../projections/document-numbers.js';
import { handleCommand, type CommandDependencies } from './command-handler.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { registryCodec } from './registry-codec.js';

export interface DocumentNumberClaimsDependencies extends CommandDependencies {
  /** The read models, and how far they have applied the log: whether a case bears a number is read there. */
  readonly readModels: DocReader;
  readonly runner: ReadConsistency;
  /** Event ids (the service's UUIDv7 generator). */
  readonly newId: () => string;
}

/**
 * Claims document numbers for the cases whose acts give them (src/domain/case/document-number-claims.ts), where
 * replicas share the log: the case service claims each number an act gives once its rules have passed, before the
 * act is appended.
 */
export class DocumentNumberClaims {
  constructor(private readonly deps: DocumentNumberClaimsDependencies) {}

  /**
   * Claims `documentNo` of the actor's agency for case `caseId`, or throws `409 document_number_taken` naming the
   * case whose claim still holds it. Nothing is recorded when the case holds the last claim already.
   */
  async claim(actor: Actor, caseId: string, documentNo: string): Promise<void> {
    const stream = documentNumberClaimStream(actor.agency, documentNo);
    await handleCommand(
      this.deps,
      stream,
      documentNumberClaimDecider,
      registryCodec<DocumentNumberClaimedEvent>(this.deps.clock, actor),
      async (state: DocumentNumberClaimState) => {
        const claim = { type: 'ClaimDocumentNumber' as const, actor, caseId, documentNo };
        if (state.holder === undefined || state.holder === caseId) return claim;
        return { ...claim, standing: await this.standing(actor.agency, stream, state.holder, documentNo) };
      },
      // an id of its own for every claim: a case may claim a number again after another case held it
      { eventId: this.deps.newId() },
    );
  }

  /**
   * Whether the last claim on `stream`, made for case `holder`, still holds the number: released once the case
   * recorded anything after it and, that applied to the read models, does not bear the number, or once it is older
   * than {@link CLAIM_HOLD_MS} and the case does not bear the number; held otherwise.
   */
  private async standing(agency: string, stream: string, holder: string, documentNo: string): Promise<ClaimStanding> {
    const { events, clock, readModels, runner } = this.deps;
    const [last] = await events.readStream(stream, { direction: 'backward', limit: 1 });
    if (!last) return 'held';
    const [latest] = await events.readStream(caseStream(agency, holder), { direction: 'backward', limit: 1 });
    const moved = latest !== undefined && latest.position > last.position;
    const lapsed = clock.now().getTime() - Date.parse(last.event.recordedAt) > CLAIM_HOLD_MS;
    if (!moved && !lapsed) return 'held';
    // what the case recorded up to now, applied: does its decision bear the number?
    await caughtUp(runner, moved ? latest.position : await events.headPosition());
    return documentNumberHolder(readModels, agency, documentNo) === holder ? 'held' : 'released';
  }
}
