import { LedgerError } from '../errors.js';

/**
 * The cases' data keys (docs/privacy.md): one random 256-bit key per case seals the case's personal fields.
 * Destroying it erases them everywhere the log is copied, while every hash, signature and proof stays valid.
 * A key is named by its scope, the case's stream (`case-<agency>-<caseId>`).
 */
export interface DataKeyStore {
  /**
   * The scope's key, created and made durable first when it has none: a sealed event is appended only after this
   * returns, so no event is ever sealed under a key that a crash could lose. Refuses (throws
   * {@link DataKeyDestroyed}) for a scope whose key was destroyed: nothing new is sealed for an erased case.
   */
  ensure(scope: string): Promise<Uint8Array>;
  /** The scope's key; `undefined` when it never had one or it was destroyed. */
  get(scope: string): Promise<Uint8Array | undefined>;
  /** Whether the scope's key was destroyed (its case erased), as opposed to never made here. */
  destroyed(scope: string): Promise<boolean>;
  /** Destroys the scope's key beyond recovery from the store; true when there was one to destroy. */
  destroy(scope: string, at: string): Promise<boolean>;
  /**
   * Throws {@link DataKeyNotErasable} when this store could not destroy the keys of `scopes` beyond recovery: the
   * store as such (a bucket under default Object Lock retention; with no scopes, only this is asked, at start-up),
   * or one of the keys (a version under a legal hold or an unexpired retention, a file that cannot be removed).
   * Checked before an erasure is recorded, so none is signed that the store would then refuse. A hold placed
   * between this check and {@link destroy} still makes `destroy` fail (docs/privacy.md says what to do then).
   */
  checkErasable(scopes: readonly string[]): Promise<void>;
  close?(): void;
}

/**
 * Wraps and unwraps data keys under a master key the store never holds in clear in its file: the embedded wrapper
 * keeps it in a key file; a KMS adapter would call the KMS's encrypt/decrypt (or wrap/unwrap) operations with a key
 * that never leaves it. The scope is bound as associated data, so a wrapped key moved to another case fails.
 */
export interface KeyWrapper {
  /** Names the master key, stored beside each wrapped key so a rotation can tell which unwraps it. */
  readonly keyId: string;
  wrap(key: Uint8Array, scope: string): Promise<Uint8Array>;
  unwrap(wrapped: Uint8Array, scope: string): Promise<Uint8Array>;
}

/**
 * Small named objects in a store every replica reaches (the media bucket's `data-keys/` prefix, or a folder on a
 * shared volume): what the shared data-key store (`LEDGER_DATA_KEY_STORE=media`) keeps its wrapped keys and tombstones in.
 */
export interface KeyObjects {
  /** Where the objects are, for messages (`s3://bucket/data-keys/`, a folder). Never a secret. */
  readonly where: string;
  /**
   * Stores `bytes` under `name` unless the name exists, atomically (S3 `If-None-Match: *`, a hard link): of two
   * writers at once, exactly one creates it. False when the name existed. Durable once it resolves.
   */
  create(name: string, bytes: Buffer): Promise<boolean>;
  read(name: string): Promise<Buffer | undefined>;
  /**
   * Removes `name` and every stored version of it (a versioned bucket's versions and delete markers), then checks
   * that none is left; {@link DataKeyNotErasable} when the store keeps one (Object Lock, a legal hold, no right to
   * delete versions).
   */
  remove(name: string): Promise<void>;
  /**
   * {@link DataKeyNotErasable} when the store is set to keep what is written to it (default Object Lock
   * retention), or when one of `names` could not be removed as of `now` (a version under a legal hold or a
   * retention not yet expired; a file or folder that cannot be written).
   */
  checkErasable(names: readonly string[], now: Date): Promise<void>;
  close?(): void;
}

export class DataKeyDestroyed extends Error {
  constructor(readonly scope: string) {
    super(`the data key of ${scope} was destroyed`);
    this.name = 'DataKeyDestroyed';
  }
}

/**
 * The key store cannot delete a data key beyond recovery: it keeps what is written to it (Object Lock retention, a
 * legal hold) or refuses to delete old versions. No erasure is recorded or claimed while this holds.
 */
export class DataKeyNotErasable extends LedgerError {
  readonly code = 'data_key_not_erasable';
  readonly status = 503;
  constructor(why: string) {
    super(`the data-key store cannot erase a key: ${why}`);
  }
}

/**
 * The events a retried request's `Idempotency-Key` recorded hold personal data this service's data-key store cannot
 * open (it holds another key for the case, or none), so whether the retry is the same request cannot be told. The
 * request may well be recorded: the client retries later, when the data-key store is the one the replicas share.
 */
export class DataKeyUnavailable extends LedgerError {
  readonly code = 'data_key_unavailable';
  readonly status = 503;
  constructor(readonly scope: string) {
    super(
      'the events this Idempotency-Key recorded hold sealed data that this service cannot open with its data-key ' +
        'store, so it cannot tell whether this is the same request; retry later with the same Idempotency-Key',
    );
  }
}
