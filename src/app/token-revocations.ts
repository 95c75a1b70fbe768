import type { ExpectedHead } from './command-handler.js';
import type { Actor } from '../domain/actor.js';
import {
  REVOCATION_STREAM,
  RevocationList,
  SIGN_OUT_STREAM,
  revocationDecider,
  type RevocableToken,
  type RevocationCommand,
  type RevocationEvent,
} from '../domain/tokens/revocations.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import { followStream, type FollowOptions } from './follow-log.js';
import { canonicalEqual, namedEventId } from './idempotency.js';
import { handleCommand, type CommandDependencies, type CommandResult, type EventCodec } from './command-handler.js';

export interface TokenRevocationOptions extends FollowOptions {
  /** Sign-outs read at once when a replica starts (newest first). Default 500. */
  readonly signOutBatch?: number;
}

/**
 * Longer than any portal session lasts from sign-in (`SESSION_MAX_HOURS` is at most 24), with an hour for clocks:
 * a sign-out recorded longer ago than this names a session that has expired anyway.
 */
export const SESSION_LIFETIME_BOUND_MS = 25 * 3600_000;
const SIGN_OUT_BATCH = 500;

/**
 * Token revocations and the portal's sign-outs: recorded as signed events in the `token-revocations` and
 * `portal-sign-outs` streams (load → decide → seal → append, like every other event), and answered from memory on
 * every request. The list is loaded at start and then kept current by following the global log, so a revocation
 * made on another replica is seen here within that subscription's delivery delay; one made here is seen at once.
 */
export class TokenRevocations {
  readonly #list = new RevocationList();

  constructor(
    private readonly deps: CommandDependencies,
    private readonly options: TokenRevocationOptions = {},
  ) {}

  /** Whether a verified token has been revoked. */
  readonly revoked = (token: RevocableToken): boolean => this.#list.revoked(token);

  get size(): number {
    return this.#list.size;
  }

  /** Whether the portal session whose id hashes to `session` was signed out, here or on another replica. */
  readonly sessionEnded = (session: string): boolean =>
    this.#list.sessionEnded(session, this.deps.clock.now().getTime());

  /** Loads the recorded revocations, then follows the log for new ones until `signal` aborts. */
  async start(signal: AbortSignal): Promise<void> {
    const after = await this.deps.events.headPosition();
    for (const { event } of await this.deps.events.readStream(REVOCATION_STREAM)) this.#list.apply(event);
    await this.#loadRecentSignOuts();
    void followStream(
      this.deps.events,
      [REVOCATION_STREAM, SIGN_OUT_STREAM],
      after,
      signal,
      (event) => this.#list.apply(event),
      this.options,
    );
  }

  /**
   * The sign-outs whose sessions may still be live, read from the newest back: a session lasts at most
   * {@link SESSION_LIFETIME_BOUND_MS} from sign-in, so one signed out longer ago than that has expired, as have all
   * before it. Years of sign-outs then cost the start nothing.
   */
  async #loadRecentSignOuts(): Promise<void> {
    const since = this.deps.clock.now().getTime() - SESSION_LIFETIME_BOUND_MS;
    const batchSize = this.options.signOutBatch ?? SIGN_OUT_BATCH;
    let fromRevision: number | undefined;
    for (;;) {
      const batch = await this.deps.events.readStream(SIGN_OUT_STREAM, {
        direction: 'backward',
        limit: batchSize,
        ...(fromRevision === undefined ? {} : { fromRevision }),
      });
      for (const { event } of batch) {
        if (Date.parse(event.recordedAt) < since) return;
        this.#list.apply(event);
      }
      const oldest = batch.at(-1);
      if (batch.length < batchSize || !oldest || oldest.event.revision === 0) return;
      fromRevision = oldest.event.revision - 1;
    }
  }

  revokeToken(
    actor: Actor,
    jti: string,
    reason: string | undefined,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const command = { type: 'RevokeToken' as const, actor, jti, ...(reason === undefined ? {} : { reason }) };
    return this.#record(command, eventId, expectedRevision);
  }

  revokeSubject(
    actor: Actor,
    revoke: { sub: string; before: string; reason?: string },
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<CommandResult> {
    const now = this.deps.clock.now().toISOString();
    return this.#record({ type: 'RevokeSubjectTokens', actor, now, ...revoke }, eventId, expectedRevision);
  }

  /**
   * Records a portal session's sign-out by its own user: `session` is the SHA-256 of its id, `until` when it would
   * have expired. The event's id is named by the session, so the same sign-out sent twice is recorded once.
   */
  endSession(actor: Actor, ended: { session: string; until: string }): Promise<CommandResult> {
    const eventId = namedEventId(['session-ended', actor.agency, ended.session]);
    return this.#record({ type: 'EndSession', actor, ...ended }, eventId, undefined, SIGN_OUT_STREAM);
  }

  async #record(
    command: RevocationCommand,
    eventId: string,
    expectedRevision?: ExpectedHead,
    stream = REVOCATION_STREAM,
  ): Promise<CommandResult> {
    const codec: EventCodec<RevocationEvent> = {
      toDraft: (event, id) => ({
        id,
        type: event.type,
        schemaVersion: 1,
        occurredAt: this.deps.clock.now().toISOString(),
        actor: { sub: command.actor.sub, agency: command.actor.agency, roles: [...command.actor.roles] },
        data: { ...event.data },
        media: [],
      }),
      fromEnvelope: (envelope) => ({ type: envelope.type, data: envelope.data }) as RevocationEvent,
    };
    // a retry under the same Idempotency-Key must ask for the same revocation
    const sameRequest = (recorded: readonly EventEnvelope[]) => {
      const asked = revocationDecider.decide(command, null);
      return (
        recorded.length === asked.length &&
        recorded.every((event, i) => event.type === asked[i]!.type && canonicalEqual(event.data, asked[i]!.data))
      );
    };
    const result = await handleCommand(this.deps, stream, revocationDecider, codec, command, {
      eventId,
      expectedRevision,
      sameRequest,
    });
    for (const event of result.events) this.#list.apply(event); // effective here before the answer
    return result;
  }
}
