import type { Page } from 'playwright-core';
import { describeInBrowser, seriousViolations } from '../support/browser.js';
import { useScreensInBrowser } from '../support/screens-browser.js';

describeInBrowser("the officer's cases a page at a time, in Chromium", () => {
  const s = useScreensInBrowser();
  let page: Page;
  const CASES = 5;

  beforeAll(async () => {
    for (let i = 1; i <= CASES; i++) {
      const opened = await s.f.t.call('POST', '/v1/cases', {
        token: s.f.alice,
        body: {
          caseId: `wp-${i}`,
          itemCode: 'P-001',
          title: `分页案${i}`,
          openedOn: `2026-02-0${i}`,
          officers: ['alice', 'bob'],
          parties: [{ kind: 'organization', name: '某某律师事务所' }],
        },
      });
      expect(opened.status).toBe(201);
    }
    await s.f.t.service.readModelsCaughtUp();
    ({ page } = await s.signIn(s.f.alice));
  }, 120_000);

  const titles = () => page.locator('section[aria-labelledby="cases"] tbody td:first-child a').allTextContents();
  const pagerLink = (name: string) =>
    page.getByRole('navigation', { name: '本机关的案件' }).getByRole('link', { name, exact: true });

  it('when the officer follows the next links to the end and back, then every case is shown once, newest first, with no serious axe violation', async () => {
    await page.goto(`${s.f.t.url}/work?limit=2`);
    const seen = await titles();
    expect(await seriousViolations(page)).toEqual([]);
    for (let pages = 1; (await pagerLink('下一页').count()) > 0; pages++) {
      expect(pages).toBeLessThan(CASES);
      await Promise.all([page.waitForURL(/cursor=/, { timeout: 60_000 }), pagerLink('下一页').click()]);
      seen.push(...(await titles()));
    }
    expect(seen).toEqual(['分页案5', '分页案4', '分页案3', '分页案2', '分页案1']);
    expect(await seriousViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(`${s.f.t.url}/work?limit=2`, { timeout: 60_000 }),
      pagerLink('回到第一页').click(),
    ]);
    expect(await titles()).toEqual(['分页案5', '分页案4']);
  });

  it('when /work is read on a phone, with a case whose id the service made (a UUID), then nothing is wider than the screen', async () => {
    const opened = await s.f.t.call('POST', '/v1/cases', {
      token: s.f.alice,
      body: {
        itemCode: 'P-001',
        title: '某某律师事务所未按规定公示执业信息及收费标准案',
        openedOn: '2026-02-09',
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某某律师事务所' }],
      },
    });
    expect(opened.body.caseId).toMatch(/^[0-9a-f-]{36}$/);
    await s.f.t.service.readModelsCaughtUp();
    const { page: phone } = await s.signIn(s.f.alice, { viewport: { width: 375, height: 800 } });
    await phone.goto(`${s.f.t.url}/work`);
    expect(await phone.locator('td', { hasText: opened.body.caseId }).count()).toBe(1);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const table = await phone.locator('section[aria-labelledby="cases"] table').boundingBox();
    expect(table!.x + table!.width).toBeLessThanOrEqual(375);
    expect(await seriousViolations(phone)).toEqual([]);
  });
});
