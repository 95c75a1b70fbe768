// A real OpenID Provider (oidc-provider, ESM-only) in a process of its own, for the portal's sign-in tests: see
// startOidcProvider in oidc-provider.ts. The configuration arrives as JSON in argv[2].
import http from 'node:http';
import { createPrivateKey, type JsonWebKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import Provider from 'oidc-provider';
import type { ProviderMessage, ProviderOptions, Tamper } from './oidc-provider.js';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as ProviderOptions;
  if (!process.send) throw new Error('oidc-provider-child.ts runs forked, with IPC');
  const send = (message: ProviderMessage) => process.send!(message);
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const issuer = `http://${options.host}:${port}`;
  const { key: signingKey, kid } = options;

  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      ...client,
    })),
    jwks: { keys: [{ ...signingKey, kid, use: 'sig', alg: 'RS256' }] },
    // every client must prove the code is its own (PKCE), and only by S256
    pkce: { required: () => true },
    // the claims of the scopes asked for go into the ID token (the portal reads no userinfo)
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], profile: ['name'], ledger: ['agency', 'roles', 'supervises'] },
    scopes: ['openid', 'profile', 'ledger'],
    cookies: { keys: ['oidc-provider test cookie key'] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, ...(options.accounts[id] ?? {}) }),
    }),
  });

  // a provider gone wrong, or someone between it and the portal: the next ID token is re-signed with other claims
  let tamper: Tamper | undefined;
  const privateKey = createPrivateKey({ key: signingKey as JsonWebKey, format: 'jwk' });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || ctx.status !== 200 || !tamper || typeof body?.id_token !== 'string') return;
    const claims = jwt.decode(body.id_token) as Record<string, unknown>;
    body.id_token = jwt.sign({ ...claims, ...tamper }, privateKey, { algorithm: 'RS256', keyid: kid });
    tamper = undefined;
  });
  process.on('message', (message: { tamper: Tamper }) => {
    tamper = message.tamper;
    send({ tampered: true });
  });
  server.on('request', provider.callback());
  send({ ready: issuer });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
