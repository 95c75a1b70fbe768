import type { Claims } from '../claims.js';
import type { ExpectedHead } from '../command-handler.js';
import { LedgerError } from '../../errors.js';
import type { Actor } from '../../domain/actor.js';
import { RuleViolation } from '../../domain/errors.js';
import { DeliveredElsewhere, InvalidBody, InvalidQuery } from '../../errors.js';
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
import type { Position, RecordedEvent } from '../../ports/event-store.js';
import type { ReadModelStore } from '../../ports/read-models.js';
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
import { caughtUp, type ReadConsistency } from '../read-consistency.js';
import { replayDeliveries } from './replay-scan.js';
import { StreamLocks } from '../stream-locks.js';
import { stateOf, WEBHOOKS, webhookDocOf, webhookOf } from '../../../projections/webhooks.js';
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
  /**
   * A fresh secret or key pair (the next generation); the old one signs too for `WEBHOOK_KEY_OVERLAP_SECONDS` (a
   * signature by each in the header), then no more.
   */
  readonly rotateKey?: true;
}

export interface WebhookWritten {
  readonly webhook: StoredWebhook;
  readonly result: CommandResult;
  /** Once, when a key was made: `{secret: "whsec_..."}` or `{publicKey: "whpk_..."}`. */
  readonly credentials?: { secret: string } | { publicKey: string };
}

/** How many subscriptions one read-model query returns while listing an agency's. */
const LIST_PAGE = 500;

