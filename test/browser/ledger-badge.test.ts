import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { describeInBrowser, launchBrowser, seriousViolations } from '../support/browser.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { localMinuteWithOffset } from '../../src/web/pages/labels.js';

/**
 * The ledger badge in Chromium against a real service: a published decision's event checked against the signed
 * checkpoint and its inclusion proof; the badge fails, naming the step, when a response is tampered with.
 */
describeInBrowser('the ledger badge in Chromium', () => {
  const today = '2026-03-02';
  let svc: TestService;
  let browser: Browser;
  let context: BrowserContext;
  let disclosed: { id: string; hash: string };

  beforeAll(async () => {
    [svc, browser] = await Promise.all([startTestService(), launchBrowser()]);
    const { officer } = await seedAgency(svc, 'county-justice');
    const opened = await svc.call('POST', '/v1/cases', {
      token: officer,
      body: {
        caseId: 'd-1',
        itemCode: 'P-001',
        title: '某律所未公示执业信息案',
        openedOn: today,
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某律师事务所' }],
      },
    });
    expect(opened.status).toBe(201);
    const at = `${today}T10:00:00+08:00`;
    for (const act of [
      {
        type: 'DecisionIssued',
        data: {
          decisionType: 'warning',
          legalBasis: '《律师法》第五十条',
          documentNo: '司罚〔2026〕7号',
          decidedOn: today,
        },
      },
      { type: 'DecisionDisclosed', data: { publishedOn: today } },
    ]) {
      const res = await svc.call('POST', '/v1/cases/d-1/acts', { token: officer, body: { occurredAt: at, ...act } });
      expect([act.type, res.status]).toEqual([act.type, 201]);
    }
    const events = await svc.call('GET', '/v1/cases/d-1/events', { token: officer });
    disclosed = (events.body.events as { id: string; hash: string; type: string }[]).find(
      (e) => e.type === 'DecisionDisclosed',
    )!;
  });
  beforeEach(async () => {
    context = await browser.newContext({ locale: 'zh-CN' });
  });
  afterEach(() => context.close());
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  });

  /**
   * A page of the service's origin that carries the badge as a decision page does (served by the test, so the
   * badge is tested on its own), with the portal's bundled badge script; `intercept` routes the page's requests
   * before it loads.
   */
  async function decisionPage(
    attributes: string,
    lang = 'zh-CN',
    intercept: (page: Page) => Promise<unknown> = async () => undefined,
  ): Promise<Page> {
    const page = await context.newPage();
    await intercept(page);
    await page.route(`${svc.url}/badge-test`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>
          <script type="module" src="/assets/badge.js"></script></head>
          <body><main><p id="ledger-badge" ${attributes}>…</p></main></body></html>`,
      }),
    );
    await page.goto(`${svc.url}/badge-test`);
    return page;
  }

  async function verdict(page: Page): Promise<{ verified: string | null; text: string | null }> {
    await page.waitForSelector('#ledger-badge[data-verified]', { timeout: 60_000 });
    return {
      verified: await page.getAttribute('#ledger-badge', 'data-verified'),
      text: await page.locator('#ledger-badge').textContent(),
    };
  }

  /** Answers the route with the service's own answer, changed by `edit`. */
  const tampered = (edit: (body: any) => any) => async (route: Route) => {
    const response = await route.fetch();
    route.fulfill({ response, json: edit(await response.json()) });
  };

  it('when a published decision is shown, then the badge verifies it against the signed checkpoint', async () => {
    const page = await decisionPage(`data-event-id="${disclosed.id}" data-event-hash="${disclosed.hash}"`);
    const { verified, text } = await verdict(page);
    expect(verified).toBe('true');
    const checkpoint = await svc.call('GET', '/v1/ledger/checkpoint');
    expect(text).toMatch(new RegExp(`^已记入账本 · 检查点大小 ${checkpoint.body.size} · \\S`));
    expect(await page.getAttribute('#ledger-badge', 'aria-live')).toBe('polite');
    expect(await page.getAttribute('#ledger-badge', 'role')).toBe('status');
  });

  it('when the decision page is opened, then its badge verifies the decision in the ledger, accessibly', async () => {
    const page = await context.newPage();
    await page.goto(`${svc.url}/disclosures/county-justice/d-1`);
    expect(await page.getAttribute('#ledger-badge', 'data-event-id')).toBe(disclosed.id);
    // the page names the event's hash too, so the badge checks that the proven leaf is that event's
    expect(await page.getAttribute('#ledger-badge', 'data-event-hash')).toBe(disclosed.hash);
    const { verified, text } = await verdict(page);
    expect([verified, text]).toEqual(['true', expect.stringMatching(/^已记入账本 · 检查点大小 \d+ · \S/)]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("when a reader in another time zone opens the decision page, then the badge gives the checkpoint's time in the agency's, with its offset", async () => {
    const elsewhere = await browser.newContext({ locale: 'zh-CN', timezoneId: 'America/New_York' });
    try {
      const page = await elsewhere.newPage();
      await page.goto(`${svc.url}/disclosures/county-justice/d-1`);
      expect(await page.getAttribute('#ledger-badge', 'data-utc-offset')).toBe('480');
      const { verified, text } = await verdict(page);
      expect(verified).toBe('true');
      const [, size, shown] = /^已记入账本 · 检查点大小 (\d+) · (.+)$/.exec(text ?? '') ?? [];
      const issuedAt = (await svc.call('GET', `/v1/ledger/checkpoints?limit=100`)).body.items.find(
        (c: { size: number }) => c.size === Number(size),
      )?.issuedAt as string;
      expect(shown).toBe(localMinuteWithOffset(issuedAt, 480));
      expect(shown).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \+08:00$/);
    } finally {
      await elsewhere.close();
    }
  });

  it('when the decision page gets a tampered proof, then its badge says it could not verify', async () => {
    const page = await context.newPage();
    await page.route(
      '**/v1/ledger/proof/inclusion?**',
      tampered((body) => ({ ...body, leafIndex: body.leafIndex + 1 })),
    );
    await page.goto(`${svc.url}/disclosures/county-justice/d-1`);
    const { verified, text } = await verdict(page);
    expect([verified, text]).toEqual(['false', expect.stringMatching(/^未能验证已记入账本：/)]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('when the page is in English and gives no event hash, then the badge verifies the proof and says so in English', async () => {
    const page = await decisionPage(`data-event-id="${disclosed.id}"`, 'en');
    const { verified, text } = await verdict(page);
    expect(verified).toBe('true');
    expect(text).toMatch(/^Recorded in the ledger · checkpoint size \d+ · /);
  });

  it('when the inclusion proof is tampered with, then the badge says it could not verify, at the proof', async () => {
    const page = await decisionPage(`data-event-id="${disclosed.id}"`, 'zh-CN', (p) =>
      p.route(
        '**/v1/ledger/proof/inclusion?**',
        tampered((body) => {
          const first = body.proof[0] as string;
          return { ...body, proof: [(first[0] === 'A' ? 'B' : 'A') + first.slice(1), ...body.proof.slice(1)] };
        }),
      ),
    );
    expect(await verdict(page)).toEqual({
      verified: 'false',
      text: '未能验证已记入账本：包含证明与检查点的根哈希不符',
    });
  });

  it('when the checkpoint note is tampered with, then the badge says its signature does not match', async () => {
    const page = await decisionPage(`data-event-id="${disclosed.id}"`, 'zh-CN', (p) =>
      p.route(
        '**/v1/ledger/checkpoint',
        tampered((body) => {
          const lines = (body.note as string).split('\n');
          lines[1] = String(Number(lines[1]) + 1); // a larger tree than was signed
          return { ...body, note: lines.join('\n') };
        }),
      ),
    );
    expect(await verdict(page)).toEqual({
      verified: 'false',
      text: '未能验证已记入账本：检查点的签名与账本公布的公钥不符',
    });
  });

  it('when the browser cannot verify Ed25519, then the badge says so rather than that the ledger is wrong', async () => {
    const page = await decisionPage(`data-event-id="${disclosed.id}"`, 'zh-CN', (p) =>
      p.addInitScript(() => {
        const subtle = crypto.subtle;
        const importKey = subtle.importKey.bind(subtle) as (...args: unknown[]) => Promise<CryptoKey>;
        subtle.importKey = ((...args: unknown[]) =>
          (args[2] as { name?: string })?.name === 'Ed25519'
            ? Promise.reject(new DOMException('no Ed25519', 'NotSupportedError'))
            : importKey(...args)) as typeof subtle.importKey;
      }),
    );
    expect(await verdict(page)).toEqual({
      verified: 'false',
      text: '未能验证已记入账本：此浏览器无法验证 Ed25519 签名（需要较新的浏览器，并通过 HTTPS 访问）',
    });
  });

  it('when the page names another hash for the event, then the badge says the proven record is not this event', async () => {
    const other = disclosed.hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const page = await decisionPage(`data-event-id="${disclosed.id}" data-event-hash="${other}"`);
    expect(await verdict(page)).toEqual({ verified: 'false', text: '未能验证已记入账本：包含证明中的记录不是该事件' });
  });
});
