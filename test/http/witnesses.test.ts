import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { loadOrCreateKeys } from '../../src/adapters/keys/file-keyring.js';
import { loadValidators } from '../../src/http/validation.js';
import { CHECKPOINT } from '../../src/ledger/bundle.js';
import { verifierKey } from '../../src/ledger/checkpoint.js';
import { parseVerifierKey, verifyCosignatures } from '../../src/ledger/cosignature.js';
import { caseBundle, unpack } from '../support/bundles.js';
import { runCli } from '../support/cli.js';
import { capturedLog } from '../support/log-lines.js';
import { seedAgency, startTestService, testSuite, type TestService } from '../support/service.js';
import { startWitness, type WitnessProcess } from '../support/witness.js';

/**
 * The ledger and real witnesses (`ledger witness serve`, each a child process on 127.0.0.1): checkpoints cosigned,
 * stored, served and bundled; a forked and a rolled-back log (other services under the same origin and key)
 * refused; a witness that is down leaves the ledger working and catches up when it is back.
 */

const ORIGIN = 'ledger.example.gov.cn/witnessed';
const validate = loadValidators(path.resolve(__dirname, '../../schemas'));
const conforms = (schema: string, body: unknown) =>
  expect(() => validate(`urn:evidence-ledger:schema:response:${schema}`, body)).not.toThrow();
const folders: string[] = [];
const tmp = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ledger-${prefix}-`));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data folder whose keys exist before the service starts (from `keysFrom`'s when given), and their note key. */
function ledgerFolder(keysFrom?: string): { dataDir: string; noteKey: string; keyPem: string } {
  const dataDir = tmp('witnessed');
  if (keysFrom) fs.cpSync(path.join(keysFrom, 'keys'), path.join(dataDir, 'keys'), { recursive: true });
  const { eventSigner } = loadOrCreateKeys(path.join(dataDir, 'keys'), systemClock, testSuite.name);
  const keyPem = path.join(tmp('key'), 'ledger-key.pem');
  fs.writeFileSync(keyPem, eventSigner.publicKey.export({ type: 'spki', format: 'pem' }));
  return { dataDir, noteKey: verifierKey(ORIGIN, eventSigner.publicKey), keyPem };
}

const serviceEnv = (dataDir: string, witnesses: WitnessProcess[]) => ({
  LEDGER_DATA_DIR: dataDir,
  LEDGER_LOG_ORIGIN: ORIGIN,
  WITNESSES: witnesses.map((w) => `${w.url} ${w.verifierKey}`).join(','),
  WITNESS_RETRY_MAX_SECONDS: '1',
  WITNESS_BUNDLE_WAIT_MS: '60000',
});

/** Polls `probe` until it returns a value (generous: a busy machine), else fails naming `what`. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen within two minutes`);
}

/** The latest checkpoint once it carries a cosignature of `witness`. */
const cosignedBy = (t: TestService, witness: string) =>
  eventually(`a cosignature by ${witness}`, async () => {
    await t.call('GET', '/v1/ledger/checkpoint');
    const { body } = await t.call('GET', '/v1/ledger/checkpoints?limit=1');
    const latest = body.items[0];
    return latest?.cosignatures.some((c: { witness: string }) => c.witness === witness) ? latest : undefined;
  });

