import { RuleViolation } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Delivery, Settlement, StoredWebhook, WebhookOutboxStore } from '../../ports/webhook-outbox.js';
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
  /**
   * Most attempts in flight at once for one subscription (default a quarter of `concurrency`, at least one): a
   * receiver that hangs holds at most these slots, and the other subscriptions keep the rest.
   */
  readonly perSubscription?: number;
  /** How often to look for retries that fell due (new deliveries are started when the router nudges). */
  readonly pollMs: number;
  /** Seconds after a key rotation during which the previous key signs too (`WEBHOOK_KEY_OVERLAP_SECONDS`); 0: none. */
  readonly keyOverlapSeconds?: number;
  /** A receiver answered 410 Gone: the subscription is to be disabled (recorded as an event). */
  readonly gone: (webhook: StoredWebhook) => Promise<void>;
  readonly onError?: (err: unknown) => void;
}

/** An attempt that has ended, not yet recorded in the outbox. */
interface Ended {
  /** Its (subscription, stream): the next delivery of the stream may start once this one is recorded. */
  readonly pair: string;
  readonly settlement: Settlement;
  /** The receiver answered 410: the subscription is to be disabled once this is recorded. */
  readonly gone?: StoredWebhook;
}

const pairOf = (webhookId: string, stream: string) => `${webhookId}\n${stream}`;

/**
 * Sends the outbox's due deliveries: at most one attempt in flight per (subscription, stream), so each stream's
 * events arrive in log order, while different streams go out in parallel, up to the concurrency; a delivery leaves
 * the outbox only after a 2xx (at least once: a crash mid-attempt leaves it pending, and it is sent again). A
 * failure is retried on the schedule, with jitter, then kept as a dead letter; a 410 disables the subscription.
 * Before every attempt the URL's host is resolved and checked again, and the connection goes to that very address.
 *
 * The attempts that end together are recorded in one outbox transaction, and their slots refilled from the outbox
 * at once, so a busy worker commits once per batch rather than once per delivery; a stream's next delivery is read
 * only after the one before it is recorded. When running, the worker starts attempts as soon as the router (or a
 * replay) nudges it or attempts end, and looks for retries that fell due every `pollMs`.
 */
export class DeliveryWorker {
  /** The attempts in flight (and ended, not yet recorded), by (subscription, stream). */
  readonly #inflight = new Map<string, Promise<void>>();
  /** Subscriptions whose receiver answered 410, being disabled: nothing more is sent to them meanwhile. */
  readonly #gone = new Set<string>();
  #ended: Ended[] = [];
  #recording: Promise<void> | undefined;
  #running = false;

  constructor(private readonly options: DeliveryWorkerOptions) {}

  /** New deliveries are in the outbox: start them now rather than at the next poll. */
  nudge(): void {
    if (this.#running) this.#fillSafely();
  }

  /**
   * Starts attempts for what is due now (up to the concurrency); resolves when those attempts have ended and are
   * recorded (without starting more: tests step the worker with it).
   */
  async tick(): Promise<number> {
    const started = this.#fill();
    while (this.#inflight.size > 0) await Promise.all([...this.#inflight.values()]);
    return started;
  }

  /** Delivers until `signal` aborts, then waits for the attempts in flight to end and be recorded. */
  async run(signal: AbortSignal): Promise<void> {
    this.#running = true;
    const poll = setInterval(() => this.#fillSafely(), this.options.pollMs);
    this.#fillSafely();
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
    clearInterval(poll);
    this.#running = false;
    while (this.#inflight.size > 0) await Promise.allSettled([...this.#inflight.values()]);
  }

  #fillSafely(): void {
    try {
      this.#fill();
    } catch (err) {
      this.options.onError?.(err);
    }
  }

  /** Starts attempts in the free slots, each the first due delivery of a (subscription, stream) not in flight. */
  #fill(): number {
    const { concurrency, store, clock } = this.options;
    const free = concurrency - this.#inflight.size;
    if (free <= 0) return 0;
    // a subscription's share: what it has in flight, and what this fill starts for it
    const cap = this.options.perSubscription ?? Math.max(1, Math.ceil(concurrency / 4));
    const taken = new Map<string, number>();
    for (const pair of this.#inflight.keys()) {
      const webhookId = pair.slice(0, pair.indexOf('\n'));
      taken.set(webhookId, (taken.get(webhookId) ?? 0) + 1);
    }
    const busy = (webhookId: string, stream: string) => {
      if (this.#gone.has(webhookId) || this.#inflight.has(pairOf(webhookId, stream))) return true;
      const mine = taken.get(webhookId) ?? 0;
      if (mine >= cap) return true;
      taken.set(webhookId, mine + 1); // `due` takes what is not busy
      return false;
    };
    const due = store.due(clock.now().getTime(), free, busy);
    for (const delivery of due) {
      const pair = pairOf(delivery.webhookId, delivery.stream);
      const attempt = this.#attempt(delivery, pair)
        .then((ended) => this.#record(ended))
        .catch((err: unknown) => {
          // not recorded: the delivery stays pending in the outbox and is sent again
          this.#inflight.delete(pair);
          this.options.onError?.(err);
        });
      this.#inflight.set(pair, attempt);
    }
    return due.length;
  }

  /**
   * Records an ended attempt with the others that end before the next turn of the event loop, in one transaction;
   * resolves when it is recorded (and, after a 410, the subscription disabled).
   */
  #record(ended: Ended): Promise<void> {
    this.#ended.push(ended);
    this.#recording ??= new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        const batch = this.#ended;
        this.#ended = [];
        this.#recording = undefined;
        this.#recordNow(batch).then(resolve, reject);
      }),
    );
    return this.#recording;
  }

