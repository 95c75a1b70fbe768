import type Database from 'better-sqlite3';

/** The outbox's layout, in `user_version`: 1 added the table of each stream's first pending delivery. */
export const OUTBOX_LAYOUT_VERSION = 1;

const TABLES = `
CREATE TABLE IF NOT EXISTS outbox_position (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS webhooks (
  id TEXT PRIMARY KEY, doc TEXT NOT NULL, revision INTEGER NOT NULL,
  delivered INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, last_position INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, webhook_id TEXT NOT NULL, position INTEGER NOT NULL, stream TEXT NOT NULL,
  event_id TEXT NOT NULL, type TEXT NOT NULL, recorded_at TEXT NOT NULL, body TEXT NOT NULL,
  state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL,
  last_status INTEGER, last_error TEXT, UNIQUE (webhook_id, position));
`;

/**
 * Layout 1: `heads` holds, for each (subscription, stream) with pending deliveries, the first of them (lowest log
 * position) and when it is due, so that finding what to send next reads one row per due stream, whatever the number
 * of pending deliveries behind them (layout 0 searched the pending deliveries for each stream's first on every
 * read). A layout-0 file gets the table filled from its pending deliveries.
 */
const LAYOUT_1 = `
DROP INDEX IF EXISTS deliveries_stream;
DROP INDEX IF EXISTS deliveries_due;
CREATE INDEX deliveries_pending ON deliveries (webhook_id, stream, position) WHERE state = 'pending';
CREATE TABLE heads (
  webhook_id TEXT NOT NULL, stream TEXT NOT NULL, position INTEGER NOT NULL, seq INTEGER NOT NULL,
  next_at INTEGER NOT NULL, PRIMARY KEY (webhook_id, stream)) WITHOUT ROWID;
CREATE INDEX heads_due ON heads (next_at, position, seq);
INSERT INTO heads (webhook_id, stream, position, seq, next_at)
  SELECT d.webhook_id, d.stream, d.position, d.seq, d.next_at FROM deliveries d
  WHERE d.state = 'pending' AND d.position = (SELECT MIN(e.position) FROM deliveries e
    WHERE e.webhook_id = d.webhook_id AND e.stream = d.stream AND e.state = 'pending');
`;

/** Creates the outbox's tables, or brings an older file's layout up to date (in one transaction). */
export function migrateOutbox(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > OUTBOX_LAYOUT_VERSION)
    throw new Error(`webhook outbox layout ${version} is newer than this version of the service understands`);
  if (version === OUTBOX_LAYOUT_VERSION) return;
  db.transaction(() => {
    db.exec(TABLES);
    db.exec(LAYOUT_1);
    db.pragma(`user_version = ${OUTBOX_LAYOUT_VERSION}`);
  }).immediate();
}
