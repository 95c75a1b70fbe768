/**
 * The one error hierarchy of the service. Every error that may reach a client carries a stable `code`
 * and an HTTP `status`; the HTTP layer maps them to RFC 9457 problems in one place.
 */
export abstract class LedgerError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Start-up configuration that cannot be used; `variable` names the offending setting. */
export class ConfigError extends LedgerError {
  readonly code = 'config_invalid';
  readonly status = 500;
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`, { variable });
  }
}

/**
 * Input the ledger does not accept: a request body that does not match its JSON Schema, or data outside the
 * bounds of what is signed (src/ledger/json-bounds.ts). `details.pointer` names where, never the value.
 */
export class InvalidBody extends LedgerError {
  readonly code = 'invalid_body';
  readonly status = 400;
}

/** A query parameter that is malformed or out of range, or a list cursor the list did not make. */
export class InvalidQuery extends LedgerError {
  readonly code = 'invalid_query';
  readonly status = 400;
}

/** A known path asked with a method it does not take; `Allow` lists those it does. */
export class MethodNotAllowed extends LedgerError {
  readonly code = 'method_not_allowed';
  readonly status = 405;
}

/** The `Accept` header names no representation the route can give. */
export class NotAcceptable extends LedgerError {
  readonly code = 'not_acceptable';
  readonly status = 406;
}

/**
 * The store's current revision of a stream is not the one the writer expected: `expected` a revision (a number, as
 * `actual` is) or, for what is not one, words (`no stream`, `a free revision`).
 */
export class RevisionConflict extends LedgerError {
  readonly code = 'revision_conflict';
  readonly status = 409;
  constructor(
    readonly stream: string,
    readonly expected: string | number,
    readonly actual: number | null,
  ) {
    super(`stream ${stream}: expected revision ${expected}, found ${actual ?? 'no stream'}`, {
      stream,
      expected,
      actual,
    });
  }
}

/** An event id that is already stored with different content. */
export class DuplicateEventId extends LedgerError {
  readonly code = 'duplicate_event_id';
  readonly status = 409;
  constructor(readonly eventId: string) {
    super(`event ${eventId} is already stored with different content`, { eventId });
  }
}

/** An append whose events do not form a valid continuation (a bug in the caller, never client input). */
export class InvalidAppend extends LedgerError {
  readonly code = 'invalid_append';
  readonly status = 500;
}

/** The store refuses work: it is closed or shutting down. */
export class StoreUnavailable extends LedgerError {
  readonly code = 'store_unavailable';
  readonly status = 503;
}

/** The process holding a lock, as it wrote itself down (absent while it was still taking the lock). */
export interface LockHolder {
  readonly command: string;
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

const holderText = (holder: LockHolder | undefined): string =>
  holder ? `${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.since})` : 'another process';

/** Another process is rebuilding the same read models (a `ledger rebuild --prepare` run twice at once). */
export class RebuildInProgress extends LedgerError {
  readonly code = 'rebuild_in_progress';
  readonly status = 503;
  constructor(
    readonly target: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(`the read models ${target} are being rebuilt by ${holderText(holder)}: wait for it to end`, { target });
  }
}

/**
 * Another process holds the data folder's lock (`service.lock`): a running service, or `ledger rebuild`. `holder`
 * says which process, as far as it wrote it down (absent while it was still taking the lock).
 */
export class DataFolderInUse extends LedgerError {
  readonly code = 'data_folder_in_use';
  readonly status = 503;
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | undefined,
    hint?: string,
  ) {
    super(`the data folder ${dir} is in use by ${holderText(holder)}${hint ? `: ${hint}` : ''}`, { dir });
  }
}

/**
 * The read models have not caught up with a position the client wrote (`?consistentWith=`) within the wait: the
 * write is safe; the client retries after `retryAfterSeconds`.
 */
/**
 * The read models' store found its file damaged while reading it: nothing can be answered from it. Read models are
 * views of the log, so the remedy is to make them again: the service rebuilds a damaged file when it starts.
 */
export class ReadModelsDamaged extends LedgerError {
  readonly code = 'read_models_damaged';
  readonly status = 503;
  constructor(options?: { cause?: unknown }) {
    super('the read models are damaged: restart the service, which rebuilds them from the log, or run ledger rebuild');
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

export class NotCaughtUp extends LedgerError {
  readonly code = 'not_caught_up';
  readonly status = 503;
  readonly retryAfterSeconds = 1;
  constructor(
    readonly wanted: number,
    readonly applied: number,
  ) {
    super(`the read models have applied the log up to position ${applied}, not yet ${wanted}`, { wanted, applied });
  }
}

/**
 * What the request asks of this replica is kept by another one (RFC 9110 §15.5.20, Misdirected Request): the
 * webhook outbox of a replica that does not deliver (`WEBHOOK_DELIVERY=false`) holds no deliveries. Nothing was
 * changed; the client may send it again over another connection, which a load balancer may lead to the right
 * replica.
 */
export class DeliveredElsewhere extends LedgerError {
  readonly code = 'webhook_delivery_elsewhere';
  readonly status = 421;
  constructor() {
    super('this replica does not deliver webhooks (WEBHOOK_DELIVERY=false): ask the replica that delivers them');
  }
}

/**
 * Every slot for bundle verifications is taken and the queue for them is full (`VERIFY_CONCURRENCY`,
 * `VERIFY_QUEUE`): nothing was read; the client retries after `retryAfterSeconds`.
 */
export class VerificationsBusy extends LedgerError {
  readonly code = 'verify_busy';
  readonly status = 503;
  constructor(readonly retryAfterSeconds: number) {
    super(`the service is verifying as many bundles as it may: retry after ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    });
  }
}

