import { PublicReads } from '../../src/app/public-reads.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { AGENCY, fixtureClock } from '../support/screens.js';

/*
 * The filing form (/apply) offers every licensing item in force, however many there are: the read's pages are read
 * to the end. Before, it offered the first 200 and an item past them could not be applied for on the portal. The
 * form asks for 200 items a read; here the read answers at most three, so a few items take it over several pages.
 */

let t: TestService;
/** Licensing items besides the seeded L-001: with it, three reads of three items. */
const MORE = 7;
const READ = 3;

beforeAll(async () => {
  t = await startTestService({}, { clock: fixtureClock() });
  const { admin } = await seedAgency(t, AGENCY, { item: { code: 'L-001', category: 'licensing' } });
  for (let i = 1; i <= MORE; i++) {
    const item = {
      code: `L-${String(100 + i)}`,
      agency: AGENCY,
      name: `许可事项${i}`,
      category: 'licensing',
      legalBasis: '《律师法》第五条',
    };
    const res = await t.call('POST', '/v1/items', { token: admin, body: item });
    expect(res.status).toBe(201);
  }
  await t.service.readModelsCaughtUp();
}, 180_000);
afterAll(() => t.stop());

describe('the filing form over many licensing items', () => {
  it('when more licensing items are in force than one read returns, then the form offers every one, once', async () => {
    const items = PublicReads.prototype.items;
    const read = jest.spyOn(PublicReads.prototype, 'items').mockImplementation(function (
      this: PublicReads,
      filter,
      paging,
      consistentWith,
    ) {
      return items.call(this, filter, { ...paging, limit: Math.min(paging.limit, READ) }, consistentWith);
    });
    try {
      const res = await fetch(`${t.url}/apply`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(200);
      const text = await res.text();
      const offered = [...text.matchAll(new RegExp(`<option value="${AGENCY}/(L-\\d+)"`, 'g'))].map((m) => m[1]!);
      const expected = ['L-001', ...Array.from({ length: MORE }, (_, i) => `L-${String(101 + i)}`)];
      expect([...offered].sort()).toEqual(expected.sort());
      expect(read.mock.calls.length).toBeGreaterThanOrEqual(Math.ceil((MORE + 1) / READ));
    } finally {
      read.mockRestore();
    }
  });
});
