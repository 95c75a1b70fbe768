import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { seedAgency, startTestService } from '../support/service.js';
import { freshTempDir } from '../support/temp-dir.js';

const dir = freshTempDir('serve-failure');
const BIN = path.join(__dirname, '../../bin/ledger.js');

/** Runs `ledger serve` as an operator's supervisor does; resolves with its exit code and stderr once it ends. */
function serveUntilExit(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, LEDGER_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // a service that did not start and did not end would hang here: the test's timeout fails it, and it is killed
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('ledger serve did not end after failing to start'));
    }, 100_000);
    child.once('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, stderr });
    });
  });
}

describe('ledger serve', () => {
  it('when the service fails to start after opening its stores, then it says why and ends with exit 1', async () => {
    const dataDir = dir();
    // a data folder with keys and a log, whose read models must be rebuilt at the next start
    const t = await startTestService({ LEDGER_DATA_DIR: dataDir });
    await t.service.close();
    for (const name of fs.readdirSync(dataDir)) {
      if (name.startsWith('read-models.sqlite')) fs.rmSync(path.join(dataDir, name), { force: true });
    }
    // where the rebuild builds, a folder it cannot remove: the start fails once the event store is open
    fs.mkdirSync(path.join(dataDir, 'read-models.sqlite.rebuild', 'in-the-way'), { recursive: true });
    const { code, stderr } = await serveUntilExit(dataDir);
    expect(code).toBe(1);
    expect(stderr).toContain('ledger serve: ');
    expect(stderr).toContain('read-models.sqlite.rebuild');
  }, 120_000);

  it('when a configured token key file cannot be used, then it says so naming the variable and ends with exit 1, having made nothing in the data folder but its lock', async () => {
    const dataDir = path.join(dir(), 'fresh');
    const { code, stderr } = await serveUntilExit(dataDir, {
      JWT_PUBLIC_KEY_FILES: path.join(dir(), 'no-such-key.pem'),
      JWT_ISSUER: 'https://idp.example.gov.cn',
      JWT_AUDIENCE: 'evidence-ledger',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('JWT_PUBLIC_KEY_FILES');
    expect(stderr).toContain('no-such-key.pem');
    expect(fs.readdirSync(dataDir).filter((name) => !name.endsWith('.lock'))).toEqual([]);
  }, 120_000);

  it('when the master key file is missing beside data keys it wrapped, then it stops naming LEDGER_MASTER_KEY_FILE and makes no key', async () => {
    const dataDir = dir();
    const t = await startTestService({ LEDGER_DATA_DIR: dataDir });
    const { officer } = await seedAgency(t, 'county-justice');
    const opened = await t.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId: 'mk-1',
        itemCode: 'P-001',
        title: '检查',
        openedOn: new Date().toISOString().slice(0, 10),
        officers: ['alice', 'bob'],
        parties: [{ kind: 'person', name: '张三', idNumber: '110101199001011234' }],
      },
    });
    expect(opened.status).toBe(201); // the case's data key is made, wrapped by the master key
    await t.service.close();
    const masterKey = path.join(dataDir, 'keys', 'master.key');
    fs.rmSync(masterKey);
    const { code, stderr } = await serveUntilExit(dataDir);
    expect(code).toBe(1);
    expect(stderr).toContain(`LEDGER_MASTER_KEY_FILE: ${masterKey} does not exist, but`);
    expect(stderr).toContain('No key was made');
    expect(fs.existsSync(masterKey)).toBe(false);
  }, 120_000);
});
