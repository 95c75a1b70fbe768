import type { Logger } from 'pino';
import { dataKeyCoverage, type UncoveredScope } from './app/data-key-coverage.js';
import type { Config } from './config.js';
import { ConfigError } from './errors.js';
import type { DataKeyStore } from './ports/data-keys.js';
import type { EventStore } from './ports/event-store.js';

/**
 * Start-up refuses a data-key store that cannot open the log's newest sealed data (docs/privacy.md, "Replicas and
 * production"), as it refuses a keyring that cannot verify the log's signatures (src/replica-keys.ts): a replica
 * started with a data-key file of its own would read every other replica's sealed text as `[sealed]`, build its
 * read models so, and make new keys for cases that have one. `LEDGER_DATA_KEYS_CHECK=warn` logs it and starts.
 */
export async function checkDataKeysCoverLog(
  config: Config,
  deps: { readonly events: EventStore; readonly dataKeys: DataKeyStore; readonly log: Logger },
): Promise<void> {
  const coverage = await dataKeyCoverage(deps.events, deps.dataKeys);
  if (!coverage) {
    deps.log.warn('data keys: the event store cannot read back from its head; the start-up check is skipped');
    return;
  }
  if (coverage.uncovered.length === 0) return;
  const { uncovered, scopesChecked } = coverage;
  const message =
    `of the ${scopesChecked} most recent cases with sealed personal data in the log, ${uncovered.length} cannot be ` +
    `opened with the data-key store of this service (${storeName(config)}): ${describe(uncovered)}. Every replica of ` +
    'one log needs the same data-key store and master key: LEDGER_DATA_KEY_STORE=media on each (the media bucket or ' +
    'folder they share), or one LEDGER_DATA_KEYS_FILE on one host, and the same LEDGER_MASTER_KEY_FILE. ' +
    'LEDGER_DATA_KEYS_CHECK=warn starts anyway, when those keys are known to be lost (docs/privacy.md)';
  if (config.dataKeysCheck === 'refuse') throw new ConfigError('LEDGER_DATA_KEY_STORE', message);
  deps.log.error(
    { uncovered: uncovered.length, scopesChecked, scopes: uncovered.slice(0, 10).map((u) => u.scope) },
    `data keys: ${message}; starting as LEDGER_DATA_KEYS_CHECK=warn says`,
  );
}

function storeName(config: Config): string {
  return config.dataKeyStore.kind === 'sqlite'
    ? `LEDGER_DATA_KEY_STORE=sqlite, the file ${config.dataKeysFile}`
    : 'LEDGER_DATA_KEY_STORE=media, data-keys/ in the media store';
}

const WHY: Record<UncoveredScope['why'], string> = {
  missing: 'neither a key nor a record of its erasure',
  other_key: 'a key that does not open its data',
  unreadable: 'a key that cannot be read',
};

/** A few of the streams (ids, never personal data), each with why. */
function describe(uncovered: readonly UncoveredScope[]): string {
  const shown = uncovered
    .slice(0, 3)
    .map((u) => `${u.scope} (${WHY[u.why]}${u.reason ? `: ${u.reason}` : ''})`)
    .join(', ');
  return uncovered.length > 3 ? `${shown} and ${uncovered.length - 3} more` : shown;
}
