import type { Actor, Role } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict, notFound, violation } from '../errors.js';
import { agencyStream } from '../streams.js';
import {
  decideKey,
  evolveKeys,
  type OfficerKeyCommand,
  type OfficerKeyEvent,
  type OfficerKeyState,
} from './officer-keys.js';
import { requireSomeChange } from '../amendments.js';
import { certificateKey, refuseTakenCertificate } from './certificate-claims.js';

/**
 * The roles in which the agency's counsel give legal opinions: legal adviser (法律顾问) and public-sector lawyer
 * (公职律师). A person registered with one may record an opinion on a case marked major, complex or difficult.
 */
export const COUNSEL_ROLES = ['legal_adviser', 'public_lawyer'] as const;

/** The members of an officer's profile that an amendment may change, in the order the profile lists them. */
export const OFFICER_MEMBERS = [
  'name',
  'certificateNo',
  'validFrom',
  'validTo',
  'roles',
  'categories',
  'legalQualification',
  'training',
  'counsel',
] as const;
export type CounselRole = (typeof COUNSEL_ROLES)[number];

/** An enforcement officer and the law-enforcement certificate (执法证) that lets them act. */
export interface OfficerProfile {
  readonly officerId: string;
  readonly name: string;
  readonly agency: string;
  readonly certificateNo: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly roles: readonly Role[];
  /** Enforcement categories the certificate covers (shown on the public officer list). */
  readonly categories?: readonly string[];
  /** The legal professional qualification (法律职业资格): only qualified reviewers count toward the 5% ratio. */
  readonly legalQualification?: { readonly certificateNo: string; readonly grantedOn: string };
  /** Training records (法制审核人员定期培训). */
  readonly training?: readonly TrainingRecord[];
  /** The role in which this person gives legal opinions on cases (法律顾问 or 公职律师), when they do. */
  readonly counsel?: CounselRole;
}

export interface TrainingRecord {
  readonly course: string;
  readonly completedOn: string;
  readonly hours?: number;
}

export type OfficerStatus = 'active' | 'suspended' | 'retired';

export interface OfficerState extends Partial<OfficerProfile> {
  readonly exists: boolean;
  readonly status: OfficerStatus;
  /** The officer's own signing keys, in registration order, revoked ones included. */
  readonly keys?: readonly OfficerKeyState[];
}

export type OfficerCommand = { readonly actor: Actor } & (
  | {
      readonly type: 'RegisterOfficer';
      readonly profile: OfficerProfile;
      /** Another officer of the agency in service whom the list shows under the profile's certificate number. */
      readonly certificateHeldBy?: string;
    }
  | {
      readonly type: 'AmendOfficer';
      readonly changes: Partial<Omit<OfficerProfile, 'officerId' | 'agency'>>;
      readonly reason: string;
      /** Another officer of the agency in service whom the list shows under the changed certificate number. */
      readonly certificateHeldBy?: string;
    }
  | { readonly type: 'SuspendOfficer' | 'ReinstateOfficer' | 'RetireOfficer'; readonly reason: string }
  | OfficerKeyCommand
);

export type OfficerEvent =
  | { readonly type: 'OfficerRegistered'; readonly data: OfficerProfile }
  | {
      readonly type: 'OfficerAmended';
      readonly data: { readonly changes: Partial<OfficerProfile>; readonly reason: string };
    }
  | {
      readonly type: 'OfficerSuspended' | 'OfficerReinstated' | 'OfficerRetired';
      readonly data: { readonly reason: string };
    }
  | OfficerKeyEvent;

/** An officer's stream: officer ids are unique within their agency only. */
export function officerStream(agency: string, officerId: string): string {
  return agencyStream('officer', agency, officerId);
}

/** Is this officer entitled to act on `date` (YYYY-MM-DD): registered, active, and the certificate valid that day. */
export function certificateValidOn(officer: OfficerState | undefined, date: string): boolean {
  return !!officer?.exists && officer.status === 'active' && officer.validFrom! <= date && date <= officer.validTo!;
}

function checkValidity(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && to < from) {
    throw violation('validity_invalid', `certificate validity ends (${to}) before it starts (${from})`);
  }
}

