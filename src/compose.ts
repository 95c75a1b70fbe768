import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { DEFAULT_PROJECTION_NICE, utcOffsetOf, type Config, type OidcConfig, type UtcOffsets } from './config.js';
import { ConfigError, ReadModelsDamaged, storageFailure } from './errors.js';
import { checkpointFailureLogger } from './checkpoint-failures.js';
export { storageFailure } from './errors.js';
import { checkSharedSettings, type SharedSettings } from './shared-settings.js';
import { OfficerRoster } from './app/officer-roster.js';
import { AgencyItems } from './app/agency-items.js';
import { makePrivateFolder, makeSettingFolder, refuseHalfRestored } from './data-folder.js';
import { checkLogOrigin, removeStaleUploads, verifyBeforeServing, warnAboutWideModes } from './start-up.js';
import { parallelRebuild, preparedPath, readyReadModels } from './read-models-rebuild.js';
import { SERVICE_PROJECTIONS } from './read-models-rebuild-threads.js';
import type { Clock } from './ports/clock.js';
import type { EventStore, Position } from './ports/event-store.js';
import { SqliteEventStore } from './adapters/sqlite/event-store.js';
import { isDamage, markDamaged } from './adapters/sqlite/damage.js';
import type { Keys } from './adapters/keys/file-keyring.js';
import type { Signer as TransparencyLogSigner } from './ledger/ed25519.js';
import {
  checkConfiguredTokenKeys,
  openReplicaKeys,
  refuseKeysMissingForEmbeddedLog,
  type ReplicaKeys,
} from './replica-keys.js';
import { DEFAULT_SCHEDULE_FILE, loadSchedule } from './adapters/calendar/file-calendar.js';
import type { ScheduleData, WorkingDayCalendar } from './domain/calendar/working-days.js';
import { dateAtOffset } from './domain/actor.js';
import { createHttpApp } from './http/app.js';
import { createHttpServer } from './http/server.js';
import { FilesystemBlobStore } from './adapters/filesystem/blob-store.js';
import type { BlobStore } from './ports/blob-store.js';
import { MediaHoldings } from './app/media-holdings.js';
import { DecisionDrafts } from './app/decision-drafts.js';
import { DecisionTemplates } from './app/decision-templates.js';
import { documentWriters } from './adapters/documents/writers.js';
import { documentFontSource } from './adapters/documents/font.js';
import { MediaReads } from './app/media-reads.js';
import { AccessLog } from './app/access-log.js';
import { CaseEvents } from './app/case-events.js';
import { availableCores, SignaturePool } from './app/signature-pool.js';
import { CaseReads } from './app/case-reads.js';
import { CaseFileReads } from './app/case-file-reads.js';
import { BundleReads } from './app/bundle-reads.js';
import { SupervisionReads } from './app/supervision-reads.js';
import { PublicReads } from './app/public-reads.js';
import { PublishedReads } from './app/published-reads.js';
import { PublishedService } from './app/published-service.js';
import { PublicStatisticsReads } from './app/public-statistics.js';
import { LedgerReads } from './app/ledger-reads.js';
import { LiveEvents } from './app/live-events.js';
import { EventFeed } from './app/event-feed.js';
import { appendMetrics, countingEventStore } from './app/counting-event-store.js';
import { CaseService } from './app/case-service.js';
import { uuidv7Generator } from './app/ids.js';
import {
  AGENCY_NAME_CLAIMS,
  CERTIFICATE_CLAIMS,
  Claims,
  DOCUMENT_NUMBER_CLAIMS,
  WEBHOOK_CLAIMS,
} from './app/claims.js';
import { RegistryReader } from './app/registry-reader.js';
import { RegistryService } from './app/registry-service.js';
import { readAll } from './app/read-pages.js';
import { officerKey, type OfficerDoc } from '../projections/registry.js';
import type { Principal } from './app/auth.js';
import { standingOf, type OfficerStatusOf } from './app/officer-standing.js';
import { documentNumberHolder } from '../projections/document-numbers.js';
import { AgencyProfiles } from './app/agency-profiles.js';
import { recordKeyRevocations } from './app/key-revocation-records.js';
import { StreamLocks } from './app/stream-locks.js';
import { StateCache } from './app/state-cache.js';
import { casesApi } from './http/cases-api.js';
import { auditApi, liveStream } from './http/audit-api.js';
import { eventsApi, feedEventTypes } from './http/events-api.js';
import { mediaApi } from './http/media-api.js';
import { draftsApi } from './http/drafts-api.js';
import { decisionTemplatesApi } from './http/decision-templates-api.js';
import { registryApi } from './http/registry-api.js';
import { agencyApi } from './http/agency-api.js';
import { reviewCatalogueApi } from './http/review-catalogue-api.js';
import { ReviewCatalogueService } from './app/review-catalogue.js';
import { inspectionsApi } from './http/inspections-api.js';
import { InspectionService } from './app/inspection-service.js';
import { InspectionReads } from './app/inspection-reads.js';
import { recordingApi } from './http/recording-api.js';
import { RecordingReads } from './app/recording-reads.js';
import { RecordingRegistry } from './app/recording-registry.js';
import { discretionApi } from './http/discretion-api.js';
import { evaluationApi } from './http/evaluation-api.js';
import { DiscretionReads } from './app/discretion-reads.js';
import { EvaluationReads } from './app/evaluation-reads.js';
import { EvaluationService } from './app/evaluation-service.js';
import { publicApi } from './http/public-api.js';
import { publishedApi } from './http/published-api.js';
import { ledgerApi } from './http/ledger-api.js';
import { rateLimit } from './http/rate-limit.js';
import { applicationsApi } from './http/applications-api.js';
import { ApplicationFilingReads } from './app/application-filing-reads.js';
import { ApplicationReads } from './app/application-reads.js';
import { ApplicationService } from './app/application-service.js';
import { TransparencyLog } from './app/transparency-log.js';
import { CheckpointSchedule } from './app/checkpoint-schedule.js';
import { CheckpointTimestamps } from './app/checkpoint-timestamps.js';
import { DisclosureAttestations } from './app/disclosure-attestation.js';
import { WitnessTimes } from './app/witness-times.js';
import { parseVerifierKey } from './ledger/cosignature.js';
import { HttpTimeStampAuthority } from './adapters/tsa/http-tsa.js';
import { timestampRoots } from './ledger/timestamp-verify.js';
import { randomBytes } from 'node:crypto';
import { WitnessSubmitter } from './app/witness-submitter.js';
import { recordCosignature } from './app/checkpoint-cosignatures.js';
import { httpWitnessClient } from './adapters/witness-http/witness-client.js';
import { CHECKPOINT_STREAM, MERKLE, leafKey, type LeafDoc } from '../projections/merkle.js';
import { supervisionApi } from './http/supervision-api.js';
import { calendarApi } from './http/calendar-api.js';
import { tokensApi } from './http/tokens-api.js';
import { TokenRevocations } from './app/token-revocations.js';
import { WorkingDayCalendars } from './app/working-day-calendars.js';
import { quarantineApi } from './http/quarantine-api.js';
import { similarApi } from './http/similar-api.js';
import { loadValidators } from './http/validation.js';
import { SqliteReadModelStore } from './adapters/sqlite/read-model-store.js';
import { lockDataFolder } from './adapters/sqlite/folder-lock.js';
import { ProjectionRunner } from './app/projection-runner.js';
import { ThreadApplier } from './app/thread-applier.js';
import type { FreeTextKeys, ProjectionThreadData } from './projection-thread.js';
import type { ReadModelStore } from './ports/read-models.js';
import { LOG_LAYOUT, projectionsFor } from '../projections/index.js';
import { bundleApi, VERIFY_RETRY_AFTER_SECONDS } from './http/bundle-api.js';
import { Slots, verifyMetrics } from './http/slots.js';
import { BundleExporter } from './app/bundle-export.js';
import { PortalAssets } from './web/assets.js';
import { lazyPortal } from './web/lazy-portal.js';
import { Sessions } from './web/sessions.js';
import { CookieSeal } from './web/sealed-cookie.js';
import { loadOrCreateSecret } from './adapters/keys/service-secrets.js';
import { openDataKeyStore } from './data-key-store.js';
import { checkDataKeysCoverLog } from './data-key-check.js';
import { freeTextOpener } from './app/free-text-opener.js';
import { PersonalReads } from './app/personal-reads.js';
import { ErasureService } from './app/erasure-service.js';
import { erasureApi } from './http/erasure-api.js';
import { OpenIdProvider } from './adapters/oidc/openid-provider.js';
import { openWebhooks } from './webhooks-wiring.js';
import { disclosureRecords } from './app/webhooks/payloads.js';
import { webhooksApi } from './http/webhooks-api.js';

