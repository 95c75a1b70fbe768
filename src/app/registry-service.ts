import type { ExpectedHead } from './command-handler.js';
import type { Actor } from '../domain/actor.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import {
  itemDecider,
  itemStream,
  type ItemCommand,
  type ItemEvent,
  type ItemProfile,
} from '../domain/registry/items.js';
import {
  officerDecider,
  officerStream,
  type OfficerCommand,
  type OfficerEvent,
  type OfficerProfile,
  type OfficerState,
} from '../domain/registry/officers.js';
import {
  benchmarkDecider,
  benchmarkStream,
  type BenchmarkProfile,
  type BenchmarkSet,
} from '../domain/registry/benchmarks.js';
import { REVIEW_WORKING_DAYS } from '../domain/case/review-limits.js';
import { publicationDeadline } from '../domain/statistics.js';
import {
  statisticsPublicationDecider,
  statisticsPublicationStream,
  type StatisticsPublicationEvent,
} from '../domain/registry/statistics-publication.js';
import {
  reviewSettingsDecider,
  reviewSettingsStream,
  type ReviewSettingsEvent,
} from '../domain/registry/review-settings.js';
import {
  handleCommand,
  recordedEvent,
  type CommandDependencies,
  type CommandOptions,
  type CommandResult,
} from './command-handler.js';
import { recording, registryCodec } from './registry-codec.js';
import { StreamLocks } from './stream-locks.js';
import { caughtUp, type ReadConsistency } from './read-consistency.js';
import { readAll } from './read-pages.js';
import type { Claims } from './claims.js';
import type { ReadModelStore } from '../ports/read-models.js';
import type { OfficerDoc } from '../../projections/registry.js';
import { certificateKey } from '../domain/registry/certificate-claims.js';
import { RegistryReader } from './registry-reader.js';
import { canonicalEqual, namedEventId } from './idempotency.js';
import { officerKeyOf, type OfficerKeyRequest } from './officer-key-material.js';
import {
  officerKeyClaimDecider,
  officerKeyClaimStream,
  type OfficerKeyClaimEvent,
  type OfficerKeyClaimState,
  type RecordOfficerKeyRevocationCommand,
} from '../domain/registry/officer-key-claims.js';
import { parseAgencyStream } from '../domain/streams.js';
import type { OfficerKey } from '../domain/registry/officer-keys.js';

/** A change of an officer's record, as `POST /v1/officers/{officerId}/amendments` asks it. */
export interface OfficerAmendment {
  readonly changes: Extract<OfficerCommand, { type: 'AmendOfficer' }>['changes'];
  readonly reason: string;
}

/** A change of an enforcement item, as `POST /v1/items/{code}/amendments` asks it. */
export interface ItemAmendment {
  readonly changes: Extract<ItemCommand, { type: 'AmendItem' }>['changes'];
  readonly reason: string;
}

/** A change of an officer's status, as its route names it (`POST /v1/officers/{officerId}/suspension`, …). */
export type OfficerStatusChange = 'suspension' | 'reinstatement' | 'retirement';

const STATUS_CHANGES = {
  suspension: { command: 'SuspendOfficer', event: 'OfficerSuspended' },
  reinstatement: { command: 'ReinstateOfficer', event: 'OfficerReinstated' },
  retirement: { command: 'RetireOfficer', event: 'OfficerRetired' },
} as const;

/** The officer and enforcement-item registries (事前公开: the officer list and the item list). */
export interface RegistryServiceDependencies extends CommandDependencies {
  /**
   * Where whether another officer of the agency in service holds a certificate number is read, once the read models
   * have applied the whole log (`503 not_caught_up` when they do not within the read wait). Without it, the
   * rule is not checked (tools that write a registry without read models).
   */
  readonly certificates?: { readonly readModels: Pick<ReadModelStore, 'query'>; readonly runner: ReadConsistency };
  /**
   * Replicas sharing the log claim a certificate number in it before a registration or an amendment gives it
   * (src/app/claims.ts, `CERTIFICATE_CLAIMS`). Without it, the rule holds within this process.
   */
  readonly certificateClaims?: Pick<Claims, 'claim'>;
}