/**
 * An officer is a person: `integration` is the role of a system's token (another government system reading the
 * log), never an officer's, whose roles name what a person may record, review, supervise or administer.
 */
function checkPersonRoles(roles: readonly Role[]): void {
  if (roles.includes('integration'))
    throw violation('role_not_for_officer', 'integration is the role of a system, not of an officer', {
      role: 'integration',
    });
}

/** One certificate, one officer of the agency in service (src/domain/registry/certificate-claims.ts). */
function checkCertificateFree(certificateNo: string, officerId: string, heldBy: string | undefined): void {
  if (heldBy !== undefined && heldBy !== officerId) refuseTakenCertificate(certificateNo, heldBy);
}

export const officerDecider: Decider<OfficerCommand, OfficerEvent, OfficerState> = {
  initialState: () => ({ exists: false, status: 'active' }),

  decide(command, state) {
    requireRole(command.actor, ['admin'], 'managing officers');
    if (command.type === 'RegisterOfficer') {
      // the agency first: whether another agency has this id must never show
      requireAgency(command.actor, command.profile.agency);
      if (state.exists) throw conflict('officer_exists', `officer ${command.profile.officerId} is registered already`);
      checkValidity(command.profile.validFrom, command.profile.validTo);
      if (command.profile.roles.length === 0) throw violation('roles_required', 'an officer needs at least one role');
      checkPersonRoles(command.profile.roles);
      checkCertificateFree(command.profile.certificateNo, command.profile.officerId, command.certificateHeldBy);
      return [{ type: 'OfficerRegistered', data: command.profile }];
    }
    if (!state.exists) throw notFound('no such officer');
    requireAgency(command.actor, state.agency!);
    // a retired officer's keys can still be revoked: retiring ends no key, and a key that outlives its officer's
    // service is exactly one to revoke
    if (state.status === 'retired' && command.type !== 'RevokeOfficerKey')
      throw conflict('officer_retired', `officer ${state.officerId} is retired`);
    switch (command.type) {
      case 'AmendOfficer': {
        checkValidity(command.changes.validFrom ?? state.validFrom, command.changes.validTo ?? state.validTo);
        if (command.changes.roles?.length === 0)
          throw violation('roles_required', 'an officer needs at least one role');
        if (command.changes.roles) checkPersonRoles(command.changes.roles);
        requireSomeChange(state, command.changes, `officer ${state.officerId}`);
        // a number the officer is listed under already (as numbers are compared) is theirs, whoever else has it
        const renumbered = command.changes.certificateNo;
        if (renumbered !== undefined && certificateKey(renumbered) !== certificateKey(state.certificateNo!)) {
          checkCertificateFree(renumbered, state.officerId!, command.certificateHeldBy);
        }
        return [{ type: 'OfficerAmended', data: { changes: command.changes, reason: command.reason } }];
      }
      case 'SuspendOfficer':
        if (state.status === 'suspended')
          throw conflict('officer_suspended', `officer ${state.officerId} is suspended already`);
        return [{ type: 'OfficerSuspended', data: { reason: command.reason } }];
      case 'ReinstateOfficer':
        if (state.status !== 'suspended')
          throw conflict('officer_not_suspended', `officer ${state.officerId} is not suspended`);
        return [{ type: 'OfficerReinstated', data: { reason: command.reason } }];
      case 'RetireOfficer':
        return [{ type: 'OfficerRetired', data: { reason: command.reason } }];
      case 'RegisterOfficerKey':
      case 'RevokeOfficerKey':
        return decideKey(command, state.keys ?? []);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OfficerRegistered':
        return { ...event.data, exists: true, status: 'active' };
      case 'OfficerAmended':
        return { ...state, ...event.data.changes };
      case 'OfficerSuspended':
        return { ...state, status: 'suspended' };
      case 'OfficerReinstated':
        return { ...state, status: 'active' };
      case 'OfficerRetired':
        return { ...state, status: 'retired' };
      case 'OfficerKeyRegistered':
      case 'OfficerKeyRevoked':
        return { ...state, keys: evolveKeys(state.keys ?? [], event) };
    }
  },
};
