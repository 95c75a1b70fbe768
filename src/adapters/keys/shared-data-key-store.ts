import { randomBytes } from 'node:crypto';
import { DataKeyDestroyed, type DataKeyStore, type KeyObjects, type KeyWrapper } from '../../ports/data-keys.js';

/** The object names of a scope: the wrapped key, and the tombstone left when it is destroyed. */
export function keyObjectNames(scope: string): { key: string; erased: string } {
  // stream names are escaped already (src/ledger/streams.ts); this escapes what is left (`:`), never `.` alone
  const base = encodeURIComponent(scope);
  return { key: `${base}.key`, erased: `${base}.erased` };
}

interface StoredKey {
  readonly v: 1;
  readonly scope: string;
  readonly wrapper: string;
  readonly wrapped: string;
  readonly createdAt: string;
}

/**
 * Data keys shared by replicas (`LEDGER_DATA_KEY_STORE=media`, docs/privacy.md): each case's key, wrapped by the
 * master key, is one object `<scope>.key`; destroying it writes the tombstone `<scope>.erased` first, then removes
 * the key object with every version of it. A key is made with a conditional create, so two replicas that seal for
 * the same case at once end with one key, the first one stored, which both return; a replica that stored its key
 * after a tombstone appeared removes it again and refuses. Nothing is cached: every read asks the store, so a key
 * destroyed by one replica is gone for all of them at once.
 */
export class SharedDataKeyStore implements DataKeyStore {
  constructor(
    private readonly objects: KeyObjects,
    private readonly wrapper: KeyWrapper,
    private readonly clock: { now(): Date },
  ) {}

  async ensure(scope: string): Promise<Uint8Array> {
    const names = keyObjectNames(scope);
    if (await this.destroyed(scope)) throw new DataKeyDestroyed(scope);
    const found = await this.#read(scope, names.key);
    if (found) return found;
    const key = randomBytes(32);
    const stored: StoredKey = {
      v: 1,
      scope,
      wrapper: this.wrapper.keyId,
      wrapped: Buffer.from(await this.wrapper.wrap(key, scope)).toString('base64url'),
      createdAt: this.clock.now().toISOString(),
    };
    await this.objects.create(names.key, Buffer.from(JSON.stringify(stored), 'utf8'));
    // a destroy that began meanwhile wrote its tombstone before removing: seeing none now, this key is the one kept
    if (await this.destroyed(scope)) {
      await this.objects.remove(names.key);
      throw new DataKeyDestroyed(scope);
    }
    const kept = await this.#read(scope, names.key); // ours, or the one another replica created first
    if (!kept) throw new DataKeyDestroyed(scope);
    return kept;
  }

  async get(scope: string): Promise<Uint8Array | undefined> {
    return this.#read(scope, keyObjectNames(scope).key);
  }

  async destroyed(scope: string): Promise<boolean> {
    return (await this.objects.read(keyObjectNames(scope).erased)) !== undefined;
  }

  async destroy(scope: string, at: string): Promise<boolean> {
    const names = keyObjectNames(scope);
    // the store as such only: a hold on this key found now (placed after the erasure's own check) must still leave
    // the tombstone, so that nothing new is sealed for the erased scope; the removal then fails loudly
    await this.objects.checkErasable([], this.clock.now());
    const had = (await this.objects.read(names.key)) !== undefined;
    await this.objects.create(names.erased, Buffer.from(JSON.stringify({ v: 1, scope, destroyedAt: at }), 'utf8'));
    await this.objects.remove(names.key);
    return had;
  }

  /** Refuses before anything is recorded when this store could not erase these keys (`KeyObjects.checkErasable`). */
  checkErasable(scopes: readonly string[]): Promise<void> {
    return this.objects.checkErasable(
      scopes.map((scope) => keyObjectNames(scope).key),
      this.clock.now(),
    );
  }

  close(): void {
    this.objects.close?.();
  }

  async #read(scope: string, name: string): Promise<Uint8Array | undefined> {
    const bytes = await this.objects.read(name);
    if (bytes === undefined) return undefined;
    const stored = JSON.parse(bytes.toString('utf8')) as Partial<StoredKey>;
    if (stored.v !== 1 || stored.scope !== scope || typeof stored.wrapped !== 'string')
      throw new Error(`${this.objects.where}${name} is not a data key of ${scope}`);
    return this.wrapper.unwrap(Buffer.from(stored.wrapped, 'base64url'), scope);
  }
}
