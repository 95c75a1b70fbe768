import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';
import { AGENCY } from '../support/screens.js';

/** Generous: a busy 2-core machine; the waits only say "appears", never how fast. */
const WAIT = { timeout: 60_000 };

describeInBrowser("the administrator's officer roster in Chromium (执法人员管理)", () => {
  const s = useScreensInBrowser();

  it('when the admin suspends an officer from the roster, then the form asks for a reason first, and the roster and the public list then show the officer suspended', async () => {
    const { page } = await s.signIn(s.f.admin);
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '执法人员管理' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('执法人员管理');
    const bobRow = page.getByRole('row', { name: /1405-bob/ });
    expect(await bobRow.getByRole('cell').nth(4).textContent()).toBe('在岗');
    expect(await seriousViolations(page)).toEqual([]);

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: '管理：执法人员bob' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('管理执法人员：执法人员bob');
    expect(await page.getByRole('radio', { name: '恢复执法资格' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // no reason: the form comes back with the error summary, the choice kept
    await page.getByRole('radio', { name: '暂停执法资格' }).check();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认变更' }).click()]);
    await page.locator('.error-summary').waitFor(WAIT);
    expect(await page.getByRole('radio', { name: '暂停执法资格' }).isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('理由').fill('涉嫌违规执法，暂停执法资格');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: '确认变更' }).click()]);
    await page.getByRole('status').waitFor(WAIT);
    expect(await page.getByRole('status').textContent()).toContain('执法人员bob的状态已变更');
    expect(
      await page
        .getByRole('row', { name: /1405-bob/ })
        .getByRole('cell')
        .nth(4)
        .textContent(),
    ).toBe('暂停执法');
    expect(await seriousViolations(page)).toEqual([]);

    const listed = await s.f.t.call('GET', `/v1/officers?agency=${AGENCY}&status=suspended`);
    expect(listed.body.items.map((o: { certificateNo: string }) => o.certificateNo)).toEqual(['1405-bob']);
  });
});
