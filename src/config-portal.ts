import { isIP } from 'node:net';
import type { Role } from './domain/actor.js';
import { ConfigError } from './errors.js';
import { integer, oneOf } from './config-values.js';

/** How the web portal signs people in and keeps them signed in (docs/portal.md#signing-in). */
export interface PortalConfig {
  /** A signed-in browser's session ends after this long without a request ... */
  readonly sessionIdleSeconds: number;
  /** ... and this long after sign-in, whatever happens. */
  readonly sessionMaxSeconds: number;
  /** `auto`: the session cookie is `Secure` when the request came over HTTPS (`req.secure`); `always`: always. */
  readonly cookieSecure: 'auto' | 'always';
  /**
   * Express's `trust proxy`: which proxies' `X-Forwarded-Proto`/`-For`/`-Host` the service believes (so that it
   * knows a request came over HTTPS, and the client's address). `false`: none (the default: the service's own
   * socket says what it is).
   */
  readonly trustProxy: false | number | readonly string[];
  /**
   * `PUBLIC_URL`: the origin the public reaches the service at (`https://ledger.example.gov.cn`), from which the
   * Atom feed's and the pages' absolute links are made; unset, they follow each request's scheme and `Host`.
   */
  readonly publicOrigin?: string;
  /** Signing in by pasting a token from `ledger token` (the embedded default's development sign-in). */
  readonly devSignIn: boolean;
  /** ... turned on (`PORTAL_DEV_SIGNIN=true`) where it would be off: the service warns at start-up. */
  readonly devSignInOutsideEmbedded: boolean;
  readonly oidc?: OidcConfig;
}

/** The agency's OpenID Connect provider: authorization-code flow with PKCE, a confidential client. */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** This service's callback, `…/signin/callback`, as registered with the provider. */
  readonly redirectUrl: string;
  readonly scopes: readonly string[];
  /** Shown on the sign-in button. */
  readonly providerName: string;
  /** Which claims of the ID token carry the principal. */
  readonly claims: {
    readonly sub: string;
    readonly agency: string;
    readonly roles: string;
    readonly supervises: string;
    readonly name: string;
  };
  /** The provider's role names → the service's; empty: the claim holds the service's role names. */
  readonly roleMap: ReadonlyMap<string, Role>;
}

const ROLES: readonly Role[] = ['officer', 'reviewer', 'supervisor', 'admin', 'integration'];
const CLAIM_NAME = /^[A-Za-z0-9_:./-]{1,100}$/;
const PROXY_NAMED = /^(loopback|linklocal|uniquelocal)$/;
const PROXY_ADDRESS = /^([0-9A-Fa-f:.]{2,45})(?:\/(\d{1,3}))?$/;

/** An address, or a subnet `address/prefix` (prefix 1..32, IPv6 1..128), as Express's `trust proxy` reads it. */
function proxyAddress(entry: string): boolean {
  const [, address = '', prefix] = PROXY_ADDRESS.exec(entry) ?? [];
  const version = isIP(address);
  if (version === 0) return false;
  return prefix === undefined || (Number(prefix) >= 1 && Number(prefix) <= (version === 4 ? 32 : 128));
}

