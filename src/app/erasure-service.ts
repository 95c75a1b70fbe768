import type { ExpectedHead } from './command-handler.js';
import {
  applicationDecider,
  applicationStream,
  type ApplicationCommand,
  type ApplicationEvent,
} from '../domain/application/application.js';
import { caseStream } from '../domain/case/acts.js';
import { parseAgencyStream } from '../domain/streams.js';
import { erasureDecider, type CaseStreamEvent, type ErasureData } from '../domain/case/erasure.js';
import { RuleViolation } from '../domain/errors.js';
import type { Actor } from '../domain/actor.js';
import type { DataKeyStore } from '../ports/data-keys.js';
import { handleCommand, type CommandDependencies, type CommandResult, type EventCodec } from './command-handler.js';
import { canonicalEqual } from './idempotency.js';
import { registryCodec } from './registry-codec.js';
import { caseOpenedFrom } from './application-service.js';

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
 * Erases personal data (docs/privacy.md): a case's (its parties'), or an applicant's of an online application that
 * opened no case. First the key store is asked whether it can destroy every key the erasure names, so that nothing
 * is signed that it would then refuse; then the signed event naming the legal ground (`CaseDataErased`,
 * `ApplicationDataErased`) is appended, so an erasure is never silent; then the keys are destroyed. A crash between
 * the two leaves the keys: erasing again (the same request, or `ledger erase` once more) destroys them and answers
 * `409 case_erased` (`application_erased`).
 */
/** The event id of an erasure and, from `If-Match`, the stream revision the admin last saw (another is a conflict). */
export interface ErasureWrite {
  readonly eventId: string;
  readonly expectedRevision?: ExpectedHead | undefined;
}

/**
 * Whether what a write under an Idempotency-Key recorded is this erasure (`type`, on the same ground and for the
 * same reason): only then is a request sent again a retry. Anything else recorded under the key (an act of the
 * admin's on the case, an erasure for another reason) makes it `422 idempotency_key_reused`, and no key is
 * destroyed: an erasure is never without its event.
 */
function sameErasure(type: string, { ground, reason }: ErasureData) {
  return (recorded: readonly { readonly type: string; readonly data: Record<string, unknown> }[]): boolean =>
    recorded.length === 1 && recorded[0]!.type === type && canonicalEqual(recorded[0]!.data, { ground, reason });
}

export class ErasureService {
  constructor(private readonly deps: ErasureServiceDependencies) {}

  async erase(caseId: string, actor: Actor, body: ErasureData, options: ErasureWrite): Promise<CommandResult> {
    const stream = caseStream(actor.agency, caseId);
    const occurredAt = this.deps.clock.now().toISOString();
    const scopes = await this.caseScopes(stream);
    await this.deps.dataKeys.checkErasable(scopes);
    // never the case service's state cache: the erasure decider folds the stream into a state of its own
    const command = { actor, occurredAt, ground: body.ground, reason: body.reason };
    const write = { ...options, sameRequest: sameErasure('CaseDataErased', body) };
    return this.recordThenDestroy(scopes, occurredAt, 'case_erased', () =>
      handleCommand(this.commandDeps(), stream, erasureDecider, erasureCodec, command, write),
    );
  }

  /**
   * Erases the applicant of application `applicationId` of the admin's agency: refused (`application_became_case`)
   * when the application opened a case, whose erasure covers it.
   */
  async eraseApplication(
    applicationId: string,
    actor: Actor,
    body: ErasureData,
    options: ErasureWrite,
  ): Promise<CommandResult> {
    const stream = applicationStream(actor.agency, applicationId);
    const occurredAt = this.deps.clock.now().toISOString();
    await this.deps.dataKeys.checkErasable([stream]);
    const command: ApplicationCommand = {
      type: 'EraseApplication',
      actor,
      // opened, even if the acceptance is not recorded
      caseOpened: await caseOpenedFrom(this.deps.events, actor.agency, applicationId),
      ground: body.ground,
      reason: body.reason,
    };
    const codec = registryCodec<ApplicationEvent>(this.deps.clock, actor);
    const write = { ...options, sameRequest: sameErasure('ApplicationDataErased', body) };
    return this.recordThenDestroy([stream], occurredAt, 'application_erased', () =>
      handleCommand(this.commandDeps(), stream, applicationDecider, codec, command, write),
    );
  }

  private commandDeps(): CommandDependencies {
    const { events, signer, clock, locks } = this.deps;
    return { events, signer, clock, ...(locks ? { locks } : {}) };
  }

  /** Records the erasure, then destroys the keys; an erasure recorded before (`erasedCode`) destroys them too. */
  private async recordThenDestroy(
    scopes: readonly string[],
    at: string,
    erasedCode: string,
    record: () => Promise<CommandResult>,
  ): Promise<CommandResult> {
    let result: CommandResult;
    try {
      result = await record();
    } catch (err) {
      if (err instanceof RuleViolation && err.code === erasedCode) await this.destroy(scopes, at);
      throw err;
    }
    await this.destroy(scopes, at);
    return result;
  }

  private async destroy(scopes: readonly string[], at: string): Promise<void> {
    for (const scope of scopes) await this.deps.dataKeys.destroy(scope, at);
  }

  /**
   * The keys a case's erasure destroys: the case's and, for a case opened from an online application, the
   * application's too: the applicant's fields sealed in `ApplicationFiled` are the same personal data as the
   * case's party.
   */
  private async caseScopes(stream: string): Promise<string[]> {
    const [first] = await this.deps.events.readStream(stream, { limit: 1 });
    const opened = first?.event.type === 'CaseOpened' ? (first.event.data as { application?: unknown }) : undefined;
    const parsed = parseAgencyStream(stream);
    return typeof opened?.application === 'string' && parsed
      ? [stream, applicationStream(parsed.agency, opened.application)]
      : [stream];
  }
}
