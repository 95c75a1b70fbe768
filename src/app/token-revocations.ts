import type { Actor } from '../domain/actor.js';
import {
  REVOCATION_STREAM,
  RevocationList,
  revocationDecider,
  type RevocableToken,
  type RevocationCommand,
  type RevocationEvent,
} from '../domain/tokens/revocations.js';
import type { EventEnvelope } from '../ledger/envelope.js';
import { followStream, type FollowOptions } from './follow-log.js';
import { canonicalEqual } from './idempotency.js';
import { handleCommand, type CommandDependencies, type CommandResult, type EventCodec } from './command-handler.js';

export type TokenRevocationOptions = FollowOptions;

/**
 * Token revocations: recorded as signed events in the `token-revocations` stream (load → decide → seal → append,
 * like every other event), and answered from memory on every request. The list is loaded at start and then kept
 * current by following the global log, so a revocation made on another replica is seen here within that
 * subscription's delivery delay; one made here is seen at once.
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

  /** Loads the recorded revocations, then follows the log for new ones until `signal` aborts. */
  async start(signal: AbortSignal): Promise<void> {
    const after = await this.deps.events.headPosition();
    for (const { event } of await this.deps.events.readStream(REVOCATION_STREAM)) this.#list.apply(event);
    void followStream(
      this.deps.events,
      REVOCATION_STREAM,
      after,
      signal,
      (event) => this.#list.apply(event),
      this.options,
    );
  }

  revokeToken(
    actor: Actor,
    jti: string,
    reason: string | undefined,
    eventId: string,
    expectedRevision?: number,
  ): Promise<CommandResult> {
    const command = { type: 'RevokeToken' as const, actor, jti, ...(reason === undefined ? {} : { reason }) };
    return this.#record(command, eventId, expectedRevision);
  }

  revokeSubject(
    actor: Actor,
    revoke: { sub: string; before: string; reason?: string },
    eventId: string,
    expectedRevision?: number,
  ): Promise<CommandResult> {
    const now = this.deps.clock.now().toISOString();
    return this.#record({ type: 'RevokeSubjectTokens', actor, now, ...revoke }, eventId, expectedRevision);
  }

  async #record(command: RevocationCommand, eventId: string, expectedRevision?: number): Promise<CommandResult> {
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
    const result = await handleCommand(this.deps, REVOCATION_STREAM, revocationDecider, codec, command, {
      eventId,
      expectedRevision,
      sameRequest,
    });
    for (const event of result.events) this.#list.apply(event); // effective here before the answer
    return result;
  }
}
