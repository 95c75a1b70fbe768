import net from 'node:net';
import { browse, Jar } from './portal-session.js';

/** A TCP port free just now on 127.0.0.1 (the portal's callback URL must be known before the service starts). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A person at the identity provider, by hand: follows its redirects and fills in its own login form (any
 * password; `login` is the account) and consent form, until it sends the browser back to the portal. Returns that
 * URL (the portal's callback, with `code`, `state` and `iss`).
 */
export async function signInAtProvider(authorizationUrl: string, login: string, portalUrl: string): Promise<URL> {
  const jar = new Jar();
  let url = new URL(authorizationUrl);
  for (let step = 0; step < 12; step += 1) {
    const { res, text } = await browse(url.origin, jar, url.pathname + url.search);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url);
      if (url.href.startsWith(portalUrl)) return url;
      continue;
    }
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>[^]*?name="prompt" value="(\w+)"/.exec(text);
    if (res.status !== 200 || !form) throw new Error(`the provider answered ${res.status} at ${url.pathname}`);
    const fields: Record<string, string> = { prompt: form[2]! };
    if (form[2] === 'login') Object.assign(fields, { login, password: 'any' });
    const posted = await browse(url.origin, jar, new URL(form[1]!.replace(/&amp;/g, '&'), url).pathname, {
      form: fields,
    });
    if (posted.res.status < 300 || posted.res.status >= 400) {
      throw new Error(`the provider's ${form[2]} form answered ${posted.res.status}`);
    }
    url = new URL(posted.res.headers.get('location')!, url);
    if (url.href.startsWith(portalUrl)) return url;
  }
  throw new Error('the provider did not send the browser back');
}
