import { isIP } from 'node:net';
import { ConfigError } from './errors.js';
import { boolean, integer } from './config-values.js';

/** Webhook delivery (docs/integration.md, "Webhooks"; docs/security.md, "Webhooks"). */
export interface WebhookConfig {
  /** Whether this replica routes the log to the outbox and delivers (one replica of several should). */
  readonly deliver: boolean;
  /** Hosts (names or IP literals) that may be reached over plain http and at any address, loopback and private too. */
  readonly allowHosts: readonly string[];
  /** Seconds to wait after each failed attempt; after the last, a dead letter. */
  readonly retrySchedule: readonly number[];
  readonly connectTimeoutMs: number;
  readonly timeoutMs: number;
  readonly concurrency: number;
  /** Most subscriptions one agency may have at once. */
  readonly maxPerAgency: number;
  /** Seconds after a key rotation during which the previous key signs deliveries too. */
  readonly keyOverlapSeconds: number;
}

/** What the retry schedule must add up to at least: a receiver may be away a whole day and lose nothing. */
export const MIN_RETRY_SPAN_SECONDS = 24 * 3600;

export const WEBHOOK_CONFIG_VARIABLES: readonly { name: string; default: string; description: string }[] = [
  {
    name: 'WEBHOOK_DELIVERY',
    default: 'true',
    description:
      'route the log to the webhook outbox and deliver on this replica (set false on all replicas but one: the others answer deliveries and replays with 421)',
  },
  {
    name: 'WEBHOOK_ALLOW_HOSTS',
    default: '(unset: none)',
    description:
      'comma-separated host names or IP addresses webhooks may reach over plain http and at loopback, private or ' +
      "link-local addresses (a receiver inside the operator's network); each a name of letters, digits, hyphens " +
      'and underscores or an IP address (IPv6 with or without brackets), no port or path',
  },
  {
    name: 'WEBHOOK_RETRY_SCHEDULE',
    default: '5,300,1800,7200,18000,36000,36000',
    description:
      'seconds to wait after each failed delivery attempt, comma-separated (each +0..25% jitter), adding up to at ' +
      'least 86400; after the last, the delivery is a dead letter',
  },
  {
    name: 'WEBHOOK_CONNECT_TIMEOUT_MS',
    default: '5000',
    description: 'most time to connect to a receiver (TCP and TLS), 100..60000',
  },
  {
    name: 'WEBHOOK_TIMEOUT_MS',
    default: '15000',
    description: 'most time for a whole delivery attempt, 100..120000',
  },
  {
    name: 'WEBHOOK_CONCURRENCY',
    default: '64',
    description: 'delivery attempts in flight at once (one per subscription and stream), 1..1024',
  },
  {
    name: 'WEBHOOK_MAX_PER_AGENCY',
    default: '50',
    description: 'most subscriptions one agency may have at once (another is 409 webhook_limit), 1..10000',
  },
  {
    name: 'WEBHOOK_KEY_OVERLAP_SECONDS',
    default: '86400',
    description:
      'seconds after a key rotation during which deliveries carry a signature by the previous key too (Standard ' +
      'Webhooks lists both), so receivers take up the new one without a failed delivery; 0 stops it at once, 0..604800',
  },
];

export function webhookConfig(read: (name: string) => string | undefined): WebhookConfig {
  const schedule = (read('WEBHOOK_RETRY_SCHEDULE') ?? '5,300,1800,7200,18000,36000,36000')
    .split(',')
    .map((s) => s.trim());
  if (schedule.some((s) => !/^\d{1,6}$/.test(s)))
    throw new ConfigError('WEBHOOK_RETRY_SCHEDULE', 'must be comma-separated whole seconds, each at most 999999');
  const retrySchedule = schedule.map(Number);
  if (retrySchedule.reduce((a, b) => a + b, 0) < MIN_RETRY_SPAN_SECONDS)
    throw new ConfigError('WEBHOOK_RETRY_SCHEDULE', `must add up to at least ${MIN_RETRY_SPAN_SECONDS} seconds (24 h)`);
  const allowHosts =
    read('WEBHOOK_ALLOW_HOSTS')
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map(allowHost) ?? [];
  return {
    deliver: boolean('WEBHOOK_DELIVERY', read('WEBHOOK_DELIVERY'), true),
    allowHosts,
    retrySchedule,
    connectTimeoutMs: integer('WEBHOOK_CONNECT_TIMEOUT_MS', read('WEBHOOK_CONNECT_TIMEOUT_MS'), 5_000, 100, 60_000),
    timeoutMs: integer('WEBHOOK_TIMEOUT_MS', read('WEBHOOK_TIMEOUT_MS'), 15_000, 100, 120_000),
    concurrency: integer('WEBHOOK_CONCURRENCY', read('WEBHOOK_CONCURRENCY'), 64, 1, 1_024),
    maxPerAgency: integer('WEBHOOK_MAX_PER_AGENCY', read('WEBHOOK_MAX_PER_AGENCY'), 50, 1, 10_000),
    keyOverlapSeconds: integer('WEBHOOK_KEY_OVERLAP_SECONDS', read('WEBHOOK_KEY_OVERLAP_SECONDS'), 86_400, 0, 604_800),
  };
}

/** Letters, digits, hyphens and underscores (service names in a container network), dot-separated. */
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/**
 * One `WEBHOOK_ALLOW_HOSTS` entry as a webhook URL's host reads (lower case, IPv6 without brackets, IPv4 dotted,
 * an international name in its xn-- form), so that it matches that URL; a port, path, user or anything else that
 * is not a host name or an IP address is refused.
 */
function allowHost(entry: string): string {
  const bare = entry.replace(/^\[(.*)\]$/, '$1');
  const v6 = isIP(bare) === 6;
  let host = '';
  if (v6 || !/[\s/\\:@?#%[\]]/.test(bare)) {
    try {
      host = new URL(`http://${v6 ? `[${bare}]` : bare}/`).hostname.replace(/^\[(.*)\]$/, '$1');
    } catch {
      host = '';
    }
  }
  if (isIP(host) === 0 && !HOST_NAME.test(host))
    throw new ConfigError('WEBHOOK_ALLOW_HOSTS', `"${entry}" is not a host name or an IP address`);
  return host;
}
