import { PROJECTIONS } from '../../../projections/index.js';
import { WEBHOOKS, webhookDocOf, webhookOf, webhooksProjection } from '../../../projections/webhooks.js';
import { webhookStream } from '../../../src/domain/webhooks/subscriptions.js';
import type { EventDraft } from '../../../src/ledger/envelope.js';
import type { RecordedEvent } from '../../../src/ports/event-store.js';
import { project, StreamWriter } from '../../support/projection-spec.js';

const A = 'county-justice';
const ID = '0b5b8e63-2f4f-4c36-9d43-6a6c5c1b7a01';
const key = { keyGeneration: 1, keyId: 'whk_1' };

const draft = (n: number, type: string, data: Record<string, unknown>): EventDraft => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type,
  schemaVersion: 1,
  occurredAt: '2026-11-20T09:31:00+08:00',
  actor: { sub: 'erp', agency: A, roles: ['integration'] },
  data: { webhookId: ID, agency: A, ...data },
  media: [],
});

/** The envelopes at log positions 1, 2, …, as the runner hands them over. */
const recorded = (envelopes: readonly RecordedEvent['event'][], first = 1): RecordedEvent[] =>
  envelopes.map((event, i) => ({ position: first + i, event }));

describe('the webhooks projection', () => {
  it('is one of the projections the runner applies, indexed by agency', () => {
    expect(PROJECTIONS).toContain(webhooksProjection);
    expect(webhooksProjection.collections).toEqual([{ name: WEBHOOKS, indexes: ['agency'] }]);
  });

  it("when a subscription is made, changed, disabled and deleted, then its document is the outbox's fold after each, at its revision and subscribed position", () => {
    const writer = new StreamWriter();
    const stream = webhookStream(A, ID);
    const events = recorded(
      writer.seal(stream, [
        draft(1, 'WebhookSubscribed', { url: 'https://erp.example/hook', signing: 'hmac-sha256', ...key }),
        draft(2, 'WebhookChanged', { url: 'https://erp.example/v2', eventTypes: ['CaseOpened'], ...key }),
        draft(3, 'WebhookDisabled', { reason: 'receiver_gone', status: 410 }),
        draft(4, 'WebhookDeleted', {}),
      ]),
      7,
    );
    for (let n = 1; n <= events.length; n++) {
      const docs = project([webhooksProjection], events.slice(0, n));
      expect(docs.get(WEBHOOKS, ID)).toEqual(webhookOf(events.slice(0, n)));
    }
    const subscribed = project([webhooksProjection], events.slice(0, 1)).get(WEBHOOKS, ID);
    expect(subscribed).toMatchObject({ id: ID, agency: A, revision: 0, enabled: true, subscribedPosition: 7 });
    const changed = project([webhooksProjection], events.slice(0, 2)).get(WEBHOOKS, ID);
    expect(changed).toMatchObject({ url: 'https://erp.example/v2', eventTypes: ['CaseOpened'], revision: 1 });
    const disabled = project([webhooksProjection], events.slice(0, 3)).get(WEBHOOKS, ID);
    expect(disabled).toMatchObject({ enabled: false, deleted: false, revision: 2, subscribedPosition: 7 });
    const deleted = project([webhooksProjection], events).get(WEBHOOKS, ID);
    expect(deleted).toMatchObject({ deleted: true, revision: 3 });
  });

  it("when another agency asks for the subscription by id, then the read gives nothing; other streams' events change nothing", () => {
    const writer = new StreamWriter();
    const events = recorded(
      writer.seal(webhookStream(A, ID), [
        draft(1, 'WebhookSubscribed', { url: 'https://erp.example/hook', signing: 'hmac-sha256', ...key }),
      ]),
    );
    const docs = project([webhooksProjection], events);
    expect(webhookDocOf(docs, A, ID)).toMatchObject({ id: ID });
    expect(webhookDocOf(docs, 'city-market', ID)).toBeUndefined();
    // an event named like a webhook's, on a stream that is not a subscription's, is not one
    const stray = recorded(writer.seal(`case-${A}:c-1`, [draft(2, 'WebhookDeleted', {})]), 2);
    expect(webhooksProjection.apply(stray[0]!, docs)).toEqual([]);
  });
});
