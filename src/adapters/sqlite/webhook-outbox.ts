import Database from 'better-sqlite3';
import type { Position } from '../../ports/event-store.js';
import type {
  Delivery,
  DeliveryState,
  NewDelivery,
  Settlement,
  StoredWebhook,
  WebhookCounts,
  WebhookOutboxStore,
} from '../../ports/webhook-outbox.js';
import { createPrivateFile } from './private-file.js';
import { migrateOutbox } from './webhook-outbox-schema.js';

/** The streams' first pending deliveries that are due, longest due first: read from `heads` alone, by its index. */
export const DUE_HEADS = 'SELECT seq, webhook_id, stream FROM heads WHERE next_at <= ? ORDER BY next_at, position, seq';

/**
 * Each subscription's counts: its own row, its running counts of pending and dead deliveries (kept by triggers,
 * `webhook-outbox-schema.ts`) and its oldest pending delivery by one index search, never a read of the deliveries.
 */
export const COUNTS = `SELECT w.id, w.delivered, w.failed, w.last_position,
    COALESCE(c.pending, 0) AS pending, COALESCE(c.dead, 0) AS dead,
    (SELECT MIN(d.recorded_at) FROM deliveries d WHERE d.webhook_id = w.id AND d.state = 'pending') AS oldest
  FROM webhooks w LEFT JOIN delivery_counts c ON c.webhook_id = w.id ORDER BY w.id`;

interface CountsRow {
  id: string;
  delivered: number;
  failed: number;
  last_position: number;
  pending: number;
  dead: number;
  oldest: string | null;
}

interface Row {
  seq: number;
  generation: number;
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
    generation: row.generation,
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
  readonly #stmt;
  /** The subscriptions, read once and again after each change this outbox stores (it is their only writer). */
  #webhooks: Map<string, StoredWebhook> | undefined;

  constructor(file: string) {
    createPrivateFile(file);
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    migrateOutbox(this.#db);
    this.#db.prepare('INSERT OR IGNORE INTO outbox_position (id, position) VALUES (1, 0)').run();
    const db = this.#db;
    this.#stmt = {
      position: db.prepare<[], { position: number }>('SELECT position FROM outbox_position WHERE id = 1'),
      move: db.prepare('UPDATE outbox_position SET position = ? WHERE id = 1 AND position < ?'),
      webhooks: db.prepare<[], { doc: string }>('SELECT doc FROM webhooks ORDER BY id'),
      upsert: db.prepare(
        `INSERT INTO webhooks (id, doc, revision) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, revision = excluded.revision
         WHERE excluded.revision > webhooks.revision`,
      ),
      insert: db.prepare(
        `INSERT INTO deliveries (webhook_id, position, stream, event_id, type, recorded_at, body, state, next_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (webhook_id, position) DO NOTHING`,
      ),
      reset: db.prepare<[number, string, number], { seq: number; stream: string; position: number }>(
        `UPDATE deliveries SET state = 'pending', attempts = 0, next_at = ?, last_status = NULL, last_error = NULL,
           generation = generation + 1 WHERE webhook_id = ? AND position = ? RETURNING seq, stream, position`,
      ),
      // a pending delivery becomes its stream's head when it comes first (or is the head, due again)
      headIfFirst: db.prepare(
        `INSERT INTO heads (webhook_id, stream, position, seq, next_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (webhook_id, stream) DO UPDATE SET position = excluded.position, seq = excluded.seq,
           next_at = excluded.next_at WHERE excluded.position <= heads.position`,
      ),
      first: db.prepare<[string, string], { seq: number; position: number; next_at: number }>(
        `SELECT seq, position, next_at FROM deliveries WHERE webhook_id = ? AND stream = ? AND state = 'pending'
         ORDER BY position LIMIT 1`,
      ),
      setHead: db.prepare(
        `INSERT INTO heads (webhook_id, stream, position, seq, next_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (webhook_id, stream) DO UPDATE SET position = excluded.position, seq = excluded.seq,
           next_at = excluded.next_at`,
      ),
      dropHead: db.prepare('DELETE FROM heads WHERE webhook_id = ? AND stream = ?'),
      dueHeads: db.prepare<[number], { seq: number; webhook_id: string; stream: string }>(DUE_HEADS),
      delivery: db.prepare<[number], Row>('SELECT * FROM deliveries WHERE seq = ?'),
      attempted: db.prepare<[number], { webhook_id: string; stream: string; position: number; generation: number }>(
        'SELECT webhook_id, stream, position, generation FROM deliveries WHERE seq = ?',
      ),
      remove: db.prepare<[number]>('DELETE FROM deliveries WHERE seq = ?'),
      fail: db.prepare<[number, string, number, number | null, string | null, number]>(
        'UPDATE deliveries SET attempts = ?, state = ?, next_at = ?, last_status = ?, last_error = ? WHERE seq = ?',
      ),
      dropHeadsOf: db.prepare<[string]>('DELETE FROM heads WHERE webhook_id = ?'),
      dropDeliveriesOf: db.prepare<[string]>('DELETE FROM deliveries WHERE webhook_id = ?'),
      counts: db.prepare<[], CountsRow>(COUNTS),
      count: db.prepare(
        `UPDATE webhooks SET delivered = delivered + ?, failed = failed + ?, last_position = MAX(last_position, ?)
         WHERE id = ?`,
      ),
    };
  }

  position(): Position {
    return this.#stmt.position.get()!.position;
  }

