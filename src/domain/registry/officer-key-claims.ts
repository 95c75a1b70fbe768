import type { Actor } from '../actor.js';
import { requireRole } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict } from '../errors.js';
import { agencyStream } from '../streams.js';

/**
 * A key is held by one officer of an agency. Each key has a stream of its own, `officerkey-<agency>:<keyId>`, whose
 * first event, `OfficerKeyClaimed`, names the officer it is held for: it is appended where the stream must not exist
 * yet, before the key's `OfficerKeyRegistered` in that officer's stream, so of two registrations of one key for two
 * officers at the same moment only one can claim it. A claim stays: it is never released or moved.
 *
 * The key's revocation is recorded there too, after the `OfficerKeyRevoked` of the officer's stream, as
 * `OfficerKeyRevocationRecorded` naming that event by id and hash: so the key's own stream, whose head the
 * checkpoints commit to, shows whether the key was revoked, and an evidence bundle that carries it proves that no
 * revocation of the key was left out (docs/integrity.md §13.4) without carrying the rest of the officer's stream.
 */
export interface OfficerKeyClaim {
  readonly keyId: string;
  readonly officerId: string;
}

export interface OfficerKeyClaimCommand extends OfficerKeyClaim {
  readonly type: 'ClaimOfficerKey';
  readonly actor: Actor;
  /**
   * Another officer of the agency whose stream records a registration of the key, as the service found it: keys
   * registered before their registrations were claimed have no claim.
   */
  readonly registeredTo?: string;
}

/** The revocation of a key, as its officer's stream recorded it (`OfficerKeyRevoked`). */
export interface OfficerKeyRevocationRecord {
  readonly keyId: string;
  /** The officer whose stream holds the revocation. */
  readonly officerId: string;
  /** The `OfficerKeyRevoked` event: its id and hash. */
  readonly eventId: string;
  readonly hash: string;
  /** Its `revokedFrom`. */
  readonly revokedFrom: string;
}

export interface RecordOfficerKeyRevocationCommand extends OfficerKeyRevocationRecord {
  readonly type: 'RecordOfficerKeyRevocation';
  readonly actor: Actor;
}

export type OfficerKeyStreamCommand = OfficerKeyClaimCommand | RecordOfficerKeyRevocationCommand;

export type OfficerKeyClaimEvent =
  | { readonly type: 'OfficerKeyClaimed'; readonly data: OfficerKeyClaim }
  | { readonly type: 'OfficerKeyRevocationRecorded'; readonly data: OfficerKeyRevocationRecord };

/** The officer the key is claimed for, once it is, and the officers whose revocation of it is recorded. */
export interface OfficerKeyClaimState {
  readonly officerId?: string;
  readonly revokedBy?: readonly string[];
}

export const officerKeyClaimStream = (agency: string, keyId: string): string =>
  agencyStream('officerkey', agency, keyId);

/**
 * The first claim of a key holds it: a claim for the same officer again records nothing (a retried registration,
 * or one whose registration did not follow its claim), for another officer it is `409 officer_key_taken`. A
 * revocation is recorded once per officer whose stream revoked the key (a key registered before registrations were
 * claimed may have no claim, and, registered to two officers then, two revocations); again, it records nothing.
 */
export const officerKeyClaimDecider: Decider<OfficerKeyStreamCommand, OfficerKeyClaimEvent, OfficerKeyClaimState> = {
  initialState: () => ({}),
  decide(command, state) {
    if (command.type === 'RecordOfficerKeyRevocation') {
      requireRole(command.actor, ['admin'], 'revoking officer keys');
      if (state.revokedBy?.includes(command.officerId)) return [];
      const { keyId, officerId, eventId, hash, revokedFrom } = command;
      return [{ type: 'OfficerKeyRevocationRecorded', data: { keyId, officerId, eventId, hash, revokedFrom } }];
    }
    requireRole(command.actor, ['admin'], 'registering officer keys');
    const { keyId, officerId } = command;
    const holder = state.officerId ?? command.registeredTo;
    if (holder === officerId) return [];
    if (holder !== undefined) {
      throw conflict('officer_key_taken', `key ${keyId} is registered for another officer of the agency`);
    }
    return [{ type: 'OfficerKeyClaimed', data: { keyId, officerId } }];
  },
  evolve(state, event) {
    if (event.type === 'OfficerKeyRevocationRecorded') {
      return { ...state, revokedBy: [...(state.revokedBy ?? []), event.data.officerId] };
    }
    return state.officerId === undefined ? { ...state, officerId: event.data.officerId } : state;
  },
};
