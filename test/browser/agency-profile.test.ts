import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { AGENCY } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser("the agency's public profile in Chromium (行政执法主体)", () => {
  const s = useScreensInBrowser();

  it('when the admin records the agency’s name and contacts, then the form is filled in again, and the public list and the officer list show the name', async () => {
    const { page } = await s.signIn(s.f.admin);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '机关信息' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('本机关公开信息');
    expect(await seriousViolations(page)).toEqual([]);

    // sent without a name: the summary is focused and leads to the field
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '保存' }).click()]);
    await page.locator('.error-summary').waitFor(WAIT);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.getByRole('alert').getByRole('link').first().getAttribute('href')).toBe('#f-name');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('机关名称').fill('某县司法局');
    await page.getByLabel('办公地址').fill('某县人民路1号');
    await page.getByLabel('办公时间').fill('工作日 8:30—17:30');
    await page.getByLabel('监督投诉电话').fill('12345');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '保存' }).click()]);
    await page.getByRole('status').waitFor(WAIT);
    expect(await page.getByRole('status').textContent()).toContain('已保存');
    expect(await page.getByLabel('机关名称').inputValue()).toBe('某县司法局');
    expect(
      await page
        .getByRole('row', { name: /某县司法局/ })
        .getByRole('cell')
        .first()
        .textContent(),
    ).toBe('1');
    expect(await seriousViolations(page)).toEqual([]);

    const visitor = await (await s.newContext()).newPage();
    await visitor.goto(`${s.f.t.url}/`);
    await Promise.all([visitor.waitForNavigation(), visitor.getByRole('link', { name: '执法主体' }).first().click()]);
    expect(await visitor.locator('h1').textContent()).toBe('行政执法主体');
    const agency = visitor.getByRole('region', { name: '某县司法局' });
    expect(await agency.getByRole('definition').nth(1).textContent()).toBe('某县人民路1号');
    expect(await seriousViolations(visitor)).toEqual([]);
    await Promise.all([visitor.waitForNavigation(), agency.getByRole('link', { name: '执法人员' }).click()]);
    expect(new URL(visitor.url()).search).toBe(`?agency=${AGENCY}`);
    expect(await visitor.getByLabel('执法机关').locator('option:checked').textContent()).toBe('某县司法局');
    expect(await visitor.getByRole('cell', { name: '某县司法局' }).count()).toBeGreaterThan(0);
    expect(await seriousViolations(visitor)).toEqual([]);
  });

  it('when the name and address are long and unbroken, then at a phone’s width the pages that show them still fit the screen', async () => {
    const admin = s.f.admin;
    const long = { agency: AGENCY, name: 'W'.repeat(100), address: `https://example.org/${'x'.repeat(280)}` };
    const set = await s.f.t.call('PUT', `/v1/agencies/${AGENCY}/profile`, { token: admin, body: long });
    expect(set.status).toBe(201);
    const { page } = await s.signIn(admin, { viewport: { width: 390, height: 844 } });
    for (const route of [`/agencies?consistentWith=${set.body.position}`, '/admin/agency-profile', '/officers']) {
      await page.goto(`${s.f.t.url}${route}`);
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const { scrollWidth, clientWidth } = document.documentElement;
        return { scrollWidth, clientWidth };
      });
      expect({ route, scrollWidth }).toEqual({ route, scrollWidth: clientWidth });
    }
  });
});
