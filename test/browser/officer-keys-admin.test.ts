import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { officerKeyPair } from '../support/officer-keys.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { AGENCY } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser("the administrator revokes an officer's signing key in Chromium (签名密钥)", () => {
  const s = useScreensInBrowser();
  let keyId: string;
  beforeAll(async () => {
    const registered = await s.f.t.call('POST', '/v1/officers/alice/keys', {
      token: s.f.admin,
      body: { publicKey: officerKeyPair().spki, validFrom: '2018-01-01' },
    });
    expect(registered.status).toBe(201);
    keyId = registered.body.keyId;
    await s.f.t.service.readModelsCaughtUp();
  });

  it("when the admin revokes a key from the officer's page, then the form asks for a reason first, and the page and the public list then show it revoked", async () => {
    const { page } = await s.signIn(s.f.admin);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '执法人员管理' }).click()]);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '管理：执法人员alice' }).click()]);
    expect(await page.getByRole('heading', { level: 2, name: '签名密钥' }).count()).toBe(1);
    const row = page.getByRole('row', { name: new RegExp(keyId) });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('有效');
    expect(await seriousViolations(page)).toEqual([]);

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: `撤销密钥 ${keyId}` }).click()]);
    expect(await page.locator('h1').textContent()).toBe('撤销签名密钥：执法人员alice');
    // the time is filled in: now, in the agency's time
    expect(await page.getByLabel('撤销时间').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(await seriousViolations(page)).toEqual([]);

    // no reason: the form comes back with the error summary, the time kept
    await page.getByLabel('撤销时间').fill('2026-03-02T17:30');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认撤销' }).click()]);
    await page.locator('.error-summary').waitFor(WAIT);
    expect(await page.getByLabel('撤销时间').inputValue()).toBe('2026-03-02T17:30');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('撤销理由').fill('密钥遗失');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认撤销' }).click()]);
    await page.getByRole('status').waitFor(WAIT);
    expect(await page.getByRole('status').textContent()).toContain(`密钥 ${keyId} 已撤销`);
    expect(
      await page
        .getByRole('row', { name: new RegExp(keyId) })
        .getByRole('cell')
        .nth(2)
        .textContent(),
    ).toBe('自 2026-03-02T17:30:00+08:00 起撤销');
    expect(await page.getByRole('link', { name: `撤销密钥 ${keyId}` }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    const listed = await s.f.t.call('GET', `/v1/officers?agency=${AGENCY}`);
    const alice = listed.body.items.find((o: { certificateNo: string }) => o.certificateNo === '1405-alice');
    expect(alice.keys[0]).toMatchObject({
      keyId,
      revokedFrom: '2026-03-02T17:30:00+08:00',
      revocationReason: '密钥遗失',
    });
  });
});
