import type { Actor } from '../../domain/actor.js';
import { RuleViolation } from '../../domain/errors.js';
import { InvalidBody, InvalidQuery } from '../../errors.js';
import {
  PUBLIC_EVENT_TYPES,
  webhookDecider,
  webhookStream,
  type WebhookCommand,
  type WebhookEvent,
  type WebhookPayload,
  type WebhookSettings,
  type WebhookSigning,
} from '../../domain/webhooks/subscriptions.js';
import type { Position } from '../../ports/event-store.js';
import type {
  Delivery,
  DeliveryState,
  StoredWebhook,
  WebhookCounts,
  WebhookOutboxStore,
} from '../../ports/webhook-outbox.js';
import { handleCommand, type CommandDependencies, type CommandResult } from '../command-handler.js';
import { beyondHead } from '../event-feed.js';
import { canonicalEqual } from '../idempotency.js';
import { registryCodec } from '../registry-codec.js';
import type { AddressPolicy } from './address-policy.js';
import type { PublicRecords } from './payloads.js';
import { replayDeliveries } from './replay-scan.js';
import { stateOf, webhookOf } from './stored-webhook.js';
import type { WebhookKeys } from './webhook-keys.js';

export { MAX_REPLAY_EVENTS } from './replay-scan.js';

/** Most deliveries `GET /v1/webhooks/{id}/deliveries` lists. */
export const MAX_LISTED_DELIVERIES = 1_000;
/** The service's own actor, for the events it records by itself (a receiver's 410 disabling a subscription). */
const SERVICE_ACTOR: Actor = { sub: 'ledger', agency: 'ledger', roles: [] };

export interface WebhookChange {
  readonly url?: string;
  /** `null`: every type again. */
  readonly eventTypes?: readonly string[] | null;
  /** What it receives from now on: signed envelopes, or public records. */
  readonly payload?: WebhookPayload;
  /** `true` turns a disabled subscription back on. */
  readonly enabled?: true;
  /** A fresh secret or key pair (the next generation); the old one stops signing at once. */
  readonly rotateKey?: true;
}

export interface WebhookWritten {
  readonly webhook: StoredWebhook;
  readonly result: CommandResult;
  /** Once, when a key was made: `{secret: "whsec_..."}` or `{publicKey: "whpk_..."}`. */
  readonly credentials?: { secret: string } | { publicKey: string };
}

/**
 * Webhook subscriptions of an agency (admin or integration): each change is a signed event of the subscription's
 * stream, then at once in the outbox (read your writes; the router folds the same event again, idempotently, by
 * revision). Reads answer from the outbox, scoped to the caller's agency: another agency's subscription is 404.
 */
export class WebhookService {
  constructor(
    private readonly deps: CommandDependencies & {
      readonly store: WebhookOutboxStore;
      readonly keys: WebhookKeys;
      readonly policy: AddressPolicy;
      /** The public records of events, for replays to `public` subscriptions. */
      readonly publicRecords?: PublicRecords;
      /** Told when deliveries were put (back) in the outbox. */
      readonly requeued?: () => void;
    },
  ) {}

