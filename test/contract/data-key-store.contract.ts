import { randomBytes } from 'node:crypto';
import { FileKeyWrapper } from '../../src/adapters/keys/master-key.js';
import { DataKeyDestroyed, type DataKeyStore, type KeyWrapper } from '../../src/ports/data-keys.js';

export const contractClock = { now: () => new Date('2019-09-20T02:00:00Z') };

/** One backing store (a file, a folder, a bucket) that several store instances, as replicas, open. */
export interface DataKeyBacking {
  /** A store instance on the backing, as one more replica opens it; with `wrapper`, under another master key. */
  replica(wrapper?: KeyWrapper): DataKeyStore;
  dispose(): Promise<void>;
}

const hex = (key: Uint8Array | undefined) => (key === undefined ? undefined : Buffer.from(key).toString('hex'));

/**
 * What every data-key store promises (src/ports/data-keys.ts), for one backing opened by several instances (the
 * replicas of a deployment): one key per scope however many ensure it at once, a key destroyed through one
 * instance gone for all, and never made again.
 */
export function dataKeyStoreContract(name: string, backing: (master: KeyWrapper) => Promise<DataKeyBacking>): void {
  describe(`data-key store contract: ${name}`, () => {
    const master = new FileKeyWrapper(randomBytes(32));
    let store: DataKeyBacking;
    const opened: DataKeyStore[] = [];
    const replica = (wrapper?: KeyWrapper) => {
      const one = store.replica(wrapper);
      opened.push(one);
      return one;
    };
    beforeEach(async () => {
      store = await backing(master);
    });
    afterEach(async () => {
      opened.splice(0).forEach((one) => one.close?.());
      await store.dispose();
    });

    it('when a key is made, then it is 32 bytes and the same key comes back, from this instance and another', async () => {
      const a = replica();
      const key = await a.ensure('case-x:a');
      expect(Buffer.from(key)).toHaveLength(32);
      expect(hex(await a.ensure('case-x:a'))).toBe(hex(key));
      expect(hex(await replica().get('case-x:a'))).toBe(hex(key));
      expect(hex(await replica().ensure('case-x:a'))).toBe(hex(key));
      expect(await a.get('case-x:b')).toBeUndefined();
      expect(await a.destroyed('case-x:b')).toBe(false);
    });

    it('when the master key is another, then the stored key does not unwrap', async () => {
      await replica().ensure('case-x:a');
      await expect(replica(new FileKeyWrapper(randomBytes(32))).get('case-x:a')).rejects.toThrow();
    });

    it('when several instances ensure one scope at once, then they all end with one key', async () => {
      const [a, b] = [replica(), replica()];
      const keys = await Promise.all([a, b, a, b, a, b].map((one) => one.ensure('case-x:race')));
      expect(new Set(keys.map(hex)).size).toBe(1);
      expect(hex(await b.get('case-x:race'))).toBe(hex(keys[0]));
    });

    it('when a key is destroyed through one instance, then it is gone for every instance and never made again', async () => {
      const [a, b] = [replica(), replica()];
      await a.ensure('case-x:a');
      expect(await b.destroy('case-x:a', '2019-09-21T00:00:00Z')).toBe(true);
      expect(await a.get('case-x:a')).toBeUndefined();
      expect(await a.destroyed('case-x:a')).toBe(true);
      await expect(a.ensure('case-x:a')).rejects.toBeInstanceOf(DataKeyDestroyed);
      await expect(b.ensure('case-x:a')).rejects.toBeInstanceOf(DataKeyDestroyed);
      expect(await a.get('case-x:a')).toBeUndefined();
      expect(await a.destroy('case-x:a', '2019-09-22T00:00:00Z')).toBe(false);
    });

    it('when a scope that never had a key is destroyed, then no key is made for it afterwards', async () => {
      const a = replica();
      expect(await a.destroy('case-x:never', '2019-09-21T00:00:00Z')).toBe(false);
      expect(await a.destroyed('case-x:never')).toBe(true);
      await expect(replica().ensure('case-x:never')).rejects.toBeInstanceOf(DataKeyDestroyed);
    });

    it('when nothing holds the keys, then the store says it can erase them, made or not, and the store as such', async () => {
      const a = replica();
      await a.ensure('case-x:a');
      await expect(a.checkErasable([])).resolves.toBeUndefined();
      await expect(a.checkErasable(['case-x:a', 'case-x:never'])).resolves.toBeUndefined();
      expect(await a.destroyed('case-x:a')).toBe(false); // asking changes nothing
    });

    it('when a key is ensured and destroyed at once, then either way no key is left', async () => {
      const [a, b] = [replica(), replica()];
      const outcomes = await Promise.allSettled([
        a.ensure('case-x:both'),
        b.destroy('case-x:both', '2019-09-21T00:00:00Z'),
        a.ensure('case-x:both'),
      ]);
      for (const outcome of outcomes)
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(DataKeyDestroyed);
      expect(await a.get('case-x:both')).toBeUndefined();
      expect(await b.get('case-x:both')).toBeUndefined();
    });
  });
}
