import { openCase, startReplicas, until, type Replicas } from '../support/replicas.js';
import { seedAgency } from '../support/service.js';

/**
 * Read-your-writes across replicas: a read on a replica whose read models have not applied a write another replica
 * made waits for it, bounded, and then answers `503 not_caught_up` (a page saying so, on the portal), never a
 * stale answer; once the replica has applied it, the read answers.
 */
const AGENCY = 'county-justice';
let r: Replicas;

beforeAll(async () => {
  r = await startReplicas({ env: { READ_WAIT_MS: '800' } }); // the 503s below come after this wait
}, 60_000);
afterAll(async () => r?.stop());

describe('a write on one replica read on another that lags', () => {
  it('when the reading replica has not applied the write in time, then 503 not_caught_up (JSON and page), and once it has, the case', async () => {
    const lag = r.standIn.holdDelivery((index) => index >= r.subscriptionsOfA);
    const { officer } = await seedAgency(r.a, AGENCY);
    const opened = await openCase(r.a, officer, 'ryw-b');
    expect(opened.status).toBe(201);
    const position = opened.body.position as number;

    const api = await r.b.call('GET', `/v1/cases/ryw-b?consistentWith=${position}`, { token: officer });
    expect([api.status, api.body.code, api.body.wanted]).toEqual([503, 'not_caught_up', position]);
    expect(api.headers.get('retry-after')).toBe('1');

    const route = `/cases/${AGENCY}/ryw-b?consistentWith=${position}`;
    const page = await fetch(r.b.url + route, { headers: { accept: 'text/html', authorization: `Bearer ${officer}` } });
    const text = await page.text();
    expect([page.status, page.headers.get('retry-after')]).toEqual([503, '1']);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(text).toContain('<h1>记录正在处理</h1>');
    expect(text).toContain(`<a href="${route.replace(/&/g, '&amp;')}">重新打开本页</a>`);

    lag.release();
    // the wait is short here (READ_WAIT_MS): on a busy machine the replica may need more than one to apply what was held
    let later = await r.b.call('GET', `/v1/cases/ryw-b?consistentWith=${position}`, { token: officer });
    await until('the lagging replica applies the write', async () => {
      if (later.status !== 503) return true;
      later = await r.b.call('GET', `/v1/cases/ryw-b?consistentWith=${position}`, { token: officer });
      return false;
    });
    expect([later.status, later.body.caseId]).toEqual([200, 'ryw-b']);
  }, 60_000);
});
