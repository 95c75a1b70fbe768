import { requireAgency, requireRole, type Actor } from '../actor.js';
import type { Decider } from '../decider.js';
import { RuleViolation, conflict } from '../errors.js';
import { agencyStream, parseAgencyStream } from '../streams.js';

/**
 * Webhook subscriptions of an agency, each recorded as signed events in its own stream `webhook-<agency>:<id>`:
 * - `WebhookSubscribed` `{webhookId, agency, url, eventTypes?, payload?, signing, keyGeneration, keyId, publicKey?}`;
 * - `WebhookChanged` `{webhookId, agency, url, eventTypes?, payload?, keyGeneration, keyId, publicKey?}` (the whole
 *   new setting; `enabled: true` when it turns a disabled subscription back on);
 * - `WebhookDisabled` `{webhookId, agency, reason, status?}`: the service stopped delivering (a receiver's 410);
 * - `WebhookDeleted` `{webhookId, agency}`.
 * No event ever holds a secret: `keyId` is a commitment to the HMAC secret (a hash), and an Ed25519 subscription
 * records its public key, which receivers need anyway (docs/security.md, "Webhook secrets").
 */
export type WebhookSigning = 'hmac-sha256' | 'ed25519';

/**
 * What a subscription receives of an event: the whole signed envelope, or (`public`) the event's public record as
 * the public API shows it, for the events that have one ({@link hasPublicRecord}) and no other.
 */
export type WebhookPayload = 'envelope' | 'public';

export interface WebhookSettings {
  readonly url: string;
  /** Only events of these types; absent: every event of the agency. */
  readonly eventTypes?: readonly string[];
  /** Absent: `envelope` (recorded only when `public`, so a subscription made before the choice existed reads alike). */
  readonly payload?: 'public';
}

/**
 * The events that have a public record (行政执法公示): a decision's disclosure, its updates and its withdrawal, each
 * of which changes the decision's public entry. Every other event of a case, and every registry or subscription
 * event, is never delivered to a `public` subscription.
 */
export const PUBLIC_EVENT_TYPES: ReadonlySet<string> = new Set([
  'DecisionDisclosed',
  'DisclosureUpdated',
  'DisclosureWithdrawn',
]);

/** Whether an event of `type` in a stream of `category` may have a public record. */
export function hasPublicRecord(category: string, type: string): boolean {
  return category === 'case' && PUBLIC_EVENT_TYPES.has(type);
}

export interface WebhookKey {
  readonly keyGeneration: number;
  readonly keyId: string;
  readonly publicKey?: string;
}

interface Common {
  readonly webhookId: string;
  readonly agency: string;
}

export type WebhookEvent =
  | {
      readonly type: 'WebhookSubscribed';
      readonly data: Common & WebhookSettings & WebhookKey & { readonly signing: WebhookSigning };
    }
  | { readonly type: 'WebhookChanged'; readonly data: Common & WebhookSettings & WebhookKey & { enabled?: true } }
  | { readonly type: 'WebhookDisabled'; readonly data: Common & { readonly reason: string; readonly status?: number } }
  | { readonly type: 'WebhookDeleted'; readonly data: Common };

export const WEBHOOK_EVENT_TYPES: ReadonlySet<string> = new Set([
  'WebhookSubscribed',
  'WebhookChanged',
  'WebhookDisabled',
  'WebhookDeleted',
]);

export type WebhookCommand =
  | {
      readonly type: 'Subscribe';
      readonly actor: Actor;
      readonly webhookId: string;
      readonly settings: WebhookSettings;
      readonly signing: WebhookSigning;
      readonly key: WebhookKey;
    }
  | {
      readonly type: 'Change';
      readonly actor: Actor;
      readonly settings: WebhookSettings;
      readonly key: WebhookKey;
      readonly enable: boolean;
    }
  | { readonly type: 'Disable'; readonly reason: string; readonly status?: number }
  | { readonly type: 'Delete'; readonly actor: Actor };

export interface WebhookState {
  readonly webhookId: string;
  readonly agency: string;
  readonly settings: WebhookSettings;
  readonly signing: WebhookSigning;
  readonly key: WebhookKey;
  readonly enabled: boolean;
  readonly deleted: boolean;
}

export function webhookStream(agency: string, webhookId: string): string {
  return agencyStream('webhook', agency, webhookId);
}

/** Whether a stream is a webhook subscription's. */
export const isWebhookStream = (stream: string): boolean => parseAgencyStream(stream)?.category === 'webhook';

