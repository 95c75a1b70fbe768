import { applicationStream } from '../domain/application/application.js';
import { caseStream } from '../domain/case/acts.js';
import { parseAgencyStream } from '../domain/streams.js';
import { erasureDecider, type CaseStreamEvent, type ErasureData } from '../domain/case/erasure.js';
import { RuleViolation } from '../domain/errors.js';
import type { Actor } from '../domain/actor.js';
import type { DataKeyStore } from '../ports/data-keys.js';
import { handleCommand, type CommandDependencies, type CommandResult, type EventCodec } from './command-handler.js';

const erasureCodec: EventCodec<CaseStreamEvent> = {
  toDraft: (event, id) => {
    const erased = event as Extract<CaseStreamEvent, { type: 'CaseDataErased' }>;
    return {
      id,
      type: erased.type,
      schemaVersion: 1,
      occurredAt: erased.occurredAt,
      actor: erased.actor,
      data: { ...erased.data },
      media: [],
    };
  },
  fromEnvelope: (envelope) => ({ type: envelope.type }),
};

export interface ErasureServiceDependencies extends CommandDependencies {
  readonly dataKeys: DataKeyStore;
}

/**
 * Erases a case's personal data (docs/privacy.md): once the key store says it can destroy keys, first the signed `CaseDataErased` event naming the legal
 * ground is appended, so an erasure is never silent; then the case's data key is destroyed. A crash between the two
 * leaves the key: erasing again (the same request, or `ledger erase` once more) destroys it and answers
 * `409 case_erased`.
 */
export class ErasureService {
  constructor(private readonly deps: ErasureServiceDependencies) {}

  async erase(caseId: string, actor: Actor, body: ErasureData, options: { eventId: string }): Promise<CommandResult> {
    const stream = caseStream(actor.agency, caseId);
    const occurredAt = this.deps.clock.now().toISOString();
    // a key store that could not destroy the key refuses here, before an erasure is recorded that would not happen
    await this.deps.dataKeys.checkErasable?.();
    let result: CommandResult;
    try {
      // never the case service's state cache: the erasure decider folds the stream into a state of its own
      const { events, signer, clock, locks } = this.deps;
      result = await handleCommand(
        { events, signer, clock, ...(locks ? { locks } : {}) },
        stream,
        erasureDecider,
        erasureCodec,
        { actor, occurredAt, ground: body.ground, reason: body.reason },
        options,
      );
    } catch (err) {
      if (err instanceof RuleViolation && err.code === 'case_erased') await this.destroyKeys(stream, occurredAt);
      throw err;
    }
    await this.destroyKeys(stream, occurredAt);
    return result;
  }

  /**
   * Destroys the case's key and, for a case opened from an online application, the application's key too: the
   * applicant's fields sealed in `ApplicationFiled` are the same personal data as the case's party.
   */
  private async destroyKeys(stream: string, at: string): Promise<void> {
    await this.deps.dataKeys.destroy(stream, at);
    const [first] = await this.deps.events.readStream(stream, { limit: 1 });
    const opened = first?.event.type === 'CaseOpened' ? (first.event.data as { application?: unknown }) : undefined;
    const parsed = parseAgencyStream(stream);
    if (typeof opened?.application === 'string' && parsed)
      await this.deps.dataKeys.destroy(applicationStream(parsed.agency, opened.application), at);
  }
}
