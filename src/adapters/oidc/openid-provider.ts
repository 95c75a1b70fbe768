import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { IdentityProviderUnavailable, SignInFailed } from '../../errors.js';
import type { IdentityProvider } from '../../ports/identity-provider.js';
import {
  discover,
  fetchJwks,
  JWKS_REFRESH_MS,
  providerJson,
  type Fetch,
  type ProviderMetadata,
} from './provider-metadata.js';

export interface OpenIdProviderOptions {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUrl: string;
  readonly scopes: readonly string[];
  readonly clockSkewSeconds: number;
  readonly now: () => Date;
  readonly fetch?: Fetch;
}

/** The ID token algorithms accepted: asymmetric only (never `none`, never HMAC keyed with the client secret). */
const ALGORITHMS: jwt.Algorithm[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
/** Header parameters that name or embed a key: the provider's keys come from its JWKS only. */
const KEY_BEARING_HEADERS = ['jku', 'x5u', 'x5c', 'jwk', 'crit'];
/** The longest ID token read. */
const MAX_ID_TOKEN_LENGTH = 16 * 1024;

/**
 * An OpenID Connect provider for the portal's sign-in, over `fetch`: discovery (once, again after a failure), the
 * authorization URL, the token request (`client_secret_basic`, with the PKCE verifier), and the ID token verified
 * with `jsonwebtoken` against the provider's JWKS. No client library: the protocol surface used is small, and
 * each check is visible here.
 */
export class OpenIdProvider implements IdentityProvider {
  readonly issuer: string;
  readonly #fetch: Fetch;
  #metadata?: Promise<ProviderMetadata>;
  #keys = new Map<string, KeyObject>();
  #keysFetchedAt = -Infinity;

  constructor(private readonly options: OpenIdProviderOptions) {
    this.issuer = options.issuer;
    this.#fetch = options.fetch ?? ((url, init) => fetch(url, init));
  }

  async authorizationUrl(request: { state: string; nonce: string; codeChallenge: string }): Promise<string> {
    const metadata = await this.#discovered();
    const url = new URL(metadata.authorizationEndpoint);
    const params = {
      response_type: 'code',
      client_id: this.options.clientId,
      redirect_uri: this.options.redirectUrl,
      scope: this.options.scopes.join(' '),
      state: request.state,
      nonce: request.nonce,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
    };
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url.toString();
  }

  async logoutUrl(request: { postLogoutRedirectUrl: string }): Promise<string | undefined> {
    let metadata: ProviderMetadata;
    try {
      metadata = await this.#discovered();
    } catch {
      return undefined; // the provider is unreachable: the portal's own sign-out stands
    }
    if (metadata.endSessionEndpoint === undefined) return undefined;
    const url = new URL(metadata.endSessionEndpoint);
    // no ID token is kept to hint with: the client and where to come back name the sign-out, which the provider
    // may confirm with the user
    url.searchParams.set('client_id', this.options.clientId);
    url.searchParams.set('post_logout_redirect_uri', request.postLogoutRedirectUrl);
    return url.toString();
  }

  async redeem(request: { code: string; codeVerifier: string; nonce: string }): Promise<Record<string, unknown>> {
    const metadata = await this.#discovered();
    const credentials = `${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.options.clientSecret)}`;
    const { status, body } = await providerJson(this.#fetch, metadata.tokenEndpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: request.code,
        redirect_uri: this.options.redirectUrl,
        code_verifier: request.codeVerifier,
      }).toString(),
    });
    const answer = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (status === 400 || status === 401) {
      throw new SignInFailed(`the identity provider refused the code (${errorCode(answer.error)})`);
    }
    if (status !== 200) throw new IdentityProviderUnavailable(`the token endpoint answered ${status}`);
    if (typeof answer.id_token !== 'string') throw new SignInFailed('the identity provider sent no ID token');
    return this.#verify(answer.id_token, request.nonce);
  }

  /** OpenID Connect Core §3.1.3.7: signature (JWKS), `iss`, `aud` (and `azp`), `exp`, `iat`, `nonce`. */
  async #verify(idToken: string, nonce: string): Promise<Record<string, unknown>> {
    if (idToken.length > MAX_ID_TOKEN_LENGTH) throw new SignInFailed('the ID token is too large');
    const decoded = jwt.decode(idToken, { complete: true });
    if (!decoded || typeof decoded.payload !== 'object') throw new SignInFailed('the ID token is malformed');
    const header = decoded.header as unknown as Record<string, unknown>;
    for (const name of KEY_BEARING_HEADERS) {
      if (name in header) throw new SignInFailed(`the ID token's header parameter ${name} is not accepted`);
    }
    const alg = header.alg;
    if (typeof alg !== 'string' || !(ALGORITHMS as string[]).includes(alg)) {
      throw new SignInFailed('the ID token is signed with an algorithm not accepted');
    }
    const key = await this.#key(typeof header.kid === 'string' ? header.kid : '');
    let claims: jwt.JwtPayload | string;
    try {
      claims = jwt.verify(idToken, key, {
        algorithms: [alg as jwt.Algorithm],
        issuer: this.issuer,
        audience: this.options.clientId,
        clockTolerance: this.options.clockSkewSeconds,
        clockTimestamp: Math.floor(this.options.now().getTime() / 1000),
      });
    } catch (err) {
      throw new SignInFailed(`the ID token does not check out (${reasonOf(err)})`);
    }
    if (typeof claims !== 'object') throw new SignInFailed('the ID token is malformed');
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') {
      throw new SignInFailed('the ID token has no exp or iat');
    }
    if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== this.options.clientId) {
      throw new SignInFailed('the ID token was issued to another party (azp)');
    }
    if (claims.nonce !== nonce) throw new SignInFailed('the ID token is not for this sign-in (nonce)');
    return claims as Record<string, unknown>;
  }

  /** The provider's key of this id, fetching the JWKS when it is not known (a rotation), at most once a minute. */
  async #key(kid: string): Promise<KeyObject> {
    let key = this.#keys.get(kid);
    const now = this.options.now().getTime();
    if (!key && now - this.#keysFetchedAt >= JWKS_REFRESH_MS) {
      const metadata = await this.#discovered();
      this.#keys = await fetchJwks(this.#fetch, metadata.jwksUri);
      this.#keysFetchedAt = now;
      key = this.#keys.get(kid);
    }
    if (!key) throw new SignInFailed('the ID token is signed with a key the identity provider does not publish');
    return key;
  }

  #discovered(): Promise<ProviderMetadata> {
    this.#metadata ??= discover(this.#fetch, this.issuer).catch((err: unknown) => {
      this.#metadata = undefined; // try again on the next sign-in
      throw err;
    });
    return this.#metadata;
  }
}

/** An OAuth error code is a short token (RFC 6749 §5.2); anything else is not repeated. */
function errorCode(value: unknown): string {
  return typeof value === 'string' && /^[\x20-\x21\x23-\x5b\x5d-\x7e]{1,64}$/.test(value) ? value : 'no error code';
}

/** jsonwebtoken's failures → short reasons (never its messages, which may quote expected values). */
function reasonOf(err: unknown): string {
  if (err instanceof jwt.TokenExpiredError) return 'expired';
  if (err instanceof jwt.NotBeforeError) return 'not yet valid';
  const message = err instanceof Error ? err.message : '';
  if (message === 'invalid signature') return 'invalid signature';
  if (message.startsWith('jwt audience invalid')) return 'wrong audience';
  if (message.startsWith('jwt issuer invalid')) return 'wrong issuer';
  return 'invalid token';
}
