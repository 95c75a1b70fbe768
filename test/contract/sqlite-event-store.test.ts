import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { agencyReadsContract } from './agency-reads.contract.js';
import { eventStoreContract } from './event-store.contract.js';

for (const writer of ['thread', 'inline'] as const) {
  const open = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-contract-'));
    const store = new SqliteEventStore({ path: path.join(dir, 'events.sqlite'), writer, pollIntervalMs: 50 });
    return { store, dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  };
  eventStoreContract(`SQLite (embedded), ${writer} writer`, open);
  agencyReadsContract(`SQLite (embedded), ${writer} writer`, open);
}
