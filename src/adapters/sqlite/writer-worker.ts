import { parentPort, workerData } from 'node:worker_threads';
import { WRITER_CHECKPOINT_PAGES } from './schema.js';
import { SqliteWriter, type WireAppend } from './writer.js';

/**
 * The writer thread of the embedded store. Appends that arrive while a commit runs wait in the message port;
 * after the commit they are all taken together into the next transaction (group commit).
 */
const { path, busyTimeoutMs } = workerData as { path: string; busyTimeoutMs: number };
const port = parentPort!;
const writer = new SqliteWriter(path, busyTimeoutMs, { checkpointPages: WRITER_CHECKPOINT_PAGES });
let pending: WireAppend[] = [];
let scheduled = false;

function commitPending(): void {
  scheduled = false;
  if (pending.length === 0) return;
  const group = pending;
  pending = [];
  port.postMessage({ type: 'outcomes', outcomes: writer.commit(group) });
}

port.on('message', (message: { type: 'append'; appends: WireAppend[] } | { type: 'close' }) => {
  if (message.type === 'close') {
    if (pending.length > 0) commitPending();
    writer.close();
    port.close();
    return;
  }
  pending.push(...message.appends);
  if (!scheduled) {
    scheduled = true;
    setImmediate(commitPending);
  }
});
