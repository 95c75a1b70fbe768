import type { Role } from '../domain/actor.js';
import { SignInRefused } from '../errors.js';
import { usableSubject, type Principal } from './auth.js';
import { ID_PATTERN } from '../domain/streams.js';

/** Which claims of an identity provider's ID token carry the principal (`OIDC_CLAIM_*`, `OIDC_ROLE_MAP`). */
export interface ClaimMapping {
  readonly sub: string;
  readonly agency: string;
  readonly roles: string;
  readonly supervises: string;
  readonly name: string;
  /** The provider's role names → the service's; empty: the claim holds the service's role names. */
  readonly roleMap: ReadonlyMap<string, Role>;
}

const ROLES: ReadonlySet<string> = new Set<Role>(['officer', 'reviewer', 'supervisor', 'admin', 'integration']);
const MAX_NAME_LENGTH = 100;

/**
 * The principal an identity provider's verified claims give: its user id, agency, the roles the service knows
 * (through the role map when one is configured) and the agencies it supervises. Someone without a user id, a
 * well-formed agency or any known role may not use the portal: `403 signin_refused`, naming what was missing.
 */
export function principalFromClaims(
  claims: Readonly<Record<string, unknown>>,
  mapping: ClaimMapping,
): { principal: Principal; name?: string } {
  const sub = claimAt(claims, mapping.sub);
  if (typeof sub !== 'string' || sub === '' || !usableSubject(sub)) {
    throw new SignInRefused(`the identity provider gave no usable user id (${mapping.sub})`);
  }
  const agency = claimAt(claims, mapping.agency);
  if (typeof agency !== 'string' || !ID_PATTERN.test(agency)) {
    throw new SignInRefused(`the identity provider gave no agency (${mapping.agency})`);
  }
  const given = names(claimAt(claims, mapping.roles));
  const mapped = mapping.roleMap.size > 0 ? given.map((role) => mapping.roleMap.get(role)) : given;
  const roles = [...new Set(mapped.filter((role): role is Role => role !== undefined && ROLES.has(role)))];
  if (roles.length === 0) throw new SignInRefused(`the identity provider gave no role this service knows`);
  const supervises = names(claimAt(claims, mapping.supervises));
  if (!supervises.every((code) => ID_PATTERN.test(code))) {
    throw new SignInRefused(`the identity provider gave a malformed agency in ${mapping.supervises}`);
  }
  const name = claimAt(claims, mapping.name);
  return {
    principal: { sub, agency, roles, supervises: [...new Set(supervises)] },
    ...(typeof name === 'string' && name.trim() !== '' ? { name: name.trim().slice(0, MAX_NAME_LENGTH) } : {}),
  };
}

/** A claim by name, or by a dotted path into nested claims (`realm_access.roles`) when no claim has that name. */
function claimAt(claims: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A list of names: an array of strings, or one space-separated string (as `scope` is written); else none. */
function names(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ').filter((part) => part !== '');
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string' && item !== '');
  return [];
}
