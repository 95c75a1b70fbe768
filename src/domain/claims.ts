import type { Actor } from './actor.js';
import type { Decider } from './decider.js';

/**
 * A value one holder may bear at a time (an agency's document number for one case's decision, a name for one
 * agency, what a subscription delivers for one subscription of the agency), kept so across replicas that share the
 * log. The rule itself is read from the read models, which each replica keeps of its own: two replicas could each
 * find the value free at the same moment. So a write that gives a holder the value first claims it in the log, on
 * the value's own stream, appended at the revision the writer read: of two claims made at once one is appended, and
 * the other reads it.
 *
 * The last claim holds the value for its holder until it is released: the holder recorded something after the
 * claim and, that applied to the read models (or read from the holder's own stream, where that stream alone tells
 * it), does not bear the value (the write that claimed it was refused or abandoned, or the holder moved to another
 * value since), or the claim is older than {@link CLAIM_HOLD_MS} and the holder does not bear the value (a writer
 * that stopped between its claim and its write). A holder's write is appended only at the revision its command read
 * before claiming: once the holder's stream moved after the claim, that write can no longer be appended, which is
 * why such a claim may be taken over.
 */
export interface Claim {
  readonly type: 'Claim';
  readonly actor: Actor;
  readonly value: string;
  readonly holder: string;
  /** Of the last claim, when another holder made it: whether it still holds the value. */
  readonly standing?: ClaimStanding;
}

/** Whether the last claim still holds the value, as the service found it (the holder's stream, the read models). */
export type ClaimStanding = 'held' | 'released';

/** A claim whose holder has neither recorded anything since nor borne the value lapses after this long. */
export const CLAIM_HOLD_MS = 10 * 60_000;

/** The holder of the last claim, if any. */
export interface ClaimState {
  readonly holder?: string;
}

export interface ClaimKind<T extends string, D> {
  /** The claim event's type. */
  readonly type: T;
  /** Its data, for a value and its holder. */
  data(value: string, holder: string): D;
  /** The holder its data names. */
  holderOf(data: D): string;
  /** Throws the rule's refusal: `value` is `holder`'s. */
  refuse(value: string, holder: string): never;
}

/**
 * The rules of a value's claims: the holder of the last claim keeps the value, and claiming it again records
 * nothing (a retry, or a later write of the same holder); another holder takes it only from a released claim, else
 * the rule's refusal.
 */
export function claimDecider<T extends string, D>(
  kind: ClaimKind<T, D>,
): Decider<Claim, { readonly type: T; readonly data: D }, ClaimState> {
  return {
    initialState: () => ({}),
    decide({ value, holder, standing }, state) {
      if (state.holder === holder) return [];
      if (state.holder !== undefined && standing !== 'released') kind.refuse(value, state.holder);
      return [{ type: kind.type, data: kind.data(value, holder) }];
    },
    evolve: (_state, event) => ({ holder: kind.holderOf(event.data) }),
  };
}
