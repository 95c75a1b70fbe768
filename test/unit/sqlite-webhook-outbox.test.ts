import Database from 'better-sqlite3';
import path from 'node:path';
import { DUE_HEADS, SqliteWebhookOutbox } from '../../src/adapters/sqlite/webhook-outbox.js';
import type { NewDelivery, StoredWebhook } from '../../src/ports/webhook-outbox.js';
import { freshTempDir } from '../support/temp-dir.js';

const dir = freshTempDir('webhook-outbox');

const delivery = (position: number, stream: string): NewDelivery => ({
  webhookId: 'w1',
  position,
  stream,
  eventId: `e-${position}`,
  type: 'EvidenceCollected',
  recordedAt: '2026-11-20T01:00:00.000Z',
  body: `{"position":${position}}`,
});

const webhook = (deleted: boolean, revision: number): StoredWebhook => ({
  id: 'w1',
  agency: 'county-justice',
  url: 'https://receiver.example/hook',
  signing: 'hmac-sha256',
  keyGeneration: 1,
  keyId: 'key-w1',
  enabled: true,
  deleted,
  revision,
  createdAt: '2026-11-20T01:00:00.000Z',
});

/** Delivers whatever is due, a round at a time (one delivery per stream each), and returns the positions sent. */
function drain(store: SqliteWebhookOutbox): number[][] {
  const rounds: number[][] = [];
  for (;;) {
    const due = store.due(1_000, 100);
    if (due.length === 0) return rounds;
    rounds.push(due.map((d) => d.position));
    store.settle(due.map((d) => ({ seq: d.seq, generation: d.generation, outcome: 'delivered' as const })));
  }
}

