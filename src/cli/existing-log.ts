import type { Config } from '../config.js';
import { pathExists } from '../data-folder.js';

/**
 * Refuses a data folder without its embedded event store: a command that reads the log (`check`, `rebuild`) run
 * on a mistyped `LEDGER_DATA_DIR` must say so, not make an empty log there and report it as empty (and one the user
 * may not read says that instead). An EventStoreDB log is checked by opening it.
 */
export function requireExistingLog(config: Config, what: string): void {
  if (config.eventStore.kind === 'sqlite' && !pathExists(config.eventStore.path)) {
    throw new Error(
      `no event store at ${config.eventStore.path}: there is no log here to ${what} (is LEDGER_DATA_DIR right?)`,
    );
  }
}
