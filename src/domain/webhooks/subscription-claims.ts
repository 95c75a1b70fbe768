import { sha256Hex } from '../../ledger/hash.js';
import { claimDecider } from '../claims.js';
import { RuleViolation } from '../errors.js';
import { agencyStream } from '../streams.js';

/**
 * One subscription per receiver and deliveries, across replicas (src/domain/claims.ts): where replicas share the
 * log, a subscription made, or changed to deliver otherwise, first claims what it delivers (its URL as requested,
 * event types and payload, as the service compares subscriptions: the value), `WebhookDeliveriesClaimed`
 * `{deliveries, webhookId}` on the value's own stream of the agency. The event holds the value's SHA-256 only: a
 * URL may carry a receiver's secret. A subscription deleted, or changed to deliver otherwise, frees it.
 */
export interface WebhookDeliveriesClaim {
  /** The SHA-256 (hex) of what the subscription delivers. */
  readonly deliveries: string;
  readonly webhookId: string;
}

export interface WebhookDeliveriesClaimedEvent {
  readonly type: 'WebhookDeliveriesClaimed';
  readonly data: WebhookDeliveriesClaim;
}

/** The stream of what a subscription of an agency delivers: `webhookclaim-<agency>:<its SHA-256, hex>`. */
export function webhookClaimStream(agency: string, deliveries: string): string {
  return agencyStream('webhookclaim', agency, sha256Hex(deliveries));
}

/** Claims of deliveries: the holder is the subscription; another's is `409 webhook_duplicate` naming it. */
export const webhookClaimDecider = claimDecider({
  type: 'WebhookDeliveriesClaimed',
  data: (deliveries, webhookId): WebhookDeliveriesClaim => ({ deliveries: sha256Hex(deliveries), webhookId }),
  holderOf: (data) => data.webhookId,
  refuse(_deliveries, webhookId): never {
    throw new RuleViolation(
      'webhook_duplicate',
      409,
      `subscription ${webhookId} of the agency delivers the same events to this URL already`,
      { webhookId },
    );
  },
});
