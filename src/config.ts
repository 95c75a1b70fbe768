import fs from 'node:fs';
import path from 'node:path';
import { parseUtcOffset, type UtcOffsets } from './domain/actor.js';
import { ConfigError } from './errors.js';
import { boolean, httpUrl, integer, oneOf } from './config-values.js';
import { SUITE_NAMES, type SuiteName } from './ledger/suite.js';
import { PORTAL_CONFIG_VARIABLES, portalConfig, type PortalConfig } from './config-portal.js';
import { TSA_CONFIG_VARIABLES, tsaConfig, type TsaConfig } from './config-tsa.js';
import { WITNESS_CONFIG_VARIABLES, witnessesConfig, type WitnessesConfig } from './config-witness.js';
import { WEBHOOK_CONFIG_VARIABLES, webhookConfig, type WebhookConfig } from './config-webhooks.js';
import { ID_PATTERN } from './domain/streams.js';

/** The default nice value of the projection thread (`LEDGER_PROJECTION_NICE`; src/thread-priority.ts). */
export const DEFAULT_PROJECTION_NICE = 10;

/**
 * The service's configuration: one typed object, read from the environment once at start-up by
 * {@link loadConfig} and validated there. Nothing else in the code base reads the environment.
 */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** The bearer token `GET /metrics` asks of a scraper (`METRICS_TOKEN`); absent: the metrics are public. */
  readonly metricsToken?: string;
  readonly dataDir: string;
  readonly keysDir: string;
  /** The key that wraps every case's data key (docs/privacy.md): a file of 64 hex digits, created when absent. */
  readonly masterKeyFile: string;
  /** The embedded store of the cases' wrapped data keys, a SQLite file apart from the log. */
  readonly dataKeysFile: string;
  /**
   * Where the cases' wrapped data keys are kept (`LEDGER_DATA_KEY_STORE`): `sqlite`, the embedded file
   * {@link dataKeysFile}, one per data folder; `media`, objects beside the media that replicas share (the media
   * folder's `data-keys/`, or `data-keys/` in the S3 bucket `bucket`, by default the media bucket).
   */
  readonly dataKeyStore: { readonly kind: 'sqlite' } | { readonly kind: 'media'; readonly bucket?: string };
  /**
   * What start-up does when the log's newest sealed data has no key in the data-key store
   * (`LEDGER_DATA_KEYS_CHECK`, docs/privacy.md): `refuse` (the default) stops the service; `warn` logs it and
   * starts, for recovery when those keys are known to be lost.
   */
  readonly dataKeysCheck: 'refuse' | 'warn';
  /**
   * What start-up does, where replicas share the log, when this replica's shared settings differ from those the
   * log last declared (`LEDGER_SHARED_SETTINGS`, src/shared-settings.ts): `check` (the default) stops the service;
   * `adopt` declares this replica's for every replica.
   */
  readonly sharedSettings: 'check' | 'adopt';
  /** The crypto suite of the log (LEDGER_CRYPTO_SUITE): hashes, Merkle tree and service signatures. */
  readonly cryptoSuite: SuiteName;
  readonly logLevel: LogLevel;
  readonly eventStore:
    { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'eventstoredb'; readonly url: string };
  readonly blobStore: { readonly kind: 'filesystem'; readonly dir: string } | S3Config;
  readonly jwt: JwtConfig;
  /** A replacement working-day schedule; unset: the official schedule shipped with the service. */
  readonly workingDayCalendarFile?: string;
  /**
   * The agency whose admins keep the service's one working-day calendar (`CALENDAR_AGENCY`): only they record a
   * year of it. Unset: nobody does, and the schedule the service starts with is the calendar.
   */
  readonly calendarAgency?: string;
  /** The font decision documents are written in (TrueType/OpenType with CJK); unset: the npm package's Noto Sans SC. */
  readonly documentFontFile?: string;
  readonly shutdownTimeoutMs: number;
  /**
   * How long a read waits for the read models to apply the log (`READ_WAIT_MS`): a `consistentWith` position, a
   * checkpoint covering the log, a bundle's checkpoint on `POST /v1/verify`; past it, `503 not_caught_up`.
   */
  readonly readWaitMs: number;
  /** Threads a start-up rebuild of the read models may use (`LEDGER_REBUILD_THREADS`): 1, or 2 from 20,000 events. */
  readonly rebuildThreads: 1 | 2;
  /**
   * The nice value of the projection thread (`LEDGER_PROJECTION_NICE`, 0..19, Linux): above 0, appends and requests
   * take the CPU first when the machine is busy, and the read models catch up after.
   */
  readonly projectionNice: number;
  /** The largest medium `POST /v1/media` accepts, in bytes. */
  readonly mediaMaxBytes: number;
  /** Requests a minute each client address may make to the public routes (disclosures, lists); 0: no limit. */
  readonly publicRateLimit: number;
  /** Bytes of request bodies a minute each client address may send to the public routes (`POST /v1/verify`); 0: no limit. */
  readonly publicRateLimitBytes: number;
  /** Bundle verifications (`POST /v1/verify`) run at once; more wait in a queue of `verifyQueue`, then get 503. */
  readonly verifyConcurrency: number;
  readonly verifyQueue: number;
  /** Verifications one client address may have running or waiting at once; more get 429 `verify_client_busy`. */
  readonly verifyPerClient: number;
  /** The transparency log's origin line (C2SP tlog-checkpoint), also the name its checkpoints are signed under. */
  readonly logOrigin: string;
  /**
   * `LEDGER_*` variables set that nothing reads (a mistyped `LEDGER_DATA_DIRECTORY` would otherwise start a second,
   * empty ledger in `./data` without a word): start-up warns, naming them.
   */
  readonly ignoredVariables: readonly string[];
  /** A checkpoint is issued at least this often while the log grows (seconds). */
  readonly checkpointIntervalSeconds: number;
  /** ... and as soon as this many events were logged since the last one. */
  readonly checkpointEveryEvents: number;
  /** The RFC 3161 authorities that time-stamp every new checkpoint (`TSA_URLS`, `TSA_CA_FILES`); empty: none. */
  readonly timestampAuthorities: readonly TsaConfig[];
  readonly http: HttpServerConfig;
  /** The agencies' local time, which says what "today" is where a view defaults to it (the supervision views). */
  readonly utcOffsets: UtcOffsets;
  /** The web portal's sign-in and sessions. */
  readonly portal: PortalConfig;
  /** The witnesses that cosign the checkpoints. */
  readonly witnesses: WitnessesConfig;
  /** Webhook delivery: the outbox, its retries and the SSRF allow-list. */
  readonly webhooks: WebhookConfig;
}