describe('the webhook outbox (SQLite)', () => {
  it("when the worker asks what is due, then SQLite reads the streams' heads by their index, never the pending deliveries", () => {
    const file = path.join(dir(), 'webhooks.sqlite');
    new SqliteWebhookOutbox(file).close();
    const db = new Database(file, { readonly: true });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${DUE_HEADS}`).all(0) as { detail: string }[];
    db.close();
    const details = plan.map((row) => row.detail).join('\n');
    expect(details).toContain('USING COVERING INDEX heads_due');
    expect(details).not.toContain('deliveries');
    expect(details).not.toContain('TEMP B-TREE');
  });

  it('when many deliveries of a stream are pending, then only its first is due, and each delivered one brings the next', () => {
    const store = new SqliteWebhookOutbox(path.join(dir(), 'webhooks.sqlite'));
    const x = [1, 2, 4, 6].map((p) => delivery(p, 'case-a:x'));
    const y = [3, 5].map((p) => delivery(p, 'case-a:y'));
    store.commit({ webhooks: [], deliveries: [...x, ...y], position: 6, now: 0 });
    expect(store.due(1_000, 100, (_w, stream) => stream === 'case-a:y').map((d) => d.position)).toEqual([1]);
    expect(drain(store)).toEqual([[1, 3], [2, 5], [4], [6]]);
    store.close();
  });

  it('when a delivery fails and is retried later, then its stream waits for it, and a dead letter lets the stream go on', () => {
    const store = new SqliteWebhookOutbox(path.join(dir(), 'webhooks.sqlite'));
    store.commit({ webhooks: [], deliveries: [delivery(1, 'case-a:x'), delivery(2, 'case-a:x')], position: 2, now: 0 });
    const [first] = store.due(1_000, 10);
    store.settle([
      { seq: first!.seq, generation: 0, outcome: 'failed', attempts: 1, nextAt: 5_000, status: 500, now: 1_000 },
    ]);
    expect(store.due(1_000, 10)).toEqual([]);
    expect(store.due(5_000, 10).map((d) => [d.position, d.attempts])).toEqual([[1, 1]]);
    store.settle([{ seq: first!.seq, generation: 0, outcome: 'failed', attempts: 2, status: 500, now: 5_000 }]);
    expect(store.due(5_000, 10).map((d) => d.position)).toEqual([2]);
    expect(store.list('w1', { state: 'dead', limit: 10 }).map((d) => d.position)).toEqual([1]);
    store.close();
  });

  it('when a replay puts a delivery back while an attempt at it is in flight, then the attempt is counted but the delivery stays as the replay made it', () => {
    const store = new SqliteWebhookOutbox(path.join(dir(), 'webhooks.sqlite'));
    store.commit({ webhooks: [webhook(false, 0)], deliveries: [delivery(1, 'case-a:x')], position: 1, now: 0 });
    const [dying, accepted] = [store.due(1_000, 10)[0]!, store.due(1_000, 10)[0]!];
    expect(store.requeue([delivery(1, 'case-a:x')], 2_000)).toBe(1);
    // the last attempt fails: no dead letter, the replay's pending delivery is due at once
    store.settle([
      { seq: dying.seq, generation: dying.generation, outcome: 'failed', attempts: 8, status: 503, now: 3_000 },
    ]);
    expect(store.due(3_000, 10).map((d) => [d.position, d.state, d.attempts, d.generation])).toEqual([
      [1, 'pending', 0, 1],
    ]);
    // the attempt is accepted: the replay's delivery is still to be sent
    expect(store.requeue([delivery(1, 'case-a:x')], 4_000)).toBe(1);
    store.settle([{ seq: accepted.seq, generation: accepted.generation, outcome: 'delivered' }]);
    const [again] = store.due(4_000, 10);
    expect([again!.position, again!.generation]).toEqual([1, 2]);
    expect(store.counts()[0]).toMatchObject({ delivered: 1, failed: 1, pending: 1, dead: 0 });
    store.settle([{ seq: again!.seq, generation: again!.generation, outcome: 'delivered' }]);
    expect(store.list('w1', { limit: 10 })).toEqual([]);
    store.close();
  });

  it('when a subscription is stored as deleted, then its deliveries, pending and dead, leave the outbox uncounted, and none is added for it again', () => {
    const store = new SqliteWebhookOutbox(path.join(dir(), 'webhooks.sqlite'));
    const routed = [1, 2, 3].map((p) => delivery(p, p === 3 ? 'case-a:y' : 'case-a:x'));
    store.commit({ webhooks: [webhook(false, 0)], deliveries: routed, position: 3, now: 0 });
    const [first] = store.due(1_000, 1);
    store.settle([{ seq: first!.seq, generation: 0, outcome: 'failed', attempts: 8, status: 500, now: 1_000 }]);
    expect(store.counts()[0]).toMatchObject({ failed: 1, pending: 2, dead: 1 });

    store.commit({ webhooks: [webhook(true, 1)], deliveries: [], position: 0, now: 2_000 });
    expect(store.list('w1', { limit: 10 })).toEqual([]);
    expect(store.due(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
    expect(store.counts()[0]).toMatchObject({ delivered: 0, failed: 1, pending: 0, dead: 0 });
    // a router batch made before the deletion, committed after it, and a replay that began before it add nothing
    store.commit({ webhooks: [], deliveries: [delivery(4, 'case-a:x')], position: 4, now: 3_000 });
    expect(store.requeue(routed, 3_000)).toBe(0);
    expect(store.list('w1', { limit: 10 })).toEqual([]);
    // an attempt the worker cancels leaves the outbox uncounted
    store.commit({ webhooks: [], deliveries: [{ ...delivery(5, 'case-a:x'), webhookId: 'w2' }], position: 5, now: 0 });
    const [cancelled] = store.due(4_000, 10);
    store.settle([{ seq: cancelled!.seq, generation: 0, outcome: 'cancelled' }]);
    expect(store.list('w2', { limit: 10 })).toEqual([]);
    expect(store.counts()).toEqual([expect.objectContaining({ webhookId: 'w1', delivered: 0, failed: 1 })]);
    store.close();
  });

  it('when an outbox of the layout before generations holds deliveries of a deleted subscription, then once opened they are gone', () => {
    const file = path.join(dir(), 'webhooks.sqlite');
    const store = new SqliteWebhookOutbox(file);
    store.commit({ webhooks: [webhook(false, 0)], deliveries: [delivery(1, 'case-a:x')], position: 1, now: 0 });
    store.close();
    // back to layout 2, which kept a deleted subscription's deliveries
    const old = new Database(file);
    old.exec(`
      ALTER TABLE deliveries DROP COLUMN generation;
      UPDATE webhooks SET doc = json_set(doc, '$.deleted', json('true'));
      PRAGMA user_version = 2;`);
    old.close();

    const reopened = new SqliteWebhookOutbox(file);
    expect(reopened.list('w1', { limit: 10 })).toEqual([]);
    expect(reopened.due(Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
    expect(reopened.counts()[0]).toMatchObject({ pending: 0, dead: 0 });
    reopened.close();
  });

  it('when an outbox of the earlier layout holds pending deliveries, then once opened the first of each stream is due and the rest follow in order', () => {
    const file = path.join(dir(), 'webhooks.sqlite');
    // layout 0, as the service wrote it before the table of stream heads
    const old = new Database(file);
    old.exec(`
      CREATE TABLE outbox_position (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
      CREATE TABLE webhooks (
        id TEXT PRIMARY KEY, doc TEXT NOT NULL, revision INTEGER NOT NULL,
        delivered INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, last_position INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE deliveries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, webhook_id TEXT NOT NULL, position INTEGER NOT NULL, stream TEXT NOT NULL,
        event_id TEXT NOT NULL, type TEXT NOT NULL, recorded_at TEXT NOT NULL, body TEXT NOT NULL,
        state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL,
        last_status INTEGER, last_error TEXT, UNIQUE (webhook_id, position));
      CREATE INDEX deliveries_stream ON deliveries (webhook_id, stream, seq) WHERE state = 'pending';
      CREATE INDEX deliveries_due ON deliveries (next_at) WHERE state = 'pending';
      INSERT INTO outbox_position VALUES (1, 5);`);
    const insert = old.prepare(
      `INSERT INTO deliveries (webhook_id, position, stream, event_id, type, recorded_at, body, state, next_at)
       VALUES ('w1', ?, ?, 'e', 'EvidenceCollected', '2026-11-20T01:00:00.000Z', '{}', ?, 0)`,
    );
    insert.run(1, 'case-a:x', 'dead');
    for (const [position, stream] of [
      [2, 'case-a:x'],
      [3, 'case-a:y'],
      [4, 'case-a:x'],
      [5, 'case-a:y'],
    ] as const)
      insert.run(position, stream, 'pending');
    old.close();

    const store = new SqliteWebhookOutbox(file);
    expect(store.position()).toBe(5);
    expect(drain(store)).toEqual([
      [2, 3],
      [4, 5],
    ]);
    expect(store.list('w1', { limit: 10 }).map((d) => [d.position, d.state])).toEqual([[1, 'dead']]);
    store.close();
  });
});
