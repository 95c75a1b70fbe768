import { Router, type Request } from 'express';
import type { Principal } from '../app/auth.js';
import type { CommandResult } from '../app/command-handler.js';
import { MAX_LISTED_DELIVERIES, type WebhookChange, type WebhookService } from '../app/webhooks/webhook-service.js';
import { RuleViolation } from '../domain/errors.js';
import { webhookStream } from '../domain/webhooks/subscriptions.js';
import { InvalidBody, InvalidQuery } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { Delivery, StoredWebhook } from '../ports/webhook-outbox.js';
import { authenticate, principalOf, requireRoles } from './authenticate.js';
import { jsonBody } from './body.js';
import { consistencyOf } from './consistency.js';
import { eventIdFor, ifMatch } from './request.js';
import type { Validate } from './validation.js';
import { written } from './written.js';

export interface WebhooksApiDependencies {
  readonly webhooks: WebhookService;
  readonly verify: (token: string) => Principal;
  readonly validate: Validate;
  readonly newId: () => string;
  readonly clock: Clock;
  /** The event types of the agencies' streams, as the pull feed knows them: `eventTypes` may name only these. */
  readonly eventTypes: ReadonlySet<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function webhookIdOf(req: Request): string {
  const id = String(req.params.id);
  if (!UUID.test(id)) throw new RuleViolation('not_found', 404, 'no such webhook');
  return id;
}

function view(webhook: StoredWebhook): Record<string, unknown> {
  const { deleted: _deleted, subscribedPosition: _from, publicKey, payload, ...rest } = webhook;
  return {
    ...rest,
    payload: payload ?? 'envelope',
    ...(publicKey === undefined ? {} : { publicKey: `whpk_${publicKey}` }),
  };
}

/**
 * The deliveries as listed, in routing order. A pending delivery waits behind an earlier pending one of the same
 * stream (in order per stream): it says so (`heldBehind`, that one's position), and its next attempt is no sooner
 * than that one's.
 */
function deliveryViews(deliveries: readonly Delivery[]): Record<string, unknown>[] {
  const heads = new Map<string, Delivery>();
  return deliveries.map((d) => {
    if (d.state !== 'pending') return deliveryView(d);
    const head = heads.get(d.stream);
    if (head === undefined) {
      heads.set(d.stream, d);
      return deliveryView(d);
    }
    return deliveryView({ ...d, nextAt: Math.max(d.nextAt, head.nextAt) }, head.position);
  });
}

function deliveryView(d: Delivery, heldBehind?: number): Record<string, unknown> {
  return {
    position: d.position,
    stream: d.stream,
    eventId: d.eventId,
    type: d.type,
    recordedAt: d.recordedAt,
    state: d.state,
    attempts: d.attempts,
    ...(d.state === 'pending'
      ? { nextAttemptAt: new Date(d.nextAt).toISOString() }
      : { deadAt: new Date(d.nextAt).toISOString() }),
    ...(heldBehind === undefined ? {} : { heldBehind }),
    ...(d.lastStatus === undefined ? {} : { lastStatus: d.lastStatus }),
    ...(d.lastError === undefined ? {} : { lastError: d.lastError }),
  };
}

/** What a create or change recorded: its event (by the id an inclusion proof is asked by) and its place in the log. */
function recorded(result: CommandResult): { readonly eventId?: string; readonly position: number } {
  const { eventId, position } = written(result);
  return eventId === undefined ? { position } : { eventId, position };
}

/**
 * `eventTypes` of a subscription may name only event types the agency's streams hold (those the pull feed takes),
 * so a misspelt type is refused rather than making a subscription that never receives anything; the pointer names
 * which, never the value.
 */
function checkEventTypes(body: unknown, known: ReadonlySet<string>): void {
  const types = (body as { eventTypes?: unknown }).eventTypes;
  if (!Array.isArray(types)) return;
  const unknown = types.findIndex((type) => !known.has(type as string));
  if (unknown >= 0)
    throw new InvalidBody(`/eventTypes/${unknown}: is not an event type`, { pointer: `/eventTypes/${unknown}` });
}

/** A whole number query parameter within bounds, or `fallback` when absent. */
function whole(req: Request, name: string, min: number, max: number, fallback?: number): number {
  const raw = req.query[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  if (typeof raw !== 'string' || !/^[0-9]{1,15}$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new InvalidQuery(`${name} must be a whole number from ${min} to ${max}`, { parameter: name });
  return Number(raw);
}

/** Webhook subscriptions of the caller's agency (admin or integration), their deliveries and replays. */
export function webhooksApi({ webhooks, verify, validate, newId, clock, eventTypes }: WebhooksApiDependencies): Router {
  const router = Router();
  const auth = [authenticate(verify), requireRoles('admin', 'integration')];
  const readJson = jsonBody();

  router.post('/v1/webhooks', ...auth, readJson, async (req, res) => {
    validate('urn:evidence-ledger:schema:command:create-webhook', req.body);
    checkEventTypes(req.body, eventTypes);
    const body = req.body as Parameters<WebhookService['create']>[1];
    const principal = principalOf(res);
    // the id is the first event's: with an Idempotency-Key, a retry names the same subscription
    const webhookId = eventIdFor(req, principal, `webhook-${principal.agency}`, newId);
    const written = await webhooks.create(principal, body, webhookId, webhookId);
    res.status(written.result.created ? 201 : 200).set('ETag', `"${written.result.revision}"`);
    res.location(`/v1/webhooks/${webhookId}`);
    res.json({ ...view(written.webhook), ...written.credentials, ...recorded(written.result) });
  });

  router.get('/v1/webhooks', ...auth, async (req, res) => {
    res.json({ items: (await webhooks.list(principalOf(res), consistencyOf(req))).map(view) });
  });

  router.get('/v1/webhooks/:id', ...auth, async (req, res) => {
    const webhook = await webhooks.get(principalOf(res), webhookIdOf(req), consistencyOf(req));
    res.set('ETag', `"${webhook.revision}"`).json(view(webhook));
  });

  router.patch('/v1/webhooks/:id', ...auth, readJson, async (req, res) => {
    const id = webhookIdOf(req);
    validate('urn:evidence-ledger:schema:command:change-webhook', req.body);
    checkEventTypes(req.body, eventTypes);
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, webhookStream(principal.agency, id), newId);
    const written = await webhooks.change(principal, id, req.body as WebhookChange, eventId, ifMatch(req));
    res.set('ETag', `"${written.result.revision}"`);
    res.json({ ...view(written.webhook), ...written.credentials, ...recorded(written.result) });
  });

  router.delete('/v1/webhooks/:id', ...auth, async (req, res) => {
    const id = webhookIdOf(req);
    const principal = principalOf(res);
    const eventId = eventIdFor(req, principal, webhookStream(principal.agency, id), newId);
    await webhooks.remove(principal, id, eventId, ifMatch(req));
    res.status(204).end();
  });

  router.get('/v1/webhooks/:id/deliveries', ...auth, async (req, res) => {
    const state = req.query.state;
    if (state !== undefined && state !== 'pending' && state !== 'dead')
      throw new InvalidQuery('state must be pending or dead', { parameter: 'state' });
    const limit = whole(req, 'limit', 1, MAX_LISTED_DELIVERIES, 100);
    const { webhook, counts, deliveries, routed } = await webhooks.deliveries(principalOf(res), webhookIdOf(req), {
      ...(state === undefined ? {} : { state }),
      limit,
    });
    const oldest = counts?.oldestPendingRecordedAt;
    res.json({
      webhookId: webhook.id,
      enabled: webhook.enabled,
      metrics: {
        delivered: counts?.delivered ?? 0,
        failed: counts?.failed ?? 0,
        pending: counts?.pending ?? 0,
        dead: counts?.dead ?? 0,
        lagEvents: counts?.pending ?? 0,
        lagSeconds: oldest === undefined ? 0 : Math.max(0, (clock.now().getTime() - Date.parse(oldest)) / 1000),
        lastDeliveredPosition: counts?.lastDeliveredPosition ?? 0,
        routedPosition: routed,
      },
      deliveries: deliveryViews(deliveries),
    });
  });

  router.post('/v1/webhooks/:id/replay', ...auth, async (req, res) => {
    const id = webhookIdOf(req);
    const from = whole(req, 'from', 1, Number.MAX_SAFE_INTEGER);
    res.status(202).json(await webhooks.replay(principalOf(res), id, from));
  });

  return router;
}
