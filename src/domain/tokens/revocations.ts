import { requireRole, type Actor } from '../actor.js';
import type { Decider } from '../decider.js';
import { violation } from '../errors.js';

/**
 * Bearer-token revocations, recorded as signed events so that every revocation is itself audited:
 * - `TokenRevoked` `{jti, agency, reason?}`: the one token with this `jti`;
 * - `SubjectTokensRevoked` `{sub, agency, before, reason?}`: every token of `sub` in `agency` issued (`iat`)
 *   before `before`; a token without `iat` counts as issued before;
 * - `SessionEnded` `{session, agency, until}`: a portal session signed out by its own user (`session` is the
 *   SHA-256 of its id, which never leaves the sealed cookie), refused by every replica until it would have expired.
 * A revocation acts within the agency of the admin who made it, never on another agency's tokens.
 */
export const REVOCATION_STREAM = 'token-revocations';
/**
 * The portal's sign-outs (`SessionEnded`), in a stream of their own: frequent, they would otherwise move the
 * revision an admin's conditional revocation (`If-Match`) names.
 */
export const SIGN_OUT_STREAM = 'portal-sign-outs';

export type RevocationEvent =
  | { readonly type: 'TokenRevoked'; readonly data: { jti: string; agency: string; reason?: string } }
  | {
      readonly type: 'SubjectTokensRevoked';
      readonly data: { sub: string; agency: string; before: string; reason?: string };
    }
  | { readonly type: 'SessionEnded'; readonly data: { session: string; agency: string; until: string } };

export type RevocationCommand =
  | { readonly type: 'RevokeToken'; readonly actor: Actor; readonly jti: string; readonly reason?: string }
  | {
      readonly type: 'RevokeSubjectTokens';
      readonly actor: Actor;
      readonly sub: string;
      /** RFC 3339; not later than `now`. */
      readonly before: string;
      /** The server's clock when the command was made. */
      readonly now: string;
      readonly reason?: string;
    }
  | {
      readonly type: 'EndSession';
      readonly actor: Actor;
      /** The SHA-256 (hex) of the session's id. */
      readonly session: string;
      /** RFC 3339: when the session would have expired. */
      readonly until: string;
    };

/** Who a verified token is, as far as a revocation can name it. */
export interface RevocableToken {
  readonly sub: string;
  readonly agency: string;
  readonly jti?: string;
  /** `iat`, seconds since the epoch. */
  readonly issuedAt?: number;
}

/** The revocations so far, kept current by {@link RevocationList.apply}; the one home of "is this token revoked". */
export class RevocationList {
  /** `agency \0 jti` */
  readonly #tokens = new Set<string>();
  /**
   * `agency \0 sub` → tokens issued before this many seconds since the epoch are revoked: the cut-off rounded up to
   * a whole second, since a token's `iat` has whole seconds and one stating the second that holds the cut-off cannot
   * show that it was issued after it (so `--before now` revokes a token minted earlier in the same second).
   */
  readonly #subjects = new Map<string, number>();
  /** a signed-out session's id hash → when it would have expired (ms since the epoch) */
  readonly #sessions = new Map<string, number>();
  /** How many signed-out sessions may be held before the expired ones are forgotten. */
  #sessionsPruneAt = SESSIONS_PRUNE_FLOOR;

  apply(event: { readonly type: string; readonly data: unknown }): void {
    if (event.type === 'TokenRevoked') {
      const { jti, agency } = event.data as { jti: string; agency: string };
      this.#tokens.add(`${agency}\u0000${jti}`);
    } else if (event.type === 'SubjectTokensRevoked') {
      const { sub, agency, before } = event.data as { sub: string; agency: string; before: string };
      const key = `${agency}\u0000${sub}`;
      const seconds = Math.ceil(Date.parse(before) / 1000);
      // a cut-off no clock can place (a leap second recorded before requests refused them) must not void the others
      if (Number.isNaN(seconds)) return;
      this.#subjects.set(key, Math.max(seconds, this.#subjects.get(key) ?? Number.NEGATIVE_INFINITY));
    } else if (event.type === 'SessionEnded') {
      const { session, until } = event.data as { session: string; until: string };
      this.#sessions.set(session, Date.parse(until));
    }
  }

  /**
   * Whether the session whose id hashes to `session` was signed out (and would not have expired by `nowMs`). Those
   * that have expired are forgotten whenever the list has doubled since it last forgot some.
   */
  sessionEnded(session: string, nowMs: number): boolean {
    if (this.#sessions.size > this.#sessionsPruneAt) {
      for (const [id, until] of this.#sessions) if (until <= nowMs) this.#sessions.delete(id);
      this.#sessionsPruneAt = Math.max(SESSIONS_PRUNE_FLOOR, 2 * this.#sessions.size);
    }
    const until = this.#sessions.get(session);
    return until !== undefined && until > nowMs;
  }

  /** Signed-out sessions held (some may have expired since). */
  get endedSessions(): number {
    return this.#sessions.size;
  }

  revoked(token: RevocableToken): boolean {
    if (token.jti !== undefined && this.#tokens.has(`${token.agency}\u0000${token.jti}`)) return true;
    const before = this.#subjects.get(`${token.agency}\u0000${token.sub}`);
    return before !== undefined && (token.issuedAt === undefined || token.issuedAt < before);
  }

  get size(): number {
    return this.#tokens.size + this.#subjects.size;
  }
}

const SESSIONS_PRUNE_FLOOR = 10_000;

/**
 * Revoking: the agency's admin, for its own agency; a subject's cut-off may not lie in the future. Ending a portal
 * session: its own user, whatever the role.
 */
export const revocationDecider: Decider<RevocationCommand, RevocationEvent, null> = {
  initialState: () => null,
  evolve: (state) => state,
  decide(command) {
    if (command.type === 'EndSession') {
      if (!Number.isFinite(Date.parse(command.until))) {
        throw violation('date_invalid', 'until must be an RFC 3339 time', { field: 'until' });
      }
      const { session, until } = command;
      return [{ type: 'SessionEnded', data: { session, agency: command.actor.agency, until } }];
    }
    requireRole(command.actor, ['admin'], 'revoking tokens');
    const reason = command.reason === undefined ? {} : { reason: command.reason };
    if (command.type === 'RevokeToken') {
      return [{ type: 'TokenRevoked', data: { jti: command.jti, agency: command.actor.agency, ...reason } }];
    }
    if (!(Date.parse(command.before) <= Date.parse(command.now))) {
      throw violation('date_invalid', 'before may not be later than now, and must be an instant a clock can place', {
        field: 'before',
      });
    }
    return [
      {
        type: 'SubjectTokensRevoked',
        data: { sub: command.sub, agency: command.actor.agency, before: command.before, ...reason },
      },
    ];
  },
};