describe('witnesses cosigning the ledger', () => {
  let witness: WitnessProcess;
  let main: { t: TestService; dataDir: string; keyPem: string };
  beforeAll(async () => {
    const folder = ledgerFolder();
    witness = await startWitness({ logs: [folder.noteKey], name: 'procuratorate.test/witness' });
    const t = await startTestService(serviceEnv(folder.dataDir, [witness]));
    main = { t, dataDir: folder.dataDir, keyPem: folder.keyPem };
  });
  afterAll(async () => {
    await main?.t.stop();
    await witness?.remove();
  });

  it('when the log grows, then its checkpoints are cosigned, stored, served and bundled, and verify with a quorum', async () => {
    const { t } = main;
    const bundle = await caseBundle(t, 'county-justice', 'w-case-1');
    const note = unpack(bundle)
      .find((m) => m.name === CHECKPOINT)!
      .bytes.toString('utf8');
    const witnessKey = parseVerifierKey(witness.verifierKey)!;
    expect(verifyCosignatures(note, [witnessKey])!.valid.map((c) => c.name)).toEqual(['procuratorate.test/witness']);

    const file = path.join(tmp('bundle'), 'case.tar');
    fs.writeFileSync(file, bundle);
    const ok = await runCli([
      'verify',
      file,
      '--key',
      main.keyPem,
      '--witness',
      witness.verifierKey,
      '--quorum',
      '1',
      '--json',
    ]);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    expect(report.witnesses.cosignatures.map((c: { name: string }) => c.name)).toEqual(['procuratorate.test/witness']);

    // a second witness key that never cosigned: two of two cannot be met
    const other = await runCli(['witness', 'key', '--data', tmp('other-witness'), '--name', 'court.test/witness']);
    const two = await runCli([
      'verify',
      file,
      '--key',
      main.keyPem,
      '--witness',
      witness.verifierKey,
      '--witness',
      other.stdout.trim(),
      '--quorum',
      '2',
    ]);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('invalid: witness_quorum_not_met');

    // stored with the checkpoint and served: JSON, the bare note, the list
    const latest = await cosignedBy(t, 'procuratorate.test/witness');
    conforms('checkpoint-list', { items: [latest] });
    expect(verifyCosignatures(latest.cosignedNote, [witnessKey])!.valid).toHaveLength(1);
    const current = await t.call('GET', '/v1/ledger/checkpoint');
    conforms('checkpoint', current.body);
    const text = await fetch(`${t.url}/v1/ledger/checkpoint.txt`).then((r) => r.text());
    expect(text).toBe(current.body.cosignedNote);
    // the cosignature is listed once recorded, a moment before the submitter marks the witness up
    const metrics = await eventually('the witness reported up', async () => {
      const text = await fetch(`${t.url}/metrics`).then((r) => r.text());
      return text.includes('ledger_witness_up{witness="procuratorate.test/witness"} 1') ? text : undefined;
    });
    expect(metrics).toMatch(/ledger_witness_cosigned_size\{witness="procuratorate\.test\/witness"\} [1-9]/);
    expect(metrics).toContain('ledger_witness_up{witness="procuratorate.test/witness"} 1');
  });

  it('when another service signs a different history of the same size under the same key, then the witness refuses the fork', async () => {
    const cosigned = await cosignedBy(main.t, 'procuratorate.test/witness');
    const folder = ledgerFolder(main.dataDir);
    const { log, lines } = capturedLog('warn');
    const fork = await startTestService(serviceEnv(folder.dataDir, [witness]), { log });
    try {
      // register events until the forked log has exactly as many leaves as the cosigned checkpoint
      const { admin } = await seedAgency(fork, 'forked-agency');
      let size = (await fork.call('GET', '/v1/ledger/checkpoint')).body.size as number;
      for (let i = 0; size < cosigned.size; i++) {
        const res = await fork.call('POST', '/v1/items', {
          token: admin,
          body: { code: `F-${i}`, agency: 'forked-agency', name: '分叉', category: 'other', legalBasis: '无' },
        });
        expect(res.status).toBe(201);
        size = (await fork.call('GET', '/v1/ledger/checkpoint')).body.size as number;
      }
      expect(size).toBe(cosigned.size);
      const forked = (await fork.call('GET', '/v1/ledger/checkpoint')).body;
      expect(forked.rootHash).not.toBe(cosigned.rootHash);
      const refused = await eventually('the fork refused', async () => {
        const listed = await runCli(['witness', 'refusals', '--data', witness.dataDir, '--json']);
        return (JSON.parse(listed.stdout) as { kind: string; size: number; rootHash: string }[]).find(
          (r) => r.kind === 'fork' && r.rootHash === forked.rootHash,
        );
      });
      expect(refused.size).toBe(cosigned.size);
      const logged = await eventually('the refusal logged', async () =>
        lines.find((l) => l.reason === 'http_409' && String(l.msg).includes('refused')),
      );
      expect(logged).toMatchObject({ witness: 'procuratorate.test/witness', size: cosigned.size });
      // the forked service got no cosignature, and the genuine one is still cosigned
      const { body } = await fork.call('GET', '/v1/ledger/checkpoints?limit=1');
      expect(body.items[0].cosignatures).toEqual([]);
    } finally {
      await fork.stop();
    }
  });

  it('when another service presents a smaller tree under the same key, then the witness refuses the rollback', async () => {
    const cosigned = await cosignedBy(main.t, 'procuratorate.test/witness');
    const folder = ledgerFolder(main.dataDir);
    const rolledBack = await startTestService(serviceEnv(folder.dataDir, [witness]));
    try {
      const { admin } = await seedAgency(rolledBack, 'short', { officers: [] });
      expect(admin).toBeTruthy();
      const small = (await rolledBack.call('GET', '/v1/ledger/checkpoint')).body;
      expect(small.size).toBeLessThan(cosigned.size);
      const refused = await eventually('the rollback refused', async () => {
        const listed = await runCli(['witness', 'refusals', '--data', witness.dataDir, '--json']);
        return (JSON.parse(listed.stdout) as { kind: string; size: number }[]).find(
          (r) => r.kind === 'rollback' && r.size === small.size,
        );
      });
      expect(refused).toMatchObject({ cosignedSize: expect.any(Number) });
      // The witness records the refusal before its answer reaches the ledger, which then sets the gauge.
      const metrics = await eventually('the witness reported down', async () => {
        const text = await fetch(`${rolledBack.url}/metrics`).then((r) => r.text());
        return text.includes('ledger_witness_up{witness="procuratorate.test/witness"} 0') ? text : undefined;
      });
      expect(metrics).toContain('ledger_witness_up{witness="procuratorate.test/witness"} 0');
    } finally {
      await rolledBack.stop();
    }
  });
});