  async create(
    actor: Actor,
    body: Omit<WebhookSettings, 'payload'> & { readonly signing?: WebhookSigning; readonly payload?: WebhookPayload },
    webhookId: string,
    eventId: string,
  ): Promise<WebhookWritten> {
    await this.deps.policy.check(body.url);
    const signing = body.signing ?? 'hmac-sha256';
    const settings = settingsOf(body.url, body.eventTypes, body.payload);
    checkPublicTypes(settings, body.eventTypes);
    const key = this.deps.keys.recorded(actor.agency, webhookId, signing, 1);
    const command: WebhookCommand = { type: 'Subscribe', actor, webhookId, settings, signing, key };
    // a retry under the same Idempotency-Key must ask for the same subscription
    const sameRequest = (recorded: readonly { data: Record<string, unknown> }[]) =>
      recorded.length === 1 &&
      canonicalEqual(recorded[0]!.data, { webhookId, agency: actor.agency, ...settings, signing, ...key });
    const written = await this.#command(actor.agency, webhookId, command, eventId, { sameRequest });
    return { ...written, credentials: this.#credentials(written.webhook) };
  }

  /** `expectedRevision` (`If-Match`): the subscription's revision the caller last saw; another is `409 revision_conflict`. */
  async change(
    actor: Actor,
    webhookId: string,
    change: WebhookChange,
    eventId: string,
    expectedRevision?: number,
  ): Promise<WebhookWritten> {
    const current = this.get(actor, webhookId);
    if (change.url !== undefined) await this.deps.policy.check(change.url);
    // a retry (the event id recorded already) is the change it asks for of the subscription as it was before
    const before = (await this.#before(current, eventId)) ?? current;
    const eventTypes = change.eventTypes === undefined ? before.eventTypes : (change.eventTypes ?? undefined);
    const settings = settingsOf(change.url ?? before.url, eventTypes, change.payload ?? before.payload);
    checkPublicTypes(settings, change.eventTypes);
    const generation = before.keyGeneration + (change.rotateKey ? 1 : 0);
    const key = this.deps.keys.recorded(before.agency, webhookId, before.signing, generation);
    const command: WebhookCommand = { type: 'Change', actor, settings, key, enable: change.enabled === true };
    // a retry under the same Idempotency-Key must ask for the change that was recorded
    const sameRequest = (recorded: readonly { type: string; data: Record<string, unknown> }[]) => {
      const asked = webhookDecider.decide(command, stateOf(before));
      return (
        recorded.length === asked.length &&
        recorded.every((event, i) => event.type === asked[i]!.type && canonicalEqual(event.data, asked[i]!.data))
      );
    };
    const written = await this.#command(before.agency, webhookId, command, eventId, { expectedRevision, sameRequest });
    if (!change.rotateKey) return written;
    const shown = { ...written.webhook, keyGeneration: generation };
    return { ...written, credentials: this.#credentials(shown) };
  }

  async remove(actor: Actor, webhookId: string, eventId: string, expectedRevision?: number): Promise<WebhookWritten> {
    const stored = this.deps.store.webhook(webhookId);
    // a deletion sent again under its Idempotency-Key finds the subscription deleted: the original answer
    const retried = stored?.deleted === true && stored.agency === actor.agency && (await this.#holds(stored, eventId));
    const current = retried ? stored : this.get(actor, webhookId);
    const sameRequest = (recorded: readonly { type: string }[]) =>
      recorded.length === 1 && recorded[0]!.type === 'WebhookDeleted';
    return this.#command(current.agency, webhookId, { type: 'Delete', actor }, eventId, {
      expectedRevision,
      sameRequest,
    });
  }

  /** The subscription as it was before the event `eventId`, when its stream holds that event; else undefined. */
  async #before(webhook: StoredWebhook, eventId: string): Promise<StoredWebhook | undefined> {
    const history = await this.deps.events.readStream(webhookStream(webhook.agency, webhook.id));
    const at = history.findIndex((r) => r.event.id === eventId);
    return at < 0 ? undefined : webhookOf(history.slice(0, at));
  }

  /** Whether the subscription's stream holds the event `eventId`. */
  async #holds(webhook: StoredWebhook, eventId: string): Promise<boolean> {
    const history = await this.deps.events.readStream(webhookStream(webhook.agency, webhook.id));
    return history.some((r) => r.event.id === eventId);
  }

  /** A receiver answered 410 Gone: the service disables the subscription, by an event of its own. */
  async disable(webhook: StoredWebhook, status: number, eventId: string): Promise<void> {
    const current = this.deps.store.webhook(webhook.id);
    if (!current || !current.enabled || current.deleted) return;
    await this.#command(webhook.agency, webhook.id, { type: 'Disable', reason: 'receiver_gone', status }, eventId);
  }

  list(actor: Actor): StoredWebhook[] {
    return this.deps.store.webhooks().filter((w) => w.agency === actor.agency && !w.deleted);
  }

  get(actor: Actor, webhookId: string): StoredWebhook {
    const webhook = this.deps.store.webhook(webhookId);
    if (!webhook || webhook.deleted || webhook.agency !== actor.agency)
      throw new RuleViolation('not_found', 404, 'no such webhook');
    return webhook;
  }