  webhooks(): StoredWebhook[] {
    return [...this.#cached().values()];
  }

  webhook(id: string): StoredWebhook | undefined {
    return this.#cached().get(id);
  }

  #cached(): Map<string, StoredWebhook> {
    this.#webhooks ??= new Map(
      this.#stmt.webhooks.all().map((row) => {
        const webhook = JSON.parse(row.doc) as StoredWebhook;
        return [webhook.id, webhook];
      }),
    );
    return this.#webhooks;
  }

  /** Whether the outbox holds `webhookId` as deleted: nothing more is sent to it. */
  #deleted(webhookId: string): boolean {
    return this.#cached().get(webhookId)?.deleted === true;
  }

  /**
   * Adds a pending delivery due at `now` (unless the subscription has one of that position, or is deleted) and
   * heads its stream if first.
   */
  #insert(delivery: NewDelivery, now: number): number {
    if (this.#deleted(delivery.webhookId)) return 0;
    const added = this.#stmt.insert.run(
      delivery.webhookId,
      delivery.position,
      delivery.stream,
      delivery.eventId,
      delivery.type,
      delivery.recordedAt,
      delivery.body,
      now,
    );
    if (added.changes === 0) return 0;
    const seq = Number(added.lastInsertRowid);
    this.#stmt.headIfFirst.run(delivery.webhookId, delivery.stream, delivery.position, seq, now);
    return 1;
  }

  /** Makes `heads` name the (subscription, stream)'s first pending delivery again, or nothing when none is left. */
  #refreshHead(webhookId: string, stream: string): void {
    const first = this.#stmt.first.get(webhookId, stream);
    if (first) this.#stmt.setHead.run(webhookId, stream, first.position, first.seq, first.next_at);
    else this.#stmt.dropHead.run(webhookId, stream);
  }

  commit(batch: Parameters<WebhookOutboxStore['commit']>[0]): void {
    this.#db.transaction(() => {
      for (const webhook of batch.webhooks) {
        this.#stmt.upsert.run(webhook.id, JSON.stringify(webhook), webhook.revision);
        this.#webhooks = undefined;
      }
      for (const delivery of batch.deliveries) this.#insert(delivery, batch.now);
      // a deleted subscription's deliveries are cancelled: neither sent, nor failed, nor kept as dead letters
      for (const webhook of batch.webhooks) {
        if (!this.#deleted(webhook.id)) continue;
        this.#stmt.dropHeadsOf.run(webhook.id);
        this.#stmt.dropDeliveriesOf.run(webhook.id);
      }
      this.#stmt.move.run(batch.position, batch.position);
    })();
  }

  due(now: number, limit: number, busy?: (webhookId: string, stream: string) => boolean): Delivery[] {
    const seqs: number[] = [];
    if (limit <= 0) return [];
    for (const head of this.#stmt.dueHeads.iterate(now)) {
      if (busy?.(head.webhook_id, head.stream)) continue;
      seqs.push(head.seq);
      if (seqs.length >= limit) break; // leaving the loop closes the statement
    }
    return seqs.flatMap((seq) => {
      const row = this.#stmt.delivery.get(seq);
      return row ? [deliveryOf(row)] : [];
    });
  }

  settle(results: readonly Settlement[]): void {
    if (results.length === 0) return;
    this.#db.transaction(() => {
      const counts = new Map<string, { delivered: number; failed: number; position: number }>();
      const count = (webhookId: string) => {
        let c = counts.get(webhookId);
        if (!c) counts.set(webhookId, (c = { delivered: 0, failed: 0, position: 0 }));
        return c;
      };
      for (const result of results) {
        // gone: delivered before, or its subscription deleted (cancelled); nothing to record, nothing counted
        const row = this.#stmt.attempted.get(result.seq);
        if (!row) continue;
        if (result.outcome === 'cancelled') {
          this.#stmt.remove.run(result.seq);
          this.#refreshHead(row.webhook_id, row.stream);
          continue;
        }
        // a replay put it back while the attempt was in flight: the attempt counts, but the delivery stays as the
        // replay made it, to be sent again
        const current = row.generation === result.generation;
        const c = count(row.webhook_id);
        if (result.outcome === 'delivered') {
          c.delivered++;
          c.position = Math.max(c.position, row.position);
          if (current) this.#stmt.remove.run(result.seq);
        } else {
          c.failed++;
          if (current)
            this.#stmt.fail.run(
              result.attempts,
              result.nextAt === undefined ? 'dead' : 'pending',
              result.nextAt ?? result.now,
              result.status ?? null,
              result.error ?? null,
              result.seq,
            );
        }
        if (current) this.#refreshHead(row.webhook_id, row.stream);
      }
      for (const [webhookId, c] of counts) this.#stmt.count.run(c.delivered, c.failed, c.position, webhookId);
    })();
  }

  requeue(deliveries: readonly NewDelivery[], now: number): number {
    return this.#db.transaction(() => {
      let n = 0;
      for (const delivery of deliveries) {
        if (this.#deleted(delivery.webhookId)) continue;
        const reset = this.#stmt.reset.get(now, delivery.webhookId, delivery.position);
        if (reset) {
          this.#stmt.headIfFirst.run(delivery.webhookId, reset.stream, reset.position, reset.seq, now);
          n++;
        } else n += this.#insert(delivery, now);
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
    return this.#stmt.counts.all().map((r) => ({
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
