import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { caseBundle, tamperedBundles } from '../support/bundles.js';
import { describeInBrowser, launchBrowser } from '../support/browser.js';
import { runCli } from '../support/cli.js';
import { startTestService, type TestService } from '../support/service.js';

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
        'tail dropped': 'malformed',
      });
    });
  }

  it("when another key is given, then both refuse the bundle's signature as unknown, in the same report", async () => {
    const other = path.join(dir, 'other-key.pem');
    fs.writeFileSync(other, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    const cli = (await cliReport('valid', bundles.valid!, other)) as { failure?: { code: string } };
    expect(cli.failure?.code).toBe('unknown_key');
    expect(await browserReport('valid', bundles.valid!, other)).toEqual(cli);
  });
});
