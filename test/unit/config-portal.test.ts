import express from 'express';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const cwd = '/srv/ledger';
const OIDC = {
  OIDC_ISSUER: 'https://idp.county.gov.cn/realms/enforcement',
  OIDC_CLIENT_ID: 'ledger-portal',
  OIDC_CLIENT_SECRET: 's3cret',
  OIDC_REDIRECT_URL: 'https://ledger.county.gov.cn/signin/callback',
};

function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, cwd);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('the configuration was accepted');
}

describe('the portal configuration', () => {
  it('when nothing is set, then sessions last 30 idle minutes and 8 hours, no proxy is trusted, and the development sign-in is on', () => {
    expect(loadConfig({}, cwd).portal).toEqual({
      sessionIdleSeconds: 1800,
      sessionMaxSeconds: 28_800,
      cookieSecure: 'auto',
      trustProxy: false,
      devSignIn: true,
      devSignInOutsideEmbedded: false,
    });
  });

  it('when the tokens come from an identity provider, the log from EventStoreDB, OIDC is configured or NODE_ENV is production, then the development sign-in is off unless asked for', () => {
    expect(loadConfig({ JWT_JWKS_FILE: 'idp.jwks' }, cwd).portal.devSignIn).toBe(false);
    expect(loadConfig(OIDC, cwd).portal.devSignIn).toBe(false);
    expect(loadConfig({ ...OIDC, PORTAL_DEV_SIGNIN: 'true' }, cwd).portal.devSignIn).toBe(true);
    expect(loadConfig({ PORTAL_DEV_SIGNIN: 'false' }, cwd).portal.devSignIn).toBe(false);
    expect(loadConfig({ EVENTSTORE_URL: 'esdb://kurrentdb:2113?tls=false' }, cwd).portal.devSignIn).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }, cwd).portal.devSignIn).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', PORTAL_DEV_SIGNIN: 'true' }, cwd).portal).toMatchObject({
      devSignIn: true,
      devSignInOutsideEmbedded: true,
    });
  });

  it('when OIDC is configured, then the claims default to the service names and the role map is read', () => {
    const { oidc } = loadConfig({ ...OIDC, OIDC_ROLE_MAP: 'zfry=officer, fzsh=reviewer' }, cwd).portal;
    expect(oidc).toMatchObject({
      issuer: OIDC.OIDC_ISSUER,
      clientId: 'ledger-portal',
      scopes: ['openid', 'profile'],
      providerName: 'idp.county.gov.cn',
      claims: { sub: 'sub', agency: 'agency', roles: 'roles', supervises: 'supervises', name: 'name' },
    });
    expect([...oidc!.roleMap]).toEqual([
      ['zfry', 'officer'],
      ['fzsh', 'reviewer'],
    ]);
  });

  it.each([
    [{ ...OIDC, OIDC_CLIENT_SECRET: '' }, 'OIDC_CLIENT_SECRET'],
    [{ OIDC_CLIENT_ID: 'x' }, 'OIDC_ISSUER'],
    [{ OIDC_ROLE_MAP: 'x=wizard' }, 'OIDC_ISSUER'],
    [{ OIDC_ROLE_MAP: 'zfry=officer' }, 'OIDC_ISSUER'],
    [{ OIDC_SCOPES: 'openid email' }, 'OIDC_ISSUER'],
    [{ OIDC_PROVIDER_NAME: 'County IdP' }, 'OIDC_ISSUER'],
    [{ OIDC_CLAIM_AGENCY: 'org' }, 'OIDC_ISSUER'],
    [{ ...OIDC, OIDC_ISSUER: 'http://idp.county.gov.cn' }, 'OIDC_ISSUER'],
    [{ ...OIDC, OIDC_REDIRECT_URL: 'https://ledger.county.gov.cn/elsewhere' }, 'OIDC_REDIRECT_URL'],
    [{ ...OIDC, OIDC_ROLE_MAP: 'zfry=chief' }, 'OIDC_ROLE_MAP'],
    [{ ...OIDC, OIDC_CLAIM_ROLES: 'roles claim' }, 'OIDC_CLAIM_ROLES'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '300.1.1.1' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'fd00::/129' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/0' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'loopback,' }, 'TRUST_PROXY'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES'],
    [{ SESSION_MAX_HOURS: '25' }, 'SESSION_MAX_HOURS'],
    [{ PORTAL_DEV_SIGNIN: 'yes' }, 'PORTAL_DEV_SIGNIN'],
  ])('when %j is set, then start-up stops naming %s', (env, variable) => {
    expect(refusal(env as Record<string, string>).variable).toBe(variable);
  });

  it('when an OIDC_* variable is set without OIDC_ISSUER, then the refusal says to set the issuer or remove it', () => {
    expect(() => loadConfig({ OIDC_ROLE_MAP: 'x=wizard' }, cwd)).toThrow(
      'OIDC_ISSUER: is required when OIDC_ROLE_MAP is set (set OIDC_ISSUER or remove OIDC_ROLE_MAP)',
    );
  });

  it('when TRUST_PROXY names proxies, then they are kept for Express', () => {
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, cwd).portal.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(loadConfig({ TRUST_PROXY: '1' }, cwd).portal.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1,fd00::/8,::ffff:10.0.0.1' }, cwd).portal.trustProxy).toEqual([
      '10.0.0.1',
      'fd00::/8',
      '::ffff:10.0.0.1',
    ]);
  });

  it.each(['loopback, 10.0.0.0/8', '10.0.0.1,fd00::/8,::ffff:10.0.0.1', '192.168.1.0/24, linklocal, uniquelocal', '3'])(
    'when TRUST_PROXY is %s, then Express takes what the configuration accepted',
    (value) => {
      const { trustProxy } = loadConfig({ TRUST_PROXY: value }, cwd).portal;
      expect(() => express().set('trust proxy', trustProxy)).not.toThrow();
    },
  );

  it('when TRUST_PROXY names an address or subnet Express cannot read, then start-up stops naming it, not later', () => {
    expect(refusal({ TRUST_PROXY: 'loopback, 10.0.0.0/33' }).message).toBe(
      'TRUST_PROXY: "10.0.0.0/33" is not a hop count, an address, a subnet or loopback',
    );
  });

  it('when PUBLIC_URL is an origin, then links are made from it (a trailing slash dropped); anything else stops start-up naming it', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://ledger.county.gov.cn/' }, cwd).portal.publicOrigin).toBe(
      'https://ledger.county.gov.cn',
    );
    expect(loadConfig({ PUBLIC_URL: 'http://10.1.2.3:8080' }, cwd).portal.publicOrigin).toBe('http://10.1.2.3:8080');
    expect(loadConfig({}, cwd).portal).not.toHaveProperty('publicOrigin');
    for (const [value, said] of [
      ['ledger.county.gov.cn', '"ledger.county.gov.cn" is not a URL'],
      ['ftp://ledger.county.gov.cn', 'must be an https:// (or http://) URL'],
      ['https://admin:pw@ledger.county.gov.cn', 'must not hold credentials'],
      [
        'https://ledger.county.gov.cn/ledger',
        'must be an origin only, such as https://ledger.example.gov.cn (no path)',
      ],
      ['https://ledger.county.gov.cn/?a=1', 'must be an origin only, such as https://ledger.example.gov.cn (no path)'],
      ['https://ledger.county.gov.cn/#top', 'must be an origin only, such as https://ledger.example.gov.cn (no path)'],
    ]) {
      expect(refusal({ PUBLIC_URL: value! }).message).toBe(`PUBLIC_URL: ${said}`);
    }
  });
});
