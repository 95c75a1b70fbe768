import { RuleViolation } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Delivery, StoredWebhook, WebhookOutboxStore } from '../../ports/webhook-outbox.js';
import type { WebhookResponse, WebhookSender } from '../../ports/webhook-sender.js';
import type { AddressPolicy } from './address-policy.js';
import { messageId, standardWebhookHeaders } from './signature.js';
import type { WebhookKeys } from './webhook-keys.js';

/**
 * The default retry schedule, in seconds after each failed attempt (Standard Webhooks' own): 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 10 h: eight attempts over more than 27 hours, then a dead letter.
 */
export const DEFAULT_RETRY_SCHEDULE_SECONDS: readonly number[] = [5, 300, 1800, 7200, 18000, 36000, 36000];
/** Each pause is lengthened by up to this fraction at random, so receivers that failed together are not retried together. */
export const RETRY_JITTER = 0.25;

export interface DeliveryWorkerOptions {
  readonly store: WebhookOutboxStore;
  readonly keys: WebhookKeys;
  readonly policy: AddressPolicy;
  readonly sender: WebhookSender;
  readonly clock: Clock;
  /** Seconds to wait after the 1st, 2nd... failed attempt; after the last, the delivery is a dead letter. */
  readonly retrySchedule: readonly number[];
  /** A number in [0, 1): the jitter's dice (Math.random in service, fixed in tests). */
  readonly random: () => number;
  /** Most attempts in flight at once (over all subscriptions; one per subscription and stream). */
  readonly concurrency: number;
  /** How often to look for due deliveries when not nudged. */
  readonly pollMs: number;
  /** A receiver answered 410 Gone: the subscription is to be disabled (recorded as an event). */
  readonly gone: (webhook: StoredWebhook) => Promise<void>;
  readonly onError?: (err: unknown) => void;
}

/** What one attempt ended with, for the log: ids and codes only. */
export type AttemptOutcome = 'delivered' | 'retry' | 'dead' | 'gone';

/**
 * Sends the outbox's due deliveries: at most one attempt in flight per (subscription, stream), so each stream's
 * events arrive in log order; a delivery leaves the outbox only after a 2xx (at least once: a crash mid-attempt
 * leaves it pending, and it is sent again). A failure is retried on the schedule, with jitter, then kept as a dead
 * letter; a 410 disables the subscription. Before every attempt the URL's host is resolved and checked again, and
 * the connection goes to that very address.
 */
export class DeliveryWorker {
  readonly #inflight = new Map<number, Promise<void>>();
  /** Due deliveries read from the outbox and not yet started. */
  #due: Delivery[] = [];
  #wake: (() => void) | undefined;

  constructor(private readonly options: DeliveryWorkerOptions) {}

  /** New deliveries are in the outbox: look now rather than at the next poll. */
  nudge(): void {
    this.#wake?.();
  }

  /** Starts attempts for what is due now (up to the concurrency); resolves when those attempts have ended. */
  async tick(): Promise<number> {
    const started = this.#fill();
    await Promise.all([...this.#inflight.values()]);
    return started;
  }

  /** Delivers until `signal` aborts, then waits for the attempts in flight. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        this.#fill();
      } catch (err) {
        this.options.onError?.(err);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, this.options.pollMs);
        const inflight = [...this.#inflight.values()];
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        this.#wake = done;
        signal.addEventListener('abort', done, { once: true });
        if (inflight.length > 0) void Promise.race(inflight).then(done);
      });
      this.#wake = undefined;
    }
    await Promise.allSettled([...this.#inflight.values()]);
  }

  /**
   * Starts attempts up to the concurrency, from the due deliveries last read (each the first pending one of its
   * subscription and stream); the outbox is read again only when those are used up, so its query runs once per
   * batch of attempts rather than once per attempt (and only when at least half the slots are free).
   */
  #fill(): number {
    const { concurrency, store, clock } = this.options;
    let started = 0;
    let read = false;
    while (this.#inflight.size < concurrency) {
      if (this.#due.length === 0) {
        // read again once, and only when half the slots are free: the query's cost is spread over many attempts
        if (read || this.#inflight.size > concurrency / 2) break;
        read = true;
        this.#due = store.due(clock.now().getTime(), concurrency * 4).filter((d) => !this.#inflight.has(d.seq));
        continue;
      }
      const delivery = this.#due.shift()!;
      if (this.#inflight.has(delivery.seq)) continue;
      const attempt = this.#attempt(delivery)
        .then(() => undefined)
        .catch((err: unknown) => this.options.onError?.(err))
        .finally(() => this.#inflight.delete(delivery.seq));
      this.#inflight.set(delivery.seq, attempt);
      started++;
    }
    return started;
  }

  async #attempt(delivery: Delivery): Promise<AttemptOutcome> {
    const { store, clock } = this.options;
    const webhook = store.webhook(delivery.webhookId);
    if (!webhook || webhook.deleted || !webhook.enabled) {
      const error = webhook?.deleted !== false ? 'the subscription was deleted' : 'the subscription is disabled';
      store.failed(delivery.seq, { attempts: delivery.attempts, error, now: clock.now().getTime() });
      return 'dead';
    }
    const response = await this.#send(webhook, delivery);
    const now = clock.now().getTime();
    if ('status' in response && response.status >= 200 && response.status < 300) {
      store.delivered(delivery.seq);
      return 'delivered';
    }
    const attempts = delivery.attempts + 1;
    const failure = 'status' in response ? { status: response.status } : { error: response.message };
    if ('status' in response && response.status === 410) {
      store.failed(delivery.seq, { attempts, ...failure, now });
      await this.options.gone(webhook);
      return 'gone';
    }
    const pause = this.options.retrySchedule[attempts - 1];
    if (pause === undefined) {
      store.failed(delivery.seq, { attempts, ...failure, now });
      return 'dead';
    }
    const nextAt = now + Math.round(pause * 1000 * (1 + RETRY_JITTER * this.options.random()));
    store.failed(delivery.seq, { attempts, nextAt, ...failure, now });
    return 'retry';
  }

  async #send(webhook: StoredWebhook, delivery: Delivery): Promise<WebhookResponse> {
    const url = new URL(webhook.url);
    let address;
    try {
      address = await this.options.policy.addressFor(url);
    } catch (err) {
      if (err instanceof RuleViolation) return { error: 'connect', message: `refused: ${err.message}` };
      throw err;
    }
    const key = this.options.keys.key(webhook.agency, webhook.id, webhook.signing, webhook.keyGeneration);
    const seconds = Math.floor(this.options.clock.now().getTime() / 1000);
    const headers = standardWebhookHeaders(key, messageId(webhook.id, delivery.eventId), seconds, delivery.body);
    return this.options.sender.send({
      url,
      address,
      headers: { ...headers, 'user-agent': 'evidence-ledger-webhooks/1' },
      body: delivery.body,
    });
  }
}
