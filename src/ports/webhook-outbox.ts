import type { WebhookSettings, WebhookSigning } from '../domain/webhooks/subscriptions.js';
import type { Position } from './event-store.js';

/** A subscription as the outbox holds it: the fold of its stream, and the stream revision it reflects. */
export interface StoredWebhook extends WebhookSettings {
  readonly id: string;
  readonly agency: string;
  readonly signing: WebhookSigning;
  readonly keyGeneration: number;
  readonly keyId: string;
  readonly publicKey?: string;
  readonly enabled: boolean;
  readonly deleted: boolean;
  readonly revision: number;
  readonly createdAt: string;
  /**
   * When the key last changed generation (`rotateKey`), as the service recorded it; absent before any rotation.
   * The previous generation signs too for `WEBHOOK_KEY_OVERLAP_SECONDS` after it.
   */
  readonly keyRotatedAt?: string;
  /**
   * The log position of its `WebhookSubscribed` event: it receives the events after it alone. Absent in outboxes
   * written before it was kept (those subscriptions receive every event the router routes after they are stored).
   */
  readonly subscribedPosition?: Position;
}

/** An event to send to one subscription: what the outbox keeps until the receiver has it. */
export interface NewDelivery {
  readonly webhookId: string;
  readonly position: Position;
  readonly stream: string;
  readonly eventId: string;
  readonly type: string;
  readonly recordedAt: string;
  /** The payload, as JSON: the signed envelope, or for a `public` subscription the public record (payloads.ts). */
  readonly body: string;
}

export type DeliveryState = 'pending' | 'dead';

export interface Delivery extends NewDelivery {
  readonly seq: number;
  /**
   * Raised each time a replay puts the delivery back: what came of an attempt changes the delivery only when it is
   * of the generation attempted, so an attempt in flight during a replay does not undo it.
   */
  readonly generation: number;
  readonly state: DeliveryState;
  readonly attempts: number;
  /** When the next attempt is due (ms since the epoch); for a dead letter, when it died. */
  readonly nextAt: number;
  readonly lastStatus?: number;
  readonly lastError?: string;
}

/**
 * What came of an attempt at the delivery `seq` of `generation`: delivered (2xx), or failed and retried at `nextAt`,
 * or failed for good (a dead letter, `nextAt` undefined), or cancelled (its subscription is deleted: it leaves the
 * outbox, neither delivered nor failed).
 */
export type Settlement =
  | { readonly seq: number; readonly generation: number; readonly outcome: 'delivered' }
  | { readonly seq: number; readonly generation: number; readonly outcome: 'cancelled' }
  | {
      readonly seq: number;
      readonly generation: number;
      readonly outcome: 'failed';
      readonly attempts: number;
      readonly nextAt?: number;
      readonly status?: number;
      readonly error?: string;
      readonly now: number;
    };

export interface WebhookCounts {
  readonly webhookId: string;
  readonly delivered: number;
  readonly failed: number;
  readonly pending: number;
  readonly dead: number;
  /** recordedAt of the oldest event not yet delivered (pending), if any. */
  readonly oldestPendingRecordedAt?: string;
  readonly lastDeliveredPosition: Position;
}

/**
 * The durable webhook outbox: the subscriptions, the deliveries not yet made (pending) or given up (dead), and the
 * log position up to which the log has been routed. Routing a batch of the log and moving that position happen in
 * one transaction, so after any crash the outbox resumes where its last commit left it, losing nothing; a delivery
 * leaves the outbox only once the receiver answered 2xx (at least once).
 */
export interface WebhookOutboxStore {
  position(): Position;
  webhooks(): StoredWebhook[];
  webhook(id: string): StoredWebhook | undefined;
  /**
   * Upserts subscriptions (a stored one only by a later revision), adds deliveries and moves the position. A deleted
   * subscription's deliveries, pending and dead, leave the outbox, and none is added for it.
   */
  commit(batch: {
    readonly webhooks: readonly StoredWebhook[];
    readonly deliveries: readonly NewDelivery[];
    readonly position: Position;
    readonly now: number;
  }): void;
  /**
   * The first pending delivery of each (subscription, stream) that is due by `now`, those due longest first (then in
   * log order), at most `limit`, leaving out the (subscription, stream) pairs `busy` names (attempts in flight, or a
   * subscription at its share). `busy` is asked once per pair considered, in that order, and every pair it does not
   * name is taken, so it may count what it lets through. Its cost grows with `limit` and the pairs left out, never
   * with the number of pending deliveries.
   */
  due(now: number, limit: number, busy?: (webhookId: string, stream: string) => boolean): Delivery[];
  /**
   * Records what came of attempts, all in one transaction: each delivered (or cancelled) one leaves the outbox. An
   * attempt at a delivery that a replay has put back since (a later generation) is counted, delivered or failed, but
   * leaves the delivery as the replay made it; one at a delivery no longer in the outbox is not counted.
   */
  settle(results: readonly Settlement[]): void;
  /**
   * Puts deliveries (again) in the outbox as pending and due at `now`, dead letters among them, each one already
   * there in its next generation; none of a deleted subscription.
   */
  requeue(deliveries: readonly NewDelivery[], now: number): number;
  list(webhookId: string, options: { readonly state?: DeliveryState; readonly limit: number }): Delivery[];
  counts(): WebhookCounts[];
  close(): void;
}
