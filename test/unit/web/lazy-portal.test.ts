import type { AddressInfo } from 'node:net';
import express, { Router, type ErrorRequestHandler } from 'express';
import type { PortalAssets } from '../../../src/web/assets.js';
import { lazyPortal, type PortalModule } from '../../../src/web/lazy-portal.js';
import type { PortalDependencies } from '../../../src/web/portal.js';

/**
 * The portal's modules load when a request first reaches the portal: never for a request an API route answers or
 * an API error, once for the first pages asked together, and again after a load that failed.
 */
class Refused extends Error {
  readonly status = 409;
}

function stubPortal(): PortalModule {
  return {
    portal: () => Router().get('/page', (_req, res) => void res.type('html').send('page')),
    portalNotFound: () => (_req, res) => void res.status(404).type('html').send('not found page'),
    // as the portal's: a refusal is a page, anything else the service's error
    portalErrors: () => (err, _req, res, next) => {
      if (err instanceof Refused) res.status(err.status).type('html').send('error page');
      else next(err);
    },
  };
}

async function serve(loadModule: () => Promise<PortalModule>) {
  const web = lazyPortal({ assets: {} } as PortalDependencies & { assets: PortalAssets }, loadModule);
  const app = express();
  app.get('/v1/thing', (_req, res) => void res.json({ ok: true }));
  app.get('/v1/refused', () => {
    throw new Refused('refused');
  });
  app.get('/refused', () => {
    throw new Refused('refused');
  });
  app.use(web.router);
  app.use(web.pages.notFound);
  app.use((_req, res) => void res.status(404).json({ code: 'not_found' }));
  app.use(web.pages.errors);
  const apiErrors: ErrorRequestHandler = (err, _req, res, _next) =>
    void res.status((err as Refused).status ?? 500).json({ code: err instanceof Refused ? 'refused' : 'internal' });
  app.use(apiErrors);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get: async (path: string, accept = 'text/html') => {
      const res = await fetch(base + path, { headers: { accept } });
      return `${res.status} ${await res.text()}`;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('the portal loaded on first use', () => {
  it('when only the API is used, then the portal is never loaded; the first pages load it once', async () => {
    let loads = 0;
    const app = await serve(async () => {
      loads += 1;
      return stubPortal();
    });
    try {
      expect(await app.get('/v1/thing', 'application/json')).toBe('200 {"ok":true}');
      // an API error, even asked for as HTML, is the API's answer
      expect(await app.get('/v1/refused')).toBe('409 {"code":"refused"}');
      expect(await app.get('/v1/refused', 'application/json')).toBe('409 {"code":"refused"}');
      expect(loads).toBe(0);
      // pages asked at once share one load
      expect(await Promise.all([app.get('/page'), app.get('/page'), app.get('/nowhere')])).toEqual([
        '200 page',
        '200 page',
        '404 not found page',
      ]);
      expect(await app.get('/refused')).toBe('409 error page');
      expect(loads).toBe(1);
    } finally {
      await app.close();
    }
  });

  it("when a page's error comes before the portal was loaded, then it loads it to show the error page", async () => {
    let loads = 0;
    const app = await serve(async () => {
      loads += 1;
      return stubPortal();
    });
    try {
      expect(await app.get('/refused')).toBe('409 error page');
      expect(loads).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('when loading fails, then that request is an error and the next one loads again', async () => {
    let loads = 0;
    const app = await serve(async () => {
      loads += 1;
      if (loads === 1) throw new Error('cannot load');
      return stubPortal();
    });
    try {
      // the error's page is asked for the failure too, which loads it again (an error that is not a refusal: the
      // service's answer)
      expect(await app.get('/page')).toBe('500 {"code":"internal"}');
      expect(loads).toBe(2);
      expect(await app.get('/page')).toBe('200 page');
      expect(loads).toBe(2);
    } finally {
      await app.close();
    }
  });
});
