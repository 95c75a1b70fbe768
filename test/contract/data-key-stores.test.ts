import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FolderKeyObjects } from '../../src/adapters/filesystem/key-files.js';
import { keyObjectNames, SharedDataKeyStore } from '../../src/adapters/keys/shared-data-key-store.js';
import { SqliteDataKeyStore } from '../../src/adapters/sqlite/data-key-store.js';
import { motoUnavailable } from '../support/moto.js';
import { contractClock, dataKeyStoreContract } from './data-key-store.contract.js';
import { dataKeysOnMoto } from './data-keys-moto.suite.js';

function tempFolder(): { dir: string; dispose: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-data-key-store-'));
  return { dir, dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

dataKeyStoreContract('SQLite file (embedded)', async (master) => {
  const { dir, dispose } = tempFolder();
  const file = path.join(dir, 'data-keys.sqlite');
  return { replica: (wrapper) => new SqliteDataKeyStore(file, wrapper ?? master, contractClock), dispose };
});

dataKeyStoreContract('shared folder (media folder, data-keys/)', async (master) => {
  const { dir, dispose } = tempFolder();
  return {
    replica: (wrapper) => new SharedDataKeyStore(new FolderKeyObjects(dir), wrapper ?? master, contractClock),
    dispose,
  };
});

describe('the shared folder of data keys', () => {
  it('when a key is made and destroyed, then its file is owner-only, then gone, and only the tombstone is left', async () => {
    const { dir, dispose } = tempFolder();
    const { FileKeyWrapper } = await import('../../src/adapters/keys/master-key.js');
    const store = new SharedDataKeyStore(
      new FolderKeyObjects(dir),
      new FileKeyWrapper(Buffer.alloc(32, 7)),
      contractClock,
    );
    const key = await store.ensure('case-county:c-1');
    const names = keyObjectNames('case-county:c-1');
    expect(fs.statSync(path.join(dir, names.key)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.readFileSync(path.join(dir, names.key)).includes(Buffer.from(key))).toBe(false); // wrapped, never clear
    await store.destroy('case-county:c-1', '2019-09-21T00:00:00Z');
    expect(fs.readdirSync(dir).sort()).toEqual([names.erased, 'tmp']);
    expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    await dispose();
  });
});

describe('the shared folder of data keys that cannot be written', () => {
  it('when the folder is read-only, then the store says it cannot erase before anything is written', async () => {
    const { dir, dispose } = tempFolder();
    const { FileKeyWrapper } = await import('../../src/adapters/keys/master-key.js');
    const store = new SharedDataKeyStore(
      new FolderKeyObjects(dir),
      new FileKeyWrapper(Buffer.alloc(32, 7)),
      contractClock,
    );
    await store.ensure('case-county:c-1');
    fs.chmodSync(dir, 0o500);
    try {
      if (process.getuid?.() === 0) {
        console.log(
          'data-key stores: the read-only folder run is not meaningful as root (root writes anyway): not run',
        );
        return;
      }
      await expect(store.checkErasable(['case-county:c-1'])).rejects.toMatchObject({ code: 'data_key_not_erasable' });
      expect(await store.destroyed('case-county:c-1')).toBe(false);
    } finally {
      fs.chmodSync(dir, 0o700);
      await dispose();
    }
  });
});

const motoMissing = motoUnavailable();
if (motoMissing === undefined) {
  dataKeysOnMoto();
} else {
  console.log(
    `data-key stores: the S3 runs (moto: versions, conditional writes, Object Lock) are SKIPPED: ${motoMissing}`,
  );
}
