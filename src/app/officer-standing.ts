import type { Role } from '../domain/actor.js';
import type { OfficerStatus } from '../domain/registry/officers.js';
import { Unauthenticated, type Principal } from './auth.js';

/** The registry's status of an officer of an agency, as the read models hold it; `undefined` when not registered. */
export type OfficerStatusOf = (agency: string, officerId: string) => OfficerStatus | undefined;

/**
 * The roles a registered officer holds by the registry's leave (执法资格): what a suspension (暂停执法资格) or a
 * retirement (离岗) withdraws from every token naming the officer, whatever the token says.
 */
export const ENFORCEMENT_ROLES: readonly Role[] = ['officer', 'reviewer'];

const withheld = (role: Role): boolean => ENFORCEMENT_ROLES.includes(role);

/**
 * The principal a token stands for now: a token whose subject is a registered officer of its agency who is
 * suspended or retired exercises none of the enforcement roles (it uploads, drafts, accepts or refuses
 * applications, records and reviews nothing), and one left with no other role is refused altogether
 * (`401 unauthenticated`: it reads no case either), until a reinstatement. Any other token is what it says. Asked on
 * every request, as revocation is, since a status changes while tokens live.
 */
export function standingOf(principal: Principal, statusOf: OfficerStatusOf): Principal {
  if (!principal.roles.some(withheld)) return principal;
  const status = statusOf(principal.agency, principal.sub);
  if (status === undefined || status === 'active') return principal;
  const roles = principal.roles.filter((role) => !withheld(role));
  if (roles.length === 0) {
    const until = status === 'suspended' ? 'until reinstated' : 'for good';
    throw new Unauthenticated(
      `officer ${principal.sub} of ${principal.agency} is ${status}: their tokens are refused ${until}`,
    );
  }
  return { ...principal, roles };
}