export class RegistryService {
  private readonly reader: RegistryReader;
  /** An agency's registrations and certificate changes, one at a time on this replica (each reads the last). */
  readonly #certificateTurns = new StreamLocks();

  constructor(private readonly deps: RegistryServiceDependencies) {
    this.reader = new RegistryReader(deps.events);
  }

  /**
   * Sets a version of an item's discretion benchmark (裁量基准) in the actor's own agency: the item is read from
   * its stream first, and a benchmark of an item not on the list (or retired) is refused.
   */
  setBenchmark(
    actor: Actor,
    profile: BenchmarkProfile,
    reason: string | undefined,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ) {
    const codec = registryCodec<BenchmarkSet>(this.deps.clock, actor);
    const asked = { ...profile, ...(reason ? { reason } : {}) };
    return handleCommand(
      this.deps,
      benchmarkStream(actor.agency, profile.itemCode),
      benchmarkDecider,
      codec,
      async () => ({
        type: 'SetBenchmark' as const,
        actor,
        profile,
        ...(reason ? { reason } : {}),
        item: profile.agency === actor.agency ? await this.reader.item(actor.agency, profile.itemCode) : undefined,
      }),
      {
        eventId,
        expectedRevision,
        sameRequest: (recorded) => {
          if (recorded.length !== 1) return false;
          const { version: _version, ...data } = recorded[0]!.data as Record<string, unknown>;
          return canonicalEqual(data, asked);
        },
      },
    );
  }

  /**
   * Records that the actor's agency published its statistics of `year` (每年1月20日前公开), on a day by `today` (the
   * agency's): a signed `StatisticsPublished`, once per year.
   */
  recordStatisticsPublication(
    actor: Actor,
    body: { agency: string; year: number; publishedOn: string; url?: string; today: string },
    eventId: string,
  ): Promise<CommandResult> {
    const codec = registryCodec<StatisticsPublicationEvent>(this.deps.clock, actor);
    const command = { type: 'RecordStatisticsPublication' as const, actor, ...body };
    const { year, publishedOn, url } = body;
    const data = { year, publishedOn, ...(url === undefined ? {} : { url }) };
    return handleCommand(
      this.deps,
      statisticsPublicationStream(actor.agency, year),
      statisticsPublicationDecider,
      codec,
      command,
      { eventId, sameRequest: recording('StatisticsPublished', data) },
    );
  }

  /** Whether and when an agency recorded publishing its statistics of `year`: read from its signed stream. */
  async statisticsPublication(agency: string, year: number) {
    const [recorded] = await this.deps.events.readStream(statisticsPublicationStream(agency, year));
    const data = recorded?.event.data as StatisticsPublicationEvent['data'] | undefined;
    return {
      agency,
      year,
      deadline: publicationDeadline(year),
      ...(data && recorded
        ? {
            publishedOn: data.publishedOn,
            ...(data.url === undefined ? {} : { url: data.url }),
            eventId: recorded.event.id,
            recordedAt: recorded.event.recordedAt,
          }
        : {}),
    };
  }

