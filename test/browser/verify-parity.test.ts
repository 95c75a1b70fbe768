import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { caseBundle, pack, resign, tamperedBundles, unpack } from '../support/bundles.js';
import { signedCaseBundle } from '../support/officer-keys.js';
import { seedAgency } from '../support/service.js';
import { canonicalize } from '../../src/ledger/canonical-json.js';
import { uuidv7Generator } from '../../src/app/ids.js';
import { systemClock } from '../../src/adapters/clock/system-clock.js';
import { describeInBrowser, launchBrowser } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { startTestService, type TestService } from '../support/service.js';
import {
  attestAll,
  bundleOf,
  disclosedCase,
  startTrustedLedger,
  type TrustedLedger,
} from '../support/trusted-ledger.js';
import { cosignatureVerifierKey } from '../../src/ledger/cosignature.js';

/**
 * The same bundles, valid and tampered with, through `ledger verify --json` and through the `/verify` page's
 * bundle of the same src/ledger code running in Chromium (WebCrypto Ed25519): the reports are the same.
 */
describeInBrowser('the browser verifier and ledger verify', () => {
  let svc: TestService;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let bundles: Record<string, Buffer>;
  let keyFile: string;

  beforeAll(async () => {
    [svc, browser] = await Promise.all([startTestService(), launchBrowser()]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-parity-'));
    bundles = await tamperedBundles(await caseBundle(svc, 'county-justice', 'v-1'), svc.service.keys.eventSigner);
    keyFile = path.join(dir, 'ledger-key.pem');
    fs.writeFileSync(keyFile, svc.service.keys.eventSigner.publicKey.export({ type: 'spki', format: 'pem' }));
    page = await (await browser.newContext({ locale: 'en' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function cliReport(name: string, bytes: Buffer, key: string | undefined): Promise<unknown> {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.tar`);
    fs.writeFileSync(file, bytes);
    const run = await runCli(['verify', file, '--json', '--threads', '1', ...(key ? ['--key', key] : [])]);
    return JSON.parse(run.stdout);
  }

  async function browserReport(name: string, bytes: Buffer, key: string | undefined): Promise<unknown> {
    await page.goto(`${svc.url}/verify`);
    if (key) await page.fill('#verify-key', fs.readFileSync(key, 'utf8'));
    await page.setInputFiles('#verify-file', { name: `${name}.tar`, mimeType: 'application/x-tar', buffer: bytes });
    await page.waitForSelector('#verify-json', { state: 'attached', timeout: 60_000 });
    return JSON.parse((await page.locator('#verify-json').textContent())!);
  }

  for (const pinned of [false, true]) {
    it(`when each bundle is checked ${pinned ? 'with the service key given' : 'trusting its own keys'}, then the browser's report is the CLI's`, async () => {
      const codes: Record<string, string> = {};
      for (const [name, bytes] of Object.entries(bundles)) {
        const key = pinned ? keyFile : undefined;
        const cli = (await cliReport(name, bytes, key)) as { valid: boolean; failure?: { code: string } };
        expect({ name, report: await browserReport(name, bytes, key) }).toEqual({ name, report: cli });
        codes[name] = cli.valid ? 'valid' : cli.failure!.code;
      }
      // the tampering reached the checks it was meant to: each is named by its own failure
      expect(codes).toEqual({
        valid: 'valid',
        'event byte flipped': 'file_hash_mismatch',
        'event byte flipped, manifest signed again': 'event_hash_mismatch',
        'event signature flipped': 'signature_invalid',
        'proof flipped': 'proof_invalid',
        'manifest signature flipped': 'manifest_signature_invalid',
        'checkpoint signature flipped': 'checkpoint_invalid',
        'case tail cut, manifest made again': 'stream_incomplete',
        'checkpoint without stream heads, signed again': 'valid',
        'tail dropped': 'malformed',
      });
    });
  }

  it('when a bundle of the SM2 suite and its tampered copies are checked with its key given, then the browser verifies them with SM3 and SM2 and its report is the CLI’s', async () => {
    const sm2 = await startTestService({ LEDGER_CRYPTO_SUITE: 'sm2' });
    try {
      const signer = sm2.service.keys.eventSigner;
      const sm2Bundles = await tamperedBundles(await caseBundle(sm2, 'county-justice', 'v-sm2'), signer);
      const sm2Key = path.join(dir, 'sm2-key.pem');
      fs.writeFileSync(sm2Key, signer.publicKey.export({ type: 'spki', format: 'pem' }));
      const codes: Record<string, string> = {};
      for (const [name, bytes] of Object.entries(sm2Bundles)) {
        const cli = (await cliReport(`sm2 ${name}`, bytes, sm2Key)) as { valid: boolean; failure?: { code: string } };
        expect({ name, report: await browserReport(`sm2 ${name}`, bytes, sm2Key) }).toEqual({ name, report: cli });
        codes[name] = cli.valid ? 'valid' : cli.failure!.code;
      }
      expect(codes).toMatchObject({
        valid: 'valid',
        'event byte flipped, manifest signed again': 'event_hash_mismatch',
        'event signature flipped': 'signature_invalid',
        'proof flipped': 'proof_invalid',
        'checkpoint signature flipped': 'checkpoint_invalid',
        'case tail cut, manifest made again': 'stream_incomplete',
      });
    } finally {
      await sm2.stop();
    }
  });

  it('when a bundle holding an act its officer signed, and copies whose officer key file was altered, are checked, then the browser’s report is the CLI’s', async () => {
    const { bundle } = await signedCaseBundle(
      svc,
      (agency) => seedAgency(svc, agency),
      'city-market',
      'v-signed',
      canonicalize,
      uuidv7Generator(systemClock),
    );
    const members = unpack(bundle);
    const file = members.find((m) => m.name.startsWith('officers/'))!;
    const event = JSON.parse(file.bytes.toString('utf8'));
    event.data.validFrom = '2000-01-01';
    const altered = members.map((m) => (m === file ? { ...m, bytes: Buffer.from(JSON.stringify(event)) } : m));
    const signed: Record<string, Buffer> = {
      'signed act': bundle,
      'officer key altered, manifest signed again': await pack(resign(altered, svc.service.keys.eventSigner)),
      'officer keys dropped, manifest signed again': await pack(
        resign(
          members.filter((m) => !m.name.startsWith('officers/')),
          svc.service.keys.eventSigner,
        ),
      ),
    };
    const codes: Record<string, string> = {};
    for (const [name, bytes] of Object.entries(signed)) {
      const cli = (await cliReport(name, bytes, keyFile)) as { valid: boolean; failure?: { code: string } };
      expect({ name, report: await browserReport(name, bytes, keyFile) }).toEqual({ name, report: cli });
      codes[name] = cli.valid ? 'valid' : cli.failure!.code;
    }
    expect(codes).toEqual({
      'signed act': 'valid',
      'officer key altered, manifest signed again': 'officer_key_invalid',
      'officer keys dropped, manifest signed again': 'actor_key_unknown',
    });
  });

  it("when another key is given, then both refuse the bundle's signature as unknown, in the same report", async () => {
    const other = path.join(dir, 'other-key.pem');
    fs.writeFileSync(other, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    const cli = (await cliReport('valid', bundles.valid!, other)) as { failure?: { code: string } };
    expect(cli.failure?.code).toBe('unknown_key');
    expect(await browserReport('valid', bundles.valid!, other)).toEqual(cli);
  });
});

/**
 * A bundle whose checkpoints real witnesses cosigned and a real TSA (OpenSSL on loopback) time-stamped, with a
 * disclosure: `ledger verify --key --witness … --quorum N --tsa-ca` and the page given the same inputs (witness keys
 * one per line, the quorum, the CA certificate pasted or chosen as a file) report the same.
 */
describeInBrowser('the browser verifier and ledger verify, with witnesses and a TSA', () => {
  let l: TrustedLedger;
  let browser: Browser;
  let page: Page;
  let bundle: Buffer;
  let foreignCa: string;

  beforeAll(async () => {
    [l, browser] = await Promise.all([
      startTrustedLedger({
        origin: 'ledger.example.gov.cn/parity',
        witnesses: ['procuratorate.test/witness', 'court.test/witness'],
        tsa: true,
      }),
      launchBrowser(),
    ]);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await disclosedCase(l, 'P-ATTESTED', today, today);
    await attestAll(l);
    bundle = await bundleOf(l, 'P-ATTESTED');
    foreignCa = l.foreignCaFile!;
    page = await (await browser.newContext({ locale: 'en' })).newPage();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await l?.stop();
  });

  interface Inputs {
    readonly witnesses: readonly string[];
    readonly quorum?: number;
    readonly tsaCa?: string;
    /** Give the CA certificate as a chosen file rather than pasted. */
    readonly caAsFile?: boolean;
  }

  async function cliReport(inputs: Inputs): Promise<unknown> {
    const file = path.join(l.dir, `parity-${Math.random().toString(36).slice(2)}.tar`);
    fs.writeFileSync(file, bundle);
    const run = await runCli([
      'verify',
      file,
      '--json',
      '--threads',
      '1',
      '--key',
      l.keyFile,
      ...inputs.witnesses.flatMap((w) => ['--witness', w]),
      ...(inputs.quorum === undefined ? [] : ['--quorum', String(inputs.quorum)]),
      ...(inputs.tsaCa ? ['--tsa-ca', inputs.tsaCa] : []),
    ]);
    return JSON.parse(run.stdout);
  }

  async function browserReport(inputs: Inputs): Promise<unknown> {
    await page.goto(`${l.t.url}/verify`);
    await page.fill('#verify-key', fs.readFileSync(l.keyFile, 'utf8'));
    await page.fill('#verify-witnesses', inputs.witnesses.join('\n'));
    if (inputs.quorum !== undefined) await page.fill('#verify-quorum', String(inputs.quorum));
    if (inputs.tsaCa && inputs.caAsFile) {
      await page.setInputFiles('#verify-tsa-file', inputs.tsaCa);
      await page.waitForFunction(() => (document.getElementById('verify-tsa-ca') as HTMLTextAreaElement).value !== '');
    } else if (inputs.tsaCa) {
      await page.fill('#verify-tsa-ca', fs.readFileSync(inputs.tsaCa, 'utf8'));
    }
    await page.setInputFiles('#verify-file', { name: 'attested.tar', mimeType: 'application/x-tar', buffer: bundle });
    // the report, or what the page said instead (an input refused, or the check not completed)
    await page.waitForSelector('#verify-json, #verify-result .badge.bad, [aria-invalid="true"]', {
      state: 'attached',
      timeout: 60_000,
    });
    if ((await page.locator('#verify-json').count()) === 0) {
      const said = [
        await page.locator('#verify-result').textContent(),
        await page.locator('[role=status]').allTextContents(),
      ];
      throw new Error(`the page gave no report: ${JSON.stringify(said)}`);
    }
    return JSON.parse((await page.locator('#verify-json').textContent())!);
  }

  it('when both are given the witnesses, a quorum and the TSA CA, then the reports are the same, cosignatures, time-stamps and timeliness included', async () => {
    const cases: [string, Inputs][] = [
      ['all', { witnesses: l.witnessKeys, quorum: 2, tsaCa: l.tsaCaFile! }],
      ['CA as a file, default quorum', { witnesses: l.witnessKeys, tsaCa: l.tsaCaFile!, caAsFile: true }],
      ['one witness', { witnesses: [l.witnessKeys[1]!], quorum: 1 }],
    ];
    for (const [name, inputs] of cases) {
      const cli = (await cliReport(inputs)) as Record<string, unknown>;
      expect({ name, report: await browserReport(inputs) }).toEqual({ name, report: cli });
      expect(cli).toMatchObject({ valid: true, witnesses: { cosignatures: expect.any(Array) } });
      expect((cli.disclosures as { status: string }[])[0]).toMatchObject({ status: 'on_time' });
    }
    const all = (await cliReport(cases[0]![1])) as {
      timestamps: { trusted: boolean }[];
      witnesses: { cosignatures: unknown[] };
    };
    expect(all.timestamps.length).toBeGreaterThan(0);
    expect(all.timestamps.every((s) => s.trusted)).toBe(true);
    expect(all.witnesses.cosignatures).toHaveLength(2);
  });

  it('when a witness that never cosigned is required, or the CA is another one, then both refuse the bundle alike', async () => {
    const stranger = cosignatureVerifierKey('stranger.test/witness', generateKeyPairSync('ed25519').publicKey);
    const cases: [string, Inputs, string][] = [
      ['quorum not met', { witnesses: [...l.witnessKeys, stranger], quorum: 3 }, 'witness_quorum_not_met'],
      ['foreign CA', { witnesses: l.witnessKeys, tsaCa: foreignCa }, 'timestamp_untrusted'],
    ];
    for (const [name, inputs, code] of cases) {
      const cli = (await cliReport(inputs)) as { failure?: { code: string } };
      expect({ name, code: cli.failure?.code }).toEqual({ name, code });
      expect({ name, report: await browserReport(inputs) }).toEqual({ name, report: cli });
    }
  });
});
