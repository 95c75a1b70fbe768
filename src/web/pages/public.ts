import type { Router } from 'express';
import { registerDisclosurePage } from './disclosure.js';
import { registerDisclosureList } from './disclosures.js';
import type { PublicPagesDependencies } from './public-parts.js';
import { registerPublishedPages } from './published.js';
import { registerRegisterPages } from './registers.js';
import { registerStatisticsPages } from './statistics.js';
import { registerBenchmarkPages } from './benchmarks.js';

export type { PublicPagesDependencies } from './public-parts.js';

/**
 * The public pages (no sign-in): home, disclosed decisions, one decision, the officer and item lists, the yearly
 * statistics, and what agencies publish before enforcement. Each reads what the public API reads, redacted as it is.
 */
export function registerPublicPages(router: Router, deps: PublicPagesDependencies): void {
  registerDisclosureList(router, deps);
  registerDisclosurePage(router, deps);
  registerRegisterPages(router, deps);
  registerStatisticsPages(router, deps);
  if (deps.published) registerPublishedPages(router, { ...deps, published: deps.published });
  if (deps.discretion) registerBenchmarkPages(router, { ...deps, discretion: deps.discretion });
}