/**
 * Webhook subscriptions of an agency (admin or integration): each change is a signed event of the subscription's
 * stream, decided on the stream as read back (whichever replica wrote it before), then at once in this replica's
 * outbox (the router folds the same event again, idempotently, by revision). The subscriptions are read from the
 * read models, which every replica keeps, after `consistentWith` and after this replica's own last change of one
 * (read your writes); deliveries and replays from the outbox, which only a replica that delivers fills
 * (`WEBHOOK_DELIVERY`): another answers them `421 webhook_delivery_elsewhere`. Every read is scoped to the
 * caller's agency: another agency's subscription is 404.
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
      /** The read models the subscriptions are read from, and how far they have followed the log. */
      readonly readModels: Pick<ReadModelStore, 'get' | 'query'>;
      readonly runner: ReadConsistency;
      /** Whether this replica routes the log into its outbox and delivers (`WEBHOOK_DELIVERY`). */
      readonly delivers: boolean;
      /** Most subscriptions one agency may have at once (`WEBHOOK_MAX_PER_AGENCY`); unbounded when absent. */
      readonly maxPerAgency?: number;
      /**
       * Where replicas share the log: what a subscription made or changed delivers is claimed for it once the rules
       * have passed, before it is appended (src/app/claims.ts, `WEBHOOK_CLAIMS`). Without it, no two subscriptions
       * deliver the same within this process only.
       */
      readonly claims?: Pick<Claims, 'claim'>;
    },
  ) {}

  /** The log position of this replica's last change of a subscription: reads wait for the read models to pass it. */
  #written: Position = 0;

  /**
   * Creations and changes of an agency's subscriptions one at a time (on this replica): each reads the agency's
   * subscriptions once the read models have the one written before it, so two identical subscriptions sent at the
   * same moment are one subscription and one `409 webhook_duplicate`, not two deliveries of every event.
   */
  readonly #settling = new StreamLocks();

  async create(
    actor: Actor,
    body: Omit<WebhookSettings, 'payload'> & { readonly signing?: WebhookSigning; readonly payload?: WebhookPayload },
    webhookId: string,
    eventId: string,
  ): Promise<WebhookWritten> {
    await this.deps.policy.check(body.url);
    return this.#settling.run(actor.agency, () => this.#create(actor, body, webhookId, eventId));
  }

  async #create(
    actor: Actor,
    body: Omit<WebhookSettings, 'payload'> & { readonly signing?: WebhookSigning; readonly payload?: WebhookPayload },
    webhookId: string,
    eventId: string,
  ): Promise<WebhookWritten> {
    const signing = body.signing ?? 'hmac-sha256';
    const settings = settingsOf(body.url, body.eventTypes, body.payload);
    checkPublicTypes(settings, body.eventTypes);
    // a new subscription (not a retry, which finds its stream written) must fit and send to a URL of its own
    if ((await this.#history(actor.agency, webhookId)).length === 0) {
      const existing = await this.list(actor);
      checkNotDuplicate(await this.#asLogged(actor.agency, existing, { settings }), settings);
      const max = this.deps.maxPerAgency;
      // at the limit as listed: those the log still holds, counted until the answer is known
      if (max !== undefined && existing.length >= max) {
        const held = (await this.#asLogged(actor.agency, existing, { enough: max })).length;
        if (held >= max) {
          throw new RuleViolation(
            'webhook_limit',
            409,
            `the agency has ${max} subscriptions, the most it may have: delete one first`,
            { limit: max },
          );
        }
      }
    }
    const key = this.deps.keys.recorded(actor.agency, webhookId, signing, 1);
    const command: WebhookCommand = { type: 'Subscribe', actor, webhookId, settings, signing, key };
    // a retry under the same Idempotency-Key must ask for the same subscription
    const sameRequest = (recorded: readonly { data: Record<string, unknown> }[]) =>
      recorded.length === 1 &&
      canonicalEqual(recorded[0]!.data, { webhookId, agency: actor.agency, ...settings, signing, ...key });
    const written = await this.#command(actor.agency, webhookId, command, eventId, {
      sameRequest,
      claim: { actor, deliveries: deliveriesOf(settings) },
    });
    // a retry of a creation whose subscription was deleted since: no subscription is there to answer with
    if (!written.result.created && written.webhook.deleted) {
      throw new WebhookDeleted('the subscription this request created has been deleted since', { webhookId });
    }
    return { ...written, credentials: this.#credentials(written.webhook) };
  }

  /** `expectedRevision` (`If-Match`): the subscription's revision the caller last saw; another is `409 revision_conflict`. */
  async change(
    actor: Actor,
    webhookId: string,
    change: WebhookChange,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<WebhookWritten> {
    return this.#settling.run(actor.agency, () => this.#change(actor, webhookId, change, eventId, expectedRevision));
  }

  async #change(
    actor: Actor,
    webhookId: string,
    change: WebhookChange,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<WebhookWritten> {
    const history = await this.#history(actor.agency, webhookId);
    const current = webhookOf(history);
    if (!current || current.deleted) throw notFound();
    if (change.url !== undefined) await this.deps.policy.check(change.url);
    // a retry (the event id recorded already) is the change it asks for of the subscription as it was before
    const at = history.findIndex((r) => r.event.id === eventId);
    const before = (at < 0 ? undefined : webhookOf(history.slice(0, at))) ?? current;
    const eventTypes = change.eventTypes === undefined ? before.eventTypes : (change.eventTypes ?? undefined);
    const settings = settingsOf(change.url ?? before.url, eventTypes, change.payload ?? before.payload);
    checkPublicTypes(settings, change.eventTypes);
    if (at < 0 && (change.url !== undefined || change.eventTypes !== undefined || change.payload !== undefined)) {
      const others = (await this.list(actor)).filter((w) => w.id !== webhookId);
      checkNotDuplicate(await this.#asLogged(actor.agency, others, { settings }), settings);
    }
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
    const delivers = deliveriesOf(settings);
    const written = await this.#command(before.agency, webhookId, command, eventId, {
      expectedRevision,
      sameRequest,
      ...(delivers === deliveriesOf(before) ? {} : { claim: { actor, deliveries: delivers } }),
    });
    if (!change.rotateKey) return written;
    const shown = { ...written.webhook, keyGeneration: generation };
    return { ...written, credentials: this.#credentials(shown) };
  }

  async remove(
    actor: Actor,
    webhookId: string,
    eventId: string,
    expectedRevision?: ExpectedHead,
  ): Promise<WebhookWritten> {
    const history = await this.#history(actor.agency, webhookId);
    const current = webhookOf(history);
    // a deletion sent again under its Idempotency-Key finds the subscription deleted: the original answer
    const retried = current?.deleted === true && history.some((r) => r.event.id === eventId);
    if (!current || (current.deleted && !retried)) throw notFound();
    const sameRequest = (recorded: readonly { type: string }[]) =>
      recorded.length === 1 && recorded[0]!.type === 'WebhookDeleted';
    return this.#command(current.agency, webhookId, { type: 'Delete', actor }, eventId, {
      expectedRevision,
      sameRequest,
    });
  }

  /**
   * Subscriptions of the agency as the log has them now. The read models list what this replica has applied: one
   * deleted or changed on another replica a moment ago may still be listed as it was, and would refuse a subscription
   * as a duplicate, or the agency's last free place, that the log no longer holds. A refusal rests on the log: the
   * subscriptions listed (only those that would deliver as `settings` does, when given) are folded from their streams,
   * a few at a time, and those deleted are left out; with `enough`, only until that many are found held, or too few
   * are left to reach it. One made on another replica and not yet applied is not listed; the claim of its deliveries
   * (`claims`) is what refuses its duplicate.
   */
  async #asLogged(
    agency: string,
    listed: readonly StoredWebhook[],
    { settings, enough }: { settings?: WebhookSettings; enough?: number } = {},
  ): Promise<StoredWebhook[]> {
    const asked = settings === undefined ? listed : listed.filter((w) => sameDeliveries(w, settings));
    const held: StoredWebhook[] = [];
    for (let at = 0; at < asked.length; at += LOG_READS_AT_ONCE) {
      if (enough !== undefined && (held.length >= enough || held.length + (asked.length - at) < enough)) break;
      const part = asked.slice(at, at + LOG_READS_AT_ONCE);
      for (const webhook of await Promise.all(part.map(async (w) => webhookOf(await this.#history(agency, w.id))))) {
        if (webhook !== undefined && !webhook.deleted) held.push(webhook);
      }
    }
    return held;
  }

  /** The events of the subscription's stream: what a change is decided on, as every replica wrote them. */
  #history(agency: string, webhookId: string): Promise<RecordedEvent[]> {
    return this.deps.events.readStream(webhookStream(agency, webhookId));
  }

  /** A receiver answered 410 Gone: the service disables the subscription, by an event of its own. */
  async disable(webhook: StoredWebhook, status: number, eventId: string): Promise<void> {
    const current = this.deps.store.webhook(webhook.id);
    if (!current || !current.enabled || current.deleted) return;
    await this.#command(webhook.agency, webhook.id, { type: 'Disable', reason: 'receiver_gone', status }, eventId);
  }

  /** The agency's subscriptions, oldest first, from the read models once they have passed `consistentWith`. */
  async list(actor: Actor, consistentWith?: Position): Promise<StoredWebhook[]> {
    await this.#caughtUp(consistentWith);
    const found: StoredWebhook[] = [];
    let after: string | undefined;
    do {
      const page = this.deps.readModels.query<StoredWebhook & Record<string, unknown>>(WEBHOOKS, {
        where: { agency: actor.agency },
        limit: LIST_PAGE,
        ...(after === undefined ? {} : { after }),
      });
      for (const webhook of page.items) if (!webhook.deleted) found.push(webhook);
      after = page.next;
    } while (after !== undefined);
    return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** The subscription, from the read models once they have passed `consistentWith`. */
  async get(actor: Actor, webhookId: string, consistentWith?: Position): Promise<StoredWebhook> {
    await this.#caughtUp(consistentWith);
    const webhook = webhookDocOf(this.deps.readModels, actor.agency, webhookId);
    if (!webhook || webhook.deleted) throw notFound();
    return webhook;
  }

  async #caughtUp(consistentWith: Position | undefined): Promise<void> {
    const through = Math.max(consistentWith ?? 0, this.#written);
    await caughtUp(this.deps.runner, through === 0 ? undefined : through);
  }

  /**
   * The subscription as this replica's outbox holds it, for its deliveries; 421 on a replica that does not deliver.
   * One another replica made, which the router has not reached yet, is folded from its stream into the outbox first
   * (as the router will, by revision), so it is found at once.
   */
  async #delivered(actor: Actor, webhookId: string): Promise<StoredWebhook> {
    if (!this.deps.delivers) throw new DeliveredElsewhere();
    let webhook = this.deps.store.webhook(webhookId);
    if (!webhook) {
      webhook = webhookOf(await this.#history(actor.agency, webhookId));
      if (webhook) this.deps.store.commit({ webhooks: [webhook], deliveries: [], position: 0, now: this.#now() });
    }
    if (!webhook || webhook.deleted || webhook.agency !== actor.agency) throw notFound();
    return webhook;
  }

  #now(): number {
    return this.deps.clock.now().getTime();
  }

  async deliveries(
    actor: Actor,
    webhookId: string,
    options: { readonly state?: DeliveryState; readonly limit: number },
  ): Promise<{ webhook: StoredWebhook; counts: WebhookCounts | undefined; deliveries: Delivery[]; routed: Position }> {
    const webhook = await this.#delivered(actor, webhookId);
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
    const webhook = await this.#delivered(actor, webhookId);
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
      claim,
    }: {
      sameRequest?: NonNullable<Parameters<typeof handleCommand>[5]['sameRequest']>;
      expectedRevision?: ExpectedHead | undefined;
      /** What the subscription is to deliver, claimed for it before the append (where replicas claim). */
      claim?: { readonly actor: Actor; readonly deliveries: string };
    } = {},
  ): Promise<{ webhook: StoredWebhook; result: CommandResult }> {
    const stream = webhookStream(agency, webhookId);
    const actor = command.type === 'Disable' ? SERVICE_ACTOR : command.actor;
    const codec = registryCodec<WebhookEvent>(this.deps.clock, actor);
    const claims = this.deps.claims;
    const result = await handleCommand(this.deps, stream, webhookDecider, codec, command, {
      eventId,
      ...(sameRequest === undefined ? {} : { sameRequest }),
      ...(expectedRevision === undefined ? {} : { expectedRevision }),
      ...(claims && claim ? { beforeAppend: () => claims.claim(claim.actor, webhookId, claim.deliveries) } : {}),
    });
    const webhook = webhookOf(await this.deps.events.readStream(stream));
    if (!webhook) throw new Error(`webhook stream ${stream} is empty after a write`);
    this.deps.store.commit({ webhooks: [webhook], deliveries: [], position: 0, now: this.#now() });
    this.#written = Math.max(this.#written, result.position);
    return { webhook, result };
  }
}

const notFound = () => new RuleViolation('not_found', 404, 'no such webhook');

/** Subscriptions' streams read at once when a refusal is checked against the log. */
const LOG_READS_AT_ONCE = 8;

/** A creation repeated (its Idempotency-Key) after its subscription was deleted: nothing is subscribed. */
class WebhookDeleted extends LedgerError {
  readonly code = 'webhook_deleted';
  readonly status = 410;
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

/**
 * Whether two webhook URLs name the same receiver: as the sender requests them ({@link requestedUrl}).
 */
export function sameUrl(a: string, b: string): boolean {
  return requestedUrl(a) === requestedUrl(b);
}

/**
 * A webhook URL as the sender requests it: scheme, host and port as parsed, then the path and the query, an empty
 * query `?` being none, with the escapes of unreserved characters decoded (RFC 3986 §6.2.2.2: `/%68ook` is `/hook`)
 * and those of the others in upper case; a text that is no URL, as it is.
 */
function requestedUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${escapesNormalised(u.pathname + u.search)}`;
  } catch {
    return url;
  }
}

const escapesNormalised = (text: string): string =>
  text.replace(/%[0-9a-fA-F]{2}/g, (escape) => {
    const c = String.fromCharCode(parseInt(escape.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : escape.toUpperCase();
  });

/**
 * What a subscription delivers, as one text: its URL as the sender requests it ({@link requestedUrl}), its event types
 * sorted (`*` for all) and its payload. Two subscriptions with the same text deliver the same events to the same
 * receiver in the same form.
 */
export function deliveriesOf(s: WebhookSettings): string {
  const url = requestedUrl(s.url);
  const types = s.eventTypes === undefined ? '*' : [...s.eventTypes].sort().join(',');
  return `${url}\n${types}\n${s.payload ?? 'envelope'}`;
}

/** Whether two subscriptions would deliver the same events to the same receiver in the same form. */
function sameDeliveries(a: WebhookSettings, b: WebhookSettings): boolean {
  return deliveriesOf(a) === deliveriesOf(b);
}

/**
 * A subscription that would deliver what another of the agency's delivers already (the same URL, event types and
 * payload) is `409 webhook_duplicate`, naming that subscription: the receiver would get every event twice. The same
 * URL with other types or another payload is a subscription of its own.
 */
function checkNotDuplicate(existing: readonly StoredWebhook[], settings: WebhookSettings): void {
  const taken = existing.find((w) => sameDeliveries(w, settings));
  if (taken) {
    throw new RuleViolation(
      'webhook_duplicate',
      409,
      `subscription ${taken.id} of the agency delivers the same events to this URL already`,
      { webhookId: taken.id },
    );
  }
}
