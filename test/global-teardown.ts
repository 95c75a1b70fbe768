import type { BrowserServer } from 'playwright-core';

/**
 * After the tests: closes the Chromium the global set-up started for the browser tests, if it started one (kept
 * under the symbol that `global-setup.ts` names SHARED_CHROMIUM_SERVER: Jest loads this file without its module mapping,
 * so it imports nothing of ours).
 */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { [key: symbol]: BrowserServer | undefined };
  const key = Symbol.for('evidence-ledger.test.chromium-server');
  const server = holder[key];
  if (!server) return;
  delete holder[key];
  await server.close();
}
