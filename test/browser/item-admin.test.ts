import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { AGENCY } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser("the administrator's enforcement items in Chromium (执法事项管理)", () => {
  const s = useScreensInBrowser();

  it('when the admin retires an item from the list, then the form asks for a reason first, and the list and the public list then show the item retired', async () => {
    const { page } = await s.signIn(s.f.admin);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '执法事项管理' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('执法事项管理');
    const row = () => page.getByRole('row', { name: /P-001/ });
    expect(await row().getByRole('cell').nth(2).textContent()).toBe('行政处罚');
    expect(await row().getByRole('cell').nth(3).textContent()).toBe('有效');
    expect(await seriousViolations(page)).toEqual([]);

    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('link', { name: '管理执法事项：未按规定公示执业信息（查看、修改或停用）' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('执法事项：未按规定公示执业信息');
    expect(await seriousViolations(page)).toEqual([]);

    // no reason: the form comes back with the error summary, its link leading to the field
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认停用' }).click()]);
    await page.locator('.error-summary').waitFor(WAIT);
    expect(await page.getByRole('alert').getByRole('link').getAttribute('href')).toBe('#f-reason');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('停用理由').fill('法律依据已修改，该事项并入其他事项');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认停用' }).click()]);
    await page.getByRole('status').waitFor(WAIT);
    expect(await page.getByRole('status').textContent()).toContain('执法事项“未按规定公示执业信息”（P-001）已停用');
    expect(await row().getByRole('cell').nth(3).textContent()).toBe('已停用');
    expect(await row().getByRole('link').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    const listed = await s.f.t.call('GET', `/v1/items?agency=${AGENCY}`);
    expect(listed.body.items.map((i: { code: string; retired: boolean }) => [i.code, i.retired])).toEqual([
      ['P-001', true],
    ]);
  });
});