/** `.ts` when the service runs from its sources (tsx, Jest), `.js` when it runs compiled in dist/. */
const MODULE_EXT = path.extname(import.meta.url);

/** The JSON Schemas shipped with the service (dist/schemas/ when compiled: the build copies them). */
const SCHEMAS_DIR = new URL('../schemas', import.meta.url).pathname;
/** How long the recording of keys' revocations at start-up waits for the read models to catch up (then: next start). */
const KEY_REVOCATIONS_WAIT_MS = 60 * 60_000;

/** The composition root: the one place that chooses adapters from configuration and wires them together. */
export interface Service {
  readonly url: string;
  readonly port: number;
  readonly events: EventStore;
  readonly keys: Keys;
  readonly calendar: WorkingDayCalendar;
  /**
   * Resolves true once the read models have applied every event committed when called, false after `timeoutMs`
   * (60 s: long enough for a loaded machine, where a caller that goes on regardless would read a stale view).
   */
  readModelsCaughtUp(timeoutMs?: number): Promise<boolean>;
  /** Stops accepting requests, lets in-flight requests and appends finish, then closes the stores. */
  close(): Promise<void>;
}

export interface ServiceDependencies {
  readonly clock: Clock;
  readonly log: Logger;
}

/**
 * The log: EventStoreDB/KurrentDB when `EVENTSTORE_URL` is set, else the embedded SQLite file. The EventStoreDB
 * client (gRPC) is loaded only when configured: loading it costs the embedded default half a second of start-up.
 */
export async function openEventStore(config: Config): Promise<EventStore> {
  if (config.eventStore.kind === 'eventstoredb') {
    const { EventStoreDbEventStore } = await import('./adapters/eventstoredb/event-store.js');
    let store: EventStore;
    try {
      store = new EventStoreDbEventStore({ connectionString: config.eventStore.url });
    } catch (err) {
      // the client's parser names a position in the string, not the setting it came from
      throw new ConfigError('EVENTSTORE_URL', `is not a connection string the client reads: ${(err as Error).message}`);
    }
    await answering(store, config.eventStore.url);
    return store;
  }
  makePrivateFolder(config.dataDir);
  return new SqliteEventStore({ path: config.eventStore.path });
}

/** How long start-up waits for the EventStoreDB server to answer its first read. */
const EVENTSTORE_ANSWER_MS = 15_000;

/**
 * Whether the EventStoreDB server answers a read, within {@link EVENTSTORE_ANSWER_MS}: a server that cannot be
 * reached stops start-up with a message naming `EVENTSTORE_URL` (the client alone, refused, leaves nothing for the
 * process to wait on, so it ended silently with exit code 13). The store is closed when it does not answer.
 */