/**
 * What the service read back from one of its own stores is not what it wrote: a medium whose bytes no longer hash
 * to its name, an object missing from the store, an event whose content no longer hashes to its `hash`, a broken
 * chain link, a stream head that is not its last event, a log that disagrees with a signed checkpoint. The store
 * was damaged or tampered with; never caused by a client. Logged loudly, naming where (stream, revision, event,
 * object), never data; never served as if it were sound.
 */
export class IntegrityFault extends LedgerError {
  readonly code = 'integrity_fault';
  readonly status = 500;
}

/**
 * A state-changing portal request that does not prove it comes from the portal's own page: its session's CSRF
 * token is missing or wrong, or the browser says it was sent from another site (`Origin`, `Sec-Fetch-Site`).
 * Nothing was changed.
 */
export class CsrfRefused extends LedgerError {
  readonly code = 'csrf_failed';
  readonly status = 403;
}

/**
 * A sign-in that cannot be completed: the sign-in took too long or was started in another browser (state), the
 * identity provider refused or answered with an ID token that does not check out (issuer, audience, expiry,
 * nonce, signature). The reader starts again.
 */
export class SignInFailed extends LedgerError {
  readonly code = 'signin_failed';
  readonly status = 400;
}

/**
 * The person is who they say, but may not use the portal: the identity provider gave no agency, or no role the
 * service knows, or the development sign-in is off.
 */
export class SignInRefused extends LedgerError {
  readonly code = 'signin_refused';
  readonly status = 403;
}

/** The identity provider could not be reached, or answered what is not OpenID Connect. */
export class IdentityProviderUnavailable extends LedgerError {
  readonly code = 'identity_provider_unavailable';
  readonly status = 502;
}

/** Whether a failure's code is that of a full disk or of a disk or folder that cannot be written (SQLite's or the OS's). */
export function storageKind(code: unknown): 'full' | 'read-only' | undefined {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if ((typeof code === 'string' && code.startsWith('SQLITE_READONLY')) || code === 'EROFS') return 'read-only';
  return undefined;
}

/**
 * What a failure to write in `dataDir` means for an operator, for the codes of {@link storageKind}; undefined for
 * any other failure.
 */
export function storageFailure(code: unknown, dataDir: string): string | undefined {
  const kind = storageKind(code);
  if (kind === 'full') return `the disk is full (${String(code)}): free space where ${dataDir} is`;
  if (kind === 'read-only') return `${dataDir} cannot be written (${String(code)}): a read-only disk or folder`;
  return undefined;
}
