import type { Actor } from '../domain/actor.js';
import { CLAIM_HOLD_MS, type Claim, type ClaimStanding, type ClaimState } from '../domain/claims.js';
import type { Decider } from '../domain/decider.js';
import { agencyNameClaimDecider, agencyNameClaimStream } from '../domain/registry/agency-name-claims.js';
import { agencyProfileStream, nameKey } from '../domain/registry/agency-profile.js';
import {
  certificateClaimDecider,
  certificateClaimStream,
  certificateKey,
} from '../domain/registry/certificate-claims.js';
import { officerStream } from '../domain/registry/officers.js';
import { documentNumberClaimDecider, documentNumberClaimStream } from '../domain/case/document-number-claims.js';
import { caseStream } from '../domain/case/acts.js';
import type { EventStore } from '../ports/event-store.js';
import type { DocReader } from '../ports/read-models.js';
import { AGENCIES, officerKey, type AgencyDoc, type OfficerDoc } from '../../projections/registry.js';
import { documentNumberHolder } from '../../projections/document-numbers.js';
import { webhookClaimDecider, webhookClaimStream } from '../domain/webhooks/subscription-claims.js';
import { webhookStream } from '../domain/webhooks/subscriptions.js';
import { webhookOf } from '../../projections/webhooks.js';
import { handleCommand, type CommandDependencies } from './command-handler.js';
import { deliveriesOf } from './webhooks/webhook-service.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { registryCodec } from './registry-codec.js';

export interface ClaimsDependencies extends CommandDependencies {
  /** The read models, and how far they have applied the log: whether a holder bears a value is read there. */
  readonly readModels: DocReader;
  readonly runner: ReadConsistency;
  /** Event ids (the service's UUIDv7 generator). */
  readonly newId: () => string;
}

/** What claims of one kind of value need beyond their rules (src/domain/claims.ts). */
export interface ClaimSpec {
  readonly decider: Decider<Claim, { readonly type: string; readonly data: unknown }, ClaimState>;
  /** The value's claim stream, for the claiming actor's agency. */
  stream(agency: string, value: string): string;
  /** The holder's own stream, where whatever it records is appended. */
  holderStream(agency: string, holder: string): string;
  /**
   * Whether the holder bears the value: in the read models as applied (`readModels`), or, where the holder's own
   * stream is short and tells it alone, in that stream as the log has it (`log`), which no replica's lag delays.
   */
  readonly bears:
    | { readonly in: 'readModels'; is(readModels: DocReader, agency: string, holder: string, value: string): boolean }
    | { readonly in: 'log'; is(events: EventStore, agency: string, holder: string, value: string): Promise<boolean> };
}

/**
 * Claims values for their holders where replicas share the log (src/domain/claims.ts): a service claims each value
 * a write gives once the write's rules have passed, before the write is appended (the command handler's
 * `beforeAppend`).
 */
export class Claims {
  constructor(
    private readonly deps: ClaimsDependencies,
    private readonly spec: ClaimSpec,
  ) {}

  /**
   * Claims `value` for `holder` (of the actor's agency), or throws the rule's refusal naming the holder whose claim
   * still holds it. Nothing is recorded when the holder made the last claim already.
   */
  async claim(actor: Actor, holder: string, value: string): Promise<void> {
    const stream = this.spec.stream(actor.agency, value);
    await handleCommand(
      this.deps,
      stream,
      this.spec.decider,
      registryCodec(this.deps.clock, actor),
      async (state: ClaimState): Promise<Claim> => {
        const claim = { type: 'Claim' as const, actor, value, holder };
        if (state.holder === undefined || state.holder === holder) return claim;
        return { ...claim, standing: await this.standing(actor.agency, stream, state.holder, value) };
      },
      // an id of its own for every claim: a holder may claim a value again after another held it
      { eventId: this.deps.newId() },
    );
  }

  /**
   * Whether the last claim on `stream`, made for `holder`, still holds the value: released once the holder recorded
   * anything after it and, with that applied to the read models (or read from its stream, `bears.in` `log`), does not
   * bear the value, or once the claim is older than {@link CLAIM_HOLD_MS} and the holder does not bear the value;
   * held otherwise.
   */
  private async standing(agency: string, stream: string, holder: string, value: string): Promise<ClaimStanding> {
    const { events, clock, readModels, runner } = this.deps;
    const [last] = await events.readStream(stream, { direction: 'backward', limit: 1 });
    if (!last) return 'held';
    const own = this.spec.holderStream(agency, holder);
    const [latest] = await events.readStream(own, { direction: 'backward', limit: 1 });
    const moved = latest !== undefined && latest.position > last.position;
    const lapsed = clock.now().getTime() - Date.parse(last.event.recordedAt) > CLAIM_HOLD_MS;
    if (!moved && !lapsed) return 'held';
    const { bears } = this.spec;
    if (bears.in === 'log') return (await bears.is(events, agency, holder, value)) ? 'held' : 'released';
    // what the holder recorded up to now, applied: does it bear the value?
    await caughtUp(runner, moved ? latest.position : await events.headPosition());
    return bears.is(readModels, agency, holder, value) ? 'held' : 'released';
  }
}

/** A document number (文书号) of an agency: held by the case whose decision bears it. */
export const DOCUMENT_NUMBER_CLAIMS: ClaimSpec = {
  decider: documentNumberClaimDecider,
  stream: documentNumberClaimStream,
  holderStream: caseStream,
  bears: {
    in: 'readModels',
    is: (readModels, agency, caseId, documentNo) => documentNumberHolder(readModels, agency, documentNo) === caseId,
  },
};

/** An agency's name: held by the agency whose profile bears it (as names are compared, {@link nameKey}). */
export const AGENCY_NAME_CLAIMS: ClaimSpec = {
  decider: agencyNameClaimDecider,
  stream: (_agency, name) => agencyNameClaimStream(name),
  holderStream: (_agency, holder) => agencyProfileStream(holder),
  bears: {
    in: 'readModels',
    is: (readModels, _agency, holder, name) => {
      const doc = readModels.get<AgencyDoc>(AGENCIES, holder);
      return doc !== undefined && nameKey(doc.name) === nameKey(name);
    },
  },
};

/**
 * A law-enforcement certificate number (执法证号) of an agency: held by the officer in service listed under it (as
 * numbers are compared, {@link certificateKey}); a retired officer holds theirs no more.
 */
export const CERTIFICATE_CLAIMS: ClaimSpec = {
  decider: certificateClaimDecider,
  stream: certificateClaimStream,
  holderStream: officerStream,
  bears: {
    in: 'readModels',
    is: (readModels, agency, officerId, certificateNo) => {
      const doc = readModels.get<OfficerDoc>('officers', officerKey(agency, officerId));
      return (
        doc !== undefined &&
        doc.status !== 'retired' &&
        certificateKey(doc.certificateNo) === certificateKey(certificateNo)
      );
    },
  },
};

/**
 * What a subscription of an agency delivers ({@link deliveriesOf}): held by the subscription, while not deleted. Its
 * stream is a handful of events and says what it delivers now: read there, a subscription deleted on another replica
 * frees the value at once, however far this replica's read models lag.
 */
export const WEBHOOK_CLAIMS: ClaimSpec = {
  decider: webhookClaimDecider,
  stream: webhookClaimStream,
  holderStream: webhookStream,
  bears: {
    in: 'log',
    is: async (events, agency, webhookId, deliveries) => {
      const webhook = webhookOf(await events.readStream(webhookStream(agency, webhookId)));
      return webhook !== undefined && !webhook.deleted && deliveriesOf(webhook) === deliveries;
    },
  },
};