async function answering(store: EventStore, url: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${EVENTSTORE_ANSWER_MS / 1000} s`)),
      EVENTSTORE_ANSWER_MS,
    );
  });
  try {
    await Promise.race([store.ping(), late]);
  } catch (err) {
    await store.close().catch(() => undefined);
    const where = url.replace(/\/\/[^@/]*@/, '//'); // without credentials
    throw new ConfigError(
      'EVENTSTORE_URL',
      `the EventStoreDB server at ${where} cannot be read: ${(err as Error).message}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Read models live in SQLite next to the service, whichever store holds the log: they are rebuilt from it. */
export function readModelPath(config: Config): string {
  return path.join(config.dataDir, 'read-models.sqlite');
}

/**
 * The read models as the service holds them: a thread of their own applies the projections over the write
 * connection ({@link ThreadApplier}, `src/projection-thread.ts`), so neither the projections' work nor the commits
 * take the event loop that answers HTTP; this thread keeps a connection that only reads (WAL lets both work at
 * once). The thread is opened first: it creates the file and its tables, which the reading connection needs. With
 * the embedded data-key store the thread also opens the sealed free text itself (`opensFreeText`); with a shared one
 * the runner opens it on this thread before handing a batch over.
 */
export async function openReadModels(
  config: Config,
): Promise<{ store: ReadModelStore; applier: ThreadApplier; opensFreeText: boolean }> {
  makePrivateFolder(config.dataDir);
  const keys =
    config.dataKeyStore.kind === 'sqlite'
      ? { dataKeysFile: config.dataKeysFile, masterKeyFile: config.masterKeyFile }
      : undefined;
  return {
    ...(await openThreadedReadModels(readModelPath(config), config.utcOffsets, keys, config.projectionNice)),
    opensFreeText: keys !== undefined,
  };
}

/**
 * {@link openReadModels} for a given file (the benchmark's), the agencies' local time `utcOffsets`, the thread
 * opening free text with `freeText`'s keys and running at `nice` (default {@link DEFAULT_PROJECTION_NICE}, as the
 * service's).
 */
export async function openThreadedReadModels(
  file: string,
  utcOffsets: UtcOffsets,
  freeText?: FreeTextKeys,
  nice: number = DEFAULT_PROJECTION_NICE,
): Promise<{ store: ReadModelStore; applier: ThreadApplier }> {
  const applier = new ThreadApplier({
    entry: new URL(`./projection-thread${MODULE_EXT}`, import.meta.url),
    data: {
      path: file,
      projections: SERVICE_PROJECTIONS,
      utcOffsets,
      ...(freeText ? { freeText } : {}),
      nice,
    } satisfies ProjectionThreadData,
  });
  try {
    await applier.open();
    const projections = projectionsFor(utcOffsets);
    return { store: new SqliteReadModelStore({ path: file, projections, readonly: true }), applier };
  } catch (err) {
    await applier.close();
    throw err;
  }
}

/** A rebuild's progress in the log: a line per tenth of the log. */
function rebuildProgress(log: Logger): (position: Position, head: Position) => void {
  let tenth = 0;
  return (position, head) => {
    if (head === 0 || position < ((tenth + 1) * head) / 10) return;
    tenth = Math.floor((10 * position) / head);
    log.info({ position, head }, `read models: rebuilt ${tenth * 10}% of the log`);
  };
}

/** Projection lag: how far behind the log the read models are, in events and in time. */
function projectionMetrics(runner: ProjectionRunner, head: number): string[] {
  const stats = runner.stats();
  return [
    '# HELP ledger_projection_position Global log position the read models have applied.',
    '# TYPE ledger_projection_position gauge',
    `ledger_projection_position ${stats.position}`,
    '# HELP ledger_projection_lag_events Events committed to the log and not yet applied to the read models.',
    '# TYPE ledger_projection_lag_events gauge',
    `ledger_projection_lag_events ${Math.max(0, head - stats.position)}`,
    '# HELP ledger_projection_lag_seconds Time from recording the last applied event to storing its changes.',
    '# TYPE ledger_projection_lag_seconds gauge',
    `ledger_projection_lag_seconds ${stats.lastLagMs / 1000}`,
    '# HELP ledger_projection_events_total Events applied to the read models since start.',
    '# TYPE ledger_projection_events_total counter',
    `ledger_projection_events_total ${stats.eventsApplied}`,
    '# HELP ledger_projection_quarantined_events Events a projection could not apply, quarantined (ledger check lists them).',
    '# TYPE ledger_projection_quarantined_events gauge',
    ...Object.entries(runner.quarantined()).map(
      ([projection, n]) => `ledger_projection_quarantined_events{projection="${projection}"} ${n}`,
    ),
  ];
}

/** Group-commit figures of the embedded store: appends per durable commit tells how well writes are batched. */
function storeMetrics(store: EventStore): string[] {
  if (!(store instanceof SqliteEventStore)) return [];
  const { commits, appends } = store.stats;
  return [
    '# HELP ledger_store_commits_total Durable commits of the embedded event store.',
    '# TYPE ledger_store_commits_total counter',
    `ledger_store_commits_total ${commits}`,
    '# HELP ledger_store_committed_appends_total Appends those commits carried (appends / commits = group size).',
    '# TYPE ledger_store_committed_appends_total counter',
    `ledger_store_committed_appends_total ${appends}`,
  ];
}

function openSchedule(config: Config): ScheduleData {
  try {
    return loadSchedule(config.workingDayCalendarFile ?? DEFAULT_SCHEDULE_FILE);
  } catch (err) {
    throw new ConfigError('WORKING_DAY_CALENDAR_FILE', (err as Error).message);
  }
}

/**
 * Media: the S3 bucket when `S3_*` is set, checked at start-up (HeadBucket) so that a wrong bucket, endpoint or
 * key stops the service naming `S3_BUCKET`; else the media folder.
 */
export async function openBlobStore(config: Config, log: Logger): Promise<BlobStore & { close?(): void }> {
  if (config.blobStore.kind === 'filesystem') return new FilesystemBlobStore({ dir: config.blobStore.dir });
  const s3 = config.blobStore;
  // the AWS SDK is loaded only when configured, like the EventStoreDB client
  const { S3BlobStore } = await import('./adapters/s3/blob-store.js');
  const store = new S3BlobStore({
    bucket: s3.bucket,
    region: s3.region,
    forcePathStyle: s3.forcePathStyle,
    ...(s3.endpoint === undefined ? {} : { endpoint: s3.endpoint }),
    ...(s3.accessKeyId !== undefined && s3.secretAccessKey !== undefined
      ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } }
      : {}),
    ...(s3.objectLock === undefined ? {} : { objectLock: s3.objectLock }),
    ...(s3.legalHold ? { legalHold: true } : {}),
    onCleanupError: (err, key) =>
      log.warn({ err, key }, 'media: a temporary object was not deleted (the tmp/ lifecycle rule expires it)'),
  });
  try {
    await store.ping();
  } catch (err) {
    store.close();
    const { name, message, $metadata } = err as Error & { $metadata?: { httpStatusCode?: number } };
    const status = $metadata?.httpStatusCode === undefined ? '' : ` (HTTP ${$metadata.httpStatusCode})`;
    throw new ConfigError('S3_BUCKET', `the bucket "${s3.bucket}" cannot be reached: ${name}${status}: ${message}`);
  }
  // retention or a legal hold on every medium needs the bucket's Object Lock: without it every upload would fail
  const locking = s3.objectLock ? 'S3_OBJECT_LOCK_MODE' : s3.legalHold ? 'S3_LEGAL_HOLD' : undefined;
  if (locking !== undefined && !(await store.objectLockEnabled().catch(() => true))) {
    store.close();
    throw new ConfigError(
      locking,
      `the bucket "${s3.bucket}" has no Object Lock, which the retention or legal hold set on every medium needs: create the bucket with Object Lock enabled, or unset ${locking}`,
    );
  }
  return store;
}

/** The portal's OpenID Connect sign-in against the agency's identity provider (`OIDC_*`). */
function oidcSignInOf(oidc: OidcConfig, config: Config, clock: Clock, seal: CookieSeal) {
  return {
    provider: new OpenIdProvider({
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      redirectUrl: oidc.redirectUrl,
      scopes: oidc.scopes,
      clockSkewSeconds: config.jwt.clockSkewSeconds,
      now: () => clock.now(),
    }),
    claims: { ...oidc.claims, roleMap: oidc.roleMap },
    providerName: oidc.providerName,
    // the portal's home, on the origin the provider already sends the browser back to after sign-in
    postLogoutRedirectUrl: new URL('/', oidc.redirectUrl).toString(),
    seal,
    now: () => clock.now(),
  };
}

/**
 * Submits each new checkpoint to the witnesses of `WITNESSES` in the background and records their cosignatures in
 * the checkpoints' stream; a witness that fails is logged, counted in /metrics and retried.
 */
