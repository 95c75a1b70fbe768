import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary folder for each test of the calling file, removed after it; call `dir()` inside a test. */
export function freshTempDir(prefix: string): () => string {
  let current: string | undefined;
  beforeEach(() => {
    current = fs.mkdtempSync(path.join(os.tmpdir(), `ledger-${prefix}-`));
  });
  afterEach(() => {
    if (current) fs.rmSync(current, { recursive: true, force: true });
  });
  return () => current!;
}
