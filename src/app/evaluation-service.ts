import type { ExpectedHead } from './command-handler.js';
import type { Actor } from '../domain/actor.js';
import {
  evaluationDecider,
  evaluationStream,
  type EvaluationEvent,
  type EvaluationScores,
} from '../domain/case/evaluation.js';
import { notFound } from '../domain/errors.js';
import type { Principal } from './auth.js';
import { foundInAgencies, openedInLog, readableAgencies } from './case-reads.js';
import type { CaseService } from './case-service.js';
import { handleCommand, type CommandDependencies, type CommandResult } from './command-handler.js';
import { canonicalEqual } from './idempotency.js';
import { registryCodec } from './registry-codec.js';

/** The evaluating actor a principal is: who signs, and the agencies it supervises besides its own. */
export function evaluatorOf(principal: Principal): Actor & { readonly supervises: readonly string[] } {
  const supervises = readableAgencies(principal).filter((agency) => agency !== principal.agency);
  return { sub: principal.sub, agency: principal.agency, roles: [...principal.roles], supervises };
}

/** Case-file evaluations (案卷评查): a supervisor's scores of a closed case file, as signed events of their own stream. */
export class EvaluationService {
  constructor(
    private readonly deps: CommandDependencies,
    private readonly cases: Pick<CaseService, 'load'>,
  ) {}

  /**
   * Which agency's case `caseId` a supervisor means, looked up in the log among the agencies it may evaluate (its
   * own and those it supervises), or only in `agency` when given, as a read of the case looks it up: `404` when
   * none has it (nothing is recorded: an evaluation that is refused writes nothing), `409 case_ambiguous` when
   * several do.
   */
  async agencyOf(principal: Principal, caseId: string, agency?: string): Promise<string> {
    const scope = readableAgencies(principal).filter((a) => agency === undefined || a === agency);
    const hit = await foundInAgencies(scope, openedInLog(this.deps.events, caseId), `a case ${caseId}`);
    if (!hit) throw notFound(`no case ${caseId}`);
    return hit.agency;
  }

  /**
   * Records the actor's evaluation of `agency`'s case `caseId` (its own agency's, or one it supervises, named in
   * `supervises`): the first, or (with `reason`) an amendment of the one it recorded before. The case is read from
   * its stream (checked as read back) before the rules decide.
   */
  evaluate(
    target: { readonly agency: string; readonly caseId: string },
    actor: Actor & { readonly supervises: readonly string[] },
    input: { readonly scores: EvaluationScores; readonly reason?: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const { agency, caseId } = target;
    const { supervises, ...signer } = actor;
    const codec = registryCodec<EvaluationEvent>(this.deps.clock, signer);
    return handleCommand(
      this.deps,
      evaluationStream(agency, caseId),
      evaluationDecider,
      codec,
      async () => {
        const loaded = await this.cases.load(agency, caseId);
        const state = loaded?.state;
        return {
          type: 'EvaluateCaseFile' as const,
          actor: signer,
          supervises,
          scores: input.scores,
          ...(input.reason ? { reason: input.reason } : {}),
          case: state && {
            caseId,
            agency: state.agency ?? agency,
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
