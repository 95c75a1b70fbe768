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

export class DataKeyDestroyed extends Error {
  constructor(readonly scope: string) {
    super(`the data key of ${scope} was destroyed`);
    this.name = 'DataKeyDestroyed';
  }
}