export type { OidcConfig, PortalConfig } from './config-portal.js';
export type { TsaConfig } from './config-tsa.js';
export type { WitnessEndpoint, WitnessesConfig } from './config-witness.js';
export type { WebhookConfig } from './config-webhooks.js';

/** Minutes east of UTC: every agency's (`LEDGER_UTC_OFFSET`) but those named in `AGENCY_UTC_OFFSETS`. */
export { utcOffsetOf, type UtcOffsets } from './domain/actor.js';

/**
 * What one connection may hold of the server. The headers must arrive within `headersTimeoutMs`; the rest of an
 * ordinary request within `requestTimeoutMs` after them, of an upload (`POST /v1/media`, `POST /v1/verify`) within
 * `uploadTimeoutMs` (src/http/deadline.ts); a connection with no traffic either way for `idleTimeoutMs` is closed
 * (a bundle download to a reader that stopped reading).
 */
export interface HttpServerConfig {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly uploadTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /** Connections open at once; further ones are refused (closed at once). */
  readonly maxConnections: number;
  /** Largest request head (request line and headers) in bytes; larger gets `431 headers_too_large`. */
  readonly maxHeaderBytes: number;
}

export interface S3Config {
  readonly kind: 's3';
  readonly bucket: string;
  readonly region: string;
  readonly endpoint?: string;
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  readonly forcePathStyle: boolean;
  /** Retention set on every stored medium (`S3_OBJECT_LOCK_MODE`, `S3_OBJECT_LOCK_DAYS`); unset: none. */
  readonly objectLock?: { readonly mode: S3ObjectLockMode; readonly days: number };
  /** A legal hold placed on every stored medium (`S3_LEGAL_HOLD`); unset: none. */
  readonly legalHold?: true;
}

export const S3_OBJECT_LOCK_MODES = ['GOVERNANCE', 'COMPLIANCE'] as const;
export type S3ObjectLockMode = (typeof S3_OBJECT_LOCK_MODES)[number];

