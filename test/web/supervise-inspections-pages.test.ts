import { OVERDUE_PLAN_ROWS } from '../../src/web/pages/supervise-inspections.js';
import { growLogTo, INSPECTION_AGENCY, planBody, seedPlan } from '../support/inspections.js';
import { startTestService, type TestService } from '../support/service.js';

let t: TestService;
let supervisor: string;
/** One plan more than the page lists at once, each drawn and overdue after 2026-03-31. */
const PLANS = OVERDUE_PLAN_ROWS + 1;

async function html(path: string): Promise<string> {
  const res = await fetch(t.url + path, { headers: { accept: 'text/html', authorization: `Bearer ${supervisor}` } });
  expect(res.status).toBe(200);
  return res.text();
}

const planIds = (text: string) => [...text.matchAll(/href="\/inspections\/county-market\/([^"]+)"/g)].map((m) => m[1]!);

beforeAll(async () => {
  t = await startTestService();
  const { admin } = await seedPlan(t);
  const size = (await t.call('GET', '/v1/ledger/checkpoint')).body.size as number;
  const drawAtSize = size + PLANS + 5;
  for (let i = 1; i < PLANS; i++) {
    const body = planBody(drawAtSize, { planId: `P-${String(i).padStart(3, '0')}` });
    const res = await t.call('POST', '/v1/inspections', { token: admin, body });
    expect(res.status).toBe(201);
  }
  await growLogTo(t, admin, drawAtSize + 1);
  const plans = ['P-2026-01', ...Array.from({ length: PLANS - 1 }, (_, i) => `P-${String(i + 1).padStart(3, '0')}`)];
  for (const planId of plans) {
    const res = await t.call('POST', `/v1/inspections/${planId}/draw`, { token: admin, body: {} });
    expect(res.status).toBe(201);
  }
  await t.service.readModelsCaughtUp();
  supervisor = t.token('sam', INSPECTION_AGENCY, ['supervisor']);
}, 180_000);
afterAll(() => t.stop());

describe('/supervise/inspections over more plans than one page lists', () => {
  it('when more plans are overdue than the page lists, then a next page lists the rest, as of the same day', async () => {
    const first = await html('/supervise/inspections?asOf=2026-05-01');
    const shown = new Set(planIds(first));
    expect(shown.size).toBe(OVERDUE_PLAN_ROWS);
    const next = /<a rel="next" href="([^"]+)"/.exec(first)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toBeDefined();
    expect(next).toContain('asOf=2026-05-01');
    const second = await html(next!);
    const rest = new Set(planIds(second));
    expect(rest.size).toBe(PLANS - OVERDUE_PLAN_ROWS);
    for (const planId of rest) expect(shown.has(planId)).toBe(false);
    expect(second).not.toContain('rel="next"');
    const english = await html(`${next!}&lang=en`);
    expect(english).toContain('First page');
  });
});
