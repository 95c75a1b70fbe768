import type Database from 'better-sqlite3';

/**
 * The outbox's layout, in `user_version`: 1 added the table of each stream's first pending delivery, 2 the running
 * counts of each subscription's pending and dead deliveries, 3 each delivery's generation.
 */
export const OUTBOX_LAYOUT_VERSION = 3;

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

/**
 * Layout 2: `delivery_counts` holds each subscription's numbers of pending and dead deliveries, kept by triggers in
 * the very statements (so the transactions) that add, change or remove a delivery, whatever code runs them; and
 * `deliveries_pending_age` finds a subscription's oldest pending delivery by one index search. So the counts behind
 * `/metrics` cost one row per subscription, not a read of the pending deliveries (layout 1 counted them on every
 * call). An older file gets the counts from its deliveries, once, as it is brought up to date.
 */
const LAYOUT_2 = `
CREATE TABLE delivery_counts (
  webhook_id TEXT PRIMARY KEY, pending INTEGER NOT NULL, dead INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX deliveries_pending_age ON deliveries (webhook_id, recorded_at) WHERE state = 'pending';
CREATE TRIGGER deliveries_counted_insert AFTER INSERT ON deliveries BEGIN
  INSERT INTO delivery_counts (webhook_id, pending, dead) VALUES (NEW.webhook_id, NEW.state = 'pending', NEW.state = 'dead')
    ON CONFLICT (webhook_id) DO UPDATE SET pending = pending + excluded.pending, dead = dead + excluded.dead;
END;
CREATE TRIGGER deliveries_counted_delete AFTER DELETE ON deliveries BEGIN
  UPDATE delivery_counts SET pending = pending - (OLD.state = 'pending'), dead = dead - (OLD.state = 'dead')
    WHERE webhook_id = OLD.webhook_id;
END;
CREATE TRIGGER deliveries_counted_update AFTER UPDATE OF state, webhook_id ON deliveries
  WHEN OLD.state IS NOT NEW.state OR OLD.webhook_id IS NOT NEW.webhook_id BEGIN
  UPDATE delivery_counts SET pending = pending - (OLD.state = 'pending'), dead = dead - (OLD.state = 'dead')
    WHERE webhook_id = OLD.webhook_id;
  INSERT INTO delivery_counts (webhook_id, pending, dead) VALUES (NEW.webhook_id, NEW.state = 'pending', NEW.state = 'dead')
    ON CONFLICT (webhook_id) DO UPDATE SET pending = pending + excluded.pending, dead = dead + excluded.dead;
END;
INSERT INTO delivery_counts (webhook_id, pending, dead)
  SELECT webhook_id, SUM(state = 'pending'), SUM(state = 'dead') FROM deliveries GROUP BY webhook_id;
`;

/**
 * Layout 3: each delivery's `generation`, which a replay that puts it back raises, so that an attempt begun before
 * the replay records what came of it without undoing the replay (`settle`, `webhook-outbox.ts`). And the deliveries
 * of deleted subscriptions, which layout 2 kept as dead letters (or sent on to fail), leave the outbox.
 */
const LAYOUT_3 = `
ALTER TABLE deliveries ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
DELETE FROM heads WHERE webhook_id IN (SELECT id FROM webhooks WHERE json_extract(doc, '$.deleted') = 1);
DELETE FROM deliveries WHERE webhook_id IN (SELECT id FROM webhooks WHERE json_extract(doc, '$.deleted') = 1);
`;

/** Creates the outbox's tables, or brings an older file's layout up to date (in one transaction). */
export function migrateOutbox(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > OUTBOX_LAYOUT_VERSION)
    throw new Error(`webhook outbox layout ${version} is newer than this version of the service understands`);
  if (version === OUTBOX_LAYOUT_VERSION) return;
  db.transaction(() => {
    if (version < 1) {
      db.exec(TABLES);
      db.exec(LAYOUT_1);
    }
    if (version < 2) db.exec(LAYOUT_2);
    db.exec(LAYOUT_3);
    db.pragma(`user_version = ${OUTBOX_LAYOUT_VERSION}`);
  }).immediate();
}
