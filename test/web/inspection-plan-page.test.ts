import { INSPECTION_AGENCY, planBody, seedPlan } from '../support/inspections.js';
import { startTestService, type TestService } from '../support/service.js';

let t: TestService;

async function html(path: string): Promise<string> {
  const res = await fetch(t.url + path, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The text of the plan page's "drawn from" fact. */
function selectorShown(text: string, term: string): string {
  const match = new RegExp(`<dt>${term}</dt>\\s*<dd>([^<]*)</dd>`).exec(text);
  return match![1]!.trim();
}

beforeAll(async () => {
  t = await startTestService();
  const { admin, drawAtSize } = await seedPlan(t);
  const targets = { kinds: ['individual_business', 'enterprise'], sectors: ['food'], tags: ['chain', 'restaurant'] };
  const res = await t.call('POST', '/v1/inspections', {
    token: admin,
    body: planBody(drawAtSize + 100, { planId: 'P-sel', targets }),
  });
  expect(res.status).toBe(201);
  await t.service.readModelsCaughtUp();
}, 120_000);
afterAll(() => t.stop());

describe("a plan's page says which subjects it draws from", () => {
  it('when a plan selects by kind, sector and tags, then the page names each list, the kinds in the reader’s language', async () => {
    const zh = selectorShown(await html(`/inspections/${INSPECTION_AGENCY}/P-sel`), '抽取范围');
    expect(zh).toBe('类型：个体工商户、企业；行业：food；标签（具有其一即可）：chain、restaurant');
    const en = selectorShown(await html(`/inspections/${INSPECTION_AGENCY}/P-sel?lang=en`), 'Drawn from');
    expect(en).toBe('kinds: individual business, enterprise; sectors: food; tags (any one of): chain, restaurant');
  });

  it('when a plan selects by sector only, then only that list is named', async () => {
    const zh = selectorShown(await html(`/inspections/${INSPECTION_AGENCY}/P-2026-01`), '抽取范围');
    expect(zh).toBe('行业：food');
  });
});