  /** Sets the review time limit of the actor's agency (审核时限): a signed `ReviewSettingsSet`. */
  setReviewSettings(
    actor: Actor,
    body: { agency: string; reviewWorkingDays: number; reason: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const codec = registryCodec<ReviewSettingsEvent>(this.deps.clock, actor);
    const command = { type: 'SetReviewSettings' as const, actor, ...body };
    const data = { reviewWorkingDays: body.reviewWorkingDays, reason: body.reason };
    return handleCommand(this.deps, reviewSettingsStream(actor.agency), reviewSettingsDecider, codec, command, {
      eventId,
      expectedRevision,
      sameRequest: recording('ReviewSettingsSet', data),
    });
  }

  /**
   * An agency's review time limit as it stands (its own, or `REVIEW_WORKING_DAYS` until it sets one), with every
   * version set, oldest first: read from its signed stream.
   */
  async reviewSettings(agency: string) {
    const recorded = await this.deps.events.readStream(reviewSettingsStream(agency));
    const history = recorded.map(({ event }, i) => {
      const data = event.data as ReviewSettingsEvent['data'];
      const at = { recordedAt: event.recordedAt, eventId: event.id, hash: event.hash };
      return { version: i + 1, reviewWorkingDays: data.reviewWorkingDays, reason: data.reason, ...at };
    });
    const current = history.at(-1);
    return {
      agency,
      version: history.length,
      reviewWorkingDays: current?.reviewWorkingDays ?? REVIEW_WORKING_DAYS,
      source: current ? ('agency' as const) : ('default' as const),
      history,
    };
  }

  /** Registers an officer in the actor's own agency (the rules refuse a profile of another agency). */
  registerOfficer(
    actor: Actor,
    profile: OfficerProfile,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    return this.#certifying(actor, profile.officerId, profile.certificateNo, (held, claim) =>
      this.officerCommand(
        actor.agency,
        profile.officerId,
        { type: 'RegisterOfficer', actor, profile, ...held },
        { eventId, expectedRevision, sameRequest: recording('OfficerRegistered', profile), ...claim },
      ),
    );
  }