/** The portal's variables, for `--help` and docs/configuration.md. */
export const PORTAL_CONFIG_VARIABLES: readonly { name: string; default: string; description: string }[] = [
  {
    name: 'SESSION_IDLE_MINUTES',
    default: '30',
    description: 'a portal session ends after this many minutes without a request, 1..1440',
  },
  {
    name: 'SESSION_MAX_HOURS',
    default: '8',
    description: 'a portal session ends this many hours after sign-in, 1..24',
  },
  {
    name: 'SESSION_COOKIE_SECURE',
    default: 'auto',
    description: 'auto: the session cookie is Secure when the request came over HTTPS (see TRUST_PROXY) | always',
  },
  {
    name: 'TRUST_PROXY',
    default: 'false',
    description:
      'the proxies whose X-Forwarded-* headers are believed: false | a hop count 1..10 | comma-separated addresses, ' +
      'subnets, loopback, linklocal, uniquelocal',
  },
  {
    name: 'PUBLIC_URL',
    default: "(unset: each request's scheme and Host)",
    description:
      'the origin the public reaches the service at (https://host[:port]), which the Atom feed and the pages make ' +
      'their absolute links from',
  },
  {
    name: 'PORTAL_DEV_SIGNIN',
    default: 'auto',
    description:
      'sign in to the portal with a token of `ledger token`: auto (on only on the embedded default: SQLite, the ' +
      'embedded token key, no OIDC_ISSUER, NODE_ENV not production) | true | false',
  },
  {
    name: 'NODE_ENV',
    default: '(unset)',
    description: 'production (set by the image): the development sign-in stays off unless PORTAL_DEV_SIGNIN=true',
  },
  {
    name: 'OIDC_ISSUER',
    default: '(unset: no OpenID Connect)',
    description: "the identity provider's issuer URL (https, or http on loopback); enables OpenID Connect sign-in",
  },
  { name: 'OIDC_CLIENT_ID', default: '(required with the issuer)', description: "the portal's client id" },
  { name: 'OIDC_CLIENT_SECRET', default: '(required with the issuer)', description: "the portal's client secret" },
  {
    name: 'OIDC_REDIRECT_URL',
    default: '(required with the issuer)',
    description: 'the absolute URL of /signin/callback registered with the provider',
  },
  { name: 'OIDC_SCOPES', default: 'openid profile', description: 'scopes asked for, space-separated (openid always)' },
  { name: 'OIDC_PROVIDER_NAME', default: "(the issuer's host)", description: 'the name on the sign-in button' },
  { name: 'OIDC_CLAIM_SUB', default: 'sub', description: "the ID token claim holding the user's id" },
  { name: 'OIDC_CLAIM_AGENCY', default: 'agency', description: "the claim holding the user's agency code" },
  {
    name: 'OIDC_CLAIM_ROLES',
    default: 'roles',
    description: 'the claim holding the roles (an array or a space-separated string)',
  },
  {
    name: 'OIDC_CLAIM_SUPERVISES',
    default: 'supervises',
    description: 'the claim holding the agencies a supervisor supervises (array; absent: none)',
  },
  { name: 'OIDC_CLAIM_NAME', default: 'name', description: "the claim holding the user's display name" },
  {
    name: 'OIDC_ROLE_MAP',
    default: '(unset: role names as they are)',
    description: "provider roles → the service's, comma-separated idp-role=role, e.g. zfry=officer,fzsh=reviewer",
  },
];

type Read = (name: string) => string | undefined;

/** The `OIDC_*` variables that mean something only with `OIDC_ISSUER`: set without it, they stop start-up. */
const OIDC_WITH_ISSUER = PORTAL_CONFIG_VARIABLES.map((v) => v.name).filter(
  (name) => name.startsWith('OIDC_') && name !== 'OIDC_ISSUER',
);

/**
 * `embedded`: the service runs as the embedded default (SQLite log, the embedded token key), where the
 * development sign-in is on unless the issuer is configured or `NODE_ENV=production`.
 */
export function portalConfig(read: Read, embedded: boolean): PortalConfig {
  const oidc = oidcConfig(read);
  const dev = oneOf('PORTAL_DEV_SIGNIN', read('PORTAL_DEV_SIGNIN'), ['auto', 'true', 'false'] as const, 'auto');
  const embeddedDefault = embedded && oidc === undefined && read('NODE_ENV') !== 'production';
  return {
    sessionIdleSeconds: integer('SESSION_IDLE_MINUTES', read('SESSION_IDLE_MINUTES'), 30, 1, 1440) * 60,
    sessionMaxSeconds: integer('SESSION_MAX_HOURS', read('SESSION_MAX_HOURS'), 8, 1, 24) * 3600,
    cookieSecure: oneOf('SESSION_COOKIE_SECURE', read('SESSION_COOKIE_SECURE'), ['auto', 'always'] as const, 'auto'),
    trustProxy: trustProxy(read('TRUST_PROXY')),
    ...publicOriginOf(read('PUBLIC_URL')),
    devSignIn: dev === 'true' || (dev === 'auto' && embeddedDefault),
    devSignInOutsideEmbedded: dev === 'true' && !embeddedDefault,
    ...(oidc ? { oidc } : {}),
  };
}

