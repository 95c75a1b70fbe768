import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { loadOrCreateKeys } from '../../src/adapters/keys/file-keyring.js';
import { verifierKey } from '../../src/ledger/checkpoint.js';
import { buildGoProgram, goUnavailable } from '../support/go.js';
import { seedAgency, startTestService, testSuite, type TestService } from '../support/service.js';
import { startWitness, type WitnessProcess } from '../support/witness.js';

/**
 * Independent implementations accept what the ledger makes: Go's golang.org/x/mod/sumdb/note opens the served
 * checkpoint with the published note key, golang.org/x/mod/sumdb/tlog checks an inclusion proof (CheckRecord) and a
 * consistency proof (CheckTree) fetched from the service, and a cosignature/v1 verifier written in Go from the C2SP
 * text checks the witness's cosignature (test/support/go-interop/main.go).
 */

const ORIGIN = 'ledger.example.gov.cn/interop';
const missing = goUnavailable();
// Go's note package knows the assigned signature types only (docs/integrity.md §17): this file checks interoperability
// of the Ed25519 suite, whatever suite the test run is in
if (missing === undefined && testSuite.name !== 'ed25519') {
  console.log(`Go interoperability: runs on the Ed25519 suite, not ${testSuite.name}: Go's tooling has no SM2 notes`);
}

if (missing !== undefined) {
  console.log(`Go interoperability: SKIPPED: ${missing}`);
} else {
  describe('interoperability with Go (golang.org/x/mod/sumdb)', () => {
    let dir: string;
    let program: string;
    let witness: WitnessProcess;
    let t: TestService;
    let noteKey: string;
    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-go-'));
      program = buildGoProgram('go-interop', dir);
      const dataDir = path.join(dir, 'ledger');
      const { eventSigner } = loadOrCreateKeys(path.join(dataDir, 'keys'), systemClock, 'ed25519');
      noteKey = verifierKey(ORIGIN, eventSigner.publicKey);
      witness = await startWitness({ logs: [noteKey], name: 'witness.example.gov.cn/interop' });
      t = await startTestService({
        LEDGER_CRYPTO_SUITE: 'ed25519',
        LEDGER_DATA_DIR: dataDir,
        LEDGER_LOG_ORIGIN: ORIGIN,
        WITNESSES: `${witness.url} ${witness.verifierKey}`,
        WITNESS_RETRY_MAX_SECONDS: '1',
      });
    });
    afterAll(async () => {
      await t?.stop();
      await witness?.remove();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    const run = (input: unknown) => {
      const result = spawnSync(program, [], { input: JSON.stringify(input), encoding: 'utf8', timeout: 60_000 });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    };

    it('when Go checks the served note, cosignature, inclusion and consistency proofs, then all verify; a flipped proof byte does not', async () => {
      const { admin } = await seedAgency(t, 'county-go');
      const first = (await t.call('GET', '/v1/ledger/checkpoint')).body;
      const item = await t.call('POST', '/v1/items', {
        token: admin,
        body: { code: 'G-1', agency: 'county-go', name: '互通', category: 'other', legalBasis: '无' },
      });
      expect(item.status).toBe(201);
      // the checkpoint that covers the new event, once the witness cosigned it
      let latest: { size: number; cosignedNote: string; cosignatures: unknown[] } | undefined;
      for (let i = 0; i < 1200 && !latest; i++) {
        const body = (await t.call('GET', '/v1/ledger/checkpoint')).body;
        if (body.size > first.size && body.cosignatures.length > 0) latest = body;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(latest).toBeDefined();
      const registered = (await itemEvent(t))!;
      expect(registered).toBeDefined();
      const inclusion = (
        await t.call('GET', `/v1/ledger/proof/inclusion?eventId=${registered.id}&treeSize=${latest!.size}`)
      ).body;
      const consistency = (await t.call('GET', `/v1/ledger/proof/consistency?from=${first.size}&to=${latest!.size}`))
        .body;
      const input = {
        logKey: noteKey,
        witnessKeys: [witness.verifierKey],
        note: latest!.cosignedNote,
        inclusion: { ...inclusion, eventHash: registered.hash },
        consistency: { ...consistency, fromRoot: first.rootHash },
      };
      const ok = run(input);
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      const report = JSON.parse(ok.stdout);
      expect(report).toMatchObject({ origin: ORIGIN, size: latest!.size, inclusion: 'ok', consistency: 'ok' });
      expect(report.verifiedBy.sort()).toEqual([ORIGIN, 'witness.example.gov.cn/interop'].sort());
      expect(report.cosignatures[0].name).toBe('witness.example.gov.cn/interop');

      const flip = (b64: string) =>
        Buffer.from(Buffer.from(b64, 'base64').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64');
      const badInclusion = run({
        ...input,
        inclusion: { ...input.inclusion, proof: [flip(inclusion.proof[0]), ...inclusion.proof.slice(1)] },
      });
      expect([badInclusion.status, badInclusion.stderr]).toEqual([1, expect.stringContaining('tlog.CheckRecord')]);
      const badConsistency = run({ ...input, consistency: { ...input.consistency, fromRoot: flip(first.rootHash) } });
      expect([badConsistency.status, badConsistency.stderr]).toEqual([1, expect.stringContaining('tlog.CheckTree')]);
      // a cosignature whose signature bytes changed: the note is refused; one whose key ID changed: it is ignored
      const lines = latest!.cosignedNote.trimEnd().split('\n');
      const [dash, name, signature] = lines.at(-1)!.split(' ') as [string, string, string];
      const withLine = (line: string) => `${[...lines.slice(0, -1), line].join('\n')}\n`;
      const bytes = Buffer.from(signature, 'base64');
      const lastByte = Buffer.from(bytes.map((b, i) => (i === bytes.length - 1 ? b ^ 1 : b))).toString('base64');
      const forged = run({ ...input, note: withLine(`${dash} ${name} ${lastByte}`) });
      expect([forged.status, forged.stderr]).toEqual([1, expect.stringContaining('the note')]);
      const unknown = run({ ...input, note: withLine(`${dash} ${name} ${flip(signature)}`) });
      expect(unknown.status).toBe(0);
      expect(JSON.parse(unknown.stdout).verifiedBy).toEqual([ORIGIN]);
    });
  });
}

/** The `ItemRegistered` event of item G-1, wherever the registry keeps it. */
async function itemEvent(t: TestService) {
  const all = await t.service.events.readAll({ limit: 100_000 });
  return all
    .map((r) => r.event)
    .find((e) => e.type === 'ItemRegistered' && (e.data as { code?: string }).code === 'G-1');
}
