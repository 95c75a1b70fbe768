import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict, notFound, violation } from '../errors.js';
import type { OfficerState } from '../registry/officers.js';
import { agencyStream } from '../streams.js';
import { requireSomeChange } from '../amendments.js';

export type SubjectKind = 'enterprise' | 'individual_business' | 'institution' | 'other';

/** A regulated subject of the agency's directory (检查对象名录): what an inspection plan draws its targets from. */
export interface SubjectProfile {
  readonly subjectId: string;
  readonly agency: string;
  readonly name: string;
  readonly kind: SubjectKind;
  /** The sector (行业) a random-inspection list entry may target. */
  readonly sector: string;
  readonly tags?: readonly string[];
}

export interface SubjectState extends Partial<SubjectProfile> {
  readonly exists: boolean;
  readonly retired: boolean;
  /** Officers who declared a conflict of interest with this subject (回避), and have not withdrawn it. */
  readonly conflicts: readonly string[];
}

export type SubjectCommand = { readonly actor: Actor } & (
  | { readonly type: 'RegisterSubject'; readonly profile: SubjectProfile }
  | {
      readonly type: 'AmendSubject';
      readonly changes: Partial<Omit<SubjectProfile, 'subjectId' | 'agency'>>;
      readonly reason: string;
    }
  | { readonly type: 'RetireSubject'; readonly reason: string }
  | {
      readonly type: 'DeclareConflict' | 'WithdrawConflict';
      readonly officerId: string;
      readonly reason: string;
      /** The officer as the registry holds them now. */
      readonly officer: OfficerState;
    }
);

export type SubjectEvent =
  | { readonly type: 'SubjectRegistered'; readonly data: SubjectProfile }
  | {
      readonly type: 'SubjectAmended';
      readonly data: { readonly changes: Partial<SubjectProfile>; readonly reason: string };
    }
  | { readonly type: 'SubjectRetired'; readonly data: { readonly reason: string } }
  | {
      readonly type: 'ConflictDeclared' | 'ConflictWithdrawn';
      readonly data: { readonly officerId: string; readonly reason: string };
    };

/** A subject's stream: subject ids are unique within their agency only. */
export function subjectStream(agency: string, subjectId: string): string {
  return agencyStream('subject', agency, subjectId);
}

/**
 * Conflicts of interest: an officer declares their own (an `officer` or `reviewer` whose token names them), or the
 * agency head (`admin`) records one for them; only the head withdraws one. The officer must be registered in the
 * subject's agency.
 */
function decideConflict(command: Extract<SubjectCommand, { officerId: string }>, state: SubjectState): SubjectEvent[] {
  const { actor, officerId } = command;
  const own = actor.sub === officerId && (actor.roles.includes('officer') || actor.roles.includes('reviewer'));
  if (command.type === 'WithdrawConflict' || !own) requireRole(actor, ['admin'], 'recording a conflict of interest');
  if (!command.officer.exists)
    throw violation('officer_unknown', `no officer ${officerId} in agency ${state.agency}`, { officerId });
  const declared = state.conflicts.includes(officerId);
  if (command.type === 'DeclareConflict') {
    if (declared) throw conflict('conflict_declared', `officer ${officerId} has declared this conflict already`);
    return [{ type: 'ConflictDeclared', data: { officerId, reason: command.reason } }];
  }
  if (!declared) throw conflict('conflict_not_declared', `officer ${officerId} has declared no conflict here`);
  return [{ type: 'ConflictWithdrawn', data: { officerId, reason: command.reason } }];
}

export const subjectDecider: Decider<SubjectCommand, SubjectEvent, SubjectState> = {
  initialState: () => ({ exists: false, retired: false, conflicts: [] }),

  decide(command, state) {
    if (command.type === 'RegisterSubject') {
      requireRole(command.actor, ['admin'], 'managing regulated subjects');
      // the agency first: whether another agency has this id must never show
      requireAgency(command.actor, command.profile.agency);
      if (state.exists) throw conflict('subject_exists', `subject ${command.profile.subjectId} is registered already`);
      return [{ type: 'SubjectRegistered', data: command.profile }];
    }
    if (!state.exists) throw notFound('no such regulated subject');
    requireAgency(command.actor, state.agency!);
    if (state.retired) throw conflict('subject_retired', `subject ${state.subjectId} is retired`);
    switch (command.type) {
      case 'AmendSubject':
        requireRole(command.actor, ['admin'], 'managing regulated subjects');
        requireSomeChange(state, command.changes, `subject ${state.subjectId}`);
        return [{ type: 'SubjectAmended', data: { changes: command.changes, reason: command.reason } }];
      case 'RetireSubject':
        requireRole(command.actor, ['admin'], 'managing regulated subjects');
        return [{ type: 'SubjectRetired', data: { reason: command.reason } }];
      default:
        return decideConflict(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'SubjectRegistered':
        return { ...event.data, exists: true, retired: false, conflicts: [] };
      case 'SubjectAmended':
        return { ...state, ...event.data.changes };
      case 'SubjectRetired':
        return { ...state, retired: true };
      case 'ConflictDeclared':
        return { ...state, conflicts: [...state.conflicts, event.data.officerId] };
      case 'ConflictWithdrawn':
        return { ...state, conflicts: state.conflicts.filter((o) => o !== event.data.officerId) };
    }
  },
};
