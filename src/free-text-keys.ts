import fs from 'node:fs';
import type { Logger } from 'pino';
import { systemClock } from './adapters/clock/system-clock.js';
import { freeTextOpener, type BatchOpener } from './app/free-text-opener.js';
import { openBlobStore } from './compose.js';
import type { Config } from './config.js';
import { checkDataKeysCoverLog } from './data-key-check.js';
import { openDataKeyStore } from './data-key-store.js';
import type { EventStore } from './ports/event-store.js';

/**
 * For `ledger rebuild` and `ledger check`, which build read models outside the service: the opener of sealed free
 * text with the service's data keys (docs/privacy.md), so that they build what the service builds. None when the
 * deployment has no master key yet (nothing was ever sealed, and none is made here). Like the service at start-up,
 * refuses a data-key store that cannot open the newest sealed data of `events` (`checkDataKeysCoverLog`): read
 * models built with it would hold `[sealed]` where the service's hold the text.
 */
export async function openFreeTextKeys(
  config: Config,
  log: Logger,
  events: EventStore,
): Promise<{ readonly open: BatchOpener; close(): void } | undefined> {
  if (!fs.existsSync(config.masterKeyFile)) return undefined;
  const blobs = await openBlobStore(config, log);
  try {
    const dataKeys = await openDataKeyStore(config, blobs, systemClock, log);
    try {
      await checkDataKeysCoverLog(config, { events, dataKeys, log });
    } catch (err) {
      dataKeys.close();
      throw err;
    }
    return {
      open: freeTextOpener(dataKeys),
      close: () => {
        dataKeys.close();
        blobs.close?.();
      },
    };
  } catch (err) {
    blobs.close?.();
    throw err;
  }
}