  /**
   * Amends an officer of the actor's agency (a renewed certificate, roles, legal qualification, training, counsel
   * role): one signed `OfficerAmended` naming the changed members and why.
   */
  amendOfficer(
    actor: Actor,
    officerId: string,
    body: OfficerAmendment,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    return this.#certifying(actor, officerId, body.changes.certificateNo, (held, claim) =>
      this.officerCommand(
        actor.agency,
        officerId,
        { type: 'AmendOfficer', actor, changes: body.changes, reason: body.reason, ...held },
        { eventId, expectedRevision, sameRequest: recording('OfficerAmended', body), ...claim },
      ),
    );
  }

  /**
   * Runs a write that lists `officerId` under `certificateNo` (when it does) with what it needs to keep one
   * certificate to one officer of the agency in service: the other officer the read models, having applied the whole
   * log, list under that number (as numbers are compared, `certificateKey`), for the rules to refuse, and the claim
   * of the number to make before the write is appended, where replicas share the log. An agency's such writes take
   * turns on this replica, so that each reads the one before.
   */
  #certifying(
    actor: Actor,
    officerId: string,
    certificateNo: string | undefined,
    write: (
      held: { certificateHeldBy?: string },
      claim: Pick<CommandOptions, 'beforeAppend'>,
    ) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    const { certificates, certificateClaims } = this.deps;
    if (certificateNo === undefined || !certificates) return write({}, {});
    return this.#certificateTurns.run(`certificates ${actor.agency}`, async () => {
      await caughtUp(certificates.runner, await this.deps.events.headPosition());
      const key = certificateKey(certificateNo);
      const holder = readAll<OfficerDoc>(certificates.readModels, 'officers', { where: { agency: actor.agency } }).find(
        (o) => o.officerId !== officerId && o.status !== 'retired' && certificateKey(o.certificateNo) === key,
      );
      return write(
        holder ? { certificateHeldBy: holder.officerId } : {},
        certificateClaims ? { beforeAppend: () => certificateClaims.claim(actor, officerId, certificateNo) } : {},
      );
    });
  }

  /**
   * Suspends, reinstates or retires an officer of the actor's agency (暂停、恢复执法资格，离岗): one signed
   * `OfficerSuspended`, `OfficerReinstated` or `OfficerRetired` with its reason. A suspended or retired officer is
   * named in no act and records none (their certificate counts as not valid), and signs none with their own key.
   */
  changeOfficerStatus(
    actor: Actor,
    officerId: string,
    change: OfficerStatusChange,
    body: { readonly reason: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const { command, event } = STATUS_CHANGES[change];
    return this.officerCommand(
      actor.agency,
      officerId,
      { type: command, actor, reason: body.reason },
      { eventId, expectedRevision, sameRequest: recording(event, { reason: body.reason }) },
    );
  }

  /**
   * Registers an officer's own signing key (`OfficerKeyRegistered`): the key is checked and its id computed here
   * (`officerKeyOf`). A key is held by one officer of the agency: once the registration's own rules allow it, the
   * key is claimed for the officer (`claimKey`), and a key claimed or registered for another officer is refused
   * (`officer_key_taken`) with nothing recorded.
   */
  async registerOfficerKey(
    actor: Actor,
    officerId: string,
    request: OfficerKeyRequest,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult & { keyId: string }> {
    const key = officerKeyOf(request);
    const registration = { type: 'RegisterOfficerKey' as const, actor, key };
    const command = async (state: OfficerState) => {
      // the registration's own refusals (no such officer, retired, the key held already, its validity) come first:
      // a key is claimed only for a registration the officer's stream allows as it stands
      officerDecider.decide(registration, state);
      await this.claimKey(actor, officerId, key.keyId);
      return registration;
    };
    const result = await handleCommand(
      this.deps,
      officerStream(actor.agency, officerId),
      officerDecider,
      registryCodec<OfficerEvent>(this.deps.clock, actor),
      command,
      { eventId, expectedRevision, sameRequest: recording('OfficerKeyRegistered', key) },
    );
    return { ...result, keyId: key.keyId };
  }

  /**
   * Claims `keyId` for the officer (`OfficerKeyClaimed`, appended only where the key's claim stream does not exist
   * yet): a claim for the same officer is there already after a registration that did not follow its claim, or a
   * retry, and records nothing; a claim, or a registration recorded before registrations were claimed, for another
   * officer is `officer_key_taken`. The claim's event id is named by the agency, key and officer, so that two
   * replicas claiming one key for one officer record one claim.
   */
  private async claimKey(actor: Actor, officerId: string, keyId: string): Promise<void> {
    const stream = officerKeyClaimStream(actor.agency, keyId);
    const command = async (state: OfficerKeyClaimState) => {
      const claim = { type: 'ClaimOfficerKey' as const, actor, keyId, officerId };
      if (state.officerId !== undefined) return claim;
      const registeredTo = await this.keyHolder(actor.agency, keyId, officerId);
      return registeredTo === undefined ? claim : { ...claim, registeredTo };
    };
    await handleCommand(
      this.deps,
      stream,
      officerKeyClaimDecider,
      registryCodec<OfficerKeyClaimEvent>(this.deps.clock, actor),
      command,
      { eventId: namedEventId(['officer-key-claim', actor.agency, keyId, officerId]) },
    );
  }

  /**
   * Revokes an officer's key from `revokedFrom` on (`OfficerKeyRevoked`): acts signed with it are refused from then.
   * The revocation is then recorded on the key's own stream as well (`OfficerKeyRevocationRecorded`, naming it by
   * id and hash), which is what lets an evidence bundle prove that it left out no revocation of the key. A retry of
   * the request records there what a failure after the first append left out; start-up does it for every
   * revocation (`recordKeyRevocations`).
   */
  async revokeOfficerKey(
    actor: Actor,
    officerId: string,
    body: { keyId: string; reason: string; revokedFrom: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const result = await this.officerCommand(
      actor.agency,
      officerId,
      { type: 'RevokeOfficerKey', actor, ...body },
      { eventId, expectedRevision, sameRequest: recording('OfficerKeyRevoked', body) },
    );
    await this.recordKeyRevocation(recordedEvent(result, 'RevokeOfficerKey'));
    return result;
  }

  /**
   * Records an officer stream's `OfficerKeyRevoked` on the key's stream (`OfficerKeyRevocationRecorded`), once:
   * as the revoking admin, under an event id named by the revocation, so that replicas and retries record it once.
   */
  async recordKeyRevocation(revocation: EventEnvelope): Promise<void> {
    const officer = parseAgencyStream(revocation.stream);
    if (officer?.category !== 'officer' || revocation.type !== 'OfficerKeyRevoked') {
      throw new Error(`${revocation.id} is not an officer key's revocation`);
    }
    const { actor } = revocation;
    const data = revocation.data as unknown as { keyId: string; revokedFrom: string };
    const command: RecordOfficerKeyRevocationCommand = {
      type: 'RecordOfficerKeyRevocation',
      actor,
      keyId: data.keyId,
      officerId: officer.id,
      eventId: revocation.id,
      hash: revocation.hash,
      revokedFrom: data.revokedFrom,
    };
    await handleCommand(
      this.deps,
      officerKeyClaimStream(officer.agency, data.keyId),
      officerKeyClaimDecider,
      registryCodec<OfficerKeyClaimEvent>(this.deps.clock, actor),
      command,
      { eventId: namedEventId(['officer-key-revocation', revocation.id]) },
    );
  }

  /**
   * The officer of `agency`, other than `officerId`, whose registered keys include `keyId`: for a key registered
   * before registrations were claimed (a scan of the agency's registrations).
   */
  private async keyHolder(agency: string, keyId: string, officerId: string): Promise<string | undefined> {
    let after = 0;
    for (;;) {
      const batch = await this.deps.events.readAgencies({
        agencies: [agency],
        after,
        types: ['OfficerKeyRegistered'],
        limit: 1_000,
      });
      for (const { event, position } of batch) {
        after = position;
        const holder = parseAgencyStream(event.stream)?.id;
        if ((event.data as unknown as OfficerKey).keyId === keyId && holder !== officerId) return holder;
      }
      if (batch.length < 1_000) return undefined;
    }
  }

  officerCommand(
    agency: string,
    officerId: string,
    command: OfficerCommand,
    options: CommandOptions,
  ): Promise<CommandResult> {
    const codec = registryCodec<OfficerEvent>(this.deps.clock, command.actor);
    return handleCommand(this.deps, officerStream(agency, officerId), officerDecider, codec, command, options);
  }

  /** Registers an item in the actor's own agency (the rules refuse a profile of another agency). */
  registerItem(
    actor: Actor,
    profile: ItemProfile,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    return this.itemCommand(
      actor.agency,
      profile.code,
      { type: 'RegisterItem', actor, profile },
      { eventId, expectedRevision, sameRequest: recording('ItemRegistered', profile) },
    );
  }

  /**
   * Amends an enforcement item of the actor's agency (its materials, basis, major criteria, time limits): one signed
   * `ItemAmended` naming the changed members and why.
   */
  amendItem(
    actor: Actor,
    code: string,
    body: ItemAmendment,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    return this.itemCommand(
      actor.agency,
      code,
      { type: 'AmendItem', actor, changes: body.changes, reason: body.reason },
      { eventId, expectedRevision, sameRequest: recording('ItemAmended', body) },
    );
  }

  /** Takes an enforcement item of the actor's agency off the list (`ItemRetired`): no case opens under it again. */
  retireItem(
    actor: Actor,
    code: string,
    body: { readonly reason: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    return this.itemCommand(
      actor.agency,
      code,
      { type: 'RetireItem', actor, reason: body.reason },
      { eventId, expectedRevision, sameRequest: recording('ItemRetired', { reason: body.reason }) },
    );
  }

  itemCommand(agency: string, code: string, command: ItemCommand, options: CommandOptions): Promise<CommandResult> {
    const codec = registryCodec<ItemEvent>(this.deps.clock, command.actor);
    return handleCommand(this.deps, itemStream(agency, code), itemDecider, codec, command, options);
  }
}
