import { seedAgency, startTestService, type TestService } from '../support/service.js';
import { AGENCY, fixtureClock } from '../support/screens.js';

/*
 * The filing form (/apply) offers every licensing item in force, however many there are: the read's pages are read
 * to the end. Before, it offered the first 200 and an item past them could not be applied for on the portal.
 */

let t: TestService;
/** More licensing items than one page of the items read (200) holds, besides the seeded L-001. */
const MORE = 205;

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
    const res = await fetch(`${t.url}/apply`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const offered = [...text.matchAll(new RegExp(`<option value="${AGENCY}/(L-\\d+)"`, 'g'))].map((m) => m[1]!);
    const expected = ['L-001', ...Array.from({ length: MORE }, (_, i) => `L-${String(101 + i)}`)];
    expect([...offered].sort()).toEqual(expected.sort());
  });
});
