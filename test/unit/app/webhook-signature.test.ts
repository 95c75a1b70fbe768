import { randomBytes, verify } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { previousKeyStillSigns } from '../../../src/app/webhooks/delivery-worker.js';
import { standardWebhookHeaders } from '../../../src/app/webhooks/signature.js';
import { WebhookKeys } from '../../../src/app/webhooks/webhook-keys.js';
import type { StoredWebhook } from '../../../src/ports/webhook-outbox.js';

/*
 * A rotation gives a subscription a new key; for WEBHOOK_KEY_OVERLAP_SECONDS after it, each delivery is signed by
 * the new key and the previous one, so a receiver that has not switched yet still verifies it (Standard Webhooks).
 */

const keys = new WebhookKeys(randomBytes(32));
const body = JSON.stringify({ type: 'CaseOpened', timestamp: '2026-12-01T08:00:00Z', data: { id: 'e1' } });
const now = Math.floor(Date.now() / 1000);
const secretOf = (generation: number) => {
  const shown = keys.shown(keys.key('county-justice', 'w1', 'hmac-sha256', generation)) as { secret: string };
  return shown.secret;
};

describe('webhook signatures across a key rotation', () => {
  it('when a previous key still signs, then the header lists the new signature, then the old, and either secret verifies', () => {
    const headers = standardWebhookHeaders(
      keys.key('county-justice', 'w1', 'hmac-sha256', 2),
      'msg_w1_e1',
      now,
      body,
      keys.key('county-justice', 'w1', 'hmac-sha256', 1),
    );
    const signatures = headers['webhook-signature']!.split(' ');
    expect(signatures).toHaveLength(2);
    expect(signatures.every((s) => s.startsWith('v1,'))).toBe(true);
    expect(new Webhook(secretOf(2)).verify(body, headers)).toMatchObject({ type: 'CaseOpened' });
    expect(new Webhook(secretOf(1)).verify(body, headers)).toMatchObject({ type: 'CaseOpened' });
    // the new key's alone is the first
    const alone = standardWebhookHeaders(keys.key('county-justice', 'w1', 'hmac-sha256', 2), 'msg_w1_e1', now, body);
    expect(alone['webhook-signature']).toBe(signatures[0]);
    expect(() => new Webhook(secretOf(1)).verify(body, alone)).toThrow();
    expect(() => new Webhook(secretOf(3)).verify(body, headers)).toThrow();
  });

  it('when an Ed25519 subscription rotates, then each public key verifies its own signature of the two', () => {
    const current = keys.key('county-justice', 'w2', 'ed25519', 2);
    const previous = keys.key('county-justice', 'w2', 'ed25519', 1);
    const headers = standardWebhookHeaders(current, 'msg_w2_e1', now, body, previous);
    const content = Buffer.from(`msg_w2_e1.${now}.${body}`);
    const [first, second] = headers['webhook-signature']!.split(' ').map((s) => {
      expect(s.startsWith('v1a,')).toBe(true);
      return Buffer.from(s.slice(4), 'base64');
    });
    if (current.signing !== 'ed25519' || previous.signing !== 'ed25519') throw new Error('not Ed25519 keys');
    expect(verify(null, content, current.privateKey, first!)).toBe(true);
    expect(verify(null, content, previous.privateKey, second!)).toBe(true);
    expect(verify(null, content, previous.privateKey, first!)).toBe(false);
  });

  it('when the overlap is over, not configured or there was no rotation, then only the current key signs', () => {
    const rotatedAt = '2026-12-01T08:00:00.000Z';
    const webhook = { keyGeneration: 2, keyRotatedAt: rotatedAt } as StoredWebhook;
    const at = (iso: string) => Date.parse(iso);
    expect(previousKeyStillSigns(webhook, at('2026-12-01T08:00:00.000Z'), 86_400)).toBe(true);
    expect(previousKeyStillSigns(webhook, at('2026-12-02T07:59:59.999Z'), 86_400)).toBe(true);
    expect(previousKeyStillSigns(webhook, at('2026-12-02T08:00:00.000Z'), 86_400)).toBe(false);
    expect(previousKeyStillSigns(webhook, at('2026-12-01T08:00:01.000Z'), 0)).toBe(false);
    expect(previousKeyStillSigns({ keyGeneration: 1 } as StoredWebhook, at(rotatedAt), 86_400)).toBe(false);
    // an outbox written before rotations were dated: no overlap
    expect(previousKeyStillSigns({ keyGeneration: 3 } as StoredWebhook, at(rotatedAt), 86_400)).toBe(false);
  });
});