function witnessSubmitter(
  config: Config,
  deps: {
    transparency: TransparencyLog;
    events: EventStore;
    keys: { signer: TransparencyLogSigner };
    clock: Clock;
    locks: StreamLocks;
    newId: () => string;
    log: Logger;
  },
): WitnessSubmitter {
  const { transparency, events, keys, clock, locks, newId, log } = deps;
  return new WitnessSubmitter({
    log: transparency,
    client: httpWitnessClient({ timeoutMs: config.witnesses.timeoutMs }),
    witnesses: config.witnesses.endpoints,
    retryMaxMs: config.witnesses.retryMaxSeconds * 1000,
    record: (checkpoint, c) =>
      recordCosignature({ events, signer: keys.signer, clock, locks, stream: CHECKPOINT_STREAM, newId }, checkpoint, c),
    onCosigned: (witness, size) => log.info({ witness, size }, 'witness: checkpoint cosigned'),
    onFailure: ({ witness, url, size, reason, refused, failures, retryInMs }) =>
      (refused ? log.error.bind(log) : log.warn.bind(log))(
        { witness, url, size, reason, failures, retryInMs },
        refused
          ? 'witness: the witness refused the checkpoint (missing cosignature); retrying'
          : 'witness: checkpoint not cosigned (missing cosignature); retrying',
      ),
  });
}

/**
 * Starts the service; when the start-up check meets damaged read models (which marks them so), starts it once more,
 * which rebuilds them from the log first, rather than stop.
 */
async function startHoldingRepaired(config: Config, deps: ServiceDependencies): Promise<Service> {
  try {
    return await startHolding(config, deps);
  } catch (err) {
    if (!(err instanceof ReadModelsDamaged)) throw err;
    deps.log.warn({ code: err.code }, 'start-up: the read models are damaged; starting again, which rebuilds them');
    return await startHolding(config, deps);
  }
}

/**
 * Starts the service, holding the data folder's lock (`service.lock`) from before it opens anything there until it
 * has closed: a second service, or `ledger rebuild`, on the same folder is refused with `DataFolderInUse`.
 */
export async function startService(config: Config, deps: ServiceDependencies): Promise<Service> {
  makeSettingFolder('LEDGER_DATA_DIR', config.dataDir);
  const lock = lockDataFolder(config.dataDir, { command: 'ledger serve', since: deps.clock.now() });
  let service: Service;
  try {
    refuseHalfRestored(config.dataDir, 'the service does not start on it');
    service = await startHoldingRepaired(config, deps);
  } catch (err) {
    lock.release();
    throw err;
  }
  return {
    ...service,
    get keys() {
      return service.keys; // the keyring as reloaded after a rotation, not as it was at start
    },
    close: () => service.close().finally(() => lock.release()),
  };
}

