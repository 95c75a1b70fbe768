import { CASE_ACCESS_SHOWN } from '../../src/web/screens.js';
import { AGENCY, DAY, OTHER, openCase, page, startScreensService, type ScreensFixture } from '../support/screens.js';

/*
 * The case page shows a supervisor the latest 20 retrievals of the case and links to the earlier ones
 * (`?accessCursor=`, the access trail's cursor), so the whole trail is readable on the portal.
 */

let f: ScreensFixture;
const RETRIEVALS = CASE_ACCESS_SHOWN + 5;
const purposeOf = (i: number) => `check-${String(i).padStart(2, '0')}`;
const CASE_PAGE = `/cases/${AGENCY}/ac-1`;

beforeAll(async () => {
  f = await startScreensService();
  const opened = await openCase(f, 'ac-1');
  for (let i = 1; i <= RETRIEVALS; i++) {
    const res = await f.t.call('GET', `/v1/cases/ac-1?agency=${AGENCY}&consistentWith=${opened}`, {
      token: f.sam,
      headers: { 'x-purpose': purposeOf(i) },
    });
    expect(res.status).toBe(200);
  }
  await f.t.service.readModelsCaughtUp();
}, 120_000);
afterAll(() => f.t.stop());

/** The purposes of the retrievals the page's trail lists (the page's own reads give none). */
const purposesIn = (text: string) => [...text.matchAll(/：(check-\d+)<\/td>/g)].map((m) => m[1]!);
const nextOf = (text: string) => {
  const nav = /<nav class="pager" aria-label="调阅记录">([\s\S]*?)<\/nav>/.exec(text)?.[1] ?? '';
  return /<a rel="next" href="([^"]+)"/.exec(nav)?.[1]?.replaceAll('&amp;', '&');
};

describe("the case page's access trail a page at a time", () => {
  it('when a supervisor follows the trail to its end, then every retrieval is listed once, latest first', async () => {
    const first = await page(f, CASE_PAGE, f.sam);
    expect(first.status).toBe(200);
    const seen = purposesIn(first.text);
    let pages = 1;
    for (let next = nextOf(first.text); next !== undefined; pages++) {
      expect(next).toMatch(new RegExp(`^${CASE_PAGE}\\?accessCursor=`));
      const res = await page(f, next, f.sam);
      expect(res.status).toBe(200);
      expect(res.text).toContain('回到第一页');
      seen.push(...purposesIn(res.text));
      next = nextOf(res.text);
    }
    expect(seen).toEqual(Array.from({ length: RETRIEVALS }, (_, i) => purposeOf(RETRIEVALS - i)));
    expect(pages).toBe(2);
  });

  it('when the access cursor is not one the trail gave, then 400 and no retrieval is recorded', async () => {
    const bad = await page(f, `${CASE_PAGE}?accessCursor=bogus`, f.sam, { 'x-purpose': 'bad-cursor' });
    expect(bad.status).toBe(400);
    // the same page without the cursor is recorded, with its purpose: what the trail would show of the bad one
    const good = await page(f, CASE_PAGE, f.sam, { 'x-purpose': 'no-cursor' });
    expect(good.status).toBe(200);
    expect(await f.t.service.readModelsCaughtUp()).toBe(true);
    const trail = await f.t.call('GET', `/v1/audit/access?caseId=ac-1&sub=sam&limit=100`, { token: f.sam });
    expect(trail.status).toBe(200);
    expect(trail.body.next).toBeUndefined();
    const purposes = (trail.body.items as { purpose?: string }[]).map((i) => i.purpose);
    expect(purposes).toContain('no-cursor');
    expect(purposes).not.toContain('bad-cursor');
  });

  it("when the page's form states why the file is read, then that retrieval is recorded with it and the trail shows it", async () => {
    const first = await page(f, CASE_PAGE, f.sam);
    // the form a browser can send (it cannot send the x-purpose header), back to the same page
    expect(first.text).toMatch(/<form method="get" action="\/cases\/[^"]+\/ac-1" class="purpose">/);
    expect(first.text).toContain('<label for="purpose">调阅事由</label>');
    const stated = await page(f, `${CASE_PAGE}?purpose=${encodeURIComponent('执法监督检查：\n调阅案卷')}`, f.sam);
    expect(stated.status).toBe(200);
    expect(await f.t.service.readModelsCaughtUp()).toBe(true);
    const trail = await f.t.call('GET', `/v1/audit/access?caseId=ac-1&sub=sam&limit=100`, { token: f.sam });
    const purposes = (trail.body.items as { purpose?: string }[]).map((i) => i.purpose);
    // control characters read as spaces; an empty purpose is none
    expect(purposes).toContain('执法监督检查： 调阅案卷');
    const again = await page(f, CASE_PAGE, f.sam);
    expect(again.text).toContain('：执法监督检查： 调阅案卷</td>');
    expect((await page(f, `${CASE_PAGE}?purpose=`, f.sam)).status).toBe(200);
  });

  it("when the case is outside the reader's scope, then 404 whatever the access cursor, never 403", async () => {
    const opened = await f.t.call('POST', '/v1/cases', {
      token: f.olga,
      body: {
        caseId: 'ac-other',
        itemCode: 'P-001',
        title: '某店未亮照经营案',
        openedOn: DAY,
        officers: ['olga', 'oscar'],
        parties: [{ kind: 'organization', name: '某某商店' }],
      },
    });
    expect(opened.status).toBe(201);
    expect(await f.t.service.readModelsCaughtUp()).toBe(true);
    const other = `/cases/${OTHER}/ac-other`;
    expect((await page(f, other, f.olga)).status).toBe(200);
    // a cursor the county's trail gave, and one no trail gave: neither tells the supervisor the city's case exists
    const given = new URL(nextOf((await page(f, CASE_PAGE, f.sam)).text)!, f.t.url).searchParams.get('accessCursor');
    for (const path of [other, `${other}?accessCursor=${given}`, `${other}?accessCursor=bogus`]) {
      expect([path, (await page(f, path, f.sam)).status]).toEqual([path, 404]);
    }
  });

  it('when an officer opens the case, then no trail and no pager are shown', async () => {
    const res = await page(f, CASE_PAGE, f.alice);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('check-01');
    expect(res.text).not.toContain('class="pager"');
  });
});
