import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../..');
const SCHEMA_FILE = path.join(ROOT, 'packages/client/src/schema.d.ts');

describe('the typed client (packages/client)', () => {
  it('when the OpenAPI document is turned into types again, then it gives the committed schema.d.ts (else: npm run client:generate)', async () => {
    // in a child process: openapi-typescript loads ES modules that Jest's CommonJS runtime cannot
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'packages/client/scripts/generate.ts', '--stdout'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
    );
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(stdout.length).toBeGreaterThan(10_000);
    expect(stdout === committed ? 'up to date' : 'stale: run npm run client:generate').toBe('up to date');
    expect(committed).toContain("'/v1/events': {");
  });
});
