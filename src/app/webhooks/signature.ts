import { createHmac, sign } from 'node:crypto';
import type { WebhookSigningKey } from './webhook-keys.js';

/**
 * The Standard Webhooks headers of one delivery: `webhook-id` (the same on every attempt of it), `webhook-timestamp`
 * (seconds, of this attempt) and `webhook-signature`, over `<id>.<timestamp>.<body>`: `v1,<base64 HMAC-SHA256>` with
 * the subscription's secret, or `v1a,<base64 Ed25519>` with its private key.
 */
export function standardWebhookHeaders(
  key: WebhookSigningKey,
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  const content = `${id}.${timestampSeconds}.${body}`;
  const signature =
    key.signing === 'hmac-sha256'
      ? `v1,${createHmac('sha256', key.secret).update(content).digest('base64')}`
      : `v1a,${sign(null, Buffer.from(content), key.privateKey).toString('base64')}`;
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': signature };
}

/** The `webhook-id` of the delivery of the event `eventId` to the subscription `webhookId`. */
export const messageId = (webhookId: string, eventId: string): string => `msg_${webhookId}_${eventId}`;
