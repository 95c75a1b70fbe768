import {
  isWebhookStream,
  webhookDecider,
  type WebhookEvent,
  type WebhookState,
} from '../src/domain/webhooks/subscriptions.js';
import type { RecordedEvent } from '../src/ports/event-store.js';
import type { Change, DocReader, Projection } from '../src/ports/read-models.js';
import type { StoredWebhook } from '../src/ports/webhook-outbox.js';

/** The decider's state of a stored subscription. */
export function stateOf(stored: StoredWebhook): WebhookState {
  return {
    webhookId: stored.id,
    agency: stored.agency,
    signing: stored.signing,
    settings: {
      url: stored.url,
      ...(stored.eventTypes === undefined ? {} : { eventTypes: stored.eventTypes }),
      ...(stored.payload === undefined ? {} : { payload: stored.payload }),
    },
    key: {
      keyGeneration: stored.keyGeneration,
      keyId: stored.keyId,
      ...(stored.publicKey === undefined ? {} : { publicKey: stored.publicKey }),
    },
    enabled: stored.enabled,
    deleted: stored.deleted,
  };
}

/**
 * A subscription after one more event of its stream (the fold the outbox keeps and the read model below, with the
 * revision it reflects).
 */
export function applyWebhookEvent(
  stored: StoredWebhook | undefined,
  { position, event: envelope }: RecordedEvent,
): StoredWebhook {
  const state = webhookDecider.evolve(stored ? stateOf(stored) : null, {
    type: envelope.type,
    data: envelope.data,
  } as unknown as WebhookEvent);
  if (state === null) throw new Error(`webhook stream ${envelope.stream} does not begin with WebhookSubscribed`);
  return {
    id: state.webhookId,
    agency: state.agency,
    url: state.settings.url,
    ...(state.settings.eventTypes === undefined ? {} : { eventTypes: [...state.settings.eventTypes] }),
    ...(state.settings.payload === undefined ? {} : { payload: state.settings.payload }),
    signing: state.signing,
    keyGeneration: state.key.keyGeneration,
    keyId: state.key.keyId,
    ...(state.key.publicKey === undefined ? {} : { publicKey: state.key.publicKey }),
    enabled: state.enabled,
    deleted: state.deleted,
    revision: envelope.revision,
    createdAt: stored?.createdAt ?? envelope.recordedAt,
    ...(stored !== undefined && state.key.keyGeneration > stored.keyGeneration
      ? { keyRotatedAt: envelope.recordedAt }
      : stored?.keyRotatedAt === undefined
        ? {}
        : { keyRotatedAt: stored.keyRotatedAt }),
    ...(envelope.type === 'WebhookSubscribed'
      ? { subscribedPosition: position }
      : stored?.subscribedPosition === undefined
        ? {}
        : { subscribedPosition: stored.subscribedPosition }),
  };
}

/** The fold of a whole subscription stream. */
export function webhookOf(events: readonly RecordedEvent[]): StoredWebhook | undefined {
  return events.reduce<StoredWebhook | undefined>((stored, event) => applyWebhookEvent(stored, event), undefined);
}

export const WEBHOOKS = 'webhooks';

/** The subscription `webhookId` of `agency` as the read models hold it (deleted ones included). */
export const webhookDocOf = (docs: DocReader, agency: string, webhookId: string): StoredWebhook | undefined => {
  const doc = docs.get<StoredWebhook & Record<string, unknown>>(WEBHOOKS, webhookId);
  return doc?.agency === agency ? doc : undefined;
};

/**
 * The webhook subscriptions, from the `webhook-<agency>:<id>` streams: what every replica answers `GET
 * /v1/webhooks` from, whether or not it delivers (the outbox of the replica that delivers keeps its own fold,
 * written with its deliveries). Key: the subscription's id.
 */
export const webhooksProjection: Projection = {
  name: 'webhooks',
  version: 2, // 2: keyRotatedAt
  collections: [{ name: WEBHOOKS, indexes: ['agency'] }],
  apply(recorded, docs): Change[] {
    const { event } = recorded;
    // every event passes here: the cheap test first
    if (!event.type.startsWith('Webhook') || !isWebhookStream(event.stream)) return [];
    const id = (event.data as { webhookId: string }).webhookId;
    const known = docs.get<StoredWebhook & Record<string, unknown>>(WEBHOOKS, id);
    const doc = applyWebhookEvent(known, recorded) as StoredWebhook & Record<string, unknown>;
    return [{ collection: WEBHOOKS, key: id, doc }];
  },
};