  async #recordNow(batch: readonly Ended[]): Promise<void> {
    try {
      this.options.store.settle(batch.map((e) => e.settlement));
      const gone = new Map(batch.flatMap((e) => (e.gone ? [[e.gone.id, e.gone] as const] : [])));
      for (const id of gone.keys()) this.#gone.add(id);
      try {
        await Promise.all([...gone.values()].map((webhook) => this.options.gone(webhook)));
      } finally {
        for (const id of gone.keys()) this.#gone.delete(id);
      }
    } finally {
      for (const { pair } of batch) this.#inflight.delete(pair);
    }
    if (this.#running) this.#fillSafely();
  }

  async #attempt(delivery: Delivery, pair: string): Promise<Ended> {
    const { store, clock } = this.options;
    const { seq, generation } = delivery;
    const webhook = store.webhook(delivery.webhookId);
    // a deleted subscription's deliveries are cancelled (the outbox drops them as it stores the deletion)
    if (!webhook || webhook.deleted) return { pair, settlement: { seq, generation, outcome: 'cancelled' } };
    if (!webhook.enabled) {
      const error = 'the subscription is disabled';
      const now = clock.now().getTime();
      return { pair, settlement: { seq, generation, outcome: 'failed', attempts: delivery.attempts, error, now } };
    }
    const response = await this.#send(webhook, delivery);
    const now = clock.now().getTime();
    if ('status' in response && response.status >= 200 && response.status < 300)
      return { pair, settlement: { seq, generation, outcome: 'delivered' } };
    const attempts = delivery.attempts + 1;
    const failure = 'status' in response ? { status: response.status } : { error: response.message };
    if ('status' in response && response.status === 410)
      return { pair, settlement: { seq, generation, outcome: 'failed', attempts, ...failure, now }, gone: webhook };
    const pause = this.options.retrySchedule[attempts - 1];
    if (pause === undefined)
      return { pair, settlement: { seq, generation, outcome: 'failed', attempts, ...failure, now } };
    const nextAt = now + Math.round(pause * 1000 * (1 + RETRY_JITTER * this.options.random()));
    return { pair, settlement: { seq, generation, outcome: 'failed', attempts, nextAt, ...failure, now } };
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
    const now = this.options.clock.now().getTime();
    const seconds = Math.floor(now / 1000);
    const previous = previousKeyStillSigns(webhook, now, this.options.keyOverlapSeconds ?? 0)
      ? this.options.keys.key(webhook.agency, webhook.id, webhook.signing, webhook.keyGeneration - 1)
      : undefined;
    const id = messageId(webhook.id, delivery.eventId);
    const headers = standardWebhookHeaders(key, id, seconds, delivery.body, previous);
    return this.options.sender.send({
      url,
      address,
      headers: { ...headers, 'user-agent': 'evidence-ledger-webhooks/1' },
      body: delivery.body,
    });
  }
}

/**
 * Whether the key generation before the current one signs deliveries too at `now`: for `overlapSeconds` after a
 * rotation, so that deliveries keep verifying while the receiver takes up the new secret (or public key).
 */
export function previousKeyStillSigns(webhook: StoredWebhook, now: number, overlapSeconds: number): boolean {
  if (webhook.keyGeneration < 2 || webhook.keyRotatedAt === undefined || overlapSeconds <= 0) return false;
  return now < Date.parse(webhook.keyRotatedAt) + overlapSeconds * 1000;
}
