import { readerTrail } from '../../src/app/access-log.js';
import { AGENCY, page, recordAct, startScreensService, type ScreensFixture } from '../support/screens.js';

/*
 * The officer's cases (/work) and the reviewer's queue (/reviews) list 50 at a time (`?limit=` another size) and
 * link to the next page by the read's cursor, so no case is out of the portal's reach however many there are.
 */

let f: ScreensFixture;
const CASES = 7;
const caseIdOf = (i: number) => `pg-${String(i).padStart(2, '0')}`;

beforeAll(async () => {
  f = await startScreensService();
  for (let i = 1; i <= CASES; i++) {
    const opened = await f.t.call('POST', '/v1/cases', {
      token: f.alice,
      body: {
        caseId: caseIdOf(i),
        itemCode: 'P-001',
        title: `分页案${i}`,
        openedOn: `2026-02-${String(i).padStart(2, '0')}`,
        officers: ['alice', 'bob'],
        parties: [{ kind: 'organization', name: '某某律师事务所' }],
      },
    });
    expect(opened.status).toBe(201);
    const day = `2026-02-${String(10 + i).padStart(2, '0')}`;
    await recordAct(f, f.alice, caseIdOf(i), {
      type: 'LegalReviewRequested',
      occurredAt: `${day}T09:00:00+08:00`,
      data: { proposed: { decisionType: 'warning', legalBasis: '《律师法》第五十条' } },
    });
  }
  await f.t.service.readModelsCaughtUp();
}, 120_000);
afterAll(() => f.t.stop());

const casesIn = (text: string) => [...text.matchAll(/<a href="\/cases\/[^/]+\/(pg-\d+)">/g)].map((m) => m[1]!);
const nextOf = (text: string) => /<a rel="next" href="([^"]+)"/.exec(text)?.[1]?.replaceAll('&amp;', '&');

/** Every case a list shows, reading it from `path` by its next links to the end; and how many pages it took. */
async function readAll(path: string, token: string): Promise<{ seen: string[]; pages: number }> {
  const first = await page(f, path, token);
  expect(first.status).toBe(200);
  expect(first.text).not.toContain('回到第一页');
  const seen = casesIn(first.text);
  let pages = 1;
  for (let next = nextOf(first.text); next !== undefined; pages++) {
    expect(next).toContain('limit=3');
    const res = await page(f, next, token);
    expect(res.status).toBe(200);
    expect(res.text).toContain('回到第一页');
    seen.push(...casesIn(res.text));
    next = nextOf(res.text);
  }
  return { seen, pages };
}

const newestFirst = Array.from({ length: CASES }, (_, i) => caseIdOf(CASES - i));

describe('the work lists a page at a time', () => {
  it('when an officer reads /work three cases a page, then every case is listed once, newest opened first', async () => {
    const { seen, pages } = await readAll('/work?limit=3', f.alice);
    expect(seen).toEqual(newestFirst);
    expect(pages).toBe(3);
  });

  it('when a reviewer reads /reviews three cases a page, then every case awaiting review is listed once, latest first', async () => {
    const { seen, pages } = await readAll('/reviews?limit=3', f.rita);
    expect(seen).toEqual(newestFirst);
    expect(pages).toBe(3);
  });

  it('when no size is asked for, then the first page is as before: every case, no pager', async () => {
    const work = await page(f, '/work', f.alice);
    expect(casesIn(work.text)).toEqual(newestFirst);
    expect(work.text).not.toContain('class="pager"');
    const reviews = await page(f, '/reviews', f.rita);
    expect(reviews.text).not.toContain('class="pager"');
  });

  it('when the cursor or the size is not one the list gives, then 400', async () => {
    expect((await page(f, '/work?cursor=bogus', f.alice)).status).toBe(400);
    expect((await page(f, '/reviews?cursor=bogus', f.rita)).status).toBe(400);
    expect((await page(f, '/work?limit=0', f.alice)).status).toBe(400);
    expect((await page(f, `/work?limit=201&agency=${AGENCY}`, f.alice)).status).toBe(400);
  });

  it("when /work and /reviews show cases, then each showing is recorded on the reader's trail, naming the cases shown", async () => {
    const trail = async (sub: string) =>
      (await f.t.service.events.readStream(readerTrail(AGENCY, sub))).map(
        (r) => r.event.data as unknown as ListingData,
      );
    const alice = (await trail('alice')).length;
    const rita = (await trail('rita')).length;
    const work = await page(f, '/work?limit=3', f.alice);
    const reviews = await page(f, '/reviews?limit=2', f.rita);
    const aliceTrail = await trail('alice');
    const ritaTrail = await trail('rita');
    expect(aliceTrail).toHaveLength(alice + 1);
    expect(ritaTrail).toHaveLength(rita + 1);
    expect(aliceTrail.at(-1)).toMatchObject({ action: 'list_cases' });
    expect(aliceTrail.at(-1)!.cases.map((c) => c.caseId)).toEqual(casesIn(work.text));
    expect(ritaTrail.at(-1)).toMatchObject({ action: 'list_reviews' });
    expect(ritaTrail.at(-1)!.cases.map((c) => c.caseId)).toEqual(casesIn(reviews.text));
  });
});

interface ListingData {
  readonly action: string;
  readonly cases: { readonly agency: string; readonly caseId: string }[];
}
