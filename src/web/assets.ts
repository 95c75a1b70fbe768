import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Router } from 'express';

/**
 * The portal's static files: the style sheet beside this module (`assets/`) and the browser scripts the build
 * bundles from `client/` (`npm run build` → `dist/src/web/bundles/`; running from the sources, the bundles of the
 * last build are used). Each is read once, served at `/assets/<name>?v=<digest>` and cached for a year by the
 * browser: a new build changes the digest in the pages' links. A missing bundle only leaves its page without the
 * enhancement: every page reads without JavaScript.
 */

const STYLE_DIR = new URL('./assets/', import.meta.url);
const BUNDLE_DIRS = [new URL('./bundles/', import.meta.url), new URL('../../dist/src/web/bundles/', import.meta.url)];

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly digest: string;
}

function load(dir: URL, name: string): Asset | undefined {
  const file = new URL(name, dir);
  const type = TYPES[name.slice(name.lastIndexOf('.'))];
  if (!type || !fs.existsSync(file)) return undefined;
  const body = fs.readFileSync(file);
  return { body, type, digest: createHash('sha256').update(body).digest('hex').slice(0, 12) };
}

export class PortalAssets {
  readonly #assets = new Map<string, Asset>();

  constructor() {
    for (const name of fs.existsSync(STYLE_DIR) ? fs.readdirSync(STYLE_DIR) : []) this.#add(STYLE_DIR, name);
    const bundles = BUNDLE_DIRS.find((dir) => fs.existsSync(dir));
    for (const name of bundles ? fs.readdirSync(bundles) : []) this.#add(bundles!, name);
  }

  #add(dir: URL, name: string): void {
    const asset = load(dir, name);
    if (asset) this.#assets.set(name, asset);
  }

  /** The URL of an asset, with its digest; undefined when it is not there (a bundle not built). */
  url(name: string): string | undefined {
    const asset = this.#assets.get(name);
    return asset && `/assets/${name}?v=${asset.digest}`;
  }

  /** The asset's bytes, for tests and size budgets. */
  get(name: string): Buffer | undefined {
    return this.#assets.get(name)?.body;
  }

  router(): Router {
    const router = Router();
    router.get('/assets/:name', (req, res, next) => {
      const asset = this.#assets.get(req.params.name);
      if (!asset) {
        next();
        return;
      }
      const immutable = req.query.v === asset.digest;
      res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
      res.type(asset.type).send(asset.body);
    });
    return router;
  }
}
