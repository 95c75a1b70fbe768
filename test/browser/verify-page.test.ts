import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { caseBundle, tamperedBundles } from '../support/bundles.js';
import { describeInBrowser, launchBrowser, seriousViolations } from '../support/browser.js';
import { startTestService, type TestService } from '../support/service.js';
import { makeTsaPki, type TsaPki } from '../support/tsa.js';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cosignatureVerifierKey } from '../../src/ledger/cosignature.js';

/** `/verify` in Chromium: a bundle checked in the page, never sent; the report in plain words; keyboard and axe. */
describeInBrowser('the /verify page in Chromium', () => {
  let svc: TestService;
  let browser: Browser;
  let context: BrowserContext;
  let bundles: Record<string, Buffer>;

  beforeAll(async () => {
    [svc, browser] = await Promise.all([startTestService(), launchBrowser()]);
    bundles = await tamperedBundles(await caseBundle(svc, 'county-justice', 'p-1'), svc.service.keys.eventSigner);
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'zh-CN' });
  });
  afterEach(() => context.close());
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });

  /** Every request the page makes, with the bytes it sends. */
  function recordRequests(page: Page): Request[] {
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    return requests;
  }

  function expectNoUpload(requests: readonly Request[]): void {
    expect(requests.length).toBeGreaterThan(0); // the recording is live: the page's own loads are in it
    for (const r of requests) {
      expect({ url: r.url(), method: r.method(), sent: r.postDataBuffer()?.length ?? 0 }).toEqual({
        url: r.url(),
        method: 'GET',
        sent: 0,
      });
      expect(r.url()).not.toContain('/v1/verify');
    }
  }

  const result = (page: Page) => page.locator('#verify-result');

  async function choose(page: Page, name: string): Promise<void> {
    await page.setInputFiles('#verify-file', {
      name: `${name}.tar`,
      mimeType: 'application/x-tar',
      buffer: bundles[name]!,
    });
    await page.waitForSelector('#verify-json', { state: 'attached', timeout: 60_000 });
  }

  it('when the bundle holds a decision, then the page names its document number and date', async () => {
    const decided = await caseBundle(svc, 'county-market', 'd-1', [
      { type: 'PartyNotified', data: { grounds: '未公示执业信息', rights: '已告知陈述、申辩的权利' } },
      {
        type: 'DecisionIssued',
        data: {
          decisionType: 'warning',
          legalBasis: '《律师法》第五十条',
          documentNo: '县市监罚〔2026〕9号',
          decidedOn: '2026-03-02',
        },
      },
    ]);
    const page = await context.newPage();
    await page.goto(`${svc.url}/verify`);
    await page.setInputFiles('#verify-file', { name: 'decided.tar', mimeType: 'application/x-tar', buffer: decided });
    await page.waitForSelector('#verify-json', { state: 'attached', timeout: 60_000 });
    expect(await result(page).textContent()).toContain('决定书 县市监罚〔2026〕9号，2026-03-02 作出。');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when a valid bundle is chosen, then it is reported valid, and no request carried it', async () => {
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.goto(`${svc.url}/verify`);
    expect(await page.locator('#verify-needs-js').isVisible()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await choose(page, 'valid');
    const text = await result(page).textContent();
    // checked against its own keys only: consistent with itself, which does not show it came from this ledger
    expect(text).toContain('仅证明自身一致');
    expect(text).not.toContain('有效：');
    expect(text).toContain('3 个事件');
    // in the agency's time (UTC+8 here), with the offset written, as the portal shows its other times
    expect(text).toMatch(
      /导出时间：\d{4}-\d\d-\d\d \d\d:\d\d \+08:00。证据包所含为该检查点时账本中的案件记录，此后记录的执法行为不在其中/,
    );
    expect(text).toContain('证据包自带');
    // which key signed what, so that the ids compared with the published keys are the signers'
    const keys = await result(page).locator('ul.verify-keys li').allTextContents();
    expect(keys).toEqual([expect.stringMatching(/^[0-9a-f]{64} （证据包自带），签署了清单和检查点$/)]);
    // the case's records and its access records, proven whole at the checkpoint
    expect(text).toMatch(/完整性已证明：检查点（规模 \d+）时/);
    const complete = await result(page).locator('ul.verify-complete li').allTextContents();
    expect(complete).toEqual([
      expect.stringMatching(/^case-.+ 共 3 条（编号 0 至 2）$/),
      expect.stringMatching(/^access-.+ /),
    ]);
    expect(await result(page).getAttribute('aria-live')).toBe('polite');
    expect(await seriousViolations(page)).toEqual([]);
    // against the ledger's published keys, it is valid
    await page.click('#verify-fetch-keys');
    await page.waitForFunction(() => document.getElementById('verify-key-status')?.textContent !== '');
    await page.click('#verify-submit');
    await page.waitForFunction(() => document.getElementById('verify-json')?.textContent?.includes('"given"'));
    expect(await result(page).textContent()).toContain('有效：证据包完整');
    expectNoUpload(requests);
  });

  it('when a valid bundle whose checkpoint commits to no stream heads is chosen, then it is valid and the page says its completeness is not proven', async () => {
    const page = await context.newPage();
    await page.goto(`${svc.url}/verify`);
    await choose(page, 'checkpoint without stream heads, signed again');
    const text = await result(page).textContent();
    expect(text).toContain('仅证明自身一致');
    expect(text).toContain('完整性未证明');
    expect(text).not.toContain('完整性已证明');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when a bundle with a flipped byte is chosen, then the failure is named and explained, and nothing is sent', async () => {
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.goto(`${svc.url}/verify`);
    await choose(page, 'event byte flipped');
    const text = await result(page).textContent();
    expect(text).toContain('技术细节（file_hash_mismatch）');
    expect(text).toContain('文件被改动过');
    await choose(page, 'event signature flipped');
    expect(await result(page).textContent()).toContain('技术细节（signature_invalid）');
    // a bundle compressed, as a download or a mail may leave it: what to do, in Chinese
    bundles['compressed'] = gzipSync(bundles['valid']!);
    await choose(page, 'compressed');
    expect(await result(page).textContent()).toContain(
      '该文件是用 gzip 压缩过的证据包：请先解压（得到 .tar 文件），再核验解压出的 .tar 文件。',
    );
    expect(await seriousViolations(page)).toEqual([]);
    expectNoUpload(requests);
  });

  it('when the reader uses only the keyboard, then they can choose a file, fetch the published keys and verify', async () => {
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.goto(`${svc.url}/verify?lang=en`);
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    async function tabTo(id: string): Promise<void> {
      for (let i = 0; i < 40 && (await focused()) !== id; i++) await page.keyboard.press('Tab');
      expect(await focused()).toBe(id);
    }
    // listening for the chooser turns on its interception in the browser, which takes a round trip: start before
    // tabbing, so that the key press cannot open a native dialog the test never hears of
    const chooser = page.waitForEvent('filechooser', { timeout: 120_000 });
    await tabTo('verify-file');
    await page.keyboard.press('Space');
    await (
      await chooser
    ).setFiles({ name: 'case.tar', mimeType: 'application/x-tar', buffer: bundles['proof flipped']! });
    await page.waitForSelector('#verify-json', { state: 'attached', timeout: 60_000 });
    expect(await result(page).textContent()).toContain('Technical detail (proof_invalid)');

    await tabTo('verify-fetch-keys');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('verify-key-status')?.textContent !== '');
    expect(await page.locator('#verify-key-status').textContent()).toBe('Filled in the 1 keys this ledger publishes.');
    await tabTo('verify-submit');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('verify-json')?.textContent?.includes('"given"'));
    const report = JSON.parse((await page.locator('#verify-json').textContent())!);
    expect([report.valid, report.failure.code, report.trustedKeys[0].source]).toEqual([
      false,
      'proof_invalid',
      'given',
    ]);
    expect(requests.filter((r) => r.url().endsWith('/v1/ledger/keys')).length).toBe(1);
    expectNoUpload(requests);
  });

  it('when a bundle is dropped on the page, then it is checked there, and nothing is sent', async () => {
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.goto(`${svc.url}/verify`);
    const dropped = await page.evaluateHandle((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'case.tar', { type: 'application/x-tar' }));
      return transfer;
    }, bundles['checkpoint signature flipped']!.toString('base64'));
    await page.dispatchEvent('#verify-drop', 'dragover', { dataTransfer: dropped });
    await page.dispatchEvent('#verify-drop', 'drop', { dataTransfer: dropped });
    await page.waitForSelector('#verify-json', { state: 'attached', timeout: 60_000 });
    expect(await result(page).textContent()).toContain('技术细节（checkpoint_invalid）');
    expect(
      await page.evaluate(() => (document.getElementById('verify-file') as HTMLInputElement).files?.[0]?.name),
    ).toBe('case.tar');
    expectNoUpload(requests);
  });

  it('when the browser cannot verify Ed25519, then the page says so and gives no verdict', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const subtle = crypto.subtle;
      const importKey = subtle.importKey.bind(subtle) as (...args: unknown[]) => Promise<CryptoKey>;
      subtle.importKey = ((...args: unknown[]) =>
        (args[2] as { name?: string })?.name === 'Ed25519'
          ? Promise.reject(new DOMException('no Ed25519', 'NotSupportedError'))
          : importKey(...args)) as typeof subtle.importKey;
    });
    await page.goto(`${svc.url}/verify`);
    await page.setInputFiles('#verify-file', { name: 'a.tar', mimeType: 'application/x-tar', buffer: bundles.valid! });
    await page.waitForSelector('#verify-result .badge.bad', { timeout: 60_000 });
    expect(await result(page).textContent()).toContain('此浏览器无法验证 Ed25519 签名');
    expect(await page.locator('#verify-json').count()).toBe(0);
  });

  it('when pasted text is not a public key, then the page says so and checks nothing', async () => {
    const page = await context.newPage();
    await page.goto(`${svc.url}/verify`);
    await page.fill('#verify-key', 'not a key');
    await page.setInputFiles('#verify-file', { name: 'a.tar', mimeType: 'application/x-tar', buffer: bundles.valid! });
    expect(await page.locator('#verify-key-status').textContent()).toBe(
      '粘贴的内容不是 PEM 格式的 Ed25519 或 SM2 公钥。',
    );
    expect(await page.getAttribute('#verify-key', 'aria-invalid')).toBe('true');
    expect(await page.locator('#verify-json').count()).toBe(0);
  });

  it('when the page is read on a phone, then nothing is wider than the screen', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${svc.url}/verify`);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.setInputFiles('#verify-file', { name: 'a.tar', mimeType: 'application/x-tar', buffer: bundles.valid! });
    await page.waitForSelector('#verify-json', { state: 'attached', timeout: 60_000 });
    expect(await overflow()).toBeLessThanOrEqual(0);
  });

  it('when a bundle was found valid and a bad key is then pasted, then the old verdict goes and the page says nothing was checked', async () => {
    const page = await context.newPage();
    await page.goto(`${svc.url}/verify`);
    await page.setInputFiles('#verify-file', { name: 'a.tar', mimeType: 'application/x-tar', buffer: bundles.valid! });
    await page.waitForSelector('#verify-result .badge.self', { timeout: 60_000 });
    await page.fill('#verify-key', 'not a key');
    await page.click('#verify-submit');
    await page.waitForSelector('#verify-result .badge.pending');
    const text = await result(page).textContent();
    expect(text).toContain('尚未核验');
    expect(text).not.toContain('有效');
    expect(await page.locator('#verify-json').count()).toBe(0);
  });

  it('when the reader gives witness keys, a quorum and a TSA CA, then the inputs are checked, named in Chinese, and passed to the verifier', async () => {
    const page = await context.newPage();
    const requests = recordRequests(page);
    await page.goto(`${svc.url}/verify`);
    const main = await page.locator('main').textContent();
    expect(main).toContain('见证方（可选）');
    expect(main).toContain('时间戳机构的 CA 证书（可选）');
    expect(await seriousViolations(page)).toEqual([]);

    // a line that is no witness key: said next to the field, nothing checked
    await page.fill('#verify-witnesses', 'not a witness key');
    await page.setInputFiles('#verify-file', { name: 'a.tar', mimeType: 'application/x-tar', buffer: bundles.valid! });
    expect(await page.locator('#verify-witness-status').textContent()).toBe(
      '有一行不是见证方的验证密钥（<名称>+<密钥编号>+<base64>）。',
    );
    expect(await page.getAttribute('#verify-witnesses', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('verify-witnesses');
    expect(await page.locator('#verify-json').count()).toBe(0);

    // two keys and a quorum above them
    const keys = ['procuratorate.test/witness', 'court.test/witness'].map((name) =>
      cosignatureVerifierKey(name, generateKeyPairSync('ed25519').publicKey),
    );
    await page.fill('#verify-witnesses', `${keys[0]}\n\n${keys[1]}\n`);
    await page.fill('#verify-quorum', '3');
    await page.click('#verify-submit');
    expect(await page.locator('#verify-witness-status').textContent()).toBe(
      '数量须为 1 到所填见证方密钥个数之间的整数，且须先填写见证方密钥。',
    );
    expect(await page.getAttribute('#verify-quorum', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#verify-witnesses', 'aria-invalid')).toBeNull();

    // a CA that is no certificate
    await page.fill('#verify-quorum', '1');
    await page.fill('#verify-tsa-ca', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----');
    await page.click('#verify-submit');
    expect(await page.locator('#verify-tsa-status').textContent()).toBe('所填内容不是 PEM 格式的 RSA 证书。');
    expect(await page.getAttribute('#verify-tsa-ca', 'aria-invalid')).toBe('true');

    // a CA certificate chosen as a file fills the field; the bundle, cosigned by neither witness, misses the quorum
    let pki: TsaPki | undefined;
    try {
      pki = await makeTsaPki();
      await page.setInputFiles('#verify-tsa-file', pki.caFile);
      await page.waitForFunction(() => document.getElementById('verify-tsa-status')?.textContent !== '');
      expect(await page.locator('#verify-tsa-status').textContent()).toBe('已读入证书文件 ca.pem。');
      expect(await page.inputValue('#verify-tsa-ca')).toBe(pki.caPem);
      await page.click('#verify-submit');
      await page.waitForSelector('#verify-json', { state: 'attached', timeout: 60_000 });
      const text = await result(page).textContent();
      expect(text).toContain('技术细节（witness_quorum_not_met）');
      expect(text).toContain('联署该检查点的指定见证方少于所要求的数量');
      const report = JSON.parse((await page.locator('#verify-json').textContent())!);
      expect(report.failure.detail).toContain('0 of the given witnesses, 1 required');
      expect(await seriousViolations(page)).toEqual([]);
      expectNoUpload(requests);
    } finally {
      pki?.remove();
    }
  });

  it('when JavaScript is off, then the page explains itself and how to verify with the CLI or the API', async () => {
    const noScript = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    try {
      const page = await noScript.newPage();
      await page.goto(`${svc.url}/verify`);
      expect(await page.locator('#verify-form').isVisible()).toBe(false);
      const main = await page.locator('main').textContent();
      expect(main).toContain('本页需要启用 JavaScript');
      expect(main).toContain('npx ledger verify case.tar --key ledger-key.pem');
      expect(main).toContain(`${svc.url}/v1/verify`);
      // the key command keeps every published key (a bundle signed after a rotation is signed with the second)
      const script = /node -p '([^']+)' > ledger-key\.pem/.exec(main ?? '')?.[1];
      expect(script).toBeDefined();
      const pems = ['one', 'two'].map((k) => `-----BEGIN PUBLIC KEY-----\n${k}\n-----END PUBLIC KEY-----\n`);
      const written = execFileSync(process.execPath, ['-p', script!], {
        input: JSON.stringify({ keys: pems.map((publicKeyPem, i) => ({ keyId: String(i), publicKeyPem })) }),
      }).toString();
      expect(written).toBe(`${pems.join('')}\n`);
    } finally {
      await noScript.close();
    }
  });
});
