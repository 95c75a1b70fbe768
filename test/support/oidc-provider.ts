import { fork } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';

/** Claims of the ID token to replace, on the provider's next token response only. */
export type Tamper = Readonly<Record<string, unknown>>;

export interface ProviderOptions {
  /** The issuer's host name (`localhost`: another site than the portal's `127.0.0.1` for a browser). */
  readonly host: string;
  readonly clients: readonly {
    client_id: string;
    client_secret: string;
    redirect_uris: string[];
    /** Where the provider may send the browser after its sign-out (RP-Initiated Logout). */
    post_logout_redirect_uris?: string[];
  }[];
  /** Account id (the login typed on the provider's page) → the claims the provider holds for it. */
  readonly accounts: Readonly<Record<string, Record<string, unknown>>>;
  /** The provider's signing key (a private RSA JWK), made by the test; its key id. */
  readonly key: Record<string, unknown>;
  readonly kid: string;
}

export type ProviderMessage = { ready: string } | { tampered: true };

export interface OidcProvider {
  /** `http://<host>:<port>`, the provider's issuer identifier. */
  readonly issuer: string;
  /** Makes the provider's next ID token carry these claims instead (re-signed with its own key). */
  tamperNextIdToken(claims: Tamper): Promise<void>;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/**
 * A real OpenID Provider, `oidc-provider` (node-oidc-provider, certified), with its development login and consent
 * pages, in a child process: the package is ESM-only, and Jest runs the tests as CommonJS. It requires PKCE (S256)
 * of every client and signs ID tokens with an RSA key the test generates here.
 */
export async function startOidcProvider(options: Omit<ProviderOptions, 'key' | 'kid'>): Promise<OidcProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const config: ProviderOptions = { ...options, key: privateKey.export({ format: 'jwk' }), kid: 'provider-1' };
  const child = fork(path.join(__dirname, 'oidc-provider-child.ts'), [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const waiting: (() => void)[] = [];
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('oidc-provider did not start within a minute')), START_TIMEOUT_MS);
    child.on('message', (message: ProviderMessage) => {
      if ('ready' in message) {
        clearTimeout(timer);
        resolve(message.ready);
      } else waiting.shift()?.();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`oidc-provider's process ended (${signal ?? `exit ${code}`})`));
    });
  });
  return {
    issuer,
    tamperNextIdToken: (claims) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        child.send({ tamper: claims });
      }),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
