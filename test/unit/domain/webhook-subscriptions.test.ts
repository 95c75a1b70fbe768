import { webhookDecider, type WebhookEvent } from '../../../src/domain/webhooks/subscriptions.js';
import { specification } from '../../support/decider-spec.js';

const spec = specification(webhookDecider);
const actor = { sub: 'ivy', agency: 'county-justice', roles: ['integration' as const] };
const key = { keyGeneration: 1, keyId: 'k1' };
const common = { webhookId: 'w-1', agency: 'county-justice' };
const subscribed: WebhookEvent = {
  type: 'WebhookSubscribed',
  data: {
    ...common,
    url: 'https://r.example/h',
    eventTypes: ['HearingHeld', 'CaseOpened'],
    signing: 'hmac-sha256',
    ...key,
  },
};
const disabled: WebhookEvent = { type: 'WebhookDisabled', data: { ...common, reason: 'receiver_gone' } };
const change = (settings: Record<string, unknown>, enable = false, generation = 1) => ({
  type: 'Change' as const,
  actor,
  settings: { url: 'https://r.example/h', ...settings },
  key: { ...key, keyGeneration: generation },
  enable,
});

describe('webhook subscriptions (decider)', () => {
  it('when a change asks for what the subscription already is, then nothing is recorded', () => {
    spec
      .given([subscribed])
      .when(change({ eventTypes: ['CaseOpened', 'HearingHeld'] }, true))
      .then([]);
  });

  it('when a change sets other types, a public payload or a new key, or turns a disabled one on, then it is recorded', () => {
    spec
      .given([subscribed])
      .when(change({ eventTypes: ['CaseOpened'] }))
      .then([{ type: 'WebhookChanged' }]);
    spec
      .given([subscribed])
      .when(change({ eventTypes: ['CaseOpened', 'HearingHeld'], payload: 'public' }))
      .then([{ type: 'WebhookChanged' }]);
    spec
      .given([subscribed])
      .when(change({ eventTypes: ['CaseOpened', 'HearingHeld'] }, false, 2))
      .then([{ type: 'WebhookChanged' }]);
    spec
      .given([subscribed, disabled])
      .when(change({ eventTypes: ['CaseOpened', 'HearingHeld'] }, true))
      .then([{ type: 'WebhookChanged', data: { enabled: true } }]);
  });
});
