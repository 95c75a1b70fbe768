import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The checkpoint thread of the embedded store. The writer does not checkpoint the write-ahead log inside its
 * commits (that would put a second write and fsync of every page on the append path); this thread copies
 * committed frames into the database file with passive checkpoints, which never block the writer or readers.
 */
const { path, intervalMs } = workerData as { path: string; intervalMs: number };
const port = parentPort!;
const db = new Database(path, { timeout: 5000 });
db.pragma('synchronous = FULL');

const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy or locked: the next tick tries again; the writer's safety threshold bounds the log meanwhile
  }
}, intervalMs);

port.on('message', (message: { type: 'close' }) => {
  if (message.type !== 'close') return;
  clearInterval(timer);
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
    port.close();
  }
});
