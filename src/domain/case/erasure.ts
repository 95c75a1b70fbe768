import type { Actor } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict, notFound } from '../errors.js';

/**
 * Erasure of a case's personal data (个人信息保护法 第四十七条, docs/privacy.md): a signed `CaseDataErased`
 * event on the case's stream names the legal ground, then the service destroys the case's data key. The grounds are
 * the cases of PIPL Article 47: (1) the purpose is fulfilled, cannot be, or no longer needs the data; (2) the
 * retention period expired; (3) consent withdrawn; (4) processing that breaks the law or the agreement; (5) another
 * ground a law or regulation names.
 */
export const ERASURE_GROUNDS = [
  'purpose_fulfilled',
  'retention_expired',
  'consent_withdrawn',
  'unlawful_processing',
  'other_legal_ground',
] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

export interface ErasureData {
  readonly ground: ErasureGround;
  readonly reason: string;
}

export interface EraseCase extends ErasureData {
  readonly actor: Actor;
  readonly occurredAt: string;
}

export interface CaseDataErased {
  readonly type: 'CaseDataErased';
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly data: ErasureData;
}

/** What erasure needs of a case's stream: whether it was opened, and whether it was erased already. */
export interface ErasureState {
  readonly opened: boolean;
  readonly erased: boolean;
}

/** The events of a case's stream as the erasure decider reads them: only their type matters. */
export type CaseStreamEvent = { readonly type: string } | CaseDataErased;

export const erasureDecider: Decider<EraseCase, CaseStreamEvent, ErasureState> = {
  initialState: () => ({ opened: false, erased: false }),
  evolve: (state, event) =>
    event.type === 'CaseOpened'
      ? { ...state, opened: true }
      : event.type === 'CaseDataErased'
        ? { ...state, erased: true }
        : state,
  decide(command, state) {
    if (!state.opened) throw notFound('no such case');
    if (state.erased) throw conflict('case_erased', 'the personal data of this case was erased already');
    const { actor, occurredAt, ground, reason } = command;
    return [{ type: 'CaseDataErased', occurredAt, actor, data: { ground, reason } }];
  },
};