/**
 * The agency whose records a stream holds (`<category>-<agency>:<id>`), as every read scopes them; `undefined` for
 * the streams of no agency (the ledger's checkpoints and keys), which no subscription receives.
 */
export const agencyOfStream = (stream: string): string | undefined => parseAgencyStream(stream)?.agency;

/**
 * Whether a subscription with these settings receives an event of `type` in a stream of `category`: of one of its
 * types, and, for a `public` one, an event that may have a public record.
 */
export function wants(settings: WebhookSettings, type: string, category?: string): boolean {
  if (settings.payload === 'public' && (category === undefined || !hasPublicRecord(category, type))) return false;
  return settings.eventTypes === undefined || settings.eventTypes.includes(type);
}

const ROLES = ['admin', 'integration'] as const;

function present(state: WebhookState | null): WebhookState {
  if (state === null || state.deleted) throw new RuleViolation('not_found', 404, 'no such webhook');
  return state;
}

const settingsOf = (s: WebhookSettings) => ({
  url: s.url,
  ...(s.eventTypes === undefined ? {} : { eventTypes: [...s.eventTypes] }),
  ...(s.payload === 'public' ? { payload: s.payload } : {}),
});
/** Whether two settings send the same events the same way: the same URL, payload and set of types. */
function sameSettings(a: WebhookSettings, b: WebhookSettings): boolean {
  const types = (s: WebhookSettings) => (s.eventTypes === undefined ? undefined : new Set(s.eventTypes));
  const [x, y] = [types(a), types(b)];
  const sameTypes = x === undefined || y === undefined ? x === y : x.size === y.size && [...x].every((t) => y.has(t));
  return a.url === b.url && a.payload === b.payload && sameTypes;
}

const keyOf = (k: WebhookKey) => ({
  keyGeneration: k.keyGeneration,
  keyId: k.keyId,
  ...(k.publicKey === undefined ? {} : { publicKey: k.publicKey }),
});

export const webhookDecider: Decider<WebhookCommand, WebhookEvent, WebhookState | null> = {
  initialState: () => null,
  evolve(state, event) {
    switch (event.type) {
      case 'WebhookSubscribed': {
        const { webhookId, agency, signing } = event.data;
        return {
          webhookId,
          agency,
          signing,
          settings: settingsOf(event.data),
          key: keyOf(event.data),
          enabled: true,
          deleted: false,
        };
      }
      case 'WebhookChanged': {
        const { enabled } = event.data;
        const before = present(state);
        return {
          ...before,
          settings: settingsOf(event.data),
          key: keyOf(event.data),
          enabled: before.enabled || enabled === true,
        };
      }
      case 'WebhookDisabled':
        return { ...present(state), enabled: false };
      case 'WebhookDeleted':
        return { ...present(state), deleted: true };
    }
  },
  decide(command, state) {
    if (command.type === 'Disable') {
      const current = present(state);
      if (!current.enabled) return [];
      const status = command.status === undefined ? {} : { status: command.status };
      return [
        {
          type: 'WebhookDisabled',
          data: { webhookId: current.webhookId, agency: current.agency, reason: command.reason, ...status },
        },
      ];
    }
    requireRole(command.actor, [...ROLES], 'managing webhooks');
    if (command.type === 'Subscribe') {
      if (state !== null) throw conflict('webhook_exists', `webhook ${command.webhookId} exists`);
      const data = {
        webhookId: command.webhookId,
        agency: command.actor.agency,
        ...settingsOf(command.settings),
        signing: command.signing,
        ...keyOf(command.key),
      };
      return [{ type: 'WebhookSubscribed', data }];
    }
    const current = present(state);
    requireAgency(command.actor, current.agency);
    const common = { webhookId: current.webhookId, agency: current.agency };
    if (command.type === 'Delete') return [{ type: 'WebhookDeleted', data: common }];
    const enabled = command.enable && !current.enabled ? { enabled: true as const } : {};
    // a change that changes nothing (the same settings and key, no subscription turned back on) records nothing
    const unchanged =
      sameSettings(command.settings, current.settings) && command.key.keyGeneration === current.key.keyGeneration;
    if (unchanged && !('enabled' in enabled)) return [];
    return [
      {
        type: 'WebhookChanged',
        data: { ...common, ...settingsOf(command.settings), ...keyOf(command.key), ...enabled },
      },
    ];
  },
};