describe('a witness that is down', () => {
  it('when the witness is down, then the ledger keeps working, reports the missing cosignature, and catches up when it is back', async () => {
    const folder = ledgerFolder();
    let witness = await startWitness({ logs: [folder.noteKey], name: 'court.test/witness' });
    const { port, dataDir } = witness;
    await witness.stop();
    const { log, lines } = capturedLog('info');
    const t = await startTestService(serviceEnv(folder.dataDir, [witness]), { log });
    try {
      const { officer } = await seedAgency(t, 'county-a');
      const opened = await t.call('POST', '/v1/cases', {
        token: officer,
        body: {
          caseId: 'down-1',
          itemCode: 'P-001',
          title: '检查',
          openedOn: '2026-03-02',
          officers: ['alice', 'bob'],
          parties: [{ kind: 'organization', name: '某公司' }],
        },
      });
      expect(opened.status).toBe(201);
      const checkpoint = await t.call('GET', '/v1/ledger/checkpoint');
      expect(checkpoint.status).toBe(200);
      expect(checkpoint.body.cosignatures).toEqual([]);
      const missing = await eventually('the missing cosignature logged', async () =>
        lines.find((l) => String(l.msg).includes('missing cosignature') && l.reason === 'unreachable'),
      );
      expect(missing).toMatchObject({ witness: 'court.test/witness', url: witness.url });
      const metrics = await fetch(`${t.url}/metrics`).then((r) => r.text());
      expect(metrics).toContain('ledger_witness_up{witness="court.test/witness"} 0');
      expect(metrics).toMatch(
        /ledger_witness_failures_total\{witness="court\.test\/witness",reason="unreachable"\} [1-9]/,
      );
      expect(metrics).toMatch(/ledger_witness_missing_leaves\{witness="court\.test\/witness"\} [1-9]/);

      witness = await startWitness({ dataDir, port, name: 'court.test/witness' });
      const latest = await cosignedBy(t, 'court.test/witness');
      expect(latest.size).toBeGreaterThanOrEqual(checkpoint.body.size);
      expect(lines.some((l) => l.msg === 'witness: checkpoint cosigned' && l.witness === 'court.test/witness')).toBe(
        true,
      );
    } finally {
      await t.stop();
      await witness.remove();
    }
  });
});