async function startHolding(config: Config, { clock, log }: ServiceDependencies): Promise<Service> {
  warnAboutWideModes(config, log);
  if (config.metricsToken === undefined && !isLoopback(config.host)) {
    log.warn(
      { host: config.host },
      'metrics: GET /metrics is public (METRICS_TOKEN unset) on an address others can reach; set METRICS_TOKEN, ' +
        'or keep the port behind a proxy that does not forward /metrics',
    );
  }
  const ignored = config.ignoredVariables;
  if (ignored.length > 0) {
    log.warn(
      { variables: ignored },
      `configuration: ${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} no setting of the service and ` +
        `ignored: mistyped? (docs/configuration.md lists the settings; the data folder is ${config.dataDir})`,
    );
  }
  if (config.portal.devSignInOutsideEmbedded) {
    log.warn('portal: the development sign-in (PORTAL_DEV_SIGNIN=true) is on outside the embedded default');
  }
  // checked before anything is opened or started: a bad LEDGER_DOCUMENT_FONT stops start-up with nothing to close
  // (once the projections and timers run, an error would leave the process running)
  const documentFont = await documentFontSource(config.documentFontFile);
  checkConfiguredTokenKeys(config);
  // before the data keys' master key is made: a mistyped LEDGER_KEYS_DIR beside a log signed before makes nothing
  refuseKeysMissingForEmbeddedLog(config);
  const blobs = await openBlobStore(config, log);
  removeStaleUploads(blobs, log);
  // the cases' data keys, wrapped by the master key, apart from the log (docs/privacy.md)
  let dataKeys: Awaited<ReturnType<typeof openDataKeyStore>>;
  try {
    dataKeys = await openDataKeyStore(config, blobs, clock, log);
  } catch (err) {
    blobs.close?.();
    throw err;
  }
  let store: EventStore;
  let shippedSchedule: ReturnType<typeof openSchedule>;
  let validate: ReturnType<typeof loadValidators>;
  try {
    shippedSchedule = openSchedule(config);
    validate = loadValidators(SCHEMAS_DIR);
    store = await openEventStore(config);
  } catch (err) {
    // an event store that does not open (a newer layout, a server refused) leaves nothing open behind it
    dataKeys.close();
    blobs.close?.();
    throw err;
  }
  const counting = countingEventStore(store);
  const events = counting.store;
  if ((await events.headPosition().catch(() => undefined)) === 0) {
    log.info(
      { dataDir: config.dataDir, eventStore: config.eventStore.kind },
      'log: empty: a new ledger starts here (if a log was expected, LEDGER_DATA_DIR or EVENTSTORE_URL names another store)',
    );
  }
  const newId = uuidv7Generator(clock);
  const locks = new StreamLocks();
  const revoked: { list?: TokenRevocations } = {}; // the verifier asks the list, which needs the keys' signer
  // the verifier asks the officers' registry, which the read models opened below hold (no request comes before)
  const registered: { statusOf?: OfficerStatusOf } = {};
  const standing = (principal: Principal) =>
    registered.statusOf ? standingOf(principal, registered.statusOf) : principal;
  let replicaKeys: ReplicaKeys;
  let sharedSettings: SharedSettings | undefined;
  try {
    // before a key is made or a setting declared: a log is served under the origin its checkpoints name
    await checkLogOrigin(events, config.logOrigin);
    replicaKeys = await openReplicaKeys({
      config,
      clock,
      log,
      events,
      locks,
      revoked: (token) => revoked.list?.revoked(token) ?? false,
      standing,
    });
    // before the read models are built: with a data-key store that cannot open the log's sealed text they would
    // hold [sealed] for it, and new acts would seal under keys made here for cases that have one elsewhere
    await checkDataKeysCoverLog(config, { events, dataKeys, log });
    // replicas of one log must share these; the embedded log has one process
    if (config.eventStore.kind === 'eventstoredb') {
      const { signer } = replicaKeys.live;
      sharedSettings = await checkSharedSettings({
        config,
        schedule: shippedSchedule,
        events,
        clock,
        locks,
        signer,
        log,
      });
    }
  } catch (err) {
    await events.close();
    dataKeys.close();
    blobs.close?.();
    throw err;
  }
  const { live: keys, verify } = replicaKeys;
  const eventKeys = () => keys.all('event');
  const deps = { events, signer: keys.signer, clock, locks, cache: new StateCache() };
  const revocations = new TokenRevocations(deps, {
    onError: (err) => log.warn({ err }, 'token revocations: following the log failed; retrying'),
  });
  revoked.list = revocations;
  const calendar = new WorkingDayCalendars(deps, shippedSchedule, {
    ...(config.calendarAgency === undefined ? {} : { keeper: config.calendarAgency }),
    onError: (err) => log.warn({ err }, 'working-day calendar: following the log failed; retrying'),
  });
  const serviceKeys = keys.eventKey;
  const registry = new RegistryReader(events);
  const access = new AccessLog(deps, newId);
  const holdings = new MediaHoldings(deps, newId);
  const reads = new CaseReads(access);
  const indexing = new AbortController();
  const live = new AbortController(); // ends live streams (SSE) when shutdown begins
  // the projections that show or search free text get it opened with the cases' data keys (docs/privacy.md)
  const open = freeTextOpener(dataKeys);
  // the read models date acts by the agencies' days, as the rules do
  const projections = projectionsFor(config.utcOffsets);
  const readiness = await readyReadModels(events, readModelPath(config), {
    projections,
    ...(config.rebuildThreads === 2 ? { parallel: parallelRebuild(config.utcOffsets) } : {}),
    onWarning: (message) => log.warn(`read models: ${message}`),
    onRebuilt: ({ applied, threads }) =>
      log.info({ applied, threads }, `read models: rebuilt from ${applied} events on ${threads} thread(s)`),
    holder: 'ledger serve (its start-up rebuild)',
    onProgress: rebuildProgress(log),
    open,
  });
  if (readiness !== 'current') {
    log.warn(
      { readModels: readiness },
      {
        prepared: 'projections changed: took the read models prepared by ledger rebuild --prepare',
        rebuilt: 'projections changed: rebuilt the read models from the log',
        built: 'no read models: built them from the log',
        repaired:
          'the read models file was damaged (SQLite found it so when opened, or when read since): rebuilt them from the log',
      }[readiness],
    );
  }
  const unused = preparedPath(readModelPath(config));
  if (readiness === 'current' && fs.existsSync(unused)) {
    // `ledger rebuild --prepare` made it for other projection versions (a later release), or before the current
    // models: not taken now, and large
    log.info(
      { file: unused, bytes: fs.statSync(unused).size },
      'read models: a file prepared by ledger rebuild --prepare is not needed (these read models are current); it ' +
        'is kept for the version it was prepared for: remove it if none is coming',
    );
  }
  const { store: readModels, applier, opensFreeText } = await openReadModels(config);
  registered.statusOf = (agency, officerId) =>
    readModels.get<OfficerDoc>('officers', officerKey(agency, officerId))?.status;
  const priority = applier.priority;
  if (priority && 'unchanged' in priority) {
    log.warn(
      { nice: config.projectionNice, reason: priority.unchanged },
      'projections: the projection thread runs at the priority of the request threads (LEDGER_PROJECTION_NICE ' +
        'is applied on Linux only)',
    );
  } else if (priority) {
    log.info({ nice: priority.nice }, `projections: the projection thread runs at nice ${priority.nice}`);
  }
  const scheduled: { schedule?: CheckpointSchedule; witnessing?: WitnessSubmitter } = {}; // the runner tells them
  let changedAt = clock.now(); // when the read models last changed: the public routes' Last-Modified
  // the projection thread met the read models damaged: not ready, the file marked, the next start rebuilds it
  let damagedApplying = false;
  /** Why the read models cannot be written now (a full disk), while it lasts: what /readyz says. */
  let applyingFailure: string | undefined;
  let storageSaidAt = 0;
  let storageFailures = 0;
  /** Called at the first storage failure: a start-up waiting for the read models then listens, not ready. */
  let storageFailed = (): void => {};
  const startBlocked = new Promise<void>((resolve) => (storageFailed = resolve));
  const runner = new ProjectionRunner(events, readModels, projections, {
    applier,
    readWaitMs: config.readWaitMs,
    ...(opensFreeText ? {} : { open }), // else the projection thread opens it
    onError: (err) => {
      const code = (err as { code?: unknown }).code;
      const storage = storageFailure(code, config.dataDir);
      if (storage) {
        // the runner retries every second: said once a minute, with how often it failed since
        applyingFailure = storage;
        storageFailed();
        const now = Date.now();
        storageFailures += 1;
        if (now - storageSaidAt >= 60_000) {
          log.error({ code, failures: storageFailures }, `projections: ${storage}; retrying until it succeeds`);
          storageSaidAt = now;
          storageFailures = 0;
        }
        return;
      }
      if (!damagedApplying && (code === 'read_models_damaged' || isDamage(err))) {
        damagedApplying = true;
        markDamaged(readModelPath(config), err);
        log.error(
          { code },
          'READ MODELS DAMAGED: the projections met the read-model file damaged; restart the service (it rebuilds ' +
            'them from the log at start-up) or stop it and run `ledger rebuild`',
        );
      }
      log.error({ err }, 'projections: applying the log failed; retrying event by event');
    },
    onQuarantine: ({ projection, position, eventId, stream, type, reason }) =>
      log.error(
        { projection, position, eventId, stream, type, reason },
        'projections: an event could not be applied and is quarantined for this projection (ledger check lists it)',
      ),
    afterCommit: () => {
      if (applyingFailure) log.info('projections: the read models are written again');
      applyingFailure = undefined;
      storageSaidAt = 0;
      changedAt = clock.now();
      scheduled.schedule?.applied();
      scheduled.witnessing?.nudge();
    },
  });
  const stamping: { timestamps?: CheckpointTimestamps } = {}; // told of each checkpoint the log issues
  const transparency = new TransparencyLog({
    waitMs: config.readWaitMs,
    onIssued: () => stamping.timestamps?.nudge(),
    events,
    readModels,
    runner,
    signer: keys.signer,
    clock,
    locks: deps.locks,
    newId,
    origin: config.logOrigin,
    layout: LOG_LAYOUT,
  });
  const schedule = new CheckpointSchedule(transparency, {
    intervalMs: config.checkpointIntervalSeconds * 1000,
    everyEvents: config.checkpointEveryEvents,
    onError: checkpointFailureLogger(log),
  });
  scheduled.schedule = schedule;
  const timestamps = new CheckpointTimestamps({
    log: transparency,
    events,
    locks: deps.locks,
    signer: keys.signer,
    clock,
    newId,
    stream: CHECKPOINT_STREAM,
    authorities: config.timestampAuthorities.map(({ url, caPems }) => ({
      authority: new HttpTimeStampAuthority(url),
      roots: timestampRoots(caPems),
    })),
    nonce: () => randomBytes(8),
    onError: (err, tsa) =>
      log.warn(
        { tsa, err: err instanceof Error ? err.message : String(err) },
        'checkpoint: time-stamping failed; retrying',
      ),
    onStamped: ({ size, tsa, genTime }) => log.info({ size, tsa, genTime }, 'checkpoint: time-stamped'),
  });
  stamping.timestamps = timestamps;
  const witnessing = witnessSubmitter(config, { transparency, events, keys, clock, locks: deps.locks, newId, log });
  scheduled.witnessing = witnessing;
  const outdated = runner.outdated(); // only when the read models changed under the service since just now
  const stored = readModels.versions(); // none in the new, empty read models of a first start: nothing changed
  if (outdated && Object.keys(stored).length > 0) log.warn({ stored }, 'projections changed: rebuilding read models');
  try {
    await verifyBeforeServing({
      events,
      readModels: outdated ? undefined : readModels,
      eventKeys: eventKeys(),
      suite: config.cryptoSuite,
      log,
    });
  } catch (err) {
    await events.close();
    await applier.close();
    readModels.close();
    dataKeys.close();
    blobs.close?.();
    throw err;
  }
  // caught up before listening; but a full or read-only disk would hold the start for as long as it lasts, with no
  // /readyz to say why: then the service listens, not ready, and the runner goes on trying (as when the disk fills
  // while it runs)
  await Promise.race([runner.start(indexing.signal), startBlocked]);
  if (applyingFailure) {
    log.error(
      { dataDir: config.dataDir },
      `start-up: the read models cannot be written (${applyingFailure}): listening, not ready (/readyz says why) ` +
        'until they can',
    );
  }
  await revocations.start(indexing.signal);
  await calendar.start(indexing.signal);
  replicaKeys.follow(indexing.signal);
  sharedSettings?.follow(indexing.signal);
  schedule.start();
  timestamps.start();
  const publicLimit = rateLimit({
    perMinute: config.publicRateLimit,
    bytesPerMinute: config.publicRateLimitBytes,
    now: () => clock.now().getTime(),
  });
  const verifySlots = new Slots({
    concurrency: config.verifyConcurrency,
    queue: config.verifyQueue,
    retryAfterSeconds: VERIFY_RETRY_AFTER_SECONDS,
  });
  // one thread fewer than the cores (the request thread checks the rest); started by the first large bundle
  const signatures = new SignaturePool(Math.max(1, availableCores() - 1));
  let head = runner.position();
  const agencyOffset = (agency: string) => utcOffsetOf(config.utcOffsets, agency);
  // the event types of the agencies' streams: what the pull feed's `types` and a webhook's `eventTypes` may name
  const agencyEventTypes = feedEventTypes(SCHEMAS_DIR);
  const personal = new PersonalReads({ dataKeys, events, reads });
  const files = new CaseFileReads({
    readModels,
    runner,
    reads,
    today: (agency) => dateAtOffset(clock.now(), agencyOffset(agency)),
    personal,
    calendar,
  });
  // the witnesses whose recorded cosignatures attest when a disclosure was logged, with the quorum they need
  const witnessTimes =
    config.witnesses.endpoints.length > 0
      ? new WitnessTimes({
          log: transparency,
          witnesses: config.witnesses.endpoints.map((w) => ({
            name: w.name,
            keyHash: parseVerifierKey(w.key)!.keyHash,
          })),
          quorum: config.witnesses.quorum,
        })
      : undefined;
  // stated where time-stamping authorities or witnesses are configured: elsewhere every disclosure would be "not
  // attested"
  const attested =
    config.timestampAuthorities.length > 0 || witnessTimes
      ? {
          attestations: new DisclosureAttestations({
            readModels,
            log: transparency,
            utcOffsetOf: agencyOffset,
            ...(witnessTimes ? { witnessTimes } : {}),
          }),
        }
      : {};
  const supervision = new SupervisionReads({
    readModels,
    access,
    runner,
    clock,
    utcOffsetOf: agencyOffset,
    projectionNames: projections.map((projection) => projection.name),
    calendar,
    statisticsPublication: async (agency, year) => {
      const { publishedOn, recordedAt } = await registryService.statisticsPublication(agency, year);
      return publishedOn === undefined || recordedAt === undefined
        ? undefined
        : { publishedOn, recordedOn: dateAtOffset(new Date(recordedAt), agencyOffset(agency)) };
    },
    ...attested,
  });
  const publicReads = new PublicReads({ readModels, runner, ...attested, names: personal });
  const publishedReads = new PublishedReads({ readModels, runner });
  const inspectionReads = new InspectionReads({ readModels, runner });
  const inspections = new InspectionService({
    ...deps,
    registry,
    log: transparency,
    leafIndex: (eventId) => readModels.get<LeafDoc>(MERKLE, leafKey(eventId))?.index,
  });
  const recordingReads = new RecordingReads({ readModels, runner, access });
  const cases = new CaseService({
    ...deps,
    calendar,
    serviceKeys,
    dataKeys,
    utcOffsetOf: agencyOffset,
    documentNumbers: { readModels, runner },
    // replicas share an EventStoreDB log: a number is claimed in the log before an act gives it; the embedded log
    // has one process, whose serialisation of an agency's numbering acts is enough
    ...(config.eventStore.kind === 'eventstoredb'
      ? { documentNumberClaims: new Claims({ ...deps, readModels, runner, newId }, DOCUMENT_NUMBER_CLAIMS) }
      : {}),
  });
  const decisionTemplates = new DecisionTemplates(deps, registry);
  const agencyProfiles = new AgencyProfiles({
    ...deps,
    readModels,
    runner,
    // replicas sharing an EventStoreDB log claim a name in the log before a profile gives it
    ...(config.eventStore.kind === 'eventstoredb'
      ? { nameClaims: new Claims({ ...deps, readModels, runner, newId }, AGENCY_NAME_CLAIMS) }
      : {}),
  });
  const drafts = new DecisionDrafts({
    ...deps,
    agencyNames: () => agencyProfiles.names(),
    files,
    reads,
    blobs,
    holdings,
    templates: decisionTemplates.lookup,
    writers: documentWriters(documentFont),
    dataKeys,
    maxBytes: config.mediaMaxBytes,
    newId,
    documentNumberHolder: (agency, documentNo) => documentNumberHolder(readModels, agency, documentNo),
  });
  const mediaReads = new MediaReads({ readModels, events, runner, holdings, access, blobs });
  const bundles = new BundleReads({
    events,
    reads,
    log: transparency,
    exporter: new BundleExporter({
      events,
      blobs,
      log: transparency,
      keys: eventKeys,
      signer: keys.signer,
      clock,
      cosigned: (checkpoint) => witnessing.cosignedNote(checkpoint, config.witnesses.bundleWaitMs),
      utcOffsetOf: agencyOffset,
      ...(witnessTimes ? { witnessTimes } : {}),
    }),
  });
  const applicationReads = new ApplicationReads({
    readModels,
    runner,
    clock,
    utcOffsetOf: agencyOffset,
    dataKeys,
    access,
  });
  const filings = new ApplicationFilingReads({ events, dataKeys, access, holdings, blobs });
  const applications = new ApplicationService({
    ...deps,
    calendar,
    cases,
    holdings,
    utcOffsetOf: agencyOffset,
    newId,
    dataKeys,
  });
  const publicStatistics = new PublicStatisticsReads({
    readModels,
    runner,
    clock,
    utcOffsetOf: agencyOffset,
    calendar,
  });
  const portalAssets = new PortalAssets();
  const liveEvents = new LiveEvents(events);
  const cookieSeal = new CookieSeal(loadOrCreateSecret(config.keysDir, 'session'));
  const webhooks = openWebhooks({
    config: config.webhooks,
    dataDir: config.dataDir,
    keysDir: config.keysDir,
    deps,
    newId,
    log,
    publicRecords: disclosureRecords(publicReads),
    readModels,
    runner,
    // replicas sharing an EventStoreDB log claim what a subscription delivers in the log before it is recorded
    ...(config.eventStore.kind === 'eventstoredb'
      ? { claims: new Claims({ ...deps, readModels, runner, newId }, WEBHOOK_CLAIMS) }
      : {}),
  });
  webhooks.start(indexing.signal);
  const registryService = new RegistryService({
    ...deps,
    certificates: { readModels, runner },
    // replicas sharing an EventStoreDB log claim a certificate number in the log before an officer is listed under it
    ...(config.eventStore.kind === 'eventstoredb'
      ? { certificateClaims: new Claims({ ...deps, readModels, runner, newId }, CERTIFICATE_CLAIMS) }
      : {}),
  });
  // revocations the keys' own streams do not show yet (recorded before they did, or cut off by a crash), once the
  // read models that name them caught up
  const keyRevocations = (async () => {
    if (!(await runner.waitFor(await events.headPosition(), KEY_REVOCATIONS_WAIT_MS))) return;
    const recorded = await recordKeyRevocations({
      events,
      readModels,
      record: (revocation) => registryService.recordKeyRevocation(revocation),
    });
    if (recorded > 0) log.info({ recorded }, "officer keys: revocations recorded on the keys' streams");
  })().catch((err: unknown) =>
    log.warn(
      { err: err instanceof Error ? err.message : String(err) },
      "officer keys: recording revocations on the keys' streams failed; the next start tries again",
    ),
  );
  const reviewCatalogues = new ReviewCatalogueService(deps);
  const discretion = new DiscretionReads({ readModels, runner, access });
  const evaluationReads = new EvaluationReads({ readModels, runner, cases: reads });
  const evaluations = new EvaluationService(deps, cases);
  const officerRoster = new OfficerRoster({ readModels, runner });
  const agencyItems = new AgencyItems({ readModels, runner });
  // the portal's modules load with the first request that reaches it (src/web/lazy-portal.ts)
  const web = lazyPortal({
    publicReads,
    agencies: agencyProfiles,
    // a person of the agency's officer list by the subject their token names (officers sign in as their id)
    personNames: (agency, sub) => readModels.get<OfficerDoc>('officers', officerKey(agency, sub))?.name,
    published: publishedReads,
    catalogues: reviewCatalogues,
    statistics: publicStatistics,
    inspections: inspectionReads,
    discretion,
    limited: publicLimit,
    utcOffsetOf: agencyOffset,
    utcOffsets: config.utcOffsets,
    assets: portalAssets,
    verify,
    screens: {
      peopleOf: (agency) =>
        Object.fromEntries(
          readAll<OfficerDoc>(readModels, 'officers', { where: { agency } }).map((o) => [o.officerId, o.name]),
        ),
      files,
      supervision,
      bundles,
      media: mediaReads,
      log,
      work: {
        cases,
        files,
        validate,
        newId,
        clock,
        utcOffsetOf: agencyOffset,
        upload: { blobs, holdings, maxBytes: config.mediaMaxBytes },
        discretion,
        drafts,
      },
      quality: {
        files,
        discretion,
        evaluationReads,
        evaluations,
        validate,
        newId,
        clock,
        utcOffsetOf: agencyOffset,
      },
      drafting: { drafts, files, validate, clock, utcOffsetOf: agencyOffset, newId },
      registry: registryService,
      templates: { templates: decisionTemplates, validate, newId, utcOffsetOf: agencyOffset },
      roster: { roster: officerRoster, registry: registryService },
      items: { items: agencyItems, registry: registryService },
      registration: { registry: registryService },
      amendments: { roster: officerRoster, items: agencyItems, registry: registryService },
      officerKeys: { roster: officerRoster, registry: registryService },
      agencyProfile: { profiles: agencyProfiles, validate, newId, utcOffsetOf: agencyOffset },
    },
    sessions: new Sessions({
      seal: cookieSeal,
      idleSeconds: config.portal.sessionIdleSeconds,
      maxSeconds: config.portal.sessionMaxSeconds,
      cookieSecure: config.portal.cookieSecure,
      now: () => clock.now(),
      verify,
      revoked: revocations.revoked,
      standing,
      // sign-outs go to the log, so every replica refuses the session, and so does this one after a restart
      signOuts: {
        record: ({ principal, session, until }) =>
          revocations
            .endSession(
              { sub: principal.sub, agency: principal.agency, roles: [...principal.roles] },
              { session, until },
            )
            .catch((err: unknown) => log.warn({ err }, 'recording a sign-out failed')),
        ended: revocations.sessionEnded,
      },
    }),
    signIn: {
      devSignIn: config.portal.devSignIn,
      ...(config.portal.oidc ? { oidc: oidcSignInOf(config.portal.oidc, config, clock, cookieSeal) } : {}),
    },
    liveFeed: liveStream({ live: liveEvents, shutdown: live.signal }),
    applications: { applications, reads: applicationReads, filings, log, blobs, validate, newId },
    recordings: recordingReads,
  });
  const routers = [
    // first, as Express tries the routers in order and recording acts is the busiest write (its paths are no
    // other router's)
    casesApi({
      cases,
      registry,
      caseEvents: new CaseEvents({ events, reads, serviceKeys, personal }),
      verify,
      validate,
      newId,
      clock,
      files,
    }),
    registryApi({
      registry: registryService,
      verify,
      validate,
      newId,
      limited: publicLimit,
      today: (agency) => dateAtOffset(clock.now(), agencyOffset(agency)),
    }),
    agencyApi({ profiles: agencyProfiles, verify, validate, newId, limited: publicLimit }),
    reviewCatalogueApi({ catalogues: reviewCatalogues, verify, validate, newId, limited: publicLimit }),
    inspectionsApi({ inspections, reads: inspectionReads, verify, validate, newId, limited: publicLimit }),
    recordingApi({
      registry: new RecordingRegistry(deps, registry),
      reads: recordingReads,
      verify,
      validate,
      newId,
      limited: publicLimit,
    }),
    discretionApi({ registry: registryService, reads: discretion, verify, validate, newId, limited: publicLimit }),
    evaluationApi({
      evaluations,
      reads: evaluationReads,
      verify,
      validate,
      newId,
    }),
    tokensApi({ revocations, verify, validate, newId }),
    webhooksApi({
      webhooks: webhooks.service,
      verify,
      validate,
      newId,
      clock,
      eventTypes: agencyEventTypes,
    }),
    calendarApi({
      calendars: calendar,
      verify,
      validate,
      newId,
      clock,
      utcOffsetOf: agencyOffset,
      limited: publicLimit,
    }),
    draftsApi({ drafts, verify, validate }),
    decisionTemplatesApi({ templates: decisionTemplates, verify, validate, newId, limited: publicLimit }),
    mediaApi({
      blobs,
      holdings,
      reads: mediaReads,
      verify,
      maxBytes: config.mediaMaxBytes,
      log,
    }),
    auditApi({ live: liveEvents, verify, shutdown: live.signal }),
    eventsApi({ feed: new EventFeed(events, access), verify, eventTypes: agencyEventTypes, log }),
    supervisionApi({ reads: supervision, verify }),
    applicationsApi({
      applications,
      reads: applicationReads,
      filings,
      log,
      blobs,
      verify,
      validate,
      newId,
      limited: publicLimit,
    }),
    quarantineApi({ reads: supervision, verify }),
    similarApi({ files, verify }),
    erasureApi({ erasure: new ErasureService({ ...deps, dataKeys }), personal, verify, validate, newId }),
    publicApi({
      reads: publicReads,
      limited: publicLimit,
      agencyNames: () => agencyProfiles.names(),
    }),
    publishedApi({
      published: new PublishedService(deps, registry),
      reads: publishedReads,
      verify,
      validate,
      newId,
      limited: publicLimit,
    }),
    ledgerApi({
      log: transparency,
      reads: new LedgerReads({ log: transparency, runner }),
      origin: config.logOrigin,
      limited: publicLimit,
      keys: eventKeys,
      verify,
    }),
    bundleApi({
      bundles,
      verify,
      keys: eventKeys,
      prefixOf: {
        origin: config.logOrigin,
        rootAt: (size: number) => transparency.rootOfLogAt(size),
        headsRootAt: (size: number) => transparency.headsRootOfLogAt(size),
      },
      limited: publicLimit,
      verifySlots,
      verifyPerClient: config.verifyPerClient,
      signatures,
      log,
    }),
    web.router,
  ];
  const collectMetrics = () => {
    void events.headPosition().then(
      (position) => (head = position),
      () => {},
    );
    return [
      ...appendMetrics(counting.counts()),
      ...storeMetrics(store),
      ...projectionMetrics(runner, head),
      ...verifyMetrics(verifySlots),
      ...witnessing.metrics(),
      ...webhooks.metrics(head),
      ...(sharedSettings?.metrics() ?? []),
    ];
  };
  const app = createHttpApp({
    events,
    blobs,
    log,
    routers,
    collectMetrics,
    projections: { live: () => runner.live(), position: () => runner.position(), failure: () => applyingFailure },
    readModels: { damaged: () => readModels.damaged?.() === true || damagedApplying },
    deadlines: config.http,
    changedAt: () => changedAt,
    pages: web.pages,
    trustProxy: config.portal.trustProxy,
    ...(config.portal.publicOrigin === undefined ? {} : { publicOrigin: config.portal.publicOrigin }),
    limited: publicLimit,
    ...(config.metricsToken === undefined ? {} : { metricsToken: config.metricsToken }),
  });
  const server = createHttpServer(app, config.http);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    indexing.abort();
    await keyRevocations;
    await webhooks.stopped();
    webhooks.close();
    await signatures.close();
    await events.close();
    await applier.close();
    readModels.close();
    dataKeys.close();
    blobs.close?.();
    throw listenError(err, config);
  }
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  log.info(
    {
      port,
      dataDir: config.dataDir,
      keysDir: config.keysDir,
      eventStore: config.eventStore.kind,
      blobStore: config.blobStore.kind,
      keyId: keys.signer.keyId,
      calendarYears: calendar.coveredYears,
    },
    'listening',
  );

  /**
   * On a graceful stop, once no request is left, a checkpoint of the whole log: no event is left behind the last
   * signed tree, so the log's tail cannot be cut off unseen while the service is down (the next start would sign
   * what it finds). The read models are given the shut-down timeout to apply the last events; a replica that cannot
   * catch up in it, or an issue that fails, is logged and the stop goes on.
   */
  const finalCheckpoint = async () => {
    if (damagedApplying || readModels.damaged?.() === true) {
      log.warn('checkpoint: none issued on stopping, the read models are damaged');
      return;
    }
    try {
      await counting.settled(); // appends accepted before the stop are in the log before its head is read
      const head = await events.headPosition();
      if (!(await runner.waitFor(head, config.shutdownTimeoutMs))) {
        log.warn({ head, applied: runner.position() }, 'checkpoint: none issued on stopping, the read models lag');
        return;
      }
      const issued = await transparency.issue();
      if (issued) log.info({ size: issued.size }, 'checkpoint: issued on stopping');
    } catch (err) {
      log.warn({ err }, 'checkpoint: none issued on stopping');
    }
  };

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      live.abort();
      const force = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.drain(); // the connections kept alive carry no new request
      });
      clearTimeout(force);
      await schedule.stop();
      await finalCheckpoint();
      await timestamps.stop();
      await witnessing.stop();
      indexing.abort();
      await keyRevocations;
      await webhooks.stopped();
      webhooks.close();
      await signatures.close();
      await events.close();
      await applier.close();
      readModels.close();
      dataKeys.close();
      blobs.close?.();
      log.info('stopped');
    })());

  const readModelsCaughtUp = async (timeoutMs = 60_000) => runner.waitFor(await events.headPosition(), timeoutMs);
  return {
    url: `http://${host}:${port}`,
    port,
    events,
    get keys() {
      return keys.local;
    },
    calendar,
    readModelsCaughtUp,
    close,
  };
}

/** Whether `host` is an address only this machine reaches (the loopback interface). */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/**
 * A failure to listen, named after the variables that chose where (an address in use, a host that is not this
 * machine's); its `code` (EADDRINUSE, ENOTFOUND, EADDRNOTAVAIL …) is kept.
 */
function listenError(err: unknown, config: Config): Error {
  const cause = err as NodeJS.ErrnoException;
  const named = new Error(`cannot listen on ${config.host}:${config.port} (HOST, PORT): ${cause.message}`, { cause });
  return Object.assign(named, cause.code === undefined ? {} : { code: cause.code });
}
