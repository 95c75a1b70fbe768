import { randomBytes } from 'node:crypto';
import { DERIVED_KEYS_KEPT, WebhookKeys } from '../../../src/app/webhooks/webhook-keys.js';

describe('webhook signing keys', () => {
  it('when keys are asked for again, after a rotation or past the number kept, then each generation keeps its own key', () => {
    const master = randomBytes(32);
    const keys = new WebhookKeys(master);
    const first = keys.shown(keys.key('county-justice', 'w1', 'hmac-sha256', 1));
    const rotated = keys.shown(keys.key('county-justice', 'w1', 'hmac-sha256', 2));
    expect(rotated).not.toEqual(first);
    expect(keys.shown(keys.key('county-justice', 'w1', 'hmac-sha256', 1))).toEqual(first);
    for (let i = 0; i <= DERIVED_KEYS_KEPT; i++) keys.key('county-justice', `other-${i}`, 'hmac-sha256', 1);
    expect(keys.shown(keys.key('county-justice', 'w1', 'hmac-sha256', 2))).toEqual(rotated);
    // the same as a fresh derivation from the service secret
    expect(
      new WebhookKeys(master).shown(new WebhookKeys(master).key('county-justice', 'w1', 'hmac-sha256', 2)),
    ).toEqual(rotated);
    const ed = keys.key('county-justice', 'w1', 'ed25519', 1);
    expect(keys.key('county-justice', 'w1', 'ed25519', 1)).toBe(ed);
    expect(keys.shown(keys.key('county-justice', 'w1', 'ed25519', 2))).not.toEqual(keys.shown(ed));
  });
});
