import { OpenIdProvider } from '../../src/adapters/oidc/openid-provider.js';
import { IdentityProviderUnavailable } from '../../src/errors.js';

const ISSUER = 'https://idp.county.gov.cn';

function providerAnswering(discovery: Record<string, unknown>) {
  const asked: string[] = [];
  const fetch = async (url: string) => {
    asked.push(url);
    return new Response(JSON.stringify(discovery), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const provider = new OpenIdProvider({
    issuer: ISSUER,
    clientId: 'ledger-portal',
    clientSecret: 's',
    redirectUrl: 'https://ledger.county.gov.cn/signin/callback',
    scopes: ['openid'],
    clockSkewSeconds: 30,
    now: () => new Date('2026-03-02T09:00:00Z'),
    fetch,
  });
  return { provider, asked };
}

const GOOD = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/auth`,
  token_endpoint: `${ISSUER}/token`,
  jwks_uri: `${ISSUER}/jwks`,
  code_challenge_methods_supported: ['S256'],
};
const request = { state: 's', nonce: 'n', codeChallenge: 'c' };

describe("the OpenID provider's discovery", () => {
  it('when the discovery document is sound, then the authorization URL is its endpoint with the sign-in bound to it', async () => {
    const { provider, asked } = providerAnswering(GOOD);
    const url = new URL(await provider.authorizationUrl(request));
    expect(asked).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
    expect(url.origin + url.pathname).toBe(`${ISSUER}/auth`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it.each([
    ['names another issuer', { ...GOOD, issuer: 'https://idp.evil.example' }],
    ['offers PKCE without S256', { ...GOOD, code_challenge_methods_supported: ['plain'] }],
    ['sends the token endpoint over http', { ...GOOD, token_endpoint: 'http://idp.county.gov.cn/token' }],
    ['has no jwks_uri', { ...GOOD, jwks_uri: undefined }],
  ])(
    'when the discovery document %s, then sign-in is refused as an unusable provider and tried again next time',
    async (_, doc) => {
      const { provider, asked } = providerAnswering(doc);
      await expect(provider.authorizationUrl(request)).rejects.toBeInstanceOf(IdentityProviderUnavailable);
      await expect(provider.authorizationUrl(request)).rejects.toBeInstanceOf(IdentityProviderUnavailable);
      expect(asked).toHaveLength(2);
    },
  );
});

describe("the OpenID provider's end of session (RP-Initiated Logout)", () => {
  const back = { postLogoutRedirectUrl: 'https://ledger.county.gov.cn/' };

  it('when the provider publishes an end-session endpoint, then sign-out goes there with the client and the way back', async () => {
    const { provider } = providerAnswering({ ...GOOD, end_session_endpoint: `${ISSUER}/session/end` });
    const url = new URL((await provider.logoutUrl(back))!);
    expect(url.origin + url.pathname).toBe(`${ISSUER}/session/end`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'ledger-portal',
      post_logout_redirect_uri: 'https://ledger.county.gov.cn/',
    });
  });

  it.each([
    ['publishes none', GOOD],
    ['publishes one over http', { ...GOOD, end_session_endpoint: 'http://idp.county.gov.cn/session/end' }],
    ['publishes one that is no URL', { ...GOOD, end_session_endpoint: 'not a url' }],
    ['cannot be discovered', { ...GOOD, issuer: 'https://idp.evil.example' }],
  ])('when the provider %s, then there is nowhere to send the browser, and sign-in still works', async (_, doc) => {
    const { provider } = providerAnswering(doc);
    expect(await provider.logoutUrl(back)).toBeUndefined();
    if (doc.issuer === ISSUER) expect(await provider.authorizationUrl(request)).toContain(`${ISSUER}/auth`);
  });
});
