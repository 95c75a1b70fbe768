/**
 * The agency's identity provider, as the portal's sign-in needs it (OpenID Connect, authorization-code flow with
 * PKCE): where to send the browser, and what the code it comes back with proves.
 */
export interface IdentityProvider {
  /** The provider's authorization URL for one sign-in, bound to its `state`, `nonce` and PKCE challenge (S256). */
  authorizationUrl(request: { state: string; nonce: string; codeChallenge: string }): Promise<string>;
  /**
   * Redeems the code with the PKCE verifier and returns the claims of the ID token once verified (signature, issuer,
   * audience, expiry, and that its `nonce` is this sign-in's). A refusal by the provider or an ID token that does
   * not check out is `signin_failed`; a provider that cannot be reached, `identity_provider_unavailable`.
   */
  redeem(request: { code: string; codeVerifier: string; nonce: string }): Promise<Readonly<Record<string, unknown>>>;
  /**
   * Where to send the browser to end its session at the provider too (OpenID Connect RP-Initiated Logout 1.0), to
   * come back to `postLogoutRedirectUrl`; undefined when the provider publishes no `end_session_endpoint` or cannot
   * be reached (signing out of the portal never waits on it).
   */
  logoutUrl(request: { postLogoutRedirectUrl: string }): Promise<string | undefined>;
  /** The issuer identifier (the `iss` the provider may add to its redirect back, RFC 9207). */
  readonly issuer: string;
}
