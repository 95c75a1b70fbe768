import Database from 'better-sqlite3';
import type { Position } from '../../ports/event-store.js';
import type {
  Delivery,
  DeliveryState,
  NewDelivery,
  StoredWebhook,
  WebhookCounts,
  WebhookOutboxStore,
} from '../../ports/webhook-outbox.js';
import { createPrivateFile } from './private-file.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox_position (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS webhooks (
  id TEXT PRIMARY KEY, doc TEXT NOT NULL, revision INTEGER NOT NULL,
  delivered INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, last_position INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, webhook_id TEXT NOT NULL, position INTEGER NOT NULL, stream TEXT NOT NULL,
  event_id TEXT NOT NULL, type TEXT NOT NULL, recorded_at TEXT NOT NULL, body TEXT NOT NULL,
  state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL,
  last_status INTEGER, last_error TEXT, UNIQUE (webhook_id, position));
CREATE INDEX IF NOT EXISTS deliveries_stream ON deliveries (webhook_id, stream, seq) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (next_at) WHERE state = 'pending';
`;

interface Row {
  seq: number;
  webhook_id: string;
  position: number;
  stream: string;
  event_id: string;
  type: string;
  recorded_at: string;
  body: string;
  state: DeliveryState;
  attempts: number;
  next_at: number;
  last_status: number | null;
  last_error: string | null;
}

function deliveryOf(row: Row): Delivery {
  return {
    seq: row.seq,
    webhookId: row.webhook_id,
    position: row.position,
    stream: row.stream,
    eventId: row.event_id,
    type: row.type,
    recordedAt: row.recorded_at,
    body: row.body,
    state: row.state,
    attempts: row.attempts,
    nextAt: row.next_at,
    ...(row.last_status === null ? {} : { lastStatus: row.last_status }),
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
  };
}

/**
 * The webhook outbox in a SQLite file of its own (`webhooks.sqlite` in the data folder), WAL with synchronous
 * NORMAL: a process crash loses no commit; a power loss may roll back the last commits, each whole, which loses
 * nothing either: the outbox is derived from the (durable) log, so the router routes those events again from its
 * rolled-back position, and a rolled-back acknowledgement only means the event is sent again (at least once).
 */
export class SqliteWebhookOutbox implements WebhookOutboxStore {
  readonly #db: Database.Database;

  constructor(file: string) {
    createPrivateFile(file);
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.exec(SCHEMA);
    this.#db.prepare('INSERT OR IGNORE INTO outbox_position (id, position) VALUES (1, 0)').run();
  }

  position(): Position {
    return (this.#db.prepare('SELECT position FROM outbox_position WHERE id = 1').get() as { position: number })
      .position;
  }

  webhooks(): StoredWebhook[] {
    const rows = this.#db.prepare('SELECT doc FROM webhooks ORDER BY id').all() as { doc: string }[];
    return rows.map((row) => JSON.parse(row.doc) as StoredWebhook);
  }

  webhook(id: string): StoredWebhook | undefined {
    const row = this.#db.prepare('SELECT doc FROM webhooks WHERE id = ?').get(id) as { doc: string } | undefined;
    return row && (JSON.parse(row.doc) as StoredWebhook);
  }

  readonly #upsert = (webhook: StoredWebhook) =>
    this.#db
      .prepare(
        `INSERT INTO webhooks (id, doc, revision) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, revision = excluded.revision
         WHERE excluded.revision > webhooks.revision`,
      )
      .run(webhook.id, JSON.stringify(webhook), webhook.revision);

  readonly #insert = (delivery: NewDelivery, now: number) =>
    this.#db
      .prepare(
        `INSERT INTO deliveries (webhook_id, position, stream, event_id, type, recorded_at, body, state, next_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (webhook_id, position) DO NOTHING`,
      )
      .run(
        delivery.webhookId,
        delivery.position,
        delivery.stream,
        delivery.eventId,
        delivery.type,
        delivery.recordedAt,
        delivery.body,
        now,
      );

  commit(batch: Parameters<WebhookOutboxStore['commit']>[0]): void {
    this.#db.transaction(() => {
      for (const webhook of batch.webhooks) this.#upsert(webhook);
      for (const delivery of batch.deliveries) this.#insert(delivery, batch.now);
      this.#db
        .prepare('UPDATE outbox_position SET position = ? WHERE id = 1 AND position < ?')
        .run(batch.position, batch.position);
    })();
  }

  due(now: number, limit: number): Delivery[] {
    const rows = this.#db
      .prepare(
        `SELECT d.* FROM deliveries d WHERE d.state = 'pending' AND d.next_at <= ?
           AND d.seq = (SELECT MIN(e.seq) FROM deliveries e
                        WHERE e.webhook_id = d.webhook_id AND e.stream = d.stream AND e.state = 'pending')
         ORDER BY d.seq LIMIT ?`,
      )
      .all(now, limit) as Row[];
    return rows.map(deliveryOf);
  }

  delivered(seq: number): void {
    this.#db.transaction(() => {
      const row = this.#db.prepare('DELETE FROM deliveries WHERE seq = ? RETURNING webhook_id, position').get(seq) as
        { webhook_id: string; position: number } | undefined;
      if (!row) return;
      this.#db
        .prepare('UPDATE webhooks SET delivered = delivered + 1, last_position = MAX(last_position, ?) WHERE id = ?')
        .run(row.position, row.webhook_id);
    })();
  }

  failed(seq: number, failure: Parameters<WebhookOutboxStore['failed']>[1]): void {
    this.#db.transaction(() => {
      const row = this.#db
        .prepare(
          `UPDATE deliveries SET attempts = ?, state = ?, next_at = ?, last_status = ?, last_error = ?
           WHERE seq = ? RETURNING webhook_id`,
        )
        .get(
          failure.attempts,
          failure.nextAt === undefined ? 'dead' : 'pending',
          failure.nextAt ?? failure.now,
          failure.status ?? null,
          failure.error ?? null,
          seq,
        ) as { webhook_id: string } | undefined;
      if (row) this.#db.prepare('UPDATE webhooks SET failed = failed + 1 WHERE id = ?').run(row.webhook_id);
    })();
  }

  requeue(deliveries: readonly NewDelivery[], now: number): number {
    return this.#db.transaction(() => {
      let n = 0;
      for (const delivery of deliveries) {
        const reset = this.#db
          .prepare(
            `UPDATE deliveries SET state = 'pending', attempts = 0, next_at = ?, last_status = NULL, last_error = NULL
             WHERE webhook_id = ? AND position = ?`,
          )
          .run(now, delivery.webhookId, delivery.position);
        n += reset.changes > 0 ? 1 : this.#insert(delivery, now).changes;
      }
      return n;
    })();
  }

  list(webhookId: string, options: { readonly state?: DeliveryState; readonly limit: number }): Delivery[] {
    const rows = (
      options.state === undefined
        ? this.#db
            .prepare('SELECT * FROM deliveries WHERE webhook_id = ? ORDER BY seq LIMIT ?')
            .all(webhookId, options.limit)
        : this.#db
            .prepare('SELECT * FROM deliveries WHERE webhook_id = ? AND state = ? ORDER BY seq LIMIT ?')
            .all(webhookId, options.state, options.limit)
    ) as Row[];
    return rows.map(deliveryOf);
  }

  counts(): WebhookCounts[] {
    const rows = this.#db
      .prepare(
        `SELECT w.id, w.delivered, w.failed, w.last_position,
           (SELECT COUNT(*) FROM deliveries d WHERE d.webhook_id = w.id AND d.state = 'pending') AS pending,
           (SELECT COUNT(*) FROM deliveries d WHERE d.webhook_id = w.id AND d.state = 'dead') AS dead,
           (SELECT MIN(d.recorded_at) FROM deliveries d WHERE d.webhook_id = w.id AND d.state = 'pending') AS oldest
         FROM webhooks w ORDER BY w.id`,
      )
      .all() as {
      id: string;
      delivered: number;
      failed: number;
      last_position: number;
      pending: number;
      dead: number;
      oldest: string | null;
    }[];
    return rows.map((r) => ({
      webhookId: r.id,
      delivered: r.delivered,
      failed: r.failed,
      pending: r.pending,
      dead: r.dead,
      lastDeliveredPosition: r.last_position,
      ...(r.oldest === null ? {} : { oldestPendingRecordedAt: r.oldest }),
    }));
  }

  close(): void {
    this.#db.close();
  }
}
