import Database from 'better-sqlite3';
import fc from 'fast-check';
import path from 'node:path';
import { COUNTS, SqliteWebhookOutbox } from '../../src/adapters/sqlite/webhook-outbox.js';
import type { Delivery, NewDelivery, StoredWebhook, WebhookCounts } from '../../src/ports/webhook-outbox.js';
import { freshTempDir } from '../support/temp-dir.js';

const dir = freshTempDir('webhook-outbox-counts');

const WEBHOOKS = ['w1', 'w2', 'w3'] as const;

const webhook = (id: string, deleted = false): StoredWebhook => ({
  id,
  agency: 'county-justice',
  url: 'https://receiver.example/hook',
  signing: 'hmac-sha256',
  keyGeneration: 1,
  keyId: `key-${id}`,
  enabled: true,
  deleted,
  revision: deleted ? 2 : 1,
  createdAt: '2026-11-20T01:00:00.000Z',
});

/** A delivery of log position `position`; its event recorded a second per position after a base time. */
const delivery = (webhookId: string, position: number, stream: string): NewDelivery => ({
  webhookId,
  position,
  stream,
  eventId: `e-${position}`,
  type: 'EvidenceCollected',
  recordedAt: new Date(Date.UTC(2026, 10, 20) + ((position * 7919) % 1000) * 1000).toISOString(),
  body: `{"position":${position}}`,
});

/** The counts as a full read of the deliveries gives them: what the running counts must always equal. */
function recount(file: string): WebhookCounts[] {
  const db = new Database(file, { readonly: true });
  const rows = db
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
  db.close();
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

type Op =
  | { readonly op: 'route'; readonly targets: readonly { webhook: number; stream: number }[] }
  | { readonly op: 'settle' | 'fail' | 'dead'; readonly pick: number; readonly count: number }
  | { readonly op: 'replay'; readonly webhook: number; readonly from: number; readonly count: number }
  /** What came of attempts read by the previous `settle`, `fail` or `dead`, recorded again (late, as after a replay). */
  | { readonly op: 'late'; readonly delivered: boolean }
  | { readonly op: 'delete'; readonly webhook: number };

const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('route' as const),
    targets: fc.array(fc.record({ webhook: fc.nat(2), stream: fc.nat(3) }), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({
    op: fc.constantFrom('settle' as const, 'fail' as const, 'dead' as const),
    pick: fc.nat(20),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    op: fc.constant('replay' as const),
    webhook: fc.nat(2),
    from: fc.nat(40),
    count: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({ op: fc.constant('late' as const), delivered: fc.boolean() }),
  fc.record({ op: fc.constant('delete' as const), webhook: fc.nat(2) }),
);

describe("the webhook outbox's running counts (SQLite)", () => {
  it('when deliveries are routed, delivered, failed, given up, replayed and cancelled in any mix, then the counts always equal a full recount', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(ops, { minLength: 1, maxLength: 30 }), (steps) => {
        const file = path.join(dir(), `webhooks-${run++}.sqlite`);
        const store = new SqliteWebhookOutbox(file);
        /** Every delivery routed so far, as the router made it (what a replay puts back). */
        const routed: NewDelivery[] = [];
        /** The deliveries the last settling step attempted. */
        let attempted: Delivery[] = [];
        let position = 0;
        let now = 1_000;
        try {
          store.commit({ webhooks: WEBHOOKS.map((id) => webhook(id)), deliveries: [], position: 0, now });
          for (const step of steps) {
            now += 1_000;
            if (step.op === 'route') {
              const deliveries = step.targets.map((t) =>
                delivery(WEBHOOKS[t.webhook]!, ++position, `case-${t.stream}:x`),
              );
              routed.push(...deliveries);
              store.commit({ webhooks: [], deliveries, position, now });
            } else if (step.op === 'replay') {
              const again = routed
                .filter((d) => d.webhookId === WEBHOOKS[step.webhook] && d.position >= step.from)
                .slice(0, step.count);
              store.requeue(again, now);
            } else if (step.op === 'delete') {
              store.commit({ webhooks: [webhook(WEBHOOKS[step.webhook]!, true)], deliveries: [], position, now });
            } else if (step.op === 'late') {
              store.settle(
                attempted.map((d) =>
                  step.delivered
                    ? { seq: d.seq, generation: d.generation, outcome: 'delivered' as const }
                    : { seq: d.seq, generation: d.generation, outcome: 'failed' as const, attempts: 9, now },
                ),
              );
            } else {
              const due = store.due(now, 100).slice(step.pick % 5, (step.pick % 5) + step.count);
              attempted = due;
              store.settle(
                due.map((d) =>
                  step.op === 'settle'
                    ? { seq: d.seq, generation: d.generation, outcome: 'delivered' as const }
                    : {
                        seq: d.seq,
                        generation: d.generation,
                        outcome: 'failed' as const,
                        attempts: d.attempts + 1,
                        status: 503,
                        now,
                        ...(step.op === 'fail' ? { nextAt: now + 500 } : {}),
                      },
                ),
              );
            }
            expect(store.counts()).toEqual(recount(file));
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('when an outbox of the layout before the running counts is opened, then its counts are made from its deliveries once', () => {
    const file = path.join(dir(), 'webhooks.sqlite');
    const store = new SqliteWebhookOutbox(file);
    store.commit({
      webhooks: WEBHOOKS.map((id) => webhook(id)),
      deliveries: [1, 2, 3, 4, 5].map((p) => delivery(p % 2 === 0 ? 'w1' : 'w2', p, `case-${p % 3}:x`)),
      position: 5,
      now: 0,
    });
    const [first] = store.due(1_000, 10);
    store.settle([{ seq: first!.seq, generation: 0, outcome: 'failed', attempts: 1, status: 500, now: 1_000 }]);
    const expected = recount(file);
    store.close();
    // back to layout 1, as the service wrote it before keeping counts
    const old = new Database(file);
    old.exec(`
      DROP TRIGGER deliveries_counted_insert;
      DROP TRIGGER deliveries_counted_delete;
      DROP TRIGGER deliveries_counted_update;
      DROP INDEX deliveries_pending_age;
      DROP TABLE delivery_counts;
      ALTER TABLE deliveries DROP COLUMN generation;
      PRAGMA user_version = 1;`);
    old.close();

    const reopened = new SqliteWebhookOutbox(file);
    expect(expected.map((c) => [c.webhookId, c.pending, c.dead])).toEqual([
      ['w1', 2, 0],
      ['w2', 2, 1],
      ['w3', 0, 0],
    ]);
    expect(reopened.counts()).toEqual(expected);
    reopened.close();
  });

  it('when the counts are read, then SQLite reads one row per subscription and searches indexes, never scanning the deliveries', () => {
    const file = path.join(dir(), 'webhooks.sqlite');
    new SqliteWebhookOutbox(file).close();
    const db = new Database(file, { readonly: true });
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${COUNTS}`).all() as { detail: string }[];
    db.close();
    const details = plan.map((row) => row.detail);
    expect(details.filter((d) => d.startsWith('SCAN'))).toEqual([expect.stringMatching(/^SCAN w\b/)]);
    expect(details).toContainEqual(expect.stringContaining('SEARCH d USING COVERING INDEX deliveries_pending_age'));
    expect(details.join('\n')).not.toContain('TEMP B-TREE');
  });
});