/** `PUBLIC_URL`: an http(s) origin, with no path, query, fragment or credentials (a trailing `/` is allowed). */
function publicOriginOf(raw: string | undefined): { publicOrigin?: string } {
  if (raw === undefined) return {};
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_URL', `"${raw}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError('PUBLIC_URL', 'must be an https:// (or http://) URL');
  }
  if (url.username !== '' || url.password !== '') throw new ConfigError('PUBLIC_URL', 'must not hold credentials');
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) {
    throw new ConfigError('PUBLIC_URL', 'must be an origin only, such as https://ledger.example.gov.cn (no path)');
  }
  return { publicOrigin: url.origin };
}

function trustProxy(raw: string | undefined): PortalConfig['trustProxy'] {
  if (raw === undefined || raw === 'false') return false;
  if (/^\d+$/.test(raw)) return integer('TRUST_PROXY', raw, 0, 1, 10);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!PROXY_NAMED.test(entry) && !proxyAddress(entry)) {
      throw new ConfigError('TRUST_PROXY', `"${entry}" is not a hop count, an address, a subnet or loopback`);
    }
  }
  return entries;
}

function oidcConfig(read: Read): OidcConfig | undefined {
  const issuer = read('OIDC_ISSUER');
  if (issuer === undefined) {
    const stray = OIDC_WITH_ISSUER.find((n) => read(n) !== undefined);
    if (stray)
      throw new ConfigError('OIDC_ISSUER', `is required when ${stray} is set (set OIDC_ISSUER or remove ${stray})`);
    return undefined;
  }
  const issuerUrl = providerUrl('OIDC_ISSUER', issuer);
  const required = (name: string): string => {
    const value = read(name);
    if (value === undefined) throw new ConfigError(name, 'is required when OIDC_ISSUER is set');
    return value;
  };
  const clientId = required('OIDC_CLIENT_ID');
  const clientSecret = required('OIDC_CLIENT_SECRET');
  const redirectUrl = required('OIDC_REDIRECT_URL');
  const redirect = providerUrl('OIDC_REDIRECT_URL', redirectUrl);
  if (!redirect.pathname.endsWith('/signin/callback') || redirect.search !== '' || redirect.hash !== '') {
    throw new ConfigError('OIDC_REDIRECT_URL', "must be the absolute URL of this service's /signin/callback");
  }
  const scopes = new Set(['openid', ...(read('OIDC_SCOPES') ?? 'openid profile').split(/\s+/)]);
  for (const scope of scopes) {
    if (!/^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope)) throw new ConfigError('OIDC_SCOPES', `"${scope}" is not a scope`);
  }
  const claim = (name: string, fallback: string): string => {
    const value = read(name) ?? fallback;
    if (!CLAIM_NAME.test(value)) throw new ConfigError(name, `"${value}" is not a claim name`);
    return value;
  };
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUrl,
    scopes: [...scopes],
    providerName: read('OIDC_PROVIDER_NAME') ?? issuerUrl.host,
    claims: {
      sub: claim('OIDC_CLAIM_SUB', 'sub'),
      agency: claim('OIDC_CLAIM_AGENCY', 'agency'),
      roles: claim('OIDC_CLAIM_ROLES', 'roles'),
      supervises: claim('OIDC_CLAIM_SUPERVISES', 'supervises'),
      name: claim('OIDC_CLAIM_NAME', 'name'),
    },
    roleMap: roleMap(read('OIDC_ROLE_MAP')),
  };
}

/** An https URL, or http on a loopback host (a provider in a test, or on the same machine). */
function providerUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `"${raw}" is not a URL`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(name, 'must be an https:// URL (http:// only on localhost)');
  }
  if (url.username !== '' || url.password !== '') throw new ConfigError(name, 'must not hold credentials');
  return url;
}

function roleMap(raw: string | undefined): ReadonlyMap<string, Role> {
  const map = new Map<string, Role>();
  for (const entry of raw?.split(',') ?? []) {
    const [from = '', to = '', ...rest] = entry.split('=').map((part) => part.trim());
    if (from === '' || rest.length > 0 || !(ROLES as readonly string[]).includes(to)) {
      throw new ConfigError('OIDC_ROLE_MAP', `"${entry.trim()}" is not idp-role=${ROLES.join('|')}`);
    }
    if (map.has(from)) throw new ConfigError('OIDC_ROLE_MAP', `${from} is named twice`);
    map.set(from, to as Role);
  }
  return map;
}
