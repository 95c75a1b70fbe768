import type { Actor } from '../actor.js';
import { requireRole } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict } from '../errors.js';
import { agencyStream } from '../streams.js';

/**
 * A key is held by one officer of an agency. Each key has a stream of its own, `officerkey-<agency>:<keyId>`, whose
 * one event, `OfficerKeyClaimed`, names the officer it is held for: it is appended where the stream must not exist
 * yet, before the key's `OfficerKeyRegistered` in that officer's stream, so of two registrations of one key for two
 * officers at the same moment only one can claim it. A claim stays: it is never released or moved.
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

export interface OfficerKeyClaimEvent {
  readonly type: 'OfficerKeyClaimed';
  readonly data: OfficerKeyClaim;
}

/** The officer the key is claimed for, once it is. */
export interface OfficerKeyClaimState {
  readonly officerId?: string;
}

export const officerKeyClaimStream = (agency: string, keyId: string): string =>
  agencyStream('officerkey', agency, keyId);

/**
 * The first claim of a key holds it: a claim for the same officer again records nothing (a retried registration,
 * or one whose registration did not follow its claim), for another officer it is `409 officer_key_taken`.
 */
export const officerKeyClaimDecider: Decider<OfficerKeyClaimCommand, OfficerKeyClaimEvent, OfficerKeyClaimState> = {
  initialState: () => ({}),
  decide(command, state) {
    requireRole(command.actor, ['admin'], 'registering officer keys');
    const { keyId, officerId } = command;
    const holder = state.officerId ?? command.registeredTo;
    if (holder === officerId) return [];
    if (holder !== undefined) {
      throw conflict('officer_key_taken', `key ${keyId} is registered for another officer of the agency`);
    }
    return [{ type: 'OfficerKeyClaimed', data: { keyId, officerId } }];
  },
  evolve: (state, event) => (state.officerId === undefined ? { officerId: event.data.officerId } : state),
};
