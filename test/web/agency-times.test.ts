import type { Clock } from '../../src/ports/clock.js';
import { INSPECTION_ENTRY } from '../support/published.js';
import { seedAgency, startTestService, type TestService } from '../support/service.js';

/*
 * The service records when a document was published, a catalogue set or a benchmark changed by its clock, in UTC.
 * The public pages show those times in the agency's time (`LEDGER_UTC_OFFSET`, +08:00 by default), with the offset
 * written, and date them by its calendar: recorded at 17:30 UTC on 14 June, they read 01:30 on 15 June. Before,
 * the instant was cut as written, so a reader in the county saw 17:30 on the day before.
 */

const AGENCY = 'county-justice';
const START = Date.parse('2026-06-14T17:30:00Z');
const started = Date.now();
/** The service's clock: 17:30 UTC on 14 June when the test starts (01:30 on 15 June in China), ticking from there. */
const clock: Clock = { now: () => new Date(START + (Date.now() - started)) };
/** The agency's day when the records were made, and their local time to the hour with the offset's place. */
const LOCAL_DAY = '2026-06-15';
const LOCAL_TIME = /2026-06-15 01:\d{2} \+08:00/;

let t: TestService;

const html = async (route: string) => {
  const res = await fetch(t.url + route, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  return res.text();
};

beforeAll(async () => {
  t = await startTestService({}, { clock });
  const { admin } = await seedAgency(t, AGENCY);
  const ok = async (method: string, route: string, body: object) => {
    const res = await t.call(method, route, { token: admin, body });
    if (res.status !== 201) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await ok('PUT', `/v1/agencies/${AGENCY}/inspection-list/RC-01`, { ...INSPECTION_ENTRY, note: '首次公布' });
  await ok('PUT', `/v1/agencies/${AGENCY}/inspection-list/RC-02`, { ...INSPECTION_ENTRY, note: '首次公布' });
  await ok('POST', `/v1/agencies/${AGENCY}/inspection-list/RC-02/withdrawal`, { reason: '事项取消' });
  await ok('PUT', `/v1/agencies/${AGENCY}/review-catalogue`, {
    agency: AGENCY,
    level: 'county',
    entries: [{ entryId: 'RC-01', description: '五千元以上罚款', decisionTypes: ['fine'], amountFenAtLeast: 500_000 }],
    reason: '首次编制',
  });
  await ok('POST', '/v1/benchmarks', {
    itemCode: 'P-001',
    agency: AGENCY,
    basis: '县司法局行政处罚裁量基准（2026）',
    circumstances: [{ circumstance: 'serious', description: '多次违法', minFen: 300_000, maxFen: 800_000 }],
  });
  await t.service.readModelsCaughtUp();
}, 60_000);
afterAll(() => t?.stop());

describe("the public pages show recorded times in the agency's time", () => {
  it('when a published document is listed, shown, and withdrawn, then its times are local with the offset', async () => {
    const list = await html(`/published/inspection-list?agency=${AGENCY}`);
    expect(list).toMatch(new RegExp(`<td>${LOCAL_TIME.source}</td>`));
    const doc = await html(`/published/inspection-list/${AGENCY}/RC-01`);
    // the version's line and the history
    expect(doc).toMatch(new RegExp(`发布时间\\s+${LOCAL_TIME.source} ·`));
    expect(doc).toMatch(new RegExp(`<td>${LOCAL_TIME.source}</td>`));
    const withdrawn = await html(`/published/inspection-list/${AGENCY}/RC-02`);
    expect(withdrawn).toMatch(new RegExp(`本文件已于 ${LOCAL_TIME.source} 撤销，原因：事项取消`));
    for (const text of [list, doc, withdrawn]) expect(text).not.toContain('2026-06-14 17:');
  });

  it('when the review catalogue is shown, then the time its version came into force is local with the offset', async () => {
    const text = await html(`/published/review-catalogue?agency=${AGENCY}`);
    expect(text).toMatch(new RegExp(`自 ${LOCAL_TIME.source} 起施行`));
    expect(text).toMatch(new RegExp(`<td>${LOCAL_TIME.source}</td>`));
    expect(text).not.toContain('2026-06-14 17:');
  });

  it("when the benchmarks are shown, then the date each was set is the agency's", async () => {
    for (const route of ['/benchmarks', `/benchmarks/${AGENCY}/P-001`]) {
      const text = await html(route);
      expect(text).toContain(`发布时间：${LOCAL_DAY}`);
      expect(text).not.toContain('发布时间：2026-06-14');
    }
  });
});
