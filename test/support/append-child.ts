// Test helper process: appends signed events to a SQLite event store as fast as it can and prints one
// "ack" line per acknowledged append, so that a test can kill it with SIGKILL and check what survived.
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { sealEvents, type StreamHead } from '../../src/ledger/envelope.js';
import { testSigner, draft } from './events.js';

const [dbPath, writersArg] = process.argv.slice(2);
const signer = testSigner();
const store = new SqliteEventStore({ path: dbPath! });
process.stdout.write(`key ${signer.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}\n`);

async function writer(stream: string): Promise<void> {
  let head: StreamHead | null = null;
  for (;;) {
    const events = sealEvents(stream, head, [draft(), draft()], signer, new Date().toISOString());
    const result = await store.append(stream, events, head ? head.revision : 'no_stream');
    head = { revision: result.revision, hash: result.hash };
    process.stdout.write(`ack ${stream} ${result.revision} ${result.hash}\n`);
  }
}

for (let i = 0; i < Number(writersArg ?? 8); i++) void writer(`crash-${randomUUID()}`);
