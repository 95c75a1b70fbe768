import { createHmac, sign } from 'node:crypto';
import type { WebhookSigningKey } from './webhook-keys.js';

/**
 * The Standard Webhooks headers of one delivery: `webhook-id` (the same on every attempt of it), `webhook-timestamp`
 * (seconds, of this attempt) and `webhook-signature`, over `<id>.<timestamp>.<body>`: `v1,<base64 HMAC-SHA256>` with
 * the subscription's secret, or `v1a,<base64 Ed25519>` with its private key. With a previous key still in its
 * overlap after a rotation, a signature by each, space-separated, the current key's first: a receiver that holds
 * either verifies the delivery (Standard Webhooks checks each signature the header lists).
 */
export function standardWebhookHeaders(
  key: WebhookSigningKey,
  id: string,
  timestampSeconds: number,
  body: string,
  previous?: WebhookSigningKey,
): Record<string, string> {
  const content = `${id}.${timestampSeconds}.${body}`;
  const signature = [key, ...(previous ? [previous] : [])].map((k) => signatureOf(k, content)).join(' ');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': signature };
}

function signatureOf(key: WebhookSigningKey, content: string): string {
  return key.signing === 'hmac-sha256'
    ? `v1,${createHmac('sha256', key.secret).update(content).digest('base64')}`
    : `v1a,${sign(null, Buffer.from(content), key.privateKey).toString('base64')}`;
}

/** The `webhook-id` of the delivery of the event `eventId` to the subscription `webhookId`. */
export const messageId = (webhookId: string, eventId: string): string => `msg_${webhookId}_${eventId}`;
