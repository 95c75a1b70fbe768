import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { IdentityProviderUnavailable } from '../../errors.js';

/** The largest answer read from the provider (discovery, JWKS, token response). */
export const MAX_PROVIDER_RESPONSE_BYTES = 1_048_576;
/** How long one request to the provider may take. */
export const PROVIDER_TIMEOUT_MS = 10_000;
/** A token naming a key the cached JWKS lacks fetches the JWKS again, at most this often. */
export const JWKS_REFRESH_MS = 60_000;

/** What the portal uses of the provider's discovery document (OpenID Connect Discovery 1.0). */
export interface ProviderMetadata {
  readonly issuer: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  /** RP-Initiated Logout 1.0: where the browser ends its session at the provider, when the provider has one. */
  readonly endSessionEndpoint?: string;
}

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** GETs or POSTs to the provider with a timeout, and reads at most {@link MAX_PROVIDER_RESPONSE_BYTES} of JSON. */
export async function providerJson(
  fetchImpl: Fetch,
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetchImpl(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) });
  } catch (err) {
    throw new IdentityProviderUnavailable(`the identity provider cannot be reached (${(err as Error).name})`);
  }
  const text = await res.text();
  if (text.length > MAX_PROVIDER_RESPONSE_BYTES) throw new IdentityProviderUnavailable('the answer is too large');
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new IdentityProviderUnavailable(`the identity provider answered ${res.status} without JSON`);
  }
}

/**
 * Reads `{issuer}/.well-known/openid-configuration`: its `issuer` must be the configured one exactly (OpenID
 * Connect Discovery §4.3), and its endpoints URLs of the same scheme.
 */
export async function discover(fetchImpl: Fetch, issuer: string): Promise<ProviderMetadata> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const { status, body } = await providerJson(fetchImpl, url);
  if (status !== 200 || typeof body !== 'object' || body === null) {
    throw new IdentityProviderUnavailable(`the discovery document answered ${status}`);
  }
  const doc = body as Record<string, unknown>;
  if (doc.issuer !== issuer) throw new IdentityProviderUnavailable('the discovery document names another issuer');
  const scheme = new URL(issuer).protocol;
  const endpoint = (name: string): string => {
    const value = doc[name];
    if (typeof value !== 'string') throw new IdentityProviderUnavailable(`the discovery document has no ${name}`);
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new IdentityProviderUnavailable(`the discovery document's ${name} is not a URL`);
    }
    if (parsed.protocol !== scheme) throw new IdentityProviderUnavailable(`${name} is not ${scheme}`);
    return value;
  };
  const methods = doc.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) {
    throw new IdentityProviderUnavailable('the identity provider does not support PKCE with S256');
  }
  // optional: a provider without it (or with one that is no URL of its scheme) keeps its sessions to itself
  let endSessionEndpoint: string | undefined;
  try {
    endSessionEndpoint = doc.end_session_endpoint === undefined ? undefined : endpoint('end_session_endpoint');
  } catch {
    endSessionEndpoint = undefined;
  }
  return {
    issuer,
    authorizationEndpoint: endpoint('authorization_endpoint'),
    tokenEndpoint: endpoint('token_endpoint'),
    jwksUri: endpoint('jwks_uri'),
    ...(endSessionEndpoint === undefined ? {} : { endSessionEndpoint }),
  };
}

/** The provider's signing keys by key id (RFC 7517), skipping encryption keys and those that cannot be read. */
export async function fetchJwks(fetchImpl: Fetch, jwksUri: string): Promise<Map<string, KeyObject>> {
  const { status, body } = await providerJson(fetchImpl, jwksUri);
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (status !== 200 || !Array.isArray(keys)) throw new IdentityProviderUnavailable(`the JWKS answered ${status}`);
  const byKid = new Map<string, KeyObject>();
  for (const jwk of keys as Record<string, unknown>[]) {
    if (typeof jwk !== 'object' || jwk === null || jwk.use === 'enc') continue;
    if ('d' in jwk) continue; // a private key is never taken
    try {
      // a key without an id is found by a token without one (`kid` absent)
      byKid.set(typeof jwk.kid === 'string' ? jwk.kid : '', createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' }));
    } catch {
      // a key type node:crypto cannot read is not one any accepted algorithm uses
    }
  }
  return byKid;
}
