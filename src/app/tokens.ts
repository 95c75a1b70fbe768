import jwt from 'jsonwebtoken';
import { randomUUID, type KeyObject } from 'node:crypto';

export const ROLES = ['officer', 'reviewer', 'supervisor', 'admin', 'integration'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenRequest {
  readonly sub: string;
  readonly agency: string;
  readonly roles: readonly Role[];
  readonly ttlSeconds: number;
  /** Agencies a supervisor may read besides its own. */
  readonly supervises?: readonly string[];
}

export interface TokenIssuer {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly issuer: string;
  readonly audience: string;
}

/**
 * Issues an ES256 bearer token with the embedded token key (development and single-machine use). Every token
 * carries a fresh `jti` (so it can be revoked alone) and its `iat` (so all of a subject's tokens issued before a
 * time can be revoked, and its lifetime is known).
 */
export function issueToken(request: TokenRequest, issuer: TokenIssuer, now: Date): string {
  const iat = Math.floor(now.getTime() / 1000);
  const claims = {
    sub: request.sub,
    agency: request.agency,
    roles: [...request.roles],
    ...(request.supervises?.length ? { supervises: [...request.supervises] } : {}),
    iss: issuer.issuer,
    aud: issuer.audience,
    jti: randomUUID(),
    iat,
    nbf: iat,
    exp: iat + request.ttlSeconds,
  };
  return jwt.sign(claims, issuer.privateKey, { algorithm: 'ES256', keyid: issuer.keyId });
}

/** Parses `90s`, `15m`, `1h`, `7d` (or plain seconds). */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  return seconds > 0 ? seconds : undefined;
}
