import type { Claims } from './app/claims.js';
import path from 'node:path';
import { lookup } from 'node:dns/promises';
import type { Logger } from 'pino';
import type { WebhookConfig } from './config.js';
import { SqliteWebhookOutbox } from './adapters/sqlite/webhook-outbox.js';
import { loadOrCreateSecret } from './adapters/keys/service-secrets.js';
import { HttpWebhookSender } from './adapters/webhook-http/sender.js';
import { AddressPolicy } from './app/webhooks/address-policy.js';
import { DeliveryWorker } from './app/webhooks/delivery-worker.js';
import { WebhookKeys } from './app/webhooks/webhook-keys.js';
import type { PublicRecords } from './app/webhooks/payloads.js';
import { WebhookRouter } from './app/webhooks/webhook-router.js';
import { WebhookService } from './app/webhooks/webhook-service.js';
import type { CommandDependencies } from './app/command-handler.js';
import type { ReadConsistency } from './app/read-consistency.js';
import type { Position } from './ports/event-store.js';
import type { ReadModelStore } from './ports/read-models.js';
import type { WebhookSender } from './ports/webhook-sender.js';

/** Most response bytes read (and thrown away) from a receiver. */
export const WEBHOOK_MAX_RESPONSE_BYTES = 4_096;
/** How often the delivery worker looks for due retries when nothing nudges it. */
export const WEBHOOK_POLL_MS = 500;

export interface Webhooks {
  readonly service: WebhookService;
  readonly router: WebhookRouter;
  readonly worker: DeliveryWorker;
  /** Starts routing and delivering (when this replica delivers) until `signal` aborts. */
  start(signal: AbortSignal): void;
  /** Resolves when the worker has ended its attempts in flight. */
  stopped(): Promise<void>;
  metrics(head: Position): string[];
  close(): void;
}

/** The webhook outbox, its router and its delivery worker, wired (src/compose.ts calls this). */
export function openWebhooks(options: {
  readonly config: WebhookConfig;
  readonly dataDir: string;
  readonly keysDir: string;
  readonly deps: CommandDependencies;
  readonly newId: () => string;
  readonly log: Logger;
  /** Tests inject a sender; the service sends with node:http(s). */
  readonly sender?: WebhookSender;
  /** The public records `public` subscriptions receive. */
  readonly publicRecords?: PublicRecords;
  /** The read models the subscriptions are read from (every replica's), and how far they have followed the log. */
  readonly readModels: Pick<ReadModelStore, 'get' | 'query'>;
  readonly runner: ReadConsistency;
  /** Where replicas share the log: claims of what subscriptions deliver (src/app/claims.ts, `WEBHOOK_CLAIMS`). */
  readonly claims?: Pick<Claims, 'claim'>;
}): Webhooks {
  const { config, deps, log, newId } = options;
  const publicRecords = options.publicRecords === undefined ? {} : { publicRecords: options.publicRecords };
  const store = new SqliteWebhookOutbox(path.join(options.dataDir, 'webhooks.sqlite'));
  const keys = new WebhookKeys(loadOrCreateSecret(options.keysDir, 'webhook'));
  const policy = new AddressPolicy(config.allowHosts, (host) => lookup(host, { all: true, verbatim: true }));
  const nudge = { worker: undefined as DeliveryWorker | undefined };
  const requeued = () => nudge.worker?.nudge();
  const service = new WebhookService({
    ...deps,
    store,
    keys,
    policy,
    ...publicRecords,
    requeued,
    readModels: options.readModels,
    runner: options.runner,
    delivers: config.deliver,
    maxPerAgency: config.maxPerAgency,
    ...(options.claims ? { claims: options.claims } : {}),
  });
  const http =
    options.sender === undefined
      ? new HttpWebhookSender({
          connectTimeoutMs: config.connectTimeoutMs,
          totalTimeoutMs: config.timeoutMs,
          maxResponseBytes: WEBHOOK_MAX_RESPONSE_BYTES,
          maxSockets: config.concurrency,
        })
      : undefined;
  const worker = new DeliveryWorker({
    store,
    keys,
    policy,
    sender: options.sender ?? http!,
    clock: deps.clock,
    retrySchedule: config.retrySchedule,
    random: Math.random,
    concurrency: config.concurrency,
    keyOverlapSeconds: config.keyOverlapSeconds,
    pollMs: WEBHOOK_POLL_MS,
    gone: async (webhook) => {
      log.warn({ webhookId: webhook.id, agency: webhook.agency }, 'webhooks: the receiver answered 410; disabling');
      await service.disable(webhook, 410, newId());
    },
    onError: (err) => log.warn({ err }, 'webhooks: a delivery attempt failed unexpectedly; it stays in the outbox'),
  });
  nudge.worker = worker;
  const router = new WebhookRouter({
    events: deps.events,
    store,
    clock: deps.clock,
    ...publicRecords,
    routed: () => worker.nudge(),
    onError: (err) => log.warn({ err }, 'webhooks: following the log failed; retrying'),
  });
  let running: Promise<void> = Promise.resolve();
  return {
    service,
    router,
    worker,
    start(signal) {
      if (!config.deliver) return;
      void router.start(signal);
      running = worker.run(signal);
    },
    stopped: () => running,
    metrics: (head) => webhookMetrics(store, service, head, deps.clock.now().getTime()),
    close: () => {
      http?.close();
      store.close();
    },
  };
}

function webhookMetrics(store: SqliteWebhookOutbox, _service: WebhookService, head: Position, now: number): string[] {
  const counts = store.counts();
  const agencies = new Map(store.webhooks().map((w) => [w.id, w.agency]));
  const routed = store.position();
  const labels = (id: string) => `{webhook="${id}",agency="${agencies.get(id) ?? ''}"}`;
  const family = (name: string, type: string, help: string, value: (c: (typeof counts)[number]) => number) => [
    `# HELP ${name} ${help}`,
    `# TYPE ${name} ${type}`,
    ...counts.map((c) => `${name}${labels(c.webhookId)} ${value(c)}`),
  ];
  return [
    '# HELP ledger_webhook_routed_position Global log position the webhook outbox has routed.',
    '# TYPE ledger_webhook_routed_position gauge',
    `ledger_webhook_routed_position ${routed}`,
    '# HELP ledger_webhook_outbox_lag_events Events committed to the log and not yet routed to the webhook outbox.',
    '# TYPE ledger_webhook_outbox_lag_events gauge',
    `ledger_webhook_outbox_lag_events ${Math.max(0, head - routed)}`,
    ...family('ledger_webhook_delivered_total', 'counter', 'Deliveries a receiver accepted (2xx).', (c) => c.delivered),
    ...family('ledger_webhook_failed_total', 'counter', 'Failed delivery attempts.', (c) => c.failed),
    ...family('ledger_webhook_dead_letters', 'gauge', 'Deliveries given up, kept for replay.', (c) => c.dead),
    ...family(
      'ledger_webhook_lag_events',
      'gauge',
      'Events routed to the subscription, not yet delivered.',
      (c) => c.pending,
    ),
    ...family('ledger_webhook_lag_seconds', 'gauge', 'Age of the oldest undelivered event.', (c) =>
      c.oldestPendingRecordedAt === undefined ? 0 : Math.max(0, (now - Date.parse(c.oldestPendingRecordedAt)) / 1000),
    ),
  ];
}
