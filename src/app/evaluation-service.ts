import type { ExpectedHead } from './command-handler.js';
import type { Actor } from '../domain/actor.js';
import {
  evaluationDecider,
  evaluationStream,
  type EvaluationEvent,
  type EvaluationScores,
} from '../domain/case/evaluation.js';
import type { CaseService } from './case-service.js';
import { handleCommand, type CommandDependencies, type CommandResult } from './command-handler.js';
import { canonicalEqual } from './idempotency.js';
import { registryCodec } from './registry-codec.js';

/** Case-file evaluations (案卷评查): a supervisor's scores of a closed case file, as signed events of their own stream. */
export class EvaluationService {
  constructor(
    private readonly deps: CommandDependencies,
    private readonly cases: Pick<CaseService, 'load'>,
  ) {}

  /**
   * Records the actor's evaluation of case `caseId` of its own agency: the first, or (with `reason`) an amendment
   * of the one it recorded before. The case is read from its stream (checked as read back) before the rules decide.
   */
  evaluate(
    caseId: string,
    actor: Actor,
    input: { readonly scores: EvaluationScores; readonly reason?: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const codec = registryCodec<EvaluationEvent>(this.deps.clock, actor);
    return handleCommand(
      this.deps,
      evaluationStream(actor.agency, caseId),
      evaluationDecider,
      codec,
      async () => {
        const loaded = await this.cases.load(actor.agency, caseId);
        const state = loaded?.state;
        return {
          type: 'EvaluateCaseFile' as const,
          actor,
          scores: input.scores,
          ...(input.reason ? { reason: input.reason } : {}),
          case: state && {
            caseId,
            agency: state.agency ?? actor.agency,
            status: state.status,
            itemCode: state.itemCode ?? '',
            officers: state.officers,
            handlers: state.handlers,
            ...(state.closedOn ? { closedOn: state.closedOn } : {}),
          },
        };
      },
      {
        eventId,
        expectedRevision,
        sameRequest: (recorded) =>
          recorded.length === 1 &&
          canonicalEqual((recorded[0]!.data as { scores: unknown }).scores, input.scores) &&
          (recorded[0]!.data as { reason?: string }).reason === input.reason,
      },
    );
  }
}