export interface JwtConfig {
  readonly issuer: string;
  readonly audience: string;
  /** Accepted algorithms; never taken from a token. */
  readonly algorithms: readonly JwtAlgorithm[];
  readonly clockSkewSeconds: number;
  /** Longest accepted token lifetime (`exp − iat`), also the most `ledger token --ttl` issues. */
  readonly maxLifetimeSeconds: number;
  /** Which keys verify tokens: the embedded key in the keys folder, PEM public keys, or a JWKS file. */
  readonly trust:
    | { readonly kind: 'embedded' }
    | { readonly kind: 'pem'; readonly files: readonly string[] }
    | { readonly kind: 'jwks'; readonly file: string };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const JWT_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

/** The most `MEDIA_MAX_BYTES` may allow: 1 TiB. */
const MAX_MEDIA_BYTES = 1_099_511_627_776;

/** Every variable the service reads, for `--help` and docs/configuration.md. */
export const CONFIG_VARIABLES: readonly { name: string; default: string; description: string }[] = [
  { name: 'PORT', default: '8080', description: 'TCP port of the HTTP API (0 picks a free port)' },
  { name: 'HOST', default: '0.0.0.0', description: 'address the HTTP API listens on' },
  {
    name: 'METRICS_TOKEN',
    default: '(unset: public)',
    description:
      'bearer token GET /metrics asks of a scraper (Authorization: Bearer ...), 16 to 200 visible ASCII characters; ' +
      'unset, the metrics are public',
  },
  { name: 'LEDGER_DATA_DIR', default: './data', description: 'folder for the embedded stores and generated keys' },
  { name: 'LEDGER_KEYS_DIR', default: '$LEDGER_DATA_DIR/keys', description: 'folder of the signing and token keys' },
  {
    name: 'LEDGER_MASTER_KEY_FILE',
    default: '$LEDGER_KEYS_DIR/master.key',
    description: "key (64 hex digits) wrapping the cases' data keys; created owner-only when absent",
  },
  {
    name: 'LEDGER_DATA_KEYS_FILE',
    default: '$LEDGER_DATA_DIR/data-keys.sqlite',
    description: "SQLite file of the cases' wrapped data keys, apart from the log (docs/privacy.md)",
  },
  {
    name: 'LEDGER_DATA_KEY_STORE',
    default: 'sqlite',
    description:
      'sqlite (LEDGER_DATA_KEYS_FILE, one per data folder) | media (objects under data-keys/ in the media store, shared by replicas)',
  },
  {
    name: 'LEDGER_DATA_KEY_BUCKET',
    default: '$S3_BUCKET',
    description: 'with LEDGER_DATA_KEY_STORE=media and S3: the bucket of the data keys; without Object Lock retention',
  },
  {
    name: 'LEDGER_DATA_KEYS_CHECK',
    default: 'refuse',
    description:
      "refuse | warn: at start-up, the log's newest sealed data that the data-key store cannot open (no key and no tombstone, another key) stops the service (refuse) or is logged (warn, for recovery)",
  },
  {
    name: 'LEDGER_SHARED_SETTINGS',
    default: 'check',
    description:
      'check | adopt: with EVENTSTORE_URL, settings every replica must share (log origin, JWT_*, the calendar file, UTC offsets, CALENDAR_AGENCY) that differ from those the log last declared stop start-up (check), or are declared for every replica (adopt)',
  },
  {
    name: 'LEDGER_CRYPTO_SUITE',
    default: 'ed25519',
    description: 'ed25519 (SHA-256, Ed25519) | sm2 (SM3, SM2); fixed for the life of a log',
  },
  { name: 'LOG_LEVEL', default: 'info', description: LOG_LEVELS.join(' | ') },
  {
    name: 'EVENTSTORE_URL',
    default: '(unset: SQLite)',
    description: 'esdb:// or kurrentdb:// connection string; selects EventStoreDB/KurrentDB',
  },
  {
    name: 'S3_BUCKET',
    default: '(unset: filesystem)',
    description: 'bucket for media; selects S3 (with the other S3_* variables)',
  },
  { name: 'S3_ENDPOINT', default: '(AWS)', description: 'http(s) URL of an S3-compatible service' },
  { name: 'S3_REGION', default: 'us-east-1', description: 'S3 region' },
  {
    name: 'S3_ACCESS_KEY_ID',
    default: '(SDK default chain)',
    description: 'S3 access key id (set with S3_SECRET_ACCESS_KEY)',
  },
  {
    name: 'S3_SECRET_ACCESS_KEY',
    default: '(SDK default chain)',
    description: 'S3 secret key (set with S3_ACCESS_KEY_ID)',
  },
  { name: 'S3_FORCE_PATH_STYLE', default: 'true when S3_ENDPOINT is set', description: 'path-style bucket addressing' },
  {
    name: 'S3_OBJECT_LOCK_MODE',
    default: '(unset: no retention)',
    description: 'GOVERNANCE | COMPLIANCE: retention of every stored medium; the bucket needs Object Lock',
  },
  {
    name: 'S3_OBJECT_LOCK_DAYS',
    default: '(required with the mode)',
    description: 'retention period in days from storing, 1..36500 (set with S3_OBJECT_LOCK_MODE)',
  },
  {
    name: 'S3_LEGAL_HOLD',
    default: 'false',
    description: 'true: a legal hold on every stored medium (needs Object Lock)',
  },
  { name: 'JWT_ISSUER', default: 'evidence-ledger', description: 'required `iss` of bearer tokens' },
  { name: 'JWT_AUDIENCE', default: 'evidence-ledger', description: 'required `aud` of bearer tokens' },
  {
    name: 'JWT_ALGORITHMS',
    default: 'ES256',
    description: `accepted algorithms, comma-separated: ${JWT_ALGORITHMS.join(', ')}`,
  },
  {
    name: 'JWT_PUBLIC_KEY_FILES',
    default: '(unset: embedded key)',
    description: 'comma-separated PEM files of trusted token-signing public keys',
  },
  {
    name: 'JWT_JWKS_FILE',
    default: '(unset: embedded key)',
    description: 'a JWKS file of trusted token-signing public keys',
  },
  { name: 'JWT_CLOCK_SKEW_SECONDS', default: '30', description: 'tolerated clock difference for exp/nbf/iat, 0..300' },
  {
    name: 'JWT_MAX_LIFETIME_SECONDS',
    default: '43200 (12 h)',
    description: 'longest accepted token lifetime (exp − iat) and longest `ledger token --ttl`, 60..604800',
  },
  {
    name: 'WORKING_DAY_CALENDAR_FILE',
    default: '(the shipped official schedule)',
    description: 'a replacement holiday and make-up-day schedule (JSON, same format)',
  },
  {
    name: 'CALENDAR_AGENCY',
    default: '(unset: no agency records a year)',
    description:
      "the agency whose admins record years of the working-day calendar (PUT /v1/calendar/{year}), which every agency's deadlines are counted on; the same on every replica",
  },
  {
    name: 'LEDGER_DOCUMENT_FONT',
    default: '(Noto Sans SC, npm)',
    description:
      'the TrueType/OpenType font decision documents are written in, embedded (subset) in their PDFs; unset, ' +
      'Noto Sans SC Regular from the @embedpdf/fonts-sc package',
  },
  {
    name: 'LEDGER_UTC_OFFSET',
    default: '+08:00',
    description: 'the agencies\' UTC offset, ±HH:MM (-12:00..+14:00): the "today" of the supervision views',
  },
  {
    name: 'AGENCY_UTC_OFFSETS',
    default: '(unset: none)',
    description: 'agencies whose offset differs, comma-separated agency=±HH:MM, e.g. county-a=+05:00',
  },
  {
    name: 'SHUTDOWN_TIMEOUT_MS',
    default: '10000',
    description: 'how long SIGTERM waits for in-flight work, 0..600000',
  },
  {
    name: 'READ_WAIT_MS',
    default: '5000',
    description:
      'how long a read waits for the read models to apply the log (a `consistentWith` position, a checkpoint, a ' +
      "bundle's checkpoint on POST /v1/verify) before 503 not_caught_up, 0..600000",
  },
  {
    name: 'LEDGER_REBUILD_THREADS',
    default: '2',
    description: 'threads of a start-up rebuild of the read models, 1 or 2 (2: from 20,000 events, on 2+ cores)',
  },
  {
    name: 'LEDGER_PROJECTION_NICE',
    default: String(DEFAULT_PROJECTION_NICE),
    description:
      'nice value of the projection thread, 0..19 (Linux): above 0, appends and requests take the CPU first when ' +
      'the machine is busy; 0: the same as theirs',
  },
  {
    name: 'MEDIA_MAX_BYTES',
    default: '2147483648 (2 GiB)',
    description: `largest media upload in bytes, 1..${MAX_MEDIA_BYTES} (1 TiB)`,
  },
  {
    name: 'PUBLIC_RATE_LIMIT',
    default: '600',
    description: 'requests a minute per client address to the public routes, 0..1000000 (0: no limit)',
  },
  {
    name: 'PUBLIC_RATE_LIMIT_BYTES',
    default: '1073741824 (1 GiB)',
    description:
      'bytes of request bodies a minute per client address to the public routes (POST /v1/verify), also the most ' +
      'one request may send, 0..1099511627776 (0: no limit)',
  },
  {
    name: 'VERIFY_CONCURRENCY',
    default: '2',
    description: 'bundle verifications (POST /v1/verify) that run at once, 1..64',
  },
  {
    name: 'VERIFY_QUEUE',
    default: '4',
    description: 'verifications that may wait for one to finish, 0..1000; more are refused with 503 verify_busy',
  },
  {
    name: 'VERIFY_PER_CLIENT',
    default: '1',
    description:
      'verifications one client address may have running or waiting at once, 1..64; more are refused with 429 verify_client_busy',
  },
  {
    name: 'LEDGER_LOG_ORIGIN',
    default: 'evidence-ledger.local/log',
    description: 'origin line of the signed checkpoints (also their key name); set a unique name, e.g. a domain/log',
  },
  {
    name: 'CHECKPOINT_INTERVAL_SECONDS',
    default: '60',
    description: 'issue a checkpoint at least this often while the log grows, 1..86400',
  },
  {
    name: 'CHECKPOINT_EVERY_EVENTS',
    default: '10000',
    description: 'issue a checkpoint as soon as this many events were logged since the last, 1..100000000',
  },
  ...TSA_CONFIG_VARIABLES,
  {
    name: 'HTTP_HEADERS_TIMEOUT_MS',
    default: '10000',
    description: 'time a client has to send the request line and headers, 100..600000',
  },
  {
    name: 'HTTP_REQUEST_TIMEOUT_MS',
    default: '30000',
    description:
      'time a client has to send the rest of a request once its headers are in, except uploads; 408 beyond, 100..3600000',
  },
  {
    name: 'HTTP_UPLOAD_TIMEOUT_MS',
    default: '3600000 (1 h)',
    description: 'the same for POST /v1/media and POST /v1/verify, 100..86400000',
  },
  {
    name: 'HTTP_IDLE_TIMEOUT_MS',
    default: '60000',
    description: 'a connection with no traffic either way this long is closed, 100..3600000',
  },
  {
    name: 'HTTP_KEEP_ALIVE_TIMEOUT_MS',
    default: '5000',
    description: 'how long an idle keep-alive connection waits for its next request, 100..600000',
  },
  {
    name: 'HTTP_MAX_CONNECTIONS',
    default: '1024',
    description: 'connections open at once; further ones are refused, 1..1000000',
  },
  {
    name: 'HTTP_MAX_HEADER_BYTES',
    default: '16384',
    description: 'largest request head in bytes (431 headers_too_large beyond), 1024..65536',
  },
  ...PORTAL_CONFIG_VARIABLES,
  ...WITNESS_CONFIG_VARIABLES,
  ...WEBHOOK_CONFIG_VARIABLES,
];

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `LEDGER_*` variables read besides the configuration's: the commands' bearer token, an internal switch of the
 * worker threads, and the media credentials docker-compose.yml reads on the host.
 */
const OTHER_LEDGER_VARIABLES = new Set([
  'LEDGER_TOKEN',
  'LEDGER_THREADS_FROM_DIST',
  'LEDGER_S3_ACCESS_KEY',
  'LEDGER_S3_SECRET_KEY',
]);

/** The `LEDGER_*` variables of `env` that neither the configuration nor the commands read, sorted. */
export function unknownLedgerVariables(env: Env): string[] {
  const known = new Set(CONFIG_VARIABLES.map((v) => v.name));
  return Object.keys(env)
    .filter((name) => name.startsWith('LEDGER_') && !known.has(name) && !OTHER_LEDGER_VARIABLES.has(name))
    .sort();
}

export function loadConfig(env: Env, cwd: string = process.cwd()): Config {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const dataDir = folderSetting('LEDGER_DATA_DIR', path.resolve(cwd, read('LEDGER_DATA_DIR') ?? './data'));
  const keysDir = folderSetting(
    'LEDGER_KEYS_DIR',
    path.resolve(cwd, read('LEDGER_KEYS_DIR') ?? path.join(dataDir, 'keys')),
  );
  const jwt = jwtConfig(read, cwd);
  const eventStore = eventStoreConfig(read('EVENTSTORE_URL'), dataDir);

  return {
    port: integer('PORT', read('PORT'), 8080, 0, 65535),
    host: read('HOST') ?? '0.0.0.0',
    ...metricsTokenOf(read('METRICS_TOKEN')),
    dataDir,
    keysDir,
    masterKeyFile: fileSetting(
      'LEDGER_MASTER_KEY_FILE',
      path.resolve(cwd, read('LEDGER_MASTER_KEY_FILE') ?? path.join(keysDir, 'master.key')),
    ),
    dataKeysFile: fileSetting(
      'LEDGER_DATA_KEYS_FILE',
      path.resolve(cwd, read('LEDGER_DATA_KEYS_FILE') ?? path.join(dataDir, 'data-keys.sqlite')),
    ),
    dataKeyStore: dataKeyStoreConfig(read),
    dataKeysCheck: oneOf(
      'LEDGER_DATA_KEYS_CHECK',
      read('LEDGER_DATA_KEYS_CHECK'),
      ['refuse', 'warn'] as const,
      'refuse',
    ),
    sharedSettings: oneOf(
      'LEDGER_SHARED_SETTINGS',
      read('LEDGER_SHARED_SETTINGS'),
      ['check', 'adopt'] as const,
      'check',
    ),
    cryptoSuite: oneOf('LEDGER_CRYPTO_SUITE', read('LEDGER_CRYPTO_SUITE'), SUITE_NAMES, 'ed25519'),
    logLevel: oneOf('LOG_LEVEL', read('LOG_LEVEL'), LOG_LEVELS, 'info'),
    eventStore,
    blobStore: blobStoreConfig(read, dataDir),
    jwt,
    ...(read('WORKING_DAY_CALENDAR_FILE') === undefined
      ? {}
      : { workingDayCalendarFile: path.resolve(cwd, read('WORKING_DAY_CALENDAR_FILE')!) }),
    ...calendarAgencyConfig(read('CALENDAR_AGENCY')),
    ...(read('LEDGER_DOCUMENT_FONT') === undefined
      ? {}
      : { documentFontFile: path.resolve(cwd, read('LEDGER_DOCUMENT_FONT')!) }),
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', read('SHUTDOWN_TIMEOUT_MS'), 10_000, 0, 600_000),
    readWaitMs: integer('READ_WAIT_MS', read('READ_WAIT_MS'), 5_000, 0, 600_000),
    rebuildThreads: integer('LEDGER_REBUILD_THREADS', read('LEDGER_REBUILD_THREADS'), 2, 1, 2) as 1 | 2,
    projectionNice: integer('LEDGER_PROJECTION_NICE', read('LEDGER_PROJECTION_NICE'), DEFAULT_PROJECTION_NICE, 0, 19),
    mediaMaxBytes: integer('MEDIA_MAX_BYTES', read('MEDIA_MAX_BYTES'), 2_147_483_648, 1, MAX_MEDIA_BYTES),
    publicRateLimit: integer('PUBLIC_RATE_LIMIT', read('PUBLIC_RATE_LIMIT'), 600, 0, 1_000_000),
    publicRateLimitBytes: integer('PUBLIC_RATE_LIMIT_BYTES', read('PUBLIC_RATE_LIMIT_BYTES'), 1024 ** 3, 0, 1024 ** 4),
    verifyConcurrency: integer('VERIFY_CONCURRENCY', read('VERIFY_CONCURRENCY'), 2, 1, 64),
    verifyQueue: integer('VERIFY_QUEUE', read('VERIFY_QUEUE'), 4, 0, 1_000),
    verifyPerClient: integer('VERIFY_PER_CLIENT', read('VERIFY_PER_CLIENT'), 1, 1, 64),
    logOrigin: logOrigin(read('LEDGER_LOG_ORIGIN')),
    ignoredVariables: unknownLedgerVariables(env),
    checkpointIntervalSeconds: integer(
      'CHECKPOINT_INTERVAL_SECONDS',
      read('CHECKPOINT_INTERVAL_SECONDS'),
      60,
      1,
      86_400,
    ),
    checkpointEveryEvents: integer('CHECKPOINT_EVERY_EVENTS', read('CHECKPOINT_EVERY_EVENTS'), 10_000, 1, 100_000_000),
    timestampAuthorities: tsaConfig(read, cwd),
    webhooks: webhookConfig(read),
    http: httpServerConfig(read),
    utcOffsets: utcOffsetsConfig(read),
    portal: portalConfig(read, jwt.trust.kind === 'embedded' && eventStore.kind === 'sqlite'),
    witnesses: witnessesConfig(read),
  };
}

function calendarAgencyConfig(agency: string | undefined): Pick<Config, 'calendarAgency'> {
  if (agency === undefined) return {};
  if (!ID_PATTERN.test(agency)) {
    throw new ConfigError(
      'CALENDAR_AGENCY',
      `"${agency}" is not an agency code: 1..128 letters, digits, ".", "_" or "-", the first a letter or digit`,
    );
  }
  return { calendarAgency: agency };
}

function utcOffsetsConfig(read: (name: string) => string | undefined): UtcOffsets {
  const offset = (name: string, raw: string): number => {
    const minutes = parseUtcOffset(raw);
    if (minutes === undefined) throw new ConfigError(name, `"${raw}" is not a UTC offset ±HH:MM in -12:00..+14:00`);
    return minutes;
  };
  const defaultMinutes = offset('LEDGER_UTC_OFFSET', read('LEDGER_UTC_OFFSET') ?? '+08:00');
  const agencies = new Map<string, number>();
  for (const entry of read('AGENCY_UTC_OFFSETS')?.split(',') ?? []) {
    const [agency = '', raw, ...rest] = entry.split('=').map((part) => part.trim());
    if (!ID_PATTERN.test(agency) || raw === undefined || rest.length > 0) {
      throw new ConfigError('AGENCY_UTC_OFFSETS', `"${entry.trim()}" is not agency=±HH:MM`);
    }
    if (agencies.has(agency)) throw new ConfigError('AGENCY_UTC_OFFSETS', `${agency} is named twice`);
    agencies.set(agency, offset('AGENCY_UTC_OFFSETS', raw));
  }
  return { defaultMinutes, agencies };
}

function httpServerConfig(read: (name: string) => string | undefined): HttpServerConfig {
  const ms = (name: string, fallback: number, max: number) => integer(name, read(name), fallback, 100, max);
  const headersTimeoutMs = ms('HTTP_HEADERS_TIMEOUT_MS', 10_000, 600_000);
  const requestTimeoutMs = ms('HTTP_REQUEST_TIMEOUT_MS', 30_000, 3_600_000);
  const uploadTimeoutMs = ms('HTTP_UPLOAD_TIMEOUT_MS', 3_600_000, 86_400_000);
  if (requestTimeoutMs < headersTimeoutMs) {
    throw new ConfigError('HTTP_REQUEST_TIMEOUT_MS', `must be at least HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs})`);
  }
  if (uploadTimeoutMs < requestTimeoutMs) {
    throw new ConfigError('HTTP_UPLOAD_TIMEOUT_MS', `must be at least HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`);
  }
  return {
    headersTimeoutMs,
    requestTimeoutMs,
    uploadTimeoutMs,
    idleTimeoutMs: ms('HTTP_IDLE_TIMEOUT_MS', 60_000, 3_600_000),
    keepAliveTimeoutMs: ms('HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 600_000),
    maxConnections: integer('HTTP_MAX_CONNECTIONS', read('HTTP_MAX_CONNECTIONS'), 1024, 1, 1_000_000),
    maxHeaderBytes: integer('HTTP_MAX_HEADER_BYTES', read('HTTP_MAX_HEADER_BYTES'), 16_384, 1024, 65_536),
  };
}

/** C2SP signed-note key names hold no spaces or "+"; the origin is one printable line. */
function logOrigin(value: string | undefined): string {
  const origin = value ?? 'evidence-ledger.local/log';
  if (!/^[\x21-\x2a\x2c-\x7e]{1,200}$/.test(origin)) {
    throw new ConfigError(
      'LEDGER_LOG_ORIGIN',
      `"${origin}" is not 1..200 printable ASCII characters without spaces or "+"`,
    );
  }
  return origin;
}

/** A folder setting: absent (made when first needed) or a folder; a file there is named as the variable's fault. */
function folderSetting(name: string, dir: string): string {
  const found = kindAt(dir);
  if (found === 'file') throw new ConfigError(name, `${dir} is a file, not a folder`);
  if (found === undefined) refuseFileAbove(name, dir);
  return dir;
}

/** A file setting: absent (made when first needed) or a file; a folder there is named as the variable's fault. */
function fileSetting(name: string, file: string): string {
  const found = kindAt(file);
  if (found === 'folder') throw new ConfigError(name, `${file} is a folder, not a file`);
  if (found === undefined) refuseFileAbove(name, file);
  return file;
}

/** A path that is absent cannot be made below a file: the nearest that exists above it must be a folder. */
function refuseFileAbove(name: string, at: string): void {
  for (let above = path.dirname(at); above !== path.dirname(above); above = path.dirname(above)) {
    const found = kindAt(above);
    if (found === 'file') throw new ConfigError(name, `${at} cannot be made: ${above} is a file, not a folder`);
    if (found === 'folder') return;
  }
}

function kindAt(at: string): 'file' | 'folder' | undefined {
  try {
    return fs.statSync(at).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined; // absent, or not readable: whatever uses it says so
  }
}

function eventStoreConfig(url: string | undefined, dataDir: string): Config['eventStore'] {
  if (url === undefined) return { kind: 'sqlite', path: path.join(dataDir, 'events.sqlite') };
  if (!/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kurrent|kurrent\+discover):\/\/[^/\s]+/.test(url)) {
    throw new ConfigError('EVENTSTORE_URL', 'must be an esdb:// or kurrentdb:// connection string');
  }
  return { kind: 'eventstoredb', url };
}

function dataKeyStoreConfig(read: (name: string) => string | undefined): Config['dataKeyStore'] {
  const kind = oneOf('LEDGER_DATA_KEY_STORE', read('LEDGER_DATA_KEY_STORE'), ['sqlite', 'media'] as const, 'sqlite');
  const bucket = read('LEDGER_DATA_KEY_BUCKET');
  if (bucket === undefined) return { kind };
  if (kind !== 'media' || read('S3_BUCKET') === undefined)
    throw new ConfigError('LEDGER_DATA_KEY_BUCKET', 'is set only with LEDGER_DATA_KEY_STORE=media and S3_BUCKET');
  if (!BUCKET_NAME.test(bucket)) throw new ConfigError('LEDGER_DATA_KEY_BUCKET', 'is not a valid bucket name');
  return { kind, bucket };
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** One host-name label: letters, digits and inner hyphens, at most 63 characters. */
const REGION = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function blobStoreConfig(read: (name: string) => string | undefined, dataDir: string): Config['blobStore'] {
  const names = [
    'S3_BUCKET',
    'S3_ENDPOINT',
    'S3_ACCESS_KEY_ID',
    'S3_SECRET_ACCESS_KEY',
    'S3_FORCE_PATH_STYLE',
    'S3_OBJECT_LOCK_MODE',
    'S3_OBJECT_LOCK_DAYS',
    'S3_LEGAL_HOLD',
  ];
  if (!names.some((name) => read(name) !== undefined)) return { kind: 'filesystem', dir: path.join(dataDir, 'media') };

  const bucket = read('S3_BUCKET');
  if (bucket === undefined) throw new ConfigError('S3_BUCKET', 'is required when any S3_* variable is set');
  if (!BUCKET_NAME.test(bucket)) throw new ConfigError('S3_BUCKET', 'is not a valid bucket name');
  const endpoint = read('S3_ENDPOINT');
  if (endpoint !== undefined) httpUrl('S3_ENDPOINT', endpoint);
  const region = read('S3_REGION') ?? 'us-east-1';
  // the AWS SDK takes only a region that can stand in a host name, and would refuse it at the first request
  if (!REGION.test(region)) throw new ConfigError('S3_REGION', `"${region}" is not a region name such as cn-north-1`);
  const accessKeyId = read('S3_ACCESS_KEY_ID');
  const secretAccessKey = read('S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    const missing = accessKeyId === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY';
    throw new ConfigError(missing, 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all');
  }
  return {
    kind: 's3',
    bucket,
    region,
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(accessKeyId === undefined ? {} : { accessKeyId }),
    ...(secretAccessKey === undefined ? {} : { secretAccessKey }),
    forcePathStyle: boolean('S3_FORCE_PATH_STYLE', read('S3_FORCE_PATH_STYLE'), endpoint !== undefined),
    ...objectLockConfig(read),
  };
}

/** Object Lock settings for S3: a retention mode with its days, and a legal hold, each optional. */
function objectLockConfig(read: (name: string) => string | undefined): Pick<S3Config, 'objectLock' | 'legalHold'> {
  const mode = read('S3_OBJECT_LOCK_MODE');
  const days = read('S3_OBJECT_LOCK_DAYS');
  if (mode === undefined && days !== undefined)
    throw new ConfigError('S3_OBJECT_LOCK_MODE', 'is required when S3_OBJECT_LOCK_DAYS is set');
  if (mode !== undefined && days === undefined)
    throw new ConfigError('S3_OBJECT_LOCK_DAYS', 'is required when S3_OBJECT_LOCK_MODE is set');
  const legalHold = boolean('S3_LEGAL_HOLD', read('S3_LEGAL_HOLD'), false);
  return {
    ...(mode === undefined
      ? {}
      : {
          objectLock: {
            mode: oneOf('S3_OBJECT_LOCK_MODE', mode, S3_OBJECT_LOCK_MODES, 'COMPLIANCE'),
            days: integer('S3_OBJECT_LOCK_DAYS', days, 0, 1, 36_500),
          },
        }),
    ...(legalHold ? { legalHold: true as const } : {}),
  };
}

function jwtConfig(read: (name: string) => string | undefined, cwd: string): JwtConfig {
  const algorithms = (read('JWT_ALGORITHMS') ?? 'ES256').split(',').map((a) => a.trim());
  for (const algorithm of algorithms) {
    if (!(JWT_ALGORITHMS as readonly string[]).includes(algorithm)) {
      throw new ConfigError('JWT_ALGORITHMS', `${algorithm || '(empty)'} is not one of ${JWT_ALGORITHMS.join(', ')}`);
    }
  }
  const pemFiles = read('JWT_PUBLIC_KEY_FILES');
  const jwksFile = read('JWT_JWKS_FILE');
  if (pemFiles !== undefined && jwksFile !== undefined) {
    throw new ConfigError('JWT_JWKS_FILE', 'set either JWT_PUBLIC_KEY_FILES or JWT_JWKS_FILE, not both');
  }
  const pemNames = pemFiles?.split(',').map((f) => f.trim());
  // an empty name would resolve to the working folder itself
  if (pemNames?.includes('')) throw new ConfigError('JWT_PUBLIC_KEY_FILES', 'names an empty file (a stray comma?)');
  const trust: JwtConfig['trust'] =
    pemNames !== undefined
      ? { kind: 'pem', files: pemNames.map((f) => path.resolve(cwd, f)) }
      : jwksFile !== undefined
        ? { kind: 'jwks', file: path.resolve(cwd, jwksFile) }
        : { kind: 'embedded' };
  return {
    issuer: read('JWT_ISSUER') ?? 'evidence-ledger',
    audience: read('JWT_AUDIENCE') ?? 'evidence-ledger',
    algorithms: algorithms as JwtAlgorithm[],
    clockSkewSeconds: integer('JWT_CLOCK_SKEW_SECONDS', read('JWT_CLOCK_SKEW_SECONDS'), 30, 0, 300),
    maxLifetimeSeconds: integer('JWT_MAX_LIFETIME_SECONDS', read('JWT_MAX_LIFETIME_SECONDS'), 43_200, 60, 604_800),
    trust,
  };
}

/** `METRICS_TOKEN`: 16 to 200 visible ASCII characters (what a bearer token may hold), or absent. */
function metricsTokenOf(value: string | undefined): { metricsToken?: string } {
  if (value === undefined) return {};
  if (!/^[\x21-\x7e]{16,200}$/.test(value))
    throw new ConfigError('METRICS_TOKEN', 'must be 16 to 200 visible ASCII characters (no spaces)');
  return { metricsToken: value };
}
