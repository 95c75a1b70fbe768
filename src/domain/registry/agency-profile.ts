import type { Actor } from '../actor.js';
import { requireAgency, requireRole } from '../actor.js';
import type { Decider } from '../decider.js';
import { conflict } from '../errors.js';
import { agencyStream } from '../streams.js';

/**
 * What an agency says of itself to the public (行政执法主体, 二(一)1 and the service guides' 受理机构、办公时间、
 * 办公地址、办公电话、监督方式): its name, where and when it receives the public, and where to complain. The pages
 * show an agency by this name wherever its code was the only thing they had. Each version is a signed event; the
 * history is the stream.
 */
export interface AgencyProfile {
  /** The agency's full name, as its documents are headed (县司法局). */
  readonly name: string;
  /** 办公地址. */
  readonly address?: string;
  /** 办公电话. */
  readonly telephone?: string;
  /** 办公时间. */
  readonly hours?: string;
  /** 监督投诉电话: where the public reports a problem with the agency's enforcement. */
  readonly supervisionTelephone?: string;
}

/** The members of a profile, in the order the forms and pages show them. */
export const AGENCY_PROFILE_MEMBERS = ['name', 'address', 'telephone', 'hours', 'supervisionTelephone'] as const;

export interface AgencyProfileState {
  /** 0 until the agency records its profile. */
  readonly version: number;
  readonly profile?: AgencyProfile;
}

export interface AgencyProfileCommand {
  readonly type: 'SetAgencyProfile';
  readonly actor: Actor;
  readonly agency: string;
  readonly profile: AgencyProfile;
  readonly reason?: string;
  /**
   * Another agency whose profile holds this name already ({@link nameKey}), as the registry's read model tells: the
   * public could not tell the two apart, on every page and in the feed.
   */
  readonly nameHeldBy?: string;
}

export interface AgencyProfileEvent {
  readonly type: 'AgencyProfileSet';
  readonly data: AgencyProfile & { readonly reason?: string };
}

/** An agency's profile: one stream per agency. */
export const agencyProfileStream = (agency: string): string => agencyStream('agency', agency, 'profile');

/** The profile with only the members it has, in their order: what a version records and what two are compared by. */
export function profileOf(source: Readonly<Record<string, unknown>>): AgencyProfile {
  const profile: Record<string, unknown> = {};
  for (const member of AGENCY_PROFILE_MEMBERS) if (source[member] !== undefined) profile[member] = source[member];
  return profile as unknown as AgencyProfile;
}

/**
 * What two names are compared by when one agency's is checked against the others': compatibility forms folded
 * (NFKC: full-width letters, compatibility ideographs) and white space left out, so 县司法局 and 县 司法局 are one name.
 */
export const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/gu, '');

/** `agency_name_taken`: agency `heldBy` goes by `name` already. */
export function refuseTakenName(name: string, heldBy: string): never {
  throw conflict('agency_name_taken', `another agency (${heldBy}) is named ${name} already`, {
    member: 'name',
    heldBy,
  });
}

const sameProfile = (a: AgencyProfile, b: AgencyProfile): boolean =>
  AGENCY_PROFILE_MEMBERS.every((member) => a[member] === b[member]);

export const agencyProfileDecider: Decider<AgencyProfileCommand, AgencyProfileEvent, AgencyProfileState> = {
  initialState: () => ({ version: 0 }),
  decide(command, state) {
    requireRole(command.actor, ['admin'], "recording the agency's profile");
    requireAgency(command.actor, command.agency);
    const profile = profileOf(command.profile as unknown as Record<string, unknown>);
    if (command.nameHeldBy !== undefined && command.nameHeldBy !== command.agency) {
      refuseTakenName(profile.name, command.nameHeldBy);
    }
    // the profile as it stands already: nothing to record, as for the review settings
    if (state.profile && sameProfile(state.profile, profile)) {
      throw conflict('version_unchanged', "the agency's profile says this already");
    }
    const reason = command.reason === undefined ? {} : { reason: command.reason };
    return [{ type: 'AgencyProfileSet', data: { ...profile, ...reason } }];
  },
  evolve: (state, event) => ({
    version: state.version + 1,
    profile: profileOf(event.data as unknown as Record<string, unknown>),
  }),
};
