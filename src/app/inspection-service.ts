import type { ExpectedHead } from './command-handler.js';
import type { Actor } from '../domain/actor.js';
import { caseStream } from '../domain/case/acts.js';
import { drawCandidates } from '../domain/inspections/candidates.js';
import {
  planDecider,
  planStream,
  type EntryStanding,
  type OutcomeRecord,
  type PlanCommand,
  type PlanEvent,
  type PlanProfile,
  type PlanState,
} from '../domain/inspections/plans.js';
import {
  subjectDecider,
  subjectStream,
  type SubjectCommand,
  type SubjectEvent,
  type SubjectProfile,
} from '../domain/inspections/subjects.js';
import type { DrawnTarget } from '../ledger/draw.js';
import { handleCommand, type CommandDependencies, type CommandResult } from './command-handler.js';
import { registriesAt, type RegistriesAtDependencies } from './registries-at.js';
import type { RegistryReader } from './registry-reader.js';
import { recording, registryCodec } from './registry-codec.js';
import type { TransparencyLog } from './transparency-log.js';

export interface InspectionServiceDependencies extends CommandDependencies {
  readonly leafIndex: RegistriesAtDependencies['leafIndex'];
  readonly registry: Pick<RegistryReader, 'officer' | 'inspectionEntry' | 'subject'>;
  /** The log's signed checkpoint covering every acknowledged event, and its roots at earlier sizes. */
  readonly log: Pick<TransparencyLog, 'current' | 'rootAt'>;
}

/**
 * "Double random, one public" (双随机、一公开): the directory of regulated subjects, officers' conflicts of interest,
 * inspection plans, their draws (docs/inspections.md) and the outcomes of the inspections.
 */
export class InspectionService {
  constructor(private readonly deps: InspectionServiceDependencies) {}

  registerSubject(
    actor: Actor,
    profile: SubjectProfile,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const command: SubjectCommand = { type: 'RegisterSubject', actor, profile };
    const write = { eventId, expectedRevision };
    return this.#subject(actor.agency, profile.subjectId, command, write, recording('SubjectRegistered', profile));
  }

