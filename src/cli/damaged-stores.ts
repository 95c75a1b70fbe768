import path from 'node:path';
import { damaged, isDamage } from '../adapters/sqlite/damage.js';
import { readModelPath } from '../compose.js';
import type { Config } from '../config.js';
import { ReadModelsDamaged } from '../errors.js';

/** The SQLite files of the configuration's stores, each with what it holds and what to do when it is damaged. */
export function sqliteStores(config: Config): { readonly file: string; readonly remedy: string }[] {
  return [
    ...(config.eventStore.kind === 'sqlite'
      ? [{ file: config.eventStore.path, remedy: 'the log: restore it from a backup' }]
      : []),
    ...(config.dataKeyStore.kind === 'sqlite'
      ? [{ file: config.dataKeysFile, remedy: "the cases' data keys: restore it from a backup" }]
      : []),
    { file: path.join(config.dataDir, 'webhooks.sqlite'), remedy: 'the webhook outbox: restore it from a backup' },
    { file: readModelPath(config), remedy: 'the read models: "ledger rebuild" makes them again from the log' },
  ];
}

/**
 * Runs a command that opens the stores; when SQLite finds one it cannot read (`SQLITE_NOTADB`, `SQLITE_CORRUPT`),
 * which says only "file is not a database", the error names each damaged file and what to do about it
 * (`ledger serve`, `ledger rebuild`, `ledger check` alike). `configOf` is asked only then.
 */
export async function namingDamagedStores<T>(configOf: () => Config, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (caught) {
    // the read models' store says it in its own words; SQLite's are what is named here
    const err = caught instanceof ReadModelsDamaged ? caught.cause : caught;
    if (!isDamage(err)) throw caught;
    const files = sqliteStores(configOf()).filter(({ file }) => damaged(file));
    if (files.length === 0) throw caught;
    throw new Error(
      `${(err as Error).message}: ${files.map(({ file, remedy }) => `${file} is damaged (${remedy})`).join('; ')}`,
      { cause: caught },
    );
  }
}
