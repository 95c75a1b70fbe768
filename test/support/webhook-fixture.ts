import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { SqliteEventStore } from '../../src/adapters/sqlite/event-store.js';
import { SqliteReadModelStore } from '../../src/adapters/sqlite/read-model-store.js';
import { SqliteWebhookOutbox } from '../../src/adapters/sqlite/webhook-outbox.js';
import { HttpWebhookSender } from '../../src/adapters/webhook-http/sender.js';
import { AddressPolicy, type Resolve } from '../../src/app/webhooks/address-policy.js';
import { DEFAULT_RETRY_SCHEDULE_SECONDS, DeliveryWorker } from '../../src/app/webhooks/delivery-worker.js';
import { WebhookKeys } from '../../src/app/webhooks/webhook-keys.js';
import type { PublicRecords } from '../../src/app/webhooks/payloads.js';
import { WebhookRouter } from '../../src/app/webhooks/webhook-router.js';
import { WebhookService } from '../../src/app/webhooks/webhook-service.js';
import { ProjectionRunner } from '../../src/app/projection-runner.js';
import type { Actor } from '../../src/domain/actor.js';
import type { Signer } from '../../src/ledger/ed25519.js';
import { sealEvents, type EventEnvelope } from '../../src/ledger/envelope.js';
import { webhooksProjection } from '../../projections/webhooks.js';
import { testSigner } from './events.js';

/** A clock the test moves by hand. */
export class ManualClock {
  #now: number;
  constructor(start = Date.now()) {
    this.#now = start;
  }
  now = (): Date => new Date(this.#now);
  advance(ms: number): void {
    this.#now += ms;
  }
}

export interface WebhookFixtureOptions {
  readonly dir: string;
  readonly master?: Buffer;
  readonly allowHosts?: readonly string[];
  readonly resolve?: Resolve;
  readonly totalTimeoutMs?: number;
  readonly retrySchedule?: readonly number[];
  readonly signer?: Signer;
  /** The retry jitter's dice (default: always 0.5). */
  readonly random?: () => number;
  /** The public records `public` subscriptions receive (default: none). */
  readonly publicRecords?: PublicRecords;
}

/**
 * The webhook outbox, router, worker and service over files in `dir`, with a manual clock; no timers of its own:
 * the subscriptions' read model is brought up to a read's position when the read waits for it.
 */
export function webhookFixture(options: WebhookFixtureOptions) {
  const clock = new ManualClock();
  const signer = options.signer ?? testSigner();
  const events = new SqliteEventStore({ path: path.join(options.dir, 'events.sqlite') });
  const store = new SqliteWebhookOutbox(path.join(options.dir, 'webhooks.sqlite'));
  const keys = new WebhookKeys(options.master ?? randomBytes(32));
  const resolve: Resolve = options.resolve ?? (async () => [{ address: '127.0.0.1', family: 4 }]);
  const policy = new AddressPolicy(options.allowHosts ?? ['127.0.0.1'], resolve);
  const publicRecords = options.publicRecords === undefined ? {} : { publicRecords: options.publicRecords };
  const readModels = new SqliteReadModelStore({ path: ':memory:', projections: [webhooksProjection] });
  const runner = new ProjectionRunner(events, readModels, [webhooksProjection]);
  const consistency = {
    position: () => readModels.position(),
    waitFor: async (position: number) => (await runner.catchUp({ until: position }), readModels.position() >= position),
  };
  const service = new WebhookService({
    events,
    signer,
    clock,
    store,
    keys,
    policy,
    ...publicRecords,
    readModels,
    runner: consistency,
    delivers: true,
  });
  const router = new WebhookRouter({ events, store, clock, ...publicRecords });
  const worker = new DeliveryWorker({
    store,
    keys,
    policy,
    sender: new HttpWebhookSender({
      connectTimeoutMs: 2_000,
      totalTimeoutMs: options.totalTimeoutMs ?? 10_000,
      maxResponseBytes: 4_096,
      maxSockets: 8,
    }),
    clock,
    retrySchedule: options.retrySchedule ?? DEFAULT_RETRY_SCHEDULE_SECONDS,
    random: options.random ?? (() => 0.5),
    concurrency: 8,
    pollMs: 20,
    gone: (webhook) => service.disable(webhook, 410, randomUUID()),
  });
  const heads = new Map<string, EventEnvelope>();
  return {
    clock,
    events,
    store,
    keys,
    policy,
    service,
    router,
    worker,
    /** Appends `count` events to `stream` by an actor of `agency`. */
    async append(stream: string, agency: string, count = 1, type = 'EvidenceCollected'): Promise<EventEnvelope[]> {
      const head = heads.get(stream);
      const drafts = Array.from({ length: count }, (_, i) => ({
        id: randomUUID(),
        type,
        schemaVersion: 1,
        occurredAt: '2026-11-20T09:30:00+08:00',
        actor: { sub: 'officer-1', agency, roles: ['officer'] },
        data: { description: `证据 ${i}` },
        media: [],
      }));
      const sealed = sealEvents(
        stream,
        head ? { revision: head.revision, hash: head.hash } : null,
        drafts,
        signer,
        clock.now().toISOString(),
      );
      await events.append(stream, sealed, head ? head.revision : 'no_stream');
      heads.set(stream, sealed[sealed.length - 1]!);
      return sealed;
    },
    /** Routes whatever the log holds past the outbox's position (the router's follow, by hand). */
    async route(): Promise<void> {
      for (;;) {
        const batch = await events.readAll({ after: store.position(), limit: 500 });
        if (batch.length === 0) return;
        await router.route(batch);
      }
    },
    /** Routes, then runs the worker until nothing is due now. */
    async deliver(): Promise<void> {
      await this.route();
      while ((await worker.tick()) > 0) await this.route();
    },
    async close(): Promise<void> {
      store.close();
      readModels.close();
      await events.close();
    },
  };
}

export const actorOf = (agency: string, roles: string[] = ['integration']): Actor => ({
  sub: `${agency}-integrator`,
  agency,
  roles,
});