  deliveries(
    actor: Actor,
    webhookId: string,
    options: { readonly state?: DeliveryState; readonly limit: number },
  ): { webhook: StoredWebhook; counts: WebhookCounts | undefined; deliveries: Delivery[]; routed: Position } {
    const webhook = this.get(actor, webhookId);
    const counts = this.deps.store.counts().find((c) => c.webhookId === webhookId);
    const routed = this.deps.store.position();
    return { webhook, counts, deliveries: this.deps.store.list(webhookId, options), routed };
  }

  /**
   * Puts the subscription's events from `from` on (inclusive) back in the outbox, dead letters and already
   * delivered ones alike, up to `MAX_REPLAY_EVENTS` matching events and no further than the outbox has
   * routed; `next` is where to continue when there is more. A `from` past the position after the log's head is
   * `400 invalid_query`.
   */
  async replay(
    actor: Actor,
    webhookId: string,
    from: Position,
  ): Promise<{ requeued: number; through: Position; next?: Position }> {
    const webhook = this.get(actor, webhookId);
    // as the feeds refuse an `after` beyond the head: a position no feed gave, which would requeue nothing silently
    if (await beyondHead(this.deps.events, from - 1)) {
      throw new InvalidQuery('from is beyond the position after the last event of the log: nothing is there to send', {
        parameter: 'from',
      });
    }
    if (!webhook.enabled) throw new RuleViolation('webhook_disabled', 409, 'the webhook is disabled: enable it first');
    const routed = this.deps.store.position();
    const { deliveries, through } = await replayDeliveries(this.deps, webhook, from, routed);
    const requeued = this.deps.store.requeue(deliveries, this.deps.clock.now().getTime());
    if (requeued > 0) this.deps.requeued?.();
    return { requeued, through, ...(through < routed ? { next: through + 1 } : {}) };
  }

  #credentials(webhook: StoredWebhook): { secret: string } | { publicKey: string } {
    return this.deps.keys.shown(this.deps.keys.key(webhook.agency, webhook.id, webhook.signing, webhook.keyGeneration));
  }

  async #command(
    agency: string,
    webhookId: string,
    command: WebhookCommand,
    eventId: string,
    {
      sameRequest,
      expectedRevision,
    }: {
      sameRequest?: NonNullable<Parameters<typeof handleCommand>[5]['sameRequest']>;
      expectedRevision?: number | undefined;
    } = {},
  ): Promise<{ webhook: StoredWebhook; result: CommandResult }> {
    const stream = webhookStream(agency, webhookId);
    const actor = command.type === 'Disable' ? SERVICE_ACTOR : command.actor;
    const codec = registryCodec<WebhookEvent>(this.deps.clock, actor);
    const result = await handleCommand(this.deps, stream, webhookDecider, codec, command, {
      eventId,
      ...(sameRequest === undefined ? {} : { sameRequest }),
      ...(expectedRevision === undefined ? {} : { expectedRevision }),
    });
    const webhook = webhookOf(await this.deps.events.readStream(stream));
    if (!webhook) throw new Error(`webhook stream ${stream} is empty after a write`);
    this.deps.store.commit({ webhooks: [webhook], deliveries: [], position: 0, now: this.deps.clock.now().getTime() });
    return { webhook, result };
  }
}

/**
 * A `public` subscription receives only the events that change a public entry ({@link PUBLIC_EVENT_TYPES}): one
 * that names another type would never receive it, so it is refused, pointing at that type in the body, or at
 * `payload` when the type was named before and the request makes the payload public.
 */
function checkPublicTypes(settings: WebhookSettings, named: readonly string[] | null | undefined): void {
  if (settings.payload !== 'public' || settings.eventTypes === undefined) return;
  const type = settings.eventTypes.find((t) => !PUBLIC_EVENT_TYPES.has(t));
  if (type === undefined) return;
  const at = named?.indexOf(type) ?? -1;
  const pointer = at >= 0 ? `/eventTypes/${at}` : '/payload';
  throw new InvalidBody(`${pointer}: a public payload never carries ${type}`, { pointer });
}

function settingsOf(
  url: string,
  eventTypes: readonly string[] | undefined,
  payload: WebhookPayload | undefined,
): WebhookSettings {
  return {
    url,
    ...(eventTypes === undefined ? {} : { eventTypes: [...new Set(eventTypes)] }),
    ...(payload === 'public' ? { payload } : {}),
  };
}
