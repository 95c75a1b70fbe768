import { generateKeyPairSync } from 'node:crypto';
import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { AGENCY } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser("the administrator's registration forms in Chromium (登记执法人员、执法事项)", () => {
  const s = useScreensInBrowser();

  it('when the admin registers an officer from the roster, then the empty form names what is missing, and the filled one is recorded and named on the roster', async () => {
    const { page } = await s.signIn(s.f.admin);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '执法人员管理' }).click()]);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '登记执法人员' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('登记执法人员');
    expect(await seriousViolations(page)).toEqual([]);

    // sent empty: the summary is focused, its first link leads to the first field at fault
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认登记' }).click()]);
    await page.locator('.error-summary').waitFor(WAIT);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.getByRole('alert').getByRole('link').first().getAttribute('href')).toBe('#f-officerId');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('人员编号').fill('carol');
    await page.getByLabel('姓名').fill('陈晓');
    await page.getByLabel('执法证号', { exact: true }).fill('JS-2026-0031');
    await page.getByLabel('执法证有效期自').fill('2026-01-01');
    await page.getByLabel('执法证有效期至').fill('2030-12-31');
    await page.getByRole('checkbox', { name: '执法人员', exact: true }).check();
    await page.getByRole('checkbox', { name: '法制审核人员' }).check();
    await page.getByLabel('执法类别').fill('司法行政\n律师管理');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认登记' }).click()]);
    await page.getByRole('status').waitFor(WAIT);
    expect(await page.getByRole('status').textContent()).toContain('执法人员陈晓（carol）已登记');
    const row = page.getByRole('row', { name: /carol/ });
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('陈晓');
    expect(await seriousViolations(page)).toEqual([]);

    const listed = await s.f.t.call('GET', `/v1/officers?agency=${AGENCY}`);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ name: '陈晓', categories: ['司法行政', '律师管理'] }),
    );
  });

  it('when the admin registers an item, then the category is chosen from a list, the major kinds ticked, and the list names it', async () => {
    const { page } = await s.signIn(s.f.admin);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '执法事项管理' }).click()]);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '登记执法事项' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('登记执法事项');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('事项编码').fill('L-010');
    await page.getByLabel('事项名称').fill('基层法律服务所设立审核');
    await page.getByLabel('执法类别').selectOption('licensing');
    await page.getByLabel('法律依据').fill('《基层法律服务所管理办法》第十条');
    await page.getByRole('checkbox', { name: '吊销许可证件' }).check();
    await page.getByLabel('案卷保管期限').fill('永久');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认登记' }).click()]);
    await page.getByRole('status').waitFor(WAIT);
    expect(await page.getByRole('status').textContent()).toContain('执法事项“基层法律服务所设立审核”（L-010）已登记');
    expect(await page.getByRole('row', { name: /L-010/ }).getByRole('cell').nth(2).textContent()).toBe('行政许可');
    expect(await seriousViolations(page)).toEqual([]);

    const listed = await s.f.t.call('GET', `/v1/items?agency=${AGENCY}`);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({
        code: 'L-010',
        category: 'licensing',
        major: { decisionTypes: ['license_revocation'] },
      }),
    );
  });
  it("when the admin amends an officer's record, then the form comes filled in, and the officer's page shows the renewed certificate", async () => {
    const { page } = await s.signIn(s.f.admin);
    await page.goto(`${s.f.t.url}/admin/officers/alice`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '修改登记信息' }).click()]);
    expect(await page.locator('h1').textContent()).toContain('修改执法人员登记信息');
    expect(await page.getByLabel('执法证有效期至').inputValue()).toBe('2030-12-31');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('执法证号', { exact: true }).fill('JS-2027-0001');
    await page.getByLabel('执法证有效期至').fill('2032-12-31');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认修改' }).click()]);
    // no reason: the summary leads to it, and what was typed stays
    await page.locator('.error-summary').waitFor(WAIT);
    expect(await page.getByRole('alert').getByRole('link').getAttribute('href')).toBe('#f-reason');
    expect(await page.getByLabel('执法证有效期至').inputValue()).toBe('2032-12-31');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('修改理由').fill('换发执法证');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认修改' }).click()]);
    await page.getByRole('status').waitFor(WAIT);
    expect(await page.getByRole('status').textContent()).toContain('登记信息已修改');
    expect(await page.getByText('2018-01-01 至 2032-12-31').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
  it("when the admin registers an officer's signing key, then the form takes its PEM, and the officer's page lists it", async () => {
    const { page } = await s.signIn(s.f.admin);
    await page.goto(`${s.f.t.url}/admin/officers/bob`);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '登记签名密钥' }).click()]);
    expect(await seriousViolations(page)).toEqual([]);
    const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await page.getByLabel('公钥').fill(pem);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认登记' }).click()]);
    // no validity and no certificate: the summary leads to the first day
    await page.locator('.error-summary').waitFor(WAIT);
    expect(await page.getByRole('alert').getByRole('link').getAttribute('href')).toBe('#f-validFrom');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('有效期自').fill('2026-01-01');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认登记' }).click()]);
    await page.getByRole('status').waitFor(WAIT);
    expect(await page.getByRole('status').textContent()).toMatch(/密钥 [0-9a-f]{64} 已登记/);
    expect(await page.getByRole('row', { name: /自 2026-01-01 起/ }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
