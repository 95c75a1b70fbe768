import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh temporary folder for each test of the calling file, removed after it; call `dir()` inside a test.
 *
 * Jest runs a file's `afterEach` hooks in the order they were declared, so this removal can run before the hook that
 * closes a service writing into the folder (a store's journal, a worker's file). A folder that is still being written
 * to when it is removed is removed again once every test of the file has finished and every service is closed.
 */
export function freshTempDir(prefix: string): () => string {
  let current: string | undefined;
  const leftovers: string[] = [];
  beforeEach(() => {
    current = fs.mkdtempSync(path.join(os.tmpdir(), `ledger-${prefix}-`));
  });
  afterEach(() => {
    if (!current) return;
    try {
      fs.rmSync(current, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    } catch {
      leftovers.push(current);
    }
  });
  afterAll(() => {
    for (const dir of leftovers) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  });
  return () => current!;
}