  /**
   * Changes a subject's name, kind, sector or tags, with the reason: plans drawn later see the subject as changed;
   * a draw already recorded keeps the candidates of its own tree size.
   */
  amendSubject(
    actor: Actor,
    subjectId: string,
    body: { changes: Extract<SubjectCommand, { type: 'AmendSubject' }>['changes']; reason: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const command: SubjectCommand = { type: 'AmendSubject', actor, changes: body.changes, reason: body.reason };
    const write = { eventId, expectedRevision };
    return this.#subject(actor.agency, subjectId, command, write, recording('SubjectAmended', body));
  }

  /** Takes a subject off the directory, with the reason: no draw at a later tree size has it as a candidate. */
  retireSubject(
    actor: Actor,
    subjectId: string,
    body: { reason: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const command: SubjectCommand = { type: 'RetireSubject', actor, reason: body.reason };
    const write = { eventId, expectedRevision };
    return this.#subject(actor.agency, subjectId, command, write, recording('SubjectRetired', body));
  }

  /** A conflict of interest between an officer of the actor's agency and one of its subjects. */
  async declareConflict(
    actor: Actor,
    subjectId: string,
    body: { officerId: string; reason: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const officer = await this.deps.registry.officer(actor.agency, body.officerId);
    const command: SubjectCommand = { type: 'DeclareConflict', actor, ...body, officer };
    const write = { eventId, expectedRevision };
    return this.#subject(actor.agency, subjectId, command, write, recording('ConflictDeclared', body));
  }

  /**
   * Ends a declared conflict of interest, with the reason (the agency head only): draws at a later tree size may
   * send that officer to the subject again.
   */
  async withdrawConflict(
    actor: Actor,
    subjectId: string,
    officerId: string,
    body: { reason: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const officer = await this.deps.registry.officer(actor.agency, officerId);
    const command: SubjectCommand = { type: 'WithdrawConflict', actor, officerId, reason: body.reason, officer };
    const write = { eventId, expectedRevision };
    const recorded = { officerId, reason: body.reason };
    return this.#subject(actor.agency, subjectId, command, write, recording('ConflictWithdrawn', recorded));
  }

  /** A plan, with the log's tree size now: the size its draw waits for must be beyond it. */
  async plan(
    actor: Actor,
    profile: PlanProfile,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const { size } = await this.deps.log.current();
    const listed = await this.deps.registry.inspectionEntry(actor.agency, profile.entryId);
    const entry: EntryStanding = !listed.exists ? 'unknown' : listed.withdrawn ? 'retired' : 'current';
    const command: PlanCommand = {
      type: 'PlanInspection',
      actor,
      profile,
      treeSize: size,
      entry,
      ...(entry === 'current' ? { entryVersion: listed.version } : {}),
    };
    const sameRequest = (recorded: Parameters<ReturnType<typeof recording>>[0]) =>
      recorded.length === 1 && recorded[0]!.type === 'InspectionPlanned';
    return this.#plan(actor, profile.planId, command, { eventId, expectedRevision, sameRequest });
  }

  /**
   * The draw, once the log has reached the plan's tree size: a signed checkpoint covering it, the root at that
   * size, and the candidates the registries held then; a draw given by the caller is recorded only when it is
   * this one.
   */
  draw(
    actor: Actor,
    planId: string,
    claimed: { seed?: string; targets?: DrawnTarget[] },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const command = async (state: PlanState): Promise<PlanCommand> => {
      const checkpoint = await this.deps.log.current();
      const base = {
        type: 'RecordDraw' as const,
        actor,
        claimed,
        checkpointSize: checkpoint.size,
        treeSize: checkpoint.size,
      };
      const plan = state.plan;
      if (!plan || checkpoint.size < plan.drawAtSize) {
        return {
          ...base,
          rootHash: new Uint8Array(32),
          inputs: { subjects: [], officers: [], conflicts: [] },
        } as const;
      }
      const rootHash = this.deps.log.rootAt(plan.drawAtSize)!;
      const { subjects, officers } = await registriesAt(this.deps, plan.agency, plan.drawAtSize);
      return { ...base, rootHash, inputs: drawCandidates(plan, subjects, officers) } as const;
    };
    const sameRequest = (recorded: Parameters<ReturnType<typeof recording>>[0]) =>
      recorded.at(-1)?.type === 'InspectionDrawn'; // after the parts of its inputs, when they were too many
    return this.#plan(actor, planId, command, { eventId, expectedRevision, sameRequest });
  }

  async outcome(
    actor: Actor,
    planId: string,
    record: OutcomeRecord,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const recordedAt = this.deps.clock.now().toISOString();
    const agency = actor.agency;
    const [subject, officer, caseEvents] = await Promise.all([
      this.deps.registry.subject(agency, record.subjectId),
      this.deps.registry.officer(agency, actor.sub),
      record.caseId === undefined
        ? undefined
        : this.deps.events.readStream(caseStream(agency, record.caseId), { limit: 1 }),
    ]);
    const facts = {
      conflicted: subject.conflicts.includes(actor.sub),
      recorderActive: officer.exists && officer.status === 'active',
      ...(caseEvents === undefined ? {} : { caseKnown: caseEvents.length > 0 }),
    };
    const command: PlanCommand = { type: 'RecordOutcome', actor, ...record, recordedAt, facts };
    return this.#plan(actor, planId, command, {
      eventId,
      expectedRevision,
      sameRequest: recording('InspectionOutcomeRecorded', record),
    });
  }

  #subject(
    agency: string,
    subjectId: string,
    command: SubjectCommand,
    write: { readonly eventId: string; readonly expectedRevision?: ExpectedHead | undefined },
    sameRequest: ReturnType<typeof recording>,
  ): Promise<CommandResult> {
    const codec = registryCodec<SubjectEvent>(this.deps.clock, command.actor);
    return handleCommand(this.deps, subjectStream(agency, subjectId), subjectDecider, codec, command, {
      ...write,
      sameRequest,
    });
  }

  #plan(
    actor: Actor,
    planId: string,
    command: PlanCommand | ((state: PlanState) => Promise<PlanCommand>),
    options: {
      readonly eventId: string;
      readonly expectedRevision?: ExpectedHead | undefined;
      readonly sameRequest: ReturnType<typeof recording>;
    },
  ): Promise<CommandResult> {
    const codec = registryCodec<PlanEvent>(this.deps.clock, actor);
    return handleCommand(this.deps, planStream(actor.agency, planId), planDecider, codec, command, options);
  }
}
